"""Trust from my own point of view: find, why, opinions, over a graph kept up to date."""

from __future__ import annotations

import time

from vouch import trust
from vouch.core.scopes import normalise_scope
from vouch.core.store import queries
from vouch.trust import EdgeRow, Opinion, TrustGraph, TrustResult
from vouch.wallet.core import WalletCore


class TrustUseCases(WalletCore):
    def trust_graph(self) -> TrustGraph:
        """The endorsement graph, loaded from the store once and refreshed after changes.

        New statements are added incrementally; the GUI calls this off its own thread.
        """
        conn = self._database.conn
        with self._graph_lock:
            if self._graph is None or self._graph_seen != self._changes:
                started = time.time()
                rows = (EdgeRow(*row) for row in queries.edge_rows(conn, self._graph_loaded_at))
                if self._graph is None:
                    self._graph = TrustGraph.from_rows(rows, started)
                else:
                    self._graph.add_rows(rows)
                    for statement_id, revoked_at in queries.revoked_statements(conn):
                        self._graph.revoke(statement_id, revoked_at)
                self._graph_seen = self._changes
                self._graph_loaded_at = started - 1.0
            self._graph.set_now(time.time())
            return self._graph

    def find(self, scope: str, *, limit: int = 50) -> list[TrustResult]:
        """Who I can rely on for `scope`, strongest first, each with the paths that explain it."""
        with self._graph_lock:
            return trust.find(self.trust_graph(), self.did, normalise_scope(scope), limit=limit)

    def why(self, did: str, scope: str | None = None) -> list[TrustResult]:
        """How I reach `did`, per scope (all paths behind what I see)."""
        scope = normalise_scope(scope) if scope else None
        with self._graph_lock:
            return trust.why(self.trust_graph(), self.did, did, scope)

    def opinions(self, did: str, scope: str | None = None) -> list[Opinion]:
        """What the people I rely on say about `did`."""
        scope = normalise_scope(scope) if scope else None
        with self._graph_lock:
            return trust.opinions(self.trust_graph(), self.did, did, scope)
