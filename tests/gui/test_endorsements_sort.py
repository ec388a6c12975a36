"""The endorsement list sorts through the store and reads only the window on screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gui_helpers import make_peer
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from vouch.core.records import Level
from vouch.gui.main_window import MainWindow
from vouch.gui.models import COLUMNS, EndorsementModel
from vouch.gui.pages.endorsements import EndorsementsPage
from vouch.wallet import Wallet

ROWS = 60
SCOPE_COLUMN = [key for _h, key in COLUMNS].index("scope")
LEVEL_COLUMN = [key for _h, key in COLUMNS].index("level")


class KeySpy:
    """Records how the page asks the wallet for its ordered keys (then really asks it)."""

    def __init__(self, wallet: Wallet, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[dict[str, Any]] = []
        self.windows: list[int] = []
        keys, rows = wallet.endorsement_keys, wallet.endorsements_by_key

        def endorsement_keys(*args: Any, **kwargs: Any) -> list[int]:
            self.calls.append(kwargs)
            return keys(*args, **kwargs)

        def endorsements_by_key(wanted: Any) -> Any:
            self.windows.append(len(wanted))
            return rows(wanted)

        monkeypatch.setattr(wallet, "endorsement_keys", endorsement_keys)
        monkeypatch.setattr(wallet, "endorsements_by_key", endorsements_by_key)


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(EndorsementModel, "PAGE", 10)
    monkeypatch.setattr(EndorsementModel, "CACHED_PAGES", 2)


@pytest.fixture
def many(window: MainWindow, tmp_path: Path, small_pages: None) -> EndorsementsPage:
    wallet = window.session.wallet
    peer = make_peer(tmp_path / "ivy")
    wallet.add_contact(peer.did, "Ivy")
    levels = list(Level)
    for i in range(ROWS):
        wallet.endorse(peer.did, f"task{i % 7}", levels[i % 4], comment=f"note {i}")
    window.session.notify_changed()
    window.show_page(window.pages.index(window.endorsements_page))
    return window.endorsements_page


def click_header(qtbot: QtBot, page: EndorsementsPage, column: int) -> None:
    header = page.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def shown(page: EndorsementsPage, column: int) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def test_header_clicks_sort_in_the_store(
    qtbot: QtBot, populated_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = populated_window
    window.show_page(window.pages.index(window.endorsements_page))
    page = window.endorsements_page
    spy = KeySpy(window.session.wallet, monkeypatch)
    click_header(qtbot, page, SCOPE_COLUMN)
    assert spy.calls[-1]["sort"] == "scope" and spy.calls[-1]["descending"] is False
    assert page.model.sort_key == ("scope", False)
    assert shown(page, SCOPE_COLUMN) == sorted(shown(page, SCOPE_COLUMN))
    click_header(qtbot, page, SCOPE_COLUMN)
    assert spy.calls[-1] == {"sort": "scope", "descending": True}
    assert shown(page, SCOPE_COLUMN) == sorted(shown(page, SCOPE_COLUMN), reverse=True)
    asked = len(spy.calls)
    page.apply_filter()  # a new filter: newest first again, in one query
    assert len(spy.calls) == asked + 1 and spy.calls[-1]["sort"] is None
    assert page.model.sort_key is None
    assert page.view.horizontalHeader().sortIndicatorSection() == -1


def test_every_column_sorts(qtbot: QtBot, populated_window: MainWindow) -> None:
    window = populated_window
    window.show_page(window.pages.index(window.endorsements_page))
    page = window.endorsements_page
    wallet = window.session.wallet
    for column, (_header, key) in enumerate(COLUMNS):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            page.view.sortByColumn(column, order)
            descending = order == Qt.SortOrder.DescendingOrder
            expected = [e.id for e in wallet.endorsements(sort=key, descending=descending)]
            model = page.model
            assert [model.endorsement(r).id for r in range(model.rowCount())] == expected


def test_rows_are_read_a_window_at_a_time(qtbot: QtBot, many: EndorsementsPage) -> None:
    model, view = many.model, many.view
    assert model.total == model.rowCount() == ROWS  # the whole list is scrollable at once
    assert many.count_label.text() == f"{QLocale().toString(ROWS)} statements"
    assert model.cached_pages() <= EndorsementModel.CACHED_PAGES
    view.scrollToBottom()
    view.viewport().repaint()
    QApplication.processEvents()
    last = view.rowAt(view.viewport().height() - 1)
    assert last == ROWS - 1
    assert model.index(ROWS - 1, 6).data()  # painted from a window read just now
    assert model.cached_pages() <= EndorsementModel.CACHED_PAGES
    ids = [model.endorsement(r).id for r in range(ROWS)]
    assert len(set(ids)) == ROWS  # windows neither overlap nor skip
    newest = many.session.wallet.endorsements(limit=1)[0]
    assert ids[0] == newest.id


def test_a_large_list_sorts_by_level_through_the_store(
    qtbot: QtBot, many: EndorsementsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = KeySpy(many.session.wallet, monkeypatch)
    many.view.sortByColumn(LEVEL_COLUMN, Qt.SortOrder.DescendingOrder)
    assert spy.calls == [{"sort": "level", "descending": True}]
    model = many.model
    levels = [model.endorsement(r).level for r in range(ROWS)]
    assert levels == sorted(levels, reverse=True)  # type: ignore[type-var]
    assert max(spy.windows) <= EndorsementModel.PAGE  # never more than a window at a time
    many.level.setCurrentIndex(many.level.findData(int(Level.COMPLETELY)))
    assert model.total == len([i for i in range(ROWS) if i % 4 == 3])
    assert {model.endorsement(r).level for r in range(model.total)} == {Level.COMPLETELY}
