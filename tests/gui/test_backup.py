"""File > Back up… through the real window: a whole backup, off the GUI thread, that restores."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import PASSPHRASE
from pytestqt.qtbot import QtBot

from vouch.gui import messages
from vouch.gui.main_window import MainWindow
from vouch.wallet import Wallet


def test_back_up_from_the_file_menu_writes_a_backup_that_restores(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    assert window.backup_action in window.menuBar().actions()[0].menu().actions()
    did = window.session.wallet.did
    target = tmp_path / "mine.vouchbackup"
    window.back_up(path=target)
    qtbot.waitUntil(lambda: "Backed up to" in window.statusBar().currentMessage(), timeout=10_000)
    with Wallet.restore_backup(target, tmp_path / "restored", PASSPHRASE) as restored:
        assert restored.did == did


def test_a_backup_that_cannot_be_written_says_why(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, exc, _t="": shown.append(str(exc)))
    window.back_up(path=tmp_path / "missing" / "folder" / "b.vouchbackup")
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown[0].startswith("Cannot write to")
