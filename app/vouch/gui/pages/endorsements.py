"""Endorsements: given, received and others', filterable and sortable in the store, with the
signed document of each. The list reads only the rows on screen, so 100k stay responsive.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vouch.core.records import Direction, Endorsement, EndorsementFilter, Kind, Level, Status
from vouch.errors import VouchError
from vouch.gui.dialogs.statement import RevokeDialog
from vouch.gui.icons import icon
from vouch.gui.models import DIRECTION_WORDS, EndorsementModel, date_text, level_text
from vouch.gui.pages.base import Page, heading
from vouch.gui.session import Session
from vouch.gui.text import escaped
from vouch.wallet import verify_document

ANY = "Any"


def _combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(f"Show only this {name.lower()}")
    for text, data in items:
        combo.addItem(text, data)
    return combo


class EndorsementsPage(Page):
    title = "Endorsements"
    icon_name = "endorsements"
    key = "endorsements"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Endorsements"))
        bar = QGridLayout()
        self.direction = _combo(
            "Direction",
            [(ANY, None)] + [(DIRECTION_WORDS[d], d.value) for d in Direction],
        )
        self.person = _combo("Person", [(ANY, None)])
        self.person.setMinimumContentsLength(12)
        self.scope = QComboBox()
        self.scope.setEditable(True)
        self.scope.setAccessibleName("Scope")
        self.scope.setToolTip("Show only this scope and the scopes under it")
        edit = self.scope.lineEdit()
        assert edit is not None
        edit.setPlaceholderText("Any scope")
        self.level = _combo(
            "Level",
            [(ANY, None)]
            + [(lv.words, int(lv)) for lv in Level]
            + [("caution", Kind.CAUTION.value)],
        )
        self.status = _combo("Status", [(ANY, None)] + [(s.value, s.value) for s in Status])
        self.text = QLineEdit()
        self.text.setPlaceholderText("Search names, scopes, comments")
        self.text.setAccessibleName("Search")
        self.text.setClearButtonEnabled(True)
        fields = (
            ("&Show:", self.direction),
            ("&Person:", self.person),
            ("S&cope:", self.scope),
            ("&Level:", self.level),
            ("S&tatus:", self.status),
            ("Searc&h:", self.text),
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
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Endorsements list")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)  # a click sorts in the store, at any size
        header.setSortIndicatorShown(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((90, 130, 130, 160, 130, 100)):
            self.view.setColumnWidth(column, width)
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
        self.verification.setAccessibleName("Verification result")
        self.document = QPlainTextEdit()
        self.document.setReadOnly(True)
        self.document.setAccessibleName("Signed document")
        self.document.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.revoke_button = QPushButton(icon("revoke"), "&Revoke…")
        self.revoke_button.setToolTip("Withdraw this statement, with a reason")
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.revoke_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.verification, 1)
        row.addWidget(self.revoke_button)
        dlayout.addWidget(self.summary)
        dlayout.addLayout(row)
        dlayout.addWidget(self.document)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
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
        self.person.addItem(ANY, None)
        self.person.addItem("me", wallet.did)
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
        self.count_label.setText(f"{total:,} {'statement' if total == 1 else 'statements'}")

    # -- details -------------------------------------------------------------------------
    def selected(self) -> Endorsement | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.endorsement(rows[0].row()) if rows else None

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_details(self.selected())

    def _show_details(self, item: Endorsement | None) -> None:
        if item is None:
            self.summary.setText("Select a statement to see the document that was signed.")
            self.verification.clear()
            self.document.clear()
            self.revoke_button.setEnabled(False)
            return
        self.summary.setText(self._summary(item))
        self.document.setPlainText(item.document)
        self.verification.setText(self._verify(item.document))
        status = self.model.status(item)
        self.revoke_button.setEnabled(
            item.direction == Direction.GIVEN and status != Status.REVOKED
        )

    def _summary(self, item: Endorsement) -> str:
        """The statement in words, as rich text: every part that someone wrote is escaped."""

        def name(did: str) -> str:
            return escaped(self.model.names(did))

        what = (
            f"cautions about {name(item.subject)}: “{escaped(item.reason)}”"
            if item.kind == Kind.CAUTION
            else f"relies on {name(item.subject)} {escaped(level_text(item))}"
        )
        text = f"<b>{name(item.issuer)}</b> {what} for <b>{escaped(item.scope)}</b>"
        text += f", from {date_text(item.valid_from)} until {date_text(item.valid_until)}."
        if item.comment:
            text += f"<br>Comment: {escaped(item.comment)}"
        if item.revoked_at is not None:
            reason = escaped(item.revocation_reason)
            text += f"<br>Revoked on {date_text(item.revoked_at)}: {reason}"
        return text

    @staticmethod
    def _verify(document: str) -> str:
        try:
            report = verify_document(document)
        except VouchError as exc:
            return f"✗ Not valid: {exc.message}"
        if report.proof_valid and report.statement_valid:
            return "✓ Signature verified: this document was signed by its issuer, unchanged."
        return f"✗ Not valid: {report.reason}"

    def revoke_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        self.revoke_dialog = RevokeDialog(self.session, item, self)
        self.revoke_dialog.open()
