"""Hypothesis strategies that take a valid JSON document and break it in one or a few places.

Mutations: hostile values (huge integers and floats written as raw JSON, odd Unicode including
lone surrogates as `\\ud800` escapes and NUL, deep nesting, wrong types), deleted keys,
duplicated keys, oversized strings, and whole-text damage (truncation, junk, a BOM).
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st


@dataclass(frozen=True)
class Raw:
    """JSON text written as is (numbers Python would print differently, NaN, deep nesting)."""

    text: str


@dataclass(frozen=True)
class Dup:
    """An object written with its pairs in order, repeated keys included."""

    pairs: tuple[tuple[str, Any], ...]


def dumps(value: Any) -> str:
    """JSON text of a value that may hold `Raw` and `Dup` parts (lone surrogates escaped)."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, Dup):
        return "{" + ",".join(json.dumps(k) + ":" + dumps(v) for k, v in value.pairs) + "}"
    if isinstance(value, dict):
        return dumps(Dup(tuple(value.items())))
    if isinstance(value, list):
        return "[" + ",".join(dumps(v) for v in value) + "]"
    return json.dumps(value)


ODD_STRINGS = [
    "\ud800",
    "a\udfffb",
    "\x00",
    "nul\x00inside",
    "\u202egnp.exe",
    "e\u0301",
    "\ufeff",
    "\U0001f600",
    "Ａ／Ｂ",
    "x" * 5000,
    "",
    " ",
]
HUGE_NUMBERS = [
    "1" + "0" * 400,
    "1e400",
    "-1e400",
    "1e-400",
    "-0.0",
    "9007199254740993",
    "18446744073709551616",
    "1" * 5000,
    "NaN",
    "Infinity",
    "0.1e1",
]

any_text = st.text(
    alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=()),
    max_size=40,
)
signable_text = st.text(max_size=40)  # no lone surrogates: these can be signed


def _nested(depth: int) -> Raw:
    return Raw("[" * depth + "]" * depth)


hostile_value = st.one_of(
    st.sampled_from(ODD_STRINGS),
    any_text,
    st.sampled_from(HUGE_NUMBERS).map(Raw),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.none(),
    st.booleans(),
    st.just([]),
    st.just({}),
    st.integers(min_value=30, max_value=40).map(_nested),
    st.sampled_from([2000, 100_000]).map(_nested),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(any_text, st.integers(), max_size=2),
)
signable_value = st.one_of(
    st.sampled_from([s for s in ODD_STRINGS if "\ud800" not in s and "\udfff" not in s]),
    signable_text,
    st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.none(),
    st.booleans(),
    st.just([]),
    st.just({}),
    st.lists(st.integers(min_value=0, max_value=9), max_size=3),
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside `value` (the root excluded)."""
    found: list[tuple[Any, ...]] = []
    items: list[tuple[Any, Any]] = []
    if isinstance(value, dict):
        items = list(value.items())
    elif isinstance(value, list):
        items = list(enumerate(value))
    for key, child in items:
        found.append((*prefix, key))
        found += paths(child, (*prefix, key))
    return found


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        document = document[key]
    return document


@st.composite
def mutated_value(draw: st.DrawFn, original: Any, *, signable: bool = False) -> Any:
    """A copy of `original` with one to three structural mutations."""
    document = copy.deepcopy(original)
    values = signable_value if signable else hostile_value
    kinds = ["replace", "delete", "wrap", "oversize"] + ([] if signable else ["duplicate"])
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        where = paths(document)
        if not where:
            break
        path = draw(st.sampled_from(where))
        parent, key = _parent(document, path), path[-1]
        kind = draw(st.sampled_from(kinds))
        if isinstance(parent, Dup):
            break
        if kind == "replace":
            parent[key] = draw(values)
        elif kind == "delete":
            del parent[key]
        elif kind == "wrap":
            parent[key] = [parent[key]]
        elif kind == "oversize":
            parent[key] = draw(st.sampled_from(["A" * 3000, "é" * 70_000]))
        elif isinstance(parent, dict):
            pairs = list(parent.items())
            pairs.insert(draw(st.integers(0, len(pairs))), (key, draw(values)))
            if len(path) == 1:
                return Dup(tuple(pairs))
            _parent(document, path[:-1])[path[-2]] = Dup(tuple(pairs))
            break
    return document


@st.composite
def damaged_text(draw: st.DrawFn, text: bytes) -> bytes:
    """Whole-text damage: cut short, junk appended or inserted, a BOM in front."""
    kind = draw(st.sampled_from(["truncate", "append", "insert", "bom", "flip"]))
    cut = draw(st.integers(min_value=0, max_value=max(len(text) - 1, 0)))
    junk = draw(st.binary(min_size=1, max_size=16))
    if kind == "truncate":
        return text[:cut]
    if kind == "append":
        return text + junk
    if kind == "insert":
        return text[:cut] + junk + text[cut:]
    if kind == "bom":
        return b"\xef\xbb\xbf" + text
    flipped = bytearray(text)
    if flipped:
        flipped[cut] ^= 1 << draw(st.integers(0, 7))
    return bytes(flipped)


@st.composite
def mutated_bytes(draw: st.DrawFn, original: Any) -> bytes:
    """The JSON bytes of a structurally mutated document, sometimes also damaged as text."""
    data = dumps(draw(mutated_value(original))).encode("utf-8")
    if draw(st.booleans()):
        data = draw(damaged_text(data))
    return data
