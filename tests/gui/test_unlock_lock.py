"""Unlocking (off the GUI thread), wrong passphrases, locking by hand, by shortcut and when idle."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import PASSPHRASE, open_window, unlock
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from vouch.gui.main_window import MainWindow
from vouch.gui.preferences import IDLE_KEY, PAGE_KEY
from vouch.unlock import MemoryBackend
from vouch.wallet.quick_unlock import QuickUnlock


def test_wrong_passphrase_then_retry(qtbot: QtBot, wallet_home: Path) -> None:
    window = open_window(qtbot, wallet_home)
    page = window.unlock_page
    assert window.windowTitle() == "Locked"
    # Desktops show "Locked — Vouch": Qt adds the application's name to every title.
    assert QApplication.applicationDisplayName() == "Vouch"
    page.unlock_button.click()
    assert page.message.text() == "Type your passphrase."

    page.passphrase.setText("not my passphrase")
    page.unlock_button.click()
    assert page.busy.isVisible() and not page.unlock_button.isEnabled()
    qtbot.waitUntil(lambda: page.unlock_button.isEnabled())
    assert page.message.isVisible()
    assert "passphrase" in page.message.text().lower()
    assert not window.session.is_unlocked
    assert page.passphrase.hasSelectedText() or page.passphrase.text() == "not my passphrase"

    unlock(qtbot, window)
    assert window.central.currentWidget() is window.workspace
    assert page.passphrase.text() == ""
    assert window.windowTitle() == "Wallet “wallet”"
    assert "Vouch" not in window.windowTitle()
    window.close()


def test_lock_by_shortcut_clears_views(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page(0)
    wallet = window.session.wallet
    assert window.me_page.did_label.text() == wallet.did
    assert window.lock_action.shortcut() == QKeySequence("Ctrl+L")
    with qtbot.waitSignal(window.session.locked):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not wallet.is_open
    assert window.central.currentWidget() is window.unlock_page
    assert window.me_page.did_label.text() == ""
    assert window.me_page.qr.modules == 0
    assert window.endorsements_page.model.rowCount() == 0
    assert not window.export_action.isEnabled()


def test_lock_from_the_menu(qtbot: QtBot, window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert window.lock_action in file_menu.actions()
    window.lock_action.trigger()
    assert not window.session.is_unlocked


def test_idle_lock(qtbot: QtBot, window: MainWindow) -> None:
    assert window.idle.active  # default: 15 minutes
    window.idle.set_minutes(0.002)  # about 120 ms
    with qtbot.waitSignal(window.session.locked, timeout=5_000):
        pass
    assert window.central.currentWidget() is window.unlock_page


def test_input_postpones_the_idle_lock_and_is_watched_only_while_unlocked(
    qtbot: QtBot, wallet_home: Path
) -> None:
    window = open_window(qtbot, wallet_home)
    assert not window.idle.watching  # the locked screen has nothing to lock
    unlock(qtbot, window)
    assert window.idle.watching and window.idle.active
    window.idle.set_minutes(1)
    window.idle.restart()
    window.idle._timer.start(5_000)  # as if 55 s had gone by without input
    assert window.idle.remaining_ms <= 6_000  # (a coarse timer: within 5 %)
    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_Shift)
    assert window.idle.remaining_ms > 50_000  # a key press starts the minute again
    window.lock_action.trigger()
    assert not window.session.is_unlocked
    assert not window.idle.watching and not window.idle.active
    QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Shift)
    assert not window.idle.active  # the control: unwatched, input starts nothing


def test_idle_setting_from_settings_page(qtbot: QtBot, window: MainWindow) -> None:
    page = window.settings_page
    window.show_page(window.pages.index(page))
    page.idle_combo.setCurrentIndex(page.idle_combo.findData(0))
    assert not window.idle.active
    assert QSettings().value(IDLE_KEY) in (0, "0")
    page.idle_combo.setCurrentIndex(page.idle_combo.findData(5))
    assert window.idle.active


def test_window_remembers_page_and_size(qtbot: QtBot, wallet_home: Path) -> None:
    window = open_window(qtbot, wallet_home)
    unlock(qtbot, window)
    window.show_page(3)
    window.resize(780, 560)
    window.close()
    assert QSettings().value(PAGE_KEY) in (3, "3")
    again = open_window(qtbot, wallet_home)
    assert (again.width(), again.height()) == (780, 560)
    unlock(qtbot, again, PASSPHRASE)
    assert again.nav.currentRow() == 3
    assert again.pages_stack.currentWidget() is again.endorsements_page
    again.close()


def test_lock_closes_open_dialogs(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from gui_helpers import make_peer

    peer = make_peer(tmp_path / "mo")
    window.session.wallet.add_contact(peer.did, "Mo")
    window.session.notify_changed()
    window.endorse_person(peer.did)
    page = window.endorse_page
    qtbot.waitUntil(page.caution_button.isEnabled)
    page.caution_button.click()
    assert page.caution_dialog is not None and page.caution_dialog.isVisible()
    window.show_export()
    export = window.dialogs[-1]
    assert export.isVisible()
    window.lock()
    assert not page.caution_dialog.isVisible()
    assert not export.isVisible()
    assert window.dialogs == []


class FakeOs:
    """Stands in for Windows Hello / Touch ID / the keyring, which CI machines do not have:
    the real `QuickUnlock` service over one in-memory backend per wallet folder."""

    def __init__(self) -> None:
        self.backends: dict[Path, MemoryBackend] = {}

    def __call__(self, state_dir: Path) -> MemoryBackend:
        return self.backends.setdefault(state_dir, MemoryBackend("Test Key"))


@pytest.fixture
def os_unlock(window: MainWindow) -> Iterator[tuple[QuickUnlock, FakeOs]]:
    """The window's session offers the fake OS unlock (the app passes the platform's own)."""
    fake = FakeOs()
    quick = QuickUnlock(fake)
    window.session.os_unlock = quick
    yield quick, fake


def turn_on_os_unlock(qtbot: QtBot, window: MainWindow, quick: QuickUnlock) -> None:
    page = window.settings_page
    window.show_page(window.pages.index(page))
    page.refresh()
    assert page.os_unlock_toggle.isVisibleTo(page)
    assert page.os_unlock_toggle.text() == "Unlock with Test Key"
    page.os_unlock_toggle.setChecked(True)
    qtbot.waitUntil(lambda: quick.is_enabled(window.session.home))


def test_os_unlock_hook(
    qtbot: QtBot, window: MainWindow, os_unlock: tuple[QuickUnlock, FakeOs]
) -> None:
    quick, _fake = os_unlock
    turn_on_os_unlock(qtbot, window, quick)
    window.lock()
    button = window.unlock_page.os_button
    assert button.isVisible() and button.text() == "Unlock with Test Key"
    window.activateWindow()
    assert window.unlock_page.focusWidget() is button  # offered first
    with qtbot.waitSignal(window.session.unlocked):
        button.click()
    assert window.session.is_unlocked


def test_cancelled_os_prompt_leaves_the_wallet_locked(
    qtbot: QtBot, window: MainWindow, os_unlock: tuple[QuickUnlock, FakeOs]
) -> None:
    quick, fake = os_unlock
    turn_on_os_unlock(qtbot, window, quick)
    window.lock()
    fake.backends[window.session.home / "os-unlock"].script("cancel")
    page = window.unlock_page
    page.os_button.click()
    qtbot.waitUntil(lambda: page.message.isVisible() and page.os_button.isEnabled())
    assert "cancelled" in page.message.text().lower()
    assert not window.session.is_unlocked
    unlock(qtbot, window)
    assert window.session.is_unlocked


def test_turning_os_unlock_off_in_settings(
    qtbot: QtBot, window: MainWindow, os_unlock: tuple[QuickUnlock, FakeOs]
) -> None:
    quick, _fake = os_unlock
    turn_on_os_unlock(qtbot, window, quick)
    window.settings_page.os_unlock_toggle.setChecked(False)
    qtbot.waitUntil(lambda: not quick.is_enabled(window.session.home))
    window.lock()
    assert not window.unlock_page.os_button.isVisible()


def test_a_passphrase_change_turns_os_unlock_off(
    qtbot: QtBot, window: MainWindow, os_unlock: tuple[QuickUnlock, FakeOs]
) -> None:
    quick, _fake = os_unlock
    turn_on_os_unlock(qtbot, window, quick)
    page = window.settings_page
    page.passphrase_button.click()
    dialog = page.passphrase_dialog
    dialog.old.setText(PASSPHRASE)
    dialog.new1.setText("violet tiger seven maps")
    dialog.new2.setText("violet tiger seven maps")
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok.click()
    assert not quick.is_enabled(window.session.home)
    page.refresh()
    assert not page.os_unlock_toggle.isChecked()
    window.lock()
    assert not window.unlock_page.os_button.isVisible()
