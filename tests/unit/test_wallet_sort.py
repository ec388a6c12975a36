"""Sorting the endorsement list in the store: every key both ways, stable ties, bad keys."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from support.store import open_store
from vouch.core.records import Direction, Endorsement, EndorsementFilter, Kind, Level, Status
from vouch.core.store import queries
from vouch.core.store.migrations import SCHEMA_VERSION, schema_version
from vouch.wallet import Wallet

MakeWallet = Callable[..., Wallet]
FIXTURES = Path(__file__).parent.parent / "fixtures"
SORT_KEYS = (
    "direction",
    "issuer",
    "subject",
    "person",
    "scope",
    "level",
    "kind",
    "status",
    "valid_from",
    "valid_until",
    "added",
)


@dataclass
class Setup:
    me: Wallet
    names: dict[str, str]  # my contacts' petnames
    stored: list[str]  # ids in the order they were stored


def _insert_copy(wallet: Wallet, template: Endorsement, **changes: object) -> Endorsement:
    """A row written with the store's own insert, for dates `endorse` rightly refuses."""
    record = replace(template, **changes)  # type: ignore[arg-type]
    digest = hashlib.sha256(record.id.encode()).digest()
    with open_store(wallet.home, wallet.store_key()) as database, database.transaction() as conn:
        queries.insert_statements(conn, [queries.statement_row(record, digest, 2e9)])
    return record


@pytest.fixture
def setup(new_wallet: MakeWallet) -> Setup:
    me, bob, carol, dave = (new_wallet(n) for n in ("me", "bob", "carol", "dave"))
    me.add_contact(bob.did, "Zed")
    me.add_contact(carol.did, "amy")  # dave stays a bare did
    until = datetime.now(UTC) + timedelta(days=100)
    stored = [
        me.endorse(bob.did, "plumbing", Level.STRONGLY, valid_until=until).id,
        me.endorse(carol.did, "cooking", Level.SMALL_THINGS).id,
        me.caution(dave.did, "tax", "never filed anything").id,
        me.endorse(carol.did, "plumbing", Level.STRONGLY, valid_until=until).id,
    ]
    revoked = me.endorse(bob.did, "bikes", Level.COMPLETELY)
    me.revoke(revoked.id, "moved away")
    stored.append(revoked.id)
    dave.endorse(me.did, "gardening", Level.MOST_THINGS)
    dave.endorse(carol.did, "plumbing", Level.MOST_THINGS)
    before = {e.id for e in me.endorsements()}
    me.import_data(dave.export_bundle())
    stored += [e.id for e in me.endorsements(sort="added") if e.id not in before]
    template = me.endorsement(stored[0])
    assert template is not None
    past = datetime.now(UTC) - timedelta(days=400)
    expired = _insert_copy(
        me,
        template,
        id="urn:uuid:00000000-0000-4000-8000-000000000001",
        valid_from=past,
        valid_until=past + timedelta(days=30),
    )
    future = datetime.now(UTC) + timedelta(days=10)
    pending = _insert_copy(
        me,
        template,
        id="urn:uuid:00000000-0000-4000-8000-000000000002",
        valid_from=future,
        valid_until=future + timedelta(days=30),
    )
    stored += [expired.id, pending.id]
    return Setup(me, {bob.did: "Zed", carol.did: "amy"}, stored)


def _reference(setup: Setup, key: str) -> Callable[[Endorsement], object]:
    """What each key means, written plainly in Python."""
    me, now = setup.me.did, datetime.now(UTC)

    def name(did: str) -> str:
        return "me" if did == me else setup.names.get(did, did)

    def other(item: Endorsement) -> str:
        return name(item.subject if item.issuer == me else item.issuer)

    ranks = [Status.VALID, Status.NOT_YET_VALID, Status.EXPIRED, Status.REVOKED]
    keys: dict[str, Callable[[Endorsement], object]] = {
        "direction": lambda e: list(Direction).index(e.direction),
        "issuer": lambda e: name(e.issuer).lower(),
        "subject": lambda e: name(e.subject).lower(),
        "person": lambda e: other(e).lower(),
        "scope": lambda e: e.scope,
        "level": lambda e: 0 if e.level is None else int(e.level),
        "kind": lambda e: e.kind.value,
        "status": lambda e: ranks.index(e.status(now)),
        "valid_from": lambda e: e.valid_from,
        "valid_until": lambda e: e.valid_until,
        "added": lambda e: 0,  # stored order alone
    }
    return keys[key]


@pytest.mark.parametrize("key", SORT_KEYS)
def test_each_key_both_ways(setup: Setup, key: str) -> None:
    wallet = setup.me
    items = {e.id: e for e in wallet.endorsements()}
    assert set(items) == set(setup.stored)
    reference = _reference(setup, key)
    expected = sorted(setup.stored, key=lambda i: (reference(items[i]), setup.stored.index(i)))
    ascending = [e.id for e in wallet.endorsements(sort=key)]
    assert ascending == expected
    descending = [e.id for e in wallet.endorsements(sort=key, descending=True)]
    assert descending == expected[::-1]  # the exact reverse, ties included


def test_what_the_keys_mean(setup: Setup) -> None:
    wallet = setup.me
    subjects = [wallet.display_name(e.subject) for e in wallet.endorsements(sort="subject")]
    assert subjects[:3] == ["amy", "amy", "amy"]  # a petname, not the did it stands for
    assert subjects.index("me") > max(i for i, s in enumerate(subjects) if s.startswith("did:"))
    assert subjects[-1] == "Zed"  # names compare without case
    statuses = [e.status(datetime.now(UTC)) for e in wallet.endorsements(sort="status")]
    assert statuses == sorted(
        statuses, key=[Status.VALID, Status.NOT_YET_VALID, Status.EXPIRED, Status.REVOKED].index
    )
    assert set(statuses) == set(Status)
    levels = wallet.endorsements(sort="level")
    assert levels[0].kind is Kind.CAUTION  # a caution is never a number: it comes first
    assert [e.level for e in levels[1:]] == sorted(e.level for e in levels[1:] if e.level)


def test_ties_keep_the_stored_order(setup: Setup) -> None:
    wallet = setup.me
    scopes = {e.id: e.scope for e in wallet.endorsements()}
    plumbing = [i for i in setup.stored if scopes[i] == "plumbing"]
    assert len(plumbing) >= 3
    flt = EndorsementFilter(scope="plumbing")
    assert [e.id for e in wallet.endorsements(flt, sort="scope")] == plumbing
    assert [e.id for e in wallet.endorsements(flt, sort="level")] == sorted(
        plumbing,
        key=lambda i: (wallet.endorsement(i).level, plumbing.index(i)),  # type: ignore[union-attr]
    )


def test_paging_a_sorted_list(setup: Setup) -> None:
    wallet = setup.me
    whole = [e.id for e in wallet.endorsements(sort="person", descending=True)]
    pages = [
        e.id
        for offset in range(0, len(whole), 3)
        for e in wallet.endorsements(sort="person", descending=True, offset=offset, limit=3)
    ]
    assert pages == whole


def test_keys_then_rows_in_windows(setup: Setup) -> None:
    wallet = setup.me
    flt = EndorsementFilter(direction=Direction.GIVEN)
    keys = wallet.endorsement_keys(flt, sort="scope")
    assert len(keys) == wallet.count_endorsements(flt)
    window = wallet.endorsements_by_key(keys[1:4])
    assert [window[k].id for k in keys[1:4]] == [
        e.id for e in wallet.endorsements(flt, sort="scope", offset=1, limit=3)
    ]
    assert wallet.endorsements_by_key([10**9]) == {}  # a key gone is simply missing


def test_sort_and_filter_together(setup: Setup) -> None:
    wallet = setup.me
    valid = wallet.endorsements(EndorsementFilter(status=Status.VALID), sort="valid_until")
    assert valid and all(e.status(datetime.now(UTC)) is Status.VALID for e in valid)
    assert [e.valid_until for e in valid] == sorted(e.valid_until for e in valid)


@pytest.mark.parametrize("bad", ["nope", "scope; DROP TABLE statements", "rowid", "", "SCOPE"])
def test_unknown_keys_are_refused(setup: Setup, bad: str) -> None:
    with pytest.raises(ValueError, match="sort key"):
        setup.me.endorsements(sort=bad)
    with pytest.raises(ValueError, match="sort key"):
        setup.me.endorsement_keys(sort=bad)
    assert setup.me.count_endorsements() == len(setup.stored)


def test_a_version_1_store_gains_the_listing_indexes(tmp_path: Path) -> None:
    home = tmp_path / "old"
    shutil.copytree(FIXTURES / "store_v1", home)
    passphrase = (FIXTURES / "store_v1.passphrase").read_text().strip()
    with Wallet.open(home, passphrase) as wallet, open_store(home, wallet.store_key()) as raw:
        conn = raw.conn
        assert schema_version(conn._conn) == SCHEMA_VERSION >= 2
        names = {str(n) for (n,) in conn.execute("SELECT name FROM sqlite_master")}
        assert {"statements_listing", "statements_times", "statements_valid_until"} <= names
        assert "statements_valid_from" not in names  # v7: its columns lead statements_times
        plan = " ".join(
            str(row[-1])
            for row in conn.execute("EXPLAIN QUERY PLAN SELECT rowid FROM statements ORDER BY kind")
        )
        assert "COVERING INDEX" in plan
        listed = wallet.endorsements(sort="scope")
        assert [e.scope for e in listed] == sorted(e.scope for e in listed)
        assert len(listed) == wallet.count_endorsements() > 0


@pytest.mark.parametrize("key", ["issuer", "subject"])
def test_a_name_sort_orders_the_same_with_and_without_a_filter(setup: Setup, key: str) -> None:
    """The whole list ranks names once per did; a filtered list joins them: the same order."""
    wallet = setup.me
    for descending in (False, True):
        everything = [e.id for e in wallet.endorsements(sort=key, descending=descending)]
        endorsements = [
            e.id
            for e in wallet.endorsements(
                EndorsementFilter(kind=Kind.ENDORSEMENT), sort=key, descending=descending
            )
        ]
        kinds = {e.id: e.kind for e in wallet.endorsements()}
        assert endorsements == [i for i in everything if kinds[i] is Kind.ENDORSEMENT]
        assert len(endorsements) < len(everything)


def test_people_of_the_same_name_keep_the_stored_order(new_wallet: MakeWallet) -> None:
    me, bob, carol = new_wallet("me"), new_wallet("bob"), new_wallet("carol")
    me.add_contact(bob.did, "Sam")
    me.add_contact(carol.did, "sam")  # the same name but for case: one rank
    stored = [
        me.endorse(carol.did, "cooking", Level.STRONGLY).id,
        me.endorse(bob.did, "cooking", Level.STRONGLY).id,
        me.endorse(carol.did, "plumbing", Level.STRONGLY).id,
    ]
    assert [e.id for e in me.endorsements(sort="subject")] == stored
    assert [e.id for e in me.endorsements(sort="subject", descending=True)] == stored[::-1]
