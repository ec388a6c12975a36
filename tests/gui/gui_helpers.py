"""Helpers shared by the GUI tests."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from vouch.gui.main_window import MainWindow
from vouch.wallet import Wallet

PASSPHRASE = "quiet orange lamp river"
OTHER_PASSPHRASE = "seven brave paper kites"


def open_window(qtbot: QtBot, home: Path) -> MainWindow:
    window = MainWindow(home)
    qtbot.addWidget(window)
    window.show()
    return window


def unlock(qtbot: QtBot, window: MainWindow, passphrase: str = PASSPHRASE) -> None:
    page = window.unlock_page
    assert window.central.currentWidget() is page
    page.passphrase.setText(passphrase)
    with qtbot.waitSignal(window.session.unlocked, timeout=10_000):
        page.unlock_button.click()


def make_peer(folder: Path) -> Wallet:
    """Another person's wallet, open."""
    return Wallet.create(folder, OTHER_PASSPHRASE)
