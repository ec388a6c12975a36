"""Big imports checked by worker processes beside this one: the same outcomes as checking
everything here, whatever the workers do (fail, never start), and cancel ends them."""

from __future__ import annotations

import copy
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from vouch.core import credentials as creds
from vouch.core.dataintegrity import add_proof
from vouch.core.errors import InvalidBundle, OperationCancelled
from vouch.core.records import Level
from vouch.exchange import bundle as bundles
from vouch.exchange import importing
from vouch.exchange.importing import ItemChecks, check_item
from vouch.wallet import Wallet


def _mixed_items(alice: Wallet, bob: Wallet, mallory: Wallet) -> list[Any]:
    items: list[Any] = []
    for number in range(9):
        items.append(json.loads(alice.endorse(bob.did, f"task{number}", 2).document))
    forged = copy.deepcopy(items[1])
    forged["credentialSubject"]["level"] = 4  # bad signature only
    both = copy.deepcopy(items[2])
    both["credentialSubject"]["level"] = 7  # bad signature and a bad level: signature first
    bare = creds.unsigned_statement(alice.did, bob.did, "banking", level=Level(1))
    impersonation = add_proof(bare, mallory.identity)  # valid proof, not by the issuer
    broken_proof = copy.deepcopy(items[3])
    broken_proof["proof"]["proofValue"] = "not base58"
    for item in (forged, both, broken_proof):
        item["id"] = creds.new_id()
    return [*items, forged, both, impersonation, {"not": "a credential"}, broken_proof]


@pytest.fixture
def workers_for_any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "MIN_ITEMS_FOR_WORKERS", 1)
    monkeypatch.setattr(importing, "WORKER_CHUNK", 2)
    monkeypatch.setattr(importing, "MIN_BYTES_FOR_WORKERS", 1)


@pytest.mark.usefixtures("workers_for_any_size")
def test_workers_give_the_outcomes_of_checking_here(
    alice: Wallet, bob: Wallet, mallory: Wallet
) -> None:
    items = _mixed_items(alice, bob, mallory)
    expected = [check_item(index, item) for index, item in enumerate(items)]
    progress: list[tuple[int, int]] = []
    with ItemChecks(items, progress=lambda d, t: progress.append((d, t))) as checks:
        assert checks._pool is not None
        secured = checks.first_pass()
        outcome = checks.finish()
    found = sorted([*outcome.statements, *outcome.invalid], key=lambda o: o.index)
    assert found == expected
    assert len(outcome.statements) == 9
    assert {i.index for i in outcome.invalid} == {9, 10, 11, 12, 13}
    assert secured is not None
    assert [s.canonical for s in secured[:9]] == [e.document.encode() for e in expected[:9]]
    assert progress[-1] == (len(items), len(items))


@pytest.mark.usefixtures("workers_for_any_size")
def test_an_import_with_workers_previews_like_one_without(
    alice: Wallet, bob: Wallet, mallory: Wallet, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = _mixed_items(alice, bob, mallory)
    data = bundles.encode_bundle(mallory.identity, items)
    helped = bob.preview_import(data)
    monkeypatch.setattr(importing, "MIN_ITEMS_FOR_WORKERS", 10**9)
    inline = bob.preview_import(data)
    assert helped == inline
    assert helped.presenter == mallory.did
    assert len(helped.new) == 9


@pytest.mark.usefixtures("workers_for_any_size")
def test_a_bundle_whose_own_proof_is_broken_is_refused_with_workers(
    alice: Wallet, bob: Wallet, mallory: Wallet
) -> None:
    items = _mixed_items(alice, bob, mallory)
    presentation = json.loads(bundles.encode_bundle(mallory.identity, items))
    presentation["verifiableCredential"][0]["credentialSubject"]["scope"] = "changed"
    with pytest.raises(InvalidBundle):
        bob.preview_import(json.dumps(presentation).encode())


@pytest.mark.usefixtures("workers_for_any_size")
def test_without_workers_everything_is_checked_here(
    alice: Wallet, bob: Wallet, mallory: Wallet, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "_start_pool", lambda count: None)
    items = _mixed_items(alice, bob, mallory)
    expected = [check_item(index, item) for index, item in enumerate(items)]
    with ItemChecks(items) as checks:
        checks.first_pass()
        outcome = checks.finish()
    assert sorted([*outcome.statements, *outcome.invalid], key=lambda o: o.index) == expected


@pytest.mark.usefixtures("workers_for_any_size")
def test_cancel_stops_the_check(alice: Wallet, bob: Wallet, mallory: Wallet) -> None:
    items = _mixed_items(alice, bob, mallory)
    with ItemChecks(items, cancelled=lambda: True) as checks, pytest.raises(OperationCancelled):
        checks.first_pass()


def test_a_frozen_app_uses_workers_only_once_its_entry_allows_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(importing, "_frozen_workers", False)
    assert importing.worker_count() == 0
    importing.allow_frozen_workers()
    assert importing.worker_count() >= 1


def test_small_bundles_are_checked_here(alice: Wallet, bob: Wallet) -> None:
    items = [json.loads(alice.endorse(bob.did, "cooking", 2).document)]
    with ItemChecks(items) as checks:
        assert checks._pool is None
        checks.first_pass()
        assert len(checks.finish().statements) == 1


def test_workers_end_with_their_block() -> None:
    with importing.Workers(1) as workers:
        assert workers.pool is not None
        future = workers.pool.submit(importing.check_chunk, 0, [{"not": "a credential"}])
        ((outcome, canonical),) = future.result(timeout=60)
        assert outcome.reason == "The document has no proof."  # checked in the worker
        assert canonical == b'{"not":"a credential"}'
        processes = list(workers.pool._processes.values())  # type: ignore[union-attr]
        assert processes and all(p.is_alive() for p in processes)
    assert workers.pool is None
    assert not any(p.is_alive() for p in processes)


def test_no_workers_for_a_small_file() -> None:
    with importing.Workers.for_bundle(1000) as workers:
        assert workers.pool is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux /proc")
def test_a_worker_never_writes_a_core_file() -> None:
    """Workers hold decrypted statements too: no core file, whatever limit they inherit."""
    import resource

    before = resource.getrlimit(resource.RLIMIT_CORE)
    allowed = 1 << 20 if before[1] == resource.RLIM_INFINITY else before[1]
    resource.setrlimit(resource.RLIMIT_CORE, (allowed, before[1]))
    try:
        with importing.Workers(1) as workers:
            assert workers.pool is not None
            pid = workers.pool.submit(os.getpid).result(timeout=60)
            assert pid != os.getpid()
            limits = Path(f"/proc/{pid}/limits").read_text()
    finally:
        resource.setrlimit(resource.RLIMIT_CORE, before)
    (core,) = [line for line in limits.splitlines() if line.startswith("Max core file size")]
    assert core.split()[4] == "0"
