"""Pairing on first contact: both screens show six digits; the user says whether they match."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vouch.exchange.runtime import PairingRequest
from vouch.gui.icons import icon
from vouch.gui.pages.base import heading, muted
from vouch.gui.text import escaped


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
        self.setWindowTitle(self.tr("Compare the code"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        self.setMinimumWidth(480)
        layout.setSpacing(10)
        name = "<b>" + escaped(peer_name) + "</b>"
        who = (
            self.tr("{name} wants to exchange with you.")
            if incoming
            else self.tr("You reached {name}.")
        ).format(name=name)
        layout.addWidget(heading(self.tr("Is this the person you are with?")))
        layout.addWidget(
            muted(
                self.tr(
                    "{who} This is your first exchange with this wallet: look at the other "
                    "screen and check that it shows exactly the same six digits."
                ).format(who=who)
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
        self.code.setAccessibleName(self.tr("Code to compare"))
        self.code.setAccessibleDescription(spoken_code(sas))
        self.code.setStyleSheet("padding: 14px; border: 2px solid palette(mid); border-radius: 8px")
        layout.addWidget(self.code)
        detail = muted(
            self.tr(
                "Their identifier: {peer_did}\nIf the codes differ, someone may be "
                "between you: choose “They don't match” and nothing is exchanged."
            ).format(peer_did=peer_did)
        )
        detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(detail)
        buttons = QHBoxLayout()
        self.mismatch_button = QPushButton(self.tr("They &don't match"))
        self.mismatch_button.setToolTip(self.tr("The codes differ: refuse, nothing is exchanged"))
        self.mismatch_button.setAccessibleName(self.tr("They don't match"))
        self.mismatch_button.clicked.connect(self.reject)
        self.confirm_button = QPushButton(icon("verified"), self.tr("&Confirm, they match"))
        self.confirm_button.setToolTip(
            self.tr(
                "Both screens show the same code: exchange, and remember this wallet as verified"
            )
        )
        self.confirm_button.setAccessibleName(self.tr("Confirm, the codes match"))
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


class PairingQueue(QObject):
    """Asks about first contacts one at a time, each in its own `PairingDialog`.

    A question withdrawn by the runtime (answered elsewhere, timed out, the other side gone)
    leaves the queue, or closes its dialog if on screen. `declined` holds the wallets the user
    said no to, so that the outcome can say why nothing was exchanged.
    """

    def __init__(self, parent: QWidget, names: Callable[[str], str]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._names = names
        self._waiting: list[PairingRequest] = []
        self._current: PairingRequest | None = None
        self.dialog: PairingDialog | None = None
        self.declined: set[str] = set()

    def ask(self, request: PairingRequest) -> None:
        self._waiting.append(request)
        self._next()

    def withdraw(self, request: PairingRequest) -> None:
        if request in self._waiting:
            self._waiting.remove(request)
        elif request is self._current and self.dialog is not None:
            self.dialog.withdraw()

    def withdraw_all(self) -> None:
        """Decline every question still open and close the dialog (the wallet is locking)."""
        for request in self._waiting:
            request.answer(False)
        self._waiting.clear()
        current = self._current
        if self.dialog is not None:
            self.dialog.withdraw()
            if current is not None:
                current.answer(False)

    def _next(self) -> None:
        if self.dialog is not None or not self._waiting:
            return
        request = self._waiting.pop(0)
        name = self._names(request.peer_did)
        dialog = PairingDialog(name, request.peer_did, request.sas, request.incoming, self._parent)
        dialog.answered.connect(lambda ok, r=request: self._answer(r, ok))
        dialog.finished.connect(self._closed)
        self.dialog, self._current = dialog, request
        dialog.open()

    def _answer(self, request: PairingRequest, accepted: bool) -> None:
        if accepted:
            self.declined.discard(request.peer_did)
        else:
            self.declined.add(request.peer_did)
        request.answer(accepted)

    def _closed(self) -> None:
        dialog, self.dialog, self._current = self.dialog, None, None
        if dialog is not None:
            dialog.deleteLater()
        self._next()
