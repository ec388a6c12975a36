"""The store's settings, as RELIABILITY.md ("Store settings and their cost") decides them.

Checked in a fresh process: `cipher_memory_security` is global to a process and, once another
connection turned it on, it stays on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from vouch.core.store.db import CACHE_KIB

CHILD = """
import json, sys
from pathlib import Path
from vouch.core.store.db import Database
database = Database.open(Path(sys.argv[1]), bytes(range(32)), create=True)
conn = database.conn
found = {name: str(conn.execute(f"PRAGMA {name}").fetchone()[0]) for name in (
    "cipher_memory_security", "cache_size", "secure_delete", "synchronous", "journal_mode")}
database.close()
print(json.dumps(found))
"""


def test_the_store_settings(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "w.db")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout) == {
        "cipher_memory_security": "0",
        "cache_size": str(-CACHE_KIB),
        "secure_delete": "1",  # deleted rows are overwritten in the file
        "synchronous": "2",  # FULL: a commit is on the disk before the wallet says it is done
        "journal_mode": "wal",
    }
