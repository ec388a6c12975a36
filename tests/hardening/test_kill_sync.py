"""SIGKILL during a peer sync: the receiving wallet holds none or all of that sync's items.

A sync of up to 200 small items arrives in one batch, which the receiver stores in one
transaction (the harness checks that premise on an uninterrupted run). After each kill a
follow-up sync must complete and bring everything.
"""

from __future__ import annotations

import asyncio
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from crash_harness import (
    BASE_SEED,
    PASSPHRASE,
    WORKER,
    ForkServer,
    Tally,
    Timing,
    bundle_of,
    copy_wallet,
    crash_runs,
    open_and_inspect,
    revocations_of,
    signed_statements,
    worker_env,
)

from vouch.core.errors import VouchError
from vouch.core.identity import Identity
from vouch.exchange.p2p.service import sync_with
from vouch.wallet import Wallet
from vouch.wallet.sync import WalletSyncStore

RUNS = crash_runs(35)
BEFORE = 20  # statements by others the receiver holds (private: never sent back)
STATEMENTS = 150
REVOCATIONS = 15


@dataclass(frozen=True)
class SyncSetup:
    receiver: Path  # the template of the receiving wallet
    port: int  # where the sending wallet serves


def _make_sender(home: Path, receiver_did: str) -> str:
    with Wallet.create(home, PASSPHRASE) as sender:
        statements = signed_statements([sender.identity], STATEMENTS)
        revoked = revocations_of([sender.identity], statements, REVOCATIONS)
        sender.import_data(bundle_of(statements + revoked))
        sender.add_contact(receiver_did, "Receiver", verified=True)
        return sender.did


def _make_receiver(home: Path) -> str:
    with Wallet.create(home, PASSPHRASE) as receiver:
        earlier = signed_statements([Identity.generate()], BEFORE, tag="earlier")
        receiver.import_data(bundle_of(earlier))
        return receiver.did


@pytest.fixture(scope="module")
def sync_setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SyncSetup]:
    root = tmp_path_factory.mktemp("sync")
    receiver_did = _make_receiver(root / "receiver")
    sender_did = _make_sender(root / "sender", receiver_did)
    with Wallet.open(root / "receiver", PASSPHRASE) as receiver:
        receiver.add_contact(sender_did, "Sender", verified=True)
    with (root / "server.log").open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, str(WORKER), "serve", str(root / "sender"), PASSPHRASE],
            stdout=subprocess.PIPE,
            stderr=log,
            stdin=subprocess.DEVNULL,
            env=worker_env(),
            text=True,
        )
    assert server.stdout is not None
    port = int(server.stdout.readline())
    yield SyncSetup(root / "receiver", port)
    server.terminate()
    server.wait(timeout=30)
    server.stdout.close()


def counts_problems(home: Path) -> list[str]:
    try:
        counts = open_and_inspect(home, PASSPHRASE)
    except VouchError as exc:
        return [f"the wallet did not open: {exc.message}"]
    problems = [f"integrity: {p}" for p in counts.integrity]
    got = (counts.statements, counts.revocations, counts.revoked)
    if got not in ((BEFORE, 0, 0), (BEFORE + STATEMENTS, REVOCATIONS, REVOCATIONS)):
        problems.append(f"part of the sync is stored: (statements, revocations, revoked)={got}")
    return problems


def follow_up_problems(home: Path, port: int) -> list[str]:
    """A second sync after the kill completes and brings everything."""
    try:
        with Wallet.open(home, PASSPHRASE) as wallet:
            asyncio.run(sync_with(WalletSyncStore(wallet), "127.0.0.1", port))
        counts = open_and_inspect(home, PASSPHRASE)
    except VouchError as exc:
        return [f"the follow-up sync failed: {exc.message}"]
    got = (counts.statements, counts.revocations, counts.revoked)
    if got != (BEFORE + STATEMENTS, REVOCATIONS, REVOCATIONS) or counts.integrity:
        return [f"after the follow-up sync: {got}, integrity {counts.integrity}"]
    return []


@pytest.mark.timeout(max(300, RUNS * 4))
def test_kill_during_a_sync_leaves_none_or_all(
    fork_server: ForkServer, sync_setup: SyncSetup, tmp_path: Path
) -> None:
    def run(name: str, delay: float | None) -> tuple[Path, dict[str, Any]]:
        home = copy_wallet(sync_setup.receiver, tmp_path / name)
        answer = fork_server.run(
            op="sync", home=str(home), port=sync_setup.port, passphrase=PASSPHRASE, delay=delay
        )
        return home, answer

    measured: list[dict[str, Any]] = []
    for name in ("measure-1", "measure-2", "measure-3"):
        home, answer = run(name, None)
        measured.append(answer)
        assert counts_problems(home) == [] and not answer["errors"]
        assert open_and_inspect(home, PASSPHRASE).statements == BEFORE + STATEMENTS
        markers = answer["markers"]
        assert isinstance(markers, dict) and markers["count_begin"] == 1, (
            f"the sync took more than one transaction: {markers}"
        )
    timing = Timing.measure(measured)

    tally = Tally("sync", timing=timing)
    for n in range(RUNS):
        seed = BASE_SEED + n
        home, answer = run(f"run-{n}", tally.delay(random.Random(seed)))
        problems = counts_problems(home)
        problems += follow_up_problems(home, sync_setup.port)
        if tally.add(answer, problems, seed):
            shutil.rmtree(home)
    tally.report()
