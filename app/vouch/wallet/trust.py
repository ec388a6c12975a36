"""Trust from my own point of view: find, why, opinions, over a graph kept up to date."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from vouch.core.errors import VouchError
from vouch.core.scopes import normalise_scope
from vouch.core.store import queries
from vouch.wallet.core import WalletCore, serialised

if TYPE_CHECKING:  # the trust engine (numpy) is loaded by the first use, not at start-up
    from vouch.trust import EdgeRow, Opinion, TrustGraph, TrustResult

T = TypeVar("T")
# A new snapshot of the graph is written once this many statements were read from their rows
# since the last one (rebuilding costs about 6 us a row; writing a snapshot about 1 us an edge).
SNAPSHOT_AFTER_ROWS = 20_000


def edge_key(issuer: str, statement_id: str) -> str:
    """The graph's name for a statement: its id is unique only among its issuer's statements."""
    return f"{statement_id} {issuer}"


def statement_id(key: str) -> str:
    """The statement id inside an `edge_key`."""
    return key.split(" ", 1)[0]


def with_statement_ids(answer: T) -> T:
    """A trust answer with the graph's edge keys turned back into statement ids.

    Every answer names the issuer beside the id, so the pair still says which statement it is.
    """
    if isinstance(answer, list | tuple):
        return type(answer)(with_statement_ids(a) for a in answer)  # type: ignore[return-value]
    if not dataclasses.is_dataclass(answer) or isinstance(answer, type):
        return answer
    changes: dict[str, Any] = {}
    for item in dataclasses.fields(answer):
        value = getattr(answer, item.name)
        if item.name == "endorsement_id":
            changes[item.name] = statement_id(value)
        elif isinstance(value, list | tuple):
            changes[item.name] = with_statement_ids(value)
    return dataclasses.replace(answer, **changes)  # type: ignore[type-var]


class TrustUseCases(WalletCore):
    _rows_since_snapshot = 0  # statements read from their rows since the snapshot was written

    @serialised
    def trust_graph(self) -> TrustGraph:
        """The endorsement graph, loaded from the store once and refreshed after changes.

        An unlock reads the graph's snapshot kept in the store (`vouch.trust.snapshot`), then
        only the statements stored since (by row key, which only grows) and the revocations;
        without a usable snapshot it reads every row, and writes a snapshot once enough rows
        were read that way. After a change by this wallet or by another process it reads what
        is new the same way. Edges are named by `edge_key`. Inside an open transaction (a
        progress callback) it is not refreshed: those rows may still be rolled back.
        """
        from vouch.trust import TrustGraph

        database = self._database
        seen = (self._changes, database.data_version())
        if self._graph is None:
            self._graph_seq = 0
            self._rows_since_snapshot = 0
            graph = self._graph_from_snapshot()
            if graph is None:
                graph = TrustGraph(time.time())
                graph.add_rows(self._edge_rows())
            else:
                self._refresh(graph)
            self._graph = graph
            self._graph_seen = seen
            self._save_snapshot_if_due()
        elif seen != self._graph_seen and not database.conn.in_transaction:
            self._refresh(self._graph)
            self._graph_seen = seen
            self._save_snapshot_if_due()
        self._graph.set_now(time.time())
        return self._graph

    def _refresh(self, graph: TrustGraph) -> None:
        """Add the statements stored since the graph last looked; mark revocations."""
        graph.add_rows(self._edge_rows())
        for issuer, statement, revoked_at in queries.revoked_statements(self._database.conn):
            graph.revoke(edge_key(issuer, statement), revoked_at)

    def _graph_from_snapshot(self) -> TrustGraph | None:
        """The graph as its snapshot holds it, or None when there is none usable (then it is
        rebuilt from the rows). The snapshot must hold exactly the rows up to its row key:
        its edges and the rows stored after it add up to every statement of the store."""
        from vouch.trust import TrustGraph
        from vouch.trust.snapshot import SnapshotUnreadable, decode

        conn = self._database.conn
        found = queries.load_trust_snapshot(conn)
        if found is None:
            return None
        seq, edges, data = found
        later = int(
            conn.execute("SELECT count(*) FROM statements WHERE seq > ?", (seq,)).fetchone()[0]
        )
        if edges + later != queries.statement_count(conn):
            return None
        try:
            columns = decode(data)
        except SnapshotUnreadable:
            return None
        if len(columns.ids) != edges:
            return None
        graph = TrustGraph.from_columns(columns, time.time())
        self._graph_seq = seq
        return graph

    def _save_snapshot_if_due(self) -> None:
        if self._rows_since_snapshot < SNAPSHOT_AFTER_ROWS or self._graph is None:
            return
        if self._database.conn.in_transaction:
            return  # inside a use case's transaction (a progress callback): next time
        from vouch.trust.snapshot import encode

        data = encode(self._graph)
        try:
            with self._database.transaction() as conn:
                queries.save_trust_snapshot(conn, self._graph_seq, len(self._graph), data)
        except VouchError:
            return  # busy or full: the graph is rebuilt from rows next time, nothing is lost
        self._rows_since_snapshot = 0

    def _edge_rows(self) -> Iterator[EdgeRow]:
        from vouch.trust import EdgeRow

        rows: Iterable[tuple[Any, ...]] = queries.edge_rows(self._database.conn, self._graph_seq)
        for seq, statement, issuer, *rest in rows:
            self._graph_seq = max(self._graph_seq, int(seq))
            self._rows_since_snapshot += 1
            yield EdgeRow(edge_key(issuer, statement), issuer, *rest)

    @serialised
    def find(self, scope: str, *, limit: int = 50) -> list[TrustResult]:
        """Who I can rely on for the task `scope`, strongest first, each with its explanation.

        The word a person thinks of is enough: `plumbing` also finds people endorsed for
        `home/plumbing` (each result's `scope` says through which scope it was found).
        """
        from vouch import trust

        graph = self.trust_graph()
        found = trust.find_by_word(graph, self.did, normalise_scope(scope), limit=limit)
        return with_statement_ids(found)

    @serialised
    def similar_scopes(self, text: str, count: int = 3) -> list[str]:
        """Tasks in use that look like `text` misspelt, for "did you mean"."""
        from vouch.trust.matching import suggest_scopes

        return suggest_scopes(normalise_scope(text), self.trust_graph().scopes, count)

    @serialised
    def why(self, did: str, scope: str | None = None) -> list[TrustResult]:
        """How I reach `did`, per scope (all paths behind what I see)."""
        from vouch import trust

        scope = normalise_scope(scope) if scope else None
        return with_statement_ids(trust.why(self.trust_graph(), self.did, did, scope))

    @serialised
    def opinions(self, did: str, scope: str | None = None) -> list[Opinion]:
        """What the people I rely on say about `did`."""
        from vouch import trust

        scope = normalise_scope(scope) if scope else None
        return with_statement_ids(trust.opinions(self.trust_graph(), self.did, did, scope))
