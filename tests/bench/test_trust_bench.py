"""Trust engine benchmarks: 100k identities, 1M endorsements, 50 scopes (seeded, reproducible).

Run: .venv/bin/python -m pytest -m bench --benchmark-enable tests/bench/test_trust_bench.py
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from support.synthetic import NOW, columns_to_rows, synthetic_columns
from vouch.trust import TrustGraph, find, opinions, why
from vouch.trust.graph import KIND_ENDORSEMENT, EdgeRow

pytestmark = pytest.mark.bench

N_IDS = 100_000
N_EDGES = 1_000_000
N_SCOPES = 50


@pytest.fixture(scope="module")
def rows() -> list[EdgeRow]:
    return columns_to_rows(synthetic_columns(N_IDS, N_EDGES, N_SCOPES, seed=0))


@pytest.fixture(scope="module")
def built(rows: list[EdgeRow]) -> TrustGraph:
    return TrustGraph.from_rows(rows, NOW)


def _queries(graph: TrustGraph, count: int, seed: int = 3) -> list[tuple[str, str]]:
    """(owner, scope) pairs where the owner has endorsed someone in a task scope."""
    rng = np.random.default_rng(seed)
    picked: list[tuple[str, str]] = []
    while len(picked) < count:
        gid = int(rng.integers(0, len(graph)))
        scope = graph.scopes[int(graph.scope[gid])]
        if graph.kind[gid] == KIND_ENDORSEMENT and "/" in scope:
            picked.append((graph.dids[int(graph.issuer[gid])], scope))
    return picked


def test_build_from_one_million_rows(benchmark: Any, rows: list[EdgeRow]) -> None:
    graph = benchmark.pedantic(TrustGraph.from_rows, args=(rows, NOW), rounds=3, iterations=1)
    assert len(graph) == N_EDGES


def test_find_query(benchmark: Any, built: TrustGraph) -> None:
    queries = iter(_queries(built, 10_000))

    def one_query() -> int:
        owner, scope = next(queries)
        return len(find(built, owner, scope, limit=50))

    benchmark.pedantic(one_query, rounds=200, iterations=1, warmup_rounds=5)
    assert benchmark.stats.stats.median < 0.100


def test_why_and_opinions_query(benchmark: Any, built: TrustGraph) -> None:
    pairs = []
    for owner, scope in _queries(built, 100, seed=4):
        results = find(built, owner, scope, limit=5)
        if results:
            pairs.append((owner, results[-1].did))
    cycle = iter(pairs * 10)

    def one_query() -> int:
        owner, target = next(cycle)
        return len(why(built, owner, target)) + len(opinions(built, owner, target))

    benchmark.pedantic(one_query, rounds=100, iterations=1, warmup_rounds=2)


def test_incremental_add_and_revoke(benchmark: Any, built: TrustGraph) -> None:
    owner, scope = _queries(built, 1, seed=5)[0]
    counter = iter(range(10**6))

    def add_revoke_query() -> int:
        i = next(counter)
        row = EdgeRow(
            f"urn:uuid:bench-add-{i}",
            owner,
            f"did:example:new-{i}",
            scope,
            "endorsement",
            3,
            NOW - 10,
            NOW + 10**7,
            None,
            "",
            "",
        )
        built.add_rows([row])
        built.revoke(row.id, NOW - 1)
        return len(find(built, owner, scope))

    benchmark.pedantic(add_revoke_query, rounds=50, iterations=1)
