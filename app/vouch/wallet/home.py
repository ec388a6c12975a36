"""Where a wallet lives on disk, and opening its store from a passphrase or a raw key."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from vouch.core.errors import (
    CorruptStore,
    InvalidInput,
    WalletNotFound,
    WrongPassphrase,
)
from vouch.core.store import kdf
from vouch.core.store.db import Database
from vouch.wallet.location import (
    FOLDER_MODE,
    KDF_COST_ENV,
    SQLITE_MAGIC,
    WalletFiles,
)

__all__ = [  # the path names live in `location`; these are re-exported for the callers here
    "FOLDER_MODE",
    "KDF_COST_ENV",
    "WalletFiles",
    "derive_key",
    "kdf_cost_from_environment",
    "open_database",
]


def kdf_cost_from_environment() -> kdf.KdfCost:
    """The Argon2id cost for a new store key: the real cost, unless `VOUCH_KDF_COST=minimal`.

    `minimal` is for scripted test wallets only (test suites, benchmarks, packaging checks):
    a passphrase behind it can be guessed over a hundred times faster. The cost is stored with
    each wallet, so the setting affects only wallets created or re-keyed while it is set.
    """
    value = os.environ.get(KDF_COST_ENV, "").strip().lower()
    if value in ("", "default"):
        return kdf.DEFAULT_COST
    if value == "minimal":
        return kdf.MINIMAL_COST
    raise InvalidInput(f"{KDF_COST_ENV} is 'minimal' (for test wallets only) or unset.")


def derive_key(files: WalletFiles, passphrase: str) -> bytes:
    """The store key for `passphrase`, or `WrongPassphrase`.

    A passphrase change writes the new parameters to a pending file before re-keying the
    database; if it was interrupted, the new passphrase is accepted here and the change finished.
    """
    if not files.kdf.exists():
        if files.db.exists():
            raise CorruptStore("The wallet's key file is missing.")
        raise WalletNotFound(f"No wallet in {files.home}.")
    params, check = kdf.read_params(files.kdf)
    key = params.derive(passphrase)
    if kdf.check_matches(key, check):
        return key
    if files.pending_kdf.exists():
        pending, pending_check = kdf.read_params(files.pending_kdf)
        key = pending.derive(passphrase)
        if kdf.check_matches(key, pending_check):
            return key
    raise WrongPassphrase("Wrong passphrase. Please try again.")


def open_database(files: WalletFiles, key: bytes) -> Database:
    """Open the store; a file that is not SQLCipher or was damaged gives `CorruptStore`."""
    if not files.db.exists():
        raise CorruptStore("The wallet database is missing.")
    files.make_private()
    _refuse_plain_sqlite(files.db)
    database = Database.open(files.db, key)
    if files.pending_kdf.exists():
        _finish_pending_change(files, key)
    return database


def _refuse_plain_sqlite(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        raise CorruptStore(f"The wallet file cannot be read: {exc.strerror}.") from exc
    if head == SQLITE_MAGIC:
        raise CorruptStore("This is an unencrypted database, not a Vouch wallet.")
    if len(head) < 16:
        raise CorruptStore("The wallet file is damaged (it is cut short).")


def _finish_pending_change(files: WalletFiles, key: bytes) -> None:
    """The database opened with `key`: make the parameter file that produced it the current one."""
    pending, pending_check = kdf.read_params(files.pending_kdf)
    if kdf.check_matches(key, pending_check):
        os.replace(files.pending_kdf, files.kdf)
    else:
        with contextlib.suppress(OSError):
            files.pending_kdf.unlink()
    del pending
