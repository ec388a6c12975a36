"""Failures of the store reach a person as a typed error, never as a raw SQLite exception."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3

from vouch.core.errors import CorruptStore, StorageFull, VouchError, WalletBusy, WalletLocked
from vouch.core.identity import Identity
from vouch.core.records import Level
from vouch.core.store import db
from vouch.wallet import Wallet

MakeWallet = Callable[..., Wallet]


def _error(kind: type[sqlcipher3.DatabaseError], message: str, code: int) -> Exception:
    error = kind(message)
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("error", "writing", "expected", "words"),
    [
        (_error(sqlcipher3.OperationalError, "database is locked", 5), True, WalletBusy, "busy"),
        (_error(sqlcipher3.OperationalError, "table is locked", 6), False, WalletBusy, "busy"),
        (
            _error(sqlcipher3.OperationalError, "database or disk is full", 13),
            True,
            StorageFull,
            "disk is full",
        ),
        (
            _error(sqlcipher3.OperationalError, "disk I/O error", 10),
            True,
            VouchError,
            "could not save the change: disk I/O error",
        ),
        (
            _error(sqlcipher3.OperationalError, "disk I/O error", 10 | 3 << 8),
            False,
            VouchError,
            "could not be read",
        ),
        (
            _error(sqlcipher3.DatabaseError, "database disk image is malformed", 11),
            False,
            CorruptStore,
            "damaged",
        ),
        (
            _error(sqlcipher3.DatabaseError, "file is not a database", 26),
            False,
            CorruptStore,
            "damaged",
        ),
    ],
)
def test_failures_of_the_store_are_typed(
    error: sqlcipher3.DatabaseError, writing: bool, expected: type[VouchError], words: str
) -> None:
    mapped = db.store_error(error, writing=writing)
    assert type(mapped) is expected
    assert mapped is not None and words in mapped.message


@pytest.mark.parametrize(
    "error",
    [
        _error(sqlcipher3.OperationalError, "cannot start a transaction within a transaction", 1),
        _error(sqlcipher3.IntegrityError, "UNIQUE constraint failed", 19),
    ],
)
def test_our_own_bugs_stay_bugs(error: sqlcipher3.DatabaseError) -> None:
    """An SQL logic error is Vouch's fault: it goes to the crash report, not to the person."""
    assert db.store_error(error, writing=True) is None


def test_a_closed_database_says_the_wallet_is_locked(new_wallet: MakeWallet) -> None:
    wallet = new_wallet()
    database = db.Database.open(wallet.home / "wallet.db", wallet.store_key())
    database.close()
    with pytest.raises(WalletLocked):
        _ = database.conn


def test_another_program_holding_the_store_says_busy(
    new_wallet: MakeWallet, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)
    home = tmp_path / "busy"
    Wallet.create(home, "correct horse battery staple").lock()
    wallet = Wallet.open(home, "correct horse battery staple")
    other = db.Database.open(home / "wallet.db", wallet.store_key())
    try:
        other.conn.execute("BEGIN IMMEDIATE")  # another process writing
        with pytest.raises(WalletBusy, match="busy"):
            wallet.endorse(Identity.generate().did, "plumbing", Level.STRONGLY)
        assert wallet.count_endorsements() == 0  # reading still works meanwhile
        other.conn.execute("ROLLBACK")
        wallet.endorse(Identity.generate().did, "plumbing", Level.STRONGLY)
        assert wallet.count_endorsements() == 1
    finally:
        other.close()
        wallet.lock()
