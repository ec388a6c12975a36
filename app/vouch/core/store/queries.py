"""All SQL of the wallet, as small functions over a connection. Times are POSIX seconds."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from vouch.core.records import (
    Audience,
    Contact,
    Direction,
    Endorsement,
    EndorsementFilter,
    Kind,
    Level,
    Revocation,
    Status,
    Verification,
)
from vouch.core.store.db import Connection

if TYPE_CHECKING:
    from vouch.core.credentials import Statement

_STATEMENT_COLUMNS = (
    "id, kind, issuer, subject, scope, level, comment, reason, valid_from, valid_until, "
    "revoked_at, revocation_reason, audience, document"
)


def ts(moment: datetime) -> float:
    return moment.timestamp()


def dt(value: float) -> datetime:
    return datetime.fromtimestamp(value, UTC)


# -- identity and settings ----------------------------------------------------------------


def save_identity(conn: Connection, did: str, seed: bytes) -> None:
    conn.execute(
        "INSERT INTO identity (id, did, seed, created_at) VALUES (1, ?, ?, ?)",
        (did, seed, time.time()),
    )


def load_identity(conn: Connection) -> tuple[str, bytes] | None:
    row = conn.execute("SELECT did, seed FROM identity WHERE id = 1").fetchone()
    return (str(row[0]), bytes(row[1])) if row else None


def get_setting(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else None


def set_setting(conn: Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


# -- contacts -----------------------------------------------------------------------------


_CONTACT_COLUMNS = "did, petname, verified, note, added_at, verified_by"


def _contact(row: Sequence[Any]) -> Contact:
    how = Verification(str(row[5])) if row[5] else None
    return Contact(str(row[0]), str(row[1]), bool(row[2]), str(row[3]), dt(row[4]), how)


def upsert_contact(conn: Connection, contact: Contact) -> None:
    conn.execute(
        f"INSERT INTO contacts ({_CONTACT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (did) DO UPDATE SET petname = excluded.petname, "
        "verified = excluded.verified, note = excluded.note, verified_by = excluded.verified_by",
        (
            contact.did,
            contact.petname,
            int(contact.verified),
            contact.note,
            time.time(),
            contact.verification.value,
        ),
    )


def get_contact(conn: Connection, did: str) -> Contact | None:
    row = conn.execute(f"SELECT {_CONTACT_COLUMNS} FROM contacts WHERE did = ?", (did,)).fetchone()
    return _contact(row) if row else None


def list_contacts(conn: Connection) -> list[Contact]:
    rows = conn.execute(
        f"SELECT {_CONTACT_COLUMNS} FROM contacts ORDER BY petname COLLATE NOCASE, did"
    ).fetchall()
    return [_contact(r) for r in rows]


def delete_contact(conn: Connection, did: str) -> int:
    return int(conn.execute("DELETE FROM contacts WHERE did = ?", (did,)).rowcount)


def petnames(conn: Connection) -> dict[str, str]:
    return {str(d): str(n) for d, n in conn.execute("SELECT did, petname FROM contacts")}


# -- statements ---------------------------------------------------------------------------


def statement_row(record: Endorsement, doc_hash: bytes, added_at: float) -> tuple[Any, ...]:
    return (
        record.id,
        record.kind.value,
        record.issuer,
        record.subject,
        record.scope,
        int(record.level) if record.level is not None else None,
        record.comment,
        record.reason,
        ts(record.valid_from),
        ts(record.valid_until),
        ts(record.revoked_at) if record.revoked_at else None,
        record.revocation_reason,
        record.audience.value,
        doc_hash,
        record.document,
        added_at,
    )


def new_statement_row(
    statement: Statement, audience: Audience, document: str, doc_hash: bytes, added_at: float
) -> tuple[Any, ...]:
    """`statement_row` of a statement just checked (not revoked), without building its
    `Endorsement` first: a big import stores tens of thousands of these."""
    level = statement.level
    return (
        statement.id,
        statement.kind.value,
        statement.issuer,
        statement.subject,
        statement.scope,
        int(level) if level is not None else None,
        statement.comment,
        statement.reason,
        statement.valid_from.timestamp(),
        statement.valid_until.timestamp(),
        None,
        "",
        audience.value,
        doc_hash,
        document,
        added_at,
    )


# The direction (migration v8) comes from the row's issuer (?3) and subject (?4) and the
# wallet's own did, in the same statement: no caller can store a wrong one.
_INSERT_STATEMENT = (
    "INSERT OR IGNORE INTO statements (id, kind, issuer, subject, scope, level, comment, "
    "reason, valid_from, valid_until, revoked_at, revocation_reason, audience, doc_hash, "
    "document, added_at, direction) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
    "?13, ?14, ?15, ?16, CASE WHEN ?3 = (SELECT did FROM identity) THEN 0 "
    "WHEN ?4 = (SELECT did FROM identity) THEN 1 ELSE 2 END)"
)


def insert_statements(conn: Connection, rows: Iterable[tuple[Any, ...]]) -> int:
    cursor = conn.executemany(_INSERT_STATEMENT, rows)
    return int(cursor.rowcount)


def insert_revocation(conn: Connection, revocation: Revocation, doc_hash: bytes) -> bool:
    cursor = conn.execute(
        "INSERT OR IGNORE INTO revocations (id, issuer, target_id, reason, effective, doc_hash, "
        "document, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            revocation.id,
            revocation.issuer,
            revocation.target_id,
            revocation.reason,
            ts(revocation.effective),
            doc_hash,
            revocation.document,
            time.time(),
        ),
    )
    return bool(cursor.rowcount)


def apply_revocations(conn: Connection) -> int:
    """Mark statements revoked by their own issuer's revocations (the earliest one counts)."""
    cursor = conn.execute(
        """
        UPDATE statements SET
            revoked_at = (SELECT min(r.effective) FROM revocations r
                          WHERE r.target_id = statements.id AND r.issuer = statements.issuer),
            revocation_reason = (SELECT r.reason FROM revocations r
                          WHERE r.target_id = statements.id AND r.issuer = statements.issuer
                          ORDER BY r.effective LIMIT 1)
        WHERE revoked_at IS NULL AND id IN (SELECT target_id FROM revocations)
          AND EXISTS (SELECT 1 FROM revocations r
                      WHERE r.target_id = statements.id AND r.issuer = statements.issuer)
        """
    )
    return int(cursor.rowcount)


def known_hashes(conn: Connection, table: str) -> set[bytes]:
    if table not in ("statements", "revocations"):
        raise ValueError(table)
    return {bytes(h) for (h,) in conn.execute(f"SELECT doc_hash FROM {table}")}


def known_keys(conn: Connection, table: str) -> set[tuple[str, str]]:
    """(issuer, id) of every statement or revocation: an id is its issuer's choice alone."""
    if table not in ("statements", "revocations"):
        raise ValueError(table)
    return {(str(s), str(i)) for s, i in conn.execute(f"SELECT issuer, id FROM {table}")}


def _endorsement(row: Sequence[Any], me: str) -> Endorsement:
    issuer, subject = str(row[2]), str(row[3])
    direction = Direction.of(issuer, subject, me)
    return Endorsement(
        id=str(row[0]),
        kind=Kind(row[1]),
        issuer=issuer,
        subject=subject,
        scope=str(row[4]),
        level=Level(row[5]) if row[5] is not None else None,
        comment=str(row[6]),
        reason=str(row[7]),
        valid_from=dt(row[8]),
        valid_until=dt(row[9]),
        revoked_at=dt(row[10]) if row[10] is not None else None,
        revocation_reason=str(row[11]),
        direction=direction,
        audience=Audience(row[12]),
        document=str(row[13]),
    )


def statements_with_id(conn: Connection, statement_id: str) -> list[tuple[int, str]]:
    """(row key, issuer) of every statement whose issuer gave it this id."""
    rows = conn.execute("SELECT seq, issuer FROM statements WHERE id = ?", (statement_id,))
    return [(int(k), str(s)) for k, s in rows]


def get_statement(conn: Connection, key: int, me: str) -> Endorsement | None:
    row = conn.execute(
        f"SELECT {_STATEMENT_COLUMNS} FROM statements WHERE seq = ?", (key,)
    ).fetchone()
    return _endorsement(row, me) if row else None


def _where(flt: EndorsementFilter, me: str, now: float) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if flt.direction is Direction.GIVEN:
        clauses.append("issuer = ?")
        params.append(me)
    elif flt.direction is Direction.RECEIVED:
        clauses.append("subject = ?")
        params.append(me)
    elif flt.direction is Direction.OTHERS:
        clauses.append("issuer != ? AND subject != ?")
        params += [me, me]
    if flt.person:
        clauses.append("(issuer = ? OR subject = ?)")
        params += [flt.person, flt.person]
    if flt.scope:
        clauses.append("(scope = ? OR scope LIKE ? ESCAPE '\\')")
        escaped = flt.scope.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params += [flt.scope, escaped + "/%"]
    if flt.level is not None:
        clauses.append("level = ?")
        params.append(int(flt.level))
    if flt.kind is not None:
        clauses.append("kind = ?")
        params.append(flt.kind.value)
    if flt.status is not None:
        clause, extra = _status_clause(flt.status, now)
        clauses.append(clause)
        params += extra
    if flt.text:
        like = "%" + flt.text.replace("%", "").replace("_", "") + "%"
        clauses.append(
            "(scope LIKE ? OR comment LIKE ? OR reason LIKE ? OR issuer IN "
            "(SELECT did FROM contacts WHERE petname LIKE ?) OR subject IN "
            "(SELECT did FROM contacts WHERE petname LIKE ?))"
        )
        params += [like] * 5
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _source(flt: EndorsementFilter, sort: str | None = None) -> str:
    """The table to read, with the covering index that answers the filter without the rows.

    Left to itself SQLite walks a one-column index and reads every table row (each with its
    document) to test a status or scope: about 0.8 s at 100k rows, against 0.02-0.05 s through
    an index holding the columns tested. A status alone (or a sort by status) needs the three
    times of `statements_times`; scope, level or kind need `statements_listing`. A person filter
    has better indexes; free text needs the table.
    """
    if flt.person or flt.text:
        return " FROM statements"
    on_listing = flt.scope or flt.level is not None or flt.kind
    if on_listing:
        return " FROM statements INDEXED BY statements_listing"
    if flt.direction is None and (flt.status is not None or sort == "status"):
        return " FROM statements INDEXED BY statements_times"
    return " FROM statements"


def _status_clause(status: Status, now: float) -> tuple[str, list[Any]]:
    revoked = "(revoked_at IS NOT NULL AND revoked_at <= ?)"
    if status is Status.REVOKED:
        return revoked, [now]
    live = f"NOT {revoked}"
    if status is Status.NOT_YET_VALID:
        return f"{live} AND valid_from > ?", [now, now]
    if status is Status.EXPIRED:
        return f"{live} AND valid_until <= ?", [now, now]
    return f"{live} AND valid_from <= ? AND valid_until > ?", [now, now, now]


# Sort keys the listing understands, each an ORDER BY expression over `statements` (`:me` and
# `:now` become bound parameters). Only these fixed strings ever reach the SQL text. Names come
# from the contacts joined once (`ci` for the issuer, `cs` for the subject; see _NAME_JOINS),
# not from a sub-query per row (three times slower at 100k rows).
_PERSON_NAME = "CASE WHEN {col} = :me THEN 'me' ELSE coalesce({alias}.petname, {col}) END"
_ISSUER_NAME = _PERSON_NAME.format(col="statements.issuer", alias="ci")
_SUBJECT_NAME = _PERSON_NAME.format(col="statements.subject", alias="cs")
_STATUS_RANK = (  # the order of Status: valid, not yet valid, expired, revoked
    "CASE WHEN revoked_at IS NOT NULL AND revoked_at <= :now THEN 3 "
    "WHEN valid_from > :now THEN 1 WHEN valid_until <= :now THEN 2 ELSE 0 END"
)
SORT_KEYS: dict[str, str] = {
    "direction": "statements.direction",  # kept in the row (migration v8), indexed
    "issuer": _ISSUER_NAME + " COLLATE NOCASE",
    "subject": _SUBJECT_NAME + " COLLATE NOCASE",
    # the other party: whom I spoke about, who spoke about me, or the issuer between others
    "person": "CASE WHEN statements.issuer = :me THEN "
    + _SUBJECT_NAME
    + " ELSE "
    + _ISSUER_NAME
    + " END COLLATE NOCASE",
    "scope": "scope",
    "level": "level",  # NULL (a caution) sorts before every level
    "kind": "kind",
    "status": _STATUS_RANK,
    "valid_from": "valid_from",
    "valid_until": "valid_until",
    "added": "statements.added_at",
}
_NAME_JOINS = {
    "ci": " LEFT JOIN contacts AS ci ON ci.did = statements.issuer",
    "cs": " LEFT JOIN contacts AS cs ON cs.did = statements.subject",
}


def _joins(sort: str | None) -> str:
    """The contacts a sort by name needs joined (none for the other keys)."""
    template = SORT_KEYS.get(sort or "", "")
    return "".join(join for alias, join in _NAME_JOINS.items() if f"{alias}.petname" in template)


DEFAULT_SORT = ("valid_from", True)  # newest first


def _order_by(sort: str | None, descending: bool, me: str, now: float) -> tuple[str, list[Any]]:
    """ORDER BY for a whitelisted key (ties in the order rows were stored), and its parameters.

    Descending is the exact reverse of ascending, ties included.
    """
    if sort is None:
        sort, descending = DEFAULT_SORT
    try:
        template = SORT_KEYS[sort]
    except KeyError:
        raise ValueError(f"unknown sort key {sort!r}") from None
    values = {":me": me, ":now": now}
    parts = re.split("(:me|:now)", template)
    params = [values[p] for p in parts[1::2]]
    expression = "".join(p if i % 2 == 0 else "?" for i, p in enumerate(parts))
    direction = " DESC" if descending else ""
    return f" ORDER BY {expression}{direction}, statements.rowid{direction}", params


def list_statements(
    conn: Connection,
    flt: EndorsementFilter,
    me: str,
    *,
    now: float,
    offset: int = 0,
    limit: int | None = None,
    sort: str | None = None,
    descending: bool = False,
) -> list[Endorsement]:
    """One page of the matching statements, ordered by `sort` (a key of SORT_KEYS)."""
    keys = statement_keys(
        conn, flt, me, now=now, sort=sort, descending=descending, offset=offset, limit=limit
    )
    found = statements_by_key(conn, keys, me)
    return [found[key] for key in keys if key in found]


def statement_keys(
    conn: Connection,
    flt: EndorsementFilter,
    me: str,
    *,
    now: float,
    sort: str | None = None,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[int]:
    """The row keys of the matching statements, in order.

    Ordering runs over keys and the listing index only, never over the documents, so even the
    whole ordered list of a large store is cheap to hold; `statements_by_key` reads a window.
    """
    if sort in _RANKED and flt == EndorsementFilter():
        sql = _RANKED[sort].format(direction=" DESC" if descending else "")
        params: list[Any] = [me, -1 if limit is None else limit, offset]
        return _ordered_keys(conn, sql, params)
    where, params = _where(flt, me, now)
    order, order_params = _order_by(sort, descending, me, now)
    source = _source(flt, sort) + _joins(sort)
    sql = f"SELECT statements.rowid AS k{source}{where}{order} LIMIT ? OFFSET ?"
    params += [*order_params, -1 if limit is None else limit, offset]
    return _ordered_keys(conn, sql, params)


def _ordered_keys(conn: Connection, sql: str, params: list[Any]) -> list[int]:
    """The `k` column of `sql` (ordered, with a LIMIT), as one JSON array built in SQLite.

    100k keys come back as one string parsed in C, not 100k rows of one value each: 20 ms less
    for every filter and sort of a large list. A sub-query with a LIMIT keeps its ORDER BY (it
    decides which rows there are) and is not merged into the aggregate, which takes its rows in
    that order; the tests of every sort compare the result with an order computed in Python.
    """
    row = conn.execute(f"SELECT json_group_array(k) FROM ({sql})", params).fetchone()
    keys: list[int] = json.loads(row[0])
    return keys


# The whole list by the name of its issuer (or subject), in the order SORT_KEYS gives: each
# distinct did is ranked by its name once (a few thousand), then the rows of each did are read
# from the (did, scope) index in rank order and only the rank and the row key are sorted (no
# names compared per row): 45 ms at 100k rows, against 70 ms for the joined names. For the
# unfiltered list only (a filter's columns are not in that index).
_RANKED_TEMPLATE = (
    "WITH ranked AS (SELECT did, dense_rank() OVER (ORDER BY CASE WHEN did = ? THEN 'me' "
    "ELSE coalesce((SELECT petname FROM contacts WHERE contacts.did = named.did), did) END "
    "COLLATE NOCASE) AS k FROM (SELECT DISTINCT {col} AS did FROM statements "
    "INDEXED BY {index}) AS named) "
    "SELECT statements.rowid AS k FROM ranked JOIN statements INDEXED BY {index} "
    "ON statements.{col} = ranked.did "
    "ORDER BY ranked.k{{direction}}, statements.rowid{{direction}} LIMIT ? OFFSET ?"
)
_RANKED = {
    "issuer": _RANKED_TEMPLATE.format(col="issuer", index="statements_issuer"),
    "subject": _RANKED_TEMPLATE.format(col="subject", index="statements_subject"),
}


def statements_by_key(conn: Connection, keys: Sequence[int], me: str) -> dict[int, Endorsement]:
    """The statements with these row keys (a key gone since is simply missing)."""
    found: dict[int, Endorsement] = {}
    for start in range(0, len(keys), 500):
        chunk = list(keys[start : start + 500])
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT rowid, {_STATEMENT_COLUMNS} FROM statements WHERE rowid IN ({marks})", chunk
        )
        found.update((int(r[0]), _endorsement(r[1:], me)) for r in rows)
    return found


def count_statements(conn: Connection, flt: EndorsementFilter, me: str, *, now: float) -> int:
    where, params = _where(flt, me, now)
    sql = f"SELECT count(*){_source(flt)}{where}"
    return int(conn.execute(sql, params).fetchone()[0])


def scopes_in_use(conn: Connection) -> list[str]:
    return [str(s) for (s,) in conn.execute("SELECT DISTINCT scope FROM statements ORDER BY 1")]


def set_audience(conn: Connection, key: int, audience: Audience) -> int:
    cursor = conn.execute("UPDATE statements SET audience = ? WHERE seq = ?", (audience.value, key))
    return int(cursor.rowcount)


def my_statement_keys(conn: Connection, me: str) -> list[int]:
    return [int(k) for (k,) in conn.execute("SELECT seq FROM statements WHERE issuer = ?", (me,))]


def documents_for(conn: Connection, keys: Sequence[int]) -> list[tuple[str, str, str]]:
    """(issuer, id, document) of the statements with these row keys, in the order given."""
    found: dict[int, tuple[str, str, str]] = {}
    wanted = list(dict.fromkeys(keys))
    for start in range(0, len(wanted), 500):  # one query per 500 keys, not one per key
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT seq, issuer, id, document FROM statements WHERE seq IN ({marks})", chunk
        )
        found.update((int(k), (str(s), str(i), str(d))) for k, s, i, d in rows)
    return [found[k] for k in wanted if k in found]


def revocation_documents(conn: Connection, targets: Iterable[tuple[str, str]]) -> list[str]:
    """The revocations of these (issuer, statement id): only an issuer's own ones count."""
    docs: list[str] = []
    for issuer, target in dict.fromkeys(targets):
        rows = conn.execute(
            "SELECT document FROM revocations WHERE issuer = ? AND target_id = ? ORDER BY seq",
            (issuer, target),
        )
        docs += [str(d) for (d,) in rows]
    return docs


def edge_rows(conn: Connection, after: int = 0) -> Iterable[tuple[Any, ...]]:
    """Everything the trust engine needs, one tuple per statement stored after row key `after`.

    Each tuple starts with the row key; keys only grow (they are never reused), so a reader
    that remembers the largest it saw misses nothing, however long a write took.
    """
    rows: Iterable[tuple[Any, ...]] = conn.execute(
        "SELECT seq, id, issuer, subject, scope, kind, level, valid_from, valid_until, "
        "revoked_at, comment, reason FROM statements WHERE seq > ? ORDER BY seq",
        (after,),
    )
    return rows


def revoked_statements(conn: Connection) -> list[tuple[str, str, float]]:
    """(issuer, id, revoked_at) of every revoked statement (for refreshing the trust graph).

    Read from `statements_revoked`, which holds the revoked rows only."""
    rows = conn.execute(
        "SELECT issuer, id, revoked_at FROM statements INDEXED BY statements_revoked "
        "WHERE revoked_at IS NOT NULL"
    )
    return [(str(s), str(i), float(r)) for s, i, r in rows]


def statement_count(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM statements").fetchone()[0])


# -- the trust graph's snapshot -------------------------------------------------------------

SNAPSHOT_PART = 8 * 2**20  # bytes per row of trust_snapshot


def load_trust_snapshot(conn: Connection) -> tuple[int, int, bytes] | None:
    """(largest statement row key it holds, its number of edges, its bytes), or None."""
    rows = conn.execute("SELECT part, data FROM trust_snapshot ORDER BY part").fetchall()
    if not rows or rows[0][0] != 0:
        return None
    try:
        head = json.loads(bytes(rows[0][1]))
        seq, edges = int(head["seq"]), int(head["edges"])
    except (ValueError, KeyError, TypeError):
        return None
    if [int(r[0]) for r in rows] != list(range(len(rows))):
        return None
    return seq, edges, b"".join(bytes(r[1]) for r in rows[1:])


def save_trust_snapshot(conn: Connection, seq: int, edges: int, data: bytes) -> None:
    """Replace the snapshot: part 0 says what it holds, the next parts are its bytes."""
    conn.execute("DELETE FROM trust_snapshot")
    head = json.dumps({"seq": seq, "edges": edges}).encode()
    parts = [data[at : at + SNAPSHOT_PART] for at in range(0, len(data), SNAPSHOT_PART)]
    conn.executemany(
        "INSERT INTO trust_snapshot (part, data) VALUES (?, ?)",
        list(enumerate([head, *parts])),
    )


def drop_trust_snapshot(conn: Connection) -> None:
    conn.execute("DELETE FROM trust_snapshot")
