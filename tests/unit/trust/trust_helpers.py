"""Small builders for hand-made trust graphs."""

from __future__ import annotations

import itertools

from vouch.trust import EdgeRow, TrustGraph, find

NOW = 1_800_000_000.0
DAY = 86_400.0
YEAR = 365 * DAY

_ids = itertools.count()


def edge(
    issuer: str,
    subject: str,
    level: int | None = 3,
    scope: str = "plumbing",
    *,
    kind: str = "endorsement",
    valid_from: float = NOW - DAY,
    valid_until: float = NOW + YEAR,
    revoked_at: float | None = None,
    comment: str = "",
    reason: str = "",
    edge_id: str | None = None,
) -> EdgeRow:
    return EdgeRow(
        id=edge_id or f"urn:uuid:test-{next(_ids)}",
        issuer=issuer,
        subject=subject,
        scope=scope,
        kind=kind,
        level=None if kind == "caution" else level,
        valid_from=valid_from,
        valid_until=valid_until,
        revoked_at=revoked_at,
        comment=comment,
        reason=reason,
    )


def caution(issuer: str, subject: str, reason: str, scope: str = "plumbing") -> EdgeRow:
    return edge(issuer, subject, None, scope, kind="caution", reason=reason)


def graph(*rows: EdgeRow, now: float = NOW) -> TrustGraph:
    return TrustGraph.from_rows(rows, now)


def values(g: TrustGraph, owner: str, scope: str = "plumbing") -> dict[str, float]:
    return {r.did: r.value for r in find(g, owner, scope, limit=10_000)}
