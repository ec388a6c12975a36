"""Deliberate statements: a caution with its written reason, and a revocation with its reason."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from vouch.core.records import Endorsement, Kind
from vouch.gui import messages
from vouch.gui.messages import InlineMessage
from vouch.gui.session import Session

MIN_REASON = 10


def _end_of_day(date: QDate) -> datetime:
    return datetime(date.year(), date.month(), date.day(), 23, 59, 59, tzinfo=UTC)


class _ReasonDialog(QDialog):
    """A dialog whose OK stays disabled until a real reason is written."""

    def __init__(self, title: str, intro: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        self.layout_.addWidget(label)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(
            self.tr("At least {count} characters").format(count=MIN_REASON)
        )
        self.reason.textChanged.connect(self._update)
        self.message = InlineMessage()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._update()

    def finish_layout(self) -> None:
        self.form.addRow(self.tr("&Reason:"), self.reason)
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.buttons)
        messages.enter_does(self, self.ok)

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def _update(self) -> None:
        self.ok.setEnabled(len(self.reason_text()) >= MIN_REASON)

    def submit(self) -> None:
        try:
            self.act()
        except Exception as exc:  # a VouchError inline; anything else to the crash dialog
            self.message.show_exception(exc)
            return
        self.accept()

    def act(self) -> None:
        raise NotImplementedError


class CautionDialog(_ReasonDialog):
    """A caution is never a number: it carries a written reason and warns others."""

    def __init__(
        self, session: Session, subject: str, scope: str, parent: QWidget | None = None
    ) -> None:
        translate = QCoreApplication.translate
        super().__init__(
            translate("CautionDialog", "Caution about someone"),
            translate(
                "CautionDialog",
                "A caution tells the people who rely on you that you would not rely on this "
                "person for this task. It is signed and can travel like an endorsement. Say "
                "why, factually.",
            ),
            translate("CautionDialog", "&Sign caution"),
            parent,
        )
        self.session = session
        self.subject = subject
        self.who = QLabel(session.wallet.display_name(subject))
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(self.tr("About:"), self.who)
        self.scope = QLineEdit(scope)
        self.scope.setAccessibleName(self.tr("Task"))
        self.scope.textChanged.connect(self._update)
        self.form.addRow(self.tr("&Task:"), self.scope)
        self.until = QDateEdit(QDate.currentDate().addYears(1))
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.LongFormat))
        self.until.setAccessibleName(self.tr("Valid until"))
        self.form.addRow(self.tr("&Until:"), self.until)
        self.finish_layout()
        self.result_item: Endorsement | None = None

    def _update(self) -> None:
        super()._update()
        if hasattr(self, "scope"):
            self.ok.setEnabled(self.ok.isEnabled() and bool(self.scope.text().strip()))

    def act(self) -> None:
        self.result_item = self.session.wallet.caution(
            self.subject,
            self.scope.text().strip(),
            self.reason_text(),
            valid_until=_end_of_day(self.until.date()),
        )
        self.session.notify_changed()


class RevokeDialog(_ReasonDialog):
    def __init__(self, session: Session, item: Endorsement, parent: QWidget | None = None) -> None:
        translate = QCoreApplication.translate
        name = session.wallet.display_name(item.subject)
        if item.kind == Kind.CAUTION:
            title = translate("RevokeDialog", "Revoke caution")
            intro = translate(
                "RevokeDialog",
                "Revoking withdraws your caution about {name} for “{task}”. The revocation is "
                "signed and reaches the people who got the caution. It cannot be undone.",
            )
        else:
            title = translate("RevokeDialog", "Revoke endorsement")
            intro = translate(
                "RevokeDialog",
                "Revoking withdraws your endorsement of {name} for “{task}”. The revocation is "
                "signed and reaches the people who got the endorsement. It cannot be undone.",
            )
        super().__init__(
            title,
            intro.format(name=name, task=item.scope),
            translate("RevokeDialog", "Re&voke"),
            parent,
        )
        self.session = session
        self.item = item
        self.finish_layout()

    def submit(self) -> None:
        question = self.tr("Revoke it now? This cannot be undone.")
        if messages.confirm(self, self.windowTitle(), question, self.tr("Revoke")):
            super().submit()

    def act(self) -> None:
        self.session.wallet.revoke(self.item.id, self.reason_text())
        self.session.notify_changed()
