"""The Endorsements page on a real SQLCipher wallet of 100k endorsements, with real widgets.

Measures (medians, printed): unlock to first rows shown, scroll to the bottom, page-by-page
scrolling, filters (scope, person, status) and a sort by each column, each until the view has
painted the result. Benchmarks measure; they assert correctness, never times.

Run: make bench, or
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -m bench --benchmark-enable \
    tests/bench/test_gui_bench.py -s
"""

from __future__ import annotations

import hashlib
import json
import random
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractSlider, QApplication, QTableView
from pytestqt.qtbot import QtBot

from support.store import open_store
from vouch.core import credentials as creds
from vouch.core.canonical import canonicalize
from vouch.core.identity import Identity
from vouch.core.records import (
    Audience,
    Direction,
    Endorsement,
    Kind,
    Level,
    Status,
)
from vouch.core.store import queries
from vouch.gui import refcounts
from vouch.gui.main_window import MainWindow
from vouch.gui.models import COLUMNS
from vouch.gui.pages.endorsements import EndorsementsPage
from vouch.wallet import Wallet

pytestmark = pytest.mark.bench

N_ROWS = 100_000
N_PEOPLE = 2_000
N_CONTACTS = 300
N_TEMPLATES = 24  # really signed documents, reused as the verbatim text of the rows
ROUNDS = 5
PASSPHRASE = "bench passphrase of the gui"
NOW = datetime.now(UTC).replace(microsecond=0)
SCOPES = [
    f"{area}/{part}" if part else area
    for area in ("plumbing", "cooking", "gardening", "childcare", "tax", "bikes", "music", "it")
    for part in ("", "repairs", "advice", "teaching", "emergencies")
]
YEAR = timedelta(days=365)


@dataclass
class BigWallet:
    home: Path
    me: str
    records: list[Endorsement]  # in the order they were stored
    names: dict[str, str]  # petnames of the contacts


def _people() -> list[str]:
    return [Identity(hashlib.sha256(b"person %d" % i).digest()).did for i in range(N_PEOPLE)]


def _templates(me: Identity, people: list[str]) -> list[str]:
    """A few genuinely signed statements, so the details pane verifies real signatures."""
    documents = []
    for index in range(N_TEMPLATES):
        level = None if index % 6 == 5 else Level(index % 4 + 1)
        unsigned = creds.unsigned_statement(
            me.did,
            people[index],
            SCOPES[index % len(SCOPES)],
            level=level,
            comment="" if level is None else f"template {index}",
            reason="left the job half done" if level is None else "",
            valid_until=NOW + YEAR,
        )
        documents.append(canonicalize(creds.sign_statement(unsigned, me)).decode())
    return documents


def _record(index: int, rng: random.Random, me: str, people: list[str], doc: str) -> Endorsement:
    share = index % 10
    other = people[rng.randrange(N_PEOPLE)]
    if share < 3:
        issuer, subject, direction = me, other, Direction.GIVEN
    elif share < 6:
        issuer, subject, direction = other, me, Direction.RECEIVED
    else:
        subject = people[(people.index(other) + 1 + rng.randrange(N_PEOPLE - 1)) % N_PEOPLE]
        issuer, direction = other, Direction.OTHERS
    caution = rng.random() < 0.08
    valid_from = NOW - timedelta(seconds=rng.randrange(int(3 * YEAR.total_seconds())))
    if rng.random() < 0.01:
        valid_from = NOW + timedelta(days=rng.randrange(1, 30))  # not yet valid
    valid_until = valid_from + timedelta(days=rng.randrange(30, 3 * 365))
    revoked = rng.random() < 0.05 and valid_from < NOW
    return Endorsement(
        id=f"urn:uuid:{hashlib.sha256(b'row %d' % index).hexdigest()[:32]}",
        kind=Kind.CAUTION if caution else Kind.ENDORSEMENT,
        issuer=issuer,
        subject=subject,
        scope=SCOPES[rng.randrange(len(SCOPES))],
        level=None if caution else Level(rng.randrange(1, 5)),
        comment="" if caution else f"note {index}",
        reason=f"reason {index}" if caution else "",
        valid_from=valid_from,
        valid_until=valid_until,
        direction=direction,
        audience=Audience.CONTACTS,
        document=doc,
        revoked_at=valid_from + (NOW - valid_from) / 2 if revoked else None,
        revocation_reason="changed my mind" if revoked else "",
    )


@pytest.fixture(scope="module")
def big_wallet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BigWallet]:
    """A real wallet store with N_ROWS statements, written in one transaction."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VOUCH_KDF_COST", "minimal")
        home = tmp_path_factory.mktemp("gui-bench") / "wallet"
        wallet = Wallet.create(home, PASSPHRASE)
    started = time.perf_counter()
    people = _people()
    names = {did: f"Person {i:04d}" for i, did in enumerate(people[:N_CONTACTS])}
    for did, name in names.items():
        wallet.add_contact(did, name)
    templates = _templates(wallet.identity, people)
    rng = random.Random(7)
    records = [
        _record(i, rng, wallet.did, people, templates[i % N_TEMPLATES]) for i in range(N_ROWS)
    ]
    with open_store(home, wallet.store_key()) as raw, raw.transaction() as conn:
        queries.insert_statements(
            conn,
            (
                queries.statement_row(r, hashlib.sha256(r.id.encode()).digest(), 1e9 + i)
                for i, r in enumerate(records)
            ),
        )
    print(f"\n[bench] wrote {N_ROWS:,} statements in {time.perf_counter() - started:.1f} s")
    me = wallet.did
    wallet.lock()
    yield BigWallet(home, me, records, names)


@pytest.fixture(scope="module")
def settings_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """QSettings go to a throwaway folder, never to the user's real configuration (and the
    Qt binding's lost references are guarded against, as the app does at start)."""
    refcounts.guard()
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


# -- measuring -------------------------------------------------------------------------------


def settle(view: QTableView) -> None:
    """Let queued work run, then paint the visible rows now (which reads their data)."""
    QApplication.processEvents()
    view.viewport().repaint()
    QApplication.processEvents()


def measure(
    action: Callable[[], object],
    view: QTableView,
    rounds: int = ROUNDS,
    prepare: Callable[[], object] | None = None,
) -> float:
    """Median seconds from `action` until the view has painted its result (`prepare` untimed)."""
    times = []
    for _ in range(rounds):
        if prepare is not None:
            prepare()
            settle(view)
        started = time.perf_counter()
        action()
        settle(view)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


FIGURES: list[tuple[str, float]] = []


def report(name: str, seconds: float) -> None:
    FIGURES.append((name, seconds))
    print(f"[bench] {name:<44} {seconds * 1000:9.1f} ms (median)")


def open_page(qtbot: QtBot, home: Path) -> tuple[MainWindow, EndorsementsPage, float]:
    """A window unlocked straight onto the Endorsements page; seconds from unlock to rows."""
    window = MainWindow(home)
    qtbot.addWidget(window)
    page = window.endorsements_page
    window.preferences.page = window.pages.index(page)
    window.resize(1200, 800)
    window.show()
    window.unlock_page.passphrase.setText(PASSPHRASE)
    started = time.perf_counter()
    with qtbot.waitSignal(window.session.unlocked, timeout=60_000):
        window.unlock_page.unlock_button.click()
    qtbot.waitUntil(lambda: page.isVisible() and page.model.rowCount() > 0, timeout=60_000)
    settle(page.view)
    return window, page, time.perf_counter() - started


def first_visible(view: QTableView) -> int:
    return view.rowAt(0)


def last_visible(view: QTableView) -> int:
    return view.rowAt(view.viewport().height() - 1)


# -- expected results, computed here from the records ------------------------------------------


def status_rank(item: Endorsement, now: datetime) -> int:
    return [Status.VALID, Status.NOT_YET_VALID, Status.EXPIRED, Status.REVOKED].index(
        item.status(now)
    )


def expected_order(big: BigWallet, key: str, descending: bool) -> list[Endorsement]:
    def name(did: str) -> str:
        return "me" if did == big.me else big.names.get(did, did)

    keys: dict[str, Callable[[Endorsement], object]] = {
        "direction": lambda r: list(Direction).index(r.direction),
        "issuer": lambda r: name(r.issuer).lower(),
        "subject": lambda r: name(r.subject).lower(),
        "scope": lambda r: r.scope,
        "level": lambda r: 0 if r.level is None else int(r.level),
        "status": lambda r: status_rank(r, datetime.now(UTC)),
        "valid_from": lambda r: r.valid_from,
        "valid_until": lambda r: r.valid_until,
    }
    indexed = list(enumerate(big.records))
    indexed.sort(key=lambda pair: (keys[key](pair[1]), pair[0]), reverse=descending)
    return [r for _, r in indexed]


# -- the benchmark ---------------------------------------------------------------------------


def test_endorsements_page_with_100k(
    qtbot: QtBot, big_wallet: BigWallet, settings_in_tmp: None
) -> None:
    big = big_wallet
    shows = []
    for _ in range(3):
        window, page, seconds = open_page(qtbot, big.home)
        shows.append(seconds)
        assert page.model.total == N_ROWS
        assert first_visible(page.view) == 0 and page.model.index(0, 3).data()
        newest = expected_order(big, "valid_from", True)[0]
        assert page.model.endorsement(0).id == newest.id
        window.lock()
        window.close()
    report("unlock -> first rows painted", statistics.median(shows))

    window, page, _ = open_page(qtbot, big.home)
    view, model = page.view, page.model
    try:
        _scrolling(big, view, page)
        _filters(big, view, page)
        _sorting(big, view, page)
        selected = _details(view, page)
        assert selected
    finally:
        window.lock()
        window.close()
    print("[bench] summary (median seconds): " + ", ".join(f"{n}={s:.3f}" for n, s in FIGURES))
    assert model.rowCount() == 0  # locked: nothing kept


def _scrolling(big: BigWallet, view: QTableView, page: EndorsementsPage) -> None:
    oldest = expected_order(big, "valid_from", True)[-1]

    def to_bottom() -> None:
        view.scrollToTop()
        QApplication.processEvents()
        view.scrollToBottom()

    report("scroll top -> bottom", measure(to_bottom, view))
    assert last_visible(view) == N_ROWS - 1
    assert page.model.endorsement(N_ROWS - 1).id == oldest.id
    view.scrollToTop()
    settle(view)
    bar = view.verticalScrollBar()
    steps = []
    for _ in range(50):
        started = time.perf_counter()
        bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
        settle(view)
        steps.append(time.perf_counter() - started)
    report("scroll one page (50 pages down)", statistics.median(steps))
    report("scroll 50 pages down, total", sum(steps))
    assert first_visible(view) > 40 * 10  # it really moved, some 50 screens down


def _filters(big: BigWallet, view: QTableView, page: EndorsementsPage) -> None:
    now = datetime.now(UTC)
    scope = "plumbing"
    expected_scope = sum(1 for r in big.records if r.scope.split("/")[0] == scope)

    def by_scope() -> None:
        page.scope.lineEdit().setText(scope)  # type: ignore[union-attr]
        page._debounce.stop()  # time the filtering, not the typing pause
        page.apply_filter()

    report("filter by scope", measure(by_scope, view))
    assert page.model.total == expected_scope
    assert page.model.endorsement(0).scope.startswith(scope)
    page.scope.lineEdit().setText("")  # type: ignore[union-attr]
    page._debounce.stop()
    page.apply_filter()

    person = next(iter(big.names))
    expected_person = sum(1 for r in big.records if person in (r.issuer, r.subject))
    person_index = page.person.findData(person)

    def by_person() -> None:
        page.person.setCurrentIndex(0)
        page.person.setCurrentIndex(person_index)

    report("filter by person", measure(by_person, view))
    assert page.model.total == expected_person
    page.person.setCurrentIndex(0)

    for status in (Status.VALID, Status.EXPIRED, Status.REVOKED):
        index = page.status.findData(status.value)

        def by_status(index: int = index) -> None:
            page.status.setCurrentIndex(0)
            page.status.setCurrentIndex(index)

        report(f"filter by status {status.value}", measure(by_status, view))
        expected = sum(1 for r in big.records if r.status(now) is status)
        assert abs(page.model.total - expected) <= 2  # a few may change state while we run
        assert page.model.status(page.model.endorsement(0)) is status
    page.status.setCurrentIndex(0)
    assert page.model.total == N_ROWS


def _sorting(big: BigWallet, view: QTableView, page: EndorsementsPage) -> None:
    for column, (header, key) in enumerate(COLUMNS):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):

            def sort(column: int = column, order: Qt.SortOrder = order) -> None:
                view.sortByColumn(column, order)

            word = "desc" if order == Qt.SortOrder.DescendingOrder else "asc"
            seconds = measure(sort, view, 3, prepare=page.apply_filter)  # from newest first
            report(f"sort by {header or 'direction'} ({key}) {word}", seconds)
            expected = expected_order(big, key, order == Qt.SortOrder.DescendingOrder)
            if key != "status":  # statuses may change while we run; their ids too
                shown = [page.model.endorsement(r).id for r in range(5)]
                assert shown == [r.id for r in expected[:5]], key
            else:
                assert page.model.status(page.model.endorsement(0)) is (
                    Status.REVOKED if word == "desc" else Status.VALID
                )
    page.apply_filter()


def _details(view: QTableView, page: EndorsementsPage) -> bool:
    times = []
    for row in (0, 10, 5_000):
        view.scrollTo(page.model.index(row, 0))
        started = time.perf_counter()
        view.selectRow(row)
        settle(view)
        times.append(time.perf_counter() - started)
        assert page.verification.text().startswith("✓")
    report("select a row: document + verification", statistics.median(times))
    shown = json.loads(page.document.toPlainText())  # the page may lay it out for reading
    return bool(shown == json.loads(page.model.endorsement(5_000).document))
