"""Where a wallet lives on disk, and opening its store from a passphrase or a raw key."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from vouch.core.errors import (
    CorruptStore,
    InvalidInput,
    VouchError,
    WalletNotFound,
    WrongPassphrase,
)
from vouch.core.store import kdf
from vouch.core.store.db import Database

DB_NAME = "wallet.db"
KDF_NAME = "wallet.kdf.json"
PENDING_KDF_NAME = "wallet.kdf.json.new"
HOME_ENV = "VOUCH_HOME"
KDF_COST_ENV = "VOUCH_KDF_COST"
SQLITE_MAGIC = b"SQLite format 3\x00"
FOLDER_MODE = 0o700
FILE_MODE = 0o600
STORE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def default_home() -> Path:
    """`$VOUCH_HOME`, else the platform's user data folder."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("Vouch", appauthor=False, roaming=True))


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


@dataclass(frozen=True)
class WalletFiles:
    home: Path

    @property
    def db(self) -> Path:
        return self.home / DB_NAME

    @property
    def kdf(self) -> Path:
        return self.home / KDF_NAME

    @property
    def pending_kdf(self) -> Path:
        return self.home / PENDING_KDF_NAME

    def exists(self) -> bool:
        return self.db.exists() or self.kdf.exists()

    def private_files(self) -> list[Path]:
        """The store, its journals and the key files: readable by their owner only."""
        store = [self.home / (DB_NAME + suffix) for suffix in STORE_SUFFIXES]
        return [*store, self.kdf, self.pending_kdf]

    def prepare(self) -> None:
        """The wallet folder, private, and an empty private store file for SQLCipher to fill.

        SQLite gives its journal files the mode of the store file, so they are private too.
        """
        try:
            self.home.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
            self.make_private()
            os.close(os.open(self.db, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
        except OSError as exc:
            raise VouchError(
                f"Cannot create the wallet folder {self.home}: {exc.strerror}."
            ) from exc

    def remove_store(self) -> None:
        """Delete the store and its journals (a creation that did not finish)."""
        for suffix in STORE_SUFFIXES:
            with contextlib.suppress(OSError):
                (self.home / (DB_NAME + suffix)).unlink()

    def make_private(self) -> None:
        """Folder 0700, files 0600, whatever they were (a folder that existed, an old copy).

        Where modes cannot change (a read-only disk, a file system without them) the wallet
        still opens: the store is encrypted either way.
        """
        with contextlib.suppress(OSError):
            os.chmod(self.home, FOLDER_MODE)
        for path in self.private_files():
            with contextlib.suppress(OSError):
                os.chmod(path, FILE_MODE)


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
