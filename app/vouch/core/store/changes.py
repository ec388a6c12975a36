"""SQL for change records and for what this device knows about the wallet's other devices."""

from __future__ import annotations

from sqlcipher3 import Connection

from vouch.core.changes import Change


def get_change(conn: Connection, key: str) -> Change | None:
    row = conn.execute("SELECT key, value, clock, device FROM changes WHERE key = ?", (key,))
    found = row.fetchone()
    return Change(str(found[0]), found[1], int(found[2]), str(found[3])) if found else None


def all_changes(conn: Connection) -> list[Change]:
    rows = conn.execute("SELECT key, value, clock, device FROM changes ORDER BY key")
    return [Change(str(k), v, int(c), str(d)) for k, v, c, d in rows]


def changes_with_prefix(conn: Connection, prefix: str) -> list[Change]:
    rows = conn.execute(
        "SELECT key, value, clock, device FROM changes WHERE key >= ? AND key < ? ORDER BY key",
        (prefix, prefix + "\U0010ffff"),
    )
    return [Change(str(k), v, int(c), str(d)) for k, v, c, d in rows]


def put_change(conn: Connection, change: Change) -> None:
    conn.execute(
        "INSERT INTO changes (key, value, clock, device) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value, clock = excluded.clock, "
        "device = excluded.device",
        (change.key, change.value, change.clock, change.device),
    )


def apply_audience_changes(conn: Connection) -> int:
    """Give each statement the audience its newest change record names (rows not yet here wait)."""
    cursor = conn.execute(
        "UPDATE statements SET audience = json_extract(c.value, '$') FROM changes AS c "
        "WHERE c.key = 'audience/' || statements.issuer || '/' || statements.id "
        "AND c.value IS NOT NULL AND statements.audience != json_extract(c.value, '$')"
    )
    return int(cursor.rowcount)


def note_device_sync(conn: Connection, device_id: str, when: float) -> None:
    conn.execute(
        "INSERT INTO devices (device_id, last_sync, forgotten) VALUES (?, ?, 0) "
        "ON CONFLICT (device_id) DO UPDATE SET last_sync = excluded.last_sync, forgotten = 0",
        (device_id, when),
    )


def forget_device(conn: Connection, device_id: str) -> None:
    conn.execute(
        "INSERT INTO devices (device_id, last_sync, forgotten) VALUES (?, NULL, 1) "
        "ON CONFLICT (device_id) DO UPDATE SET forgotten = 1",
        (device_id,),
    )


def known_devices(conn: Connection) -> dict[str, tuple[float | None, bool]]:
    """device id -> (last sync, forgotten), for the devices this one has heard of."""
    rows = conn.execute("SELECT device_id, last_sync, forgotten FROM devices")
    return {str(d): (None if t is None else float(t), bool(f)) for d, t, f in rows}


def statement_issuer_and_id(conn: Connection, seq: int) -> tuple[str, str]:
    row = conn.execute("SELECT issuer, id FROM statements WHERE seq = ?", (seq,)).fetchone()
    return str(row[0]), str(row[1])


def contacts_without_records(conn: Connection) -> list[str]:
    rows = conn.execute(
        "SELECT did FROM contacts AS t WHERE NOT EXISTS "
        "(SELECT 1 FROM changes AS c WHERE c.key = 'contact/' || t.did)"
    )
    return [str(r[0]) for r in rows]


def audiences_without_records(conn: Connection, me: str) -> list[tuple[str, str, str]]:
    """(issuer, id, audience) of statements whose audience was chosen but has no record."""
    rows = conn.execute(
        "SELECT issuer, id, audience FROM statements AS s "
        "WHERE audience != CASE WHEN issuer = ? THEN 'contacts' ELSE 'private' END "
        "AND NOT EXISTS (SELECT 1 FROM changes AS c "
        "WHERE c.key = 'audience/' || s.issuer || '/' || s.id)",
        (me,),
    )
    return [(str(i), str(s), str(a)) for i, s, a in rows]
