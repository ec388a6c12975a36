"""SIGKILL during a large import: the wallet opens, is intact, and holds none or all of it."""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from crash_harness import (
    BASE_SEED,
    PASSPHRASE,
    ForkServer,
    Tally,
    Timing,
    bundle_of,
    copy_wallet,
    crash_runs,
    open_and_inspect,
    revocations_of,
    signed_statements,
)

from vouch.core.errors import VouchError
from vouch.core.identity import Identity
from vouch.wallet import Wallet

RUNS = crash_runs(100)
STREAMED_RUNS = crash_runs(40)
BEFORE = 40  # statements the wallet holds before the import
STATEMENTS = 1200
REVOCATIONS = 120


@dataclass(frozen=True)
class ImportSetup:
    template: Path
    bundle: Path


@pytest.fixture(scope="module")
def import_setup(tmp_path_factory: pytest.TempPathFactory) -> ImportSetup:
    """A wallet holding BEFORE statements, and a bundle of new statements and revocations."""
    root = tmp_path_factory.mktemp("import")
    issuers = [Identity.generate() for _ in range(8)]
    statements = signed_statements(issuers, STATEMENTS)
    bundle = root / "large.vouch"
    bundle.write_bytes(bundle_of(statements + revocations_of(issuers, statements, REVOCATIONS)))
    template = root / "template"
    with Wallet.create(template, PASSPHRASE) as wallet:
        earlier = signed_statements([Identity.generate()], BEFORE, tag="earlier")
        wallet.import_data(bundle_of(earlier))
    return ImportSetup(template, bundle)


def import_problems(home: Path) -> list[str]:
    """What is wrong with the wallet after a kill: it must hold none or all of the import."""
    try:
        counts = open_and_inspect(home, PASSPHRASE)
    except VouchError as exc:
        return [f"the wallet did not open: {exc.message}"]
    problems = [f"integrity: {p}" for p in counts.integrity]
    got = (counts.statements, counts.revocations, counts.revoked)
    if got not in ((BEFORE, 0, 0), (BEFORE + STATEMENTS, REVOCATIONS, REVOCATIONS)):
        problems.append(f"part of the import is stored: (statements, revocations, revoked)={got}")
    return problems


@pytest.mark.timeout(max(300, RUNS * 3))
@pytest.mark.parametrize(
    ("op", "runs"),
    [("import", RUNS), ("import-streamed", STREAMED_RUNS)],
    ids=["preview-then-apply", "stored-as-checked"],
)
def test_kill_during_a_large_import_leaves_none_or_all(
    fork_server: ForkServer, import_setup: ImportSetup, tmp_path: Path, op: str, runs: int
) -> None:
    """Both ways of importing: a preview then `apply_import` (the app), and the items stored
    as they are checked (`vouch import`, `Wallet.import_while_checking`)."""

    def run(name: str, delay: float | None) -> tuple[Path, dict[str, Any]]:
        home = copy_wallet(import_setup.template, tmp_path / name)
        answer = fork_server.run(
            op=op,
            home=str(home),
            bundle=str(import_setup.bundle),
            passphrase=PASSPHRASE,
            delay=delay,
        )
        return home, answer

    fork_server.run(op="preload", bundle=str(import_setup.bundle))
    measured: list[dict[str, Any]] = []
    for name in ("measure-1", "measure-2", "measure-3"):
        home, answer = run(name, None)
        measured.append(answer)
        assert import_problems(home) == [] and not answer["errors"]
        assert open_and_inspect(home, PASSPHRASE).statements == BEFORE + STATEMENTS
    timing = Timing.measure(measured)

    tally = Tally(op, timing=timing)
    for n in range(runs):
        seed = BASE_SEED + n
        home, answer = run(f"run-{n}", tally.delay(random.Random(seed)))
        if tally.add(answer, import_problems(home), seed):
            shutil.rmtree(home)
    tally.report()
