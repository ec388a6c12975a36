"""Opening the SQLCipher database with a raw key, and one-transaction-per-use-case."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeAlias

import sqlcipher3

from vouch.core.errors import CorruptStore, StorageFull, VouchError, WalletBusy, WalletLocked
from vouch.core.store.migrations import migrate

Connection: TypeAlias = Any  # sqlcipher3 ships no type information
DatabaseError = sqlcipher3.DatabaseError


def _key_pragma(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("the store key is 32 bytes")
    return f"\"x'{key.hex()}'\""


DAMAGED = "The wallet file is damaged: part of it no longer reads back."
FULL_MESSAGE = "The disk is full; nothing was changed. Free some space and try again."
BUSY_TIMEOUT_MS = 5000  # another process (a second window, the CLI) may hold the write lock
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_CORRUPT = 5, 6, 10, 11
SQLITE_FULL, SQLITE_NOTADB = 13, 26
# The page cache, in KiB (a negative cache_size): large enough that a bulk import's index pages
# stay decrypted in memory instead of being evicted and decrypted again for the next row. It is
# a ceiling, filled only as pages are read. See RELIABILITY.md, "Store settings and their cost".
CACHE_KIB = 65536


def _code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _is_full(exc: BaseException) -> bool:
    if _code(exc) == SQLITE_FULL:
        return True
    return "full" in str(exc).lower() or getattr(exc, "errno", None) == errno.ENOSPC


def store_error(exc: sqlcipher3.DatabaseError, *, writing: bool) -> VouchError | None:
    """The user-facing error for a failure of the store itself; None for a bug of ours.

    A plain DatabaseError (not one of its subclasses) is damage found mid-query. Busy, locked,
    full, I/O and corruption codes are the machine's or the file's doing. Anything else (an SQL
    logic error, a constraint) is our own bug and stays the exception it is.
    """
    code = _code(exc)
    if type(exc) is sqlcipher3.DatabaseError or code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return CorruptStore(DAMAGED)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return WalletBusy()
    if isinstance(exc, sqlcipher3.OperationalError) and _is_full(exc):
        return StorageFull(FULL_MESSAGE)
    if code == SQLITE_IOERR:
        if writing:
            return VouchError(f"The wallet could not save the change: {exc}.")
        return VouchError(f"The wallet file could not be read: {exc}.")
    return None


def _guard(call: Any, *args: Any, writing: bool = False) -> Any:
    """Run a SQLCipher call; a failure of the store itself becomes a typed `VouchError`."""
    try:
        return call(*args)
    except sqlcipher3.DatabaseError as exc:
        mapped = store_error(exc, writing=writing)
        if mapped is None:
            raise
        raise mapped from exc


class GuardedCursor:
    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)

    def fetchone(self) -> Any:
        return _guard(self._cursor.fetchone)

    def fetchall(self) -> list[Any]:
        return list(_guard(self._cursor.fetchall))

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


class GuardedConnection:
    """The connection the store's queries use: failures of the store are user-facing errors."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def execute(self, sql: str, params: Any = ()) -> GuardedCursor:
        writing = bool(self._conn.in_transaction)
        return GuardedCursor(_guard(self._conn.execute, sql, params, writing=writing))

    def executemany(self, sql: str, rows: Any) -> GuardedCursor:
        return GuardedCursor(_guard(self._conn.executemany, sql, rows, writing=True))

    @property
    def in_transaction(self) -> bool:
        return bool(self._conn.in_transaction)

    def close(self) -> None:
        self._conn.close()


class Database:
    """One open SQLCipher connection. Closing it forgets the key inside SQLCipher."""

    def __init__(self, connection: Connection, path: Path) -> None:
        self._conn: Connection | None = GuardedConnection(connection)
        self.path = path

    @classmethod
    def open(cls, path: Path, key: bytes, *, create: bool = False) -> Database:
        if not create and not path.exists():
            raise CorruptStore("The wallet database is missing.")
        try:
            conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        except sqlcipher3.Error as exc:
            raise CorruptStore(f"The wallet database cannot be opened: {exc}.") from exc
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = {_key_pragma(key)}")
            # Off (SQLCipher's default): wiping and locking every SQLite allocation made a bulk
            # import ten times slower, and the same plaintext lives unwiped in Python's heap
            # anyway (RELIABILITY.md, "Store settings and their cost"). It is global to the
            # process and, once on, stays on: every connection of Vouch must say OFF.
            conn.execute("PRAGMA cipher_memory_security = OFF")
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            migrate(conn)
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            mapped = store_error(exc, writing=True)  # a migration writes
            if isinstance(mapped, WalletBusy | StorageFull):
                raise mapped from exc
            raise CorruptStore() from exc
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            raise WalletLocked()
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception (then re-raised)."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite itself rolls back on some errors (SQLITE_FULL)
                conn.execute("ROLLBACK")
            raise

    def data_version(self) -> int:
        """A number that changes when another connection (another process) commits."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def rekey(self, new_key: bytes) -> None:
        """Re-encrypt the whole database under `new_key` (SQLCipher does it atomically)."""
        conn = self.conn
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(f"PRAGMA rekey = {_key_pragma(new_key)}")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the main file under the new key now

    def integrity_ok(self) -> bool:
        # cipher_integrity_check reads the main file only: move pages still in the WAL (after a
        # re-key, or a crash before a checkpoint) there first, or they read as damaged.
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        rows = self.conn.execute("PRAGMA cipher_integrity_check").fetchall()
        quick = self.conn.execute("PRAGMA quick_check").fetchone()
        return not rows and quick is not None and quick[0] == "ok"
