"""The guardians panel: choose contacts, a threshold, hand out one share file each.

Shows the hand-outs already made and says plainly that a share cannot be taken back. Handing
out is quick (no key derivation), so it runs on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vouch.errors import VouchError
from vouch.gui.messages import InlineMessage
from vouch.gui.pages.base import muted
from vouch.wallet import HandOut, Wallet

DEFAULT_THRESHOLD = 3
MIN_THRESHOLD = 2
MAX_GUARDIANS = 16


class GuardiansPanel(QWidget):
    """Hand out shares of my identity to contacts, and list the hand-outs made."""

    handed_out = Signal(object)  # the HandOut just made

    def __init__(self, wallet: Wallet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._wallet = wallet
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted(
                self.tr(
                    "Choose people you trust who do not know each other. Each gets one share "
                    "of your identity; any number you choose of them can give it back to you "
                    "if you lose this device and your recovery phrase."
                )
            )
        )
        self.people = QListWidget()
        self.people.setMaximumHeight(150)  # the list scrolls; the page stays readable
        self.people.setAccessibleName(self.tr("Contacts who may be guardians"))
        self.people.itemChanged.connect(self._update)
        layout.addWidget(self.people)
        row = QHBoxLayout()
        self.threshold_label = QLabel(self.tr("Guardians &needed to recover:"))
        self.threshold = QSpinBox()
        self.threshold.setAccessibleName(self.tr("Guardians needed to recover"))
        self.threshold_label.setBuddy(self.threshold)
        row.addWidget(self.threshold_label)
        row.addWidget(self.threshold)
        self.count_label = QLabel()
        row.addWidget(self.count_label, 1)
        layout.addLayout(row)
        self.hand_out_button = QPushButton(self.tr("Hand o&ut shares…"))
        self.hand_out_button.clicked.connect(lambda: self.hand_out())
        layout.addWidget(self.hand_out_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.warning = muted(
            self.tr(
                "A share, once given, cannot be taken back: handing out new shares does not "
                "make earlier ones useless. If guardians may be compromised, make a new "
                "identity instead."
            )
        )
        layout.addWidget(self.warning)
        self.message = InlineMessage()
        layout.addWidget(self.message)
        self.splits = QListWidget()
        self.splits.setMaximumHeight(110)
        self.splits.setAccessibleName(self.tr("Shares handed out"))
        layout.addWidget(QLabel(self.tr("Shares handed out:")))
        layout.addWidget(self.splits)
        self.refresh()

    @property
    def wallet(self) -> Wallet:
        return self._wallet

    def refresh(self) -> None:
        self.people.blockSignals(True)
        self.people.clear()
        for contact in self._wallet.contacts():
            item = QListWidgetItem(contact.petname)
            item.setData(Qt.ItemDataRole.UserRole, contact.did)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self.people.blockSignals(False)
        self.splits.clear()
        for split in self._wallet.guardian_splits():
            names = ", ".join(self._wallet.display_name(d) for d in split.guardians)
            self.splits.addItem(
                self.tr("{when}: {k} of {n}: {names}").format(
                    when=split.created.astimezone().strftime("%Y-%m-%d %H:%M"),
                    k=split.threshold,
                    n=split.share_count,
                    names=names,
                )
            )
        self._update()

    def chosen(self) -> list[str]:
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.people.item(i) for i in range(self.people.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def check(self, dids: list[str]) -> None:
        """Tick these contacts (and untick the others)."""
        for i in range(self.people.count()):
            item = self.people.item(i)
            ticked = item.data(Qt.ItemDataRole.UserRole) in dids
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def _update(self, *_: object) -> None:
        count = len(self.chosen())
        self.threshold.setRange(MIN_THRESHOLD, max(MIN_THRESHOLD, count))
        self.threshold.setValue(min(DEFAULT_THRESHOLD, max(MIN_THRESHOLD, count)))
        self.count_label.setText(self.tr("of {n} chosen").format(n=count))
        self.hand_out_button.setEnabled(MIN_THRESHOLD <= count <= MAX_GUARDIANS)

    def hand_out(self, folder: Path | None = None) -> HandOut | None:
        """Ask for a folder (unless given), write one file per guardian there."""
        if folder is None:
            name = QFileDialog.getExistingDirectory(
                self, self.tr("Choose a folder for the share files")
            )
            if not name:
                return None
            folder = Path(name)
        try:
            made = self._wallet.hand_out_shares(self.chosen(), self.threshold.value(), folder)
        except VouchError as exc:
            self.message.error(exc.message)
            return None
        self.message.success(
            self.tr(
                "Wrote {n} share files to {folder}. Give each person their own file; it opens "
                "only in their wallet."
            ).format(n=len(made.files), folder=folder)
        )
        self.refresh()
        self.handed_out.emit(made)
        return made
