"""What each store setting costs: one transaction inserting 50,000 statements (1,100-byte
documents, the wallet's full schema and indexes) under each combination measured.

Each combination runs in its own process: `cipher_memory_security` is global to a process and,
once on, stays on. The figures back RELIABILITY.md, "Store settings and their cost".

Run: .venv/bin/python -m pytest -q -m bench --benchmark-enable \
    tests/bench/test_store_settings_bench.py -s
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.bench

ROWS = 50_000
# (label, cipher_memory_security, secure_delete, synchronous, cache_size)
SETTINGS = [
    ("before (memory security on, 2 MB cache)", "ON", "ON", "FULL", -2000),
    ("memory security off", "OFF", "ON", "FULL", -2000),
    ("64 MB cache", "ON", "ON", "FULL", -65536),
    ("memory security off, 64 MB cache (now)", "OFF", "ON", "FULL", -65536),
    ("now, secure_delete off", "OFF", "OFF", "FULL", -65536),
    ("now, synchronous NORMAL", "OFF", "ON", "NORMAL", -65536),
]

CHILD = """
import hashlib, json, resource, sys, time
import sqlcipher3
from vouch.core.store.migrations import migrate
path, memory, secure, sync, cache, count = sys.argv[1:7]
conn = sqlcipher3.connect(path, isolation_level=None)
conn.execute("PRAGMA key = \\"x'" + "11" * 32 + "'\\"")
conn.execute(f"PRAGMA cipher_memory_security = {memory}")
conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
conn.execute("PRAGMA journal_mode = WAL")
conn.execute(f"PRAGMA synchronous = {sync}")
conn.execute(f"PRAGMA secure_delete = {secure}")
conn.execute(f"PRAGMA cache_size = {cache}")
migrate(conn)
def row(i):
    h = hashlib.sha256(i.to_bytes(8, "big")).digest()
    return (f"urn:uuid:{h.hex()[:32]}", "endorsement", "did:key:z6Mk" + h.hex()[:44],
            "did:key:z6Mk" + h[::-1].hex()[:44], "home/plumbing", 2, "Helped", "", 1.7e9,
            1.8e9, None, "", "private", h, "x" * 1100, 1.7e9)
rows = [row(i) for i in range(int(count))]
sql = ("INSERT INTO statements (id, kind, issuer, subject, scope, level, comment, reason, "
       "valid_from, valid_until, revoked_at, revocation_reason, audience, doc_hash, document, "
       "added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
before = resource.getrusage(resource.RUSAGE_SELF)
started = time.perf_counter()
conn.execute("BEGIN IMMEDIATE")
for at in range(0, len(rows), 2000):
    conn.executemany(sql, rows[at:at + 2000])
conn.execute("COMMIT")
wall = time.perf_counter() - started
after = resource.getrusage(resource.RUSAGE_SELF)
stored = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
print(json.dumps({"wall": wall, "user": after.ru_utime - before.ru_utime,
                  "sys": after.ru_stime - before.ru_stime, "rows": stored}))
"""


def _measure(folder: Path, index: int, setting: tuple[str, str, str, str, int]) -> dict[str, Any]:
    _, memory, secure, sync, cache = setting
    path = folder / f"settings-{index}.db"
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), memory, secure, sync, str(cache), str(ROWS)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_store_settings_cost(benchmark: Any, tmp_path: Path) -> None:
    results: list[dict[str, Any]] = []

    def run() -> None:
        for index, setting in enumerate(SETTINGS):
            results.append(_measure(tmp_path, index, setting))

    benchmark.pedantic(run, rounds=1, iterations=1)
    assert all(r["rows"] == ROWS for r in results)
    print(f"\n[bench] inserting {ROWS} statements in one transaction, by store setting:")
    for (label, *_), found in zip(SETTINGS, results, strict=True):
        print(
            f"[bench]   {label:<44} {found['wall']:6.2f} s (user {found['user']:.2f} s, "
            f"system {found['sys']:.2f} s)"
        )
