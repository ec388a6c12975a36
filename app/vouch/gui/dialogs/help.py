"""Help: the keyboard shortcuts, and a short guide for the first minutes with Vouch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vouch.gui.messages import enter_does


def _close_box(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    close.setText(dialog.tr("&Close"))
    buttons.accepted.connect(dialog.accept)
    return buttons


class ShortcutsDialog(QDialog):
    """Every menu command with its keys, and the keys that work everywhere."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(520, 560)
        layout = QVBoxLayout(self)
        rows: list[tuple[str, str]] = []
        for action in actions:
            native = [
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
            ]
            if native:
                rows.append((action.text().replace("&", "").rstrip("…"), ", ".join(native)))
        rows += [
            (self.tr("Move to the next or the previous control"), self.tr("Tab, Shift+Tab")),
            (self.tr("Use a control's underlined letter"), self.tr("Alt+letter")),
            (self.tr("Do what a dialog is for (its default button)"), self.tr("Enter")),
            (self.tr("Close a dialog without doing anything"), self.tr("Esc")),
        ]
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        buttons = _close_box(self)
        layout.addWidget(buttons)
        enter_does(self, buttons.button(QDialogButtonBox.StandardButton.Close))

    def shortcut_rows(self) -> list[tuple[str, str]]:
        rows = []
        for r in range(self.table.rowCount()):
            what, keys = self.table.item(r, 0), self.table.item(r, 1)
            if what is not None and keys is not None:
                rows.append((what.text(), keys.text()))
        return rows


class GettingStartedDialog(QDialog):
    """Five steps from an empty wallet to finding someone for a task."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Getting started"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.text = QLabel(
            self.tr(
                "<h3>Getting started with Vouch</h3>"
                "<ol>"
                "<li><b>Me</b>: give people your identifier (or let them scan its QR code). "
                "When you meet, read your safety codes aloud to each other.</li>"
                "<li><b>People</b>: add the people you know, from the identifier they gave "
                "you. The name you give them is seen only by you.</li>"
                "<li><b>Endorse</b>: say how much you rely on someone for one task, such as "
                "plumbing. You can revoke it at any time.</li>"
                "<li><b>Exchange</b>: swap endorsements with someone next to you, or far "
                "away with a code you read out. Or send a file (File ▸ Export).</li>"
                "<li><b>Find</b>: type a task to see whom you could rely on for it, through "
                "the people you trust, and why.</li>"
                "</ol>"
                "<p>Write down your recovery phrase (Me ▸ Show recovery phrase) and turn on "
                "automatic backups in Settings: the phrase brings back who you are, a backup "
                "brings back your endorsements too.</p>"
            )
        )
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Getting started"))
        layout.addWidget(self.text)
        buttons = _close_box(self)
        layout.addWidget(buttons)
        enter_does(self, buttons.button(QDialogButtonBox.StandardButton.Close))
