"""Me: my identifier, safety code and QR code, and my recovery phrase behind the passphrase."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vouch.flows.first_run import PHRASE_CONFIRMED
from vouch.gui.dialogs.passphrase import RecoveryPhraseDialog
from vouch.gui.icons import icon
from vouch.gui.messages import InlineMessage
from vouch.gui.pages.base import Page, heading, muted, scrolling_layout
from vouch.gui.session import Session
from vouch.gui.widgets.guardians import GuardiansPanel
from vouch.gui.widgets.qr import QrWidget
from vouch.wallet import Wallet


def _copy_button(tip: str) -> QPushButton:
    button = QPushButton(icon("copy"), QCoreApplication.translate("Me", "Copy"))
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    return button


class MePage(Page):
    key = "me"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        # The page scrolls rather than make the window tall: the guardians take room.
        layout = scrolling_layout(self, self.tr("Me"))
        layout.addWidget(heading(self.tr("Me")))
        layout.addWidget(
            muted(
                self.tr(
                    "Give people your identifier (or let them scan the code) so they can endorse "
                    "you. Compare the safety code aloud when you meet, to be sure it is really you."
                )
            )
        )
        row = QHBoxLayout()
        form = QFormLayout()
        self.did_label = QLineEdit()
        self.did_label.setReadOnly(True)
        self.did_label.setMinimumWidth(160)
        self.did_label.setAccessibleName(self.tr("My identifier"))
        self.copy_did = _copy_button(self.tr("Copy my identifier"))
        self.copy_did.clicked.connect(lambda: self._copy(self.did_label.text()))
        did_row = QHBoxLayout()
        did_row.addWidget(self.did_label, 1)
        did_row.addWidget(self.copy_did)
        form.addRow(self.tr("Identifier:"), did_row)
        self.code_label = QLabel()
        self.code_label.setWordWrap(True)
        font = self.code_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAccessibleName(self.tr("My safety code"))
        self.copy_code = _copy_button(self.tr("Copy my safety code"))
        self.copy_code.clicked.connect(lambda: self._copy(self.code_label.text()))
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_label, 1)
        code_row.addWidget(self.copy_code)
        form.addRow(self.tr("Safety code:"), code_row)
        self.home_label = QLabel()
        self.home_label.setWordWrap(True)
        self.home_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Wallet folder:"), self.home_label)
        left = QVBoxLayout()
        left.addLayout(form)
        self.phrase_warning = InlineMessage()
        left.addWidget(self.phrase_warning)
        self.phrase_button = QPushButton(icon("key"), self.tr("Show &recovery phrase…"))
        self.phrase_button.setToolTip(self.tr("Asks for your passphrase, then shows the 24 words"))
        self.phrase_button.clicked.connect(self.show_recovery_phrase)
        left.addWidget(self.phrase_button, alignment=Qt.AlignmentFlag.AlignLeft)
        left.addStretch(1)
        row.addLayout(left, 3)
        self.qr = QrWidget()
        self.qr.setAccessibleName(self.tr("My identifier as a QR code"))
        self.qr.setMinimumSize(160, 160)  # shrinks with a narrow window, up to 240 wide
        self.qr.setMaximumSize(240, 240)
        row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.guardians_box = QGroupBox(self.tr("Guardians"))
        self.guardians_layout = QVBoxLayout(self.guardians_box)
        self.guardians: GuardiansPanel | None = None  # made for each unlocked wallet
        layout.addWidget(self.guardians_box)
        layout.addStretch(1)
        self.dialog: RecoveryPhraseDialog | None = None

    def refresh(self) -> None:
        wallet = self.session.wallet
        self._show_guardians(wallet)
        self.did_label.setText(wallet.did)
        self.code_label.setText(wallet.safety_code)
        self.home_label.setText(str(wallet.home))
        self.qr.set_text(wallet.did)
        if wallet.get_setting(PHRASE_CONFIRMED) != "yes":
            self.phrase_warning.error(
                self.tr(
                    "You have not confirmed that your recovery phrase is written down. "
                    "Show it and keep a copy on paper."
                )
            )
        else:
            self.phrase_warning.clear_message()

    def _show_guardians(self, wallet: Wallet) -> None:
        if self.guardians is None or self.guardians.wallet is not wallet:
            self._drop_guardians()
            self.guardians = GuardiansPanel(wallet)
            self.guardians_layout.addWidget(self.guardians)
        self.guardians.refresh()

    def _drop_guardians(self) -> None:
        if self.guardians is not None:
            self.guardians.setParent(None)
            self.guardians.deleteLater()
            self.guardians = None

    def clear(self) -> None:
        self._drop_guardians()
        for label in (self.did_label, self.code_label, self.home_label):
            label.clear()
        self.qr.set_text("")
        if self.dialog is not None:
            self.dialog.close()

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)

    def show_recovery_phrase(self) -> None:
        self.dialog = RecoveryPhraseDialog(self.session, self)
        self.dialog.finished.connect(self._phrase_dialog_closed)
        self.dialog.open()

    def _phrase_dialog_closed(self) -> None:
        if self.dialog is not None and self.dialog.phrase and self.session.is_unlocked:
            self.session.wallet.set_setting(PHRASE_CONFIRMED, "yes")
            self.phrase_warning.clear_message()
