"""Desktop polish: themes switched live, mnemonics, Enter, stale messages, passphrase screens,
wording, plain summaries before documents, tables, the QR code, feedback, the sidebar, Help,
accessible names and keyboard use. Real windows on real wallets, offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import PASSPHRASE, make_peer
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProxyStyle,
    QStyle,
    QWidget,
)
from pytestqt.qtbot import QtBot
from ui_walk import duplicates, literal_ampersands, mnemonics, show_without_network, shown

from vouch.core.records import Direction, EndorsementFilter, Kind, Level
from vouch.exchange.runtime import Activity, SyncPhase, SyncStatus
from vouch.flows.first_run import Step
from vouch.gui.dialogs.contact import AddContactDialog
from vouch.gui.dialogs.export_dialog import ExportDialog
from vouch.gui.dialogs.help import GettingStartedDialog, ShortcutsDialog
from vouch.gui.dialogs.import_dialog import ImportDialog
from vouch.gui.dialogs.passphrase import ChangePassphraseDialog, RecoveryPhraseDialog
from vouch.gui.dialogs.restore_backup import RestoreBackupDialog
from vouch.gui.dialogs.statement import CautionDialog, RevokeDialog
from vouch.gui.main_window import MainWindow
from vouch.gui.pages.base import MutedLabel
from vouch.gui.style import VouchStyle
from vouch.gui.theme import apply_theme
from vouch.gui.widgets.qr import MAX_QR_BYTES


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def _contrast(label: QLabel) -> int:
    """Lightness difference between a label's (blended) text and the window behind it."""
    palette = label.palette()
    text, back = (
        palette.color(QPalette.ColorRole.WindowText),
        label.window().palette().color(QPalette.ColorRole.Window),
    )
    alpha = text.alphaF()
    blended = QColor.fromRgbF(
        text.redF() * alpha + back.redF() * (1 - alpha),
        text.greenF() * alpha + back.greenF() * (1 - alpha),
        text.blueF() * alpha + back.blueF() * (1 - alpha),
    )
    return abs(blended.lightness() - back.lightness())


@pytest.fixture
def restore_theme() -> Iterator[None]:
    yield
    hints = _app().styleHints()
    hints.unsetColorScheme()
    apply_theme(_app(), "system")


# -- 2. themes -----------------------------------------------------------------------------
def test_switching_the_theme_recolours_every_description_at_once(
    qtbot: QtBot, populated_window: MainWindow, restore_theme: None
) -> None:
    window = populated_window
    settings = window.settings_page
    window.show_page(window.pages.index(settings))
    for theme in ("light", "dark", "light", "dark"):
        settings.theme_combo.setCurrentIndex(settings.theme_combo.findData(theme))
        labels = window.findChildren(MutedLabel)
        assert len(labels) > 5
        for label in labels:
            assert _contrast(label) > 90, (theme, label.text()[:40], _contrast(label))


def test_the_system_choice_follows_the_desktop_switching_live(
    qtbot: QtBot, populated_window: MainWindow, restore_theme: None
) -> None:
    window = populated_window
    apply_theme(_app(), "system")
    hints = _app().styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the desktop switched to dark
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    assert all(_contrast(label) > 90 for label in window.findChildren(MutedLabel))
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() > 128
    assert all(_contrast(label) > 90 for label in window.findChildren(MutedLabel))


def test_an_explicit_theme_ignores_the_desktop(
    qtbot: QtBot, populated_window: MainWindow, restore_theme: None
) -> None:
    apply_theme(_app(), "light")
    _app().styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() > 128


# -- 3. mnemonics and Enter ------------------------------------------------------------------
def _dialogs(window: MainWindow, tmp_path: Path) -> list[QDialog]:
    session = window.session
    wallet = session.wallet
    contact = wallet.contacts()[0]
    given = wallet.endorsements(EndorsementFilter(direction=Direction.GIVEN))[0]
    return [
        AddContactDialog(session, window),
        CautionDialog(session, contact.did, "plumbing", window),
        RevokeDialog(session, given, window),
        ChangePassphraseDialog(session, window),
        RecoveryPhraseDialog(session, window),
        ExportDialog(session, window),
        ImportDialog(session, b"{}", window),
        RestoreBackupDialog(session, tmp_path, window),
        ShortcutsDialog(window.actions(), window),
        GettingStartedDialog(window),
    ]


def test_no_page_or_dialog_has_a_clashing_or_literal_mnemonic(
    qtbot: QtBot, populated_window: MainWindow, tmp_path: Path
) -> None:
    window = populated_window
    menu = mnemonics(window.menuBar())
    assert not duplicates(menu), duplicates(menu)
    for index, page in enumerate(window.pages):
        show_without_network(window, index)
        found = mnemonics(page) + menu
        assert not duplicates(found), (page.title, duplicates(found))
        assert not literal_ampersands(page), (page.title, literal_ampersands(page))
    for dialog in _dialogs(window, tmp_path):
        dialog.show()
        assert not duplicates(mnemonics(dialog)), (dialog.windowTitle(), mnemonics(dialog))
        assert not literal_ampersands(dialog), (dialog.windowTitle(), literal_ampersands(dialog))
        dialog.close()
    for menu_action in window.menuBar().actions():
        submenu = menu_action.menu()
        if submenu is not None:
            letters = [a.text() for a in submenu.actions() if a.text()]
            clashes = duplicates([(t.split("&")[1][0].lower(), t) for t in letters if "&" in t])
            assert not clashes, (menu_action.text(), clashes)


def test_the_locked_screen_and_every_first_run_step_have_distinct_mnemonics(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(tmp_path / "new")
    qtbot.addWidget(window)
    window.show()
    page = window.first_run
    page.create_button.click()
    for step in (Step.CHOOSE, Step.PASSPHRASE, Step.RESTORE_PHRASE, Step.SHOW_PHRASE, Step.QUIZ):
        page.stack.setCurrentWidget(page.pages[step])
        found = mnemonics(page.pages[step]) + mnemonics(window.menuBar())
        assert not duplicates(found), (step, duplicates(found))
        assert not literal_ampersands(page.pages[step])
    found = mnemonics(window.unlock_page) + mnemonics(window.menuBar())
    assert not duplicates(found)


def test_enter_in_the_add_contact_dialog_adds_even_with_paste_focused(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    peer = make_peer(tmp_path / "peer")
    QGuiApplication.clipboard().setText("nothing useful")
    dialog = AddContactDialog(window.session, window)
    dialog.show()
    dialog.did.setText(peer.did)
    dialog.petname.setText("Pia")
    dialog.paste_button.setFocus()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.paste_button, Qt.Key.Key_Return)
    assert window.session.wallet.contact(peer.did) is not None
    assert dialog.did.text() == peer.did  # Paste did not run over it


def test_the_add_contact_identifier_label_leads_to_its_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = AddContactDialog(window.session, window)
    labels = [lb for lb in dialog.findChildren(QLabel) if lb.text() == "&Identifier:"]
    assert len(labels) == 1 and labels[0].buddy() is dialog.did


# -- 5. stale messages --------------------------------------------------------------------------
def test_no_did_message_goes_once_a_valid_identifier_is_there(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = AddContactDialog(window.session, window)
    dialog.show()
    dialog.take_text("no identifier here")
    assert dialog.message.isVisible()
    dialog.did.setText(make_peer(tmp_path / "p").did)
    assert not dialog.message.isVisible()


def test_an_old_connection_error_goes_when_a_new_exchange_starts(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.exchange_page  # not shown: no network loop is needed for this
    page.message.error("Could not connect to 10.0.0.9:4000.")
    page._on_activity(Activity(7, True, SyncStatus(SyncPhase.HANDSHAKE)))
    assert not page.message.isVisible()


def test_an_empty_search_clears_the_old_results(qtbot: QtBot, populated_window: MainWindow) -> None:
    window = populated_window
    page = window.find_page
    window.show_page(window.pages.index(page))
    page.query.setEditText("plumbing")
    page.search()
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() > 0)
    page.query.setEditText("")
    page.search()
    assert page.message.text() == "Type a task to search for."
    assert page.tree.topLevelItemCount() == 0 and page.results == []


def test_the_unlock_to_preview_note_goes_after_unlocking(qtbot: QtBot, wallet_home: Path) -> None:
    from gui_helpers import open_window, unlock

    window = open_window(qtbot, wallet_home)
    window.import_data(b'{"bundle": "later"}')
    assert window.statusBar().currentMessage() == "Unlock the wallet to preview the import."
    unlock(qtbot, window)
    assert window.statusBar().currentMessage() != "Unlock the wallet to preview the import."
    window.close()


# -- 6. passphrase screens ------------------------------------------------------------------------
def test_passphrase_screens_say_the_strength_once_and_answer_enter(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(tmp_path / "new")
    qtbot.addWidget(window)
    window.show()
    page = window.first_run
    page.create_button.click()
    qtbot.keyClick(page.pass1, Qt.Key.Key_Return)  # Enter on the empty field
    assert page.pass_message.isVisible() and page.pass_message.text() == "Type a passphrase first."
    page.pass1.setText("violet tiger seven maps and more words here")
    assert page.strength_label.text().count("Strong") == 1
    qtbot.keyClick(page.pass1, Qt.Key.Key_Return)  # on to the second field, not an error
    assert page.window().focusWidget() is page.pass2
    # The bar sits right above its words.
    gap = page.strength_label.geometry().top() - page.strength_bar.geometry().bottom()
    assert 0 <= gap <= 8
    assert page.pass1.echoMode() == QLineEdit.EchoMode.Password
    page.pass_fields.show_box.setChecked(True)
    assert page.pass1.echoMode() == page.pass2.echoMode() == QLineEdit.EchoMode.Normal


def test_the_change_passphrase_dialog_is_wide_enough_for_its_title(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = ChangePassphraseDialog(window.session, window)
    dialog.show()
    title_width = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
    assert dialog.width() >= max(460, title_width + 120)
    dialog.fields.show_box.setChecked(True)
    assert dialog.old.echoMode() == QLineEdit.EchoMode.Normal
    dialog.ok.click()
    assert dialog.message.text() == "Type the passphrase you use now."


def test_the_unlock_screen_can_show_the_passphrase(qtbot: QtBot, wallet_home: Path) -> None:
    from gui_helpers import open_window

    window = open_window(qtbot, wallet_home)
    page = window.unlock_page
    page.show_passphrase.setChecked(True)
    assert page.passphrase.echoMode() == QLineEdit.EchoMode.Normal
    window.close()


# -- 7 and 8. wording and plain summaries ---------------------------------------------------
def test_my_statements_read_you_rely_on(qtbot: QtBot, populated_window: MainWindow) -> None:
    window = populated_window
    page = window.endorsements_page
    window.show_page(window.pages.index(page))
    page.direction.setCurrentIndex(page.direction.findData(Direction.GIVEN.value))
    page.view.selectRow(0)
    text = page.summary.text()
    assert text.startswith("You rely on <b>")
    assert "me relies" not in text and " me " not in text
    assert not page.document.isVisible()  # the signed document is one click away
    page.document_view.toggle.click()
    assert page.document.isVisible()
    assert page.document.lineWrapMode() == page.document.LineWrapMode.NoWrap
    assert page.document.toPlainText().startswith('{\n  "')


def test_the_endorse_page_leads_with_what_you_will_say(
    qtbot: QtBot, populated_window: MainWindow
) -> None:
    window = populated_window
    page = window.endorse_page
    window.show_page(window.pages.index(page))
    page.person.setCurrentIndex(page.person.findText("Ana"))
    page.scope.setEditText("plumbing")
    page.level.setCurrentIndex(page.level.findData(int(Level.STRONGLY)))
    page.until.setDate(QDate(2031, 11, 28))
    page.update_preview()
    assert page.summary.text() == (
        "You will say: <b>I rely on Ana for plumbing, strongly, until 28 Nov 2031.</b>"
    )
    assert not page.preview.isVisible() and page.document_view.toggle.isEnabled()


def test_a_past_until_date_is_said_not_reverted(qtbot: QtBot, populated_window: MainWindow) -> None:
    window = populated_window
    page = window.endorse_page
    window.show_page(window.pages.index(page))
    page.person.setCurrentIndex(page.person.findText("Ana"))
    page.scope.setEditText("plumbing")
    page.until.setDate(QDate(2025, 3, 1))
    page.update_preview()
    assert page.until.date() == QDate(2025, 3, 1)  # kept as typed
    assert page.until.displayFormat().count("yyyy") == 1
    assert page.message.isVisible() and "has passed" in page.message.text()
    assert not page.sign_button.isEnabled()


def test_a_code_after_pairing_asks_for_a_name(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    peer = make_peer(tmp_path / "peer")
    wallet = window.session.wallet
    wallet.add_contact(peer.did, f"Paired {peer.did[-6:]}", verified=True)
    page = window.exchange_page
    page._ask_name(peer.did)
    dialog = page.name_dialog
    assert dialog is not None and dialog.isVisible()
    assert "compared codes" in dialog.labelText()
    dialog.setTextValue("Sam")
    dialog.accept()
    contact = wallet.contact(peer.did)
    assert contact is not None and contact.petname == "Sam"


def test_export_names_the_revocations_that_travel_along(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wallet = window.session.wallet
    kim = make_peer(tmp_path / "kim")
    wallet.add_contact(kim.did, "Kim")
    old = wallet.endorse(kim.did, "baking", Level.STRONGLY)
    wallet.endorse(kim.did, "driving", Level.MOST_THINGS)
    wallet.revoke(old.id, "she moved away, no longer bakes")
    dialog = ExportDialog(window.session, window, person=kim.did)
    dialog.show()
    assert dialog.person.itemText(0) != "Choose below"
    chosen = len(dialog.chosen())
    assert dialog.message.text().startswith(f"{chosen} statement")
    target = tmp_path / "kim.vouch"
    monkeypatch.setattr(
        "vouch.gui.dialogs.export_dialog.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), ""),
    )
    dialog.save_button.click()
    assert "revocation" in dialog.message.text()
    assert "travel" in dialog.message.text() and "with them" in dialog.message.text()


# -- 9. tables -------------------------------------------------------------------------------
def test_the_table_fits_names_every_column_and_marks_cautions(
    qtbot: QtBot, populated_window: MainWindow
) -> None:
    window = populated_window
    wallet = window.session.wallet
    ana = wallet.contacts()[0]
    wallet.caution(ana.did, "roofing", "left the roof half done twice")
    window.session.notify_changed()
    window.resize(1000, 680)
    page = window.endorsements_page
    window.show_page(window.pages.index(page))
    model = page.view.model()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert all(titles) and "Task" in titles
    qtbot.waitUntil(lambda: not page.view.horizontalScrollBar().isVisible())
    until = titles.index("Valid until")
    needed = page.view.fontMetrics().horizontalAdvance("Valid until")
    assert page.view.columnWidth(until) >= needed
    kinds = [
        model.index(r, 0).data(Qt.ItemDataRole.DecorationRole) for r in range(model.rowCount())
    ]
    cautions = [
        r for r in range(model.rowCount()) if page.model.endorsement(r).kind == Kind.CAUTION
    ]
    assert cautions and all(kinds[r] is not None for r in cautions)  # a mark, not colour only
    level_col = titles.index("Level")
    assert all(model.index(r, level_col).data() == "caution" for r in cautions)


def test_the_person_filter_completes_typed_names(
    qtbot: QtBot, populated_window: MainWindow
) -> None:
    window = populated_window
    page = window.endorsements_page
    window.show_page(window.pages.index(page))
    assert page.person.isEditable()
    completer = page.person.completer()
    assert completer is not None
    assert completer.filterMode() == Qt.MatchFlag.MatchContains
    completer.setCompletionPrefix("n")  # "Ana" contains an n
    found = [
        completer.completionModel().index(r, 0).data()
        for r in range(completer.completionModel().rowCount())
    ]
    assert "Ana" in found


# -- 10. QR --------------------------------------------------------------------------------------
def test_a_bundle_too_big_for_one_code_is_said_and_the_file_offered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    wallet = window.session.wallet
    kim = make_peer(tmp_path / "kim")
    for n in range(12):  # comments that do not compress: the bundle stays large
        wallet.endorse(kim.did, f"task-{n}", Level.STRONGLY, comment=os.urandom(60).hex())
    dialog = ExportDialog(window.session, window)
    dialog.show()
    for r in range(dialog.list.count()):
        dialog.list.item(r).setCheckState(Qt.CheckState.Checked)
    assert len(dialog._text() or "") > MAX_QR_BYTES
    dialog.qr_button.click()
    assert not dialog.qr.isVisible()
    assert "Too much for one QR code" in dialog.message.text()
    assert dialog.focusWidget() is dialog.save_button


# -- 11. feedback ----------------------------------------------------------------------------
def test_a_successful_import_is_said(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    peer = make_peer(tmp_path / "peer")
    peer.endorse(window.session.wallet.did, "baking", Level.STRONGLY)
    window.import_data(peer.export_bundle())
    dialog = next(d for d in window.dialogs if isinstance(d, ImportDialog))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    with qtbot.waitSignal(dialog.accepted):
        dialog.import_button.click()
    assert window.statusBar().currentMessage().startswith("Imported: 1 new statement")
    assert window.import_note is not None and window.import_note.isVisible()


# -- 12. sidebar, icons, Settings, Help ----------------------------------------------------
def test_the_sidebar_keeps_whole_names_at_730_pixels(
    qtbot: QtBot, populated_window: MainWindow
) -> None:
    window = populated_window
    window.resize(730, 600)
    qtbot.waitUntil(lambda: window.width() <= 760)
    nav = window.nav
    for row in range(nav.count()):
        item = nav.item(row)
        needed = nav.fontMetrics().horizontalAdvance(item.text()) + nav.iconSize().width()
        assert nav.visualItemRect(item).width() >= needed, item.text()


class _ButtonsHaveIcons(QProxyStyle):
    """A platform style that puts icons on dialog buttons."""

    def styleHint(self, hint: Any, *args: Any) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return int(super().styleHint(hint, *args))


def test_dialog_buttons_carry_no_stock_icons_and_boxes_use_the_app_icons(
    qtbot: QtBot, window: MainWindow
) -> None:
    style = _app().style()
    dialog = AddContactDialog(window.session, window)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    assert all(b.icon().isNull() for b in box.buttons())
    # Where the platform puts icons on dialog buttons (as KDE does), the app's style still
    # gives none; the control is that platform's style alone, whose buttons carry icons.
    buttons = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    for styled, with_icons in (
        (_ButtonsHaveIcons(), True),
        (VouchStyle(_ButtonsHaveIcons()), False),
    ):
        shown = QDialogButtonBox()
        shown.setStyle(styled)
        shown.setStandardButtons(buttons)
        assert [not b.icon().isNull() for b in shown.buttons()] == [with_icons, with_icons]
        shown.deleteLater()
    warning = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    assert not warning.isNull() and warning.name() == ""  # not a theme (fallback) icon


def test_settings_explains_when_os_unlock_is_unavailable(qtbot: QtBot, window: MainWindow) -> None:
    page = window.settings_page
    window.show_page(window.pages.index(page))
    assert window.session.usable_os_unlock() is None
    assert page.os_unlock_toggle.isVisibleTo(page) and not page.os_unlock_toggle.isEnabled()
    assert page.os_unlock_note.isVisibleTo(page)
    assert page.os_unlock_note.text().startswith("Not available on this computer")


def test_help_offers_shortcuts_and_a_guide(qtbot: QtBot, window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    help_menu = window.menuBar().actions()[titles.index("&Help")].menu()
    assert help_menu is not None
    entries = [a.text() for a in help_menu.actions() if a.text()]
    assert entries == ["&Getting Started", "&Keyboard Shortcuts", "&About Vouch"]
    window.shortcuts_action.trigger()
    dialog = window.help_dialog
    assert isinstance(dialog, ShortcutsDialog) and dialog.isVisible()
    rows = dict(dialog.shortcut_rows())
    assert rows["Quit"].startswith(
        QKeySequence("Ctrl+Q").toString(QKeySequence.SequenceFormat.NativeText)
    )
    assert "Lock" in rows
    dialog.close()
    window.guide_action.trigger()
    assert isinstance(window.help_dialog, GettingStartedDialog)
    assert "Endorse" in window.help_dialog.text.text()


# -- accessible names and keyboard use ------------------------------------------------------------
def _named(widget: QWidget) -> bool:
    if widget.accessibleName().strip():
        return True
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return True
    parent = widget.parentWidget()
    if isinstance(parent, (QComboBox, QAbstractSpinBox)) and parent.accessibleName():
        return True  # the editor inside a named combo box or date field
    window = widget.window()
    for label in window.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and (buddy is widget or buddy.focusProxy() is widget):
            return True
    return False


def _focus_chain(root: QWidget) -> list[QWidget]:
    """Every widget Tab reaches inside `root`, in order, starting from its first one."""
    focusable = [
        w
        for w in root.findChildren(QWidget)
        if shown(w, root) and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    if not focusable:
        return []
    chain: list[QWidget] = []
    start = focusable[0]
    current: QWidget | None = start
    for _ in range(400):
        assert current is not None
        if current in focusable and current not in chain:
            chain.append(current)
        current = current.nextInFocusChain()
        if current is start:
            break
    return chain


def test_every_focusable_control_has_a_name_and_tab_reaches_it(
    qtbot: QtBot, populated_window: MainWindow, tmp_path: Path
) -> None:
    window = populated_window
    roots: list[QWidget] = []
    for index, page in enumerate(window.pages):
        show_without_network(window, index)
        roots.append(page)
    for root in roots:
        chain = _focus_chain(root)
        assert chain, root
        unnamed = [f"{type(w).__name__}" for w in chain if not _named(w)]
        assert not unnamed, (getattr(root, "title", root), unnamed)
    for dialog in _dialogs(window, tmp_path):
        dialog.show()
        chain = _focus_chain(dialog)
        assert chain, dialog.windowTitle()
        unnamed = [f"{type(w).__name__}:{w.objectName()}" for w in chain if not _named(w)]
        assert not unnamed, (dialog.windowTitle(), unnamed)
        dialog.close()


def test_the_locked_screen_works_by_keyboard_alone(qtbot: QtBot, wallet_home: Path) -> None:
    from gui_helpers import open_window

    window = open_window(qtbot, wallet_home)
    page = window.unlock_page
    window.activateWindow()
    page.passphrase.setFocus()
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.session.unlocked, timeout=10_000):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    # Ctrl+number reaches every page from the keyboard.
    for index, action in enumerate(window.page_actions):
        assert QKeySequence(f"Ctrl+{index + 1}") in action.shortcuts()
        action.trigger()
        assert window.pages_stack.currentIndex() == index
    window.close()


def test_checkboxes_in_forms_are_named(qtbot: QtBot, populated_window: MainWindow) -> None:
    for box in populated_window.findChildren(QCheckBox):
        assert box.accessibleName() or box.text(), box
