"""Exchange: swap endorsements with someone nearby, over the local network or by address.

The page drives an `ExchangeEngine` (the network loop off the GUI thread). Visibility is off
until switched on and goes off by itself after a few minutes, when the page is left, and when
the wallet locks. A first contact is paired by comparing six digits on both screens.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vouch.errors import VouchError
from vouch.exchange.runtime import (
    Activity,
    ExchangeConfig,
    FailedAttempt,
    FarPlan,
    FarWaiting,
    Hidden,
    Listening,
    Outcome,
    PairingRequest,
    SyncPhase,
    SyncReport,
    SyncStatus,
    VisibleWallet,
    parse_address,
)
from vouch.gui.dialogs.pairing import PairingDialog, PairingQueue
from vouch.gui.exchange_engine import ExchangeEngine
from vouch.gui.exchange_words import (
    ATTEMPT_LINES,
    NO_WALLETS,
    countdown_text,
    phase_words,
    summary_text,
    words,
)
from vouch.gui.icons import icon
from vouch.gui.messages import InlineMessage
from vouch.gui.models import NameBook
from vouch.gui.pages.base import Page, heading, muted, scrolling_layout
from vouch.gui.preferences import Preferences
from vouch.gui.session import Session
from vouch.gui.text import escaped
from vouch.gui.widgets.far_away import FarAwayBox

CODE_PLACEHOLDER = "Met by code"  # the name a contact met by code has until given one
PAIRED_PLACEHOLDER = "Paired"  # … and one paired nearby: "Paired" and the did's end
ADDRESS_ROLE = Qt.ItemDataRole.UserRole + 1


class ExchangePage(Page):
    key = "exchange"

    def __init__(
        self, session: Session, parent: QWidget | None = None, config: ExchangeConfig | None = None
    ) -> None:
        super().__init__(session, parent)
        self.engine = ExchangeEngine(config, self)
        self.pairing = PairingQueue(self, self._name)
        self._active: dict[int, Activity] = {}
        self._attempts: list[str] = []
        self._attempted: set[int] = set()  # connections already told of as failed attempts
        self._deadline = 0.0
        self.name_dialog: QInputDialog | None = None  # "Who was that?" after a first exchange
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_countdown)

        # The page scrolls rather than make the window large: nearby and far away are tall.
        layout = scrolling_layout(self, self.tr("Exchange"))
        layout.addWidget(heading(self.tr("Exchange")))
        layout.addWidget(
            muted(
                self.tr(
                    "Swap endorsements with someone next to you (the first time, both screens show "
                    "the same six digits: compare them before you confirm), or with someone far "
                    "away through a code you read out to them."
                )
            )
        )
        layout.addWidget(self._build_visibility())
        layout.addWidget(self._build_nearby())
        self.far = FarAwayBox(session, lambda: Preferences().wormhole_servers)
        self.far.requested.connect(self._far)
        self.far.cancel_requested.connect(self.cancel)
        layout.addWidget(self.far)
        layout.addLayout(self._build_progress())
        self.attempts = muted("")
        self.attempts.setTextFormat(Qt.TextFormat.RichText)  # one line each; parts escaped
        self.attempts.setAccessibleName(self.tr("Failed pairing attempts"))
        self.attempts.hide()
        layout.addWidget(self.attempts)
        self.message = InlineMessage()
        layout.addWidget(self.message)
        layout.addWidget(self._build_summary())
        layout.addStretch(1)
        self._wire_engine()
        self._show_wallets([])
        self._set_busy(False)

    # -- construction --------------------------------------------------------------------------
    def _build_visibility(self) -> QGroupBox:
        box = QGroupBox(self.tr("Visibility"))
        v = QVBoxLayout(box)
        self.visible_toggle = QCheckBox(self.tr("Make this wallet &visible nearby"))
        self.visible_toggle.setAccessibleName(self.tr("Visible to nearby wallets"))
        self.visible_toggle.setToolTip(
            self.tr(
                "Announce this wallet on the local network and accept exchanges for a few minutes. "
                "Nothing announced says who you are."
            )
        )
        self.visible_toggle.toggled.connect(self._toggle_visible)
        v.addWidget(self.visible_toggle)
        row = QHBoxLayout()
        self.visibility_label = QLabel(self.tr(self.tr("Not visible.")))
        self.visibility_label.setWordWrap(True)
        self.visibility_label.setAccessibleName(self.tr("Visibility"))
        row.addWidget(self.visibility_label, 1)
        self.my_address = QLineEdit()
        self.my_address.setReadOnly(True)
        self.my_address.setAccessibleName(self.tr("My address"))
        self.my_address.setToolTip(self.tr("The other person can type this address to reach you"))
        self.my_address.setMinimumWidth(180)
        row.addWidget(self.my_address)
        self.copy_address = QPushButton(icon("copy"), self.tr("Copy"))
        self.copy_address.setToolTip(self.tr("Copy my address"))
        self.copy_address.setAccessibleName(self.tr("Copy my address"))
        self.copy_address.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.my_address.text())
        )
        row.addWidget(self.copy_address)
        v.addLayout(row)
        self._show_hidden(self.tr("Not visible."))
        return box

    def _build_nearby(self) -> QGroupBox:
        box = QGroupBox(self.tr("Nearby wallets"))
        v = QVBoxLayout(box)
        self.nearby = QListWidget()
        self.nearby.setAccessibleName(self.tr("Nearby wallets"))
        self.nearby.setToolTip(
            self.tr("Wallets made visible on this network; press Enter to exchange")
        )
        self.nearby.itemActivated.connect(lambda _item: self.sync_selected())
        self.nearby.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.nearby.setMinimumHeight(90)
        self.nearby.setMaximumHeight(140)
        v.addWidget(self.nearby)
        self.nearby_hint = muted(words(NO_WALLETS))
        v.addWidget(self.nearby_hint)
        row = QHBoxLayout()
        self.sync_button = QPushButton(icon("exchange"), self.tr("E&xchange with selected"))
        self.sync_button.setToolTip(self.tr("Connect to the selected wallet and exchange"))
        self.sync_button.clicked.connect(self.sync_selected)
        row.addWidget(self.sync_button)
        row.addStretch(1)
        v.addLayout(row)
        row = QHBoxLayout()
        caption = QLabel(self.tr("Connect by a&ddress:"))
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("host:port, e.g. 192.168.1.20:40123"))
        self.address.setMinimumWidth(170)
        self.address.setAccessibleName(self.tr("Address to connect to"))
        self.address.setToolTip(
            self.tr(
                "When the other wallet does not show up nearby, type the address its screen shows"
            )
        )
        self.address.returnPressed.connect(self.connect_address)
        self.address.textChanged.connect(lambda _t: self._update_buttons())
        caption.setBuddy(self.address)
        row.addWidget(caption)
        row.addWidget(self.address, 1)
        self.connect_button = QPushButton(self.tr("Co&nnect"))
        self.connect_button.setToolTip(self.tr("Connect to this address and exchange"))
        self.connect_button.clicked.connect(self.connect_address)
        row.addWidget(self.connect_button)
        v.addLayout(row)
        return box

    def _build_progress(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress_label = QLabel()
        self.progress_label.setAccessibleName(self.tr("Exchange progress"))
        row.addWidget(self.progress_label)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Exchange progress"))
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        row.addWidget(self.progress, 1)
        self.cancel_button = QPushButton(self.tr("Cance&l"))
        self.cancel_button.setToolTip(
            self.tr("Drop the connection; what was fully received is kept")
        )
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.cancel_button)
        return row

    def _build_summary(self) -> QGroupBox:
        box = QGroupBox(self.tr("Last exchange"))
        v = QVBoxLayout(box)
        self.summary = QLabel(self.tr("Nothing exchanged yet."))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Last exchange"))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.summary)
        self.reasons = QListWidget()
        self.reasons.setAccessibleName(self.tr("Why items were refused"))
        self.reasons.setMaximumHeight(80)
        self.reasons.hide()
        v.addWidget(self.reasons)
        return box

    def _wire_engine(self) -> None:
        e = self.engine
        e.listening.connect(self._on_listening)
        e.announced.connect(self._on_announced)
        e.hidden.connect(self._on_hidden)
        e.wallets_found.connect(self._show_wallets)
        e.activity.connect(self._on_activity)
        e.finished.connect(self._on_finished)
        e.pairing_requested.connect(self._on_pairing_requested)
        e.pairing_withdrawn.connect(self.pairing.withdraw)
        e.attempt_failed.connect(self._on_attempt_failed)
        e.problem.connect(self.message.error)
        e.far_waiting.connect(self._on_far_waiting)
        e.crashed.connect(self.message.show_exception)

    # -- page life -----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.session.is_unlocked:
            self.engine.activate(self.session.wallet)
            self.far.refresh_contacts()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():  # another page (or the lock screen), not a minimised window
            self._show_hidden(self.tr("Not visible."))
            self.engine.deactivate()

    def stop(self) -> None:
        """Stop serving, browsing and syncing now (the wallet is about to lock)."""
        self.engine.shutdown()
        self.pairing.withdraw_all()
        self._show_hidden(self.tr("Not visible."))
        self._active.clear()
        self._set_busy(False)

    def clear(self) -> None:
        self.stop()
        self._show_wallets([])
        self.message.clear_message()
        self.summary.setText(self.tr("Nothing exchanged yet."))
        self.reasons.clear()
        self.reasons.hide()
        self.address.clear()
        self.pairing.declined.clear()
        self._attempts.clear()
        self._attempted.clear()
        self.attempts.clear()
        self.attempts.hide()

    # -- visibility ----------------------------------------------------------------------------
    def _toggle_visible(self, on: bool) -> None:
        if on:
            if not self.session.is_unlocked:
                self._show_hidden(self.tr("Not visible."))
                return
            if not self.engine.running:
                self.engine.activate(self.session.wallet)
            self.message.clear_message()
            self.visibility_label.setText(self.tr("Becoming visible…"))
            self.engine.set_visible(True)
        else:
            self.engine.set_visible(False)
            self._show_hidden(self.tr("Not visible."))

    def _on_listening(self, listening: Listening) -> None:
        if not self.visible_toggle.isChecked():
            self.engine.set_visible(False)  # switched off while it was starting
            return
        self._deadline = listening.until
        self.my_address.setText(", ".join(listening.endpoints))
        self.my_address.setEnabled(True)
        self.copy_address.setEnabled(True)
        self._tick.start()
        self._update_countdown()

    def _on_announced(self, instance: str) -> None:
        self.visible_toggle.setToolTip(
            self.tr("Announced nearby as {instance}").format(instance=instance)
        )

    def _on_hidden(self, reason: Hidden) -> None:
        was_on = self.visible_toggle.isChecked()
        self._show_hidden(self.tr("Not visible."))
        if reason is Hidden.TIMEOUT and was_on:
            minutes = max(1, round(self.engine.config.visible_seconds / 60))
            self.visibility_label.setText(
                self.tr("Visibility turned itself off after %n minutes.", "", minutes)
            )

    def _show_hidden(self, text: str) -> None:
        self._tick.stop()
        self.visible_toggle.blockSignals(True)
        self.visible_toggle.setChecked(False)
        self.visible_toggle.blockSignals(False)
        self.visibility_label.setText(text)
        self.my_address.clear()
        self.my_address.setEnabled(False)
        self.copy_address.setEnabled(False)

    def _update_countdown(self) -> None:
        left = self._deadline - time.monotonic()
        self.visibility_label.setText(
            self.tr(
                "Visible. Others can connect to the address shown. Turns off in {countdown_text}."
            ).format(countdown_text=countdown_text(left))
        )

    # -- nearby wallets and connecting ---------------------------------------------------------
    def _show_wallets(self, wallets: list[VisibleWallet]) -> None:
        current = self.nearby.currentItem()
        chosen = current.data(ADDRESS_ROLE) if current is not None else None
        self.nearby.clear()
        for wallet in wallets:
            item = QListWidgetItem(icon("people"), f"{wallet.name}    {wallet.host}:{wallet.port}")
            item.setData(ADDRESS_ROLE, (wallet.host, wallet.port))
            item.setToolTip(
                self.tr("{name} at {host}:{port}").format(
                    name=wallet.name, host=wallet.host, port=wallet.port
                )
            )
            self.nearby.addItem(item)
            if (wallet.host, wallet.port) == chosen:
                self.nearby.setCurrentItem(item)
        self.nearby_hint.setVisible(not wallets)
        self._update_buttons()

    def sync_selected(self) -> None:
        item = self.nearby.currentItem()
        if item is None:
            self.message.error(self.tr("Choose a wallet in the list first."))
            return
        host, port = item.data(ADDRESS_ROLE)
        self._connect(host, int(port))

    def connect_address(self) -> None:
        try:
            host, port = parse_address(self.address.text())
        except VouchError as exc:
            self.message.error(exc.message)
            self.address.setFocus()
            return
        self._connect(host, port)

    def _connect(self, host: str, port: int) -> None:
        if not self.session.is_unlocked or self._outgoing_active():
            return
        if not self.engine.running:
            self.engine.activate(self.session.wallet)
        self.message.clear_message()
        self._active[-1] = Activity(-1, False, SyncStatus(SyncPhase.CONNECTING))
        self._show_progress(self._active[-1])
        self.engine.connect_to(host, port)

    def _far(self, plan: FarPlan) -> None:
        if not self.session.is_unlocked or self._outgoing_active():
            self.far.finish()
            return
        if not self.engine.running:
            self.engine.activate(self.session.wallet)
        self.message.clear_message()
        self._active[-1] = Activity(-1, False, SyncStatus(SyncPhase.CONNECTING))
        self._show_progress(self._active[-1])
        self.progress_label.setText(self.tr("Reaching the mailbox server…"))
        self.engine.sync_far(plan)

    def _on_far_waiting(self, waiting: FarWaiting) -> None:
        name = self._name(waiting.peer_did) if waiting.peer_did else ""
        self.far.show_waiting(waiting, name)
        self.progress_label.setText(self.tr("Waiting for the other person…"))

    def cancel(self) -> None:
        self.engine.cancel()
        self.progress_label.setText(self.tr("Cancelling…"))
        self.cancel_button.setEnabled(False)

    # -- progress and results ------------------------------------------------------------------
    def _outgoing_active(self) -> bool:
        return any(not a.incoming for a in self._active.values())

    def _on_activity(self, activity: Activity) -> None:
        if activity.status.phase in (SyncPhase.DONE, SyncPhase.FAILED):
            return
        if not activity.incoming:
            self._active.pop(-1, None)  # the placeholder shown while connecting
        if activity.connection not in self._active:
            self.message.clear_message()  # a new exchange: an old error no longer applies
        self._active[activity.connection] = activity
        self._show_progress(activity)

    def _show_progress(self, activity: Activity) -> None:
        status = activity.status
        self._set_busy(True)
        expected = status.items_expected
        if status.phase is SyncPhase.TRANSFERRING and expected:
            self.progress.setRange(0, expected)
            self.progress.setValue(min(status.items_received, expected))
            text = self.tr("Receiving {received} of {expected}; sent {sent}").format(
                received=status.items_received, expected=expected, sent=status.items_sent
            )
        elif status.phase is SyncPhase.TRANSFERRING:
            self.progress.setRange(0, 0)
            text = self.tr("Sending: {sent} sent").format(sent=status.items_sent)
        else:
            self.progress.setRange(0, 0)
            text = phase_words(status.phase)
        self.progress_label.setText(text)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self._update_buttons()

    def _update_buttons(self) -> None:
        free = not self._outgoing_active()
        self.sync_button.setEnabled(free and self.nearby.currentItem() is not None)
        self.connect_button.setEnabled(free and bool(self.address.text().strip()))

    def _on_finished(self, outcome: Outcome) -> None:
        self._active.pop(outcome.connection, None)
        if not outcome.incoming:
            self._active.pop(-1, None)
            self.far.finish()
        if self._active:
            self._show_progress(next(iter(self._active.values())))
        else:
            self._set_busy(False)
        if outcome.report is not None:
            self._show_report(outcome.report, outcome.incoming)
        elif outcome.cancelled:
            self.message.note(
                self.tr(
                    "Exchange cancelled. Whatever had fully arrived is kept; exchange again for "
                    "the rest."
                )
            )
        elif outcome.peer_did is not None and outcome.peer_did in self.pairing.declined:
            self.message.error(
                self.tr("Not paired: the codes did not match. Nothing was exchanged.")
            )
        elif outcome.connection in self._attempted:
            self._attempted.discard(outcome.connection)  # already in the failed attempts
        elif outcome.error:
            self.message.error(outcome.error)

    def _show_report(self, report: SyncReport, incoming: bool) -> None:
        if not self.session.is_unlocked:
            return
        name = NameBook(self.session.wallet)(report.peer_did)
        self.summary.setText(summary_text(report, name, incoming))
        self.reasons.clear()
        self.reasons.addItems(list(report.received.reasons))
        self.reasons.setVisible(bool(report.received.reasons))
        self.message.clear_message()
        self._ask_name(report.peer_did)
        self.session.notify_changed()

    def _ask_name(self, did: str) -> None:
        """A person just met (by a shared code, or paired nearby by comparing digits) is asked
        for a name: until then they have only a placeholder such as "Paired SRpfUv"."""
        contact = self.session.wallet.contact(did)
        if contact is None:
            return
        if contact.petname.startswith(CODE_PLACEHOLDER):
            question = self.tr(
                "You exchanged with someone through a code you shared. A name for them:"
            )
        elif contact.petname == f"{PAIRED_PLACEHOLDER} {did[-6:]}":
            question = self.tr(
                "You compared codes with someone and exchanged. A name for them (only you "
                "will see it):"
            )
        else:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Who was that?"))
        dialog.setLabelText(question)
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setOkButtonText(self.tr("&Save the name"))
        dialog.setCancelButtonText(self.tr("&Later"))
        dialog.textValueSelected.connect(lambda name, d=did: self._name_given(d, name))
        dialog.finished.connect(lambda _r: self.far.refresh_contacts())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.name_dialog = dialog
        dialog.finished.connect(self._name_dialog_closed)
        dialog.open()  # not a nested event loop: the exchange goes on around it

    def _name_given(self, did: str, name: str) -> None:
        if name.strip() and self.session.is_unlocked:
            self.session.wallet.update_contact(did, petname=name.strip())
            self.session.notify_changed()

    def _name_dialog_closed(self) -> None:
        self.name_dialog = None

    # -- pairing -------------------------------------------------------------------------------
    @property
    def pairing_dialog(self) -> PairingDialog | None:
        """The pairing question on screen, if any."""
        return self.pairing.dialog

    def _name(self, did: str) -> str:
        return NameBook(self.session.wallet)(did) if self.session.is_unlocked else did

    def _on_pairing_requested(self, request: PairingRequest) -> None:
        if not self.session.is_unlocked:
            request.answer(False)
            return
        self.message.clear_message()  # an earlier connection's error is not about this one
        self.pairing.ask(request)

    def _on_attempt_failed(self, attempt: FailedAttempt) -> None:
        self._attempted.add(attempt.connection)
        name = self._name(attempt.peer_did) if attempt.peer_did is not None else ""
        if attempt.address and name:
            who = f"{attempt.address} ({name})"
        else:
            who = attempt.address or name or self.tr("an unknown wallet")
        line = self.tr("A pairing attempt from {who} failed: {reason}").format(
            who=escaped(who), reason=escaped(attempt.reason)
        )
        self._attempts = [*self._attempts, line][-ATTEMPT_LINES:]
        self.attempts.setText("<br>".join(self._attempts))
        self.attempts.show()
