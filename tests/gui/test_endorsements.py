"""The endorsement list: lazy loading, filters, and the verbatim signed document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gui_helpers import make_peer
from pytestqt.qtbot import QtBot

from vouch.core.records import Direction, Level, Status
from vouch.gui.main_window import MainWindow
from vouch.gui.models import EndorsementModel
from vouch.gui.pages.endorsements import EndorsementsPage

ROWS = 2 * EndorsementModel.PAGE + 50


@pytest.fixture
def many(window: MainWindow, tmp_path: Path) -> EndorsementsPage:
    wallet = window.session.wallet
    peer = make_peer(tmp_path / "ivy")
    wallet.add_contact(peer.did, "Ivy")
    levels = list(Level)
    for i in range(ROWS):
        wallet.endorse(peer.did, f"task{i % 5}", levels[i % 4], comment=f"note {i}")
    window.session.notify_changed()
    window.show_page(window.pages.index(window.endorsements_page))
    return window.endorsements_page


def test_filters(qtbot: QtBot, many: EndorsementsPage) -> None:
    model = many.model
    many.level.setCurrentIndex(many.level.findData(int(Level.STRONGLY)))
    assert model.total == len([i for i in range(ROWS) if i % 4 == 2])
    assert all(model.endorsement(r).level == Level.STRONGLY for r in range(model.rowCount()))
    many.level.setCurrentIndex(0)
    many.scope.setEditText("task3")
    qtbot.waitUntil(lambda: model.total == len([i for i in range(ROWS) if i % 5 == 3]))
    many.scope.setEditText("")
    many.direction.setCurrentIndex(many.direction.findData(Direction.RECEIVED.value))
    assert model.total == 0
    many.direction.setCurrentIndex(many.direction.findData(Direction.GIVEN.value))
    assert model.total == ROWS
    many.status.setCurrentIndex(many.status.findData(Status.EXPIRED.value))
    assert model.total == 0
    many.status.setCurrentIndex(0)
    many.text.setText(f"note {ROWS - 1}")
    qtbot.waitUntil(lambda: model.total == 1)
    assert model.endorsement(0).comment == f"note {ROWS - 1}"


def test_details_show_the_signed_document(qtbot: QtBot, populated_window: MainWindow) -> None:
    window = populated_window
    window.show_page(window.pages.index(window.endorsements_page))
    page = window.endorsements_page
    assert page.model.total == 4
    page.person.setCurrentIndex(page.person.findText("Bo"))
    assert page.model.total == 2  # what I said to Bo, what Ana said about Bo
    rows = {page.model.index(r, 1).data(): r for r in range(page.model.rowCount())}
    assert set(rows) == {"Me", "Ana"}
    page.view.selectRow(rows["Ana"])
    item = page.selected()
    assert item is not None
    assert json.loads(page.document.toPlainText()) == json.loads(item.document)
    assert page.document.toPlainText() == json.dumps(
        json.loads(item.document), indent=2, ensure_ascii=False
    )
    assert json.loads(page.document.toPlainText())["proof"]
    assert page.verification.text().startswith("✓")
    assert "Ana" in page.summary.text() and "plumbing" in page.summary.text()
    assert not page.revoke_button.isEnabled()  # not mine to revoke
    page.view.selectRow(rows["Me"])
    assert page.revoke_button.isEnabled()


def test_sorting_by_column(qtbot: QtBot, populated_window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    window = populated_window
    window.show_page(window.pages.index(window.endorsements_page))
    page = window.endorsements_page
    model = page.model
    newest_first = [model.endorsement(r).id for r in range(model.rowCount())]
    assert page.view.isSortingEnabled()
    scope_column = 3
    page.view.sortByColumn(scope_column, Qt.SortOrder.AscendingOrder)
    scopes = [model.index(r, scope_column).data() for r in range(model.rowCount())]
    assert scopes == sorted(scopes)
    page.view.sortByColumn(scope_column, Qt.SortOrder.DescendingOrder)
    scopes = [model.index(r, scope_column).data() for r in range(model.rowCount())]
    assert scopes == sorted(scopes, reverse=True)
    page.apply_filter()  # a new filter starts again from the newest
    assert [model.endorsement(r).id for r in range(model.rowCount())] == newest_first
