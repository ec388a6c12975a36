"""Endorsing through the form (with its preview), cautioning with a reason, revoking."""

from __future__ import annotations

import json
from datetime import UTC, date
from pathlib import Path

import pytest
from gui_helpers import make_peer
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from vouch.core.records import Direction, EndorsementFilter, Kind, Level
from vouch.gui.main_window import MainWindow
from vouch.gui.pages.endorse import EndorsePage


@pytest.fixture
def endorse_page(window: MainWindow, tmp_path: Path) -> EndorsePage:
    peer = make_peer(tmp_path / "gil")
    window.session.wallet.add_contact(peer.did, "Gil")
    window.session.notify_changed()
    window.show_page(window.pages.index(window.endorse_page))
    return window.endorse_page


def _given(window: MainWindow) -> list:  # type: ignore[type-arg]
    return window.session.wallet.endorsements(EndorsementFilter(direction=Direction.GIVEN))


def test_preview_then_sign(qtbot: QtBot, window: MainWindow, endorse_page: EndorsePage) -> None:
    page = endorse_page
    assert not page.sign_button.isEnabled()
    page.person.setCurrentIndex(page.person.findText("Gil"))
    page.scope.setEditText("plumbing")
    page.level.setCurrentIndex(page.level.findData(int(Level.STRONGLY)))
    page.comment.setText("fixed the sink")
    assert page.until.date() == QDate.currentDate().addYears(1)
    page.until.setDate(QDate(2031, 5, 17))
    qtbot.waitUntil(lambda: page.preview.toPlainText() != "")
    document = json.loads(page.preview.toPlainText())
    assert "proof" not in document
    assert "plumbing" in page.preview.toPlainText()
    assert "fixed the sink" in page.preview.toPlainText()
    page.sign_button.click()
    given = _given(window)
    assert len(given) == 1
    assert (given[0].scope, given[0].level, given[0].comment) == (
        "plumbing",
        Level.STRONGLY,
        "fixed the sink",
    )
    assert given[0].valid_until.astimezone(UTC).date() == date(2031, 5, 17)
    assert page.message.text() == "✓ Signed: you rely on Gil strongly for plumbing."
    assert page.person.hasFocus() or page.person.lineEdit().hasFocus()
    assert page.scope.currentText() == ""  # the form is ready for the next one
    assert page.scope.findText("plumbing") >= 0  # scopes in use are offered


def test_pasted_did_and_invalid_scope(
    qtbot: QtBot, window: MainWindow, endorse_page: EndorsePage, tmp_path: Path
) -> None:
    stranger = make_peer(tmp_path / "hal")
    page = endorse_page
    page.person.setEditText(f"here: {stranger.did}")
    page.scope.setEditText("   ")
    page.sign_button.setEnabled(True)
    page.sign()
    assert page.message.text() == "Say what the endorsement is for."
    page.scope.setEditText("Not A Valid Scope!!")
    qtbot.waitUntil(lambda: page.message.isVisible() and not page.sign_button.isEnabled())
    assert _given(window) == []
    page.scope.setEditText("gardening")
    qtbot.waitUntil(lambda: page.sign_button.isEnabled())
    page.sign_button.click()
    assert [e.subject for e in _given(window)] == [stranger.did]


def test_caution_needs_a_written_reason(
    qtbot: QtBot, window: MainWindow, endorse_page: EndorsePage
) -> None:
    page = endorse_page
    page.person.setCurrentIndex(page.person.findText("Gil"))
    page.scope.setEditText("plumbing")
    qtbot.waitUntil(lambda: page.caution_button.isEnabled())
    page.caution_button.click()
    dialog = page.caution_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok.isEnabled()
    dialog.reason.setPlainText("too short")
    assert not dialog.ok.isEnabled()
    dialog.reason.setPlainText("Left the job half done and stopped answering.")
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    assert not dialog.isVisible()
    given = _given(window)
    assert len(given) == 1 and given[0].kind == Kind.CAUTION and given[0].level is None
    assert given[0].reason == "Left the job half done and stopped answering."


def test_revoke_asks_for_confirmation_and_reason(
    qtbot: QtBot, window: MainWindow, endorse_page: EndorsePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    wallet = window.session.wallet
    gil = wallet.contacts()[0].did
    wallet.endorse(gil, "plumbing", Level.MOST_THINGS)
    window.session.notify_changed()
    window.show_page(window.pages.index(window.endorsements_page))
    page = window.endorsements_page
    assert page.model.rowCount() == 1
    assert not page.revoke_button.isEnabled()
    page.view.selectRow(0)
    assert page.revoke_button.isEnabled()
    page.revoke_button.click()
    dialog = page.revoke_dialog
    assert dialog is not None
    dialog.reason.setPlainText("We moved away; I no longer know their work.")
    monkeypatch.setattr("vouch.gui.messages.confirm", lambda *a, **k: False)
    dialog.ok.click()
    assert dialog.isVisible()
    assert _given(window)[0].revoked_at is None
    monkeypatch.setattr("vouch.gui.messages.confirm", lambda *a, **k: True)
    dialog.ok.click()
    assert not dialog.isVisible()
    revoked = _given(window)[0]
    assert revoked.revoked_at is not None
    assert revoked.revocation_reason == "We moved away; I no longer know their work."
    page.view.selectRow(0)
    assert "Revoked on" in page.summary.text()
    assert not page.revoke_button.isEnabled()
