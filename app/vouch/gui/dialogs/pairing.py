"""Pairing on first contact: both screens show six digits; the user says whether they match."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vouch.gui.icons import icon
from vouch.gui.pages.base import heading, muted


def spoken_code(sas: str) -> str:
    """The code digit by digit, for screen readers ("1 2 3, 4 5 6")."""
    digits = [c for c in sas if c.isdigit()]
    return " ".join(digits[:3]) + ", " + " ".join(digits[3:])


class PairingDialog(QDialog):
    """Asks once; `answered(bool)` says what the user decided (closing it means no).

    `withdraw()` closes it without an answer, when the other side gave up or timed out.
    """

    answered = Signal(bool)

    def __init__(
        self, peer_name: str, peer_did: str, sas: str, incoming: bool, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.sas = sas
        self._withdrawn = False
        self.setWindowTitle("Compare the code")
        self.setModal(True)
        layout = QVBoxLayout(self)
        self.setMinimumWidth(480)
        layout.setSpacing(10)
        name = f"<b>{_escape(peer_name)}</b>"
        who = f"{name} wants to exchange with you." if incoming else f"You reached {name}."
        layout.addWidget(heading("Is this the person you are with?"))
        layout.addWidget(
            muted(
                f"{who} This is your first exchange with this wallet: look at the other "
                "screen and check that it shows exactly the same six digits."
            )
        )
        self.code = QLabel(sas)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 3.2)
        font.setWeight(QFont.Weight.Bold)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 4.0)
        self.code.setFont(font)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setAccessibleName("Code to compare")
        self.code.setAccessibleDescription(spoken_code(sas))
        self.code.setStyleSheet("padding: 14px; border: 2px solid palette(mid); border-radius: 8px")
        layout.addWidget(self.code)
        detail = muted(
            f"Their identifier: {peer_did}\nIf the codes differ, someone may be between you: "
            "choose “They don't match” and nothing is exchanged."
        )
        detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(detail)
        buttons = QHBoxLayout()
        self.mismatch_button = QPushButton("They &don't match")
        self.mismatch_button.setToolTip("The codes differ: refuse, nothing is exchanged")
        self.mismatch_button.setAccessibleName("They don't match")
        self.mismatch_button.clicked.connect(self.reject)
        self.confirm_button = QPushButton(icon("verified"), "&Confirm, they match")
        self.confirm_button.setToolTip(
            "Both screens show the same code: exchange, and remember this wallet as verified"
        )
        self.confirm_button.setAccessibleName("Confirm, the codes match")
        self.confirm_button.clicked.connect(self.accept)
        buttons.addStretch(1)
        buttons.addWidget(self.mismatch_button)
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)
        # Neither button answers Enter by reflex: the user has to choose one on purpose.
        for button in (self.mismatch_button, self.confirm_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.mismatch_button.setFocus()
        self.finished.connect(self._finished)

    def withdraw(self) -> None:
        """Close without answering (the question is no longer open)."""
        self._withdrawn = True
        self.reject()

    @property
    def withdrawn(self) -> bool:
        return self._withdrawn

    def _finished(self, result: int) -> None:
        if not self._withdrawn:
            self.answered.emit(result == QDialog.DialogCode.Accepted)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
