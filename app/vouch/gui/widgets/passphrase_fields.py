"""Typing a new passphrase twice: the fields, a show-passphrase toggle and the strength meter
(its bar right above its words), shared by the first-run wizard and the Change dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from vouch.flows.passphrase import Strength, assess
from vouch.gui.flow_words import flow_text
from vouch.gui.widgets.show_toggle import show_toggle


def strength_text(strength: Strength) -> str:
    """The strength in one sentence: its word, then what would improve it, each said once."""
    hint, label = flow_text(strength.hint), flow_text(strength.label)
    if strength.hint.lower().startswith(strength.label.lower()):
        return hint
    return QCoreApplication.translate("Passphrase", "{label}. {hint}").format(
        label=label, hint=hint
    )


class NewPassphraseFields(QWidget):
    """Two password fields in a form, the toggle, and the strength meter under them.

    `submitted` fires on Enter in the second field, or in the first once both are filled;
    Enter in an empty first field says what to do instead of doing nothing."""

    submitted = Signal()

    def __init__(self, first_label: str, second_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.form = QFormLayout()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.first = QLineEdit()
        self.second = QLineEdit()
        for edit, name in (
            (self.first, self.tr("New passphrase")),
            (self.second, self.tr("Repeat the new passphrase")),
        ):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(name)
        self.form.addRow(first_label, self.first)
        self.form.addRow(second_label, self.second)
        self.show_box = show_toggle([self.first, self.second])
        self.form.addRow("", self.show_box)
        layout.addLayout(self.form)
        meter = QVBoxLayout()
        meter.setSpacing(2)
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(6)
        self.bar.setAccessibleName(self.tr("Passphrase strength"))
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Passphrase strength"))
        meter.addWidget(self.bar)
        meter.addWidget(self.label)
        layout.addLayout(meter)
        self.first.textChanged.connect(self.update_strength)
        self.first.returnPressed.connect(self._enter_in_first)
        self.second.returnPressed.connect(self.submitted)
        self.update_strength("")

    def update_strength(self, text: str) -> None:
        strength = assess(text)
        self.bar.setValue(strength.score if text else 0)
        self.bar.setVisible(bool(text))  # an empty meter looked like a stray line
        self.bar.setAccessibleDescription(strength.label if text else "")
        self.label.setText(strength_text(strength) if text else "")

    def _enter_in_first(self) -> None:
        if self.first.text() and not self.second.text():
            self.second.setFocus()
            return
        self.submitted.emit()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
        self.show_box.setChecked(False)
        self.update_strength("")


def passphrase_problem(first: str, second: str) -> str | None:
    """What to do when a new passphrase cannot be used yet, said without repeating the strength
    hint already shown under the field; None when `check_pair` should judge."""
    if not first:
        return QCoreApplication.translate("Passphrase", "Type a passphrase first.")
    if not assess(first).acceptable:
        return QCoreApplication.translate(
            "Passphrase", "This passphrase is too easy to guess: see the advice above."
        )
    if not second:
        return QCoreApplication.translate("Passphrase", "Type the same passphrase again.")
    return None
