"""Pick a contact by name, or paste someone's did:key."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from vouch.core.records import Contact
from vouch.flows.contacts import find_dids


class PersonPicker(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setAccessibleName(self.tr("Person"))
        self.setToolTip(self.tr("Choose a contact, or paste someone's did:key"))
        edit = self.lineEdit()
        assert edit is not None
        edit.setPlaceholderText(self.tr("A contact's name, or a did:key"))
        self.setMinimumContentsLength(24)

    def set_contacts(self, contacts: list[Contact]) -> None:
        text = self.currentText()
        self.blockSignals(True)
        self.clear()
        for contact in contacts:
            self.addItem(contact.petname, contact.did)
        self.setEditText(text)
        self.blockSignals(False)

    def select_did(self, did: str) -> None:
        index = self.findData(did)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(did)

    def did(self) -> str | None:
        """The chosen contact's did, or a did:key found in the typed text."""
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0:
            return str(self.itemData(index))
        found = find_dids(text)
        return found[0] if found else None
