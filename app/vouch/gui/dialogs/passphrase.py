"""Asking for the passphrase again before something sensitive, and showing the phrase."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vouch.flows.passphrase import assess, check_pair
from vouch.gui import worker
from vouch.gui.messages import InlineMessage, busy_bar
from vouch.gui.session import Session


class RecoveryPhraseDialog(QDialog):
    """Re-prompts for the passphrase, then shows the 24 words."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Recovery phrase")
        self.job: worker.Job | None = None
        layout = QVBoxLayout(self)
        self.prompt = QLabel("Type your passphrase to see your recovery phrase.")
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        form.addRow("&Passphrase:", self.passphrase)
        layout.addLayout(form)
        self.busy = busy_bar("Checking the passphrase")
        layout.addWidget(self.busy)
        self.message = InlineMessage()
        layout.addWidget(self.message)
        self.words = QGridLayout()
        layout.addLayout(self.words)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.show_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.show_button.setText("&Show")
        self.show_button.clicked.connect(self.reveal)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.phrase = ""

    def reveal(self) -> None:
        passphrase = self.passphrase.text()
        wallet = self.session.wallet
        self.busy.show()
        self.show_button.setEnabled(False)
        self.message.clear_message()
        self.job = worker.run(
            lambda _job: wallet.recovery_phrase(passphrase),
            on_success=self._show_words,
            on_failure=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.show_button.setEnabled(True)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        self.message.show_exception(exc)

    def _show_words(self, phrase: str) -> None:
        self.busy.hide()
        self.phrase = phrase
        self.passphrase.clear()
        self.passphrase.setEnabled(False)
        self.show_button.hide()
        self.prompt.setText("Keep these words private. Anyone who has them can act as you.")
        for i, word in enumerate(phrase.split()):
            label = QLabel(f"<b>{i + 1:2d}.</b> {word}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.words.addWidget(label, i % 8, i // 8)


class ChangePassphraseDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Change passphrase")
        self.job: worker.Job | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.old = QLineEdit()
        self.new1 = QLineEdit()
        self.new2 = QLineEdit()
        for edit, name, label in (
            (self.old, "Current passphrase", "&Current:"),
            (self.new1, "New passphrase", "&New:"),
            (self.new2, "Repeat new passphrase", "&Again:"),
        ):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(name)
            form.addRow(label, edit)
        layout.addLayout(form)
        self.strength = QLabel()
        self.new1.textChanged.connect(
            lambda t: self.strength.setText(f"{assess(t).label}. {assess(t).hint}" if t else "")
        )
        layout.addWidget(self.strength)
        self.busy = busy_bar("Changing the passphrase")
        layout.addWidget(self.busy)
        self.message = InlineMessage()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("C&hange")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def submit(self) -> None:
        error = check_pair(self.new1.text(), self.new2.text())
        if error:
            self.message.error(error)
            return
        old, new, wallet = self.old.text(), self.new1.text(), self.session.wallet
        self.busy.show()
        self.ok.setEnabled(False)

        def change(_job: worker.Job) -> None:
            wallet.change_passphrase(old, new)  # the wallet also forgets a stale OS-held key

        self.job = worker.run(
            change,
            on_success=lambda _r: self.accept(),
            on_failure=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.ok.setEnabled(True)
        self.message.show_exception(exc)
