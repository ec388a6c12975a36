"""How the app speaks to the user: friendly errors, confirmations, inline notes.

A `VouchError` is shown with its own message. Anything else is a bug in Vouch and goes to the
crash dialog through `sys.excepthook`, never as a traceback in a message box. Every message
here is plain text: messages carry names and words other people chose, never markup.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressBar, QPushButton, QWidget

from vouch.errors import VouchError


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    if isinstance(exc, VouchError):
        shown = title or QCoreApplication.translate("Messages", "Vouch")
        _plain_box(QMessageBox.Icon.Warning, parent, shown, exc.message).exec()
        return
    sys.excepthook(type(exc), exc, exc.__traceback__)


def confirm(parent: QWidget | None, title: str, text: str, yes: str = "") -> bool:
    box = _plain_box(QMessageBox.Icon.Question, parent, title, text)
    ok = box.addButton(
        yes or QCoreApplication.translate("Messages", "Continue"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is ok


def info(parent: QWidget | None, title: str, text: str) -> None:
    _plain_box(QMessageBox.Icon.Information, parent, title, text).exec()


def _plain_box(
    icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str
) -> QMessageBox:
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def busy_bar(accessible_name: str) -> QProgressBar:
    """The thin, hidden "working…" bar shown beside an inline message during a slow call."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setMaximumHeight(8)
    bar.setTextVisible(False)
    bar.setAccessibleName(accessible_name)
    bar.hide()
    return bar


class InlineMessage(QLabel):
    """A one-line message under a form: an error in the theme's warning colour, or a note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Message"))
        self.hide()

    is_error = False

    def error(self, text: str) -> None:
        self.is_error = True
        self.setStyleSheet("color: #d03030; font-weight: 600;")
        self._show(text)

    def note(self, text: str) -> None:
        self.is_error = False
        self.setStyleSheet("")
        self._show(text)

    def success(self, text: str) -> None:
        """Something was done: said plainly, with a check mark, in a green that reads on
        either theme (the mark says it without the colour)."""
        self.is_error = False
        self.setStyleSheet(
            "color: palette(window-text); font-weight: 600; padding: 6px;"
            " border: 1px solid #3a9a4a; border-radius: 4px;"
        )
        self._show("✓ " + text)

    def clear_message(self) -> None:
        self.is_error = False
        self.setText("")
        self.hide()

    def _show(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def show_exception(self, exc: BaseException) -> None:
        """A VouchError inline; a bug to the crash dialog."""
        if isinstance(exc, VouchError):
            self.error(exc.message)
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)


def enter_does(dialog: QWidget, default: QPushButton) -> None:
    """Enter anywhere in `dialog` presses `default`: no other button takes Enter just because
    it has the focus (Paste, From file… and the like do nothing on Enter)."""
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(button is default)
        button.setDefault(button is default)
