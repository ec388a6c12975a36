"""The facade's own rules: input checks, revocation rights, export choices, `verify`."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from vouch.core import credentials as creds
from vouch.core.errors import (
    InvalidInput,
    NotAllowed,
    NotFound,
    WalletLocked,
    WalletNotFound,
    WeakPassphrase,
)
from vouch.core.records import Direction, EndorsementFilter, Kind, Level, Status
from vouch.wallet import Wallet, verify_document

MakeWallet = Callable[..., Wallet]


def test_weak_passphrases_are_refused(tmp_home: Path) -> None:
    for weak in ("short", "aaaaaaaaaaaa", "abababababab"):
        with pytest.raises(WeakPassphrase):
            Wallet.create(tmp_home, weak)
    assert not Wallet.exists(tmp_home)


def test_open_without_a_wallet(tmp_home: Path) -> None:
    with pytest.raises(WalletNotFound):
        Wallet.open(tmp_home, "whatever passphrase")


def test_restore_from_phrase_gives_the_same_did(new_wallet: MakeWallet, tmp_path: Path) -> None:
    original = new_wallet("original")
    with Wallet.create(
        tmp_path / "restored",
        "another passphrase 1",
        recovery_phrase=original.identity.recovery_phrase,
    ) as restored:
        assert restored.did == original.did
        assert restored.safety_code == original.safety_code


def test_endorse_refuses_bad_input(new_wallet: MakeWallet) -> None:
    alice, bob = new_wallet("alice"), new_wallet("bob")
    with pytest.raises(InvalidInput):
        alice.endorse("did:web:example.com", "plumbing", Level.STRONGLY)
    with pytest.raises(InvalidInput):
        alice.endorse(alice.did, "plumbing", Level.STRONGLY)
    with pytest.raises(InvalidInput):
        alice.endorse(bob.did, "home//plumbing", Level.STRONGLY)
    with pytest.raises(InvalidInput):
        alice.endorse(
            bob.did, "plumbing", Level.STRONGLY, valid_until=datetime(2000, 1, 1, tzinfo=UTC)
        )
    with pytest.raises(InvalidInput):
        alice.caution(bob.did, "plumbing", "   ")
    assert alice.count_endorsements() == 0


def test_endorse_stores_a_verifiable_document(new_wallet: MakeWallet) -> None:
    alice, bob = new_wallet("alice"), new_wallet("bob")
    record = alice.endorse(bob.did, " Home / Plumbing ", "strongly", comment="  good  ")
    assert record.scope == "home/plumbing"
    assert record.level is Level.STRONGLY and record.comment == "good"
    assert record.direction is Direction.GIVEN
    statement = creds.verify_statement(json.loads(record.document))
    assert statement.id == record.id
    assert alice.endorsement(record.id) == record


def test_filters(new_wallet: MakeWallet) -> None:
    alice, bob, carol = new_wallet("alice"), new_wallet("bob"), new_wallet("carol")
    alice.endorse(bob.did, "home/plumbing", 3)
    alice.endorse(carol.did, "home/garden", 1)
    alice.caution(carol.did, "finance", "Kept a deposit")
    assert alice.count_endorsements(EndorsementFilter(scope="home")) == 2
    assert alice.count_endorsements(EndorsementFilter(person=carol.did)) == 2
    assert alice.count_endorsements(EndorsementFilter(kind=Kind.CAUTION)) == 1
    assert alice.count_endorsements(EndorsementFilter(level=Level.SMALL_THINGS)) == 1
    assert alice.count_endorsements(EndorsementFilter(status=Status.VALID)) == 3
    assert alice.count_endorsements(EndorsementFilter(direction=Direction.RECEIVED)) == 0
    assert alice.scopes_in_use() == ["finance", "home/garden", "home/plumbing"]


def test_only_the_issuer_revokes(new_wallet: MakeWallet) -> None:
    alice, bob = new_wallet("alice"), new_wallet("bob")
    given = alice.endorse(bob.did, "plumbing", 3)
    bob.import_data(alice.export_bundle())
    with pytest.raises(NotAllowed):
        bob.revoke(given.id, "I do not like it")
    with pytest.raises(NotFound):
        alice.revoke(creds.new_id(), "unknown")
    alice.revoke(given.id, "Retired")
    with pytest.raises(NotAllowed):
        alice.revoke(given.id, "again")
    stored = alice.endorsement(given.id)
    assert stored is not None
    assert stored.status(datetime.now(UTC) + timedelta(seconds=1)) is Status.REVOKED


def test_export_choices(new_wallet: MakeWallet) -> None:
    alice, bob, carol = new_wallet("alice"), new_wallet("bob"), new_wallet("carol")
    to_bob = alice.endorse(bob.did, "plumbing", 3)
    alice.endorse(carol.did, "garden", 2)
    assert len(json.loads(alice.export_bundle())["verifiableCredential"]) == 2
    only_bob = json.loads(alice.export_bundle(to=bob.did))
    assert [d["id"] for d in only_bob["verifiableCredential"]] == [to_bob.id]
    assert only_bob["recipient"] == bob.did
    with pytest.raises(NotFound):
        alice.export_bundle([creds.new_id()])
    with pytest.raises(InvalidInput):
        bob.export_bundle()


def test_locked_wallet_refuses_use_cases(new_wallet: MakeWallet) -> None:
    wallet = new_wallet()
    wallet.lock()
    with pytest.raises(WalletLocked):
        wallet.endorsements()
    with pytest.raises(WalletLocked):
        wallet.export_bundle()


def test_verify_document_on_statements_and_bundles(new_wallet: MakeWallet) -> None:
    alice, bob = new_wallet("alice"), new_wallet("bob")
    given = alice.endorse(bob.did, "plumbing", 3)
    report = verify_document(given.document)
    assert (report.kind, report.proof_valid, report.statement_valid) == ("endorsement", True, True)
    assert report.issuer == alice.did
    bundle = verify_document(alice.export_bundle())
    assert (bundle.kind, bundle.statement_valid, bundle.items) == ("bundle", True, 1)
    text = verify_document(alice.export_text())
    assert text.statement_valid
    tampered = given.document.replace('"level":3', '"level":4')
    assert tampered != given.document
    broken = verify_document(tampered)
    assert not broken.proof_valid and "signature" in broken.reason


def test_verify_endorsement_whose_comment_mentions_a_bundle(new_wallet: MakeWallet) -> None:
    alice, bob = new_wallet("alice"), new_wallet("bob")
    given = alice.endorse(bob.did, "plumbing", 3, comment="Sent me a VouchBundle by mail")
    report = verify_document(given.document)
    assert report.statement_valid, report.reason


def test_settings_round_trip(new_wallet: MakeWallet) -> None:
    wallet = new_wallet()
    assert wallet.get_setting("theme", "light") == "light"
    wallet.set_setting("theme", "dark")
    wallet.set_setting("theme", "dark2")
    assert wallet.get_setting("theme") == "dark2"


def test_trust_answers_name_statements_by_their_own_ids(new_wallet: MakeWallet) -> None:
    me, carol, dan = new_wallet("me"), new_wallet("carol"), new_wallet("dan")
    trusted = me.endorse(carol.did, "plumbing", Level.COMPLETELY)
    theirs = carol.endorse(dan.did, "plumbing", Level.STRONGLY)
    warned = carol.caution(dan.did, "plumbing", "Late twice")
    me.import_data(carol.export_bundle())
    (found,) = [r for r in me.find("plumbing") if r.did == dan.did]
    assert [[s.endorsement_id for s in p.steps] for p in found.paths] == [[trusted.id, theirs.id]]
    assert [c.endorsement_id for c in found.cautions] == [warned.id]
    opinions = me.opinions(dan.did, "plumbing")
    assert {o.endorsement_id for o in opinions} == {theirs.id, warned.id}
    assert {s.endorsement_id for r in me.why(dan.did) for p in r.paths for s in p.steps} == {
        trusted.id,
        theirs.id,
    }


def test_a_contact_says_how_it_was_verified(new_wallet: Callable[..., Wallet]) -> None:
    from vouch.core.records import Verification

    me, dana, eve = new_wallet("me"), new_wallet("dana"), new_wallet("eve")
    assert me.add_contact(dana.did, "Dana").verification is Verification.NONE
    met = me.add_contact(dana.did, "Dana", verified=True, verified_by=Verification.CODE)
    assert met.verification is Verification.CODE
    assert me.update_contact(dana.did, petname="Dana B").verification is Verification.CODE
    assert me.update_contact(dana.did, verified=False).verification is Verification.NONE
    assert me.update_contact(dana.did, verified=True).verification is Verification.IN_PERSON
    assert me.add_contact(eve.did, "Eve", verified=True).verification is Verification.IN_PERSON
