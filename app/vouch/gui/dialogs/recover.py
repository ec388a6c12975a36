"""First-run recovery with guardians: make a request, collect answers, rebuild the identity.

The request's line is shown as text (with Copy) and as a QR code, with its check words that
the person reads aloud to each guardian. Answers are added one file at a time; the count of
answers against the number needed comes from the owner-signed envelopes, before any
passphrase. Making the request and finishing derive keys with Argon2id: both run off-thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vouch.errors import NotFound, VouchError, WrongPassphrase
from vouch.gui import worker
from vouch.gui.messages import InlineMessage, busy_bar
from vouch.gui.pages.base import muted
from vouch.gui.widgets.qr import QrWidget
from vouch.wallet import (
    RecoveryStarted,
    Wallet,
    finish_recovery,
    pending_recovery,
    recovery_progress,
    start_recovery,
)

MAX_ANSWER_FILE_BYTES = 64 * 1024


class RecoverDialog(QDialog):
    recovered = Signal(object)  # the recovered Wallet, open

    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recover with guardians"))
        self.home = home
        self.job: worker.Job | None = None
        self.started: RecoveryStarted | None = None
        self.answers: list[bytes] = []
        self.wallet: Wallet | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._start_part())
        layout.addWidget(self._request_part())
        self.busy = busy_bar(self.tr("Working"))
        layout.addWidget(self.busy)
        self.message = InlineMessage()
        layout.addWidget(self.message)
        self.setMinimumWidth(560)
        try:
            self._show_request(pending_recovery(home))
        except NotFound:
            self._show_request(None)
        except VouchError as exc:
            self._show_request(None)
            self.message.error(exc.message)

    # -- parts ----------------------------------------------------------------------------------
    def _start_part(self) -> QWidget:
        self.start_box = QWidget()
        form = QFormLayout(self.start_box)
        self.did_edit = QLineEdit()
        self.did_edit.setAccessibleName(self.tr("Your did:key"))
        self.did_edit.setPlaceholderText("did:key:z6Mk…")
        form.addRow(self.tr("Your &did:key:"), self.did_edit)
        self.new_passphrase = QLineEdit()
        self.new_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_passphrase.setAccessibleName(self.tr("New passphrase"))
        form.addRow(self.tr("New &passphrase:"), self.new_passphrase)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        form.addRow(self.tr("&Repeat it:"), self.repeat)
        self.start_button = QPushButton(self.tr("&Make the request"))
        self.start_button.clicked.connect(self.start)
        form.addRow(self.start_button)
        return self.start_box

    def _request_part(self) -> QWidget:
        self.request_box = QWidget()
        layout = QVBoxLayout(self.request_box)
        layout.addWidget(
            muted(
                self.tr(
                    "Send this request to your guardians. Each must call you or meet you and "
                    "hear you read the check words below before answering."
                )
            )
        )
        self.line_view = QPlainTextEdit()
        self.line_view.setReadOnly(True)
        self.line_view.setAccessibleName(self.tr("Recovery request"))
        self.line_view.setMaximumHeight(90)
        layout.addWidget(self.line_view)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.clicked.connect(self.copy)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.words = QLabel()
        self.words.setAccessibleName(self.tr("Check words"))
        self.words.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout.addWidget(self.words)
        self.qr = QrWidget()
        layout.addWidget(self.qr)
        self.add_button = QPushButton(self.tr("&Add an answer…"))
        self.add_button.clicked.connect(lambda: self.add_answer())
        self.progress = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.progress, 1)
        layout.addLayout(row)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase given when the request was made"))
        form.addRow(self.tr("Pass&phrase:"), self.passphrase)
        layout.addLayout(form)
        self.finish_button = QPushButton(self.tr("&Finish"))
        self.finish_button.clicked.connect(self.finish)
        layout.addWidget(self.finish_button)
        return self.request_box

    def _show_request(self, started: RecoveryStarted | None) -> None:
        self.started = started
        self.start_box.setVisible(started is None)
        self.request_box.setVisible(started is not None)
        if started is not None:
            self.line_view.setPlainText(started.line)
            self.words.setText(started.check_words)
            self.qr.set_text(started.line)
        self._update_progress(0, 0)

    # -- actions --------------------------------------------------------------------------------
    def start(self) -> None:
        if self.job is not None:
            return
        did, passphrase = self.did_edit.text().strip(), self.new_passphrase.text()
        if passphrase != self.repeat.text():
            self.message.error(self.tr("The two passphrases differ."))
            return
        self._run(lambda _job: start_recovery(self.home, did, passphrase), self._started)

    def _started(self, started: RecoveryStarted) -> None:
        self._done()
        self.new_passphrase.clear()
        self.repeat.clear()
        self._show_request(started)

    def copy(self) -> None:
        if self.started is not None:
            QGuiApplication.clipboard().setText(self.started.line)

    def add_answer(self, path: Path | None = None) -> bool:
        if path is None:
            name, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("Choose an answer"),
                str(Path.home()),
                self.tr("Recovery answers (*.vouchanswer);;All files (*)"),
            )
            if not name:
                return False
            path = Path(name)
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_ANSWER_FILE_BYTES + 1)
            have, need = recovery_progress(self.home, [*self.answers, data])
        except OSError as exc:
            self.message.error(self.tr("Cannot read {file}.").format(file=path) + f" {exc}")
            return False
        except VouchError as exc:
            self.message.error(exc.message)
            return False
        self.message.clear_message()
        self.answers.append(data)
        self._update_progress(have, need)
        return True

    def _update_progress(self, have: int, need: int) -> None:
        if not self.answers:
            self.progress.setText(self.tr("No answers yet"))
        else:
            self.progress.setText(self.tr("{have} of {need} answers").format(have=have, need=need))
        self.finish_button.setEnabled(bool(self.answers) and have >= need)

    def finish(self) -> None:
        if self.job is not None:
            return
        answers, passphrase = list(self.answers), self.passphrase.text()
        self._run(lambda _job: finish_recovery(self.home, answers, passphrase), self._recovered)

    def _recovered(self, wallet: Wallet) -> None:
        self._done()
        self.passphrase.clear()
        self.wallet = wallet
        self.recovered.emit(wallet)
        self.accept()

    # -- running off-thread ---------------------------------------------------------------------
    def _run(self, fn: Callable[[worker.Job], Any], done: Callable[[Any], None]) -> None:
        self.message.clear_message()
        self._set_busy(True)
        self.job = worker.run(fn, on_success=done, on_failure=self._failed)

    def _done(self) -> None:
        self.job = None
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.start_box, self.request_box):
            widget.setEnabled(not busy)

    def _failed(self, exc: BaseException) -> None:
        self._done()
        if isinstance(exc, WrongPassphrase):
            self.passphrase.selectAll()
        self.message.show_exception(exc)

    def reject(self) -> None:
        if self.job is None:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None:
            event.ignore()
            return
        super().closeEvent(event)
