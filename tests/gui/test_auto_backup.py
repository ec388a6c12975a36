"""Automatic backups through the real window: after changes (debounced), at lock, and failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import PASSPHRASE
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from vouch.gui.auto_backup import AutoBackup
from vouch.gui.main_window import MainWindow
from vouch.wallet import Wallet
from vouch.wallet.backup import AUTO_FOLDER, AUTO_KEEP, AUTO_LAST


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("vouch-*.vouchbackup"))


def test_off_until_a_folder_is_chosen(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.auto_backup.timer.setInterval(10)
    window.session.notify_changed()
    assert not window.auto_backup.timer.isActive() and not window.auto_backup.pending
    window.lock()
    assert list(tmp_path.rglob("*.vouchbackup")) == []


def test_changes_are_backed_up_once_after_a_quiet_while(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    wallet = window.session.wallet
    wallet.set_setting(AUTO_FOLDER, str(folder))
    wallet.set_setting(AUTO_KEEP, "2")
    controller = AutoBackup(window.session, window, delay_ms=50)
    with qtbot.waitSignal(controller.backed_up, timeout=10_000):
        for _ in range(3):
            window.session.notify_changed()
    qtbot.waitUntil(lambda: controller.job is None)
    assert len(_files(folder)) >= 1 and wallet.get_setting(AUTO_LAST)
    for _ in range(3):
        with qtbot.waitSignal(controller.backed_up, timeout=10_000):
            window.session.notify_changed()
        qtbot.waitUntil(lambda: controller.job is None)
    assert len(_files(folder)) == 2  # only the newest two stay
    did = wallet.did
    with Wallet.restore_backup(_files(folder)[-1], tmp_path / "r", PASSPHRASE) as restored:
        assert restored.did == did


def test_a_change_not_yet_backed_up_is_backed_up_at_lock(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    window.session.wallet.set_setting(AUTO_FOLDER, str(folder))
    window.session.notify_changed()  # the real 60 s delay has not passed
    assert window.auto_backup.timer.isActive() and _files(folder) == []
    window.lock()
    assert len(_files(folder)) == 1
    assert not window.session.is_unlocked and not window.auto_backup.timer.isActive()


def test_a_failure_is_reported_once_and_never_stops_the_lock(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.session.wallet.set_setting(AUTO_FOLDER, str(tmp_path / "gone"))
    shown: list[str] = []
    window.auto_backup.message.connect(shown.append)
    window.auto_backup.timer.setInterval(10)
    window.session.notify_changed()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    qtbot.waitUntil(lambda: window.auto_backup.job is None)
    window.session.notify_changed()
    qtbot.wait(100)
    assert len(shown) == 1 and shown[0].startswith("Automatic backup failed: Cannot write to")
    assert window.statusBar().currentMessage() == shown[0]
    window.lock()
    assert not window.session.is_unlocked and len(shown) == 1


def test_settings_turn_automatic_backups_on_back_up_now_and_off(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    page = window.settings_page
    window.show_page(window.pages.index(page))
    assert page.backup_folder.text().startswith("Off")
    assert not page.backup_now.isEnabled()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(folder))
    page.choose_backup_folder()
    assert page.backup_folder.text() == str(folder) and page.backup_now.isEnabled()
    page.backup_keep.setValue(2)
    assert window.session.wallet.get_setting("backup/keep") == "2"
    page.backup_now.click()
    qtbot.waitUntil(lambda: page.backup_last.text().startswith("Last backup:"), timeout=10_000)
    assert len(list(folder.glob("*.vouchbackup"))) == 1
    page.backup_off.click()
    assert page.backup_folder.text().startswith("Off")
    assert window.session.wallet.get_setting("backup/folder") == ""
