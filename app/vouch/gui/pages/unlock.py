"""The locked screen: type the passphrase; Argon2 runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vouch.core.errors import VouchError
from vouch.gui import worker
from vouch.gui.icons import app_icon
from vouch.gui.messages import InlineMessage
from vouch.gui.os_unlock import os_unlock_hook
from vouch.gui.pages.base import heading
from vouch.wallet import Wallet


class UnlockPage(QWidget):
    unlocked = Signal(object)  # the open Wallet
    other_wallet_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._home = Path()
        self.job: worker.Job | None = None
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
        title = heading("Vouch is locked")
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(title)
        self.where = QLabel()
        self.where.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.where)

        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        self.passphrase.setPlaceholderText("Your passphrase")
        self.passphrase.returnPressed.connect(self.unlock)
        form.addRow("&Passphrase:", self.passphrase)
        layout.addLayout(form)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName("Unlocking")
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        layout.addWidget(self.busy)
        self.message = InlineMessage()
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.other_button = QPushButton("Use another wallet…")
        self.other_button.setToolTip("Open or create a wallet in another folder")
        self.other_button.clicked.connect(self.other_wallet_requested)
        self.os_button = QPushButton()
        self.os_button.clicked.connect(self.unlock_with_os)
        self.os_button.hide()
        self.unlock_button = QPushButton("&Unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.setToolTip("Open the wallet with your passphrase")
        self.unlock_button.clicked.connect(self.unlock)
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        buttons.addWidget(self.os_button)
        buttons.addWidget(self.unlock_button)
        layout.addLayout(buttons)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setTabOrder(self.passphrase, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.os_button)
        self.setTabOrder(self.os_button, self.other_button)

    def prepare(self, home: Path) -> None:
        """Show the screen for the wallet in `home`, empty and ready to type."""
        self._home = home
        self.where.setText(f"Wallet in {home}")
        self.passphrase.clear()
        self.message.clear_message()
        self._set_busy(False)
        hook = os_unlock_hook()
        show_os = hook is not None and hook.is_enabled(home)
        self.os_button.setVisible(show_os)
        if hook is not None:
            self.os_button.setText(f"Unlock with {hook.method_name}")
        self.passphrase.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.passphrase, self.unlock_button, self.other_button, self.os_button):
            widget.setEnabled(not busy)
        if not busy:
            self.passphrase.setFocus()

    def unlock(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase:
            self.message.error("Type your passphrase.")
            return
        home = self._home
        self._start(lambda _job: Wallet.open(home, passphrase))

    def unlock_with_os(self) -> None:
        hook = os_unlock_hook()
        if hook is None:
            return
        home = self._home
        self._start(lambda _job: hook.unlock(home))

    def _start(self, fn: Callable[[worker.Job], Wallet]) -> None:
        self.message.clear_message()
        self._set_busy(True)
        self.job = worker.run(fn, on_success=self._done, on_failure=self._failed)

    def _done(self, wallet: Wallet) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.unlocked.emit(wallet)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, VouchError):
            self.passphrase.selectAll()
        self.message.show_exception(exc)
