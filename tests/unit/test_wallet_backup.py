"""Backups of the whole wallet, and restoring them: equal wallets, clear errors, no half files."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from vouch.core.errors import WalletExists, WrongPassphrase
from vouch.core.records import Audience, Level
from vouch.wallet import Wallet
from vouch.wallet.backup import MAGIC, InvalidBackup

NewWallet = Callable[..., Wallet]
PASSPHRASE = "correct horse battery staple"  # what the `new_wallet` fixture uses


def fingerprint(wallet: Wallet) -> dict[str, object]:
    """Everything a restore must bring back, in comparable form."""
    documents = sorted(
        hashlib.sha256(e.document.encode()).hexdigest() for e in wallet.endorsements()
    )
    return {
        "did": wallet.did,
        "statements": documents,
        "audiences": sorted((e.id, e.audience.value) for e in wallet.endorsements()),
        "contacts": sorted((c.did, c.petname, c.verified, c.note) for c in wallet.contacts()),
        "setting": wallet.get_setting("theme"),
        "changes": [c for c in wallet.change_records() if not c.key.startswith("device/")],
    }


@pytest.fixture
def filled(new_wallet: NewWallet) -> Wallet:
    alice, bob = new_wallet("alice"), new_wallet("bob")
    alice.add_contact(bob.did, "Bob", verified=True, note="neighbour")
    given = alice.endorse(bob.did, "home/plumbing", Level.STRONGLY, comment="fixed the sink")
    alice.set_audience(given.id, Audience.ANYONE)
    alice.caution(bob.did, "childcare", "left the kids alone")
    alice.revoke(alice.endorse(bob.did, "cooking", Level.SMALL_THINGS).id, "moved away")
    bob.endorse(alice.did, "gardening", Level.MOST_THINGS)
    alice.import_data(bob.export_text(None))  # something received, too
    alice.set_setting("theme", "dark")
    return alice


def test_a_restored_backup_equals_the_original(filled: Wallet, tmp_path: Path) -> None:
    file = tmp_path / "alice.vouchbackup"
    info = filled.backup(file)
    assert info.size == file.stat().st_size and file.read_bytes().startswith(MAGIC)
    assert file.stat().st_mode & 0o777 == 0o600
    with Wallet.restore_backup(file, tmp_path / "restored", PASSPHRASE) as restored:
        assert fingerprint(restored) == fingerprint(filled)
        assert len(restored.find("plumbing")) == len(filled.find("plumbing"))


def test_the_file_names_nobody(filled: Wallet, tmp_path: Path) -> None:
    data = (filled.backup(tmp_path / "b").path).read_bytes()
    for secret in (filled.did, "Bob", "neighbour", "fixed the sink", "plumbing", "childcare"):
        assert secret.encode() not in data
    assert filled.identity.seed not in data


def test_a_wrong_passphrase_is_refused_and_writes_nothing(filled: Wallet, tmp_path: Path) -> None:
    file = filled.backup(tmp_path / "b").path
    target = tmp_path / "restored"
    with pytest.raises(WrongPassphrase):
        Wallet.restore_backup(file, target, "not the passphrase")
    assert not target.exists()  # not even the folder it made
    target.mkdir()  # a folder the person made stays, empty
    with pytest.raises(WrongPassphrase):
        Wallet.restore_backup(file, target, "not the passphrase")
    assert target.exists() and list(target.iterdir()) == []


def test_a_restored_backup_is_a_new_device_of_the_same_wallet(
    filled: Wallet, tmp_path: Path
) -> None:
    original = filled.device_id  # made before the backup, so the backup holds it
    file = filled.backup(tmp_path / "b").path
    with Wallet.restore_backup(file, tmp_path / "r", PASSPHRASE) as restored:
        assert restored.did == filled.did
        assert restored.device_id != original
        assert restored.contacts() == filled.contacts()


def test_the_passphrase_valid_at_backup_time_opens_it(filled: Wallet, tmp_path: Path) -> None:
    file = filled.backup(tmp_path / "b").path
    filled.change_passphrase(PASSPHRASE, "a brand new passphrase")
    with Wallet.restore_backup(file, tmp_path / "r", PASSPHRASE) as restored:
        assert restored.did == filled.did


@pytest.mark.parametrize("cut", [1, 100, 5000])
def test_a_truncated_backup_is_refused(filled: Wallet, tmp_path: Path, cut: int) -> None:
    file = filled.backup(tmp_path / "b").path
    file.write_bytes(file.read_bytes()[:-cut])
    with pytest.raises(InvalidBackup):
        Wallet.restore_backup(file, tmp_path / "r", PASSPHRASE)
    assert not Wallet.exists(tmp_path / "r")


def test_a_tampered_backup_is_refused(filled: Wallet, tmp_path: Path) -> None:
    file = filled.backup(tmp_path / "b").path
    data = bytearray(file.read_bytes())
    data[len(data) // 2] ^= 0x01
    file.write_bytes(bytes(data))
    with pytest.raises(InvalidBackup, match="altered or damaged"):
        Wallet.restore_backup(file, tmp_path / "r", PASSPHRASE)
    assert not Wallet.exists(tmp_path / "r")


@pytest.mark.parametrize("data", [b"", b"hello", MAGIC + b"\x07", MAGIC + b"\x01\xff\xff\xff\xff"])
def test_what_is_not_a_backup_is_refused(tmp_path: Path, data: bytes) -> None:
    file = tmp_path / "junk"
    file.write_bytes(data)
    with pytest.raises(InvalidBackup):
        Wallet.restore_backup(file, tmp_path / "r", PASSPHRASE)


def test_a_restore_never_overwrites_a_wallet(
    filled: Wallet, new_wallet: NewWallet, tmp_path: Path
) -> None:
    file = filled.backup(tmp_path / "b").path
    other = new_wallet("other")
    other.lock()
    before = (other.home / "wallet.db").read_bytes()
    with pytest.raises(WalletExists):
        Wallet.restore_backup(file, other.home, PASSPHRASE)
    assert (other.home / "wallet.db").read_bytes() == before


def test_a_backup_replaces_an_older_one_whole(filled: Wallet, tmp_path: Path) -> None:
    file = tmp_path / "b"
    filled.backup(file)
    filled.endorse(filled.contacts()[0].did, "painting", Level.MOST_THINGS)
    filled.backup(file)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".b.")] == []
    with Wallet.restore_backup(file, tmp_path / "r", PASSPHRASE) as restored:
        assert "painting" in {e.scope for e in restored.endorsements()}


def test_a_backup_into_a_missing_folder_is_a_clear_error(filled: Wallet, tmp_path: Path) -> None:
    from vouch.core.errors import VouchError

    with pytest.raises(VouchError, match="Cannot write"):
        filled.backup(tmp_path / "no" / "such" / "folder" / "b")
    assert "no" not in os.listdir(tmp_path)


def test_automatic_backups_keep_only_the_newest_of_their_own(
    filled: Wallet, tmp_path: Path
) -> None:
    from vouch.wallet.backup import AUTO_LAST

    folder = tmp_path / "backups"
    folder.mkdir()
    mine = folder / "my-copy.vouchbackup"
    mine.write_bytes(b"kept")
    old = folder / "vouch-2001-01-01-000000-abcd.vouchbackup"
    old.write_bytes(b"old")
    infos = [filled.auto_backup(folder, keep=2) for _ in range(3)]
    kept = sorted(p.name for p in folder.iterdir() if p.name.startswith("vouch-"))
    assert len(kept) == 2 and old.name not in kept
    assert infos[-1].path.name in kept
    assert mine.read_bytes() == b"kept"  # not a file Vouch named: left alone
    assert filled.get_setting(AUTO_LAST) == infos[-1].created.isoformat()
    with Wallet.restore_backup(infos[-1].path, tmp_path / "r", PASSPHRASE) as restored:
        assert restored.did == filled.did


def test_an_automatic_backup_into_a_missing_folder_fails_clearly(
    filled: Wallet, tmp_path: Path
) -> None:
    from vouch.core.errors import VouchError

    with pytest.raises(VouchError, match="Cannot write"):
        filled.auto_backup(tmp_path / "gone", keep=3)
