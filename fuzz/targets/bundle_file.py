"""Fuzz target: `.vouch` bundle files (limits, strict JSON, holder proof, then every item).

The first byte picks a mode. 0: the rest is the file as it is. 1: the rest is parsed and, if it
is an object, signed afresh by the holder key, so the checks behind the holder's proof and the
per-item checks are explored too.
"""

from __future__ import annotations

from _instrument import instrumented

with instrumented(__name__ == "__main__"):
    from _support import UNSIGNABLE, check_refusal, run_fuzzer, sign_presentation

    from vouch.core.canonical import parse_strict
    from vouch.core.errors import VouchError
    from vouch.exchange import bundle as bundles
    from vouch.exchange.importing import check_items


def _decode(data: bytes) -> None:
    try:
        parsed = bundles.decode_bundle(data)
    except VouchError as exc:
        check_refusal(exc)
        return
    checked = check_items(parsed.items)
    total = len(checked.statements) + len(checked.revocations) + len(checked.invalid)
    if total != len(parsed.items):
        raise AssertionError("check_items lost or invented items")
    for item in checked.invalid:
        if not item.reason:
            raise AssertionError("an invalid item without a reason")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    mode, rest = data[0] & 1, data[1:]
    if mode == 0:
        _decode(rest)
        return
    try:
        document = parse_strict(rest)
    except VouchError:
        return
    if not isinstance(document, dict):
        return
    document.pop("proof", None)
    try:
        signed = sign_presentation(document)
    except UNSIGNABLE:
        return
    _decode(signed)


if __name__ == "__main__":
    run_fuzzer(test_one_input)
