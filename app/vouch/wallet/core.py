"""The wallet's life cycle: create, unlock, lock, re-key; who I am; settings kept in the store.

`WalletCore` holds the open store and the identity; the use-case groups (`contacts`,
`statements`, `transfer`, `trust`) build on it and `facade.Wallet` puts them together.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec, Protocol, Self, TypeVar

from vouch.core.errors import (
    CorruptStore,
    UnlockFailed,
    WalletExists,
    WalletLocked,
    WeakPassphrase,
    WrongPassphrase,
)
from vouch.core.identity import Identity
from vouch.core.store import kdf, queries
from vouch.core.store.db import Database
from vouch.unlock import make_wallet_id
from vouch.wallet import changelog
from vouch.wallet.home import WalletFiles, derive_key, kdf_cost_from_environment, open_database
from vouch.wallet.quick_unlock import QuickUnlock

if TYPE_CHECKING:
    from vouch.trust import TrustGraph  # numpy: loaded when the graph is first needed

MIN_PASSPHRASE_LENGTH = 8

W = TypeVar("W", bound="WalletCore")
P = ParamSpec("P")
R = TypeVar("R")


def serialised(method: Callable[Concatenate[W, P], R]) -> Callable[Concatenate[W, P], R]:
    """Run a use case while holding the wallet's lock.

    The GUI calls one wallet from worker threads and the exchange thread; they share one
    SQLCipher connection, one transaction at a time, and one trust graph. The lock is
    re-entrant, so a use case may call another.
    """

    def run(wallet: W, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with wallet._lock:
            return method(wallet, *args, **kwargs)

    functools.update_wrapper(run, method)
    run.__serialised__ = True  # type: ignore[attr-defined]
    return run


class OsKeyKeeper(Protocol):
    """The wallet's OS-unlock collaborator, as far as the wallet's own rules need it."""

    def forget_after_passphrase_change(self, home: Path) -> None:
        """The OS-held key opens the old store key only: forget it, never failing."""
        ...


def check_passphrase_strength(passphrase: str) -> None:
    """Refuse very weak passphrases (the GUI shows a finer hint before this)."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise WeakPassphrase(f"Use at least {MIN_PASSPHRASE_LENGTH} characters.")
    if len(set(passphrase)) < 4:
        raise WeakPassphrase("That passphrase repeats too few characters to be safe.")


def _new_store(files: WalletFiles, key: bytes, identity: Identity) -> Database:
    """A new store holding `identity`; nothing is left behind if that fails."""
    files.prepare()
    database: Database | None = None
    try:
        database = Database.open(files.db, key, create=True)
        with database.transaction() as conn:
            queries.save_identity(conn, identity.did, identity.seed)
    except BaseException:
        if database is not None:
            database.close()
        files.remove_store()
        raise
    return database


class WalletCore:
    """An unlocked wallet. `lock()` closes the store and forgets the key and the identity."""

    def __init__(
        self,
        files: WalletFiles,
        database: Database,
        key: bytes,
        *,
        os_unlock: OsKeyKeeper | None = None,
    ) -> None:
        self._files = files
        self._os_unlock: OsKeyKeeper = os_unlock if os_unlock is not None else QuickUnlock()
        self._lock = threading.RLock()  # see `serialised`
        self._db: Database | None = database
        self._key: bytes | None = key
        try:
            loaded = queries.load_identity(database.conn)
        except BaseException:
            database.close()
            raise
        if loaded is None:
            database.close()
            raise CorruptStore("The wallet holds no identity.")
        self._identity: Identity | None = Identity(loaded[1])
        self._graph: TrustGraph | None = None
        self._changes = 0  # bumped by every write of this wallet (the graph refreshes on it)
        self._graph_seen: tuple[int, int] | None = None  # (changes, data version) it reflects
        self._graph_seq = 0  # the largest statement row key the graph holds
        if self._identity.did != loaded[0]:
            database.close()
            raise CorruptStore("The wallet's identity does not match its key.")

    # -- life cycle -----------------------------------------------------------------------
    @staticmethod
    def exists(home: Path) -> bool:
        return WalletFiles(home).exists()

    @classmethod
    def create(
        cls,
        home: Path,
        passphrase: str,
        *,
        recovery_phrase: str | None = None,
        os_unlock: OsKeyKeeper | None = None,
        kdf_cost: kdf.KdfCost | None = None,
    ) -> Self:
        """A new wallet (restored from `recovery_phrase` when given), returned unlocked.

        `kdf_cost`: the Argon2id cost; by default the real one (see `kdf_cost_from_environment`).
        """
        files = WalletFiles(home)
        if files.exists():
            raise WalletExists(f"A wallet already exists in {home}.")
        check_passphrase_strength(passphrase)
        identity = (
            Identity.from_recovery_phrase(recovery_phrase)
            if recovery_phrase
            else Identity.generate()
        )
        params = kdf.KdfParams.new(kdf_cost or kdf_cost_from_environment())
        key = params.derive(passphrase)
        database = _new_store(files, key, identity)
        try:
            kdf.write_params(files.kdf, params, key)
        except BaseException:
            database.close()
            files.remove_store()
            raise
        return cls(files, database, key, os_unlock=os_unlock)

    @classmethod
    def open(cls, home: Path, passphrase: str, *, os_unlock: OsKeyKeeper | None = None) -> Self:
        """Unlock with the passphrase. WrongPassphrase / CorruptStore / StoreTooNew."""
        files = WalletFiles(home)
        key = derive_key(files, passphrase)
        try:
            return cls.open_with_key(home, key, os_unlock=os_unlock)
        except CorruptStore:
            if files.pending_kdf.exists():
                raise WrongPassphrase(
                    "A passphrase change did not finish; unlock with your previous passphrase."
                ) from None
            raise

    @classmethod
    def open_with_key(
        cls, home: Path, store_key: bytes, *, os_unlock: OsKeyKeeper | None = None
    ) -> Self:
        """Unlock with the raw store key an OS unlock backend released."""
        files = WalletFiles(home)
        return cls(files, open_database(files, store_key), store_key, os_unlock=os_unlock)

    @classmethod
    def open_with_os(cls, home: Path, os_unlock: QuickUnlock) -> Self:
        """Ask the OS to release the key, open the wallet with it, check it is the one enrolled."""
        wallet_id, key = os_unlock.release_key(home)
        wallet = cls.open_with_key(home, key, os_unlock=os_unlock)
        if make_wallet_id(wallet.home, wallet.did) != wallet_id:
            wallet.lock()
            raise UnlockFailed(
                "The key kept by the operating system belongs to another wallet. "
                "Unlock with your passphrase, then turn system unlock off and on again."
            )
        return wallet

    @serialised
    def store_key(self) -> bytes:
        """The raw 32-byte store key, only for wrapping by an OS unlock backend."""
        if self._key is None:
            raise WalletLocked()
        return self._key

    @serialised
    def lock(self) -> None:
        """Waits for a use case running in another thread to finish first."""
        if self._db is not None:
            self._db.close()
        self._db = None
        self._key = None
        self._identity = None
        self._graph = None

    close = lock

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    @property
    def is_open(self) -> bool:
        return self._db is not None

    @property
    def home(self) -> Path:
        return self._files.home

    @property
    def _database(self) -> Database:
        if self._db is None:
            raise WalletLocked()
        return self._db

    @property
    def identity(self) -> Identity:
        if self._identity is None:
            raise WalletLocked()
        return self._identity

    @serialised
    def change_passphrase(self, old: str, new: str, *, kdf_cost: kdf.KdfCost | None = None) -> None:
        """Re-key the store atomically; a crash midway leaves one of the two passphrases valid."""
        if derive_key(self._files, old) != self.store_key():
            raise WrongPassphrase("The current passphrase is wrong.")
        check_passphrase_strength(new)
        params = kdf.KdfParams.new(kdf_cost or kdf_cost_from_environment())
        new_key = params.derive(new)
        kdf.write_params(self._files.pending_kdf, params, new_key)
        self._database.rekey(new_key)
        self._files.pending_kdf.replace(self._files.kdf)
        self._key = new_key
        # The OS-held key opens the old store key only: drop it (never failing the change).
        self._os_unlock.forget_after_passphrase_change(self.home)

    @serialised
    def integrity_ok(self) -> bool:
        """Read every page of the store once (about 1.5 s per 100k endorsements)."""
        return self._database.integrity_ok()

    @serialised
    def store_bytes(self) -> int:
        """The size of the encrypted store file."""
        return self._files.db.stat().st_size

    # -- me ---------------------------------------------------------------------------
    @property
    def did(self) -> str:
        return self.identity.did

    @property
    def safety_code(self) -> str:
        return self.identity.safety_code

    @serialised
    def recovery_phrase(self, passphrase: str) -> str:
        """Only after the passphrase is given again."""
        if derive_key(self._files, passphrase) != self.store_key():
            raise WrongPassphrase()
        return self.identity.recovery_phrase

    # -- settings kept in the store ---------------------------------------------------
    @serialised
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        value = queries.get_setting(self._database.conn, key)
        return default if value is None else value

    @serialised
    def set_setting(self, key: str, value: str) -> None:
        with self._database.transaction() as conn:
            queries.set_setting(conn, key, value)
            if key in changelog.TRAVELLING_SETTINGS:
                changelog.record_change(conn, f"setting/{key}", value)
