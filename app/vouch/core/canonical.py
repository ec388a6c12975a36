"""Strict JSON in, RFC 8785 (JCS) canonical bytes out.

`canonicalize` uses the `rfc8785` library, with one fast path: for documents made only of
strings, booleans, null and integers within IEEE-754's exact range, whose keys hold no
characters at or above U+D800, `json.dumps(sort_keys=True)` produces the same bytes (keys then
sort the same by code point as by UTF-16 unit, and both escape exactly the same characters).
A property test checks the two agree; everything else goes through the library.
"""

from __future__ import annotations

import json
from typing import Any

import rfc8785

from vouch.core.errors import InvalidBundle

MAX_SAFE_INTEGER = 2**53 - 1
MAX_DEPTH = 32


class DuplicateKey(ValueError):
    pass


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise DuplicateKey(f"duplicate key {key[:40]!r}")
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


def _parse_int(text: str) -> int | float:
    """Integers beyond IEEE-754's exact range are read as the float JCS wrote them from."""
    value = int(text)
    if -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
        return value
    as_float = float(value)
    if as_float != value:
        raise ValueError("an integer too large to be exact")
    return as_float


def parse_strict(data: bytes | str, *, what: str = "document") -> Any:
    """Parse JSON that rejects duplicate keys, NaN/Infinity, bad UTF-8 and absurd nesting."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError as exc:
        raise InvalidBundle(f"The {what} is not UTF-8 text.") from exc
    try:
        value = json.loads(
            text,
            object_pairs_hook=_reject_duplicates,
            parse_constant=_reject_constant,
            parse_int=_parse_int,
        )
    except DuplicateKey as exc:
        raise InvalidBundle(f"The {what} is not strict JSON: {exc}.") from exc
    except RecursionError as exc:
        raise InvalidBundle(f"The {what} is nested too deeply.") from exc
    except ValueError as exc:  # JSONDecodeError, oversized integers, NaN
        raise InvalidBundle(f"The {what} is not valid JSON ({_first_line(exc)}).") from exc
    if _depth(value) > MAX_DEPTH:
        raise InvalidBundle(f"The {what} is nested too deeply.")
    return value


def _depth(value: Any, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__


def _is_simple(value: Any) -> bool:
    """True when `json.dumps(sort_keys=True)` is exactly JCS for this value."""
    if isinstance(value, str):
        return True
    if value is None or isinstance(value, bool):
        return True
    if isinstance(value, int):
        return -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER
    if isinstance(value, dict):
        return all(
            isinstance(k, str) and (not k or max(k) < "\ud800") and _is_simple(v)
            for k, v in value.items()
        )
    if isinstance(value, list):
        return all(_is_simple(v) for v in value)
    return False


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class CanonicalizationFailed(ValueError):
    pass


def canonicalize(value: Any) -> bytes:
    """RFC 8785 bytes of `value`. Raises `CanonicalizationFailed` for values JCS cannot express."""
    if _is_simple(value):
        text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        if not _has_lone_surrogate(text):
            return text.encode("utf-8")
        raise CanonicalizationFailed("the document holds an unpaired surrogate")
    try:
        return bytes(rfc8785.dumps(value))
    except (rfc8785.CanonicalizationError, UnicodeEncodeError, TypeError, ValueError) as exc:
        raise CanonicalizationFailed(_first_line(exc)) from exc


def canonicalize_reference(value: Any) -> bytes:
    """The library's canonical form, without the fast path (used by tests and benchmarks)."""
    return bytes(rfc8785.dumps(value))
