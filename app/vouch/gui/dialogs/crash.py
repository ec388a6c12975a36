"""What the user sees when Vouch itself has a bug: an apology and details to copy."""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

import vouch


def crash_details(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    import platform  # only when there is something to report
    import traceback

    lines = traceback.format_exception(exc_type, exc, tb)
    header = f"Vouch {vouch.__version__}, Python {platform.python_version()}, {platform.platform()}"
    return header + "\n\n" + "".join(lines)


class CrashDialog(QDialog):
    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Vouch ran into a problem"))
        self.details = details
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "Something went wrong inside Vouch. This is a bug in Vouch, not something you "
                "did.\nYour wallet is safe: nothing half-done was saved. You can copy the "
                "details below and send them to the developers."
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Error details"))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setToolTip(self.tr("Copy the error details to the clipboard"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


_open_dialogs: list[CrashDialog] = []


def handle_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """`sys.excepthook`: log to stderr and show the crash dialog (if there is a GUI)."""
    details = crash_details(exc_type, exc, tb)
    sys.stderr.write(details)
    if issubclass(exc_type, KeyboardInterrupt) or QApplication.instance() is None:
        return
    dialog = CrashDialog(details, QApplication.activeWindow())
    _open_dialogs.append(dialog)
    dialog.finished.connect(lambda _r: _open_dialogs.remove(dialog))
    dialog.open()


def install() -> None:
    sys.excepthook = handle_exception
