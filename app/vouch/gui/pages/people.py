"""People: my contacts, what I said about each, and what others said about them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
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

from vouch.core.identity import short_did
from vouch.core.records import (
    MAX_PETNAME_CHARS,
    Contact,
    Direction,
    Endorsement,
    EndorsementFilter,
    Kind,
    Status,
)
from vouch.errors import VouchError
from vouch.flows.contacts import safety_code_for
from vouch.gui import messages, worker
from vouch.gui.dialogs.contact import AddContactDialog
from vouch.gui.dialogs.help_recover import HelpRecoverDialog
from vouch.gui.flow_words import level_words, level_words_text, status_words
from vouch.gui.icons import icon
from vouch.gui.models import NameBook, now_utc
from vouch.gui.pages.base import Page, heading, muted
from vouch.gui.session import Session
from vouch.trust.results import TrustResult

STATEMENT_LIMIT = 200


def _statement_line(item: Endorsement, names: NameBook, who: bool) -> str:
    translate = QCoreApplication.translate
    if item.kind == Kind.CAUTION:
        text = translate("PeoplePage", "caution for {task} — {reason}").format(
            task=item.scope, reason=item.reason
        )
    else:
        text = translate("PeoplePage", "{task}, {level}").format(
            task=item.scope, level=level_words_text(item)
        )
        if item.comment:
            text += " — " + item.comment
    if who:
        text = translate("PeoplePage", "{name}: {statement}").format(
            name=names(item.issuer), statement=text
        )
    status = item.status(now_utc())
    if status == Status.VALID:
        return text
    return translate("PeoplePage", "{statement} ({status})").format(
        statement=text, status=status_words(status)
    )


class PeoplePage(Page):
    key = "people"
    endorse_requested = Signal(str)
    export_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.current_did = ""
        self.help_dialog: HelpRecoverDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("People")))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        llayout = QVBoxLayout(left)
        llayout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Contacts"))
        self.list.currentItemChanged.connect(self._current_changed)
        self.add_button = QPushButton(icon("add"), self.tr("&Add contact…"))
        self.add_button.setToolTip(self.tr("Add someone from their did:key, pasted text or a file"))
        self.add_button.clicked.connect(self.add_contact)
        llayout.addWidget(self.list, 1)
        llayout.addWidget(self.add_button)
        self.guarding = QLabel()
        self.guarding.setWordWrap(True)
        self.guarding.setTextFormat(Qt.TextFormat.PlainText)
        self.guarding.setAccessibleName(self.tr("Recovery shares I keep"))
        llayout.addWidget(self.guarding)
        self.help_recover_button = QPushButton(icon("key"), self.tr("Help re&cover…"))
        self.help_recover_button.setToolTip(
            self.tr("Answer a recovery request from someone whose share you keep")
        )
        self.help_recover_button.clicked.connect(self.help_recover)
        llayout.addWidget(self.help_recover_button)
        self.guarding.hide()  # shown by refresh() for a guardian
        self.help_recover_button.hide()
        splitter.addWidget(left)

        self.details = QWidget()
        d = QVBoxLayout(self.details)
        form = QFormLayout()
        self.petname = QLineEdit()
        self.petname.setAccessibleName(self.tr("Name"))
        self.petname.setMaxLength(MAX_PETNAME_CHARS)
        self.petname.editingFinished.connect(self._save_petname)
        form.addRow(self.tr("&Name:"), self.petname)
        self.verified = QCheckBox(self.tr("Verified in person (we compared safety codes)"))
        self.verified.setAccessibleName(self.tr("Verified in person"))
        self.verified.toggled.connect(self._save_verified)
        form.addRow("", self.verified)
        self.did_label = QLineEdit()
        self.did_label.setReadOnly(True)
        self.did_label.setMinimumWidth(200)
        form.addRow(self.tr("Identifier:"), self.did_label)
        self.safety = QLabel()
        self.safety.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Safety code:"), self.safety)
        self.view_label = QLabel()
        self.view_label.setWordWrap(True)
        self.view_label.setAccessibleName(self.tr("How I could rely on them"))
        form.addRow(self.tr("My view:"), self.view_label)
        d.addLayout(form)
        d.addWidget(QLabel(self.tr("<b>What I said about them</b>")))
        self.mine = QListWidget()
        self.mine.setAccessibleName(self.tr("What I said about them"))
        d.addWidget(self.mine, 1)
        d.addWidget(QLabel(self.tr("<b>What others said about them</b>")))
        self.others = QListWidget()
        self.others.setAccessibleName(self.tr("What others said about them"))
        d.addWidget(self.others, 1)
        buttons = QHBoxLayout()
        self.endorse_button = QPushButton(icon("endorse"), self.tr("&Endorse…"))
        self.endorse_button.setToolTip(self.tr("Endorse this person"))
        self.endorse_button.clicked.connect(lambda: self.endorse_requested.emit(self.current_did))
        self.export_button = QPushButton(icon("export"), self.tr("Send them what I &said…"))
        self.export_button.setToolTip(self.tr("Export everything I gave to this person"))
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.current_did))
        self.remove_button = QPushButton(icon("revoke"), self.tr("&Remove"))
        self.remove_button.setToolTip(self.tr("Remove this contact (their endorsements stay)"))
        self.remove_button.clicked.connect(self.remove_contact)
        buttons.addWidget(self.endorse_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        d.addLayout(buttons)
        self.empty = muted(
            self.tr("Add the people you know, then endorse them for what they do well.")
        )
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
                item.setToolTip(
                    self.tr("{petname} (verified in person)").format(petname=contact.petname)
                )
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
        self._show_guarding()

    def _show_guarding(self) -> None:
        """Whom I keep a recovery share for (the owners, never the other guardians)."""
        held = self.session.wallet.held_shares()
        owners = sorted({(h.petname or short_did(h.owner), h.threshold) for h in held})
        self.guarding.setText(
            self.tr("You keep a recovery share for: {people}.").format(
                people=", ".join(
                    self.tr("{name} ({needed} needed)").format(name=name, needed=needed)
                    for name, needed in owners
                )
            )
            if owners
            else ""
        )
        self.guarding.setVisible(bool(owners))
        self.help_recover_button.setVisible(bool(owners))

    def help_recover(self) -> None:
        dialog = HelpRecoverDialog(self.session.wallet, self)
        dialog.open()
        self.help_dialog = dialog

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
            self.mine.addItem(self.tr("Nothing yet."))
        if not self.others.count():
            self.others.addItem(self.tr("Nothing yet."))

    def _explain(self, did: str, names: NameBook) -> None:
        """How I could rely on them, per scope, computed off the GUI thread."""
        wallet = self.session.wallet
        self.view_label.setText("…")

        def show(results: list[TrustResult]) -> None:
            if did != self.current_did:
                return
            parts = [
                (
                    self.tr("{task}: {level}")
                    if r.direct
                    else self.tr("{task}: {level} (through others)")
                ).format(task=r.scope, level=level_words(r.level))
                for r in results
            ]
            self.view_label.setText(
                "; ".join(parts) or self.tr("Nobody I rely on has endorsed them.")
            )

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
            self.tr("Remove contact"),
            self.tr(
                "Remove {name} from your contacts? Endorsements stay; only the name goes."
            ).format(name=name),
            self.tr("Remove"),
        ):
            return
        self.session.wallet.remove_contact(did)
        self.current_did = ""
        self.session.notify_changed()
