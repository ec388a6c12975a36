"""Layer 1 (the proof) and layer 2 (a Vouch statement) checks, each with a typed error."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import base58
import pytest

from vouch.core import credentials as creds
from vouch.core.dataintegrity import ASSERTION, AUTHENTICATION, add_proof, verify_proof
from vouch.core.errors import InvalidInput, InvalidProof, NotAnEndorsement
from vouch.core.identity import Identity
from vouch.core.records import Kind, Level

ALICE = Identity(bytes([1]) * 32)
BOB = Identity(bytes([2]) * 32)
MALLORY = Identity(bytes([3]) * 32)
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _unsigned(level: Level | None = Level.STRONGLY, **kw: Any) -> dict[str, Any]:
    return creds.unsigned_statement(ALICE.did, BOB.did, "home/plumbing", level=level, now=NOW, **kw)


def _signed(level: Level | None = Level.STRONGLY, **kw: Any) -> dict[str, Any]:
    return creds.sign_statement(_unsigned(level, **kw), ALICE)


def _resign(document: dict[str, Any], signer: Identity = ALICE) -> dict[str, Any]:
    """Sign an edited document again, so only layer 2 can object."""
    bare = {k: v for k, v in document.items() if k != "proof"}
    return add_proof(bare, signer, purpose=ASSERTION)


# -- building and the happy path -------------------------------------------------------------


def test_endorsement_verifies_at_both_layers() -> None:
    statement = creds.verify_statement(_signed(comment="Fixed our boiler"))
    assert statement.kind is Kind.ENDORSEMENT
    assert (statement.issuer, statement.subject) == (ALICE.did, BOB.did)
    assert statement.scope == "home/plumbing"
    assert statement.level is Level.STRONGLY
    assert statement.comment == "Fixed our boiler"
    assert statement.valid_from == NOW
    assert statement.valid_until == NOW + creds.DEFAULT_VALIDITY


def test_caution_verifies_and_has_no_level() -> None:
    statement = creds.verify_statement(_signed(None, reason="Left a leak"))
    assert statement.kind is Kind.CAUTION
    assert statement.level is None
    assert statement.reason == "Left a leak"


def test_revocation_verifies() -> None:
    target = _signed()["id"]
    revocation = creds.verify_revocation(
        creds.revocation_document(ALICE, target, "Moved away", now=NOW)
    )
    assert (revocation.issuer, revocation.target_id) == (ALICE.did, target)
    assert revocation.reason == "Moved away"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"level": None}, "caution needs"),
        ({"valid_until": NOW - timedelta(days=1)}, "future"),
        ({"valid_until": NOW + timedelta(days=6 * 366)}, "five years"),
        ({"comment": "x" * 1001}, "at most"),
    ],
)
def test_building_refuses_bad_input(kwargs: dict[str, Any], message: str) -> None:
    level = kwargs.pop("level", Level.STRONGLY)
    with pytest.raises(InvalidInput, match=message):
        _unsigned(level, **kwargs)


def test_cannot_endorse_oneself() -> None:
    with pytest.raises(InvalidInput):
        creds.unsigned_statement(ALICE.did, ALICE.did, "x", level=Level.STRONGLY, now=NOW)


# -- layer 1 -----------------------------------------------------------------------------------


def _edit_proof(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    document = copy.deepcopy(_signed())
    change(document["proof"])
    return document


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(proof: dict[str, Any]) -> None:
        proof[key] = value

    return change


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    def change(proof: dict[str, Any]) -> None:
        del proof[key]

    return change


SIXTY_FOUR = "z" + base58.b58encode(bytes(64)).decode()
LAYER_ONE = [
    ("wrong type", _set("type", "Ed25519Signature2020"), "proof type"),
    ("no type", _drop("type"), "proof type"),
    ("wrong cryptosuite", _set("cryptosuite", "eddsa-rdfc-2022"), "cryptosuite"),
    ("created without zone", _set("created", "2026-01-01T00:00:00"), "date-time"),
    ("created not a date", _set("created", "2026-02-30T00:00:00Z"), "real date"),
    ("created a number", _set("created", 1767225600), "date-time"),
    ("bad purpose", _set("proofPurpose", "capabilityInvocation"), "purpose"),
    ("vm not did:key", _set("verificationMethod", "https://example.com/key#1"), "verification"),
    ("vm no fragment", _set("verificationMethod", ALICE.did), "verification"),
    ("vm bad key", _set("verificationMethod", "did:key:z6Mk0#z6Mk0"), "verification"),
    ("vm a list", _set("verificationMethod", [ALICE.verification_method]), "verification"),
    ("proofValue missing", _drop("proofValue"), "multibase"),
    ("proofValue not multibase", _set("proofValue", "u" + "A" * 86), "multibase"),
    ("proofValue not base58", _set("proofValue", "z0OIl" + "1" * 80), "base58"),
    ("proofValue short", _set("proofValue", "z" + base58.b58encode(bytes(63)).decode()), "64"),
    ("proofValue long", _set("proofValue", "z" + base58.b58encode(bytes(65)).decode()), "64"),
    ("proofValue huge", _set("proofValue", "z" + "2" * 500), "multibase"),
    ("proofValue zeros", _set("proofValue", SIXTY_FOUR), "signature"),
    ("vm of another key", _set("verificationMethod", MALLORY.verification_method), "signature"),
    ("context differs", _set("@context", ["https://example.com/other"]), "@context"),
    ("context longer", _set("@context", [*creds.CONTEXTS, "https://example.com/x"]), "@context"),
    ("context shorter", _set("@context", [creds.VC_CONTEXT]), "signature"),
]


@pytest.mark.parametrize(("what", "change", "reason"), LAYER_ONE, ids=[c[0] for c in LAYER_ONE])
def test_layer_one_failures_are_typed_with_a_reason(
    what: str, change: Callable[[dict[str, Any]], None], reason: str
) -> None:
    with pytest.raises(InvalidProof) as info:
        verify_proof(_edit_proof(change))
    assert reason in info.value.reason
    assert info.value.reason == info.value.message


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ("not a dict", "JSON object"),
        ({"a": 1}, "no proof"),
        ({"a": 1, "proof": "z123"}, "not a JSON object"),
        ({"a": 1, "proof": [{"type": "DataIntegrityProof"}]}, "cryptosuite"),
        ({"a": 1, "proof": []}, "no proof"),
        ({"a": 1, "proof": ["z123"]}, "not a JSON object"),
    ],
)
def test_layer_one_refuses_shapes(document: object, reason: str) -> None:
    with pytest.raises(InvalidProof, match=reason):
        verify_proof(document)


def test_a_set_of_one_real_proof_is_the_proof() -> None:
    document = _signed()
    document["proof"] = [document["proof"]]
    assert verify_proof(document).signer == ALICE.did
    assert creds.verify_statement(document).issuer == ALICE.did


def test_expected_purpose_is_enforced() -> None:
    with pytest.raises(InvalidProof, match="purpose"):
        verify_proof(_signed(), expected_purpose=AUTHENTICATION)


def test_tampered_byte_anywhere_breaks_the_signature() -> None:
    """Change each character of every string value of the document, one at a time."""
    original = _signed(comment="short note")
    failures = 0
    for path in _string_paths(original):
        holder, key = _resolve(original, path)
        text = holder[key]
        for position in range(0, len(text), max(1, len(text) // 6)):
            tampered = copy.deepcopy(original)
            target, _ = _resolve(tampered, path)
            char = "b" if text[position] != "b" else "c"
            target[key] = text[:position] + char + text[position + 1 :]
            with pytest.raises(InvalidProof):
                verify_proof(tampered)
            failures += 1
    assert failures > 50


def _string_paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, str):
        return [prefix]
    if isinstance(value, dict):
        items = [(k, v) for k, v in value.items() if k != "proofValue"]
    elif isinstance(value, list):
        items = list(enumerate(value))
    else:
        return []
    return [p for k, v in items for p in _string_paths(v, (*prefix, k))]


def _resolve(document: Any, path: tuple[Any, ...]) -> tuple[Any, Any]:
    holder = document
    for step in path[:-1]:
        holder = holder[step]
    return holder, path[-1]


def test_changing_the_level_breaks_the_signature() -> None:
    document = _signed()
    document["credentialSubject"]["level"] = 4
    with pytest.raises(InvalidProof):
        creds.verify_statement(document)


# -- layer 2 -----------------------------------------------------------------------------------


def _claim_edit(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        if value is _DELETE:
            del document["credentialSubject"][key]
        else:
            document["credentialSubject"][key] = value

    return change


def _doc_edit(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        if value is _DELETE:
            del document[key]
        else:
            document[key] = value

    return change


_DELETE = object()
LAYER_TWO = [
    ("issuer https", _doc_edit("issuer", "https://example.com/issuer"), "issuer"),
    ("issuer object of someone else", _doc_edit("issuer", {"id": MALLORY.did}), "did not sign"),
    ("issuer object without id", _doc_edit("issuer", {"name": "Alice"}), "issuer"),
    ("issuer is someone else", _doc_edit("issuer", MALLORY.did), "did not sign"),
    ("subject not did:key", _claim_edit("id", "did:web:bob.example"), "subject"),
    ("subject missing", _claim_edit("id", _DELETE), "subject"),
    ("subject is issuer", _claim_edit("id", ALICE.did), "themselves"),
    ("level 0", _claim_edit("level", 0), "level"),
    ("level 5", _claim_edit("level", 5), "level"),
    ("level '3'", _claim_edit("level", "3"), "level"),
    ("level true", _claim_edit("level", True), "level"),
    ("level 3.0", _claim_edit("level", 3.0), "level"),
    ("level missing", _claim_edit("level", _DELETE), "level"),
    ("level name wrong", _claim_edit("levelName", "completely"), "level name"),
    ("scope not normalised", _claim_edit("scope", "Home/Plumbing"), "scope"),
    ("scope empty", _claim_edit("scope", ""), "scope"),
    ("scope a list", _claim_edit("scope", ["home"]), "scope"),
    ("reason on endorsement", _claim_edit("reason", "because"), "caution reason"),
    ("comment not text", _claim_edit("endorsementComment", 7), "comment"),
    ("comment too long", _claim_edit("endorsementComment", "x" * 1001), "comment"),
    ("from equals until", _doc_edit("validUntil", "2026-01-01T00:00:00Z"), "before"),
    ("from after until", _doc_edit("validUntil", "2025-12-31T00:00:00Z"), "before"),
    ("valid until 9999", _doc_edit("validUntil", "9999-01-01T00:00:00Z"), "five years"),
    ("a second over five years", _doc_edit("validUntil", "2031-01-05T00:00:01Z"), "five years"),
    ("no validUntil", _doc_edit("validUntil", _DELETE), "date"),
    ("validFrom without zone", _doc_edit("validFrom", "2026-01-01T00:00:00"), "date"),
    ("id not urn:uuid", _doc_edit("id", "https://example.com/1"), "urn:uuid"),
    ("a type missing", _doc_edit("type", ["VerifiableCredential", "VouchEndorsement"]), "type"),
    ("two kinds", _doc_edit("type", [*creds.ENDORSEMENT_TYPES, "VouchCaution"]), "two"),
    ("not VC 2.0", _doc_edit("@context", ["https://www.w3.org/2018/credentials/v1"]), "VC 2.0"),
    ("subject a list", _doc_edit("credentialSubject", [{"id": BOB.did}]), "single object"),
    ("other VC", _doc_edit("type", ["VerifiableCredential"]), "not a Vouch"),
]


@pytest.mark.parametrize(("what", "change", "reason"), LAYER_TWO, ids=[c[0] for c in LAYER_TWO])
def test_layer_two_failures_are_not_endorsements(
    what: str, change: Callable[[dict[str, Any]], None], reason: str
) -> None:
    document = copy.deepcopy(_unsigned(comment="fine work"))
    change(document)
    signed = _resign(document)
    verify_proof(signed)  # layer 1 holds: only layer 2 objects
    with pytest.raises(NotAnEndorsement) as info:
        creds.verify_statement(signed)
    assert reason in info.value.reason


def test_five_years_to_the_second_is_a_statement() -> None:
    until = (NOW + creds.MAX_VALIDITY).strftime("%Y-%m-%dT%H:%M:%SZ")
    statement = creds.verify_statement(_resign({**_unsigned(), "validUntil": until}))
    assert statement.valid_until - statement.valid_from == creds.MAX_VALIDITY


def test_caution_without_reason_is_refused() -> None:
    document = _unsigned(None, reason="Left a leak")
    del document["credentialSubject"]["reason"]
    with pytest.raises(NotAnEndorsement, match="reason"):
        creds.verify_statement(_resign(document))


@pytest.mark.parametrize("reason", ["", "   ", 5])
def test_caution_with_blank_reason_is_refused(reason: object) -> None:
    document = _unsigned(None, reason="Left a leak")
    document["credentialSubject"]["reason"] = reason
    with pytest.raises(NotAnEndorsement, match="reason"):
        creds.verify_statement(_resign(document))


def test_caution_with_a_level_is_refused() -> None:
    document = _unsigned(None, reason="Left a leak")
    document["credentialSubject"]["level"] = 1
    with pytest.raises(NotAnEndorsement, match="never a number"):
        creds.verify_statement(_resign(document))


def test_statement_signed_by_another_key_for_the_issuer_is_refused() -> None:
    with pytest.raises(NotAnEndorsement, match="did not sign"):
        creds.verify_statement(_resign(_unsigned(), signer=MALLORY))


def test_revocation_is_not_an_endorsement() -> None:
    revocation = creds.revocation_document(ALICE, _signed()["id"], "gone", now=NOW)
    with pytest.raises(NotAnEndorsement):
        creds.verify_statement(revocation)


def test_revocation_signed_by_another_key_is_refused() -> None:
    revocation = creds.revocation_document(ALICE, _signed()["id"], "gone", now=NOW)
    with pytest.raises(NotAnEndorsement, match="did not sign"):
        creds.verify_revocation(_resign(revocation, signer=MALLORY))


@pytest.mark.parametrize(
    ("key", "value"),
    [("id", "not-a-uuid"), ("reason", ""), ("reason", "x" * 2001)],
)
def test_revocation_layer_two(key: str, value: str) -> None:
    revocation = creds.revocation_document(ALICE, _signed()["id"], "gone", now=NOW)
    revocation["credentialSubject"][key] = value
    with pytest.raises(NotAnEndorsement):
        creds.verify_revocation(_resign(revocation))


def test_sign_statement_requires_the_issuer() -> None:
    with pytest.raises(ValueError):
        creds.sign_statement(_unsigned(), MALLORY)
