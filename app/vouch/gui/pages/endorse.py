"""Endorse: say how much you rely on someone for a task, see exactly what will be signed."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vouch.core.records import Level
from vouch.errors import VouchError
from vouch.gui.dialogs.statement import CautionDialog
from vouch.gui.flow_words import level_words
from vouch.gui.icons import icon
from vouch.gui.messages import InlineMessage
from vouch.gui.pages.base import Page, heading, muted
from vouch.gui.session import Session
from vouch.gui.text import escaped
from vouch.gui.widgets.document_view import DocumentView
from vouch.gui.widgets.person_picker import PersonPicker


def date_format() -> str:
    """The user's short date format, always with a four-digit year (typing "25" in a
    two-digit year field gave "000025")."""
    text = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return text if "yyyy" in text else text.replace("yy", "yyyy")


def end_of_day(date: QDate) -> datetime:
    return datetime(date.year(), date.month(), date.day(), 23, 59, 59, tzinfo=UTC)


class EndorsePage(Page):
    key = "endorse"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Endorse someone")))
        layout.addWidget(
            muted(
                self.tr(
                    "Say how much you rely on a person for one kind of task. Only people who rely "
                    "on you will take it into account, and you can revoke it at any time."
                )
            )
        )
        form = QFormLayout()
        self.person = PersonPicker()
        form.addRow(self.tr("&Person:"), self.person)
        self.scope = QComboBox()
        self.scope.setEditable(True)
        self.scope.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.scope.setAccessibleName(self.tr("Task"))
        self.scope.setToolTip(
            self.tr("The task, e.g. plumbing or code-review/python (new tasks allowed)")
        )
        edit = self.scope.lineEdit()
        assert edit is not None
        edit.setPlaceholderText(self.tr("e.g. plumbing, or code-review/python"))
        form.addRow(self.tr("&Task:"), self.scope)
        self.level = QComboBox()
        self.level.setAccessibleName(self.tr("Level"))
        self.level.setToolTip(self.tr("How much you rely on them for this"))
        for level in Level:
            self.level.addItem(
                self.tr("I rely on them {level}").format(level=level_words(level)), int(level)
            )
        self.level.setCurrentIndex(1)
        form.addRow(self.tr("&Level:"), self.level)
        self.comment = QLineEdit()
        self.comment.setAccessibleName(self.tr("Comment"))
        self.comment.setPlaceholderText(self.tr("Optional, e.g. fixed our boiler twice"))
        form.addRow(self.tr("&Comment:"), self.comment)
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat(date_format())
        self.until.setAccessibleName(self.tr("Valid until"))
        self.until.setToolTip(self.tr("The endorsement expires on this day (default: in a year)"))
        form.addRow(self.tr("&Until:"), self.until)
        layout.addLayout(form)

        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)  # our markup; their words escaped
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("What you will say"))
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.summary.setFont(font)
        layout.addWidget(self.summary)
        self.document_view = DocumentView(self.tr("Preview of the signed document"))
        self.preview = self.document_view.text
        self.message = InlineMessage()
        layout.addWidget(self.message)
        self.document_view.place_in(layout)
        buttons = QHBoxLayout()
        self.caution_button = QPushButton(icon("caution"), self.tr("Caution &about them…"))
        self.caution_button.setToolTip(
            self.tr("Warn the people who rely on you, with a written reason (not an endorsement)")
        )
        self.caution_button.clicked.connect(self.caution)
        self.sign_button = QPushButton(icon("endorse"), self.tr("&Sign endorsement"))
        self.sign_button.setToolTip(self.tr("Sign and keep this endorsement"))
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
        self.document_view.clear()
        self.summary.clear()

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
            return self.tr("Choose a contact or paste a did:key.")
        if not scope:
            return self.tr("Say what the endorsement is for.")
        if self.until.date() <= QDate.currentDate():
            return self.tr("Choose a day after today for “Until”: {date} has passed.").format(
                date=QLocale().toString(self.until.date(), QLocale.FormatType.ShortFormat)
            )
        level = Level(int(self.level.currentData()))
        return did, scope, level, self.comment.text().strip(), end_of_day(self.until.date())

    def update_preview(self) -> None:
        if not self.session.is_unlocked:
            return
        draft = self._draft()
        self.sign_button.setEnabled(not isinstance(draft, str))
        self.caution_button.setEnabled(self.person.did() is not None)
        if isinstance(draft, str):
            self.summary.setText(escaped(draft))
            self.document_view.clear()
            if "“Until”" in draft:
                self.message.error(draft)  # a past date is said at once, not reverted silently
            return
        did, scope, level, comment, until = draft
        try:
            text = self.session.wallet.preview_endorsement(
                did, scope, level, comment=comment, valid_until=until
            )
        except VouchError as exc:
            self.document_view.clear()
            self.summary.clear()
            self.sign_button.setEnabled(False)
            self.message.error(exc.message)
            return
        if self.message.is_error:
            self.message.clear_message()
        self.summary.setText(self._what_you_say(did, scope, level, until))
        self.document_view.set_document(text)

    def _what_you_say(self, did: str, scope: str, level: Level, until: datetime) -> str:
        """The statement in plain words, ahead of the document itself."""
        name = self.session.wallet.display_name(did)
        day = QLocale().toString(QDate(until.year, until.month, until.day), "d MMM yyyy")
        return self.tr(
            "You will say: <b>I rely on {name} for {task}, {level}, until {until}.</b>"
        ).format(name=escaped(name), task=escaped(scope), level=level_words(level), until=day)

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
        self.message.success(
            self.tr("Signed: you rely on {name} {level} for {task}.").format(
                name=name, level=level_words(level), task=scope
            )
        )
        self.person.setFocus()  # ready for the next one, not somewhere down the form

    def caution(self) -> None:
        did = self.person.did()
        if did is None:
            self.message.error(self.tr("Choose a contact or paste a did:key first."))
            return
        self.caution_dialog = CautionDialog(
            self.session, did, self.scope.currentText().strip(), self
        )
        self.caution_dialog.accepted.connect(
            lambda: self.message.note(self.tr("Your caution was signed."))
        )
        self.caution_dialog.open()
