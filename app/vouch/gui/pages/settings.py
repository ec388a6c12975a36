"""Settings: idle lock, theme, where the wallet lives, passphrase, OS unlock."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vouch.flows.idle import DEFAULT_IDLE_MINUTES, IDLE_CHOICES
from vouch.gui import i18n, messages, worker
from vouch.gui.auto_backup import backup_plan
from vouch.gui.dialogs.passphrase import ChangePassphraseDialog
from vouch.gui.flow_words import flow_text
from vouch.gui.messages import InlineMessage
from vouch.gui.pages.base import MutedLabel, Page, heading, scrolling_layout
from vouch.gui.preferences import Preferences
from vouch.gui.session import Session
from vouch.gui.theme import THEMES, apply_theme, theme_name
from vouch.gui.widgets.devices import DevicesGroup
from vouch.wallet import AUTO_FOLDER, AUTO_KEEP, AUTO_LAST, DEFAULT_KEEP, BackupInfo


class SettingsPage(Page):
    key = "settings"
    idle_minutes_changed = Signal(float)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.preferences = Preferences()
        self.job: worker.Job | None = None
        # The page scrolls rather than make the window tall: backups and devices take room.
        layout = scrolling_layout(self, self.tr("Settings"))
        layout.addWidget(heading(self.tr("Settings")))
        form = QFormLayout()

        self.idle_combo = QComboBox()
        self.idle_combo.setAccessibleName(self.tr("Lock after idle time"))
        self.idle_combo.setToolTip(self.tr("Lock the wallet after this long without use"))
        for minutes, label in IDLE_CHOICES:
            self.idle_combo.addItem(flow_text(label), minutes)
        self.idle_combo.currentIndexChanged.connect(self._idle_changed)
        form.addRow(self.tr("&Lock when idle:"), self.idle_combo)

        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName(self.tr("Theme"))
        for key, label in THEMES:
            self.theme_combo.addItem(theme_name(label), key)
        self.theme_combo.currentIndexChanged.connect(self._theme_changed)
        form.addRow(self.tr("&Appearance:"), self.theme_combo)

        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.addItem(self.tr("Same as the system"), i18n.SYSTEM)
        for key, name in i18n.LANGUAGES:
            self.language_combo.addItem(name, key)  # each language in its own words
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        form.addRow(self.tr("Lang&uage:"), self.language_combo)

        self.home_label = QLabel()
        self.home_label.setWordWrap(True)
        self.move_button = QPushButton(self.tr("Use another fol&der…"))
        self.move_button.setToolTip(
            self.tr("Open or create a wallet in another folder (locks this one)")
        )
        self.move_button.clicked.connect(self.choose_home)
        home_row = QHBoxLayout()
        home_row.addWidget(self.home_label, 1)
        home_row.addWidget(self.move_button)
        form.addRow(self.tr("Wallet folder:"), home_row)

        self.passphrase_button = QPushButton(self.tr("&Change passphrase…"))
        self.passphrase_button.clicked.connect(self.change_passphrase)
        passphrase_row = QHBoxLayout()
        passphrase_row.addWidget(self.passphrase_button)
        passphrase_row.addStretch(1)
        form.addRow(self.tr("Passphrase:"), passphrase_row)

        # "Unlock with <OS method>": always listed; where this computer cannot offer it, the
        # row says why instead of disappearing.
        self.os_unlock_toggle = QCheckBox(self.tr("Unlock with the operating system"))
        self.os_unlock_toggle.setAccessibleName(self.tr("Unlock with the operating system"))
        self.os_unlock_toggle.toggled.connect(self._os_unlock_toggled)
        self.os_unlock_note = MutedLabel("")
        self.os_unlock_note.setAccessibleName(self.tr("About unlocking with the system"))
        os_box = QWidget()
        os_layout = QVBoxLayout(os_box)
        os_layout.setContentsMargins(0, 0, 0, 0)
        os_layout.setSpacing(2)
        os_layout.addWidget(self.os_unlock_toggle)
        os_layout.addWidget(self.os_unlock_note)
        self.os_unlock_label = QLabel(self.tr("&Quick unlock:"))
        self.os_unlock_label.setBuddy(self.os_unlock_toggle)
        form.addRow(self.os_unlock_label, os_box)
        layout.addLayout(form)
        layout.addWidget(self._build_backups())
        self.devices = DevicesGroup(session, lambda: self.preferences.wormhole_servers)
        layout.addWidget(self.devices)
        self.message = InlineMessage()
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._load_app_settings()

    def _build_backups(self) -> QGroupBox:
        box = QGroupBox(self.tr("Backups"))
        form = QFormLayout(box)
        self.backup_folder = QLabel()
        self.backup_folder.setTextFormat(Qt.TextFormat.PlainText)
        self.backup_folder.setWordWrap(True)
        self.backup_folder.setAccessibleName(self.tr("Folder for automatic backups"))
        choose = QPushButton(self.tr("Ch&oose folder…"))
        choose.setToolTip(
            self.tr("Back up automatically into this folder after changes and at lock")
        )
        choose.clicked.connect(self.choose_backup_folder)
        self.backup_off = QPushButton(self.tr("Tur&n off"))
        self.backup_off.clicked.connect(lambda: self._set_backup_folder(""))
        row = QHBoxLayout()
        row.addWidget(self.backup_folder, 1)
        row.addWidget(choose)
        row.addWidget(self.backup_off)
        form.addRow(self.tr("Automatic backups:"), row)
        self.backup_keep = QSpinBox()
        self.backup_keep.setRange(1, 100)
        self.backup_keep.setMaximumWidth(90)
        self.backup_keep.setAccessibleName(self.tr("How many automatic backups to keep"))
        self.backup_keep.valueChanged.connect(self._keep_changed)
        form.addRow(self.tr("&Keep the newest:"), self.backup_keep)
        self.backup_now = QPushButton(self.tr("&Back up now"))
        self.backup_now.clicked.connect(self.back_up_now)
        self.backup_last = QLabel()
        self.backup_last.setAccessibleName(self.tr("Last backup"))
        now_row = QHBoxLayout()
        now_row.addWidget(self.backup_now)
        now_row.addWidget(self.backup_last, 1)
        form.addRow("", now_row)
        return box

    def _load_backups(self) -> None:
        if not self.session.is_unlocked:
            return
        wallet = self.session.wallet
        plan = backup_plan(wallet)
        folder = str(plan[0]) if plan else ""
        self.backup_folder.setText(
            folder or self.tr("Off: choose a folder, ideally on another disk.")
        )
        self.backup_off.setEnabled(bool(folder))
        self.backup_now.setEnabled(bool(folder))
        self.backup_keep.blockSignals(True)
        self.backup_keep.setValue(plan[1] if plan else DEFAULT_KEEP)
        self.backup_keep.blockSignals(False)
        last = wallet.get_setting(AUTO_LAST) or ""
        self.backup_last.setText(
            self.tr("Last backup: {local_time}").format(local_time=_local_time(last))
            if last
            else self.tr("No backup yet.")
        )

    def choose_backup_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for automatic backups"))
        if folder:
            self._set_backup_folder(folder)

    def _set_backup_folder(self, folder: str) -> None:
        if self.session.is_unlocked:
            self.session.wallet.set_setting(AUTO_FOLDER, folder)
            self._load_backups()

    def _keep_changed(self, keep: int) -> None:
        if self.session.is_unlocked:
            self.session.wallet.set_setting(AUTO_KEEP, str(keep))

    def back_up_now(self) -> None:
        plan = backup_plan(self.session.wallet) if self.session.is_unlocked else None
        if plan is None:
            return
        wallet, (folder, keep) = self.session.wallet, plan
        self.backup_now.setEnabled(False)
        self.backup_job = worker.run(
            lambda _job: wallet.auto_backup(folder, keep),
            on_success=lambda info: self._backed_up(info),
            on_failure=self._backup_failed,
        )

    def _backed_up(self, info: BackupInfo) -> None:
        self.message.note(self.tr("Backed up to {path}.").format(path=info.path))
        self._load_backups()

    def _backup_failed(self, exc: BaseException) -> None:
        self.backup_now.setEnabled(True)
        self.message.show_exception(exc)

    def _load_app_settings(self) -> None:
        index = self.idle_combo.findData(self.preferences.idle_minutes)
        self.idle_combo.blockSignals(True)
        self.idle_combo.setCurrentIndex(
            index if index >= 0 else self.idle_combo.findData(DEFAULT_IDLE_MINUTES)
        )
        self.idle_combo.blockSignals(False)
        language_index = self.language_combo.findData(self.preferences.language)
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(max(language_index, 0))
        self.language_combo.blockSignals(False)
        theme_index = self.theme_combo.findData(self.preferences.theme)
        self.theme_combo.blockSignals(True)
        self.theme_combo.setCurrentIndex(max(theme_index, 0))
        self.theme_combo.blockSignals(False)

    def refresh(self) -> None:
        self._load_app_settings()
        self.home_label.setText(str(self.session.home))
        self.message.clear_message()
        self._load_backups()
        self._load_os_unlock()
        self.devices.refresh()

    def _load_os_unlock(self) -> None:
        hook = self.session.usable_os_unlock()
        self.os_unlock_toggle.setEnabled(hook is not None)
        self.os_unlock_toggle.blockSignals(True)
        if hook is not None:
            self.os_unlock_toggle.setText(
                self.tr("Unlock with {method}").format(method=hook.method_name)
            )
            self.os_unlock_toggle.setChecked(hook.is_enabled(self.session.home))
            self.os_unlock_note.setText(
                self.tr(
                    "Opens the wallet without typing the passphrase, after {method} checks "
                    "it is you. Your passphrase keeps working."
                ).format(method=hook.method_name)
            )
        else:
            self.os_unlock_toggle.setText(self.tr("Unlock with the operating system"))
            self.os_unlock_toggle.setChecked(False)
            why = self._os_unlock_unavailable()
            self.os_unlock_note.setText(
                self.tr(
                    "Not available on this computer{why}. The passphrase opens the wallet."
                ).format(why=f": {why}" if why else "")
            )
        self.os_unlock_toggle.blockSignals(False)

    def _os_unlock_unavailable(self) -> str:
        hook = self.session.os_unlock
        if hook is None:
            return ""
        return hook.unavailable_reason().rstrip(".")

    def _idle_changed(self) -> None:
        minutes = int(self.idle_combo.currentData())
        self.preferences.idle_minutes = minutes
        self.idle_minutes_changed.emit(float(minutes))

    def _language_changed(self) -> None:
        language = str(self.language_combo.currentData())
        self.preferences.language = language
        shown = i18n.install(language)
        if not i18n.has_translation(shown) and shown != "en":
            self.message.error(self.tr("This language is not installed; Vouch stays in English."))
            return
        self.message.note(self.tr("Vouch shows the new language the next time it starts."))

    def _theme_changed(self) -> None:
        theme = str(self.theme_combo.currentData())
        self.preferences.theme = theme
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, theme)

    def choose_home(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the wallet folder"), str(self.session.home)
        )
        if not folder:
            return
        self.preferences.home = Path(folder)
        self.session.set_home(Path(folder))

    def change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self.session, self)
        dialog.accepted.connect(lambda: self.message.note(self.tr("Your passphrase was changed.")))
        dialog.open()
        self.passphrase_dialog = dialog

    def _os_unlock_toggled(self, on: bool) -> None:
        hook = self.session.usable_os_unlock()
        if hook is None:
            return
        wallet, home = self.session.wallet, self.session.home
        if on:
            self.job = worker.run(
                lambda _job: hook.enable(wallet), on_failure=self._os_unlock_failed
            )
        else:
            self.job = worker.run(
                lambda _job: hook.disable(home), on_failure=self._os_unlock_failed
            )

    def _os_unlock_failed(self, exc: BaseException) -> None:
        self.os_unlock_toggle.blockSignals(True)
        self.os_unlock_toggle.setChecked(not self.os_unlock_toggle.isChecked())
        self.os_unlock_toggle.blockSignals(False)
        messages.show_error(self, exc)


def _local_time(iso: str) -> str:
    """A stored ISO time as this computer's local date and time."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    local = moment.astimezone()
    shown = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)
