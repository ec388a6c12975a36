"""How the app speaks to the user: friendly errors, confirmations, inline notes.

A `VouchError` is shown with its own message. Anything else is a bug in Vouch and goes to the
crash dialog through `sys.excepthook`, never as a traceback in a message box. Every message
here is plain text: messages carry names and words other people chose, never markup.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressBar, QWidget

from vouch.errors import VouchError


def show_error(parent: QWidget | None, exc: BaseException, title: str = "Vouch") -> None:
    if isinstance(exc, VouchError):
        _plain_box(QMessageBox.Icon.Warning, parent, title, exc.message).exec()
        return
    sys.excepthook(type(exc), exc, exc.__traceback__)


def confirm(parent: QWidget | None, title: str, text: str, yes: str = "Continue") -> bool:
    box = _plain_box(QMessageBox.Icon.Question, parent, title, text)
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
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
        self.setAccessibleName("Message")
        self.hide()

    def error(self, text: str) -> None:
        self.setStyleSheet("color: #d03030; font-weight: 600;")
        self._show(text)

    def note(self, text: str) -> None:
        self.setStyleSheet("")
        self._show(text)

    def clear_message(self) -> None:
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
