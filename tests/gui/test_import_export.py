"""Import (preview first, confirm, invalid, cancelled, drag and drop, clipboard) and export."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from gui_helpers import make_peer
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from pytestqt.qtbot import QtBot

from vouch.core.identity import Identity
from vouch.core.records import Direction, EndorsementFilter, Level
from vouch.exchange.bundle import encode_bundle
from vouch.gui.dialogs.export_dialog import ExportDialog
from vouch.gui.dialogs.import_dialog import ImportDialog
from vouch.gui.main_window import MainWindow
from vouch.gui.widgets.qr import QUIET_ZONE
from vouch.wallet import Wallet


@pytest.fixture
def peer(tmp_path: Path, window: MainWindow) -> Wallet:
    """Jo, who endorsed me and two others, and knows me as a contact."""
    jo = make_peer(tmp_path / "jo")
    me = window.session.wallet.did
    others = [make_peer(tmp_path / f"p{i}").did for i in range(2)]
    jo.endorse(me, "carpentry", Level.STRONGLY)
    for did in others:
        jo.endorse(did, "carpentry", Level.MOST_THINGS)
    window.session.wallet.add_contact(jo.did, "Jo")
    return jo


def _dialog(window: MainWindow) -> ImportDialog:
    dialogs = [d for d in window.dialogs if isinstance(d, ImportDialog)]
    assert len(dialogs) == 1
    return dialogs[0]


def _previewed(qtbot: QtBot, window: MainWindow) -> ImportDialog:
    dialog = _dialog(window)
    qtbot.waitUntil(lambda: dialog.job is None)
    return dialog


def _count(window: MainWindow) -> int:
    return window.session.wallet.count_endorsements()


def test_import_file_previews_then_imports(
    qtbot: QtBot, window: MainWindow, peer: Wallet, tmp_path: Path
) -> None:
    path = tmp_path / "from-jo.vouch"
    peer.export_to_file(path)
    assert window.import_action.shortcuts()[0] == QKeySequence("Ctrl+I")
    window.import_file(path)
    dialog = _previewed(qtbot, window)
    assert "From <b>Jo</b>" in dialog.summary.text()
    assert "3 new" in dialog.summary.text()
    assert _count(window) == 0  # nothing stored before confirming
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        dialog.import_button.click()
    assert _count(window) == 3
    received = window.session.wallet.endorsements(EndorsementFilter(direction=Direction.RECEIVED))
    assert [(e.scope, e.level) for e in received] == [("carpentry", Level.STRONGLY)]

    window.import_file(path)  # the same again: all duplicates
    again = _previewed(qtbot, window)
    assert "0 new" in again.summary.text() and "3 already known" in again.summary.text()
    assert not again.import_button.isEnabled()
    assert again.message.text() == "Nothing new to import."


def test_invalid_import_says_why_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.import_data(b"this is not a vouch file at all")
    dialog = _previewed(qtbot, window)
    assert dialog.message.isVisible()
    assert dialog.message.text()
    assert dialog.summary.text() == "Nothing was imported."
    assert not dialog.import_button.isEnabled()
    assert _count(window) == 0


def test_a_damaged_file_speaks_of_files_with_details_on_request(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.import_data(b'{"type": ["VerifiableCredential"], ')
    dialog = _previewed(qtbot, window)
    assert dialog.message.text() == "This isn't a Vouch file, or it is damaged."
    assert "JSON" not in dialog.message.text()
    assert dialog.details_button.isVisible()
    assert not dialog.details.isVisible()
    dialog.details_button.click()
    assert dialog.details.isVisible()
    assert "not valid JSON" in dialog.details.text()


def test_a_single_credential_from_another_wallet_is_imported(
    qtbot: QtBot, window: MainWindow, peer: Wallet
) -> None:
    document = json.loads(peer.export_bundle())["verifiableCredential"][0]
    window.import_data(json.dumps(document).encode())
    dialog = _previewed(qtbot, window)
    assert "unsigned" in dialog.summary.text()
    assert dialog.import_button.isEnabled()
    assert not dialog.details_button.isVisible()


def test_tampered_bundle_is_refused_as_a_whole(
    qtbot: QtBot, window: MainWindow, peer: Wallet
) -> None:
    text = peer.export_bundle().decode()
    window.import_data(text.replace('"carpentry"', '"surgery"', 1).encode())
    dialog = _previewed(qtbot, window)
    assert "signature is not valid" in dialog.message.text()
    assert not dialog.import_button.isEnabled()
    assert _count(window) == 0


def test_invalid_items_are_listed_with_reasons(
    qtbot: QtBot, window: MainWindow, peer: Wallet
) -> None:
    documents = [json.loads(e.document) for e in peer.endorsements()]
    documents[0]["credentialSubject"]["scope"] = "surgery"  # no longer what was signed
    data = encode_bundle(Identity.generate(), documents)
    window.import_data(data)
    dialog = _previewed(qtbot, window)
    assert "2 new" in dialog.summary.text() and "1 refused" in dialog.summary.text()
    refused = dialog.items.topLevelItem(dialog.items.topLevelItemCount() - 1)
    assert refused.text(0) == "Refused (1)"
    assert refused.child(0).text(1)  # the reason
    with qtbot.waitSignal(dialog.accepted):
        dialog.import_button.click()
    assert _count(window) == 2


def test_cancelled_import_leaves_the_store_unchanged(
    qtbot: QtBot, window: MainWindow, peer: Wallet, monkeypatch: pytest.MonkeyPatch
) -> None:
    wallet = window.session.wallet
    gate = threading.Event()
    real_apply = wallet.apply_import

    def gated_apply(*args: object, **kwargs: object) -> object:
        gate.wait(5)  # the user presses Cancel while the import runs
        return real_apply(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(wallet, "apply_import", gated_apply)
    window.import_data(peer.export_bundle())
    dialog = _previewed(qtbot, window)
    dialog.import_button.click()
    assert dialog.progress.isVisible()
    dialog.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: dialog.job is None)
    qtbot.waitUntil(lambda: dialog.cancel_button.isEnabled())
    assert dialog.message.text() == "Import cancelled; nothing was changed."
    assert dialog.result_ is None
    assert _count(window) == 0


def test_drop_and_clipboard_import(
    qtbot: QtBot, window: MainWindow, peer: Wallet, tmp_path: Path
) -> None:
    path = tmp_path / "dropped.vouch"
    peer.export_to_file(path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    dialog = _previewed(qtbot, window)
    assert "3 new" in dialog.summary.text()
    dialog.reject()

    QGuiApplication.clipboard().setText(peer.export_text())
    window.paste_action.trigger()
    qtbot.waitUntil(lambda: len(window.dialogs) == 1)
    clip = _previewed(qtbot, window)
    assert "3 new" in clip.summary.text()


def test_import_while_locked_waits_for_unlock(
    qtbot: QtBot, window: MainWindow, peer: Wallet
) -> None:
    data = peer.export_bundle()
    window.lock()
    window.import_data(data)
    assert window.dialogs == []
    from gui_helpers import unlock

    unlock(qtbot, window)
    assert "3 new" in _previewed(qtbot, window).summary.text()


def _export_dialog(window: MainWindow, person: str | None = None) -> ExportDialog:
    window.show_export(person=person)
    dialogs = [d for d in window.dialogs if isinstance(d, ExportDialog)]
    assert len(dialogs) == 1
    return dialogs[0]


def test_export_file_text_and_qr(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wallet = window.session.wallet
    kim, lee = make_peer(tmp_path / "kim"), make_peer(tmp_path / "lee")
    wallet.add_contact(kim.did, "Kim")
    wallet.add_contact(lee.did, "Lee")
    wallet.endorse(kim.did, "baking", Level.STRONGLY)
    wallet.endorse(kim.did, "driving", Level.MOST_THINGS)
    wallet.endorse(lee.did, "baking", Level.SMALL_THINGS)

    dialog = _export_dialog(window, person=kim.did)
    assert dialog.chosen() and len(dialog.chosen()) == 2
    target = tmp_path / "for-kim"
    monkeypatch.setattr(
        "vouch.gui.dialogs.export_dialog.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), ""),
    )
    dialog.save_button.click()
    saved = target.with_suffix(".vouch")
    assert saved.exists()
    assert dialog.message.text().startswith(f"✓ Saved to {saved}: 2 statement")
    assert "revocation" not in dialog.message.text()  # none was withdrawn
    preview = kim.preview_import(saved.read_bytes())
    assert sorted(e.scope for e in preview.new) == ["baking", "driving"]

    dialog.copy_button.click()
    pasted = QGuiApplication.clipboard().text()
    assert len(kim.preview_import(pasted).new) == 2
    dialog.qr_button.click()
    assert dialog.qr.isVisible() and dialog.qr.modules > 21
    assert len(kim.preview_import(dialog.qr.text).new) == 2
    # Crisp: whole pixels per module, the widget exactly the code plus its quiet zone.
    pixels = dialog.qr.module_pixels()
    assert pixels >= 3
    side = (dialog.qr.modules + 2 * QUIET_ZONE) * pixels
    assert dialog.qr.width() == dialog.qr.height() == side
    image = dialog.qr.grab().toImage()
    quiet = [image.pixelColor(x, x).name() for x in range(QUIET_ZONE * pixels)]
    assert set(quiet) == {"#ffffff"}
    first = QUIET_ZONE * pixels  # the finder pattern's corner: a whole dark module
    corner = {
        image.pixelColor(first + dx, first + dy).name()
        for dx in range(pixels)
        for dy in range(pixels)
    }
    assert corner == {"#000000"}


def test_export_needs_a_choice(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    wallet = window.session.wallet
    kim = make_peer(tmp_path / "kim")
    wallet.endorse(kim.did, "baking", Level.STRONGLY)
    dialog = _export_dialog(window)
    assert dialog.chosen() == []
    assert not dialog.save_button.isEnabled() and not dialog.copy_button.isEnabled()
    dialog.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.copy_button.isEnabled()
