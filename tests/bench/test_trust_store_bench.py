"""Loading the trust graph from a real SQLCipher store of 1M endorsements (100k identities).

Run: .venv/bin/python -m pytest -m bench --benchmark-enable tests/bench/test_trust_store_bench.py -s
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from support.store import open_store
from support.synthetic import NOW, columns_to_rows, synthetic_columns
from vouch.core.store import queries
from vouch.wallet import Wallet

pytestmark = pytest.mark.bench

N_IDS = 100_000
N_EDGES = 1_000_000
N_SCOPES = 50
DOCUMENT_BYTES = 1100  # about the size of a real signed endorsement


CACHE = Path(tempfile.gettempdir()) / "vouch-bench-cache" / "trust-store-1m"


@pytest.fixture(scope="module")
def filled_store() -> tuple[Path, bytes]:
    """The wallet of 1M statements, built once and kept in the system's temporary folder
    (writing it takes about a minute); a store left half-built is built again."""
    os.environ["VOUCH_KDF_COST"] = "minimal"
    home, key_file = CACHE / "wallet", CACHE / "store.key"
    if key_file.exists():
        return home, key_file.read_bytes()
    shutil.rmtree(CACHE, ignore_errors=True)
    CACHE.mkdir(parents=True)
    with Wallet.create(home, "bench passphrase") as wallet:
        key = wallet.store_key()
    rows = columns_to_rows(synthetic_columns(N_IDS, N_EDGES, N_SCOPES, seed=0))
    filler = "x" * DOCUMENT_BYTES
    started = time.perf_counter()
    with open_store(home, key) as raw, raw.transaction() as conn:
        batch: list[tuple[Any, ...]] = []
        for index, row in enumerate(rows):
            batch.append(_statement_row(row, filler, index))
            if len(batch) == 10_000:
                conn.executemany(_INSERT, batch)
                batch = []
        if batch:
            conn.executemany(_INSERT, batch)
    print(f"\n[bench] wrote {len(rows)} statements in {time.perf_counter() - started:.1f} s")
    key_file.write_bytes(key)  # last: the store is complete
    return home, key


_INSERT = (
    "INSERT INTO statements (id, kind, issuer, subject, scope, level, comment, reason, "
    "valid_from, valid_until, revoked_at, revocation_reason, audience, doc_hash, document, "
    "added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 'private', ?, ?, ?)"
)


def _statement_row(row: Any, filler: str, index: int) -> tuple[Any, ...]:
    digest = hashlib.sha256(index.to_bytes(8, "big")).digest()
    return (
        row.id,
        row.kind,
        row.issuer,
        row.subject,
        row.scope,
        row.level,
        row.comment,
        row.reason,
        row.valid_from,
        row.valid_until,
        row.revoked_at,
        digest,
        filler,
        NOW,
    )


def _unlock_and_find(home: Path, key: bytes) -> tuple[int, float]:
    """Edges in the graph, and seconds from opening the wallet to the answer of a first Find."""
    started = time.perf_counter()
    wallet = Wallet.open_with_key(home, key)
    try:
        wallet.find("topic-1")
        return len(wallet.trust_graph()), time.perf_counter() - started
    finally:
        wallet.lock()


def test_load_graph_from_store(benchmark: Any, filled_store: tuple[Path, bytes]) -> None:
    home, key = filled_store
    with open_store(home, key) as raw, raw.transaction() as conn:
        queries.drop_trust_snapshot(conn)
    edges, rebuilt = _unlock_and_find(home, key)  # from every row; writes the snapshot
    assert edges == N_EDGES
    with open_store(home, key) as raw:
        assert queries.load_trust_snapshot(raw.conn) is not None

    def load() -> int:
        return _unlock_and_find(home, key)[0]

    edges = benchmark.pedantic(load, rounds=3, iterations=1)
    assert edges == N_EDGES
    median = benchmark.stats.stats.median
    with open_store(home, key) as raw:
        started = time.perf_counter()
        found = queries.load_trust_snapshot(raw.conn)
        floor = time.perf_counter() - started
    assert found is not None
    print(
        f"\n[bench] unlock -> first Find over {edges} edges: {median:.2f} s median (from the "
        f"snapshot, target <= 2 s); floor: reading the snapshot's {len(found[2]) / 2**20:.0f} "
        f"MiB from the store {floor:.2f} s; rebuilt from every row (no snapshot, then writing "
        f"one) {rebuilt:.2f} s"
    )
