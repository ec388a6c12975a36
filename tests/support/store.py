"""Raw SQL on a wallet's store, for the few tests that need what the facade rightly hides.

`open_store` opens the store file itself, as a second connection with the store key (the
wallet under test keeps its own); `store_rows` reads every row of every table through it.
`page_limit` is the one exception: SQLite's page limit belongs to a connection, so it is set
on the wallet's own, to fill the store without filling the disk.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from vouch.core.store.db import Database
from vouch.wallet import Wallet
from vouch.wallet.home import WalletFiles

TABLES = ("identity", "contacts", "statements", "revocations", "settings")


@contextmanager
def open_store(home: Path, key: bytes) -> Iterator[Database]:
    """The wallet's store, opened from its file with `key` (brought to the current schema)."""
    database = Database.open(WalletFiles(home).db, key)
    try:
        yield database
    finally:
        database.close()


def store_rows(home: Path, key: bytes) -> dict[str, list[Any]]:
    """Every row of every table, each table's rows in a stable order."""
    with open_store(home, key) as database:
        conn = database.conn
        return {
            table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in TABLES
        }


@contextmanager
def page_limit(wallet: Wallet, extra_pages: int) -> Iterator[None]:
    """Let the wallet's store grow by `extra_pages` pages at most (SQLITE_FULL beyond)."""
    conn = wallet._database.conn  # the limit is a setting of this connection only
    (pages,) = conn.execute("PRAGMA page_count").fetchone()
    conn.execute(f"PRAGMA max_page_count = {pages + extra_pages}")
    try:
        yield
    finally:
        conn.execute("PRAGMA max_page_count = 1073741823")
