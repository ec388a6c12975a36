"""The main window's ways in and out for files: import (file, clipboard, drop, a share),
export and back up. A base of `MainWindow`, which provides the session and the dialogs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMessageBox

from vouch.gui import worker
from vouch.gui.session import Session

if TYPE_CHECKING:
    from vouch.wallet import BackupInfo

VOUCH_SUFFIX = ".vouch"


class FileWindow(QMainWindow):
    session: Session
    dialogs: list[QDialog]
    _pending_import: bytes | str | None

    # -- import / export ----------------------------------------------------------------
    def choose_import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import endorsements"),
            "",
            self.tr("Vouch files (*.vouch);;All files (*)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Import"),
                self.tr("Could not read {path}: {strerror}.").format(
                    path=path, strerror=exc.strerror
                ),
            )
            return
        self.import_data(data)

    def import_clipboard(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            QMessageBox.information(self, self.tr("Import"), self.tr("The clipboard is empty."))
            return
        self.import_data(text)

    def import_data(self, data: bytes | str) -> None:
        """Preview first (always), then import on confirmation; waits for unlock if locked."""
        if not self.session.is_unlocked:
            self._pending_import = data
            self.statusBar().showMessage(self.tr("Unlock the wallet to preview the import."))
            return
        from vouch.gui.dialogs.import_dialog import ImportDialog
        from vouch.wallet import looks_like_share

        raw = data.encode("utf-8") if isinstance(data, str) else data
        if looks_like_share(raw):
            self._keep_share(raw)
            return
        dialog = ImportDialog(self.session, data, self)
        self._keep(dialog)
        dialog.accepted.connect(lambda d=dialog: self._imported(d.result_text()))
        dialog.open()
        dialog.start()

    def _keep_share(self, data: bytes) -> None:
        """A recovery share someone handed to me: checked, kept, and said plainly."""
        from vouch.core.identity import short_did
        from vouch.errors import VouchError

        try:
            kept = self.session.wallet.import_share(data)
        except VouchError as exc:
            QMessageBox.warning(self, self.tr("Recovery share"), exc.message)
            return
        share = kept.share
        name = share.petname or short_did(share.owner)
        text = (
            self.tr("You already keep this recovery share for {name}.")
            if kept.already_held
            else self.tr(
                "You now keep a recovery share for {name} ({needed} needed to recover). Keep "
                "this wallet backed up: they may ask you for it one day."
            )
        ).format(name=name, needed=share.threshold)
        self.session.notify_changed()
        self._imported(text)

    def _imported(self, text: str) -> None:
        """A successful import is said where the user looks next, not left silent."""
        self.statusBar().showMessage(text, 30_000)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Import done"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        self._keep(box)
        box.open()
        self.import_note: QMessageBox | None = box

    def show_export(self, _checked: bool = False, person: str | None = None) -> None:
        if not self.session.is_unlocked:
            return
        from vouch.gui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(self.session, self, person=person)
        self._keep(dialog)
        dialog.open()

    def back_up(self, _checked: bool = False, path: Path | None = None) -> None:
        """Write a backup (asks where, unless `path` is given); off the GUI thread."""
        if not self.session.is_unlocked:
            return
        from vouch.wallet import new_backup_name

        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Back up the wallet"),
                str(Path.home() / new_backup_name()),
                self.tr("Vouch backups (*.vouchbackup);;All files (*)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        wallet, target = self.session.wallet, path
        self.statusBar().showMessage(self.tr("Backing up the wallet…"))
        self.backup_job = worker.run(
            lambda _job: wallet.backup(target),
            on_success=self._backed_up,
            on_failure=self._backup_failed,
        )

    def _backed_up(self, info: BackupInfo) -> None:
        self.statusBar().showMessage(
            self.tr("Backed up to {path}. It opens with the passphrase you use now.").format(
                path=info.path
            ),
            15_000,
        )

    def _backup_failed(self, exc: BaseException) -> None:
        from vouch.gui import messages

        self.statusBar().clearMessage()
        messages.show_error(self, exc, self.tr("Back up"))

    def _keep(self, dialog: QDialog) -> None:
        """Keep a modeless dialog alive while it is open; it is deleted once closed."""
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(u.toLocalFile().endswith(VOUCH_SUFFIX) for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.toLocalFile().endswith(VOUCH_SUFFIX):
                event.acceptProposedAction()
                self.import_file(Path(url.toLocalFile()))
                return
