"""The wallet keeps its trust graph's snapshot in the store: an unlock reads it, then only what
changed since (new statements, revocations); a snapshot that does not match is not used."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from support.store import open_store
from vouch.core.records import Level
from vouch.core.store import queries
from vouch.wallet import Wallet
from vouch.wallet import trust as wallet_trust

MakeWallet = Callable[..., Wallet]
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def snapshot_after_one_row(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wallet_trust, "SNAPSHOT_AFTER_ROWS", 1)


def _answers(wallet: Wallet) -> list[tuple[str, str, float, list[list[str]]]]:
    return [
        (r.did, r.scope, round(r.value, 9), [[s.endorsement_id for s in p.steps] for p in r.paths])
        for r in wallet.find("plumbing")
    ]


def _snapshot_seq(wallet: Wallet) -> int | None:
    with open_store(wallet.home, wallet.store_key()) as raw:
        found = queries.load_trust_snapshot(raw.conn)
    return None if found is None else found[0]


def test_an_unlock_reads_the_snapshot_then_what_changed(
    new_wallet: MakeWallet, monkeypatch: pytest.MonkeyPatch
) -> None:
    me, carol = new_wallet("me"), new_wallet("carol")
    dan, erin = new_wallet("dan"), new_wallet("erin")
    me.endorse(carol.did, "plumbing", Level.COMPLETELY)
    to_dan = carol.endorse(dan.did, "plumbing", Level.STRONGLY)
    me.import_data(carol.export_bundle())
    assert {r[0] for r in _answers(me)} == {carol.did, dan.did}
    assert _snapshot_seq(me) is not None  # written by the first load
    home = me.home
    me.lock()

    # Changes the snapshot does not hold: a new statement, and a revocation of an old one.
    carol.revoke(to_dan.id, "moved away")
    carol.endorse(erin.did, "plumbing", Level.STRONGLY)
    with Wallet.open(home, PASSPHRASE) as wallet:
        wallet.import_data(carol.export_bundle())

    loaded: list[object] = []
    original = wallet_trust.TrustUseCases._graph_from_snapshot

    def spy(self: wallet_trust.TrustUseCases) -> object:
        loaded.append(original(self))
        return loaded[-1]

    monkeypatch.setattr(wallet_trust.TrustUseCases, "_graph_from_snapshot", spy)
    with Wallet.open(home, PASSPHRASE) as wallet:
        assert {r[0] for r in _answers(wallet)} == {carol.did, erin.did}
    assert len(loaded) == 1 and loaded[0] is not None  # the snapshot was used


def test_a_snapshot_that_does_not_match_the_rows_is_rebuilt(new_wallet: MakeWallet) -> None:
    me, carol = new_wallet("me"), new_wallet("carol")
    me.endorse(carol.did, "plumbing", Level.COMPLETELY)
    expected = _answers(me)
    key, home = me.store_key(), me.home
    me.lock()
    with open_store(home, key) as raw, raw.transaction() as conn:
        found = queries.load_trust_snapshot(conn)
        assert found is not None
        seq, edges, data = found
        queries.save_trust_snapshot(conn, seq, edges + 1, data)  # claims one edge too many
    with Wallet.open(home, PASSPHRASE) as wallet:
        assert _answers(wallet) == expected
    with open_store(home, key) as raw:
        assert queries.load_trust_snapshot(raw.conn)[1] == 1  # type: ignore[index]


def test_damaged_snapshot_bytes_are_not_used(new_wallet: MakeWallet) -> None:
    me, carol = new_wallet("me"), new_wallet("carol")
    me.endorse(carol.did, "plumbing", Level.COMPLETELY)
    expected = _answers(me)
    key, home = me.store_key(), me.home
    me.lock()
    with open_store(home, key) as raw, raw.transaction() as conn:
        seq, edges, data = queries.load_trust_snapshot(conn)  # type: ignore[misc]
        queries.save_trust_snapshot(conn, seq, edges, data[: len(data) // 2])
    with Wallet.open(home, PASSPHRASE) as wallet:
        assert _answers(wallet) == expected


def test_no_snapshot_is_written_for_a_few_rows(
    new_wallet: MakeWallet, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wallet_trust, "SNAPSHOT_AFTER_ROWS", 20_000)
    me, carol = new_wallet("me"), new_wallet("carol")
    me.endorse(carol.did, "plumbing", Level.COMPLETELY)
    assert _answers(me)
    assert _snapshot_seq(me) is None


def test_a_graph_first_read_inside_a_transaction_writes_no_snapshot(
    new_wallet: MakeWallet,
) -> None:
    """A progress callback may ask for the graph while an import's transaction is open."""
    me, carol = new_wallet("me"), new_wallet("carol")
    me.endorse(carol.did, "plumbing", Level.COMPLETELY)  # a row to read, no snapshot yet
    carol.endorse(me.did, "plumbing", Level.STRONGLY)
    seen: list[int] = []
    me.lock()
    with Wallet.open(me.home, PASSPHRASE) as wallet:
        wallet.apply_import(
            wallet.preview_import(carol.export_bundle()),
            progress=lambda d, t: seen.append(len(wallet.trust_graph())),
        )
        assert seen  # the graph was read while the transaction was open
        assert _snapshot_seq(wallet) is None
        assert len(wallet.trust_graph()) == 2
        assert _snapshot_seq(wallet) is not None  # written once outside the transaction
