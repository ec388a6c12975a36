"""A guardian helps someone recover: paste their request, check with them, save the answer.

Anyone can make a request in someone's name, so the dialog says plainly to call or meet the
person and compare the check words before the answer can be saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vouch.errors import VouchError
from vouch.gui.messages import InlineMessage
from vouch.gui.pages.base import muted
from vouch.wallet import HelpRequest, Wallet


class HelpRecoverDialog(QDialog):
    def __init__(self, wallet: Wallet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Help someone recover"))
        self._wallet = wallet
        self.request: HelpRequest | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(muted(self.tr("Paste the request they sent you (vouch:recover:…).")))
        self.request_edit = QPlainTextEdit()
        self.request_edit.setAccessibleName(self.tr("Recovery request"))
        self.request_edit.textChanged.connect(self._read)
        layout.addWidget(self.request_edit)
        self.who = QLabel()
        self.who.setWordWrap(True)
        layout.addWidget(self.who)
        self.words = QLabel()
        self.words.setAccessibleName(self.tr("Check words"))
        self.words.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout.addWidget(self.words)
        layout.addWidget(
            muted(
                self.tr(
                    "Anyone can make a request in someone's name. Call them or meet them, and "
                    "ask them to read you the check words on their screen. Answer only if it "
                    "is really them and the words are the same."
                )
            )
        )
        self.confirmed = QCheckBox(self.tr("I &heard them read these words, by voice or in person"))
        self.confirmed.toggled.connect(self._update)
        layout.addWidget(self.confirmed)
        self.message = InlineMessage()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("&Save the answer…"))
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(lambda: self.save())
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._update()

    def _read(self) -> None:
        self.request = None
        self.confirmed.setChecked(False)
        self.who.clear()
        self.words.clear()
        self.message.clear_message()
        text = self.request_edit.toPlainText().strip()
        if text:
            try:
                self.request = self._wallet.read_recovery_request(text)
            except VouchError as exc:
                self.message.error(exc.message)
        if self.request is not None:
            name = self.request.petname or self.request.did
            self.who.setText(
                self.tr("{name} asks for help to recover their identity.").format(name=name)
            )
            self.words.setText(self.request.check_words)
        self._update()

    def _update(self, *_: object) -> None:
        self.confirmed.setEnabled(self.request is not None)
        self.save_button.setEnabled(self.request is not None and self.confirmed.isChecked())

    def save(self, path: Path | None = None) -> Path | None:
        if self.request is None or not self.confirmed.isChecked():
            return None
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the answer"),
                "answer.vouchanswer",
                self.tr("Recovery answers (*.vouchanswer);;All files (*)"),
            )
            if not name:
                return None
            path = Path(name)
        try:
            self._wallet.write_recovery_answer(self.request_edit.toPlainText(), path)
        except VouchError as exc:
            self.message.error(exc.message)
            return None
        self.message.success(
            self.tr("Saved. Send {file} to them; it opens only on the device that asked.").format(
                file=path.name
            )
        )
        return path
