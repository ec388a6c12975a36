"""Where a wallet lives on disk: its folder and file names, and whether a folder holds one.

Kept free of the store and the crypto, so the desktop app can decide between its first-run and
locked screens before loading either.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import NamedTuple

from vouch.core.errors import VouchError

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
    import platformdirs  # not at start-up when the folder is given

    return Path(platformdirs.user_data_dir("Vouch", appauthor=False, roaming=True))


class WalletFiles(NamedTuple):  # not a dataclass: `dataclasses` is not loaded at start-up
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


def wallet_exists(home: Path) -> bool:
    """True if `home` holds a wallet (or what is left of one: a store or a key file)."""
    return WalletFiles(home).exists()
