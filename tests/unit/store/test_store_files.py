"""The SQLCipher store on disk: open, lock, wrong passphrases, damage, versions, re-keying."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3

from support.store import open_store
from vouch.core.errors import CorruptStore, StoreTooNew, WalletLocked, WrongPassphrase
from vouch.core.store import kdf
from vouch.core.store.migrations import SCHEMA_VERSION
from vouch.wallet import Wallet
from vouch.wallet.home import WalletFiles

PASSPHRASE = "correct horse battery staple"
NEW_PASSPHRASE = "a different long passphrase"
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PAGE = 4096


def _digest(home: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(home.iterdir())}


@pytest.fixture
def filled(tmp_path: Path) -> tuple[Path, bytes, str]:
    """A locked wallet with an endorsement, its store key and its did."""
    bob = Wallet.create(tmp_path / "bob", PASSPHRASE)
    home = tmp_path / "alice"
    with Wallet.create(home, PASSPHRASE) as alice:
        for n in range(20):
            alice.endorse(bob.did, f"skill-{n}", 3, comment="careful work " * 20)
        key, did = alice.store_key(), alice.did
    bob.lock()
    return home, key, did


def _raw(home: Path, key: bytes) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(home / "wallet.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def _root_page(home: Path, key: bytes, table: str) -> int:
    conn = _raw(home, key)
    try:
        (page,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
    finally:
        conn.close()
    return int(page)


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


# -- life cycle ------------------------------------------------------------------------------


def test_create_lock_and_open_again(tmp_home: Path) -> None:
    wallet = Wallet.create(tmp_home, PASSPHRASE)
    did = wallet.did
    assert wallet.is_open
    wallet.lock()
    assert not wallet.is_open
    with pytest.raises(WalletLocked):
        _ = wallet.did
    with pytest.raises(WalletLocked):
        wallet.store_key()
    with Wallet.open(tmp_home, PASSPHRASE) as again:
        assert again.did == did
        assert again.integrity_ok()


def test_files_are_private(tmp_home: Path) -> None:
    Wallet.create(tmp_home, PASSPHRASE).lock()
    assert (tmp_home / "wallet.kdf.json").stat().st_mode & 0o077 == 0
    assert tmp_home.stat().st_mode & 0o077 == 0


def test_wrong_passphrase_leaves_every_file_unchanged(filled: tuple[Path, bytes, str]) -> None:
    home, _, _ = filled
    before = _digest(home)
    with pytest.raises(WrongPassphrase):
        Wallet.open(home, "not the passphrase")
    assert _digest(home) == before


def test_wal_mode_is_on(new_wallet: Callable[..., Wallet]) -> None:
    wallet = new_wallet()
    conn = _raw(wallet.home, wallet.store_key())
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_seed_is_not_stored_in_plaintext(tmp_path: Path) -> None:
    home = tmp_path / "w"
    wallet = Wallet.create(home, PASSPHRASE)
    seed, did = wallet.identity.seed, wallet.did
    other = Wallet.create(tmp_path / "other", PASSPHRASE)
    wallet.endorse(other.did, "cooking", 2)
    files = [p for p in home.iterdir() if p.is_file()]
    assert any(p.name.endswith("-wal") for p in files)  # checked while the WAL is live
    for path in files:
        data = path.read_bytes()
        assert seed not in data, path.name
        assert seed.hex().encode() not in data, path.name
        assert did.encode() not in data, path.name
        assert b"cooking" not in data, path.name
    wallet.lock()
    other.lock()
    assert seed not in (home / "wallet.db").read_bytes()


def test_wallet_exists_is_refused(tmp_home: Path) -> None:
    from vouch.core.errors import WalletExists

    Wallet.create(tmp_home, PASSPHRASE).lock()
    with pytest.raises(WalletExists):
        Wallet.create(tmp_home, PASSPHRASE)


# -- damage ----------------------------------------------------------------------------------


def _damage_truncate(home: Path) -> None:
    db = home / "wallet.db"
    db.write_bytes(db.read_bytes()[: PAGE + 100])


def _damage_truncate_header(home: Path) -> None:
    db = home / "wallet.db"
    db.write_bytes(db.read_bytes()[:10])


def _damage_empty(home: Path) -> None:
    (home / "wallet.db").write_bytes(b"")


def _damage_first_page(home: Path) -> None:
    _flip(home / "wallet.db", 200)


def _damage_plain_sqlite(home: Path) -> None:
    (home / "wallet.db").unlink()
    conn = sqlite3.connect(home / "wallet.db")
    conn.execute("CREATE TABLE identity (id INTEGER, did TEXT, seed BLOB)")
    conn.commit()
    conn.close()


def _damage_random(home: Path) -> None:
    (home / "wallet.db").write_bytes(os.urandom(8 * PAGE))


def _damage_missing_kdf(home: Path) -> None:
    (home / "wallet.kdf.json").unlink()


def _damage_kdf_garbage(home: Path) -> None:
    (home / "wallet.kdf.json").write_bytes(b"\xff\xfe not json")


def _damage_kdf_fields(home: Path) -> None:
    (home / "wallet.kdf.json").write_text('{"version": 1, "salt": "AAAA"}')


def _damage_missing_db(home: Path) -> None:
    (home / "wallet.db").unlink()


DAMAGE = [
    _damage_truncate,
    _damage_truncate_header,
    _damage_empty,
    _damage_first_page,
    _damage_plain_sqlite,
    _damage_random,
    _damage_missing_kdf,
    _damage_kdf_garbage,
    _damage_kdf_fields,
    _damage_missing_db,
]


@pytest.mark.parametrize("damage", DAMAGE, ids=[d.__name__[8:] for d in DAMAGE])
def test_damaged_store_gives_corrupt_store(
    filled: tuple[Path, bytes, str], damage: Callable[[Path], None]
) -> None:
    home, _, _ = filled
    damage(home)
    with pytest.raises(CorruptStore) as info:
        Wallet.open(home, PASSPHRASE)
    message = info.value.message
    assert message and "\n" not in message
    assert "sqlcipher" not in message.lower()


def test_plain_sqlite_is_named_as_such(filled: tuple[Path, bytes, str]) -> None:
    home, _, _ = filled
    _damage_plain_sqlite(home)
    with pytest.raises(CorruptStore, match="unencrypted"):
        Wallet.open(home, PASSPHRASE)


def test_flipped_byte_in_the_identity_page_gives_corrupt_store(
    filled: tuple[Path, bytes, str],
) -> None:
    home, key, _ = filled
    page = _root_page(home, key, "identity")
    assert page > 1
    _flip(home / "wallet.db", (page - 1) * PAGE + 1000)
    with pytest.raises(CorruptStore):
        Wallet.open(home, PASSPHRASE)


def test_flipped_byte_in_a_data_page_gives_corrupt_store(
    filled: tuple[Path, bytes, str],
) -> None:
    home, key, _ = filled
    page = _root_page(home, key, "statements")
    _flip(home / "wallet.db", (page - 1) * PAGE + 1000)
    with pytest.raises(CorruptStore), Wallet.open(home, PASSPHRASE) as wallet:
        wallet.endorsements()


def test_store_newer_than_the_code_is_refused(filled: tuple[Path, bytes, str]) -> None:
    home, key, _ = filled
    conn = _raw(home, key)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreTooNew):
        Wallet.open(home, PASSPHRASE)
    with pytest.raises(StoreTooNew):
        Wallet.open_with_key(home, key)


def test_kdf_file_from_the_future_is_refused(filled: tuple[Path, bytes, str]) -> None:
    home, _, _ = filled
    path = home / "wallet.kdf.json"
    path.write_text(path.read_text().replace('"version": 1', '"version": 2'))
    with pytest.raises(StoreTooNew):
        Wallet.open(home, PASSPHRASE)


def test_wrong_raw_key_gives_corrupt_store(filled: tuple[Path, bytes, str]) -> None:
    home, key, _ = filled
    with pytest.raises(CorruptStore):
        Wallet.open_with_key(home, bytes(32))
    with Wallet.open_with_key(home, key) as wallet:
        assert wallet.count_endorsements() == 20


def test_sample_v1_store_still_opens(tmp_path: Path) -> None:
    """A store written by schema version 1, kept to catch upgrade mistakes."""
    home = tmp_path / "v1"
    shutil.copytree(FIXTURES / "store_v1", home)
    with Wallet.open(home, (FIXTURES / "store_v1.passphrase").read_text().strip()) as wallet:
        assert wallet.did == (FIXTURES / "store_v1.did").read_text().strip()
        assert wallet.count_endorsements() == 2
        assert wallet.integrity_ok()


# -- passphrase changes ----------------------------------------------------------------------


def test_change_passphrase(filled: tuple[Path, bytes, str]) -> None:
    home, _, did = filled
    with Wallet.open(home, PASSPHRASE) as wallet:
        with pytest.raises(WrongPassphrase):
            wallet.change_passphrase("not it at all", NEW_PASSPHRASE)
        wallet.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
        assert wallet.count_endorsements() == 20  # still usable after the re-key
    with pytest.raises(WrongPassphrase):
        Wallet.open(home, PASSPHRASE)
    with Wallet.open(home, NEW_PASSPHRASE) as wallet:
        assert wallet.did == did
        assert wallet.count_endorsements() == 20
    assert not WalletFiles(home).pending_kdf.exists()


def _start_change(home: Path, *, rekey: bool) -> None:
    """A passphrase change that stops before the new parameter file is promoted."""
    files = WalletFiles(home)
    with Wallet.open(home, PASSPHRASE) as wallet:
        key = wallet.store_key()
    params = kdf.KdfParams.new(kdf.MINIMAL_COST)
    new_key = params.derive(NEW_PASSPHRASE)
    kdf.write_params(files.pending_kdf, params, new_key)
    if rekey:
        with open_store(home, key) as database:
            database.rekey(new_key)


def test_interrupted_change_after_rekey_opens_with_the_new_passphrase(
    filled: tuple[Path, bytes, str],
) -> None:
    home, _, did = filled
    _start_change(home, rekey=True)
    with pytest.raises(WrongPassphrase):
        Wallet.open(home, PASSPHRASE)
    with Wallet.open(home, NEW_PASSPHRASE) as wallet:
        assert wallet.did == did
        assert wallet.count_endorsements() == 20
    files = WalletFiles(home)
    assert not files.pending_kdf.exists()  # the change was finished
    with Wallet.open(home, NEW_PASSPHRASE):
        pass
    with pytest.raises(WrongPassphrase):
        Wallet.open(home, PASSPHRASE)


def test_interrupted_change_before_rekey_keeps_the_old_passphrase(
    filled: tuple[Path, bytes, str],
) -> None:
    home, _, did = filled
    _start_change(home, rekey=False)
    with pytest.raises(WrongPassphrase):
        Wallet.open(home, NEW_PASSPHRASE)
    with Wallet.open(home, PASSPHRASE) as wallet:
        assert wallet.did == did
    assert not WalletFiles(home).pending_kdf.exists()
    with pytest.raises(WrongPassphrase):
        Wallet.open(home, NEW_PASSPHRASE)


def test_recovery_phrase_needs_the_passphrase(new_wallet: Callable[..., Wallet]) -> None:
    wallet = new_wallet()
    with pytest.raises(WrongPassphrase):
        wallet.recovery_phrase("wrong passphrase here")
    assert wallet.recovery_phrase(PASSPHRASE) == wallet.identity.recovery_phrase
