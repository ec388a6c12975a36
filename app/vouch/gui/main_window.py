"""The main window: first run, the locked screen, or the pages of an open wallet.

Only what the locked screen needs is imported here; the pages (see `workspace`), the dialogs
and the wallet's code load when first used, so the window shows in a fraction of the time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar, cast, overload

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDialog,
    QListWidget,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

import vouch
from vouch.gui import worker
from vouch.gui.icons import icon
from vouch.gui.idle import IdleWatcher
from vouch.gui.pages.catalog import BY_KEY, ENTRIES
from vouch.gui.pages.unlock import UnlockPage
from vouch.gui.preferences import Preferences
from vouch.gui.session import Session
from vouch.gui.window_files import FileWindow
from vouch.wallet import QuickUnlock, wallet_exists

if TYPE_CHECKING:
    from vouch.gui.auto_backup import AutoBackup
    from vouch.gui.pages.base import Page
    from vouch.gui.pages.endorse import EndorsePage
    from vouch.gui.pages.endorsements import EndorsementsPage
    from vouch.gui.pages.exchange import ExchangePage
    from vouch.gui.pages.find import FindPage
    from vouch.gui.pages.first_run import FirstRunPage
    from vouch.gui.pages.me import MePage
    from vouch.gui.pages.people import PeoplePage
    from vouch.gui.pages.settings import SettingsPage
    from vouch.gui.workspace import Workspace

APP_NAME = "Vouch"
EXCHANGE_SHORTCUT = "Ctrl+Shift+S"


def _keys(*keys: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    """The given shortcuts plus the platform's standard ones, without repeats."""
    result: list[QKeySequence] = []
    for key in keys:
        found = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        result += [k for k in found if not k.isEmpty() and k not in result]
    return result


PageT = TypeVar("PageT", bound="Page")


class PageOf(Generic[PageT]):
    """`window.me_page` and the like: the page of that catalog key, built on first use."""

    def __init__(self, key: str) -> None:
        self.index = ENTRIES.index(BY_KEY[key])

    @overload
    def __get__(self, window: None, owner: type) -> PageOf[PageT]: ...

    @overload
    def __get__(self, window: MainWindow, owner: type | None = None) -> PageT: ...

    def __get__(
        self, window: MainWindow | None, owner: type | None = None
    ) -> PageOf[PageT] | PageT:
        if window is None:
            return self
        return cast(PageT, window.pages[self.index])


class MainWindow(FileWindow):
    def __init__(
        self, home: Path, parent: QWidget | None = None, *, os_unlock: QuickUnlock | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Vouch"))
        self.setAcceptDrops(True)
        self.session = Session(home, self, os_unlock=os_unlock)
        self.preferences = Preferences()
        self._pending_import: bytes | str | None = None
        self.dialogs: list[QDialog] = []

        self._first_run: FirstRunPage | None = None  # built when there is no wallet yet
        self.unlock_page = UnlockPage(self.session)
        self._workspace: Workspace | None = None  # the sidebar and the pages, from unlock on
        self.central = QStackedWidget()
        self.central.addWidget(self.unlock_page)
        self.setCentralWidget(self.central)
        self.auto_backup: AutoBackup | None = None  # from the first unlock on

        self.idle = IdleWatcher(self)  # watches from the unlock on
        self.idle.idle.connect(self.lock)
        self._build_actions()
        self._wire()
        self._restore_window()
        self.show_start()

    # -- construction --------------------------------------------------------------
    @property
    def first_run(self) -> FirstRunPage:
        """The first-run page, built the first time it is needed (most starts never need it)."""
        if self._first_run is None:
            from vouch.gui.pages.first_run import FirstRunPage

            page = FirstRunPage(self.session.home, session=self.session)
            page.wallet_ready.connect(self.session.open)
            page.existing_chosen.connect(self._use_home)
            self.central.addWidget(page)
            self._first_run = page
        return self._first_run

    @property
    def workspace(self) -> Workspace:
        """The sidebar and the pages' stack, made the first time they are needed."""
        if self._workspace is None:
            from vouch.gui.workspace import Workspace  # (and its sidebar) not at start-up

            workspace = Workspace(self.session)
            workspace.when_built(self._pages_built)
            workspace.nav.currentRowChanged.connect(self._page_changed)
            self.central.addWidget(workspace)
            self._workspace = workspace
        return self._workspace

    @property
    def nav(self) -> QListWidget:
        return self.workspace.nav

    @property
    def pages_stack(self) -> QStackedWidget:
        return self.workspace.stack

    def _build_pages(self) -> None:
        self.workspace.pages()

    def _built_pages(self) -> list[Page]:
        """The pages if they were built, else none (for stopping without building them)."""
        return self._workspace.built_pages() if self._workspace is not None else []

    @property
    def pages(self) -> list[Page]:
        """The pages of an open wallet, in sidebar order (built the first time)."""
        return self.workspace.pages()

    me_page: PageOf[MePage] = PageOf("me")
    people_page: PageOf[PeoplePage] = PageOf("people")
    endorse_page: PageOf[EndorsePage] = PageOf("endorse")
    endorsements_page: PageOf[EndorsementsPage] = PageOf("endorsements")
    find_page: PageOf[FindPage] = PageOf("find")
    exchange_page: PageOf[ExchangePage] = PageOf("exchange")
    settings_page: PageOf[SettingsPage] = PageOf("settings")

    def _pages_built(self, pages: list[Page]) -> None:
        """Connect what the window needs from its pages, and start automatic backups."""
        self.people_page.endorse_requested.connect(self.endorse_person)
        self.people_page.export_requested.connect(lambda did: self.show_export(person=did))
        self.settings_page.idle_minutes_changed.connect(self.idle.set_minutes)
        from vouch.gui.auto_backup import AutoBackup

        self.auto_backup = AutoBackup(self.session, self)  # after _wire: backs up at lock last
        self.auto_backup.message.connect(self.statusBar().showMessage)

    def _action(
        self, text: str, slot: object, shortcut: QKeySequence | str | None = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip or text.replace("&", "").rstrip("…"))
        action.setStatusTip(action.toolTip())
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.import_action = self._action(self.tr("&Import…"), self.choose_import_file, "Ctrl+I")
        self.import_action.setShortcuts(_keys("Ctrl+I", QKeySequence.StandardKey.Open))
        self.import_action.setIcon(icon("import"))
        self.paste_action = self._action(
            self.tr("Import from &Clipboard"), self.import_clipboard, "Ctrl+Shift+V"
        )
        self.export_action = self._action(self.tr("&Export…"), self.show_export, "Ctrl+E")
        self.export_action.setIcon(icon("export"))
        self.backup_action = self._action(
            self.tr("Back &up…"),
            self.back_up,
            None,
            self.tr("Write the whole wallet to one encrypted file"),
        )
        self.lock_action = self._action(
            self.tr("&Lock"), self.lock, "Ctrl+L", self.tr("Lock the wallet now")
        )
        self.lock_action.setIcon(icon("lock"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        self.quit_action.setShortcuts(_keys("Ctrl+Q", QKeySequence.StandardKey.Quit))
        for action in (self.import_action, self.paste_action, self.export_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        go_menu = menu.addMenu(self.tr("&Go"))
        self.page_actions: list[QAction] = []
        for index, entry in enumerate(ENTRIES):
            action = self._action(
                entry.display_title(),
                lambda _c=False, i=index: self.show_page(i),
                f"Ctrl+{index + 1}",
            )
            go_menu.addAction(action)
            self.page_actions.append(action)
            if entry.key == "exchange":
                action.setShortcuts(
                    [QKeySequence(f"Ctrl+{index + 1}"), QKeySequence(EXCHANGE_SHORTCUT)]
                )
                action.setToolTip(
                    self.tr("Exchange with someone nearby ({EXCHANGE_SHORTCUT})").format(
                        EXCHANGE_SHORTCUT=EXCHANGE_SHORTCUT
                    )
                )
        self.find_action = self._action(
            self.tr("&Find People for a Task…"), self.show_find, "Ctrl+F"
        )
        go_menu.addSeparator()
        go_menu.addAction(self.find_action)

        help_menu = menu.addMenu(self.tr("&Help"))
        self.guide_action = self._action(self.tr("&Getting Started"), self.show_guide)
        self.shortcuts_action = self._action(
            self.tr("&Keyboard Shortcuts"), self.show_shortcuts, "Ctrl+/"
        )
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self._action(self.tr("&About Vouch"), self.about))
        self.wallet_actions = [
            self.export_action,
            self.lock_action,
            self.find_action,
            *self.page_actions,
        ]

    def _wire(self) -> None:
        self.unlock_page.unlock_started.connect(self._build_pages)  # during the KDF
        self.unlock_page.unlocked.connect(self.session.open)
        self.unlock_page.other_wallet_requested.connect(self._other_wallet)
        self.unlock_page.open_requested.connect(self._use_home)
        self.unlock_page.restore_requested.connect(self._restore_into)
        self.session.unlocked.connect(self._on_unlocked)
        self.session.about_to_lock.connect(self._stop_work)
        self.session.locked.connect(self._on_locked)
        self.session.home_changed.connect(lambda _h: self.show_start())

    # -- state -------------------------------------------------------------------------
    def show_start(self) -> None:
        """First run when there is no wallet yet, else the locked screen."""
        home = self.session.home
        self._set_wallet_actions(False)
        if wallet_exists(home):
            self.unlock_page.prepare(home)
            self.central.setCurrentWidget(self.unlock_page)
            self.setWindowTitle(self.tr("Locked"))
        else:
            self.first_run.reset(home)
            self.central.setCurrentWidget(self.first_run)
            self.setWindowTitle(self.tr("Welcome"))

    def _wallet_title(self) -> str:
        """The open wallet's folder name; Qt adds " — Vouch" (the application's display
        name) to every window title, so a folder called Vouch is not named twice."""
        from vouch.wallet import default_home

        home = self.session.home
        if home == default_home() or home.name.lower() == APP_NAME.lower() or not home.name:
            return self.tr("Your wallet")
        return self.tr("Wallet “{name}”").format(name=home.name)

    def _set_wallet_actions(self, enabled: bool) -> None:
        for action in self.wallet_actions:
            action.setEnabled(enabled)

    def _on_unlocked(self) -> None:
        self.statusBar().clearMessage()  # "Unlock the wallet to …" is done
        row = self.preferences.page
        self._set_wallet_actions(True)
        self.workspace.pages()
        self.central.setCurrentWidget(self.workspace)
        self.setWindowTitle(self._wallet_title())
        self.show_page(row if row < len(ENTRIES) else 0)
        self.idle.set_minutes(self.preferences.idle_minutes)
        if self._first_run is not None and self._first_run.restored_from_phrase:
            self._first_run.restored_from_phrase = False
            self._after_phrase_restore()
        if self._pending_import is not None:
            data, self._pending_import = self._pending_import, None
            self.import_data(data)

    def _after_phrase_restore(self) -> None:
        """The phrase brings back the identity only: say where the endorsements come from."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Your identity is back"),
            self.tr(
                "Your identity is restored: people who endorsed you will recognise you again."
                "\n\nEndorsements are not in the recovery phrase. To get them back, restore a "
                "backup file if you have one (choose “Restore a backup” on the welcome "
                "screen), or exchange with your contacts again on the Exchange page: each "
                "exchange brings back what they gave you and what they hold from you."
            ),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("restored-note")
        self._keep(box)
        box.open()
        self.restored_note: QMessageBox | None = box

    def _on_locked(self) -> None:
        self.idle.stop()
        for dialog in self.findChildren(QDialog):
            dialog.close()
        self.dialogs.clear()
        self.show_start()

    def lock(self) -> None:
        """Stop what runs on the wallet, close every dialog, close the store, clear the views."""
        if self.session.is_unlocked:
            self.session.lock()  # about_to_lock stops the work first

    def _stop_work(self) -> None:
        """Before any lock (by hand, idle, or another folder chosen): stop what uses the store."""
        if self._built_pages():
            self.exchange_page.stop()  # stop serving and syncing before the store closes
        worker.cancel_all()
        worker.wait_for_all()

    def _use_home(self, home: Path) -> None:
        self.preferences.home = home
        self.session.set_home(home)
        self.show_start()

    def _other_wallet(self) -> None:
        self.first_run.reset(self.session.home)
        self.central.setCurrentWidget(self.first_run)

    def _restore_into(self, home: Path) -> None:
        """Restore from the recovery phrase into a new folder (the current wallet is damaged)."""
        self.first_run.start_restore(home)
        self.central.setCurrentWidget(self.first_run)
        self.setWindowTitle(self.tr("Restore"))

    def show_page(self, index: int) -> None:
        if self.session.is_unlocked:
            self.nav.setCurrentRow(index)

    def _page_changed(self, row: int) -> None:
        if row >= 0 and self.session.is_unlocked:
            self.preferences.page = row

    def show_find(self) -> None:
        self.show_page(self.pages.index(self.find_page))
        self.find_page.focus_query()

    def endorse_person(self, did: str) -> None:
        self.show_page(self.pages.index(self.endorse_page))
        self.endorse_page.set_subject(did)

    # -- vouch:// links (begin) -----------------------------------------------------------
    # A parsed link from `vouch.links`: a person opens on People (offered as a new contact when
    # unknown), a bundle opens the import preview. While locked, the link waits for the unlock.
    _pending_link: object = None

    def open_link(self, link: object) -> None:
        from vouch.links import BundleLink, PersonLink

        if isinstance(link, BundleLink):
            self.import_data(link.text)
            return
        if not isinstance(link, PersonLink):
            raise TypeError(f"not a link: {link!r}")
        if not self.session.is_unlocked:
            if self._pending_link is None:
                self.session.unlocked.connect(
                    self._open_pending_link, Qt.ConnectionType.SingleShotConnection
                )
            self._pending_link = link
            self.statusBar().showMessage(self.tr("Unlock the wallet to see this person."))
            return
        wallet = self.session.wallet
        if link.did == wallet.did:
            self.show_page(self.pages.index(self.me_page))
            return
        self.show_page(self.pages.index(self.people_page))
        if wallet.contact(link.did) is not None:
            self.people_page.select(link.did)
            return
        self.people_page.add_contact()
        dialog = self.people_page.dialog
        assert dialog is not None
        dialog.take_text(link.did)
        if link.name and not dialog.petname.text():
            dialog.petname.setText(link.name)

    def _open_pending_link(self) -> None:
        link, self._pending_link = self._pending_link, None
        if link is not None:
            self.open_link(link)

    # -- vouch:// links (end) -------------------------------------------------------------

    # -- window --------------------------------------------------------------------------
    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Vouch"),
            self.tr(
                "<b>Vouch {version}</b><p>Signed, scoped endorsements of the people "
                "you rely on, kept on your own computer. Trust is computed from your own "
                "point of view, with explanations.</p>"
            ).format(version=vouch.__version__),
        )

    def show_guide(self) -> None:
        from vouch.gui.dialogs.help import GettingStartedDialog

        dialog = GettingStartedDialog(self)
        self._keep(dialog)
        dialog.open()
        self.help_dialog: QDialog | None = dialog

    def show_shortcuts(self) -> None:
        from vouch.gui.dialogs.help import ShortcutsDialog

        dialog = ShortcutsDialog(self.actions(), self)
        self._keep(dialog)
        dialog.open()
        self.help_dialog = dialog

    def _restore_window(self) -> None:
        geometry = self.preferences.window_geometry
        if geometry is not None and self.restoreGeometry(geometry):
            return
        self.resize(1000, 680)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.preferences.window_geometry = self.saveGeometry()
        self.preferences.sync()
        self.shut_down()
        super().closeEvent(event)

    def shut_down(self) -> None:
        """Everything that runs in the background stops, in order, before the window goes:
        timers first (none may fire into a half-closed window), then the lock (which stops
        the exchange loop and waits for the jobs on the store), then whatever is left."""
        self.idle.stop()
        if self.auto_backup is not None:
            self.auto_backup.timer.stop()
        for page in self._built_pages():
            page.stop_timers()
        self.lock()
        if self._built_pages():
            self.exchange_page.stop()
        worker.cancel_all()
        worker.wait_for_all()
        self.idle.stop()  # (stopped above already, unless the lock restarted it)
