"""What the user sees when Vouch itself has a bug: an apology and details to copy."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

import vouch

if TYPE_CHECKING:  # built on the first crash: nothing of it is loaded at start-up
    from vouch.gui.dialogs.crash_dialog import CrashDialog


def crash_details(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    import platform  # only when there is something to report
    import traceback

    lines = traceback.format_exception(exc_type, exc, tb)
    header = f"Vouch {vouch.__version__}, Python {platform.python_version()}, {platform.platform()}"
    return header + "\n\n" + "".join(lines)


_open_dialogs: list[CrashDialog] = []


def handle_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """`sys.excepthook`: log to stderr and show the crash dialog (if there is a GUI)."""
    details = crash_details(exc_type, exc, tb)
    sys.stderr.write(details)
    if issubclass(exc_type, KeyboardInterrupt) or QApplication.instance() is None:
        return
    from vouch.gui.dialogs.crash_dialog import CrashDialog

    dialog = CrashDialog(details, QApplication.activeWindow())
    _open_dialogs.append(dialog)
    dialog.finished.connect(lambda _r: _open_dialogs.remove(dialog))
    dialog.open()


def install() -> None:
    sys.excepthook = handle_exception
