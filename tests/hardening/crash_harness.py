"""The crash harness: the fork server, source data, kill moments, and the checks after a kill.

Each run copies a template wallet folder, has the fork server's child run one operation on it,
SIGKILLs the child at a seeded random moment, then opens the wallet here and checks it.
`VOUCH_CRASH_RUNS` sets the number of runs per harness (`make crash`); `VOUCH_CRASH_SEED`
the first seed (run i uses seed + i).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3

from support.cli import child_env
from vouch.core import credentials as creds
from vouch.core.identity import Identity
from vouch.core.records import Level
from vouch.exchange import bundle as bundles
from vouch.wallet import Wallet

PASSPHRASE = "correct horse battery staple"
NEW_PASSPHRASE = "a brand new passphrase 42"
WORKER = Path(__file__).with_name("crash_worker.py")
BASE_SEED = int(os.environ.get("VOUCH_CRASH_SEED", "20240601"))


def crash_runs(default: int) -> int:
    """Runs for one harness: `VOUCH_CRASH_RUNS` when set, else `default`."""
    return int(os.environ.get("VOUCH_CRASH_RUNS", default))


def worker_env() -> dict[str, str]:
    """For the worker and the `vouch` children: cheap key derivation, no passphrase."""
    return child_env(passphrase=None)


# -- the fork server ---------------------------------------------------------------------------


class ForkServer:
    """Drives `crash_worker.py fork`: one JSON command out, one JSON answer back."""

    def __init__(self, log: Path) -> None:
        self._log = log.open("wb")
        self._proc = subprocess.Popen(
            [sys.executable, str(WORKER), "fork"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            env=worker_env(),
            text=True,
        )

    def run(self, **command: Any) -> dict[str, Any]:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(json.dumps(command) + "\n")
        self._proc.stdin.flush()
        line = self._proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the fork server stopped (log: {self._log.name})")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        self._proc.wait(timeout=30)
        if self._proc.stdout is not None:
            self._proc.stdout.close()
        self._log.close()


# -- source data -------------------------------------------------------------------------------


def signed_statements(
    issuers: list[Identity], count: int, *, tag: str = "skill"
) -> list[dict[str, Any]]:
    """`count` endorsements spread over `issuers`, about a few dozen subjects and scopes."""
    subjects = [Identity.generate().did for _ in range(40)]
    documents = []
    for n in range(count):
        issuer = issuers[n % len(issuers)]
        unsigned = creds.unsigned_statement(
            issuer.did,
            subjects[n % len(subjects)],
            f"{tag}-{n % 30}",
            level=Level(1 + n % 4),
            comment=f"careful work, statement {n}",
        )
        documents.append(creds.sign_statement(unsigned, issuer))
    return documents


def revocations_of(
    issuers: list[Identity], statements: list[dict[str, Any]], count: int
) -> list[dict[str, Any]]:
    by_did = {i.did: i for i in issuers}
    return [
        creds.revocation_document(by_did[s["issuer"]], s["id"], "no longer true")
        for s in statements[:count]
    ]


def bundle_of(documents: list[dict[str, Any]]) -> bytes:
    return bundles.encode_bundle(Identity.generate(), documents)


def copy_wallet(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


# -- checks after a kill -----------------------------------------------------------------------


@dataclass(frozen=True)
class StoreCounts:
    statements: int
    revocations: int
    revoked: int
    integrity: tuple[str, ...]  # problems found by integrity_check / cipher_integrity_check


def inspect_store(home: Path, key: bytes) -> StoreCounts:
    """Counts and integrity problems, read through a separate raw connection."""
    conn = sqlcipher3.connect(str(home / "wallet.db"), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        problems = [p for p in problems if p != "ok"]
        problems += [row[0] for row in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        (statements,) = conn.execute("SELECT count(*) FROM statements").fetchone()
        (revocations,) = conn.execute("SELECT count(*) FROM revocations").fetchone()
        (revoked,) = conn.execute(
            "SELECT count(*) FROM statements WHERE revoked_at IS NOT NULL"
        ).fetchone()
    finally:
        conn.close()
    return StoreCounts(int(statements), int(revocations), int(revoked), tuple(problems))


def open_and_inspect(home: Path, passphrase: str) -> StoreCounts:
    """Open through the facade (as the user would), then inspect the file it left."""
    with Wallet.open(home, passphrase) as wallet:
        key = wallet.store_key()
        if not wallet.integrity_ok():
            return StoreCounts(-1, -1, -1, ("Wallet.integrity_ok() is false",))
    return inspect_store(home, key)


# -- kill moments and tallies --------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    """Moments (seconds after the fork) measured on one uninterrupted run."""

    total: float
    begin: float
    commit: float
    committed: float

    @classmethod
    def measure(cls, answers: list[dict[str, Any]]) -> Timing:
        """The median of a few uninterrupted runs (one slow run on a busy machine is common)."""
        for answer in answers:
            if answer["killed"] or answer["errors"]:
                raise AssertionError(f"a measuring run did not complete: {answer}")
        markers = [answer["markers"] for answer in answers]
        return cls(*(statistics.median(m[name] for m in markers) for name in MEASURED))


MEASURED = ("reported", "begin", "commit", "committed")


def kill_delay(rng: random.Random, timing: Timing) -> float:
    """A third of the kills anywhere in the run (and a bit past it), a third during the
    transaction, a third around COMMIT; timings drift on a busy machine, hence the margins."""
    choice = rng.randrange(3)
    if choice == 0:
        return rng.uniform(0.0, timing.total * 1.3)
    if choice == 1:
        margin = max(0.01, (timing.committed - timing.begin) * 0.25)
        return rng.uniform(max(0.0, timing.begin - margin), timing.committed + margin)
    margin = max(0.01, timing.total * 0.1)
    return rng.uniform(max(0.0, timing.commit - margin), timing.committed + margin)


def landed(answer: dict[str, Any]) -> str:
    """Where the kill landed relative to the commit, from the child's markers."""
    markers = answer["markers"]
    if not answer["killed"]:
        return "completed"
    if "committed" in markers:
        return "after"
    if "commit" in markers:
        return "in-commit"
    if "begin" in markers:
        return "during"
    return "before"


@dataclass
class Tally:
    """Where the kills landed and what went wrong, for one harness."""

    name: str
    timing: Timing
    runs: int = 0
    where: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            ("before", "during", "in-commit", "after", "completed"), 0
        )
    )
    failures: list[str] = field(default_factory=list)

    def delay(self, rng: random.Random) -> float:
        return kill_delay(rng, self.timing)

    def add(self, answer: dict[str, Any], problems: list[str], seed: int) -> bool:
        """Count one run; True when it passed (a failed run's folder is kept to look at)."""
        self.runs += 1
        self.where[landed(answer)] += 1
        if answer["errors"]:
            problems = [*problems, f"the operation raised: {answer['errors']}"]
        if problems:
            self.failures.append(f"seed {seed} ({landed(answer)}): " + "; ".join(problems))
        return not problems

    def summary(self) -> str:
        where = ", ".join(f"{k} {v}" for k, v in self.where.items())
        return (
            f"crash harness [{self.name}]: {self.runs} runs, kills landed: {where}; "
            f"{len(self.failures)} failures (one run takes {self.timing.total:.3f} s, "
            f"its transaction {self.timing.committed - self.timing.begin:.3f} s)"
        )

    def report(self) -> None:
        """Print the summary; fail on any failure, or if the kills missed a whole phase."""
        print("\n" + self.summary())
        assert not self.failures, self.summary() + "\n" + "\n".join(self.failures[:20])
        if self.runs >= 30:
            inside = self.where["during"] + self.where["in-commit"]
            late = self.where["after"] + self.where["completed"]
            assert self.where["before"] and inside and late, "kills missed a phase: " + (
                self.summary()
            )
