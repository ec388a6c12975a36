"""The Exchange page's "Far away" part: invite with a code, enter a code, meet a contact again.

It only gathers what the person wants and shows what the exchange is waiting for (the code to
read out, with Copy and a countdown, or whom it waits for); the page runs the sync itself, with
the same progress and summary as a sync nearby.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vouch.exchange.runtime import FarMode, FarPlan, FarWaiting, WormholeServers, code_words
from vouch.gui import worker
from vouch.gui.exchange_words import countdown_text
from vouch.gui.pages.base import muted
from vouch.gui.session import Session

Servers = Callable[[], WormholeServers]


class CodeField(QLineEdit):
    """A wormhole code as typed, each word completed from the code word list as it is typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("e.g. 7-guitarist-revenge-crossbow"))
        self.setAccessibleName(self.tr("Code from the other person"))
        self._words = QStringListModel(self)
        self._completer = QCompleter(self._words, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setWidget(self)
        self._completer.activated.connect(self._complete_word)
        self.textEdited.connect(self._suggest)
        self._job: worker.Job | None = None

    def focusInEvent(self, event: object) -> None:  # type: ignore[override]
        super().focusInEvent(event)  # type: ignore[arg-type]
        if self._job is None:  # the word list loads once, off the GUI thread
            self._job = worker.run(lambda _job: code_words(), on_success=self._words.setStringList)

    def _suggest(self, text: str) -> None:
        word = text.rsplit("-", 1)[-1] if "-" in text else ""
        popup = self._completer.popup()
        if len(word) < 2:
            if popup is not None:
                popup.hide()
            return
        self._completer.setCompletionPrefix(word)
        self._completer.complete()

    def _complete_word(self, word: str) -> None:
        head = self.text().rsplit("-", 1)[0]
        self.setText(f"{head}-{word}")


class FarAwayBox(QGroupBox):
    requested = Signal(object)  # FarPlan
    cancel_requested = Signal()

    def __init__(self, session: Session, servers: Servers, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("FarAwayBox", "Far away"), parent)
        self.session = session
        self._servers = servers
        self._until = 0.0
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_countdown)
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted(
                self.tr(
                    "Sync with someone who is not here: one of you reads a code to the other "
                    "over the phone or a messenger. The code is the check; there are no digits "
                    "to compare."
                )
            )
        )
        layout.addLayout(self._build_choices())
        self.waiting = self._build_waiting()
        layout.addWidget(self.waiting)
        self.finish()

    def _build_choices(self) -> QGridLayout:
        grid = QGridLayout()
        self.invite_button = QPushButton(self.tr("&Invite with a code"))
        self.invite_button.setToolTip(self.tr("Get a code to read out to the other person"))
        self.invite_button.clicked.connect(self.invite)
        grid.addWidget(self.invite_button, 0, 0)
        self.code = CodeField()
        self.code.returnPressed.connect(self.join)
        self.code.textChanged.connect(self._update_buttons)
        grid.addWidget(self.code, 1, 0)
        self.join_button = QPushButton(self.tr("&Enter the code"))
        self.join_button.clicked.connect(self.join)
        grid.addWidget(self.join_button, 1, 1)
        self.contact = QComboBox()
        self.contact.setAccessibleName(self.tr("Contact to sync with again"))
        grid.addWidget(self.contact, 2, 0)
        self.meet_button = QPushButton(self.tr("Sync &again, no code"))
        self.meet_button.setToolTip(
            self.tr("Both of you choose this at about the same time: your wallets find each other")
        )
        self.meet_button.clicked.connect(self.meet)
        grid.addWidget(self.meet_button, 2, 1)
        grid.setColumnStretch(0, 1)
        return grid

    def _build_waiting(self) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        self.shown_code = QLabel()
        self.shown_code.setAccessibleName(self.tr("Code to read out"))
        self.shown_code.setTextFormat(Qt.TextFormat.PlainText)
        self.shown_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.shown_code.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.shown_code.setFont(font)
        v.addWidget(self.shown_code)
        row = QHBoxLayout()
        self.waiting_label = QLabel()
        self.waiting_label.setTextFormat(Qt.TextFormat.PlainText)
        self.waiting_label.setAccessibleName(self.tr("Waiting for the other person"))
        row.addWidget(self.waiting_label, 1)
        self.copy_button = QPushButton(self.tr("&Copy code"))
        self.copy_button.clicked.connect(self._copy)
        row.addWidget(self.copy_button)
        self.stop_button = QPushButton(self.tr("Stop &waiting"))
        self.stop_button.clicked.connect(self.cancel_requested.emit)
        row.addWidget(self.stop_button)
        v.addLayout(row)
        return box

    # -- what the person asks for --------------------------------------------------------------
    def refresh_contacts(self) -> None:
        self.contact.clear()
        if self.session.is_unlocked:
            for contact in self.session.wallet.contacts():
                self.contact.addItem(contact.petname, contact.did)
        self._update_buttons()

    def invite(self) -> None:
        self._request(FarPlan(FarMode.INVITE, self._servers()))

    def join(self) -> None:
        if self.code.text().strip():
            self._request(FarPlan(FarMode.JOIN, self._servers(), code=self.code.text()))

    def meet(self) -> None:
        did = self.contact.currentData()
        if isinstance(did, str):
            self._request(FarPlan(FarMode.MEET, self._servers(), peer_did=did))

    def _request(self, plan: FarPlan) -> None:
        self._set_choices_enabled(False)
        self.requested.emit(plan)

    # -- what the exchange says ----------------------------------------------------------------
    def show_waiting(self, waiting: FarWaiting, name: str = "") -> None:
        self._until = waiting.until
        if waiting.mode is FarMode.INVITE:
            self.shown_code.setText(waiting.code)
            self.shown_code.show()
            self.copy_button.show()
            self._what = self.tr("Read this code to the other person. Waiting for them…")
        else:
            self.shown_code.hide()
            self.copy_button.hide()
            who = name or self.tr("the other person")
            self._what = (
                self.tr("Waiting for {name}… ask them to choose Sync again with you.").format(
                    name=who
                )
                if waiting.mode is FarMode.MEET
                else self.tr("Connecting with the code…")
            )
        self.waiting.show()
        self._update_countdown()
        self._tick.start()

    def finish(self) -> None:
        """The far-away sync is over (or never started): offer the choices again."""
        self._tick.stop()
        self.waiting.hide()
        self._set_choices_enabled(True)

    def _update_countdown(self) -> None:
        left = self._until - time.monotonic()
        self.waiting_label.setText(
            self.tr("{what}  ({countdown_text} left)").format(
                what=self._what, countdown_text=countdown_text(left)
            )
        )

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.shown_code.text())

    def _set_choices_enabled(self, enabled: bool) -> None:
        self._choices_enabled = enabled
        self._update_buttons()

    def _update_buttons(self) -> None:
        enabled = getattr(self, "_choices_enabled", True)
        self.invite_button.setEnabled(enabled)
        self.code.setEnabled(enabled)
        self.join_button.setEnabled(enabled and bool(self.code.text().strip()))
        self.contact.setEnabled(enabled)
        self.meet_button.setEnabled(enabled and self.contact.count() > 0)
