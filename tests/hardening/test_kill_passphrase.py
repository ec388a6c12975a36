"""SIGKILL during a passphrase change: exactly one passphrase opens the wallet afterwards.

It must be the new one when the change had already reported success; before that, either.
The contents never change, and the file stays intact.
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from crash_harness import (
    BASE_SEED,
    NEW_PASSPHRASE,
    PASSPHRASE,
    ForkServer,
    Tally,
    Timing,
    bundle_of,
    copy_wallet,
    crash_runs,
    open_and_inspect,
    signed_statements,
)

from vouch.core.errors import VouchError, WrongPassphrase
from vouch.core.identity import Identity
from vouch.wallet import Wallet

RUNS = crash_runs(35)
STATEMENTS = 1500  # a few MiB, so the re-key has real work to do


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("passphrase") / "template"
    with Wallet.create(home, PASSPHRASE) as wallet:
        issuers = [Identity.generate() for _ in range(4)]
        wallet.import_data(bundle_of(signed_statements(issuers, STATEMENTS)))
    return home


def opens_with(home: Path, passphrase: str) -> bool:
    """Does `passphrase` open a copy of `home`? (A copy: opening may finish a pending change.)"""
    trial = home.with_name(home.name + "-trial")
    shutil.copytree(home, trial)
    try:
        with Wallet.open(trial, passphrase):
            return True
    except WrongPassphrase:
        return False
    finally:
        shutil.rmtree(trial)


def passphrase_problems(home: Path, reported: bool) -> list[str]:
    try:
        old, new = opens_with(home, PASSPHRASE), opens_with(home, NEW_PASSPHRASE)
    except VouchError as exc:
        return [f"the wallet did not open: {exc.message}"]
    if old == new:
        return [f"old passphrase opens: {old}, new passphrase opens: {new}"]
    if reported and not new:
        return ["the change reported success, yet only the old passphrase opens"]
    good, bad = (NEW_PASSPHRASE, PASSPHRASE) if new else (PASSPHRASE, NEW_PASSPHRASE)
    counts = open_and_inspect(home, good)
    problems = [f"integrity: {p}" for p in counts.integrity]
    if counts.statements != STATEMENTS:
        problems.append(f"{counts.statements} statements instead of {STATEMENTS}")
    # The first open may have finished the change; the outcome must hold on the next open too.
    if not opens_with(home, good) or opens_with(home, bad):
        problems.append("a second open gave a different answer")
    return problems


@pytest.mark.timeout(max(300, RUNS * 3))
def test_kill_during_a_passphrase_change_leaves_exactly_one_passphrase(
    fork_server: ForkServer, template: Path, tmp_path: Path
) -> None:
    def run(name: str, delay: float | None) -> tuple[Path, dict[str, Any]]:
        home = copy_wallet(template, tmp_path / name)
        answer = fork_server.run(
            op="passphrase",
            home=str(home),
            passphrase=PASSPHRASE,
            new_passphrase=NEW_PASSPHRASE,
            delay=delay,
        )
        return home, answer

    measured: list[dict[str, Any]] = []
    for name in ("measure-1", "measure-2", "measure-3"):
        home, answer = run(name, None)
        measured.append(answer)
        assert passphrase_problems(home, reported=True) == [] and not answer["errors"]
    timing = Timing.measure(measured)

    tally = Tally("passphrase change", timing=timing)
    for n in range(RUNS):
        seed = BASE_SEED + n
        home, answer = run(f"run-{n}", tally.delay(random.Random(seed)))
        markers = answer["markers"]
        assert isinstance(markers, dict)
        if tally.add(answer, passphrase_problems(home, "reported" in markers), seed):
            shutil.rmtree(home)
    tally.report()


# -- regressions found by the harness ----------------------------------------------------------


def test_integrity_check_passes_right_after_a_passphrase_change(tmp_path: Path) -> None:
    """Re-keyed pages left in the WAL (until a checkpoint) are not damage."""
    with Wallet.create(tmp_path / "w", PASSPHRASE) as wallet:
        wallet.import_data(bundle_of(signed_statements([Identity.generate()], 30)))
        wallet.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
        assert wallet.integrity_ok()


def test_integrity_check_passes_after_a_crash_that_left_rekeyed_pages_in_the_wal(
    tmp_path: Path,
) -> None:
    home = tmp_path / "w"
    with Wallet.create(home, PASSPHRASE) as wallet:
        wallet.import_data(bundle_of(signed_statements([Identity.generate()], 30)))
        old_key = wallet.store_key()
    new_key = os.urandom(32)
    conn = sqlcipher3.connect(str(home / "wallet.db"), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{old_key.hex()}'\"")
        conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
        assert (home / "wallet.db-wal").stat().st_size > 0
        shutil.copytree(home, tmp_path / "crashed")  # the files as a crash now would leave them
    finally:
        conn.close()
    with Wallet.open_with_key(tmp_path / "crashed", new_key) as wallet:
        assert wallet.integrity_ok()
        assert wallet.count_endorsements() == 30
