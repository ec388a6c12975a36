"""The schema and its migrations, on the sample stores kept from older versions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from support.store import open_store
from vouch.core import credentials as creds
from vouch.core.records import EndorsementFilter, Level, Verification
from vouch.core.store import kdf, queries
from vouch.core.store.migrations import SCHEMA_VERSION
from vouch.exchange import bundle as bundles
from vouch.wallet import Wallet
from vouch.wallet.home import WalletFiles

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
V2 = json.loads((FIXTURES / "store_v2.json").read_text())


def _copy(name: str, tmp_path: Path) -> Path:
    home = tmp_path / name
    shutil.copytree(FIXTURES / name, home)
    return home


def _raw_rows(home: Path, passphrase: str, sql: str) -> list[Any]:
    """Rows read without migrating: straight from the file as it is."""
    params, _ = kdf.read_params(WalletFiles(home).kdf)
    conn = sqlcipher3.connect(str(WalletFiles(home).db), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{params.derive(passphrase).hex()}'\"")
        return list(conn.execute(sql).fetchall())
    finally:
        conn.close()


def _version(home: Path, key: bytes) -> int:
    with open_store(home, key) as database:
        return int(database.conn.execute("PRAGMA user_version").fetchone()[0])


def test_schema_is_version_8() -> None:
    assert SCHEMA_VERSION == 8


@pytest.mark.parametrize("name", ["store_v1", "store_v2"])
def test_sample_stores_migrate_to_the_current_version(name: str, tmp_path: Path) -> None:
    home = _copy(name, tmp_path)
    passphrase = (
        V2["passphrase"] if name == "store_v2" else (FIXTURES / "store_v1.passphrase").read_text()
    ).strip()
    with Wallet.open(home, passphrase) as wallet:
        assert wallet.integrity_ok()
        assert wallet.count_endorsements() > 0
        for contact in wallet.contacts():  # v4: verified before meant verified in person
            expected = Verification.IN_PERSON if contact.verified else Verification.NONE
            assert contact.verification is expected
        key = wallet.store_key()
    assert _version(home, key) == SCHEMA_VERSION


def test_v2_store_keeps_every_row_its_order_and_its_revocations(tmp_path: Path) -> None:
    home = _copy("store_v2", tmp_path)
    before = _raw_rows(home, V2["passphrase"], "SELECT rowid, issuer, id FROM statements")
    assert _raw_rows(home, V2["passphrase"], "PRAGMA user_version") == [(2,)]
    with Wallet.open(home, V2["passphrase"]) as wallet:
        assert wallet.did == V2["did"]
        assert wallet.count_endorsements() == V2["statements"]
        mine, others = V2["mine"], V2["others"]
        revoked = wallet.endorsement(mine["revoked"])
        assert revoked is not None and revoked.revocation_reason == "Moved away"
        withdrawn = wallet.endorsement(others["revoked"])
        assert withdrawn is not None and withdrawn.revocation_reason == "Changed my mind"
        kept = wallet.endorsement(mine["kept"])
        assert kept is not None and kept.revoked_at is None and kept.comment == "Fixed a leak"
        key = wallet.store_key()
    with open_store(home, key) as database:
        conn = database.conn
        after = conn.execute("SELECT seq, issuer, id FROM statements").fetchall()
        (revocations,) = conn.execute("SELECT count(*) FROM revocations").fetchone()
    assert sorted(map(tuple, after)) == sorted(map(tuple, before))  # row keys kept
    assert revocations == V2["revocations"]


def test_v2_statements_that_last_too_long_count_for_five_years(tmp_path: Path) -> None:
    home = _copy("store_v2", tmp_path)
    with Wallet.open(home, V2["passphrase"]) as wallet:
        forever = wallet.endorsement(V2["others"]["forever"])
        assert forever is not None
        assert forever.valid_until - forever.valid_from == creds.MAX_VALIDITY
        assert '"validUntil":"9999-01-01T00:00:00Z"' in forever.document  # kept verbatim
        short = wallet.endorsement(V2["others"]["short"])
        assert short is not None and short.valid_until - short.valid_from == creds.DEFAULT_VALIDITY


def test_after_the_migration_an_id_belongs_to_its_issuer(tmp_path: Path, new_wallet: Any) -> None:
    """A stranger's statement under an id a v2 store already holds is stored beside it."""
    home = _copy("store_v2", tmp_path)
    mallory = new_wallet("mallory")
    taken = V2["others"]["short"]
    squat = creds.sign_statement(
        creds.unsigned_statement(
            mallory.did, V2["did"], "cooking", level=Level.STRONGLY, statement_id=taken
        ),
        mallory.identity,
    )
    with Wallet.open(home, V2["passphrase"]) as wallet:
        assert wallet.import_data(bundles.encode_bundle(mallory.identity, [squat])).added == 1
        theirs = wallet.endorsement(taken, issuer=V2["others"]["issuer"])
        assert theirs is not None and theirs.scope == "gardening"
        assert wallet.count_endorsements(EndorsementFilter(person=mallory.did)) == 1


def test_v7_gives_a_migrated_store_its_indexes_and_the_snapshot_table(tmp_path: Path) -> None:
    home = _copy("store_v2", tmp_path)
    with Wallet.open(home, V2["passphrase"]) as wallet:
        key = wallet.store_key()
        revoked = wallet.endorsement(V2["mine"]["revoked"])
        assert revoked is not None and revoked.revoked_at is not None
    with open_store(home, key) as database:
        conn = database.conn
        names = {str(n) for (n,) in conn.execute("SELECT name FROM sqlite_master")}
        assert {"statements_times", "statements_valid_until", "statements_revoked"} <= names
        assert "trust_snapshot" in names and "statements_valid_from" not in names
        found = queries.revoked_statements(conn)
        assert (V2["did"], V2["mine"]["revoked"]) in {(s, i) for s, i, _ in found}
        plan = " ".join(
            str(row[-1])
            for row in conn.execute(
                "EXPLAIN QUERY PLAN SELECT issuer, id, revoked_at FROM statements "
                "INDEXED BY statements_revoked WHERE revoked_at IS NOT NULL"
            )
        )
        assert "statements_revoked" in plan


DIRECTION = "CASE WHEN issuer = :me THEN 0 WHEN subject = :me THEN 1 ELSE 2 END"


def _directions(conn: Any, me: str) -> list[tuple[int, int]]:
    """(kept, computed) for every row: the column against the expression it replaces."""
    sql = f"SELECT direction, {DIRECTION} FROM statements ORDER BY rowid"
    return [(int(a), int(b)) for a, b in conn.execute(sql, {"me": me})]


def test_v8_gives_every_migrated_row_its_direction(tmp_path: Path) -> None:
    home = _copy("store_v2", tmp_path)
    with Wallet.open(home, V2["passphrase"]) as wallet:
        key = wallet.store_key()
    with open_store(home, key) as database:
        pairs = _directions(database.conn, V2["did"])
    assert {kept for kept, _ in pairs} >= {0, 1}  # the sample holds mine and received ones
    assert all(kept == computed for kept, computed in pairs)


def test_new_rows_take_their_direction_and_the_sort_reads_the_index(
    tmp_path: Path, new_wallet: Any
) -> None:
    wallet, other, third = new_wallet("me"), new_wallet("other"), new_wallet("third")
    given = wallet.endorse(other.did, "plumbing", Level.STRONGLY)
    received = other.endorse(wallet.did, "music", Level.MOST_THINGS)
    between = other.endorse(third.did, "chess", Level.SMALL_THINGS)
    wallet.import_data(other.export_bundle([received.id, between.id]))
    key, home, me = wallet.store_key(), wallet.home, wallet.did
    wallet.lock()
    with open_store(home, key) as database:
        conn = database.conn
        pairs = _directions(conn, me)
        assert sorted(kept for kept, _ in pairs) == [0, 1, 2]
        assert all(kept == computed for kept, computed in pairs)
        keys = queries.statement_keys(conn, EndorsementFilter(), me, now=2e9, sort="direction")
        first = conn.execute("SELECT rowid FROM statements WHERE id = ?", (given.id,)).fetchone()
        assert keys[0] == first[0]
        plan = " ".join(
            str(row[-1])
            for row in conn.execute(
                "EXPLAIN QUERY PLAN SELECT statements.rowid FROM statements "
                "ORDER BY statements.direction, statements.rowid"
            )
        )
        assert "statements_direction" in plan and "TEMP B-TREE" not in plan
