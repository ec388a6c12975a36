"""Fuzz target: one credential through both verification layers.

The first byte picks a mode. 0: the rest is checked as it is (layer 1 refuses almost all
mutations, as it should). 1: the rest is parsed, its proof is replaced by a fresh valid one,
and then checked, so the fuzzer explores layer 2 (types, dates, scope, level, ids).
"""

from __future__ import annotations

from typing import Any

from _instrument import instrumented

with instrumented(__name__ == "__main__"):
    from _support import ISSUER, UNSIGNABLE, check_refusal, run_fuzzer

    from vouch.core.canonical import parse_strict
    from vouch.core.credentials import credential_kind, verify_revocation, verify_statement
    from vouch.core.dataintegrity import ASSERTION, add_proof
    from vouch.core.errors import VouchError
    from vouch.exchange.importing import check_item
    from vouch.wallet.importing import verify_any


def _resigned(data: bytes) -> dict[str, Any] | None:
    try:
        document = parse_strict(data)
    except VouchError:
        return None
    if not isinstance(document, dict):
        return None
    document.pop("proof", None)
    try:
        return add_proof(document, ISSUER, purpose=ASSERTION)
    except UNSIGNABLE:
        return None  # cannot be signed, so cannot arrive signed either


def _verify(document: object) -> None:
    try:
        if credential_kind(document) == "revocation":
            verify_revocation(document)
        else:
            verify_statement(document)
    except VouchError as exc:
        check_refusal(exc)
    check_item(0, document)  # the import path turns refusals into InvalidItem rows


def test_one_input(data: bytes) -> None:
    if not data:
        return
    mode, rest = data[0] & 1, data[1:]
    if mode == 1:
        document = _resigned(rest)
        if document is not None:
            _verify(document)
        return
    try:
        verify_any(rest)
    except VouchError as exc:
        check_refusal(exc)
    try:
        document = parse_strict(rest)
    except VouchError:
        return
    _verify(document)


if __name__ == "__main__":
    run_fuzzer(test_one_input)
