"""Trust from my own point of view: find, why, opinions, over a graph kept up to date."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from vouch import trust
from vouch.core.scopes import normalise_scope
from vouch.core.store import queries
from vouch.trust import EdgeRow, Opinion, TrustGraph, TrustResult
from vouch.wallet.core import WalletCore, serialised

T = TypeVar("T")


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
    @serialised
    def trust_graph(self) -> TrustGraph:
        """The endorsement graph, loaded from the store once and refreshed after changes.

        It reads only the statements stored since it last looked (by row key, which only
        grows), after a change by this wallet or by another process. Edges are named by
        `edge_key`. Inside an open transaction (a progress callback) it is not refreshed:
        those rows may still be rolled back.
        """
        database = self._database
        seen = (self._changes, database.data_version())
        if self._graph is None:
            self._graph_seq = 0
            self._graph = TrustGraph.from_rows(self._edge_rows(), time.time())
            self._graph_seen = seen
        elif seen != self._graph_seen and not database.conn.in_transaction:
            self._graph.add_rows(self._edge_rows())
            for issuer, statement, revoked_at in queries.revoked_statements(database.conn):
                self._graph.revoke(edge_key(issuer, statement), revoked_at)
            self._graph_seen = seen
        self._graph.set_now(time.time())
        return self._graph

    def _edge_rows(self) -> Iterator[EdgeRow]:
        rows: Iterable[tuple[Any, ...]] = queries.edge_rows(self._database.conn, self._graph_seq)
        for seq, statement, issuer, *rest in rows:
            self._graph_seq = max(self._graph_seq, int(seq))
            yield EdgeRow(edge_key(issuer, statement), issuer, *rest)

    @serialised
    def find(self, scope: str, *, limit: int = 50) -> list[TrustResult]:
        """Who I can rely on for the task `scope`, strongest first, each with its explanation.

        The word a person thinks of is enough: `plumbing` also finds people endorsed for
        `home/plumbing` (each result's `scope` says through which scope it was found).
        """
        graph = self.trust_graph()
        found = trust.find_by_word(graph, self.did, normalise_scope(scope), limit=limit)
        return with_statement_ids(found)

    @serialised
    def similar_scopes(self, text: str, count: int = 3) -> list[str]:
        """Tasks in use that look like `text` misspelt, for "did you mean"."""
        return trust.suggest_scopes(normalise_scope(text), self.trust_graph().scopes, count)

    @serialised
    def why(self, did: str, scope: str | None = None) -> list[TrustResult]:
        """How I reach `did`, per scope (all paths behind what I see)."""
        scope = normalise_scope(scope) if scope else None
        return with_statement_ids(trust.why(self.trust_graph(), self.did, did, scope))

    @serialised
    def opinions(self, did: str, scope: str | None = None) -> list[Opinion]:
        """What the people I rely on say about `did`."""
        scope = normalise_scope(scope) if scope else None
        return with_statement_ids(trust.opinions(self.trust_graph(), self.did, did, scope))
