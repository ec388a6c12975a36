"""Endorse: say how much you rely on someone for a task, see exactly what will be signed."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QLocale, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vouch.core.records import Level
from vouch.errors import VouchError
from vouch.gui.dialogs.statement import CautionDialog
from vouch.gui.icons import icon
from vouch.gui.messages import InlineMessage
from vouch.gui.pages.base import Page, heading, muted
from vouch.gui.session import Session
from vouch.gui.widgets.person_picker import PersonPicker


def end_of_day(date: QDate) -> datetime:
    return datetime(date.year(), date.month(), date.day(), 23, 59, 59, tzinfo=UTC)


class EndorsePage(Page):
    title = "Endorse"
    icon_name = "endorse"
    key = "endorse"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Endorse someone"))
        layout.addWidget(
            muted(
                "Say how much you rely on a person for one kind of task. Only people who rely "
                "on you will take it into account, and you can revoke it at any time."
            )
        )
        form = QFormLayout()
        self.person = PersonPicker()
        form.addRow("&Person:", self.person)
        self.scope = QComboBox()
        self.scope.setEditable(True)
        self.scope.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.scope.setAccessibleName("Scope")
        self.scope.setToolTip("The task, e.g. plumbing or code-review/python (new scopes allowed)")
        edit = self.scope.lineEdit()
        assert edit is not None
        edit.setPlaceholderText("e.g. plumbing, or code-review/python")
        form.addRow("&For:", self.scope)
        self.level = QComboBox()
        self.level.setAccessibleName("Level")
        self.level.setToolTip("How much you rely on them for this")
        for level in Level:
            self.level.addItem(f"I rely on them {level.words}", int(level))
        self.level.setCurrentIndex(1)
        form.addRow("&Level:", self.level)
        self.comment = QLineEdit()
        self.comment.setAccessibleName("Comment")
        self.comment.setPlaceholderText("Optional, e.g. fixed our boiler twice")
        form.addRow("&Comment:", self.comment)
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.LongFormat))
        self.until.setAccessibleName("Valid until")
        self.until.setToolTip("The endorsement expires on this day (default: in a year)")
        form.addRow("&Until:", self.until)
        layout.addLayout(form)

        layout.addWidget(QLabel("What will be signed:"))
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Preview of the signed document")
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.preview, 1)
        self.message = InlineMessage()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.caution_button = QPushButton(icon("caution"), "Caution &about them…")
        self.caution_button.setToolTip(
            "Warn the people who rely on you, with a written reason (not an endorsement)"
        )
        self.caution_button.clicked.connect(self.caution)
        self.sign_button = QPushButton(icon("endorse"), "&Sign endorsement")
        self.sign_button.setToolTip("Sign and keep this endorsement")
        self.sign_button.clicked.connect(self.sign)
        buttons.addWidget(self.caution_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_button)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.update_preview)
        self.person.currentTextChanged.connect(self._changed)
        self.scope.currentTextChanged.connect(self._changed)
        self.level.currentIndexChanged.connect(self._changed)
        self.comment.textChanged.connect(self._changed)
        self.until.dateChanged.connect(self._changed)
        self.caution_dialog: CautionDialog | None = None
        self.reset_form()

    def reset_form(self) -> None:
        self.person.setEditText("")
        self.scope.setEditText("")
        self.comment.clear()
        self.level.setCurrentIndex(1)
        self.until.setDate(QDate.currentDate().addYears(1))
        self.until.setMinimumDate(QDate.currentDate().addDays(1))
        self.preview.clear()

    def refresh(self) -> None:
        wallet = self.session.wallet
        self.person.set_contacts(wallet.contacts())
        text = self.scope.currentText()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItems(wallet.scopes_in_use())
        self.scope.setEditText(text)
        self.scope.blockSignals(False)
        self.update_preview()

    def clear(self) -> None:
        self.person.clear()
        self.scope.clear()
        self.reset_form()
        self.message.clear_message()

    def set_subject(self, did: str) -> None:
        self.person.select_did(did)
        self.scope.setFocus()

    def _changed(self) -> None:
        self._timer.start()

    def _draft(self) -> tuple[str, str, Level, str, datetime] | str:
        """The fields ready to sign, or what is still missing."""
        did = self.person.did()
        scope = self.scope.currentText().strip()
        if did is None:
            return "Choose a contact or paste a did:key."
        if not scope:
            return "Say what the endorsement is for."
        level = Level(int(self.level.currentData()))
        return did, scope, level, self.comment.text().strip(), end_of_day(self.until.date())

    def update_preview(self) -> None:
        if not self.session.is_unlocked:
            return
        draft = self._draft()
        self.sign_button.setEnabled(not isinstance(draft, str))
        self.caution_button.setEnabled(self.person.did() is not None)
        if isinstance(draft, str):
            self.preview.setPlaceholderText(draft)
            self.preview.clear()
            return
        did, scope, level, comment, until = draft
        try:
            text = self.session.wallet.preview_endorsement(
                did, scope, level, comment=comment, valid_until=until
            )
        except VouchError as exc:
            self.preview.clear()
            self.sign_button.setEnabled(False)
            self.message.error(exc.message)
            return
        self.message.clear_message()
        self.preview.setPlainText(text)

    def sign(self) -> None:
        self._timer.stop()
        draft = self._draft()
        if isinstance(draft, str):
            self.message.error(draft)
            return
        did, scope, level, comment, until = draft
        wallet = self.session.wallet
        try:
            wallet.endorse(did, scope, level, comment=comment, valid_until=until)
        except VouchError as exc:
            self.message.error(exc.message)
            return
        name = wallet.display_name(did)
        self.reset_form()
        self.session.notify_changed()
        self.message.note(f"Signed: you rely on {name} {level.words} for {scope}.")

    def caution(self) -> None:
        did = self.person.did()
        if did is None:
            self.message.error("Choose a contact or paste a did:key first.")
            return
        self.caution_dialog = CautionDialog(
            self.session, did, self.scope.currentText().strip(), self
        )
        self.caution_dialog.accepted.connect(lambda: self.message.note("Your caution was signed."))
        self.caution_dialog.open()
