"""Importing what other wallets send: a single credential, a plain presentation (signed or
not), documents written the other ways the specifications allow; kept verbatim, exported and
synced like Vouch's own."""

from __future__ import annotations

import json
from typing import Any

import pytest

from vouch.core import credentials as creds
from vouch.core.canonical import DamagedFile, canonicalize
from vouch.core.dataintegrity import AUTHENTICATION, add_proof, sign_with_config
from vouch.core.errors import InvalidBundle
from vouch.core.identity import Identity
from vouch.core.records import Level
from vouch.wallet import Wallet, verify_document

CAROL = Identity(bytes([9]) * 32)  # a person using another wallet
VC = creds.VC_CONTEXT


def _from_carol(subject: str, scope: str = "home/plumbing", **changes: Any) -> dict[str, Any]:
    document = creds.unsigned_statement(CAROL.did, subject, scope, level=Level.STRONGLY)
    document.update(changes)
    return add_proof(document, CAROL)


def _presentation(items: list[Any], *, holder: Identity | None = CAROL, **extra: Any) -> bytes:
    vp: dict[str, Any] = {"@context": [VC], "type": ["VerifiablePresentation"], **extra}
    vp["verifiableCredential"] = items
    if holder is not None:
        vp = add_proof({**vp, "holder": holder.did}, holder, purpose=AUTHENTICATION)
    return json.dumps(vp).encode()


def test_a_single_credential_file_is_imported(bob: Wallet) -> None:
    document = _from_carol(bob.did)
    preview = bob.preview_import(json.dumps(document).encode())
    assert preview.presenter is None
    assert [e.issuer for e in preview.new] == [CAROL.did]
    assert bob.apply_import(preview).added == 1


def test_a_plain_signed_presentation_from_any_holder_is_imported(bob: Wallet) -> None:
    data = _presentation([_from_carol(bob.did), _from_carol(bob.did, "cooking")])
    preview = bob.preview_import(data)
    assert preview.presenter == CAROL.did
    assert len(preview.new) == 2 and not preview.invalid
    report = verify_document(data)
    assert (report.kind, report.proof_valid, report.statement_valid) == ("presentation", 1, 1)
    assert report.issuer == CAROL.did


def test_a_presentation_holding_one_credential_object_is_imported(bob: Wallet) -> None:
    vp = add_proof(
        {
            "@context": [VC],
            "type": "VerifiablePresentation",
            "verifiableCredential": _from_carol(bob.did),
        },
        CAROL,
        purpose=AUTHENTICATION,
    )
    preview = bob.preview_import(json.dumps(vp).encode())
    assert (preview.presenter, len(preview.new)) == (CAROL.did, 1)


def test_an_unsigned_presentation_is_imported_item_by_item(bob: Wallet) -> None:
    forged = _from_carol(bob.did, "cooking")
    forged["credentialSubject"]["level"] = 4
    data = _presentation([_from_carol(bob.did), forged], holder=None, holder_claim=None)
    preview = bob.preview_import(data)
    assert preview.presenter is None
    assert len(preview.new) == 1
    assert [i.index for i in preview.invalid] == [1]
    report = verify_document(data)
    assert (report.kind, report.proof_valid) == ("presentation", False)
    assert "no proof" in report.reason


def test_an_unsigned_presentation_naming_a_holder_presents_nobody(bob: Wallet) -> None:
    vp = {
        "@context": [VC],
        "type": ["VerifiablePresentation"],
        "holder": CAROL.did,
        "verifiableCredential": [_from_carol(bob.did)],
    }
    assert bob.preview_import(json.dumps(vp).encode()).presenter is None


def test_a_presentation_checked_with_verify_is_judged_by_its_own_proof(bob: Wallet) -> None:
    vp = json.loads(_presentation([_from_carol(bob.did)]))
    vp["proof"]["proofPurpose"] = "assertionMethod"  # a credential's purpose, not a holder's
    report = verify_document(json.dumps(vp).encode())
    assert (report.kind, report.proof_valid) == ("presentation", False)
    assert "authentication" in report.reason
    with pytest.raises(InvalidBundle, match="signature is not valid"):
        bob.preview_import(json.dumps(vp).encode())


def test_a_presentation_signed_by_someone_other_than_its_holder_is_refused(
    bob: Wallet, mallory: Wallet
) -> None:
    vp = json.loads(_presentation([_from_carol(bob.did)]))
    vp["holder"] = mallory.did
    resigned = add_proof(
        {k: v for k, v in vp.items() if k != "proof"}, CAROL, purpose=AUTHENTICATION
    )
    with pytest.raises(InvalidBundle, match="someone other"):
        bob.preview_import(json.dumps(resigned).encode())


def test_other_ways_of_writing_are_kept_verbatim_and_travel_on(
    bob: Wallet, mallory: Wallet
) -> None:
    """Issuer object, other type order, a set of proofs, no `created`: stored as received,
    exported in Bob's bundle, imported again by Mallory, and the same through a sync."""
    document = creds.unsigned_statement(CAROL.did, bob.did, "home", level=Level.COMPLETELY)
    document["issuer"] = {"id": CAROL.did, "name": "Carol"}
    document["type"] = ["VouchEndorsement", "EndorsementCredential", "VerifiableCredential"]
    config = {k: v for k, v in add_proof(document, CAROL)["proof"].items() if k != "proofValue"}
    del config["created"]
    proof = {**config, "proofValue": sign_with_config(document, config, CAROL)}
    signed = {**document, "proof": [proof]}
    bob.import_data(json.dumps(signed).encode())
    stored = bob.endorsement(document["id"])
    assert stored is not None and stored.document == canonicalize(signed).decode()
    preview = mallory.preview_import(bob.export_bundle([document["id"]]))
    assert [e.document for e in preview.new] == [stored.document]
    synced = mallory.preview_documents([json.loads(stored.document)], presenter=bob.did)
    assert [e.issuer for e in synced.new] == [CAROL.did]


def test_sync_applies_the_same_checks(bob: Wallet, mallory: Wallet) -> None:
    good = _from_carol(bob.did)
    two_kinds = add_proof(
        {
            **creds.unsigned_statement(CAROL.did, bob.did, "x", level=Level.STRONGLY),
            "type": [*creds.ENDORSEMENT_TYPES, "VouchCaution"],
        },
        CAROL,
    )
    preview = bob.preview_documents([good, two_kinds], presenter=mallory.did)
    assert len(preview.new) == 1
    assert "two Vouch kinds" in preview.invalid[0].reason


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        (b"\xff\xfe not text", "UTF-8"),
        (b'{"a":', "not valid JSON"),
        (b'{"a":1,"a":2}', "duplicate key"),
        (b'{"type":["Something"]}', "neither a credential nor a presentation"),
        ("vouch:1:!!!!", "pasted text"),
    ],
)
def test_unreadable_files_speak_of_files_and_keep_the_detail(
    bob: Wallet, data: bytes | str, detail: str
) -> None:
    with pytest.raises(DamagedFile) as info:
        bob.preview_import(data)
    assert info.value.message == "This isn't a Vouch file, or it is damaged."
    assert detail in info.value.detail
