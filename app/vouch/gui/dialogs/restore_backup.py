"""Restoring a backup file into a folder that holds no wallet yet; the restore runs off-thread.

Used by the first-run screen and by the screen of a wallet that cannot be opened. Whatever goes
wrong (a wrong passphrase, a damaged or altered file, a folder that already holds a wallet), the
message says so under the form and no wallet is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vouch.errors import WrongPassphrase
from vouch.gui import worker
from vouch.gui.marks import QT_TRANSLATE_NOOP
from vouch.gui.messages import InlineMessage, busy_bar, enter_does
from vouch.gui.pages.base import muted
from vouch.gui.session import Session
from vouch.wallet import Wallet

WRONG_PASSPHRASE = QT_TRANSLATE_NOOP(
    "RestoreBackupDialog",
    "Wrong passphrase. Type the passphrase the wallet had when this backup was made.",
)


class RestoreBackupDialog(QDialog):
    restored = Signal(object)  # the restored Wallet, open

    def __init__(
        self,
        session: Session | None,
        folder: Path | None = None,
        parent: QWidget | None = None,
        *,
        keep_away: Path | None = None,
    ) -> None:
        """`folder` is offered as the place to restore into; `keep_away` is never used."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self._session = session
        self._keep_away = keep_away
        self.job: worker.Job | None = None
        self.wallet: Wallet | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted(
                self.tr(
                    "Choose a backup file and an empty folder for the wallet, then type the "
                    "passphrase the wallet had when the backup was made."
                )
            )
        )
        form = QFormLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setAccessibleName(self.tr("Backup file"))
        self.file_button = QPushButton(self.tr("Choose…"))
        self.file_button.setAccessibleName(self.tr("Choose the backup file"))
        self.file_button.clicked.connect(self.choose_file)
        form.addRow(self.tr("&Backup file:"), self._row(self.file_edit, self.file_button))
        self.folder_edit = QLineEdit(str(folder) if folder is not None else "")
        self.folder_edit.setAccessibleName(self.tr("Folder for the restored wallet"))
        self.folder_button = QPushButton(self.tr("Choose…"))
        self.folder_button.setAccessibleName(self.tr("Choose the folder for the restored wallet"))
        self.folder_button.clicked.connect(self.choose_folder)
        form.addRow(self.tr("Restore &into:"), self._row(self.folder_edit, self.folder_button))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase of the backup"))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        layout.addLayout(form)
        self.busy = busy_bar(self.tr("Restoring the backup"))
        layout.addWidget(self.busy)
        self.message = InlineMessage()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.restore_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText(self.tr("&Restore"))
        self.restore_button.clicked.connect(self.restore)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        enter_does(self, self.restore_button)
        self.setMinimumWidth(520)

    @staticmethod
    def _row(edit: QLineEdit, button: QPushButton) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        row.addWidget(button)
        box.setFocusProxy(edit)  # the row's label (and its mnemonic) leads to the field
        return box

    def choose_file(self) -> None:
        start = self.file_edit.text() or str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            start,
            self.tr("Vouch backups (*.vouchbackup);;All files (*)"),
        )
        if name:
            self.file_edit.setText(name)
            self.passphrase.setFocus()

    def choose_folder(self) -> None:
        start = self.folder_edit.text() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a new, empty folder for the restored wallet"), start
        )
        if folder:
            self.folder_edit.setText(folder)

    def _problem(self, file: Path, folder: Path, passphrase: str) -> str | None:
        if not self.file_edit.text().strip():
            return self.tr("Choose the backup file.")
        if not file.is_file():
            return self.tr("There is no file {file}.").format(file=file)
        if not self.folder_edit.text().strip():
            return self.tr("Choose a folder for the restored wallet.")
        if self._keep_away is not None and folder.resolve() == self._keep_away.resolve():
            return self.tr("That is the wallet that cannot be opened; choose a new, empty folder.")
        if Wallet.exists(folder):
            return self.tr(
                "{folder} already holds a wallet, which stays as it is. Choose an empty folder."
            ).format(folder=folder)
        if not passphrase:
            return self.tr("Type the passphrase the wallet had when this backup was made.")
        return None

    def restore(self) -> None:
        if self.job is not None:
            return
        file = Path(self.file_edit.text().strip()).expanduser()
        folder = Path(self.folder_edit.text().strip()).expanduser()
        passphrase = self.passphrase.text()
        problem = self._problem(file, folder, passphrase)
        if problem:
            self.message.error(problem)
            return
        self.message.clear_message()
        os_unlock = self._session.os_unlock if self._session is not None else None
        self._set_busy(True)
        self.job = worker.run(
            lambda _job: Wallet.restore_backup(file, folder, passphrase, os_unlock=os_unlock),
            on_success=self._restored,
            on_failure=self._failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (
            self.file_edit,
            self.file_button,
            self.folder_edit,
            self.folder_button,
            self.passphrase,
            self.buttons,
        ):
            widget.setEnabled(not busy)

    def _restored(self, wallet: Wallet) -> None:
        self.job = None
        self._set_busy(False)
        self.passphrase.clear()
        self.wallet = wallet
        self.restored.emit(wallet)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self._set_busy(False)
        if isinstance(exc, WrongPassphrase):
            self.message.error(self.tr(WRONG_PASSPHRASE))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        self.message.show_exception(exc)

    def reject(self) -> None:
        if self.job is None:  # a restore under way finishes first
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None:
            event.ignore()
            return
        super().closeEvent(event)
