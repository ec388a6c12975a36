"""Valid documents built with the real code, mutated by hypothesis, through every outside door.

The rule everywhere: valid input is accepted; anything else is refused with a typed `VouchError`
whose message is clear (non-empty, no traceback, no secret); a refused bundle changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from _support import (
    ISSUER,
    RECON_CONFIG,
    SESSION_CONFIG,
    SUBJECT,
    UNSIGNABLE,
    bundle_bytes,
    caution,
    check_refusal,
    clipboard_text,
    endorsement,
    presentation,
    reconcile_messages,
    revocation,
    session_messages,
    sign_presentation,
    sync_items,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutations import damaged_text, dumps, mutated_bytes, mutated_value

from conftest import store_digest
from vouch.core.canonical import canonicalize, parse_strict
from vouch.core.credentials import credential_kind, verify_revocation, verify_statement
from vouch.core.dataintegrity import ASSERTION, add_proof, format_datetime, parse_datetime
from vouch.core.errors import InvalidBundle, NotAnEndorsement, VouchError
from vouch.exchange import bundle as bundles
from vouch.exchange.importing import check_items
from vouch.exchange.p2p.errors import ProtocolViolation
from vouch.exchange.p2p.reconcile import Reconciler
from vouch.exchange.p2p.session import SyncSession
from vouch.wallet import Wallet

FIRST = endorsement(0)
DOCUMENTS = {"endorsement": FIRST, "caution": caution(1), "revocation": revocation(FIRST["id"])}
UNSIGNED = {name: {k: v for k, v in d.items() if k != "proof"} for name, d in DOCUMENTS.items()}
FAST = settings(max_examples=150, deadline=None)


def _verify(document: object) -> object:
    if credential_kind(document) == "revocation":
        return verify_revocation(document)
    return verify_statement(document)


def _refused_cleanly(action: Callable[[], object]) -> object | None:
    """Run `action`; a `VouchError` must be clear. Returns the result, or None when refused."""
    try:
        return action()
    except VouchError as exc:
        check_refusal(exc)
        return None


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_the_unmutated_documents_are_accepted(name: str) -> None:
    document = parse_strict(canonicalize(DOCUMENTS[name]))
    assert _verify(document) is not None


def _single_proof(document: Any) -> Any:
    """A set of one proof is the same statement as that proof alone."""
    proof = document.get("proof") if isinstance(document, dict) else None
    if isinstance(proof, list) and len(proof) == 1:
        return {**document, "proof": proof[0]}
    return document


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
@FAST
@given(data=st.data())
def test_mutated_signed_credentials_only_pass_when_unchanged(
    name: str, data: st.DataObject
) -> None:
    """The proof covers everything: whatever is accepted is the signed document itself."""
    original = DOCUMENTS[name]
    raw = data.draw(mutated_bytes(original))
    document = _refused_cleanly(lambda: parse_strict(raw))
    if document is None:
        return
    if _refused_cleanly(lambda: _verify(document)) is not None:
        assert canonicalize(_single_proof(document)) == canonicalize(original)
    check_items([document])  # the import path never raises on a bad item


@pytest.mark.parametrize("name", sorted(UNSIGNED))
@FAST
@given(data=st.data())
def test_resigned_mutations_are_accepted_or_refused_cleanly(name: str, data: st.DataObject) -> None:
    """Layer 2 on documents whose proof is valid: accepted fields must match the document."""
    document = data.draw(mutated_value(UNSIGNED[name], signable=True))
    try:
        signed = add_proof(document, ISSUER, purpose=ASSERTION)
    except UNSIGNABLE:
        return
    result = _refused_cleanly(lambda: _verify(signed))
    if result is not None:
        assert getattr(result, "issuer", None) == signed["issuer"] == ISSUER.did
        assert getattr(result, "id", None) == signed["id"]


BAD_FIELDS: list[tuple[tuple[str, ...], Any]] = [
    (("credentialSubject", "level"), 0),
    (("credentialSubject", "level"), 5),
    (("credentialSubject", "level"), "3"),
    (("credentialSubject", "level"), 3.5),
    (("credentialSubject", "level"), True),
    (("credentialSubject", "level"), 2**53 - 1),
    (("credentialSubject", "scope"), ""),
    (("credentialSubject", "scope"), "Home/Plumbing"),
    (("credentialSubject", "scope"), "home//plumbing"),
    (("credentialSubject", "scope"), "a/b/c/d/e"),
    (("credentialSubject", "scope"), "x" * 65),
    (("credentialSubject", "scope"), "nul\x00"),
    (("credentialSubject", "scope"), ["home"]),
    (("credentialSubject", "id"), ISSUER.did),
    (("credentialSubject", "id"), "did:web:example.com"),
    (("credentialSubject", "endorsementComment"), "c" * 1001),
    (("credentialSubject", "endorsementComment"), 7),
    (("credentialSubject", "reason"), "a caution reason on an endorsement"),
    (("credentialSubject",), [{"id": SUBJECT.did}]),
    (("id",), "urn:uuid:not-a-uuid"),
    (("id",), 12),
    (("issuer",), SUBJECT.did),
    (("issuer",), {"id": SUBJECT.did}),
    (("validFrom",), "2026-01-05"),
    (("validFrom",), "2026-02-30T00:00:00Z"),
    (("validFrom",), 1767607200),
    (("validUntil",), "2025-01-01T00:00:00Z"),
    (("validUntil",), None),
    (("type",), ["VerifiableCredential", "VouchEndorsement"]),
    (("@context",), ["https://www.w3.org/2018/credentials/v1"]),
]


@pytest.mark.parametrize(("path", "value"), BAD_FIELDS, ids=lambda v: repr(v)[:30])
def test_invalid_fields_are_refused_even_with_a_valid_proof(
    path: tuple[str, ...], value: Any
) -> None:
    document = parse_strict(canonicalize(UNSIGNED["endorsement"]))
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    signed = add_proof(document, ISSUER, purpose=ASSERTION)
    with pytest.raises(NotAnEndorsement) as info:
        verify_statement(signed)
    check_refusal(info.value)


LEVEL_WORDS = {1: "for small things", 2: "for most things", 3: "strongly", 4: "completely"}
SEGMENT = r"[a-z0-9]([a-z0-9]|-(?=[a-z0-9])){0,8}"


@FAST
@given(
    comment=st.text(min_size=1, max_size=1000),
    scope=st.lists(st.from_regex(SEGMENT, fullmatch=True), min_size=1, max_size=4),
    level=st.integers(min_value=1, max_value=4),
    days=st.integers(min_value=1, max_value=5 * 365),
)
def test_valid_variations_are_accepted_with_their_values(
    comment: str, scope: list[str], level: int, days: int
) -> None:
    document = parse_strict(canonicalize(UNSIGNED["endorsement"]))
    claim = document["credentialSubject"]
    claim.update(scope="/".join(scope), level=level, endorsementComment=comment)
    claim["levelName"] = LEVEL_WORDS[level]
    start = parse_datetime(document["validFrom"], "validFrom")
    document["validUntil"] = format_datetime(start + timedelta(days=days))
    if len(claim["scope"]) > 64:
        return
    statement = verify_statement(add_proof(document, ISSUER, purpose=ASSERTION))
    assert (statement.scope, statement.level, statement.comment) == (claim["scope"], level, comment)


# -- whole bundles through a real wallet ------------------------------------------------------


@pytest.fixture
def bob(new_wallet: Callable[..., Wallet]) -> Wallet:
    return new_wallet("bob")


BUNDLE = parse_strict(bundle_bytes())
BUNDLE_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _import_checked(wallet: Wallet, data: bytes | str) -> None:
    """Preview then apply; a refusal leaves the store exactly as it was."""
    before = store_digest(wallet)
    try:
        preview = wallet.preview_import(data)
    except VouchError as exc:
        check_refusal(exc)
        assert store_digest(wallet) == before
        return
    result = wallet.apply_import(preview)
    assert store_digest(wallet)[0] == before[0] + result.added
    assert all(item.reason for item in preview.invalid)


@BUNDLE_SETTINGS
@given(data=st.data())
def test_mutated_bundle_files_change_nothing_unless_valid(bob: Wallet, data: st.DataObject) -> None:
    _import_checked(bob, data.draw(mutated_bytes(BUNDLE)))


@BUNDLE_SETTINGS
@given(data=st.data())
def test_resigned_bundles_with_mutated_items(bob: Wallet, data: st.DataObject) -> None:
    """The holder's proof is valid; only the items (or the envelope) are hostile."""
    document = data.draw(mutated_value(presentation(BUNDLE["verifiableCredential"]), signable=True))
    try:
        signed = sign_presentation(document)
    except UNSIGNABLE:
        return
    _import_checked(bob, signed)


@BUNDLE_SETTINGS
@given(data=st.data())
def test_mutated_clipboard_text_changes_nothing_unless_valid(
    bob: Wallet, data: st.DataObject
) -> None:
    text = clipboard_text(bundle_bytes()).encode()
    if data.draw(st.booleans()):
        damaged = data.draw(damaged_text(text)).decode("latin-1")
    else:
        inner = dumps(data.draw(mutated_value(BUNDLE))).encode()
        damaged = clipboard_text(inner)
    _import_checked(bob, damaged)


def test_valid_bundle_and_text_are_imported(bob: Wallet) -> None:
    before = store_digest(bob)
    assert bob.import_data(clipboard_text(bundle_bytes())).added == 2
    assert store_digest(bob) != before


# -- p2p messages ------------------------------------------------------------------------------

RECON = reconcile_messages()
TO_INITIATOR, TO_RESPONDER = session_messages()


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_mutated_reconciliation_messages_are_answered_or_refused(data: st.DataObject) -> None:
    side = Reconciler(((i.timestamp, i.item_id) for i in sync_items(range(0, 40))), RECON_CONFIG)
    for message in RECON[1::2]:
        if data.draw(st.booleans()):
            message = data.draw(damaged_text(message))
        try:
            step = side.receive(message)
        except ProtocolViolation as exc:
            check_refusal(exc)
            return
        if step.reply is None:
            return


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_mutated_session_messages_are_handled_or_refused(data: st.DataObject) -> None:
    session = SyncSession(sync_items(range(0, 12)), initiator=True, config=SESSION_CONFIG)
    session.start()
    for message in TO_INITIATOR:
        if data.draw(st.integers(0, 3)) == 0:
            message = data.draw(damaged_text(message))
        try:
            session.receive(message)
        except ProtocolViolation as exc:
            check_refusal(exc)
            return


def test_the_unmutated_session_finishes() -> None:
    session = SyncSession(sync_items(range(0, 12)), initiator=True, config=SESSION_CONFIG)
    session.start()
    got = []
    for message in TO_INITIATOR:
        got += session.receive(message).documents
    assert len(got) == 8 and session.missing == 0


def test_a_bundle_refusal_is_an_invalid_bundle() -> None:
    with pytest.raises(InvalidBundle):
        bundles.decode_bundle(b"{}")
