"""One wallet used from several threads at once, as the desktop app does.

The GUI runs slow calls on pool threads and the exchange on a thread of its own, all on one
`Wallet` and so on one SQLCipher connection. Imports, searches and endorsements that overlap
must neither fail with a raw SQLite error nor leave the trust graph short of what the store
holds, however long an import takes. The control runs the same tests on the code before the
wallet serialised its use cases (see `support.baseline`) and sees them fail.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from support.baseline import assertion_failures, baseline_outcomes
from vouch.core import credentials as creds
from vouch.core.identity import Identity
from vouch.core.records import Level
from vouch.exchange import bundle as bundles
from vouch.wallet import Wallet

PASSPHRASE = "race test passphrase"
SCOPE = "plumbing"


@pytest.fixture
def me(tmp_path: Path) -> Iterator[Wallet]:
    with Wallet.create(tmp_path / "me", PASSPHRASE) as wallet:
        yield wallet


def bundle_from(issuer: Identity, subjects: list[str]) -> bytes:
    documents = [
        creds.sign_statement(
            creds.unsigned_statement(issuer.did, subject, SCOPE, level=Level.STRONGLY), issuer
        )
        for subject in subjects
    ]
    return bundles.encode_bundle(issuer, documents)


def people(count: int) -> list[str]:
    return [Identity.generate().did for _ in range(count)]


def found(wallet: Wallet) -> set[str]:
    return {result.did for result in wallet.find(SCOPE, limit=10_000)}


class Threads:
    """Start functions together; every exception they raise is kept, none is lost."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self._threads: list[threading.Thread] = []

    def start(self, *work: Callable[[], Any]) -> list[threading.Thread]:
        barrier = threading.Barrier(len(work))

        def run(job: Callable[[], Any]) -> None:
            barrier.wait()
            try:
                job()
            except Exception as exc:  # every failure is the finding
                self.errors.append(f"{type(exc).__module__}.{type(exc).__name__}: {exc}")

        self._threads = [threading.Thread(target=run, args=(job,)) for job in work]
        for thread in self._threads:
            thread.start()
        return self._threads

    def join(self) -> None:
        for thread in self._threads:
            thread.join(timeout=120)


def slow(seconds: float) -> Callable[[int, int], None]:
    """A progress callback that holds each step of an import for a while (a slow disk)."""
    return lambda _done, _total: time.sleep(seconds)


def test_imports_searches_and_endorsements_overlap_without_errors(me: Wallet) -> None:
    issuers = [Identity.generate() for _ in range(3)]
    for issuer in issuers:
        me.endorse(issuer.did, SCOPE, Level.COMPLETELY)
    subjects = [people(40) for _ in issuers]
    previews = [
        me.preview_import(bundle_from(issuer, group))
        for issuer, group in zip(issuers, subjects, strict=True)
    ]
    endorsed = people(10)
    importing = threading.Event()

    def import_one(index: int) -> Callable[[], Any]:
        return lambda: me.apply_import(previews[index], progress=slow(0.2))

    def endorse_all() -> None:
        for did in endorsed:
            me.endorse(did, SCOPE, Level.MOST_THINGS)

    def search() -> None:
        while not importing.is_set():
            found(me)

    threads = Threads()
    started = threads.start(
        import_one(0), import_one(1), import_one(2), endorse_all, search, search
    )
    for thread in started[:4]:  # the writers
        thread.join(timeout=120)
    importing.set()
    threads.join()

    assert threads.errors == []
    expected = {i.did for i in issuers} | set(endorsed) | {d for g in subjects for d in g}
    assert found(me) == expected
    assert me.count_endorsements() == len(issuers) + len(endorsed) + 3 * 40


def test_a_search_during_a_slow_import_misses_nothing_afterwards(
    me: Wallet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import takes seconds (a slow disk); the app's first search runs meanwhile, and
    every search after the import must see all of it."""
    import vouch.wallet.importing as importing

    monkeypatch.setattr(importing, "BATCH", 10)  # a progress step every 10 rows
    issuer = Identity.generate()
    me.endorse(issuer.did, SCOPE, Level.COMPLETELY)
    subjects = people(60)
    preview = me.preview_import(bundle_from(issuer, subjects))
    started: list[float] = []
    well_under_way = threading.Event()

    def progress(_done: int, _total: int) -> None:
        started.append(time.monotonic())
        if started[-1] - started[0] > 1.2:
            well_under_way.set()
        time.sleep(0.3)

    def search_meanwhile() -> None:
        well_under_way.wait(timeout=30)
        found(me)

    threads = Threads()
    threads.start(lambda: me.apply_import(preview, progress=progress), search_meanwhile)
    threads.join()

    assert threads.errors == []
    assert time.monotonic() - started[0] > 1.0
    assert found(me) == {issuer.did, *subjects}, "the search does not see the whole import"


ATTACKS = [
    "test_imports_searches_and_endorsements_overlap_without_errors",
    "test_a_search_during_a_slow_import_misses_nothing_afterwards",
]


def test_control_the_races_show_on_the_code_before_the_fix(tmp_path: Path) -> None:
    outcomes = baseline_outcomes(Path(__file__), ATTACKS, tmp_path)
    assert set(assertion_failures(outcomes)) == set(ATTACKS), outcomes
