"""Two devices of one wallet: a sync carries everything and converges their mutable state."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from support.cli import PASSPHRASE
from support.store import open_store
from vouch.core.changes import Change, clock_from_ms
from vouch.core.errors import InvalidInput
from vouch.core.identity import Identity
from vouch.core.records import Audience, EndorsementFilter, Level, Verification
from vouch.exchange.p2p.service import SyncOptions, SyncServer, sync_with
from vouch.wallet import Wallet
from vouch.wallet.device_items import CHANGE_TYPE, change_document
from vouch.wallet.sync import WalletSyncStore

FAST = SyncOptions(read_timeout=2.0, pairing_timeout=1.0, connect_timeout=2.0)
DANA = Identity.generate().did
EVE = Identity.generate().did


def sync(a: Wallet, b: Wallet) -> None:
    """One local sync, `a` connecting to `b`, both as real wallets over loopback."""

    async def run() -> None:
        server = SyncServer(WalletSyncStore(b), options=FAST)
        port = await server.start()
        try:
            await sync_with(WalletSyncStore(a), "127.0.0.1", port, options=FAST)
        finally:
            await server.close()

    asyncio.run(run())


@pytest.fixture
def two_devices(tmp_path: Path, new_wallet: Callable[..., Wallet]) -> tuple[Wallet, Wallet]:
    laptop = new_wallet("laptop")
    desktop = Wallet.create(
        tmp_path / "desktop", PASSPHRASE, recovery_phrase=laptop.identity.recovery_phrase
    )
    yield laptop, desktop
    desktop.lock()


def rows(wallet: Wallet) -> set[tuple[str, str, str]]:
    return {(e.issuer, e.id, e.audience.value) for e in wallet.endorsements(EndorsementFilter())}


def test_a_sync_between_my_devices_carries_everything(two_devices: tuple[Wallet, Wallet]) -> None:
    laptop, desktop = two_devices
    laptop.add_contact(DANA, "Dana", verified=True, verified_by=Verification.CODE)
    mine = laptop.endorse(DANA, "plumbing", Level.STRONGLY)
    private = laptop.endorse(DANA, "taxes", Level.SMALL_THINGS, audience=Audience.PRIVATE)
    laptop.set_audience(mine.id, Audience.ANYONE)
    desktop.add_contact(EVE, "Eve")
    desktop.endorse(EVE, "cooking", Level.SMALL_THINGS)

    sync(laptop, desktop)

    assert rows(laptop) == rows(desktop)
    assert len(rows(desktop)) == 3
    assert desktop.endorsement(private.id).audience is Audience.PRIVATE
    assert desktop.endorsement(mine.id).audience is Audience.ANYONE
    assert desktop.contact(DANA).petname == "Dana"
    assert desktop.contact(DANA).verification is Verification.CODE
    assert laptop.contact(EVE).petname == "Eve"
    assert {d.name for d in laptop.devices()} == {d.name for d in desktop.devices()}
    others = [d for d in laptop.devices() if not d.this_device]
    assert [d.device_id for d in others] == [desktop.device_id]
    assert others[0].last_sync is not None
    assert laptop.device_id != desktop.device_id


def test_edits_made_offline_on_both_converge_last_writer_wins(
    two_devices: tuple[Wallet, Wallet],
) -> None:
    laptop, desktop = two_devices
    laptop.add_contact(DANA, "Dana")
    laptop.add_contact(EVE, "Eve")
    sync(laptop, desktop)
    laptop.update_contact(DANA, petname="Dana P.")
    laptop.update_contact(EVE, petname="Eve from work")
    time.sleep(0.01)  # the edits below are later by the wall clock (ms resolution)
    desktop.update_contact(DANA, petname="Dana the plumber")
    desktop.remove_contact(EVE)  # later than the laptop's rename: the removal wins

    sync(desktop, laptop)

    for wallet in (laptop, desktop):
        assert wallet.contact(DANA).petname == "Dana the plumber"
        assert wallet.contact(EVE) is None
    assert laptop.change_records() == desktop.change_records()


def test_a_stranger_cannot_send_change_records(
    new_wallet: Callable[..., Wallet], two_devices: tuple[Wallet, Wallet]
) -> None:
    laptop, _ = two_devices
    stranger = new_wallet("stranger")
    laptop.add_contact(stranger.did, "Stranger", verified=True)
    value = '{"petname":"Mallory","verified":true,"note":""}'
    forged = Change(f"contact/{DANA}", value, clock_from_ms(int(time.time() * 1000)), "0" * 32)
    store = WalletSyncStore(laptop)
    summary = store.receive_documents(stranger.did, [change_document(forged)])
    assert summary.invalid == 1 and summary.added == 0
    assert laptop.contact(DANA) is None
    # Positive control: the same record from my own device is applied.
    summary = store.receive_documents(laptop.did, [change_document(forged)])
    assert summary.added == 1
    assert laptop.contact(DANA).petname == "Mallory"
    assert CHANGE_TYPE.encode() in change_document(forged)


def test_a_record_dated_far_ahead_is_refused(two_devices: tuple[Wallet, Wallet]) -> None:
    """A device with a clock years ahead would win every later edit: its records are refused."""
    laptop, _ = two_devices
    now_ms = int(time.time() * 1000)
    store = WalletSyncStore(laptop)
    value = '{"petname":"Dana","verified":false,"note":""}'
    ahead = Change(f"contact/{DANA}", value, clock_from_ms(now_ms + 3 * 86_400_000), "1" * 32)
    summary = store.receive_documents(laptop.did, [change_document(ahead)])
    assert summary.added == 0 and "future" in summary.reasons[0]
    assert laptop.contact(DANA) is None
    close = Change(f"contact/{DANA}", value, clock_from_ms(now_ms + 3_600_000), "1" * 32)
    assert store.receive_documents(laptop.did, [change_document(close)]).added == 1
    assert laptop.contact(DANA) is not None
    # A local edit made now still comes after the record seen from an hour ahead.
    laptop.update_contact(DANA, petname="Dana P.")
    assert (
        next(c for c in laptop.change_records() if c.key == f"contact/{DANA}").clock > close.clock
    )


@pytest.mark.parametrize(
    "key, value",
    [
        ("contact/not-a-did", '{"petname":"X","verified":false,"note":""}'),
        (f"contact/{DANA}", '{"petname":"","verified":false,"note":""}'),
        (f"contact/{DANA}", '{"petname":"X","verified":"yes","note":""}'),
        (f"contact/{DANA}", '{"petname":"X","verified":true,"verified_by":"magic","note":""}'),
        ("setting/backup.folder", '"/tmp/elsewhere"'),
        ("identity/seed", '"00"'),
        (f"audience/{DANA}/urn:uuid:1", '"everyone"'),
        ("device/" + "2" * 32 + "/name", '"' + "x" * 65 + '"'),
    ],
)
def test_malformed_records_from_my_device_are_refused_and_change_nothing(
    two_devices: tuple[Wallet, Wallet], key: str, value: str
) -> None:
    laptop, _ = two_devices
    before = laptop.change_records()
    record = Change(key, value, clock_from_ms(int(time.time() * 1000)), "3" * 32)
    summary = WalletSyncStore(laptop).receive_documents(laptop.did, [change_document(record)])
    assert summary.invalid == 1 and summary.added == 0
    assert laptop.change_records() == before
    assert laptop.contacts() == []


def test_a_forgotten_device_is_listed_again_when_it_syncs(
    two_devices: tuple[Wallet, Wallet],
) -> None:
    laptop, desktop = two_devices
    sync(laptop, desktop)
    laptop.forget_device(desktop.device_id)
    assert [d.device_id for d in laptop.devices()] == [laptop.device_id]
    with pytest.raises(InvalidInput):
        laptop.forget_device(laptop.device_id)
    sync(desktop, laptop)
    assert [d.device_id for d in laptop.devices()] == [laptop.device_id, desktop.device_id]


def test_state_kept_before_change_records_travels_too(two_devices: tuple[Wallet, Wallet]) -> None:
    """A wallet from a version without change records: its contacts and audiences still go."""
    laptop, desktop = two_devices
    laptop.add_contact(DANA, "Dana", verified=True)
    mine = laptop.endorse(DANA, "plumbing", Level.STRONGLY)
    laptop.set_audience(mine.id, Audience.SUBJECT)
    laptop.set_setting("recovery_phrase_confirmed", "yes")
    with open_store(laptop.home, laptop.store_key()) as database:  # as an older version left it
        database.conn.execute("DELETE FROM changes")
    assert laptop.contact(DANA) is not None

    sync(desktop, laptop)

    assert desktop.contact(DANA).petname == "Dana"
    assert desktop.endorsement(mine.id).audience is Audience.SUBJECT
    assert desktop.get_setting("recovery_phrase_confirmed") == "yes"


def test_a_recovery_share_i_keep_is_kept_by_my_other_device_too(
    tmp_path: Path, two_devices: tuple[Wallet, Wallet], new_wallet: Callable[..., Wallet]
) -> None:
    laptop, desktop = two_devices
    owner, other = new_wallet("owner"), new_wallet("other")
    handed = owner.hand_out_shares([laptop.did, other.did], 2, tmp_path / "shares")
    laptop.import_share(handed.files[0].read_bytes())

    sync(laptop, desktop)

    assert [(s.owner, s.threshold) for s in desktop.held_shares()] == [(owner.did, 2)]


def test_a_share_record_that_does_not_open_here_is_refused(
    tmp_path: Path, two_devices: tuple[Wallet, Wallet], new_wallet: Callable[..., Wallet]
) -> None:
    laptop, _ = two_devices
    owner, other = new_wallet("owner"), new_wallet("other")
    handed = owner.hand_out_shares([laptop.did, other.did], 2, tmp_path / "shares")
    now = clock_from_ms(int(time.time() * 1000))
    store = WalletSyncStore(laptop)
    for index, expect in ((1, 0), (0, 1)):  # sealed to someone else; then the control
        envelope = handed.files[index].read_text().strip()
        split = handed.split.split_id
        record = Change(f"share/{owner.did}/{split}", json.dumps(envelope), now, "4" * 32)
        summary = store.receive_documents(laptop.did, [change_document(record)])
        assert summary.added == expect, summary
        assert len(laptop.held_shares()) == expect
