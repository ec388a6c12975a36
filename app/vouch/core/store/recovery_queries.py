"""The SQL of social recovery: shares I keep for others, and my hand-outs to guardians.

Times are POSIX seconds, as in `queries`.
"""

from __future__ import annotations

from collections.abc import Sequence

from vouch.core.recovery.records import GuardianSplit
from vouch.core.store.db import Connection
from vouch.core.store.queries import dt


def insert_held_share(
    conn: Connection, owner: str, split_id: str, threshold: int, envelope: str, received: float
) -> bool:
    """False when a share of that owner's split is already kept (the first one stays)."""
    cursor = conn.execute(
        "INSERT OR IGNORE INTO held_shares (owner, split_id, threshold, envelope, received_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (owner, split_id, threshold, envelope, received),
    )
    return bool(cursor.rowcount == 1)


def held_shares(conn: Connection) -> list[tuple[str, str, int, float]]:
    """(owner, split_id, threshold, received_at), newest first."""
    rows = conn.execute(
        "SELECT owner, split_id, threshold, received_at FROM held_shares "
        "ORDER BY received_at DESC, owner, split_id"
    ).fetchall()
    return [(str(r[0]), str(r[1]), int(r[2]), float(r[3])) for r in rows]


def held_envelopes(conn: Connection, owner: str) -> list[str]:
    """The envelopes kept for `owner`, oldest first."""
    rows = conn.execute(
        "SELECT envelope FROM held_shares WHERE owner = ? ORDER BY received_at, split_id",
        (owner,),
    ).fetchall()
    return [str(r[0]) for r in rows]


def held_envelope(conn: Connection, owner: str, split_id: str) -> str | None:
    row = conn.execute(
        "SELECT envelope FROM held_shares WHERE owner = ? AND split_id = ?", (owner, split_id)
    ).fetchone()
    return None if row is None else str(row[0])


def insert_split(
    conn: Connection, split_id: str, guardians: Sequence[str], threshold: int, created: float
) -> None:
    conn.executemany(
        "INSERT INTO guardians (split_id, guardian, threshold, share_count, created) "
        "VALUES (?, ?, ?, ?, ?)",
        [(split_id, g, threshold, len(guardians), created) for g in guardians],
    )


def splits(conn: Connection) -> list[GuardianSplit]:
    """Every hand-out, newest first, each with its guardians."""
    rows = conn.execute(
        "SELECT split_id, guardian, threshold, share_count, created FROM guardians "
        "ORDER BY created DESC, split_id, guardian"
    ).fetchall()
    found: dict[str, GuardianSplit] = {}
    for split_id, guardian, threshold, count, created in rows:
        known = found.get(split_id)
        guardians = (*known.guardians, str(guardian)) if known else (str(guardian),)
        found[split_id] = GuardianSplit(
            str(split_id), int(threshold), int(count), dt(float(created)), guardians
        )
    return list(found.values())
