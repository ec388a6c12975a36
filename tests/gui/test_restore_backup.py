"""Restoring a backup file in the app: from the first-run screen and from a damaged wallet.

Real backup files, real widgets offscreen. A wrong passphrase, an altered file or a folder that
already holds a wallet each give a message under the form, and no wallet is written.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from gui_helpers import PASSPHRASE, make_peer, open_window
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from vouch.gui.dialogs.restore_backup import WRONG_PASSPHRASE, RestoreBackupDialog
from vouch.gui.main_window import MainWindow
from vouch.gui.preferences import HOME_KEY
from vouch.wallet import Wallet

LATER_PASSPHRASE = "amber violin lake forty"


class Original:
    def __init__(self, did: str, backup: Path) -> None:
        self.did, self.backup = did, backup


@pytest.fixture
def original(tmp_path: Path) -> Original:
    """A wallet with a contact, backed up, whose passphrase was changed after the backup."""
    peer = make_peer(tmp_path / "peer")
    with Wallet.create(tmp_path / "original", PASSPHRASE) as wallet:
        wallet.add_contact(peer.did, "Ana", verified=True)
        info = wallet.backup(tmp_path / "mine.vouchbackup")
        wallet.change_passphrase(PASSPHRASE, LATER_PASSPHRASE)
        did = wallet.did
    peer.lock()
    return Original(did, info.path)


def _fill(dialog: RestoreBackupDialog, file: Path, folder: Path | None, passphrase: str) -> None:
    dialog.file_edit.setText(str(file))
    if folder is not None:
        dialog.folder_edit.setText(str(folder))
    dialog.passphrase.setText(passphrase)


def _try(qtbot: QtBot, dialog: RestoreBackupDialog) -> str:
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.job is None and dialog.message.isVisible(), timeout=10_000)
    assert dialog.isVisible() and dialog.restore_button.isEnabled()
    return dialog.message.text()


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def _first_run_dialog(qtbot: QtBot, home: Path) -> tuple[MainWindow, RestoreBackupDialog]:
    window = open_window(qtbot, home)
    page = window.first_run
    assert window.central.currentWidget() is page
    assert page.backup_button.text().replace("&", "") == "Restore a backup…"
    page.backup_button.click()
    dialog = page.backup_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.folder_edit.text() == str(home)
    return window, dialog


def test_first_run_restores_a_backup_after_clear_refusals(
    qtbot: QtBot, tmp_path: Path, original: Original
) -> None:
    home = tmp_path / "wallet"
    window, dialog = _first_run_dialog(qtbot, home)

    dialog.restore_button.click()
    assert dialog.message.text() == "Choose the backup file."
    _fill(dialog, tmp_path / "nowhere.vouchbackup", None, PASSPHRASE)
    dialog.restore_button.click()
    assert dialog.message.text() == f"There is no file {tmp_path / 'nowhere.vouchbackup'}."

    other = tmp_path / "other"
    Wallet.create(other, PASSPHRASE).lock()
    before = _digest(other)
    _fill(dialog, original.backup, other, PASSPHRASE)
    dialog.restore_button.click()
    assert dialog.message.text() == (
        f"{other} already holds a wallet, which stays as it is. Choose an empty folder."
    )
    assert _digest(other) == before

    _fill(dialog, original.backup, home, "")
    dialog.restore_button.click()
    assert "Type the passphrase" in dialog.message.text()

    _fill(dialog, original.backup, home, LATER_PASSPHRASE)  # set after the backup was made
    assert _try(qtbot, dialog) == WRONG_PASSPHRASE
    assert not Wallet.exists(home) and not window.session.is_unlocked
    assert not home.exists() or list(home.iterdir()) == []

    with qtbot.waitSignal(window.session.unlocked, timeout=10_000):
        _fill(dialog, original.backup, home, PASSPHRASE)
        dialog.restore_button.click()
    assert not dialog.isVisible()
    assert window.central.currentWidget() is window.workspace
    wallet = window.session.wallet
    assert wallet.did == original.did and window.session.home == home
    assert [c.petname for c in wallet.contacts()] == ["Ana"]
    window.close()
    with Wallet.open(home, PASSPHRASE) as again:
        assert again.did == original.did


def test_an_altered_backup_is_refused_and_nothing_is_written(
    qtbot: QtBot, tmp_path: Path, original: Original
) -> None:
    data = bytearray(original.backup.read_bytes())
    data[len(data) // 2] ^= 0x01
    altered = tmp_path / "altered.vouchbackup"
    altered.write_bytes(bytes(data))
    junk = tmp_path / "notes.vouchbackup"
    junk.write_text("Shopping list\n", "utf-8")
    home = tmp_path / "wallet"
    window, dialog = _first_run_dialog(qtbot, home)

    _fill(dialog, altered, home, PASSPHRASE)
    assert _try(qtbot, dialog) == "This backup was altered or damaged; nothing was restored."
    _fill(dialog, junk, home, PASSPHRASE)
    assert _try(qtbot, dialog) == "This isn't a Vouch backup, or it is damaged."
    assert not Wallet.exists(home) and not window.session.is_unlocked
    assert not home.exists() or list(home.iterdir()) == []
    dialog.reject()
    assert not dialog.isVisible() and window.central.currentWidget() is window.first_run
    window.close()


def test_files_and_folders_come_from_choosers(
    qtbot: QtBot, tmp_path: Path, original: Original, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "chosen"
    target.mkdir()
    monkeypatch.setattr(
        "vouch.gui.dialogs.restore_backup.QFileDialog.getOpenFileName",
        lambda *a, **k: (str(original.backup), ""),
    )
    monkeypatch.setattr(
        "vouch.gui.dialogs.restore_backup.QFileDialog.getExistingDirectory",
        lambda *a, **k: str(target),
    )
    window, dialog = _first_run_dialog(qtbot, tmp_path / "default")
    dialog.file_button.click()
    dialog.folder_button.click()
    assert dialog.file_edit.text() == str(original.backup)
    assert dialog.folder_edit.text() == str(target)
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.session.unlocked, timeout=10_000):
        dialog.restore_button.click()
    assert window.session.home == target
    assert QSettings().value(HOME_KEY) == str(target)  # used again next time
    window.close()


def test_a_damaged_wallet_is_replaced_from_a_backup_in_a_new_folder(
    qtbot: QtBot, tmp_path: Path, original: Original
) -> None:
    damaged = tmp_path / "original"
    db = damaged / "wallet.db"
    db.write_bytes(db.read_bytes()[:5000])
    before = _digest(damaged)
    window = open_window(qtbot, damaged)
    page = window.unlock_page
    page.passphrase.setText(LATER_PASSPHRASE)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: page.damaged, timeout=10_000)
    assert page.backup_button.isVisible()
    assert page.backup_button.text().replace("&", "") == "Restore a backup…"

    page.backup_button.click()
    dialog = page.backup_dialog
    assert dialog is not None and dialog.isVisible() and dialog.folder_edit.text() == ""
    _fill(dialog, original.backup, None, PASSPHRASE)
    dialog.restore_button.click()
    assert dialog.message.text() == "Choose a folder for the restored wallet."
    _fill(dialog, original.backup, damaged, PASSPHRASE)
    dialog.restore_button.click()
    assert "cannot be opened" in dialog.message.text()
    assert _digest(damaged) == before

    target = tmp_path / "restored"
    with qtbot.waitSignal(window.session.unlocked, timeout=10_000):
        _fill(dialog, original.backup, target, PASSPHRASE)
        dialog.restore_button.click()
    assert window.central.currentWidget() is window.workspace
    assert window.session.wallet.did == original.did
    assert window.session.home == target
    assert QSettings().value(HOME_KEY) == str(target)
    window.close()
    assert _digest(damaged) == before
