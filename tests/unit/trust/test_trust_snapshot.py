"""The trust graph's snapshot: bytes that give back the same graph, and nothing else accepted."""

from __future__ import annotations

import numpy as np
import pytest

from support.synthetic import NOW, synthetic_columns
from vouch.trust import EdgeColumns, TrustGraph, find
from vouch.trust.snapshot import SnapshotUnreadable, decode, encode


def _graph() -> TrustGraph:
    columns = synthetic_columns(500, 5_000, 10, seed=5)
    columns.comments = [f"comment {i} “quoted”" for i in range(len(columns.ids))]
    graph = TrustGraph.from_columns(columns, NOW)
    graph.revoke(columns.ids[7], NOW - 10)
    return graph


def test_a_snapshot_gives_back_the_same_graph() -> None:
    graph = _graph()
    again = TrustGraph.from_columns(decode(encode(graph)), NOW)
    assert len(again) == len(graph) == 5_000
    assert again.dids == graph.dids and again.scopes == graph.scopes
    for name in ("issuer", "subject", "scope", "kind", "level"):
        assert np.array_equal(getattr(again, name), getattr(graph, name))
    assert [again.edge_id(i) for i in range(len(again))] == [
        graph.edge_id(i) for i in range(len(graph))
    ]
    assert again.comment(3) == graph.comment(3) == "comment 3 “quoted”"
    assert again.reason(3) == graph.reason(3)
    everyone = np.arange(len(graph))
    assert np.array_equal(again.valid_mask(everyone), graph.valid_mask(everyone))
    assert not again.valid_mask(np.asarray([7]))[0]  # the revocation is kept
    owner = graph.dids[int(graph.issuer[0])]
    answers = 0
    for scope in ("topic-0", "topic-0/task-1", "topic-1", "topic-1/task-2"):
        found = find(again, owner, scope)
        assert found == find(graph, owner, scope)
        answers += len(found)
    assert answers > 0


def test_an_empty_graph_has_a_snapshot_too() -> None:
    assert len(TrustGraph.from_columns(decode(encode(TrustGraph(NOW))), NOW)) == 0


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"XXXX" + data[4:],  # not a snapshot
        lambda data: data[:-1],  # cut short
        lambda data: data + b"\0",  # trailing bytes
        lambda data: data[:8] + b"x" + data[9:],  # a damaged header
        lambda data: b"",
    ],
)
def test_damaged_bytes_are_refused(damage: object) -> None:
    data = encode(_graph())
    with pytest.raises(SnapshotUnreadable):
        decode(damage(data))  # type: ignore[operator]


def test_an_edge_naming_an_unknown_identity_is_refused() -> None:
    columns = TrustGraph.from_columns(synthetic_columns(50, 200, 5, seed=2), NOW).columns()
    columns.dids = list(columns.dids)[:3]  # most edges now name identities that are not listed
    with pytest.raises(SnapshotUnreadable):
        decode(encode(_Columns(columns)))  # type: ignore[arg-type]


class _Columns:
    """Stands for a graph whose columns are given as they are (even inconsistent)."""

    def __init__(self, columns: EdgeColumns) -> None:
        self._columns = columns

    def columns(self) -> EdgeColumns:
        return self._columns
