"""Export: choose statements, then save a .vouch file, copy as text, or show a QR code."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vouch.core.records import Direction, EndorsementFilter
from vouch.errors import VouchError
from vouch.gui.icons import icon
from vouch.gui.messages import InlineMessage
from vouch.gui.models import NameBook, level_text
from vouch.gui.session import Session
from vouch.gui.widgets.qr import MAX_QR_BYTES, QrWidget

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUBJECT_ROLE = Qt.ItemDataRole.UserRole + 2
LIST_LIMIT = 2_000


class ExportDialog(QDialog):
    def __init__(
        self, session: Session, parent: QWidget | None = None, person: str | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Export endorsements")
        self.resize(600, 520)
        wallet = session.wallet
        names = NameBook(wallet)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.person = QComboBox()
        self.person.setAccessibleName("Everything I gave to")
        self.person.setToolTip("Tick everything you gave to one person")
        self.person.addItem("Choose below", None)
        for contact in wallet.contacts():
            self.person.addItem(contact.petname, contact.did)
        self.person.currentIndexChanged.connect(self._person_changed)
        form.addRow("All I gave &to:", self.person)
        layout.addLayout(form)
        self.list = QListWidget()
        self.list.setAccessibleName("Statements to export")
        given = EndorsementFilter(direction=Direction.GIVEN)
        for item in wallet.endorsements(given, limit=LIST_LIMIT):
            row = QListWidgetItem(f"{names(item.subject)}: {item.scope}, {level_text(item)}")
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            row.setData(ID_ROLE, item.id)
            row.setData(SUBJECT_ROLE, item.subject)
            self.list.addItem(row)
        self.list.itemChanged.connect(lambda _i: self._update())
        layout.addWidget(self.list, 1)
        self.qr = QrWidget()
        self.qr.hide()
        layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        self.message = InlineMessage()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(icon("save"), "&Save as file…")
        self.save_button.setToolTip("Save a .vouch file to send")
        self.save_button.clicked.connect(self.save)
        self.copy_button = QPushButton(icon("copy"), "&Copy as text")
        self.copy_button.setToolTip("Copy the signed bundle as text, to paste in a message")
        self.copy_button.clicked.connect(self.copy)
        self.qr_button = QPushButton(icon("qr"), "Show &QR code")
        self.qr_button.setToolTip("Show the bundle as a QR code to scan (small exports only)")
        self.qr_button.clicked.connect(self.show_qr)
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        for button in (self.save_button, self.copy_button, self.qr_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        if person is not None:
            index = self.person.findData(person)
            if index >= 0:
                self.person.setCurrentIndex(index)
        self._update()

    def _person_changed(self) -> None:
        did = self.person.currentData()
        if did is None:
            return
        for row in range(self.list.count()):
            item = self.list.item(row)
            mine = item.data(SUBJECT_ROLE) == did
            item.setCheckState(Qt.CheckState.Checked if mine else Qt.CheckState.Unchecked)

    def chosen(self) -> list[str]:
        return [
            str(self.list.item(r).data(ID_ROLE))
            for r in range(self.list.count())
            if self.list.item(r).checkState() == Qt.CheckState.Checked
        ]

    def _recipient(self) -> str | None:
        did = self.person.currentData()
        if did is None:
            return None
        subjects = {
            self.list.item(r).data(SUBJECT_ROLE)
            for r in range(self.list.count())
            if self.list.item(r).checkState() == Qt.CheckState.Checked
        }
        return str(did) if subjects == {did} else None

    def _update(self) -> None:
        count = len(self.chosen())
        for button in (self.save_button, self.copy_button, self.qr_button):
            button.setEnabled(count > 0)
        self.qr.hide()
        if count:
            self.message.note(f"{count} chosen.")
        else:
            self.message.note("Tick the statements to export.")

    def save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save endorsements", "endorsements.vouch", "Vouch files (*.vouch)"
        )
        if not path:
            return
        target = Path(path if path.endswith(".vouch") else path + ".vouch")
        try:
            count = self.session.wallet.export_to_file(target, self.chosen(), to=self._recipient())
        except VouchError as exc:
            self.message.error(exc.message)
            return
        self.message.note(f"Saved {count} item(s) to {target}.")

    def _text(self) -> str | None:
        try:
            return self.session.wallet.export_text(self.chosen(), to=self._recipient())
        except VouchError as exc:
            self.message.error(exc.message)
            return None

    def copy(self) -> None:
        text = self._text()
        if text is not None:
            QGuiApplication.clipboard().setText(text)
            self.message.note("Copied. Paste it into a message to the person.")

    def show_qr(self) -> None:
        text = self._text()
        if text is None:
            return
        if len(text.encode()) > MAX_QR_BYTES:
            self.message.error("Too much for a QR code: save a file or copy as text instead.")
            return
        self.qr.set_text(text)
        self.qr.setFixedSize(300, 300)
        self.qr.show()
        self.message.note("Let the other person scan this code.")
