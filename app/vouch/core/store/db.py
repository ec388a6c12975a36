"""Opening the SQLCipher database with a raw key, and one-transaction-per-use-case."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeAlias

import sqlcipher3

from vouch.core.errors import CorruptStore, StorageFull, VouchError
from vouch.core.store.migrations import migrate

Connection: TypeAlias = Any  # sqlcipher3 ships no type information
DatabaseError = sqlcipher3.DatabaseError


def _key_pragma(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("the store key is 32 bytes")
    return f"\"x'{key.hex()}'\""


def _corrupt(exc: BaseException) -> CorruptStore:
    return CorruptStore("The wallet file is damaged: part of it no longer reads back.")


def _guard(call: Any, *args: Any) -> Any:
    """Run a SQLCipher call; damage (a plain DatabaseError, not its subclasses) -> CorruptStore."""
    try:
        return call(*args)
    except sqlcipher3.DatabaseError as exc:
        if type(exc) is sqlcipher3.DatabaseError:
            raise _corrupt(exc) from exc
        raise


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
    """The connection the store's queries use: damage found mid-query is a user-facing error."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def execute(self, sql: str, params: Any = ()) -> GuardedCursor:
        return GuardedCursor(_guard(self._conn.execute, sql, params))

    def executemany(self, sql: str, rows: Any) -> GuardedCursor:
        return GuardedCursor(_guard(self._conn.executemany, sql, rows))

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
            conn.execute("PRAGMA cipher_memory_security = ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")
            migrate(conn)
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            raise CorruptStore() from exc
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            raise VouchError("The wallet is locked.")
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
        except BaseException as exc:
            if conn.in_transaction:  # SQLite itself rolls back on some errors (SQLITE_FULL)
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlcipher3.OperationalError) and _is_write_failure(exc):
                raise map_operational_error(exc) from exc
            raise
        try:
            conn.execute("COMMIT")
        except sqlcipher3.OperationalError as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise map_operational_error(exc) from exc

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


SQLITE_IOERR = 10
SQLITE_FULL = 13
FULL_MESSAGE = "The disk is full; nothing was changed. Free some space and try again."


def _is_full(exc: sqlcipher3.OperationalError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF == SQLITE_FULL:
        return True
    return "full" in str(exc).lower() or getattr(exc, "errno", None) == errno.ENOSPC


def _is_write_failure(exc: sqlcipher3.OperationalError) -> bool:
    """The disk refused a write (full, a size limit, an I/O error): not damage, not our bug."""
    code = getattr(exc, "sqlite_errorcode", None)
    return _is_full(exc) or (isinstance(code, int) and code & 0xFF == SQLITE_IOERR)


def map_operational_error(exc: sqlcipher3.OperationalError) -> VouchError:
    if _is_full(exc):
        return StorageFull(FULL_MESSAGE)
    return VouchError(f"The wallet could not save the change: {exc}.")
