"""Export: choose statements, then save a .vouch file, copy as text, or show a QR code."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
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
from vouch.gui.flow_words import level_words_text
from vouch.gui.icons import icon
from vouch.gui.messages import InlineMessage
from vouch.gui.models import NameBook
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
        self.setWindowTitle(self.tr("Export endorsements"))
        self.resize(600, 520)
        wallet = session.wallet
        names = NameBook(wallet)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.person = QComboBox()
        self.person.setAccessibleName(self.tr("Tick everything I gave to"))
        self.person.setToolTip(self.tr("Tick everything you gave to one person"))
        self.person.addItem(self.tr("(nobody: I tick them below)"), None)
        for contact in wallet.contacts():
            self.person.addItem(contact.petname, contact.did)
        self.person.currentIndexChanged.connect(self._person_changed)
        form.addRow(self.tr("Tick all I gave &to:"), self.person)
        layout.addLayout(form)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Statements to export"))
        given = EndorsementFilter(direction=Direction.GIVEN)
        for item in wallet.endorsements(given, limit=LIST_LIMIT):
            row = QListWidgetItem(
                self.tr("{name}: {task}, {level}").format(
                    name=names(item.subject), task=item.scope, level=level_words_text(item)
                )
            )
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
        self.save_button = QPushButton(icon("save"), self.tr("&Save as file…"))
        self.save_button.setToolTip(self.tr("Save a .vouch file to send"))
        self.save_button.clicked.connect(self.save)
        self.copy_button = QPushButton(icon("copy"), self.tr("&Copy as text"))
        self.copy_button.setToolTip(
            self.tr("Copy the signed bundle as text, to paste in a message")
        )
        self.copy_button.clicked.connect(self.copy)
        self.qr_button = QPushButton(icon("qr"), self.tr("Show &QR code"))
        self.qr_button.setToolTip(
            self.tr("Show the bundle as a QR code to scan (small exports only)")
        )
        self.qr_button.clicked.connect(self.show_qr)
        close = QPushButton(self.tr("Close"))
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
            self.message.note(self.tr("%Ln statements ticked.", "", count))
        else:
            self.message.note(self.tr("Tick the statements to export."))

    def save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save endorsements"),
            "endorsements.vouch",
            self.tr("Vouch files (*.vouch)"),
        )
        if not path:
            return
        target = Path(path if path.endswith(".vouch") else path + ".vouch")
        try:
            count = self.session.wallet.export_to_file(target, self.chosen(), to=self._recipient())
        except VouchError as exc:
            self.message.error(exc.message)
            return
        self.message.success(self._saved_text(count, target))

    def _saved_text(self, count: int, target: Path) -> str:
        """What was saved: the statements ticked, and the revocations that travel with them
        (so that the other person also learns what was withdrawn)."""
        chosen = len(self.chosen())
        text = self.tr("Saved to {file}: %Ln statements", "", chosen).format(file=target)
        extra = count - chosen
        if extra > 0:
            text += self.tr(
                ", and %Ln revocations that travel with them so that the other person "
                "also learns what you withdrew",
                "",
                extra,
            )
        return text + "."

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
            self.message.note(self.tr("Copied. Paste it into a message to the person."))

    def show_qr(self) -> None:
        text = self._text()
        if text is None:
            return
        size = len(text.encode())
        if size > MAX_QR_BYTES:
            self.message.error(
                self.tr(
                    "Too much for one QR code ({size} bytes; one code holds about {limit}). "
                    "Save it as a file instead (the button is ready), or copy it as text, or "
                    "tick fewer statements."
                ).format(size=QLocale().toString(size), limit=QLocale().toString(MAX_QR_BYTES))
            )
            self.save_button.setFocus()
            return
        self.qr.set_text(text)
        self.qr.fit()
        self.qr.show()
        self.message.note(self.tr("Let the other person scan this code."))
