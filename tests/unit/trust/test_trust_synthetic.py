"""The seeded generator is reproducible, and rows and columns build the same graph."""

from __future__ import annotations

import numpy as np

from support.synthetic import NOW, columns_to_rows, synthetic_columns, synthetic_scopes
from vouch.trust import TrustGraph, find
from vouch.trust.graph import KIND_CAUTION


def test_same_seed_same_graph_other_seed_other_graph() -> None:
    a = synthetic_columns(2_000, 20_000, 50, seed=11)
    b = synthetic_columns(2_000, 20_000, 50, seed=11)
    c = synthetic_columns(2_000, 20_000, 50, seed=12)
    for name in ("issuer", "subject", "scope", "kind", "level", "valid_from"):
        assert np.array_equal(getattr(a, name), getattr(b, name))
    assert not np.array_equal(np.asarray(a.subject), np.asarray(c.subject))


def test_shape_of_the_synthetic_graph() -> None:
    cols = synthetic_columns(2_000, 20_000, 50, seed=1)
    assert len(cols.ids) == 20_000 and len(set(cols.ids)) == 20_000
    assert len(cols.scopes) == 50 == len(set(synthetic_scopes(50)))
    assert not np.any(np.asarray(cols.issuer) == np.asarray(cols.subject))
    kinds = np.asarray(cols.kind)
    assert 0.01 < float(np.mean(kinds == KIND_CAUTION)) < 0.05
    assert set(np.asarray(cols.level)[kinds != KIND_CAUTION].tolist()) == {1, 2, 3, 4}


def test_rows_and_columns_build_the_same_answers() -> None:
    cols = synthetic_columns(1_000, 10_000, 10, seed=3)
    from_cols = TrustGraph.from_columns(cols, NOW)
    from_rows = TrustGraph.from_rows(columns_to_rows(cols), NOW)
    owners = {from_cols.dids[int(i)] for i in np.asarray(cols.issuer)[:20]}
    for owner in sorted(owners):
        for scope in ("topic-0", "topic-0/task-1", "topic-1/task-3"):
            # the identities are numbered differently, so sums may differ in the last bit
            assert _summary(from_cols, owner, scope) == _summary(from_rows, owner, scope)


def _summary(graph: TrustGraph, owner: str, scope: str) -> dict[str, tuple[object, ...]]:
    return {
        r.did: (
            round(r.value, 9),
            r.direct,
            [(round(p.value, 9), [s.endorsement_id for s in p.steps]) for p in r.paths],
            r.cautions,
        )
        for r in find(graph, owner, scope, limit=100_000)
    }
