"""Adding a contact from a did:key, pasted text or a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vouch.core.records import Contact
from vouch.errors import VouchError
from vouch.flows.contacts import find_dids, safety_code_for, suggest_petname
from vouch.gui.icons import icon
from vouch.gui.messages import InlineMessage, enter_does
from vouch.gui.session import Session

MAX_CARD_BYTES = 64 * 1024


class AddContactDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.contact: Contact | None = None
        self.setWindowTitle(self.tr("Add a contact"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Paste the person's identifier (did:key:z6Mk…), or take it from the clipboard or "
                "from a file they sent you. Give them a name only you will see."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.did = QLineEdit()
        self.did.setAccessibleName(self.tr("Identifier"))
        self.did.setPlaceholderText("did:key:z6Mk…")
        did_row = QHBoxLayout()
        did_row.addWidget(self.did, 1)
        self.paste_button = QPushButton(icon("paste"), self.tr("&Paste"))
        self.paste_button.setToolTip(self.tr("Take the identifier from the clipboard"))
        self.paste_button.clicked.connect(self.paste)
        self.file_button = QPushButton(icon("file"), self.tr("From &file…"))
        self.file_button.setToolTip(self.tr("Take the identifier from a file"))
        self.file_button.clicked.connect(self.from_file)
        did_row.addWidget(self.paste_button)
        did_row.addWidget(self.file_button)
        did_label = QLabel(self.tr("&Identifier:"))
        did_label.setBuddy(self.did)
        form.addRow(did_label, did_row)
        self.petname = QLineEdit()
        self.petname.setAccessibleName(self.tr("Name"))
        self.petname.setPlaceholderText(self.tr("e.g. Dana (plumber)"))
        form.addRow(self.tr("&Name:"), self.petname)
        self.verified = QCheckBox(self.tr("We met and compared safety codes in person"))
        self.verified.setAccessibleName(self.tr("Verified in person"))
        form.addRow("", self.verified)
        self.safety = QLabel()
        self.safety.setAccessibleName(self.tr("Their safety code"))
        self.did.textChanged.connect(self._did_changed)
        form.addRow(self.tr("Safety code:"), self.safety)
        layout.addLayout(form)
        self.message = InlineMessage()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Add"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        enter_does(self, self.ok)

    def _did_changed(self, text: str) -> None:
        found = find_dids(text)
        self.safety.setText(safety_code_for(found[0]) if found else "")
        if found:
            self.message.clear_message()  # an earlier "no identifier found" no longer holds

    def take_text(self, text: str) -> None:
        """Fill the form from any text that contains a did:key."""
        dids = find_dids(text)
        if not dids:
            self.message.error(self.tr("No did:key identifier found in that text."))
            return
        self.message.clear_message()
        self.did.setText(dids[0])
        name = suggest_petname(text)
        if name and not self.petname.text():
            self.petname.setText(name)
        self.petname.setFocus()

    def paste(self) -> None:
        self.take_text(QGuiApplication.clipboard().text())

    def from_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Identifier file"), "", self.tr("All files (*)")
        )
        if not path:
            return
        try:
            data = Path(path).read_bytes()[:MAX_CARD_BYTES]
        except OSError as exc:
            self.message.error(
                self.tr("Could not read the file: {strerror}.").format(strerror=exc.strerror)
            )
            return
        self.take_text(data.decode("utf-8", errors="replace"))

    def submit(self) -> None:
        found = find_dids(self.did.text())
        did = found[0] if found else self.did.text().strip()
        name = self.petname.text().strip()
        if not name:
            self.message.error(self.tr("Give this person a name."))
            return
        try:
            self.contact = self.session.wallet.add_contact(
                did, name, verified=self.verified.isChecked()
            )
        except VouchError as exc:
            self.message.error(exc.message)
            return
        self.session.notify_changed()
        self.accept()
