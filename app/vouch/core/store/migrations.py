"""The schema, one function per version. A store newer than this code is refused."""

from __future__ import annotations

from collections.abc import Callable

import sqlcipher3

from vouch.core.errors import StoreTooNew

Migration = Callable[[sqlcipher3.Connection], None]


def _run_script(conn: sqlcipher3.Connection, script: str) -> None:
    """Run statements one by one (`executescript` would commit the open transaction)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _v1(conn: sqlcipher3.Connection) -> None:
    _run_script(
        conn,
        """
        CREATE TABLE identity (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            did TEXT NOT NULL,
            seed BLOB NOT NULL,
            created_at REAL NOT NULL
        );
        CREATE TABLE contacts (
            did TEXT PRIMARY KEY,
            petname TEXT NOT NULL,
            verified INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            added_at REAL NOT NULL
        );
        CREATE TABLE statements (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('endorsement', 'caution')),
            issuer TEXT NOT NULL,
            subject TEXT NOT NULL,
            scope TEXT NOT NULL,
            level INTEGER CHECK (level BETWEEN 1 AND 4),
            comment TEXT NOT NULL,
            reason TEXT NOT NULL,
            valid_from REAL NOT NULL,
            valid_until REAL NOT NULL,
            revoked_at REAL,
            revocation_reason TEXT NOT NULL DEFAULT '',
            audience TEXT NOT NULL,
            doc_hash BLOB NOT NULL UNIQUE,
            document TEXT NOT NULL,
            added_at REAL NOT NULL
        );
        CREATE INDEX statements_subject ON statements (subject, scope);
        CREATE INDEX statements_issuer ON statements (issuer, scope);
        CREATE INDEX statements_scope ON statements (scope);
        CREATE TABLE revocations (
            id TEXT PRIMARY KEY,
            issuer TEXT NOT NULL,
            target_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            effective REAL NOT NULL,
            doc_hash BLOB NOT NULL UNIQUE,
            document TEXT NOT NULL,
            added_at REAL NOT NULL
        );
        CREATE INDEX revocations_target ON revocations (target_id);
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
    )


def _v2(conn: sqlcipher3.Connection) -> None:
    """Indexes for the endorsement list: sorting and filtering 100k rows without the documents.

    `statements_listing` covers every column the list sorts or filters on (except free text), so
    a sort by a computed key (a name, the status) scans it instead of the much larger table.
    """
    _run_script(
        conn,
        """
        CREATE INDEX statements_listing ON statements
            (kind, level, valid_from, valid_until, revoked_at, scope, issuer, subject, added_at);
        CREATE INDEX statements_valid_from ON statements (valid_from);
        CREATE INDEX statements_level ON statements (level);
        CREATE INDEX statements_added ON statements (added_at);
        """,
    )


_STATEMENTS_V3 = """
    CREATE TABLE statements_v3 (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('endorsement', 'caution')),
        issuer TEXT NOT NULL,
        subject TEXT NOT NULL,
        scope TEXT NOT NULL,
        level INTEGER CHECK (level BETWEEN 1 AND 4),
        comment TEXT NOT NULL,
        reason TEXT NOT NULL,
        valid_from REAL NOT NULL,
        valid_until REAL NOT NULL,
        revoked_at REAL,
        revocation_reason TEXT NOT NULL DEFAULT '',
        audience TEXT NOT NULL,
        doc_hash BLOB NOT NULL UNIQUE,
        document TEXT NOT NULL,
        added_at REAL NOT NULL,
        UNIQUE (issuer, id)
    );
    INSERT INTO statements_v3 (seq, id, kind, issuer, subject, scope, level, comment, reason,
        valid_from, valid_until, revoked_at, revocation_reason, audience, doc_hash, document,
        added_at)
    SELECT rowid, id, kind, issuer, subject, scope, level, comment, reason, valid_from,
        valid_until, revoked_at, revocation_reason, audience, doc_hash, document, added_at
    FROM statements;
    DROP TABLE statements;
    ALTER TABLE statements_v3 RENAME TO statements;
    CREATE INDEX statements_subject ON statements (subject, scope);
    CREATE INDEX statements_issuer ON statements (issuer, scope);
    CREATE INDEX statements_scope ON statements (scope);
    CREATE INDEX statements_listing ON statements
        (kind, level, valid_from, valid_until, revoked_at, scope, issuer, subject, added_at);
    CREATE INDEX statements_valid_from ON statements (valid_from);
    CREATE INDEX statements_level ON statements (level);
    CREATE INDEX statements_added ON statements (added_at);
    CREATE INDEX statements_id ON statements (id)
"""

_REVOCATIONS_V3 = """
    CREATE TABLE revocations_v3 (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL,
        issuer TEXT NOT NULL,
        target_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        effective REAL NOT NULL,
        doc_hash BLOB NOT NULL UNIQUE,
        document TEXT NOT NULL,
        added_at REAL NOT NULL,
        UNIQUE (issuer, id)
    );
    INSERT INTO revocations_v3 (seq, id, issuer, target_id, reason, effective, doc_hash,
        document, added_at)
    SELECT rowid, id, issuer, target_id, reason, effective, doc_hash, document, added_at
    FROM revocations;
    DROP TABLE revocations;
    ALTER TABLE revocations_v3 RENAME TO revocations;
    CREATE INDEX revocations_target ON revocations (issuer, target_id)
"""

# Five years of 366 days, in seconds: the longest a statement may last (credentials.MAX_VALIDITY).
_V3_MAX_VALIDITY = 5 * 366 * 86400


def _v3(conn: sqlcipher3.Connection) -> None:
    """Statements and revocations are identified by (issuer, id), not by id alone.

    An id is chosen by its issuer, so it is unique only among that issuer's documents: with a
    global id, whoever stored an id first (the subject of a caution, say, who is sent it first)
    could keep the genuine document out. `seq` numbers rows in the order they were stored and is
    never reused (the trust graph reads what is new by it). Statements that were imported while
    their validity was not checked count for five years at most, as new imports must.
    """
    _run_script(conn, _STATEMENTS_V3)
    _run_script(conn, _REVOCATIONS_V3)
    conn.execute(
        "UPDATE statements SET valid_until = valid_from + ? WHERE valid_until - valid_from > ?",
        (_V3_MAX_VALIDITY, _V3_MAX_VALIDITY),
    )


def _v4(conn: sqlcipher3.Connection) -> None:
    """Contacts say how they were verified: in person, or by a code the two people shared."""
    conn.execute("ALTER TABLE contacts ADD COLUMN verified_by TEXT NOT NULL DEFAULT ''")
    conn.execute("UPDATE contacts SET verified_by = 'in-person' WHERE verified = 1")


def _v5(conn: sqlcipher3.Connection) -> None:
    """One person, several devices: change records for mutable state, and the devices I know.

    `changes` holds the newest change of each key of mutable state (a contact, an audience, a
    setting that travels): its JSON value (NULL: removed), its hybrid logical clock and the
    device that made it. Devices merge these last-writer-wins. `devices` is what this device
    knows locally about the others (when it last synced with each, whether it forgot one).
    """
    _run_script(
        conn,
        """
        CREATE TABLE changes (
            key TEXT PRIMARY KEY,
            value TEXT,
            clock INTEGER NOT NULL,
            device TEXT NOT NULL
        );
        CREATE TABLE devices (
            device_id TEXT PRIMARY KEY,
            last_sync REAL,
            forgotten INTEGER NOT NULL DEFAULT 0
        )
        """,
    )


def _v6(conn: sqlcipher3.Connection) -> None:
    """Social recovery: the shares I keep for others, and to whom I handed mine.

    `held_shares` keeps each envelope verbatim (signed by its owner, the share inside sealed to
    this wallet's key). `guardians` records each split I handed out, one row per guardian, so
    the app can say who holds a share (the shares themselves are never kept by their owner).
    """
    _run_script(
        conn,
        """
        CREATE TABLE held_shares (
            owner TEXT NOT NULL,
            split_id TEXT NOT NULL,
            threshold INTEGER NOT NULL,
            envelope TEXT NOT NULL,
            received_at REAL NOT NULL,
            PRIMARY KEY (owner, split_id)
        );
        CREATE TABLE guardians (
            split_id TEXT NOT NULL,
            guardian TEXT NOT NULL,
            threshold INTEGER NOT NULL,
            share_count INTEGER NOT NULL,
            created REAL NOT NULL,
            PRIMARY KEY (split_id, guardian)
        )
        """,
    )


def _v7(conn: sqlcipher3.Connection) -> None:
    """Indexes that let the list and the trust graph read 100k-1M rows without the documents,
    and a place for the trust graph's snapshot.

    `statements_times` replaces the one-column `statements_valid_from`: the newest-first order
    with a status filter, or a sort by status, reads it alone (a status is decided by these
    three times). `statements_valid_until` gives the sort by expiry its order without sorting.
    `statements_revoked` holds only revoked rows, for refreshing the graph's revocations.
    `trust_snapshot` keeps the trust graph's columns (`vouch.trust.snapshot`) in parts, so an
    unlock reads them instead of rebuilding the graph from every row.
    """
    _run_script(
        conn,
        """
        DROP INDEX statements_valid_from;
        CREATE INDEX statements_times ON statements (valid_from, valid_until, revoked_at);
        CREATE INDEX statements_valid_until ON statements (valid_until);
        CREATE INDEX statements_revoked ON statements (revoked_at, issuer, id)
            WHERE revoked_at IS NOT NULL;
        CREATE TABLE trust_snapshot (part INTEGER PRIMARY KEY, data BLOB NOT NULL)
        """,
    )


def _v8(conn: sqlcipher3.Connection) -> None:
    """Each statement's direction from this wallet's point of view, kept in the row.

    0: I said it, 1: said about me, 2: between others. The wallet's own did never changes (a
    restore, a recovery and a linked device all keep it), so the value is fixed at insertion
    (`queries.insert_statements`). The list sorted by direction then reads `statements_direction`
    in order, instead of computing and sorting 100k values (100 ms at that size). Only rows that
    involve me are rewritten here; every other row takes the default.
    """
    _run_script(
        conn,
        """
        ALTER TABLE statements ADD COLUMN direction INTEGER NOT NULL DEFAULT 2;
        UPDATE statements SET direction = 1 WHERE subject = (SELECT did FROM identity);
        UPDATE statements SET direction = 0 WHERE issuer = (SELECT did FROM identity);
        CREATE INDEX statements_direction ON statements (direction)
        """,
    )


MIGRATIONS: list[Migration] = [_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlcipher3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlcipher3.Connection) -> None:
    """Bring the schema up to date, each step in its own transaction."""
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise StoreTooNew()
    for version in range(current, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
