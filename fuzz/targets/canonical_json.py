"""Fuzz target: strict JSON parsing (`parse_strict`) and canonical re-encoding.

Accepted input must canonicalize to bytes that parse back to an equal value and re-canonicalize
to the same bytes; refused input must be an `InvalidBundle` with a clear message.
"""

from __future__ import annotations

from _instrument import instrumented

with instrumented(__name__ == "__main__"):
    from _support import CanonicalRoundTrip, check_refusal, run_fuzzer

    from vouch.core.canonical import MAX_DEPTH, CanonicalizationFailed, canonicalize, parse_strict
    from vouch.core.errors import VouchError


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


def test_one_input(data: bytes) -> None:
    try:
        value = parse_strict(data, what="document")
    except VouchError as exc:
        check_refusal(exc)
        return
    if _depth(value) > MAX_DEPTH + 1:
        raise AssertionError(f"parse_strict accepted nesting {_depth(value)} deep")
    try:
        canonical = canonicalize(value)
    except CanonicalizationFailed:
        return  # e.g. a lone surrogate or an infinite float: refused later as InvalidProof
    try:
        again = parse_strict(canonical, what="canonical form")
    except VouchError as exc:
        raise CanonicalRoundTrip(f"{canonical[:80]!r} is refused: {exc}") from exc
    if again != value:
        raise CanonicalRoundTrip("the canonical form does not parse back to the same value")
    if canonicalize(again) != canonical:
        raise CanonicalRoundTrip("canonicalization is not idempotent")


if __name__ == "__main__":
    run_fuzzer(test_one_input)
