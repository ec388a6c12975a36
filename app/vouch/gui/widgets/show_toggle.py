"""The "Show the passphrase" check box (its own module: the locked screen needs only this)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLineEdit


def show_toggle(edits: list[QLineEdit], text: str = "") -> QCheckBox:
    """A "Show passphrase" check box that shows or hides what is typed in `edits`."""
    box = QCheckBox(text or QCoreApplication.translate("Passphrase", "Sho&w the passphrase"))
    box.setAccessibleName(QCoreApplication.translate("Passphrase", "Show the passphrase"))

    def toggled(on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        for edit in edits:
            edit.setEchoMode(mode)

    box.toggled.connect(toggled)
    return box
