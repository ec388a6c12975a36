"""Id squatting: the subject of a caution or a revocation must not be able to suppress it.

An id is chosen by its issuer. The default audience sends what Alice says about Mallory to
Mallory first, so Mallory learns the ids of Alice's caution and revocation before anyone else.
She signs documents of her own under those ids and gets them into Bob's wallet first. Then
Alice's genuine documents reach Bob, by a bundle and by a real sync over loopback, and must
take effect: the revoked endorsement no longer counts, the caution is stored and shown.

The attack tests use only the facade that the code before the fix had too, and their own
fixtures; the control runs them on that code (see `support.baseline`) and sees them fail.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from support.baseline import assertion_failures, baseline_outcomes
from vouch.core import credentials as creds
from vouch.core.dataintegrity import add_proof
from vouch.core.records import EndorsementFilter, Kind, Level
from vouch.exchange import bundle as bundles
from vouch.exchange.p2p.service import serve, sync_with
from vouch.wallet import Wallet
from vouch.wallet.sync import WalletSyncStore

PASSPHRASE = "squatting test passphrase"
PATHS = ["bundle", "sync"]


@dataclass
class People:
    alice: Wallet  # speaks about Mallory
    bob: Wallet  # relies on Alice
    mallory: Wallet  # the subject, who would rather Bob never heard


@pytest.fixture
def people(tmp_path: Path) -> Iterator[People]:
    wallets = [Wallet.create(tmp_path / name, PASSPHRASE) for name in ("alice", "bob", "mallory")]
    alice, bob, mallory = wallets
    bob.endorse(alice.did, "plumbing", Level.COMPLETELY)
    alice.add_contact(bob.did, "Bob", verified=True)  # Alice's statements may travel to Bob
    bob.add_contact(alice.did, "Alice", verified=True)
    yield People(alice, bob, mallory)
    for wallet in wallets:
        wallet.lock()


def items(bundle: bytes) -> list[dict[str, Any]]:
    return list(json.loads(bundle)["verifiableCredential"])


def sent_to_mallory(people: People) -> list[dict[str, Any]]:
    """What Alice gives Mallory: everything she said about her, revocations included."""
    bundle = people.alice.export_bundle(to=people.mallory.did)
    assert people.mallory.import_data(bundle).added >= 1
    return items(bundle)


def squatting_statement(mallory: Wallet, statement_id: str, subject: str) -> dict[str, Any]:
    """An endorsement Mallory really signs, under an id someone else chose."""
    unsigned = creds.unsigned_statement(
        mallory.did, subject, "cooking", level=Level.SMALL_THINGS, statement_id=statement_id
    )
    return creds.sign_statement(unsigned, mallory.identity)


def squatting_revocation(mallory: Wallet, revocation_id: str, target: str) -> dict[str, Any]:
    """A revocation Mallory really signs (of her own statement), under someone else's id."""
    document = creds.revocation_document(mallory.identity, target, "Never mind")
    unsigned = {k: v for k, v in document.items() if k != "proof"}
    return add_proof({**unsigned, "id": revocation_id}, mallory.identity)


def sync_over_loopback(server: Wallet, client: Wallet) -> None:
    """A real sync: `server` listens on 127.0.0.1, `client` connects, both ways."""

    async def both() -> None:
        loop = asyncio.get_running_loop()
        bound: asyncio.Future[int] = loop.create_future()
        stop = asyncio.Event()
        store = WalletSyncStore(server)
        task = asyncio.create_task(
            serve(store, "127.0.0.1", 0, on_listening=bound.set_result, stop_event=stop)
        )
        try:
            await sync_with(WalletSyncStore(client), "127.0.0.1", await bound)
        finally:
            stop.set()
            await task

    asyncio.run(both())


def deliver(path: str, people: People, ids: list[str]) -> None:
    """Alice's genuine documents reach Bob."""
    if path == "bundle":
        preview = people.bob.preview_import(people.alice.export_bundle(ids))
        assert preview.invalid == ()
        people.bob.apply_import(preview)
    else:
        sync_over_loopback(people.alice, people.bob)


def found(wallet: Wallet, did: str, scope: str) -> bool:
    return any(result.did == did for result in wallet.find(scope))


@pytest.mark.parametrize("path", PATHS)
def test_a_squatted_revocation_id_does_not_keep_an_endorsement_alive(
    people: People, path: str
) -> None:
    alice, bob, mallory = people.alice, people.bob, people.mallory
    given = alice.endorse(mallory.did, "plumbing", Level.STRONGLY)
    bob.import_data(alice.export_bundle([given.id]))
    assert found(bob, mallory.did, "plumbing")
    revocation = alice.revoke(given.id, "Botched the job")
    learnt = [d["id"] for d in sent_to_mallory(people) if "VouchRevocation" in d["type"]]
    assert learnt == [revocation.id]
    decoy = squatting_statement(mallory, creds.new_id(), bob.did)
    squat = squatting_revocation(mallory, revocation.id, decoy["id"])
    bob.import_data(bundles.encode_bundle(mallory.identity, [decoy, squat]))

    deliver(path, people, [given.id])

    stored = bob.endorsement(given.id)
    assert stored is not None and stored.issuer == alice.did
    assert stored.revoked_at is not None, "Alice's revocation was dropped"
    assert stored.revocation_reason == "Botched the job"
    assert not found(bob, mallory.did, "plumbing"), "the revoked endorsement still counts"


@pytest.mark.parametrize("path", PATHS)
def test_a_squatted_caution_id_does_not_keep_a_caution_out(people: People, path: str) -> None:
    alice, bob, mallory = people.alice, people.bob, people.mallory
    bob.endorse(mallory.did, "plumbing", Level.STRONGLY)
    caution = alice.caution(mallory.did, "plumbing", "Took the deposit and vanished")
    learnt = [d["id"] for d in sent_to_mallory(people) if "VouchCaution" in d["type"]]
    assert learnt == [caution.id]
    squat = squatting_statement(mallory, caution.id, alice.did)
    assert bob.import_data(bundles.encode_bundle(mallory.identity, [squat])).added == 1

    deliver(path, people, [caution.id])

    cautions = bob.endorsements(EndorsementFilter(person=alice.did, kind=Kind.CAUTION))
    assert [(c.id, c.issuer) for c in cautions] == [(caution.id, alice.did)], "caution refused"
    (result,) = [r for r in bob.find("plumbing") if r.did == mallory.did]
    assert [(n.issuer, n.endorsement_id, n.reason) for n in result.cautions] == [
        (alice.did, caution.id, "Took the deposit and vanished")
    ]


def test_ids_typed_by_a_person_resolve_to_their_own_statement_first(people: People) -> None:
    """Where a stranger reused an id, `vouch revoke`, `export` and `show` still mean mine."""
    alice, bob, mallory = people.alice, people.bob, people.mallory
    mine = alice.endorse(mallory.did, "plumbing", Level.STRONGLY)
    squat = squatting_statement(mallory, mine.id, bob.did)
    alice.import_data(bundles.encode_bundle(mallory.identity, [squat]))
    shown = alice.endorsement(mine.id)
    assert shown is not None and shown.issuer == alice.did
    alice.revoke(mine.id, "Changed my mind")
    exported = items(alice.export_bundle([mine.id]))
    assert {(d["issuer"], d["id"]) for d in exported} == {(alice.did, mine.id)} | {
        (alice.did, d["id"]) for d in exported if "VouchRevocation" in d["type"]
    }


def test_an_id_two_strangers_used_is_a_clear_error(people: People) -> None:
    from vouch.errors import InvalidInput, NotAllowed

    alice, bob, mallory = people.alice, people.bob, people.mallory
    theirs = alice.endorse(mallory.did, "plumbing", Level.STRONGLY)
    squat = squatting_statement(mallory, theirs.id, alice.did)
    bob.import_data(alice.export_bundle([theirs.id]))
    bob.import_data(bundles.encode_bundle(mallory.identity, [squat]))
    with pytest.raises(InvalidInput, match="say whose"):
        bob.endorsement(theirs.id)
    with pytest.raises(InvalidInput, match="say whose"):
        bob.export_bundle([theirs.id])
    shown = bob.endorsement(theirs.id, issuer=alice.did)
    assert shown is not None and shown.scope == "plumbing"
    with pytest.raises(NotAllowed):
        bob.revoke(theirs.id, "Not mine to revoke")


ATTACKS = [
    "test_a_squatted_revocation_id_does_not_keep_an_endorsement_alive",
    "test_a_squatted_caution_id_does_not_keep_a_caution_out",
]


def test_control_the_attacks_succeed_on_the_code_before_the_fix(tmp_path: Path) -> None:
    outcomes = baseline_outcomes(Path(__file__), ATTACKS, tmp_path)
    expected = {f"{name}[{path}]" for name in ATTACKS for path in PATHS}
    assert set(assertion_failures(outcomes)) == expected, outcomes
