"""Endorsements: given, received and others', filterable and sortable in the store, with the
signed document of each. The list reads only the rows on screen, so 100k stay responsive.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QItemSelection, QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vouch.core.records import Direction, Endorsement, EndorsementFilter, Kind, Level, Status
from vouch.errors import VouchError
from vouch.gui.dialogs.statement import RevokeDialog
from vouch.gui.flow_words import level_words, level_words_text, status_words
from vouch.gui.icons import icon
from vouch.gui.marks import QT_TRANSLATE_NOOP
from vouch.gui.models import COLUMNS, EndorsementModel, NameBook
from vouch.gui.pages.base import Page, heading
from vouch.gui.session import Session
from vouch.gui.text import escaped
from vouch.gui.widgets.document_view import DocumentView
from vouch.gui.widgets.statement_table import StatementTableModel, direction_words
from vouch.wallet import verify_document

ANY = QT_TRANSLATE_NOOP("EndorsementsPage", "Any")


def any_text() -> str:
    return QCoreApplication.translate("EndorsementsPage", ANY)


def _combo(name: str, tip: str, items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(tip)
    for text, data in items:
        combo.addItem(text, data)
    return combo


def _day(moment: datetime) -> str:
    """A date in the user's language and order, e.g. 28 Nov 2027."""
    local = moment.astimezone()
    return QLocale().toString(QDate(local.year, local.month, local.day), "d MMM yyyy")


def statement_summary(item: Endorsement, names: NameBook, status: Status) -> str:
    """The statement in plain words, as rich text (every part someone wrote is escaped):
    "You rely on Dana for plumbing, strongly, until 28 Nov 2027." """
    translate = QCoreApplication.translate
    mine, me = item.issuer == names.me, names.me

    def name(did: str) -> str:
        return escaped(translate("Statement", "you") if did == me else names(did))

    subject, scope = f"<b>{name(item.subject)}</b>", f"<b>{escaped(item.scope)}</b>"
    until = _day(item.valid_until)
    if item.kind == Kind.CAUTION:
        text = (
            translate(
                "Statement", "You caution about {subject} for {task}, until {until}: “{reason}”"
            )
            if mine
            else translate(
                "Statement",
                "{issuer} cautions about {subject} for {task}, until {until}: “{reason}”",
            )
        )
    else:
        text = (
            translate("Statement", "You rely on {subject} for {task}, {level}, until {until}.")
            if mine
            else translate(
                "Statement", "{issuer} relies on {subject} for {task}, {level}, until {until}."
            )
        )
    text = text.format(
        issuer=f"<b>{name(item.issuer)}</b>",
        subject=subject,
        task=scope,
        level=escaped(level_words_text(item)),
        until=until,
        reason=escaped(item.reason),
    )
    if item.comment:
        text += "<br>" + translate("Statement", "Comment: {comment}").format(
            comment=escaped(item.comment)
        )
    if item.revoked_at is not None:
        text += "<br>" + translate("Statement", "Revoked on {date}: {reason}").format(
            date=_day(item.revoked_at), reason=escaped(item.revocation_reason)
        )
    elif status == Status.EXPIRED:
        text += "<br>" + translate("Statement", "Expired.")
    return text


class EndorsementsPage(Page):
    key = "endorsements"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Endorsements")))
        bar = QGridLayout()
        self.direction = _combo(
            self.tr("Whose"),
            self.tr("Show only statements I made, about me, or by others"),
            [(any_text(), None)] + [(direction_words(d), d.value) for d in Direction],
        )
        self.person = _combo(
            self.tr("Person"),
            self.tr("Show only statements by or about this person"),
            [(any_text(), None)],
        )
        self.person.setMinimumContentsLength(12)
        # Hundreds of contacts: type part of a name and pick it from the completions.
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        person_completer = self.person.completer()
        assert person_completer is not None
        person_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        person_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        person_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        person_edit = self.person.lineEdit()
        assert person_edit is not None
        person_edit.setPlaceholderText(self.tr("Anyone: type a name"))
        self.scope = QComboBox()
        self.scope.setEditable(True)
        self.scope.setAccessibleName(self.tr("Task"))
        self.scope.setToolTip(self.tr("Show only this task and the tasks under it"))
        edit = self.scope.lineEdit()
        assert edit is not None
        edit.setPlaceholderText(self.tr("Any task"))
        self.level = _combo(
            self.tr("Level"),
            self.tr("Show only this level"),
            [(any_text(), None)]
            + [(level_words(lv), int(lv)) for lv in Level]
            + [(self.tr("caution"), Kind.CAUTION.value)],
        )
        self.status = _combo(
            self.tr("Status"),
            self.tr("Show only this status"),
            [(any_text(), None)] + [(status_words(s), s.value) for s in Status],
        )
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Search names, tasks, comments"))
        self.text.setAccessibleName(self.tr("Search"))
        self.text.setClearButtonEnabled(True)
        fields = (
            (self.tr("&Show:"), self.direction),
            (self.tr("&Person:"), self.person),
            (self.tr("Tas&k:"), self.scope),
            (self.tr("&Level:"), self.level),
            (self.tr("S&tatus:"), self.status),
            (self.tr("S&earch:"), self.text),
        )
        for index, (label, widget) in enumerate(fields):
            caption = QLabel(label)
            caption.setBuddy(widget)
            bar.addWidget(caption, index // 3, 2 * (index % 3))
            bar.addWidget(widget, index // 3, 2 * (index % 3) + 1)
        for column in (1, 3, 5):
            bar.setColumnStretch(column, 1)
        layout.addLayout(bar)

        self.model = EndorsementModel(self)
        self.table_model = StatementTableModel(self.model, self)
        self.view = QTableView()
        self.view.setModel(self.table_model)
        self.view.setAccessibleName(self.tr("Endorsements list"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)  # a click sorts in the store, at any size
        header.setSortIndicatorShown(True)
        # Names and tasks share the spare width; the short columns fit their contents, so
        # that "Valid until" shows whole and no horizontal scroll bar appears at the default
        # size.
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(48)
        header.setResizeContentsPrecision(0)  # fit to what is shown, not 1,000 rows per reset
        for column, (_title, key) in enumerate(COLUMNS):
            fit = key in ("direction", "level", "status", "valid_until")
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.ResizeToContents if fit else QHeaderView.ResizeMode.Stretch,
            )
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.selectionModel().selectionChanged.connect(self._selected)

        details = QWidget()
        dlayout = QVBoxLayout(details)
        dlayout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)  # our markup; their words escaped
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verification = QLabel()
        self.verification.setTextFormat(Qt.TextFormat.PlainText)
        self.verification.setAccessibleName(self.tr("Verification result"))
        self.document_view = DocumentView(self.tr("Signed document"))
        self.document = self.document_view.text
        self.revoke_button = QPushButton(icon("revoke"), self.tr("&Revoke…"))
        self.revoke_button.setToolTip(self.tr("Withdraw this statement, with a reason"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.revoke_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.verification, 1)
        row.addWidget(self.revoke_button)
        dlayout.addWidget(self.summary)
        dlayout.addLayout(row)
        self.document_view.place_in(dlayout)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setWordWrap(True)
        layout.addWidget(self.count_label)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filter)
        for combo in (self.direction, self.person, self.level, self.status):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.scope.currentTextChanged.connect(lambda _t: self._debounce.start())
        self.text.textChanged.connect(lambda _t: self._debounce.start())
        self.model.rowsInserted.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self.revoke_dialog: RevokeDialog | None = None

    # -- filling -------------------------------------------------------------------------
    def refresh(self) -> None:
        wallet = self.session.wallet
        current = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(any_text(), None)
        self.person.addItem(self.tr("Me"), wallet.did)
        for contact in wallet.contacts():
            self.person.addItem(contact.petname, contact.did)
        index = self.person.findData(current)
        self.person.setCurrentIndex(max(index, 0))
        self.person.blockSignals(False)
        scope_text = self.scope.currentText()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItems(["", *wallet.scopes_in_use()])
        self.scope.setEditText(scope_text)
        self.scope.blockSignals(False)
        self.apply_filter()

    def clear(self) -> None:
        self.model.set_source(None)
        self.person.clear()
        self.scope.clear()
        self._show_details(None)

    def current_filter(self) -> EndorsementFilter:
        """The filter shown. Combo data come back as plain values, so enums are rebuilt."""
        direction = self.direction.currentData()
        level_data = self.level.currentData()
        status = self.status.currentData()
        caution = level_data == Kind.CAUTION.value
        return EndorsementFilter(
            direction=Direction(direction) if direction else None,
            person=self.person.currentData(),
            scope=self.scope.currentText().strip() or None,
            level=Level(int(level_data)) if level_data and not caution else None,
            kind=Kind.CAUTION if caution else None,
            status=Status(status) if status else None,
            text=self.text.text().strip(),
        )

    def apply_filter(self) -> None:
        if not self.session.is_unlocked:
            return
        header = self.view.horizontalHeader()
        header.blockSignals(True)  # one query for the new filter, not a second one to re-sort
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # newest first by default
        header.blockSignals(False)
        self.model.clear_sort()
        self.model.set_source(self.session.wallet, self.current_filter())
        self._show_details(None)

    def _update_count(self) -> None:
        total = self.model.total
        if total == 0 and self.current_filter() == EndorsementFilter():
            self.count_label.setText(
                self.tr(
                    "No statements yet. Endorse someone on the Endorse page, exchange with "
                    "someone on the Exchange page, or import a file someone sent you "
                    "(File ▸ Import).",
                )
            )
        elif total == 0:
            self.count_label.setText(self.tr("Nothing matches these filters."))
        else:
            self.count_label.setText(self.tr("%Ln statements", "", total))

    # -- details -------------------------------------------------------------------------
    def selected(self) -> Endorsement | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.endorsement(rows[0].row()) if rows else None

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_details(self.selected())

    def _show_details(self, item: Endorsement | None) -> None:
        if item is None:
            self.summary.setText(self.tr("Select a statement to see the document that was signed."))
            self.verification.clear()
            self.document_view.clear()
            self.revoke_button.setEnabled(False)
            return
        self.summary.setText(self._summary(item))
        self.document_view.set_document(item.document)
        self.verification.setText(self._verify(item.document))
        status = self.model.status(item)
        self.revoke_button.setEnabled(
            item.direction == Direction.GIVEN and status != Status.REVOKED
        )

    def _summary(self, item: Endorsement) -> str:
        """The statement in words, as rich text: every part that someone wrote is escaped."""

        return statement_summary(item, self.model.names, self.model.status(item))

    def _verify(self, document: str) -> str:
        try:
            report = verify_document(document)
        except VouchError as exc:
            return self.tr("✗ Not valid: {reason}").format(reason=exc.message)
        if report.proof_valid and report.statement_valid:
            return self.tr(
                "✓ Signature verified: this document was signed by its issuer, unchanged."
            )
        return self.tr("✗ Not valid: {reason}").format(reason=report.reason)

    def revoke_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        self.revoke_dialog = RevokeDialog(self.session, item, self)
        self.revoke_dialog.open()
