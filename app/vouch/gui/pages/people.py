"""People: my contacts, what I said about each, and what others said about them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vouch.core.records import (
    MAX_PETNAME_CHARS,
    Contact,
    Direction,
    Endorsement,
    EndorsementFilter,
    Kind,
)
from vouch.errors import VouchError
from vouch.flows.contacts import safety_code_for
from vouch.gui import messages, worker
from vouch.gui.dialogs.contact import AddContactDialog
from vouch.gui.icons import icon
from vouch.gui.models import NameBook, level_text, now_utc
from vouch.gui.pages.base import Page, heading, muted
from vouch.gui.session import Session
from vouch.trust.results import TrustResult

STATEMENT_LIMIT = 200


def _statement_line(item: Endorsement, names: NameBook, who: bool) -> str:
    prefix = f"{names(item.issuer)}: " if who else ""
    if item.kind == Kind.CAUTION:
        text = f"{prefix}caution for {item.scope} — {item.reason}"
    else:
        text = f"{prefix}{item.scope}, {level_text(item)}"
        if item.comment:
            text += f" — {item.comment}"
    status = item.status(now_utc())
    return text if status.value == "valid" else f"{text} ({status.value})"


class PeoplePage(Page):
    title = "People"
    icon_name = "people"
    key = "people"
    endorse_requested = Signal(str)
    export_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.current_did = ""
        layout = QVBoxLayout(self)
        layout.addWidget(heading("People"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        llayout = QVBoxLayout(left)
        llayout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setAccessibleName("Contacts")
        self.list.currentItemChanged.connect(self._current_changed)
        self.add_button = QPushButton(icon("add"), "&Add contact…")
        self.add_button.setToolTip("Add someone from their did:key, pasted text or a file")
        self.add_button.clicked.connect(self.add_contact)
        llayout.addWidget(self.list, 1)
        llayout.addWidget(self.add_button)
        splitter.addWidget(left)

        self.details = QWidget()
        d = QVBoxLayout(self.details)
        form = QFormLayout()
        self.petname = QLineEdit()
        self.petname.setAccessibleName("Name")
        self.petname.setMaxLength(MAX_PETNAME_CHARS)
        self.petname.editingFinished.connect(self._save_petname)
        form.addRow("&Name:", self.petname)
        self.verified = QCheckBox("Verified in person (we compared safety codes)")
        self.verified.setAccessibleName("Verified in person")
        self.verified.toggled.connect(self._save_verified)
        form.addRow("", self.verified)
        self.did_label = QLineEdit()
        self.did_label.setReadOnly(True)
        self.did_label.setMinimumWidth(200)
        form.addRow("Identifier:", self.did_label)
        self.safety = QLabel()
        self.safety.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("Safety code:", self.safety)
        self.view_label = QLabel()
        self.view_label.setWordWrap(True)
        self.view_label.setAccessibleName("How I could rely on them")
        form.addRow("My view:", self.view_label)
        d.addLayout(form)
        d.addWidget(QLabel("<b>What I said about them</b>"))
        self.mine = QListWidget()
        self.mine.setAccessibleName("What I said about them")
        d.addWidget(self.mine, 1)
        d.addWidget(QLabel("<b>What others said about them</b>"))
        self.others = QListWidget()
        self.others.setAccessibleName("What others said about them")
        d.addWidget(self.others, 1)
        buttons = QHBoxLayout()
        self.endorse_button = QPushButton(icon("endorse"), "&Endorse…")
        self.endorse_button.setToolTip("Endorse this person")
        self.endorse_button.clicked.connect(lambda: self.endorse_requested.emit(self.current_did))
        self.export_button = QPushButton(icon("export"), "Send them what I &said…")
        self.export_button.setToolTip("Export everything I gave to this person")
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.current_did))
        self.remove_button = QPushButton(icon("revoke"), "&Remove")
        self.remove_button.setToolTip("Remove this contact (their endorsements stay)")
        self.remove_button.clicked.connect(self.remove_contact)
        buttons.addWidget(self.endorse_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        d.addLayout(buttons)
        self.empty = muted("Add the people you know, then endorse them for what they do well.")
        d.addWidget(self.empty)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([240, 560])
        layout.addWidget(splitter, 1)
        self.dialog: AddContactDialog | None = None
        self.why_job: worker.Job | None = None
        self._show_contact(None)

    def refresh(self) -> None:
        contacts = self.session.wallet.contacts()
        keep = self.current_did
        self.list.blockSignals(True)
        self.list.clear()
        for contact in sorted(contacts, key=lambda c: c.petname.lower()):
            item = QListWidgetItem(contact.petname)
            item.setIcon(icon("verified") if contact.verified else icon("blank"))
            if contact.verified:
                item.setToolTip(f"{contact.petname} (verified in person)")
            item.setData(Qt.ItemDataRole.UserRole, contact)
            self.list.addItem(item)
            if contact.did == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        else:
            self._current_changed(self.list.currentItem(), None)
        self.empty.setVisible(not contacts)

    def clear(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self._show_contact(None)

    def select(self, did: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole).did == did:
                self.list.setCurrentRow(row)

    def _current_changed(self, item: QListWidgetItem | None, _old: object) -> None:
        if not self.session.is_unlocked:
            item = None
        self._show_contact(item.data(Qt.ItemDataRole.UserRole) if item else None)

    def _show_contact(self, contact: Contact | None) -> None:
        self.current_did = contact.did if contact else ""
        for widget in (
            self.petname,
            self.verified,
            self.endorse_button,
            self.export_button,
            self.remove_button,
        ):
            widget.setEnabled(contact is not None)
        self.mine.clear()
        self.others.clear()
        self.view_label.clear()
        if contact is None:
            self.petname.clear()
            self.did_label.clear()
            self.safety.clear()
            return
        self.petname.setText(contact.petname)
        self.verified.blockSignals(True)
        self.verified.setChecked(contact.verified)
        self.verified.blockSignals(False)
        self.did_label.setText(contact.did)
        self.safety.setText(safety_code_for(contact.did))
        wallet = self.session.wallet
        names = NameBook(wallet)
        about = EndorsementFilter(person=contact.did)
        for item in wallet.endorsements(about, limit=STATEMENT_LIMIT):
            if item.subject != contact.did:
                continue
            if item.direction == Direction.GIVEN:
                self.mine.addItem(_statement_line(item, names, who=False))
            else:
                self.others.addItem(_statement_line(item, names, who=True))
        self._explain(contact.did, names)
        if not self.mine.count():
            self.mine.addItem("Nothing yet.")
        if not self.others.count():
            self.others.addItem("Nothing yet.")

    def _explain(self, did: str, names: NameBook) -> None:
        """How I could rely on them, per scope, computed off the GUI thread."""
        wallet = self.session.wallet
        self.view_label.setText("…")

        def show(results: list[TrustResult]) -> None:
            if did != self.current_did:
                return
            parts = [
                f"{r.scope}: {r.level.words if r.level else 'barely'}"
                + ("" if r.direct else " (through others)")
                for r in results
            ]
            self.view_label.setText("; ".join(parts) or "Nobody I rely on has endorsed them.")

        self.why_job = worker.run(
            lambda _job: wallet.why(did), on_success=show, on_failure=self._why_failed
        )

    def _why_failed(self, exc: BaseException) -> None:
        if self.session.is_unlocked:
            self.view_label.clear()
            messages.show_error(self, exc)

    def _save_petname(self) -> None:
        name = self.petname.text().strip()
        if not self.current_did or not name:
            return
        current = self.session.wallet.contact(self.current_did)
        if current is not None and current.petname == name:
            return
        self._update(petname=name)

    def _save_verified(self, on: bool) -> None:
        if self.current_did:
            self._update(verified=on)

    def _update(self, **changes: object) -> None:
        try:
            self.session.wallet.update_contact(self.current_did, **changes)  # type: ignore[arg-type]
        except VouchError as exc:
            messages.show_error(self, exc)
            return
        self.session.notify_changed()

    def add_contact(self) -> None:
        self.dialog = AddContactDialog(self.session, self)
        self.dialog.accepted.connect(self._added)
        self.dialog.open()

    def _added(self) -> None:
        if self.dialog is not None and self.dialog.contact is not None:
            self.current_did = self.dialog.contact.did
            self.refresh()

    def remove_contact(self) -> None:
        did = self.current_did
        if not did:
            return
        name = self.petname.text()
        if not messages.confirm(
            self,
            "Remove contact",
            f"Remove {name} from your contacts? Endorsements stay; only the name goes.",
            "Remove",
        ):
            return
        self.session.wallet.remove_contact(did)
        self.current_did = ""
        self.session.notify_changed()
