"""The endorsement graph, held as numpy columns so that a query touches only one scope's edges.

Rows come from the store (`EdgeRow`) or, for large synthetic graphs, as ready-made columns
(`EdgeColumns`). Validity (expiry, revocation, not yet valid) is not decided at build time: the
columns keep the dates and every query filters against `graph.now`, so time passing or a revocation
needs no rebuild. `add_rows`, `add_columns` and `revoke` update the built graph in place; the
per-scope indexes of the touched scopes are refreshed lazily on the next query.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from vouch.core.records import Kind

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

KIND_ENDORSEMENT = 0
KIND_CAUTION = 1
_KIND_CODES = {Kind.ENDORSEMENT.value: KIND_ENDORSEMENT, Kind.CAUTION.value: KIND_CAUTION}


class EdgeRow(NamedTuple):
    """One endorsement or caution as the store hands it over. Times are POSIX seconds."""

    id: str
    issuer: str
    subject: str
    scope: str
    kind: str  # "endorsement" | "caution"
    level: int | None
    valid_from: float
    valid_until: float
    revoked_at: float | None
    comment: str
    reason: str


@dataclass
class EdgeColumns:
    """Edges as parallel columns; `issuer`/`subject` index `dids`, `scope` indexes `scopes`.

    `kind` holds KIND_ENDORSEMENT / KIND_CAUTION, `level` is 0 for a caution (a level outside 1..4
    is stored as 0: the edge then counts for nothing), `revoked_at` is NaN when not revoked.
    `comments`/`reasons` may be None (all empty).
    """

    dids: Sequence[str]
    scopes: Sequence[str]
    ids: Sequence[str]
    issuer: npt.ArrayLike
    subject: npt.ArrayLike
    scope: npt.ArrayLike
    kind: npt.ArrayLike
    level: npt.ArrayLike
    valid_from: npt.ArrayLike
    valid_until: npt.ArrayLike
    revoked_at: npt.ArrayLike
    comments: Sequence[str] | None = None
    reasons: Sequence[str] | None = None


class _Column:
    """A growable numpy column (amortised O(1) append of blocks)."""

    def __init__(self, dtype: type) -> None:
        self._data: npt.NDArray[Any] = np.empty(0, dtype=dtype)
        self.size = 0

    @property
    def values(self) -> npt.NDArray[Any]:
        return self._data[: self.size]

    def extend(self, block: npt.NDArray[Any]) -> None:
        need = self.size + len(block)
        if need > len(self._data):
            grown = np.empty(max(need, 2 * len(self._data), 1024), dtype=self._data.dtype)
            grown[: self.size] = self._data[: self.size]
            self._data = grown
        self._data[self.size : need] = block
        self.size = need


@dataclass
class _Store:
    issuer: _Column = field(default_factory=lambda: _Column(np.int64))
    subject: _Column = field(default_factory=lambda: _Column(np.int64))
    scope: _Column = field(default_factory=lambda: _Column(np.int64))
    kind: _Column = field(default_factory=lambda: _Column(np.int8))
    level: _Column = field(default_factory=lambda: _Column(np.int8))
    valid_from: _Column = field(default_factory=lambda: _Column(np.float64))
    valid_until: _Column = field(default_factory=lambda: _Column(np.float64))
    revoked_at: _Column = field(default_factory=lambda: _Column(np.float64))
    ids: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


class TrustGraph:
    """All endorsements and cautions known to the wallet, indexed per scope."""

    def __init__(self, now: float) -> None:
        self.now = float(now)
        self.dids: list[str] = []
        self.scopes: list[str] = []
        self._did_index: dict[str, int] = {}
        self._scope_index: dict[str, int] = {}
        self._edge_index: dict[str, int] = {}
        self._cols = _Store()
        self._by_scope: dict[int, IntArray] = {}
        self._cautions: IntArray = np.empty(0, dtype=np.int64)
        self._pending: list[IntArray] = []
        self.version = 0  # bumped on every change; lets callers cache answers

    # ----- building -------------------------------------------------------------------------

    @classmethod
    def from_rows(cls, rows: Iterable[EdgeRow], now: float) -> TrustGraph:
        graph = cls(now)
        graph.add_rows(rows)
        return graph

    @classmethod
    def from_columns(cls, columns: EdgeColumns, now: float) -> TrustGraph:
        graph = cls(now)
        graph.add_columns(columns)
        return graph

    def add_rows(self, rows: Iterable[EdgeRow]) -> int:
        """Add rows (duplicates by id are skipped). Returns how many were added."""
        return self.add_columns(rows_to_columns(rows))

    def add_columns(self, columns: EdgeColumns) -> int:
        ids = list(columns.ids)
        n = len(ids)
        keep = self._new_unique(ids)
        if not keep.any():
            return 0
        did_map = self._intern(self.dids, self._did_index, columns.dids)
        scope_map = self._intern(self.scopes, self._scope_index, columns.scopes)
        cols = self._cols
        start = cols.issuer.size
        sel = np.flatnonzero(keep)
        cols.issuer.extend(did_map[np.asarray(columns.issuer, dtype=np.int64)[sel]])
        cols.subject.extend(did_map[np.asarray(columns.subject, dtype=np.int64)[sel]])
        cols.scope.extend(scope_map[np.asarray(columns.scope, dtype=np.int64)[sel]])
        cols.kind.extend(np.asarray(columns.kind, dtype=np.int8)[sel])
        level = np.asarray(columns.level, dtype=np.int64)[sel]
        cols.level.extend(np.where((level >= 1) & (level <= 4), level, 0).astype(np.int8))
        cols.valid_from.extend(np.asarray(columns.valid_from, dtype=np.float64)[sel])
        cols.valid_until.extend(np.asarray(columns.valid_until, dtype=np.float64)[sel])
        cols.revoked_at.extend(np.asarray(columns.revoked_at, dtype=np.float64)[sel])
        everything = len(sel) == n

        def pick(seq: Sequence[str] | None) -> list[str]:
            if not seq:
                return [""] * len(sel)
            return list(seq) if everything else [seq[i] for i in sel.tolist()]

        new_ids = pick(ids)
        cols.ids.extend(new_ids)
        cols.comments.extend(pick(columns.comments))
        cols.reasons.extend(pick(columns.reasons))
        self._edge_index.update(zip(new_ids, range(start, start + len(sel)), strict=True))
        self._pending.append(np.arange(start, start + len(sel), dtype=np.int64))
        self.version += 1
        return len(sel)

    def _new_unique(self, ids: list[str]) -> npt.NDArray[np.bool_]:
        """Which ids are neither known already nor repeated earlier in the same batch."""
        seen: set[str] = set()
        keep = np.ones(len(ids), dtype=bool)
        known = self._edge_index
        if not known and len(set(ids)) == len(ids):
            return keep
        for i, edge_id in enumerate(ids):
            if edge_id in known or edge_id in seen:
                keep[i] = False
            seen.add(edge_id)
        return keep

    @staticmethod
    def _intern(names: list[str], index: dict[str, int], given: Sequence[str]) -> IntArray:
        out = np.empty(len(given), dtype=np.int64)
        for i, name in enumerate(given):
            pos = index.get(name)
            if pos is None:
                pos = index[name] = len(names)
                names.append(name)
            out[i] = pos
        return out

    # ----- changes ----------------------------------------------------------------------------

    def revoke(self, endorsement_id: str, at: float) -> bool:
        """Mark an edge revoked from `at` on. False if the id is unknown."""
        gid = self._edge_index.get(endorsement_id)
        if gid is None:
            return False
        current = float(self._cols.revoked_at.values[gid])
        if np.isnan(current) or at < current:
            self._cols.revoked_at.values[gid] = at
        self.version += 1
        return True

    def set_now(self, now: float) -> None:
        """Answer queries as of `now` (expiry and revocation are evaluated per query)."""
        self.now = float(now)
        self.version += 1

    def columns(self) -> EdgeColumns:
        """Every edge as columns (`from_columns` of them gives the same graph)."""
        cols = self._cols
        return EdgeColumns(
            dids=list(self.dids),
            scopes=list(self.scopes),
            ids=list(cols.ids),
            issuer=cols.issuer.values.copy(),
            subject=cols.subject.values.copy(),
            scope=cols.scope.values.copy(),
            kind=cols.kind.values.copy(),
            level=cols.level.values.copy(),
            valid_from=cols.valid_from.values.copy(),
            valid_until=cols.valid_until.values.copy(),
            revoked_at=cols.revoked_at.values.copy(),
            comments=list(cols.comments),
            reasons=list(cols.reasons),
        )

    # ----- reading ----------------------------------------------------------------------------

    def __len__(self) -> int:
        return self._cols.issuer.size

    def did_id(self, did: str) -> int | None:
        return self._did_index.get(did)

    def scope_id(self, scope: str) -> int | None:
        return self._scope_index.get(scope)

    def scope_edges(self, scope_id: int) -> IntArray:
        """Edge numbers of the endorsements (not cautions) filed under one scope."""
        self._flush()
        return self._by_scope.get(scope_id, np.empty(0, dtype=np.int64))

    def caution_edges(self) -> IntArray:
        self._flush()
        return self._cautions

    def valid_mask(self, gids: IntArray, now: float | None = None) -> npt.NDArray[np.bool_]:
        """Which of these edges count at `now`: started, not expired, not revoked."""
        at = self.now if now is None else now
        cols = self._cols
        revoked = cols.revoked_at.values[gids]
        valid: npt.NDArray[np.bool_] = (
            (cols.valid_from.values[gids] <= at)
            & (cols.valid_until.values[gids] > at)
            & ~(revoked <= at)
        )
        return valid

    @property
    def issuer(self) -> IntArray:
        return self._cols.issuer.values

    @property
    def subject(self) -> IntArray:
        return self._cols.subject.values

    @property
    def scope(self) -> IntArray:
        return self._cols.scope.values

    @property
    def kind(self) -> npt.NDArray[np.int8]:
        return self._cols.kind.values

    @property
    def level(self) -> npt.NDArray[np.int8]:
        return self._cols.level.values

    def edge_id(self, gid: int) -> str:
        return self._cols.ids[gid]

    def comment(self, gid: int) -> str:
        return self._cols.comments[gid]

    def reason(self, gid: int) -> str:
        return self._cols.reasons[gid]

    def _flush(self) -> None:
        """Fold newly added edges into the per-scope indexes (only touched scopes change)."""
        if not self._pending:
            return
        new = np.concatenate(self._pending)
        self._pending = []
        kinds = self.kind[new]
        cautions = new[kinds == KIND_CAUTION]
        if len(cautions):
            self._cautions = np.concatenate([self._cautions, cautions])
        endorsements = new[kinds == KIND_ENDORSEMENT]
        scopes = self.scope[endorsements]
        order = np.argsort(scopes, kind="stable")
        endorsements, scopes = endorsements[order], scopes[order]
        bounds = np.flatnonzero(np.diff(scopes)) + 1
        for block in np.split(endorsements, bounds):
            if not len(block):
                continue
            sid = int(self.scope[block[0]])
            old = self._by_scope.get(sid)
            self._by_scope[sid] = block if old is None else np.concatenate([old, block])


def rows_to_columns(rows: Iterable[EdgeRow]) -> EdgeColumns:
    """Turn store rows into columns (one pass; dids and scopes interned locally)."""
    dids: dict[str, int] = {}
    scopes: dict[str, int] = {}
    ids: list[str] = []
    issuer: list[int] = []
    subject: list[int] = []
    scope: list[int] = []
    kind: list[int] = []
    level: list[int] = []
    valid_from: list[float] = []
    valid_until: list[float] = []
    revoked: list[float] = []
    comments: list[str] = []
    reasons: list[str] = []
    nan = float("nan")
    for row in rows:
        ids.append(row.id)
        issuer.append(dids.setdefault(row.issuer, len(dids)))
        subject.append(dids.setdefault(row.subject, len(dids)))
        scope.append(scopes.setdefault(row.scope, len(scopes)))
        code = _KIND_CODES.get(row.kind)
        if code is None:
            raise ValueError(f"unknown edge kind {row.kind!r}")
        kind.append(code)
        level.append(0 if code == KIND_CAUTION or row.level is None else int(row.level))
        valid_from.append(row.valid_from)
        valid_until.append(row.valid_until)
        revoked.append(nan if row.revoked_at is None else row.revoked_at)
        comments.append(row.comment)
        reasons.append(row.reason)
    return EdgeColumns(
        dids=list(dids),
        scopes=list(scopes),
        ids=ids,
        issuer=np.asarray(issuer, dtype=np.int64),
        subject=np.asarray(subject, dtype=np.int64),
        scope=np.asarray(scope, dtype=np.int64),
        kind=np.asarray(kind, dtype=np.int8),
        level=np.asarray(level, dtype=np.int8),
        valid_from=np.asarray(valid_from, dtype=np.float64),
        valid_until=np.asarray(valid_until, dtype=np.float64),
        revoked_at=np.asarray(revoked, dtype=np.float64),
        comments=comments,
        reasons=reasons,
    )
