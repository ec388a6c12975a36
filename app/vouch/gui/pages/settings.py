"""Settings: idle lock, theme, where the wallet lives, passphrase, OS unlock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vouch.flows.idle import DEFAULT_IDLE_MINUTES, IDLE_CHOICES
from vouch.gui import messages, worker
from vouch.gui.dialogs.passphrase import ChangePassphraseDialog
from vouch.gui.messages import InlineMessage
from vouch.gui.pages.base import Page, heading
from vouch.gui.preferences import Preferences
from vouch.gui.session import Session
from vouch.gui.theme import THEMES, apply_theme


class SettingsPage(Page):
    title = "Settings"
    icon_name = "settings"
    key = "settings"
    idle_minutes_changed = Signal(float)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.preferences = Preferences()
        self.job: worker.Job | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Settings"))
        form = QFormLayout()

        self.idle_combo = QComboBox()
        self.idle_combo.setAccessibleName("Lock after idle time")
        self.idle_combo.setToolTip("Lock the wallet after this long without use")
        for minutes, label in IDLE_CHOICES:
            self.idle_combo.addItem(label, minutes)
        self.idle_combo.currentIndexChanged.connect(self._idle_changed)
        form.addRow("&Lock when idle:", self.idle_combo)

        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName("Theme")
        for key, label in THEMES:
            self.theme_combo.addItem(label, key)
        self.theme_combo.currentIndexChanged.connect(self._theme_changed)
        form.addRow("&Appearance:", self.theme_combo)

        self.home_label = QLabel()
        self.home_label.setWordWrap(True)
        self.move_button = QPushButton("Use another &folder…")
        self.move_button.setToolTip("Open or create a wallet in another folder (locks this one)")
        self.move_button.clicked.connect(self.choose_home)
        home_row = QHBoxLayout()
        home_row.addWidget(self.home_label, 1)
        home_row.addWidget(self.move_button)
        form.addRow("Wallet folder:", home_row)

        self.passphrase_button = QPushButton("&Change passphrase…")
        self.passphrase_button.clicked.connect(self.change_passphrase)
        form.addRow("Passphrase:", self.passphrase_button)

        # "Unlock with <OS method>": shown only when the session's OS unlock is usable here.
        self.os_unlock_toggle = QCheckBox()
        self.os_unlock_toggle.setAccessibleName("Unlock with the operating system")
        self.os_unlock_toggle.toggled.connect(self._os_unlock_toggled)
        self.os_unlock_label = QLabel("Quick unlock:")
        form.addRow(self.os_unlock_label, self.os_unlock_toggle)
        layout.addLayout(form)
        self.message = InlineMessage()
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._load_app_settings()

    def _load_app_settings(self) -> None:
        index = self.idle_combo.findData(self.preferences.idle_minutes)
        self.idle_combo.blockSignals(True)
        self.idle_combo.setCurrentIndex(
            index if index >= 0 else self.idle_combo.findData(DEFAULT_IDLE_MINUTES)
        )
        self.idle_combo.blockSignals(False)
        theme_index = self.theme_combo.findData(self.preferences.theme)
        self.theme_combo.blockSignals(True)
        self.theme_combo.setCurrentIndex(max(theme_index, 0))
        self.theme_combo.blockSignals(False)

    def refresh(self) -> None:
        self._load_app_settings()
        self.home_label.setText(str(self.session.home))
        self.message.clear_message()
        hook = self.session.usable_os_unlock()
        self.os_unlock_toggle.setVisible(hook is not None)
        self.os_unlock_label.setVisible(hook is not None)
        if hook is not None:
            self.os_unlock_toggle.setText(f"Unlock with {hook.method_name}")
            self.os_unlock_toggle.blockSignals(True)
            self.os_unlock_toggle.setChecked(hook.is_enabled(self.session.home))
            self.os_unlock_toggle.blockSignals(False)

    def _idle_changed(self) -> None:
        minutes = int(self.idle_combo.currentData())
        self.preferences.idle_minutes = minutes
        self.idle_minutes_changed.emit(float(minutes))

    def _theme_changed(self) -> None:
        theme = str(self.theme_combo.currentData())
        self.preferences.theme = theme
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, theme)

    def choose_home(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Choose the wallet folder", str(self.session.home)
        )
        if not folder:
            return
        self.preferences.home = Path(folder)
        self.session.set_home(Path(folder))

    def change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self.session, self)
        dialog.accepted.connect(lambda: self.message.note("Your passphrase was changed."))
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
