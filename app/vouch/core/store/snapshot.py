"""A consistent copy of an open store, through SQLite's online backup API.

The copy is made over a connection of its own, so it sees the last committed state (an import
in progress is either wholly in it or not at all) and never blocks the wallet's own connection
for long. It stays encrypted under the same key, page for page.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import sqlcipher3

from vouch.core.errors import CorruptStore, StorageFull, VouchError
from vouch.core.store.db import _key_pragma


def copy_store(source: Path, key: bytes, target: Path) -> None:
    """Copy the store at `source` into a new file `target` under the same key."""
    if target.exists():
        raise ValueError(f"{target} exists already")
    src = _connect(source, key)
    try:
        dst = _connect(target, key)
        try:
            src.execute("BEGIN")  # one read snapshot for the whole copy
            src.backup(dst, pages=-1)
            src.execute("COMMIT")
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            dst.close()
    except sqlcipher3.OperationalError as exc:
        with contextlib.suppress(OSError):
            target.unlink()
        if "full" in str(exc).lower():
            raise StorageFull("The disk is full; the backup was not written.") from exc
        raise VouchError(f"The wallet could not be copied: {exc}.") from exc
    except sqlcipher3.DatabaseError as exc:
        with contextlib.suppress(OSError):
            target.unlink()
        raise CorruptStore("The wallet file is damaged; it cannot be backed up.") from exc
    finally:
        src.close()


def _connect(path: Path, key: bytes) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {_key_pragma(key)}")
    conn.execute("PRAGMA cipher_memory_security = OFF")  # as the store's own (RELIABILITY.md)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn
