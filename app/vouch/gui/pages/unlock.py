"""The locked screen: type the passphrase; Argon2 runs off the GUI thread.

When the store turns out to be damaged (or written by a newer Vouch), the screen says so and
offers the ways on: open another wallet, restore a backup, or restore the identity from its
recovery phrase, each into a new folder. The damaged file is never written to: it stays as it is
for a later fix.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vouch.errors import CorruptStore, StoreTooNew, VouchError
from vouch.gui import worker
from vouch.gui.icons import app_icon
from vouch.gui.marks import QT_TRANSLATE_NOOP
from vouch.gui.messages import InlineMessage, busy_bar
from vouch.gui.pages.base import heading, muted
from vouch.gui.preferences import Preferences
from vouch.gui.session import Session
from vouch.gui.widgets.show_toggle import show_toggle
from vouch.wallet import wallet_exists

if TYPE_CHECKING:
    from vouch.gui.dialogs.restore_backup import RestoreBackupDialog
    from vouch.wallet import Wallet

DAMAGE_ERRORS = (CorruptStore, StoreTooNew)
DAMAGED_TEXT = QT_TRANSLATE_NOOP(
    "UnlockPage",
    "Vouch has not changed this file; keep it. You can open another wallet, restore a backup "
    "into a new folder, or bring your identity back from its 24-word recovery phrase into a new "
    "folder. Endorsements others gave you can be imported or synced again.",
)
TOO_NEW_TEXT = QT_TRANSLATE_NOOP(
    "UnlockPage",
    "Update Vouch to open it. Vouch has not changed this file. Meanwhile you can open another "
    "wallet, or restore a backup or your recovery phrase into a new folder.",
)


# Reading every page costs about 1.5 s per 100k endorsements (180 MB): do it at unlock for
# stores up to this size (tens of thousands of endorsements, well under a second). Damage in a
# larger store still surfaces as CorruptStore at the first read of a damaged page.
FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024


def open_checked(open_wallet: Callable[[], Wallet]) -> Wallet:
    """Open the wallet and read every page of it once, so damage shows now, not mid-use."""
    wallet = open_wallet()
    if wallet.store_bytes() > FULL_CHECK_MAX_BYTES:
        return wallet
    healthy = False
    try:
        healthy = wallet.integrity_ok()
    finally:
        if not healthy:
            wallet.lock()
    if not healthy:
        raise CorruptStore(
            QCoreApplication.translate(
                "UnlockPage", "The wallet file is damaged: part of it no longer reads back."
            )
        )
    return wallet


class SelectableOnHover(QObject):
    """Makes a label's text selectable when the pointer first reaches it: a selectable label
    builds a text document at once (14 ms for the first one in the app), which the locked
    screen need not wait for."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Enter and isinstance(watched, QLabel):
            watched.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            watched.removeEventFilter(self)
        return False


class UnlockPage(QWidget):
    unlock_started = Signal()  # the key derivation runs: a moment to build what follows
    unlocked = Signal(object)  # the open Wallet
    other_wallet_requested = Signal()
    open_requested = Signal(Path)  # another folder that holds a wallet
    restore_requested = Signal(Path)  # a folder without a wallet, to restore into

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._home = Path()
        self.job: worker.Job | None = None
        self.backup_dialog: RestoreBackupDialog | None = None
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QWidget()
        box.setMinimumWidth(380)
        box.setMaximumWidth(480)
        layout = QVBoxLayout(box)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(72, 72))
        logo.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(logo)
        self.title = heading(self.tr("Vouch is locked"))
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.title)
        self.where = QLabel()
        self.where.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.where.setWordWrap(True)
        self.where.installEventFilter(SelectableOnHover(self.where))
        layout.addWidget(self.where)

        self.form_box = QWidget()
        form = QFormLayout(self.form_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Your passphrase"))
        self.passphrase.returnPressed.connect(self.unlock)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        self.show_passphrase = show_toggle([self.passphrase])
        form.addRow("", self.show_passphrase)
        layout.addWidget(self.form_box)

        self.busy = busy_bar(self.tr("Unlocking"))
        layout.addWidget(self.busy)
        self.message = InlineMessage()
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.other_button = QPushButton(self.tr("Use another wallet…"))
        self.other_button.setToolTip(self.tr("Open or create a wallet in another folder"))
        self.other_button.clicked.connect(self.other_wallet_requested)
        self.os_button = QPushButton()
        self.os_button.clicked.connect(self.unlock_with_os)
        self.os_button.hide()
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setToolTip(self.tr("Open the wallet with your passphrase"))
        self.unlock_button.clicked.connect(self.unlock)
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        buttons.addWidget(self.os_button)
        buttons.addWidget(self.unlock_button)
        self.unlock_buttons = QWidget()
        self.unlock_buttons.setLayout(buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.unlock_buttons)
        self.damage_box = self._build_damage_box()
        layout.addWidget(self.damage_box)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setTabOrder(self.passphrase, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.os_button)
        self.setTabOrder(self.os_button, self.other_button)

    def _build_damage_box(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.damage_help = muted(self.tr(DAMAGED_TEXT))
        layout.addWidget(self.damage_help)
        self.open_other_button = QPushButton(self.tr("&Open another wallet…"))
        self.open_other_button.setToolTip(self.tr("Unlock a wallet kept in another folder"))
        self.open_other_button.clicked.connect(self.open_other)
        self.restore_button = QPushButton(self.tr("&Restore from recovery phrase…"))
        self.restore_button.setToolTip(
            self.tr("Bring your identity back from its 24 words, into a new folder")
        )
        self.restore_button.clicked.connect(self.restore)
        self.backup_button = QPushButton(self.tr("Restore a &backup…"))
        self.backup_button.setToolTip(
            self.tr("Bring back a whole wallet from a backup file, into a new folder")
        )
        self.backup_button.clicked.connect(self.restore_backup)
        self.retry_button = QPushButton(self.tr("&Try again"))
        self.retry_button.setToolTip(
            self.tr("Back to the passphrase (after putting a backup in place)")
        )
        self.retry_button.clicked.connect(lambda: self.prepare(self._home))
        for button in (self.open_other_button, self.backup_button, self.restore_button):
            button.setMinimumHeight(36)
            layout.addWidget(button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.retry_button)
        layout.addLayout(row)
        box.hide()
        return box

    @property
    def damaged(self) -> bool:
        return not self.damage_box.isHidden()

    def prepare(self, home: Path) -> None:
        """Show the screen for the wallet in `home`, empty and ready to type."""
        self._home = home
        self.title.setText(self.tr("Vouch is locked"))
        self.form_box.show()
        self.unlock_buttons.show()
        self.damage_box.hide()
        self.where.setText(self.tr("Wallet in {home}").format(home=home))
        self.passphrase.clear()
        self.show_passphrase.setChecked(False)
        self.message.clear_message()
        self._set_busy(False)
        # The OS method is asked whether it works only for a wallet that uses it.
        quick = self.session.os_unlock
        enrolled = quick is not None and quick.enrolled_id(home) is not None
        hook = self.session.usable_os_unlock() if enrolled else None
        show_os = hook is not None and hook.is_enabled(home)
        self.os_button.setVisible(show_os)
        if hook is not None:
            self.os_button.setText(
                self.tr("Unlock with {method_name}").format(method_name=hook.method_name)
            )
            self.os_button.setToolTip(
                self.tr("Ask {method_name} to open the wallet; your passphrase also works").format(
                    method_name=hook.method_name
                )
            )
        # Offered first when it is on: Space or Enter on the focused button asks the OS.
        (self.os_button if show_os else self.passphrase).setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.passphrase, self.unlock_button, self.other_button, self.os_button):
            widget.setEnabled(not busy)
        if not busy:
            self.passphrase.setFocus()

    def unlock(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase:
            self.message.error(self.tr("Type your passphrase."))
            return
        from vouch.wallet import Wallet  # here, on this thread, before the job needs it

        home = self._home
        quick = self.session.os_unlock
        self._start(
            lambda _job: open_checked(lambda: Wallet.open(home, passphrase, os_unlock=quick))
        )

    def unlock_with_os(self) -> None:
        hook = self.session.usable_os_unlock()
        if hook is None:
            return
        from vouch.wallet import Wallet  # here, on this thread, before the job needs it

        home = self._home
        self._start(lambda _job: open_checked(lambda: Wallet.open_with_os(home, hook)))

    def _start(self, fn: Callable[[worker.Job], Wallet]) -> None:
        self.message.clear_message()
        self._set_busy(True)
        self.job = worker.run(fn, on_success=self._done, on_failure=self._failed)
        self.unlock_started.emit()

    def _done(self, wallet: Wallet) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.unlocked.emit(wallet)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, DAMAGE_ERRORS):
            self.show_damaged(exc)
            return
        if isinstance(exc, VouchError):
            self.passphrase.selectAll()
        self.message.show_exception(exc)

    # -- a wallet that cannot be opened ----------------------------------------------------
    def show_damaged(self, exc: VouchError) -> None:
        """Say what is wrong and offer the ways on; the passphrase form goes away."""
        too_new = isinstance(exc, StoreTooNew)
        self.passphrase.clear()
        self.title.setText(
            self.tr("This wallet needs a newer Vouch")
            if too_new
            else self.tr("This wallet is damaged")
        )
        self.where.setText(self.tr("Wallet in {home}").format(home=self._home))
        self.form_box.hide()
        self.unlock_buttons.hide()
        self.damage_help.setText(self.tr(TOO_NEW_TEXT if too_new else DAMAGED_TEXT))
        self.damage_box.show()
        self.message.error(exc.message)
        self.restore_button.setFocus()

    def _choose_folder(self, title: str) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self, title, str(self._home.parent))
        return Path(folder) if folder else None

    def _is_damaged_home(self, path: Path) -> bool:
        return path.resolve() == self._home.resolve()

    def open_other(self) -> None:
        path = self._choose_folder(self.tr("Open a wallet folder"))
        if path is None:
            return
        if self._is_damaged_home(path):
            self.message.error(
                self.tr("That is the wallet that cannot be opened; choose another folder.")
            )
        elif not wallet_exists(path):
            self.message.error(self.tr("There is no Vouch wallet in {path}.").format(path=path))
        else:
            self.open_requested.emit(path)

    def restore(self) -> None:
        path = self._choose_folder(self.tr("Choose a new, empty folder for the restored wallet"))
        if path is None:
            return
        if self._is_damaged_home(path) or wallet_exists(path):
            self.message.error(
                self.tr(
                    "{path} already holds a wallet, which stays as it is. Choose an empty folder."
                ).format(path=path)
            )
            return
        self.restore_requested.emit(path)

    def restore_backup(self) -> None:
        """Restore a backup file into a new folder; the damaged wallet stays as it is."""
        from vouch.gui.dialogs.restore_backup import RestoreBackupDialog

        dialog = RestoreBackupDialog(self.session, None, self, keep_away=self._home)
        dialog.restored.connect(self._backup_restored)
        dialog.open()
        self.backup_dialog = dialog

    def _backup_restored(self, wallet: Wallet) -> None:
        Preferences().home = wallet.home
        self.message.clear_message()
        self.unlocked.emit(wallet)
