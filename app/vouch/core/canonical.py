"""Strict JSON in, RFC 8785 (JCS) canonical bytes out.

`canonicalize` uses the `rfc8785` library, with one fast path: for documents made only of
(exact) dicts, lists, strings, booleans, null and integers within IEEE-754's exact range, whose
keys are strings holding no characters at or above U+D800, `json.dumps(sort_keys=True)`
produces the same bytes (keys then sort the same by code point as by UTF-16 unit, and both
escape exactly the same characters). A property test checks the two agree; everything else goes
through the library.

A JCS object is `{` + its members, sorted by key and joined by `,`, + `}`. So the canonical
form of an object can be put together from canonical objects holding consecutive runs of its
members (`canonical_halves`, `join_objects`, `member_object`): the import uses this to
canonicalize each credential once and still get both the bytes with its proof (stored, and
signed by the bundle) and without it (signed by the credential's own proof).
"""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Callable, Iterable
from typing import Any

import rfc8785

from vouch.core.errors import InvalidBundle

MAX_SAFE_INTEGER = 2**53 - 1
MAX_DEPTH = 32


class DuplicateKey(ValueError):
    pass


class DamagedFile(InvalidBundle):
    """Input that cannot be read at all: `message` speaks to people, `detail` says what the
    reader found (shown on request: `vouch import --verbose`, the import dialog's details)."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(message)
        self.detail = detail


DAMAGED_FILE = "This isn't a Vouch file, or it is damaged."


def _damaged(what: str, detail: str) -> DamagedFile:
    message = DAMAGED_FILE if what in ("file", "bundle") else f"The {what} is damaged."
    return DamagedFile(message, detail)


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKey(f"duplicate key {key[:40]!r}")
            seen.add(key)
    return result


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


def _parse_int(text: str) -> int | float:
    """Integers beyond IEEE-754's exact range are read as the float JCS wrote them from."""
    value = int(text)
    if -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
        return value
    try:
        as_float = float(value)
    except OverflowError as exc:  # beyond 1.8e308
        raise ValueError("an integer too large to be exact") from exc
    # Accept the exact integer, or the digits JCS writes for that float (which read back as a
    # different integer): either way the canonical form parses again to the same number.
    if as_float != value and canonicalize(as_float) != text.encode("ascii"):
        raise ValueError("an integer too large to be exact")
    return as_float


def parse_strict(data: bytes | str, *, what: str = "document") -> Any:
    """Parse JSON that rejects duplicate keys, NaN/Infinity, bad UTF-8 and absurd nesting."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError as exc:
        raise _damaged(what, f"The {what} is not UTF-8 text.") from exc
    try:
        value = json.loads(
            text,
            object_pairs_hook=_reject_duplicates,
            parse_constant=_reject_constant,
            parse_int=_parse_int,
        )
    except DuplicateKey as exc:
        raise _damaged(what, f"The {what} is not strict JSON: {exc}.") from exc
    except RecursionError as exc:
        raise _damaged(what, f"The {what} is nested too deeply.") from exc
    except ValueError as exc:  # JSONDecodeError, oversized integers, NaN
        raise _damaged(what, f"The {what} is not valid JSON ({_first_line(exc)}).") from exc
    if _too_deep(value):
        raise _damaged(what, f"The {what} is nested too deeply.")
    return value


def _too_deep(value: Any, level: int = 1) -> bool:
    """True when containers nest more than MAX_DEPTH levels (`[]` is one level, `[[1]]` two)."""
    kind = type(value)
    if kind is not dict and kind is not list:
        return False
    if level > MAX_DEPTH:
        return True
    for child in value.values() if kind is dict else value:
        kind = type(child)
        if (kind is dict or kind is list) and _too_deep(child, level + 1):
            return True
    return False


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__


# Deeper values go through the library, which also catches reference cycles.
_SIMPLE_NESTING = 64


def _is_simple(value: Any) -> bool:
    """True when `json.dumps(sort_keys=True)` is exactly JCS for this value (but for lone
    surrogates in strings, which the UTF-8 encoding of the result catches)."""
    return _simple_values((value,), 0)


def _simple_values(values: Any, nesting: int) -> bool:
    for value in values:
        kind = type(value)
        if kind is str or kind is bool or value is None:
            continue
        if kind is int:
            if -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
                continue
            return False
        if nesting >= _SIMPLE_NESTING:
            return False
        if kind is dict:
            if not (_simple_keys(value) and _simple_values(value.values(), nesting + 1)):
                return False
        elif kind is list:
            if not _simple_values(value, nesting + 1):
                return False
        else:
            return False
    return True


def _simple_keys(value: dict[Any, Any]) -> bool:
    for key in value:  # a loop, not all(): this runs for every object of every import
        if type(key) is str and (key.isascii() or max(key) < "\ud800"):
            continue
        return False
    return True


class CanonicalizationFailed(ValueError):
    pass


def _refuse(value: object) -> Any:
    raise TypeError(f"{type(value).__name__} is not JSON")


def _make_encoder() -> Callable[[Any], str]:
    """`json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False)`, without the
    encoder object that `json` builds on every call (most of the cost for small values).
    No cycle check: `_is_simple` refuses anything nested deeper than `_SIMPLE_NESTING`."""
    settings = {"sort_keys": True, "separators": (",", ":"), "ensure_ascii": False}
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return json.JSONEncoder(**settings).encode  # type: ignore[arg-type]
    encode = make(None, _refuse, json.encoder.encode_basestring, None, ":", ",", True, False, True)
    return lambda value: "".join(encode(value, 0))


_encode = _make_encoder()


def canonicalize(value: Any) -> bytes:
    """RFC 8785 bytes of `value`. Raises `CanonicalizationFailed` for values JCS cannot express."""
    if _is_simple(value):
        return canonicalize_simple(value)
    try:
        return bytes(rfc8785.dumps(value))
    except (rfc8785.CanonicalizationError, UnicodeEncodeError, TypeError, ValueError) as exc:
        raise CanonicalizationFailed(_first_line(exc)) from exc


def is_simple(value: Any) -> bool:
    """True when `value` and everything in it can take the fast path (see the module doc)."""
    return _is_simple(value)


def canonicalize_simple(value: Any) -> bytes:
    """`canonicalize` of a value for which `is_simple` is true (any part of such a value is
    simple too, so a caller walks a document once and canonicalizes its parts with this)."""
    try:
        return _encode(value).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise CanonicalizationFailed("the document holds an unpaired surrogate") from exc


def canonicalize_reference(value: Any) -> bytes:
    """The library's canonical form, without the fast path (used by tests and benchmarks)."""
    return bytes(rfc8785.dumps(value))


def _utf16(key: str) -> bytes:
    """JCS orders keys by UTF-16 code units, which is the order of their UTF-16BE bytes."""
    return key.encode("utf-16-be", "surrogatepass")


def canonical_halves(
    value: dict[str, Any], key: str, *, simple: bool = False
) -> tuple[bytes, bytes]:
    """JCS of the members of `value` whose keys sort before `key`, and of those after it, each
    as an object. The member `key` itself is in neither. `simple`: `is_simple(value)` is
    known to be true."""
    # Against a key with no character at or above U+D800, code point order (Python's) and
    # UTF-16 order agree: the first differing character decides both the same way.
    plain = key.isascii() or max(key) < "\ud800"
    cut = key if plain else _utf16(key)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for name, item in value.items():
        if type(name) is not str:
            raise CanonicalizationFailed("an object key is not a string")
        if name == key:
            continue
        if (name if plain else _utf16(name)) < cut:  # type: ignore[operator]
            before[name] = item
        else:
            after[name] = item
    encode = canonicalize_simple if simple else canonicalize
    return encode(before), encode(after)


def member_object(key: str, canonical_value: bytes) -> bytes:
    """JCS of the one-member object `{key: value}`, given the value's JCS bytes."""
    return b"{" + canonicalize(key) + b":" + canonical_value + b"}"


def join_objects(*parts: bytes) -> bytes:
    """JCS of the object made of the members of canonical objects `parts`, given in key order
    (every key of a part sorts before every key of the next)."""
    inner = [part[1:-1] for part in parts if part != b"{}"]
    return b"{" + b",".join(inner) + b"}"


def hash_with_list_member(
    hasher: Any, before: bytes, key: str, elements: Iterable[bytes], after: bytes
) -> None:
    """Feed `hasher` the JCS of `join_objects(before, {key: [elements]}, after)` (the
    elements given as their JCS bytes) without building it: a bundle's items are tens of
    megabytes, and joining them took several copies of that."""
    hasher.update(b"{")
    if before != b"{}":
        hasher.update(before[1:-1])
        hasher.update(b",")
    hasher.update(canonicalize(key) + b":[")
    for position, element in enumerate(elements):
        if position:
            hasher.update(b",")
        hasher.update(element)
    hasher.update(b"]")
    if after != b"{}":
        hasher.update(b",")
        hasher.update(after[1:-1])
    hasher.update(b"}")
