"""The shell around the pages: resources, icons, the crash dialog, errors, themes, shortcuts."""

from __future__ import annotations

import importlib.resources
import sys
from pathlib import Path

import pytest
from gui_helpers import PASSPHRASE
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from vouch.errors import InvalidDid
from vouch.flows.idle import DEFAULT_IDLE_MINUTES
from vouch.gui import messages
from vouch.gui.app import parse_args, wallet_home
from vouch.gui.dialogs import crash
from vouch.gui.icons import app_icon, icon
from vouch.gui.main_window import MainWindow
from vouch.gui.preferences import GEOMETRY_KEY, IDLE_KEY, PAGE_KEY, THEME_KEY, Preferences
from vouch.gui.theme import DEFAULT_THEME, is_dark
from vouch.wallet import Wallet

ICONS = ("me", "people", "endorse", "endorsements", "find", "settings", "lock", "caution")


def test_resources_are_an_installed_package() -> None:
    root = importlib.resources.files("vouch.resources")
    assert (root / "vouch.svg").is_file()
    assert (root / "vouch.desktop").read_text().startswith("[Desktop Entry]")
    for name in ICONS:
        assert (root / "icons" / f"{name}.svg").is_file()


def test_icons_render(qapp: QApplication) -> None:
    assert not app_icon().isNull()
    assert not app_icon().pixmap(64, 64).isNull()
    for name in ICONS:
        assert not icon(name).pixmap(24, 24).isNull()


def test_crash_dialog_offers_details_to_copy(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        raise RuntimeError("a bug in Vouch")
    except RuntimeError as exc:
        crash.handle_exception(RuntimeError, exc, exc.__traceback__)
    dialog = crash._open_dialogs[-1]
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert "RuntimeError: a bug in Vouch" in dialog.text.toPlainText()
    assert "Traceback" in dialog.details
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.details
    dialog.reject()
    assert dialog not in crash._open_dialogs


def test_install_sets_the_excepthook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    crash.install()
    assert sys.excepthook is crash.handle_exception


def test_user_errors_are_friendly_and_bugs_go_to_the_hook(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    hooked: list[BaseException] = []
    formats: list[Qt.TextFormat] = []

    def exec_box(box: QMessageBox) -> int:
        shown.append(box.text())
        formats.append(box.textFormat())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    monkeypatch.setattr(sys, "excepthook", lambda _t, exc, _tb: hooked.append(exc))
    messages.show_error(None, InvalidDid())
    assert shown == [InvalidDid.default_message]
    assert formats == [Qt.TextFormat.PlainText]  # messages carry names others chose
    bug = KeyError("oops")
    messages.show_error(None, bug)
    assert hooked == [bug]
    inline = messages.InlineMessage()
    inline.show_exception(InvalidDid("Bad id."))
    assert inline.text() == "Bad id."


def test_arguments(tmp_path: Path) -> None:
    args = parse_args(["--wallet", str(tmp_path), "bundle.vouch"])
    assert args.wallet == tmp_path and args.file == Path("bundle.vouch")
    assert wallet_home(tmp_path) == tmp_path
    assert parse_args([]).file is None


def test_theme_switch(qtbot: QtBot, window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    page = window.settings_page
    window.show_page(window.pages.index(page))
    page.theme_combo.setCurrentIndex(page.theme_combo.findData("dark"))
    assert is_dark(app)
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    page.theme_combo.setCurrentIndex(page.theme_combo.findData("light"))
    assert not is_dark(app)
    page.theme_combo.setCurrentIndex(page.theme_combo.findData("system"))
    assert Preferences().theme == "system"


def test_preferences_defaults_and_round_trips(qapp: QApplication, tmp_path: Path) -> None:
    prefs = Preferences()
    assert prefs.home is None and wallet_home(None) != tmp_path
    assert prefs.theme == DEFAULT_THEME
    assert prefs.idle_minutes == DEFAULT_IDLE_MINUTES
    assert prefs.page == 0 and prefs.window_geometry is None
    prefs.home, prefs.theme, prefs.idle_minutes, prefs.page = tmp_path, "dark", 0, 4
    again = Preferences()  # a new reader sees the same values
    assert (again.home, again.theme, again.idle_minutes, again.page) == (tmp_path, "dark", 0, 4)
    assert wallet_home(None) == tmp_path
    again.home = None
    assert Preferences().home is None
    with pytest.raises(ValueError):
        prefs.theme = "purple"


def test_preferences_read_odd_stored_values_as_the_defaults(qapp: QApplication) -> None:
    from PySide6.QtCore import QSettings

    raw = QSettings()
    raw.setValue(THEME_KEY, "purple")
    raw.setValue(PAGE_KEY, "not a number")
    raw.setValue(IDLE_KEY, "-4")
    raw.setValue(GEOMETRY_KEY, "not bytes")
    prefs = Preferences()
    assert prefs.theme == DEFAULT_THEME
    assert prefs.page == 0
    assert prefs.idle_minutes == DEFAULT_IDLE_MINUTES
    assert prefs.window_geometry is None


def test_standard_shortcuts_and_names(window: MainWindow) -> None:
    shortcuts = {
        a.text().replace("&", ""): [s.toString() for s in a.shortcuts()] for a in window.actions()
    }
    assert "Ctrl+Q" in shortcuts["Quit"]
    assert "Ctrl+I" in shortcuts["Import…"]
    assert "Ctrl+E" in shortcuts["Export…"]
    assert "Ctrl+L" in shortcuts["Lock"]
    assert "Ctrl+F" in shortcuts["Find People for a Task…"]
    assert window.find_action.shortcut() == QKeySequence("Ctrl+F")
    for action in window.actions():
        assert action.toolTip()
    assert not window.windowIcon().isNull() or not QApplication.windowIcon().isNull()


def test_change_passphrase(qtbot: QtBot, window: MainWindow) -> None:
    page = window.settings_page
    window.show_page(window.pages.index(page))
    page.passphrase_button.click()
    dialog = page.passphrase_dialog
    dialog.old.setText(PASSPHRASE)
    dialog.new1.setText("short")
    dialog.new2.setText("short")
    dialog.ok.click()
    assert dialog.message.isVisible() and dialog.isVisible()
    dialog.old.setText("not the old one at all")
    dialog.new1.setText("violet tiger seven maps")
    dialog.new2.setText("violet tiger seven maps")
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.ok.isEnabled())
    assert dialog.isVisible() and "passphrase" in dialog.message.text().lower()
    dialog.old.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok.click()
    assert page.message.text() == "Your passphrase was changed."
    home = window.session.home
    window.lock()
    Wallet.open(home, "violet tiger seven maps").lock()


def test_use_another_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "elsewhere"
    other.mkdir()
    monkeypatch.setattr(
        "vouch.gui.pages.settings.QFileDialog.getExistingDirectory", lambda *a, **k: str(other)
    )
    events: list[str] = []
    window.session.about_to_lock.connect(
        lambda: events.append(f"about to lock, open={window.session.is_unlocked}")
    )
    window.session.locked.connect(lambda: events.append("locked"))
    monkeypatch.setattr(window.exchange_page, "stop", lambda: events.append("exchange stopped"))
    window.show_page(window.pages.index(window.settings_page))
    window.settings_page.move_button.click()
    # The exchange stops while the store is still open, before anything locks.
    assert events[:2] == ["exchange stopped", "about to lock, open=True"]
    assert events[-1] == "locked"
    assert not window.session.is_unlocked
    assert window.session.home == other
    assert window.central.currentWidget() is window.first_run
    assert str(other) in window.first_run.where.text()


def test_pages_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    window.activateWindow()
    for index, page in enumerate(window.pages, 1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + index), Qt.KeyboardModifier.ControlModifier)
        assert window.pages_stack.currentWidget() is page
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.pages_stack.currentWidget() is window.find_page
    for page in window.pages:
        assert page.accessibleName() == page.title
