"""What the specifications allow and other implementations produce, each made the other way,
and what they forbid, still refused."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

import pytest

from vouch.core import credentials as creds
from vouch.core.dataintegrity import (
    ASSERTION,
    AUTHENTICATION,
    add_proof,
    sign_with_config,
    verify_proof,
)
from vouch.core.errors import InvalidProof, NotAnEndorsement
from vouch.core.identity import Identity
from vouch.core.records import Level

ALICE = Identity(bytes([1]) * 32)
BOB = Identity(bytes([2]) * 32)
MALLORY = Identity(bytes([3]) * 32)
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _unsigned(**changes: Any) -> dict[str, Any]:
    document = creds.unsigned_statement(
        ALICE.did, BOB.did, "home/plumbing", level=Level.STRONGLY, now=NOW
    )
    document.update(changes)
    return document


def _proof(document: dict[str, Any], signer: Identity = ALICE, **kw: Any) -> dict[str, Any]:
    return add_proof(document, signer, **kw)["proof"]


def test_a_proof_set_with_the_issuers_proof_is_accepted() -> None:
    document = _unsigned()
    witness = _proof(document, MALLORY, purpose=AUTHENTICATION)
    signed = {**document, "proof": [witness, _proof(document)]}
    assert verify_proof(signed, expected_purpose=ASSERTION).signer == ALICE.did
    assert creds.verify_statement(signed).issuer == ALICE.did


def test_a_proof_set_with_one_bad_proof_is_refused() -> None:
    document = _unsigned()
    bad = _proof(document, MALLORY)
    bad["proofValue"] = _proof({**document, "x": 1}, MALLORY)["proofValue"]
    with pytest.raises(InvalidProof, match="signature does not match"):
        creds.verify_statement({**document, "proof": [_proof(document), bad]})


def test_a_proof_set_without_the_issuers_proof_is_refused() -> None:
    document = _unsigned()
    with pytest.raises(NotAnEndorsement, match="did not sign"):
        creds.verify_statement({**document, "proof": [_proof(document, MALLORY)]})


def test_a_proof_set_without_an_assertion_is_refused() -> None:
    document = _unsigned()
    proofs = [_proof(document, purpose=AUTHENTICATION)] * 2
    with pytest.raises(InvalidProof, match="purpose"):
        creds.verify_statement({**document, "proof": proofs})


def test_too_many_proofs_and_chained_proofs_are_refused() -> None:
    document = _unsigned()
    with pytest.raises(InvalidProof, match="more than"):
        verify_proof({**document, "proof": [_proof(document)] * 9})
    chained = {**_proof(document), "previousProof": "urn:uuid:1"}
    with pytest.raises(InvalidProof, match="previousProof"):
        verify_proof({**document, "proof": chained})


def test_the_issuer_as_an_object_is_accepted() -> None:
    document = _unsigned(issuer={"id": ALICE.did, "name": "Alice", "type": ["Profile"]})
    statement = creds.verify_statement(add_proof(document, ALICE))
    assert statement.issuer == ALICE.did


def test_types_in_another_order_with_extra_types_are_accepted() -> None:
    types = ["OpenBadgeCredential", "VouchEndorsement", "EndorsementCredential"]
    document = _unsigned(type=[*types, "VerifiableCredential"])
    assert creds.verify_statement(add_proof(document, ALICE)).level is Level.STRONGLY
    target = document["id"]
    revocation = creds.revocation_document(ALICE, target, "moved", now=NOW)
    bare = {k: v for k, v in revocation.items() if k != "proof"}
    bare["type"] = ["VouchRevocation", "Extra", "VerifiableCredential"]
    assert creds.verify_revocation(add_proof(bare, ALICE)).target_id == target


def test_a_proof_without_created_is_accepted_and_a_bad_one_refused() -> None:
    document = _unsigned()
    proof = _proof(document)
    del proof["created"]
    proof["proofValue"] = _resigned_value(document, proof)
    verified = verify_proof({**document, "proof": proof})
    assert verified.created is None
    for bad in ("2026-01-01T00:00:00", "2026-01-01"):  # a time zone is still required
        with pytest.raises(InvalidProof, match="date-time"):
            verify_proof({**document, "proof": {**proof, "created": bad}})


def _resigned_value(document: dict[str, Any], config: dict[str, Any]) -> str:
    bare = {k: v for k, v in config.items() if k != "proofValue"}
    return sign_with_config(document, bare, ALICE)


def test_a_document_whose_context_extends_the_proofs_is_accepted() -> None:
    signed = add_proof(_unsigned(), ALICE)
    extended = copy.deepcopy(signed)
    extended["@context"] = [*signed["@context"], "https://example.com/more/v1"]
    assert creds.verify_statement(extended).issuer == ALICE.did
    reordered = copy.deepcopy(extended)
    reordered["@context"] = list(reversed(signed["@context"]))
    with pytest.raises(InvalidProof, match="@context"):
        verify_proof(reordered)


def test_a_proof_without_a_context_signs_the_document_as_it_is() -> None:
    document = _unsigned()
    config = {k: v for k, v in _proof(document).items() if k not in ("@context", "proofValue")}
    proof = {**config, "proofValue": _resigned_value(document, config)}
    assert verify_proof({**document, "proof": proof}).signer == ALICE.did


@pytest.mark.parametrize("field", ["validFrom", "validUntil"])
def test_dates_without_a_time_zone_are_still_refused(field: str) -> None:
    document = _unsigned(**{field: "2026-06-01T00:00:00"})
    with pytest.raises(NotAnEndorsement, match="time zone"):
        creds.verify_statement(add_proof(document, ALICE))


def test_a_type_string_is_not_a_statement() -> None:
    document = _unsigned(type="VerifiableCredential")
    assert creds.credential_kind(document) == "credential"
    with pytest.raises(NotAnEndorsement):
        creds.verify_statement(add_proof(document, ALICE))
