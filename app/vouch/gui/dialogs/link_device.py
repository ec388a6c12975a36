"""Linking devices in the app: "Link another device" here, "Link to my other device" there.

The existing device shows a code to type on the new one, then the safety code both screens show,
and sends the identity only when the person says the two match. The new device asks for the code
and a passphrase of its own, shows the safety code, and waits for the other device's answer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vouch.errors import VouchError
from vouch.exchange.runtime import WormholeServers
from vouch.gui.link_job import LinkJob
from vouch.wallet import Wallet, check_passphrase_strength
from vouch.wallet.linking import LinkReport, join_existing_wallet, link_new_device

Servers = Callable[[], WormholeServers]


def _big(label: QLabel, points: float = 1.8) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * points)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _busy() -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setAccessibleName(QCoreApplication.translate("LinkDevice", "Working"))
    return bar


def _message(exc: BaseException) -> str:
    return exc.message if isinstance(exc, VouchError) else str(exc)


def describe(report: LinkReport) -> str:
    """One line about a finished link."""
    text = QCoreApplication.translate(
        "LinkDevice", "Linked with {name}: {sent} sent, {received} new received."
    )
    return text.format(
        name=report.other_name, sent=report.sync.sent, received=report.sync.received.added
    )


class LinkDeviceDialog(QDialog):
    """On the device that has the wallet: a code for the new device, then the safety code."""

    def __init__(self, wallet: Wallet, servers: Servers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link another device"))
        self.setMinimumWidth(520)
        self.report: LinkReport | None = None
        self._wallet, self._servers = wallet, servers
        self.job: LinkJob | None = None
        intro = QLabel(
            self.tr(
                "The other device will hold your identity and everything in this wallet. On it, "
                "choose “Link to my other device” on the first screen and type the code below."
            )
        )
        intro.setWordWrap(True)
        self.code = _big(QLabel("…"))
        self.code.setAccessibleName(self.tr("Code to type on the other device"))
        self.copy = QPushButton(self.tr("&Copy"))
        self.copy.setEnabled(False)
        self.copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.code.text()))
        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.copy)
        self.status = QLabel(self.tr("Opening a code…"))
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.busy = _busy()
        self.safety = _big(QLabel(), 1.5)
        self.safety.setAccessibleName(self.tr("Safety code"))
        self.question = QLabel(self.tr("Does the other device show this safety code?"))
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.match = QPushButton(self.tr("They &match"))
        self.differ = QPushButton(self.tr("They &differ"))
        self.match.clicked.connect(lambda: self._answer(True))
        self.differ.clicked.connect(lambda: self._answer(False))
        answers = QHBoxLayout()
        answers.addWidget(self.question, 1)
        answers.addWidget(self.match)
        answers.addWidget(self.differ)
        self._show_question(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(code_row)
        layout.addWidget(self.safety)
        layout.addLayout(answers)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)

    def start(self) -> None:
        job = self.job = LinkJob(self)
        job.code_ready.connect(self._code)
        job.safety_ready.connect(self._safety)
        job.succeeded.connect(self._linked)
        job.failed.connect(self._failed)
        wallet, servers = self._wallet, self._servers()
        job.start(
            lambda j: link_new_device(
                wallet,
                servers,
                on_code=j.show_code,
                on_safety_code=lambda _c: None,
                confirm=j.confirm,
            )
        )

    def _show_question(self, shown: bool) -> None:
        for widget in (self.safety, self.question, self.match, self.differ):
            widget.setVisible(shown)
        self.busy.setVisible(not shown)

    def _code(self, code: str) -> None:
        self.code.setText(code)
        self.copy.setEnabled(True)
        self.status.setText(self.tr("Waiting for the other device (up to 10 minutes)…"))

    def _safety(self, code: str) -> None:
        self.safety.setText(self.tr("Safety code: {code}").format(code=code))
        self._show_question(True)
        self.match.setDefault(True)
        self.match.setFocus()
        self.status.setText(self.tr("Your identity is sent only if the two codes match."))

    def _answer(self, agreed: bool) -> None:
        self._show_question(False)
        self.status.setText(self.tr("Linking…") if agreed else self.tr("Stopping…"))
        if self.job is not None:
            self.job.answer(agreed)

    def _linked(self, report: LinkReport) -> None:
        self.report = report
        self._done(describe(report))

    def _failed(self, exc: BaseException) -> None:
        self._done(_message(exc))

    def _done(self, text: str) -> None:
        self._show_question(False)
        self.busy.setVisible(False)
        self.status.setText(text)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    def reject(self) -> None:
        if self.job is not None:
            self.job.stop()
        super().reject()


class JoinDeviceDialog(QDialog):
    """On the new device: the code, a passphrase for this device, the safety code, the link."""

    def __init__(self, home: Path, servers: Servers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link to my other device"))
        self.setMinimumWidth(520)
        self.home, self._servers = home, servers
        self.report: LinkReport | None = None
        self.passphrase_used = ""
        self.job: LinkJob | None = None
        intro = QLabel(
            self.tr(
                "On the device that has your wallet, choose Settings › My devices › Link another "
                "device, and type the code it shows here. This device gets your identity and "
                "everything in the wallet; choose a passphrase for it."
            )
        )
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("for example 5-ragtime-crusade-tonic"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("C&ode:"), self.code)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow(self.tr("R&epeat it:"), self.repeat)
        self.code.setAccessibleName(self.tr("Code from the other device"))
        self.passphrase.setAccessibleName(self.tr("Passphrase for this device"))
        self.repeat.setAccessibleName(self.tr("Passphrase again"))
        self.safety = _big(QLabel())
        self.safety.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.busy = _busy()
        self.busy.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.link_button = self.buttons.addButton(
            self.tr("&Link"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.link_button.setDefault(True)
        self.buttons.accepted.connect(self._start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.safety)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)

    def _start(self) -> None:
        passphrase = self.passphrase.text()
        try:
            if passphrase != self.repeat.text():
                raise VouchError(self.tr("The two passphrases differ."))
            check_passphrase_strength(passphrase)
            if not self.code.text().strip():
                raise VouchError(self.tr("Type the code the other device shows."))
        except VouchError as exc:
            self.status.setText(exc.message)
            return
        self.passphrase_used = passphrase
        for widget in (self.code, self.passphrase, self.repeat, self.link_button):
            widget.setEnabled(False)
        self.busy.setVisible(True)
        self.status.setText(self.tr("Connecting…"))
        job = self.job = LinkJob(self)
        job.safety_ready.connect(self._safety)
        job.succeeded.connect(self._linked)
        job.failed.connect(self._failed)
        home, code, servers = self.home, self.code.text(), self._servers()
        job.start(
            lambda j: join_existing_wallet(
                home, passphrase, code, servers, on_safety_code=j.show_safety
            )
        )

    def _safety(self, code: str) -> None:
        self.safety.setText(self.tr("Safety code: {code}").format(code=code))
        self.safety.setVisible(True)
        self.status.setText(
            self.tr("Check that the other device shows the same safety code, and confirm there.")
        )

    def _linked(self, report: LinkReport) -> None:
        self.report = report
        self.busy.setVisible(False)
        self.status.setText(describe(report))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy.setVisible(False)
        self.safety.setVisible(False)
        if Wallet.exists(self.home):  # the identity arrived; only the first sync broke off
            self.status.setText(
                self.tr(
                    "Your identity arrived, but the first sync did not finish ({reason}). Unlock, "
                    "then sync with your other device to bring the rest."
                ).format(reason=_message(exc))
            )
            self.job = None
            self.accept()
            return
        self.status.setText(_message(exc))
        for widget in (self.code, self.passphrase, self.repeat, self.link_button):
            widget.setEnabled(True)
        self.job = None

    def reject(self) -> None:
        if self.job is not None:
            self.job.stop()
        super().reject()
