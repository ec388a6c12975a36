"""Loading the trust graph from a real SQLCipher store of 1M endorsements (100k identities).

Run: .venv/bin/python -m pytest -m bench --benchmark-enable tests/bench/test_trust_store_bench.py -s
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from typing import Any

import pytest

from support.store import open_store
from support.synthetic import NOW, columns_to_rows, synthetic_columns
from vouch.wallet import Wallet

pytestmark = pytest.mark.bench

N_IDS = 100_000
N_EDGES = 1_000_000
N_SCOPES = 50
DOCUMENT_BYTES = 1100  # about the size of a real signed endorsement


@pytest.fixture(scope="module")
def filled_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    os.environ["VOUCH_KDF_COST"] = "minimal"
    home = tmp_path_factory.mktemp("trust-store") / "wallet"
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


def test_load_graph_from_store(benchmark: Any, filled_store: tuple[Path, bytes]) -> None:
    home, key = filled_store

    def load() -> int:
        wallet = Wallet.open_with_key(home, key)
        try:
            return len(wallet.trust_graph())
        finally:
            wallet.lock()

    edges = benchmark.pedantic(load, rounds=3, iterations=1)
    assert edges == N_EDGES
    print(f"\n[bench] graph of {edges} edges loaded from the store")
