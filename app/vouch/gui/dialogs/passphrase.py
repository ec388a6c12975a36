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

from vouch.flows.passphrase import check_pair
from vouch.gui import worker
from vouch.gui.flow_words import flow_text
from vouch.gui.messages import InlineMessage, busy_bar, enter_does
from vouch.gui.session import Session
from vouch.gui.widgets.passphrase_fields import NewPassphraseFields, passphrase_problem


class RecoveryPhraseDialog(QDialog):
    """Re-prompts for the passphrase, then shows the 24 words."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Recovery phrase"))
        self.job: worker.Job | None = None
        layout = QVBoxLayout(self)
        self.prompt = QLabel(self.tr("Type your passphrase to see your recovery phrase."))
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        layout.addLayout(form)
        self.busy = busy_bar(self.tr("Checking the passphrase"))
        layout.addWidget(self.busy)
        self.message = InlineMessage()
        layout.addWidget(self.message)
        self.words = QGridLayout()
        layout.addLayout(self.words)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.show_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.show_button.setText(self.tr("&Show"))
        self.show_button.clicked.connect(self.reveal)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        enter_does(self, self.show_button)
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
        self.prompt.setText(
            self.tr("Keep these words private. Anyone who has them can act as you.")
        )
        for i, word in enumerate(phrase.split()):
            label = QLabel(self.tr("<b>{value:2d}.</b> {word}").format(value=i + 1, word=word))
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.words.addWidget(label, i % 8, i // 8)


class ChangePassphraseDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Change the passphrase"))
        self.setMinimumWidth(480)
        self.job: worker.Job | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Type the passphrase you use now, then the new one twice. Your recovery phrase "
                "does not change."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.old = QLineEdit()
        self.old.setEchoMode(QLineEdit.EchoMode.Password)
        self.old.setAccessibleName(self.tr("Current passphrase"))
        form.addRow(self.tr("C&urrent passphrase:"), self.old)
        layout.addLayout(form)
        self.fields = NewPassphraseFields(self.tr("&New passphrase:"), self.tr("&Again:"))
        self.new1, self.new2 = self.fields.first, self.fields.second
        self.strength = self.fields.label
        self.fields.show_box.toggled.connect(
            lambda on: self.old.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        self.fields.submitted.connect(self.submit)
        layout.addWidget(self.fields)
        # The labels of both forms line up: the same width for the captions.
        width = max(
            form.labelForField(self.old).sizeHint().width(),
            *(self.fields.form.labelForField(e).sizeHint().width() for e in (self.new1, self.new2)),
        )
        for label in (
            form.labelForField(self.old),
            self.fields.form.labelForField(self.new1),
            self.fields.form.labelForField(self.new2),
        ):
            label.setMinimumWidth(width)
        self.busy = busy_bar(self.tr("Changing the passphrase"))
        layout.addWidget(self.busy)
        self.message = InlineMessage()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("C&hange"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        enter_does(self, self.ok)

    def submit(self) -> None:
        if not self.old.text():
            self.message.error(self.tr("Type the passphrase you use now."))
            self.old.setFocus()
            return
        error = passphrase_problem(self.new1.text(), self.new2.text()) or check_pair(
            self.new1.text(), self.new2.text()
        )
        if error:
            self.message.error(flow_text(error))
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
