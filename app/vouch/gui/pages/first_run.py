"""The first-run wizard: create, restore or open a wallet. The logic is in vouch.flows."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vouch.errors import InvalidRecoveryPhrase
from vouch.flows.first_run import (
    PHRASE_CONFIRMED,
    FirstRunFlow,
    Mode,
    Step,
    check_phrase_shape,
)
from vouch.gui import worker
from vouch.gui.dialogs.link_device import JoinDeviceDialog
from vouch.gui.dialogs.recover import RecoverDialog
from vouch.gui.dialogs.restore_backup import RestoreBackupDialog
from vouch.gui.flow_words import flow_text
from vouch.gui.icons import app_icon, icon
from vouch.gui.messages import InlineMessage, busy_bar
from vouch.gui.pages.base import heading, muted
from vouch.gui.preferences import Preferences
from vouch.gui.session import Session
from vouch.gui.widgets.passphrase_fields import NewPassphraseFields, passphrase_problem
from vouch.gui.widgets.phrase_edit import PhraseEdit, phrase_problem
from vouch.wallet import Wallet


def _card(title: str, text: str) -> tuple[QWidget, QVBoxLayout]:
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.addWidget(heading(title))
    if text:
        layout.addWidget(muted(text))
    return widget, layout


class FirstRunPage(QWidget):
    wallet_ready = Signal(object)  # an open Wallet
    existing_chosen = Signal(Path)  # a folder that holds a wallet: unlock it

    def __init__(
        self,
        home: Path,
        rng: random.Random | None = None,
        parent: QWidget | None = None,
        *,
        session: Session | None = None,
    ) -> None:
        super().__init__(parent)
        self.home = home
        self._session = session
        self._rng = rng
        self.flow = FirstRunFlow(rng=rng) if rng else FirstRunFlow()
        self.wallet: Wallet | None = None
        self.job: worker.Job | None = None
        self.remember_home = False  # a wallet made in a folder the user chose is used next time
        self.restored_from_phrase = False  # the wallet just made came from a recovery phrase
        self.backup_dialog: RestoreBackupDialog | None = None
        self.link_dialog: JoinDeviceDialog | None = None
        self.recover_dialog: RecoverDialog | None = None
        self.stack = QStackedWidget()
        self.pages: dict[Step, QWidget] = {
            Step.CHOOSE: self._build_choose(),
            Step.RESTORE_PHRASE: self._build_restore(),
            Step.PASSPHRASE: self._build_passphrase(),
            Step.SHOW_PHRASE: self._build_show_phrase(),
            Step.QUIZ: self._build_quiz(),
        }
        for page in self.pages.values():
            self.stack.addWidget(page)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        self.stack.setMaximumWidth(640)
        outer.addWidget(self.stack, 4)
        outer.addStretch(1)
        self._show()

    def reset(self, home: Path) -> None:
        self.home = home
        self.flow = FirstRunFlow(rng=self._rng) if self._rng else FirstRunFlow()
        self.wallet = None
        self.remember_home = False
        self.restored_from_phrase = False
        self.where.setText(self.tr("Your wallet will be kept in {home}.").format(home=home))
        self._show()

    def start_restore(self, home: Path) -> None:
        """Straight to the recovery phrase, for a new wallet in `home` (a folder the user chose)."""
        self.reset(home)
        self.remember_home = True
        self._choose(Mode.RESTORE)

    # -- building -------------------------------------------------------------------
    def _build_choose(self) -> QWidget:
        widget, layout = _card(
            self.tr("Welcome to Vouch"),
            self.tr(
                "Vouch keeps the endorsements you give and receive on this computer, signed with "
                "a key that only you hold."
            ),
        )
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(96, 96))
        layout.insertWidget(0, logo, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.where = muted(self.tr("Your wallet will be kept in {home}.").format(home=self.home))
        layout.addWidget(self.where)
        self.create_button = QPushButton(icon("add"), self.tr("&Create a new wallet"))
        self.create_button.setToolTip(
            self.tr("Make a new identity and a wallet protected by a passphrase")
        )
        self.create_button.clicked.connect(lambda: self._choose(Mode.CREATE))
        self.restore_button = QPushButton(icon("key"), self.tr("&Restore from a recovery phrase"))
        self.restore_button.setToolTip(self.tr("Bring back your identity from its 24 words"))
        self.restore_button.clicked.connect(lambda: self._choose(Mode.RESTORE))
        self.backup_button = QPushButton(icon("save"), self.tr("Restore a &backup…"))
        self.backup_button.setToolTip(self.tr("Bring back a whole wallet from a .vouchbackup file"))
        self.backup_button.clicked.connect(self.restore_backup)
        self.link_button = QPushButton(icon("exchange"), self.tr("&Link to my other device…"))
        self.link_button.setToolTip(
            self.tr("This is an existing identity: bring it and its wallet from your other device")
        )
        self.link_button.clicked.connect(self.link_to_other_device)
        self.recover_button = QPushButton(icon("people"), self.tr("Recover &with my guardians…"))
        self.recover_button.setToolTip(
            self.tr("Get your identity back from the people who each hold a share of it")
        )
        self.recover_button.clicked.connect(self.recover_with_guardians)
        self.open_button = QPushButton(icon("file"), self.tr("&Open an existing wallet folder…"))
        self.open_button.setToolTip(self.tr("Use a wallet kept in another folder"))
        self.open_button.clicked.connect(self._open_folder)
        for button in (
            self.create_button,
            self.restore_button,
            self.backup_button,
            self.link_button,
            self.recover_button,
            self.open_button,
        ):
            button.setMinimumHeight(40)
            layout.addWidget(button)
        self.choose_message = InlineMessage()
        layout.addWidget(self.choose_message)
        layout.addStretch(1)
        return widget

    def _build_restore(self) -> QWidget:
        widget, layout = _card(
            self.tr("Restore your identity"),
            self.tr("Type the 24 words of your recovery phrase, in order."),
        )
        self.phrase_edit = PhraseEdit()
        self.phrase_edit.setAccessibleName(self.tr("Recovery phrase"))
        self.phrase_edit.problem_changed.connect(self._phrase_problem)
        layout.addWidget(self.phrase_edit)
        self.restore_message = InlineMessage()
        layout.addWidget(self.restore_message)
        self.restore_next = QPushButton(self.tr("&Next"))
        self.restore_next.clicked.connect(self._restore_next)
        layout.addLayout(self._nav(self.restore_next))
        return widget

    def _build_passphrase(self) -> QWidget:
        widget, layout = _card(
            self.tr("Choose a passphrase"),
            self.tr(
                "It protects the wallet on this computer. Several unrelated words are strong and "
                "easy to remember. If you forget it, only your recovery phrase can bring the "
                "identity back."
            ),
        )
        self.pass_fields = NewPassphraseFields(self.tr("&Passphrase:"), self.tr("&Again:"))
        self.pass1, self.pass2 = self.pass_fields.first, self.pass_fields.second
        self.strength_bar, self.strength_label = self.pass_fields.bar, self.pass_fields.label
        self.pass_fields.submitted.connect(self._submit_passphrase)
        layout.addWidget(self.pass_fields)
        self.busy = busy_bar(self.tr("Creating the wallet"))
        layout.addWidget(self.busy)
        self.pass_message = InlineMessage()
        layout.addWidget(self.pass_message)
        layout.addStretch(1)  # the extra height goes below the form, not between its lines
        self.pass_next = QPushButton(self.tr("&Create wallet"))
        self.pass_next.clicked.connect(self._submit_passphrase)
        layout.addLayout(self._nav(self.pass_next))
        return widget

    def _build_show_phrase(self) -> QWidget:
        widget, layout = _card(
            self.tr("Your recovery phrase"),
            self.tr(
                "Write these 24 words on paper, in order, and keep them somewhere safe. They are "
                "the only way to restore your identity. Vouch shows them only now."
            ),
        )
        self.word_grid = QGridLayout()
        layout.addLayout(self.word_grid)
        self.word_labels: list[QLabel] = []
        for i in range(24):
            label = QLabel()
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.word_labels.append(label)
            self.word_grid.addWidget(label, i % 8, i // 8)
        layout.addStretch(1)
        self.seen_button = QPushButton(self.tr("I have &written it down"))
        self.seen_button.clicked.connect(self._phrase_seen)
        layout.addLayout(self._nav(self.seen_button, back=False))
        return widget

    def _build_quiz(self) -> QWidget:
        widget, layout = _card(
            self.tr("Check your copy"), self.tr("Type these words from your recovery phrase.")
        )
        form = QFormLayout()
        self.quiz_edits: list[QLineEdit] = []
        self.quiz_labels: list[QLabel] = []
        for _ in range(3):
            label, edit = QLabel(), QLineEdit()
            edit.returnPressed.connect(self._submit_quiz)
            label.setBuddy(edit)
            self.quiz_labels.append(label)
            self.quiz_edits.append(edit)
            form.addRow(label, edit)
        layout.addLayout(form)
        self.quiz_message = InlineMessage()
        layout.addWidget(self.quiz_message)
        layout.addStretch(1)
        again = QPushButton(self.tr("&Show the phrase again"))
        again.clicked.connect(self._show_again)
        self.quiz_next = QPushButton(self.tr("&Check"))
        self.quiz_next.clicked.connect(self._submit_quiz)
        row = QHBoxLayout()
        row.addWidget(again)
        row.addStretch(1)
        row.addWidget(self.quiz_next)
        layout.addLayout(row)
        return widget

    def _nav(self, forward: QPushButton, back: bool = True) -> QHBoxLayout:
        row = QHBoxLayout()
        if back:
            button = QPushButton(self.tr("&Back"))
            button.clicked.connect(self._back)
            row.addWidget(button)
        row.addStretch(1)
        forward.setDefault(True)
        row.addWidget(forward)
        return row

    # -- behaviour --------------------------------------------------------------------
    def _show(self) -> None:
        step = self.flow.step
        if step == Step.DONE:
            return
        self.stack.setCurrentWidget(self.pages[step])
        if step == Step.PASSPHRASE:
            self.pass_fields.clear()
            self.pass_message.clear_message()
            self.pass1.setFocus()
        elif step == Step.RESTORE_PHRASE:
            self.phrase_edit.setFocus()
        elif step == Step.SHOW_PHRASE:
            for label, (n, word) in zip(
                self.word_labels, enumerate(self.flow.words, 1), strict=False
            ):
                label.setText(self.tr("<b>{n:2d}.</b> {word}").format(n=n, word=word))
            self.seen_button.setFocus()
        elif step == Step.QUIZ:
            for label, edit, pos in zip(
                self.quiz_labels, self.quiz_edits, self.flow.quiz, strict=True
            ):
                label.setText(self.tr("Word #{value}:").format(value=pos + 1))
                edit.setAccessibleName(self.tr("Word number {value}").format(value=pos + 1))
                edit.clear()
            self.quiz_message.clear_message()
            self.quiz_edits[0].setFocus()
        else:
            self.create_button.setFocus()

    def _choose(self, mode: Mode) -> None:
        self.flow.choose(mode)
        self._show()

    def _back(self) -> None:
        self.flow.back()
        self._show()

    def _open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Open a wallet folder"), str(self.home)
        )
        if not folder:
            return
        path = Path(folder)
        if not Wallet.exists(path):
            self.choose_message.error(
                self.tr("There is no Vouch wallet in {path}.").format(path=path)
            )
            return
        self.existing_chosen.emit(path)

    def restore_backup(self) -> None:
        """Ask for a backup file and its passphrase; the restored wallet then opens."""
        dialog = RestoreBackupDialog(self._session, self.home, self)
        dialog.restored.connect(self._backup_restored)
        dialog.open()
        self.backup_dialog = dialog

    def link_to_other_device(self) -> None:
        """Become another device of an existing wallet; it then opens with the new passphrase."""
        dialog = JoinDeviceDialog(self.home, lambda: Preferences().wormhole_servers, self)
        dialog.accepted.connect(lambda: self._open_linked(dialog.passphrase_used))
        dialog.open()
        self.link_dialog = dialog

    def _open_linked(self, passphrase: str) -> None:
        home = self.home
        self.link_button.setEnabled(False)
        self.choose_message.note(self.tr("Opening the linked wallet…"))
        worker.run(
            lambda _job: Wallet.open(home, passphrase),
            on_success=self._linked_opened,
            on_failure=self._linked_failed,
            parent=self,
        )

    def _linked_opened(self, wallet: Wallet) -> None:
        self.link_button.setEnabled(True)
        self.choose_message.clear_message()
        self._backup_restored(wallet)

    def _linked_failed(self, exc: BaseException) -> None:
        self.link_button.setEnabled(True)
        self.choose_message.show_exception(exc)

    def recover_with_guardians(self) -> None:
        """Rebuild the identity from guardians' answers; the new wallet then opens."""
        dialog = RecoverDialog(self.home, self)
        dialog.recovered.connect(self._backup_restored)
        dialog.open()
        self.recover_dialog = dialog

    def _backup_restored(self, wallet: Wallet) -> None:
        self.wallet = wallet
        if self.remember_home or wallet.home.resolve() != self.home.resolve():
            Preferences().home = wallet.home
        self.wallet_ready.emit(wallet)

    def _phrase_problem(self, problem: str) -> None:
        """A mistyped word is said at once, not after the passphrase was chosen."""
        if problem:
            self.restore_message.error(problem)
        else:
            self.restore_message.clear_message()

    def _restore_next(self) -> None:
        text = self.phrase_edit.toPlainText()
        error = check_phrase_shape(text) or phrase_problem(text, finished=True)
        if error is None:
            error = self.flow.submit_restore_phrase(text)
        if error:
            self.restore_message.error(error)
            return
        self.restore_message.clear_message()
        self._show()

    def _submit_passphrase(self) -> None:
        error = passphrase_problem(self.pass1.text(), self.pass2.text())
        if error is None:
            error = self.flow.submit_passphrase(self.pass1.text(), self.pass2.text())
        if error:
            self.pass_message.error(flow_text(error))
            return
        self.pass_message.clear_message()
        home, passphrase = self.home, self.flow.passphrase
        phrase = self.flow.restore_phrase or None
        os_unlock = self._session.os_unlock if self._session is not None else None
        self._set_busy(True)

        def create(_job: worker.Job) -> tuple[Wallet, str]:
            wallet = Wallet.create(home, passphrase, recovery_phrase=phrase, os_unlock=os_unlock)
            return wallet, ("" if phrase else wallet.recovery_phrase(passphrase))

        self.job = worker.run(create, on_success=self._created, on_failure=self._create_failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.pass_fields, self.pass_next):
            widget.setEnabled(not busy)

    def _created(self, result: tuple[Wallet, str]) -> None:
        self._set_busy(False)
        self.wallet, phrase = result
        if self.remember_home:
            Preferences().home = self.wallet.home
        self.restored_from_phrase = self.flow.mode == Mode.RESTORE
        self.flow.wallet_created(phrase)
        if self.flow.step == Step.DONE:
            self.wallet.set_setting(PHRASE_CONFIRMED, "yes")
            self.wallet_ready.emit(self.wallet)
            return
        self._show()

    def _create_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, InvalidRecoveryPhrase) and self.flow.mode == Mode.RESTORE:
            self.flow.back()  # the words are wrong, not the passphrase
            self._show()
            self.restore_message.show_exception(exc)
            return
        self.pass_message.show_exception(exc)

    def _phrase_seen(self) -> None:
        self.flow.phrase_seen()
        self._show()

    def _show_again(self) -> None:
        self.flow.show_phrase_again()
        self._show()

    def _submit_quiz(self) -> None:
        error = self.flow.submit_quiz([edit.text() for edit in self.quiz_edits])
        if error:
            self.quiz_message.error(error)
            return
        assert self.wallet is not None
        self.wallet.set_setting(PHRASE_CONFIRMED, "yes")
        for label in self.word_labels:
            label.clear()
        self.wallet_ready.emit(self.wallet)
