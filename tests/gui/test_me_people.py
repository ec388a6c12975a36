"""The Me page (identifier, QR, copy, recovery phrase) and the People page (contacts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import PASSPHRASE, make_peer
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from vouch.core.records import Level
from vouch.gui.dialogs.contact import AddContactDialog
from vouch.gui.main_window import MainWindow


def test_me_shows_identity_qr_and_copies(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page(0)
    page, wallet = window.me_page, window.session.wallet
    assert page.did_label.text() == wallet.did
    assert page.code_label.text() == wallet.safety_code
    assert page.qr.text == wallet.did and page.qr.modules >= 21
    page.copy_did.click()
    assert QGuiApplication.clipboard().text() == wallet.did
    page.copy_code.click()
    assert QGuiApplication.clipboard().text() == wallet.safety_code


def test_recovery_phrase_needs_the_passphrase(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page(0)
    window.me_page.phrase_button.click()
    dialog = window.me_page.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.passphrase.setText("wrong one entirely")
    dialog.show_button.click()
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert dialog.phrase == ""
    assert dialog.words.count() == 0
    dialog.passphrase.setText(PASSPHRASE)
    dialog.show_button.click()
    qtbot.waitUntil(lambda: dialog.phrase != "")
    assert dialog.phrase == window.session.wallet.recovery_phrase(PASSPHRASE)
    assert dialog.words.count() == 24


def _add_contact_dialog(window: MainWindow) -> AddContactDialog:
    window.show_page(1)
    window.people_page.add_button.click()
    dialog = window.people_page.dialog
    assert dialog is not None
    return dialog


def test_add_contact_from_pasted_text(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    peer = make_peer(tmp_path / "dana")
    dialog = _add_contact_dialog(window)
    QGuiApplication.clipboard().setText(f'{{"id": "{peer.did}", "name": "Dana"}}')
    dialog.paste_button.click()
    assert dialog.did.text() == peer.did
    assert dialog.petname.text() == "Dana"
    assert dialog.safety.text() == peer.safety_code
    dialog.verified.setChecked(True)
    dialog.ok.click()
    assert not dialog.isVisible()
    contact = window.session.wallet.contact(peer.did)
    assert contact is not None and contact.petname == "Dana" and contact.verified
    page = window.people_page
    assert page.list.count() == 1 and page.list.item(0).text() == "Dana"
    assert page.current_did == peer.did


def test_add_contact_refuses_bad_input(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _add_contact_dialog(window)
    QGuiApplication.clipboard().setText("no identifier in here")
    dialog.paste_button.click()
    assert dialog.message.text() == "No did:key identifier found in that text."
    dialog.did.setText("did:key:zNotARealKey")
    dialog.petname.setText("Nobody")
    dialog.ok.click()
    assert dialog.isVisible() and dialog.message.isVisible()
    dialog.did.setText("")
    dialog.ok.click()
    assert dialog.isVisible()
    assert window.session.wallet.contacts() == []


def test_add_contact_from_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    peer = make_peer(tmp_path / "eli")
    card = tmp_path / "eli.txt"
    card.write_text(f"Eli's identifier: {peer.did}\n")
    monkeypatch.setattr(
        "vouch.gui.dialogs.contact.QFileDialog.getOpenFileName", lambda *a, **k: (str(card), "")
    )
    dialog = _add_contact_dialog(window)
    dialog.file_button.click()
    assert dialog.did.text() == peer.did
    dialog.petname.setText("Eli")
    dialog.ok.click()
    assert window.session.wallet.contact(peer.did) is not None


def test_people_page_shows_what_was_said(qtbot: QtBot, populated_window: MainWindow) -> None:
    window = populated_window
    window.show_page(1)
    page = window.people_page
    names = [page.list.item(i).text() for i in range(page.list.count())]
    assert names == ["Ana", "Bo"]
    page.list.setCurrentRow(1)  # Bo
    mine = [page.mine.item(i).text() for i in range(page.mine.count())]
    others = [page.others.item(i).text() for i in range(page.others.count())]
    assert mine == [f"cooking, {Level.MOST_THINGS.words}"]
    assert others == [f"Ana: plumbing, {Level.COMPLETELY.words}"]
    qtbot.waitUntil(lambda: page.view_label.text() not in ("", "…"))
    assert set(page.view_label.text().split("; ")) == {
        "plumbing: for most things (through others)",
        "cooking: for most things",
    }
    page.list.setCurrentRow(0)  # Ana
    qtbot.waitUntil(lambda: page.view_label.text().startswith("plumbing"))
    assert page.view_label.text() == "plumbing: strongly"
    assert page.verified.isChecked()
    assert page.mine.item(0).text() == "plumbing, strongly — fixed the boiler"


def test_rename_verify_and_remove_contact(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    peer = make_peer(tmp_path / "fay")
    window.session.wallet.add_contact(peer.did, "Fay")
    window.session.notify_changed()
    window.show_page(1)
    page = window.people_page
    assert page.current_did == peer.did
    page.petname.setText("Fay (baker)")
    page.petname.editingFinished.emit()
    page.verified.setChecked(True)
    contact = window.session.wallet.contact(peer.did)
    assert contact is not None and contact.petname == "Fay (baker)" and contact.verified

    monkeypatch.setattr("vouch.gui.messages.confirm", lambda *a, **k: False)
    page.remove_button.click()
    assert window.session.wallet.contact(peer.did) is not None
    monkeypatch.setattr("vouch.gui.messages.confirm", lambda *a, **k: True)
    page.remove_button.click()
    assert window.session.wallet.contact(peer.did) is None
    assert page.list.count() == 0


def test_endorse_button_opens_endorse_page_for_that_person(
    qtbot: QtBot, populated_window: MainWindow
) -> None:
    window = populated_window
    window.show_page(1)
    window.people_page.list.setCurrentRow(0)
    window.people_page.endorse_button.click()
    assert window.pages_stack.currentWidget() is window.endorse_page
    assert window.endorse_page.person.currentText() == "Ana"
