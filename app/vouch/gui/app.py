"""Starting the desktop app: `vouch-gui [--wallet DIR] [FILE.vouch | vouch://LINK]`.

One window per wallet folder: when Vouch already runs for that wallet, a new launch hands its
file or link to it and exits (see `single_instance`).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

import vouch
from vouch.core.process import disable_core_dumps
from vouch.gui import i18n, messages, refcounts, style, worker
from vouch.gui.dialogs import crash
from vouch.gui.icons import app_icon
from vouch.gui.launch_request import Request
from vouch.gui.preferences import Preferences
from vouch.gui.theme import apply_theme
from vouch.wallet import QuickUnlock, default_home

if TYPE_CHECKING:
    from vouch.gui.main_window import MainWindow
    from vouch.gui.single_instance import InstanceServer

ORGANISATION = "Vouch"
APPLICATION = "Vouch"
SMOKE_ENV = "VOUCH_SMOKE_QUIT"
SMOKE_NOT_LOCKED = 3
# Only macOS hands a running app the files and links opened from Finder or a browser, as
# events; elsewhere they come as a later launch's arguments. The filter that catches them sees
# every event of the app (a call into Python each), so it is installed only where needed.
FILE_OPEN_EVENTS = sys.platform == "darwin"
_IMPORTED = time.monotonic()


def _file_or_link(value: str) -> Path | str:
    """A `vouch://` link stays text (a Path would fold its '//'); a `file:` URL (as desktops
    may pass for `%u`) becomes its path; anything else is a file name."""
    from vouch.links import looks_like_link  # (with the crypto it needs) only for an argument

    if looks_like_link(value):
        return value.strip()
    if value.startswith("file:"):
        from PySide6.QtCore import QUrl

        local = QUrl(value).toLocalFile()
        if local:
            return Path(local)
    return Path(value)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="vouch-gui", description="Vouch, your trust wallet.")
    parser.add_argument("--wallet", type=Path, metavar="DIR", help="the wallet folder to use")
    parser.add_argument(
        "file",
        nargs="?",
        type=_file_or_link,
        metavar="FILE_OR_LINK",
        help="a .vouch file to preview and import, or a vouch:// link to open",
    )
    # Start, reach the unlock screen, print how long that took and quit (packaging checks).
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(list(argv))


def set_names() -> None:
    """Names for QSettings and the desktop; needed before reading any setting."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(vouch.__version__)
    QApplication.setApplicationDisplayName(APPLICATION)


def configure_application(app: QApplication) -> None:
    """Names (for QSettings and the desktop), the language, the icon and the chosen theme."""
    refcounts.guard()
    set_names()
    i18n.install(Preferences().language)
    app.setDesktopFileName("vouch")
    app.setWindowIcon(app_icon())
    style.install(app)
    apply_theme(app, Preferences().theme)


def wallet_home(arg: Path | None) -> Path:
    """The --wallet folder, else the one chosen in Settings, else the default."""
    if arg is not None:
        return arg.expanduser()
    return Preferences().home or default_home()


def request_for(target: Path | str | None) -> Request:
    """What this launch asks for: a file (made absolute), a link, or just the window."""
    if target is None:
        return Request("show")
    if isinstance(target, str):
        return Request("link", target)
    return Request("file", str(target.expanduser().absolute()))


def deliver(window: MainWindow, request: Request) -> None:
    """Open what a launch asked for in `window`."""
    if request.kind == "file":
        window.import_file(Path(request.value))
    elif request.kind == "link":
        from vouch.links import InvalidLink, parse_link

        try:
            link = parse_link(request.value)
        except InvalidLink as exc:
            messages.show_error(window, exc)
            return
        window.open_link(link)


def bring_to_front(window: MainWindow) -> None:
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


class FileOpenHandler(QObject):
    """macOS hands files and links opened from Finder or a browser to the running app as
    `QFileOpenEvent`s (not as arguments): pass them on like a later launch's request."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen:
            return False
        from PySide6.QtCore import QUrl  # loaded at the first such event (macOS only)
        from PySide6.QtGui import QFileOpenEvent

        if not isinstance(event, QFileOpenEvent):
            return False
        url = event.url()
        if url.scheme().lower() == "vouch":
            request = Request("link", url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
        elif event.file():
            request = Request("file", event.file())
        else:
            return False
        bring_to_front(self.window)
        deliver(self.window, request)
        return True


def start_window(home: Path, request: Request, server: InstanceServer | None) -> MainWindow:
    """The main window for `home`, shown, handling `request` and later launches' requests."""
    from vouch.gui.main_window import MainWindow

    window = MainWindow(home, os_unlock=QuickUnlock())  # this platform's OS unlock
    app = QApplication.instance()
    if app is not None and FILE_OPEN_EVENTS:
        app.installEventFilter(FileOpenHandler(window))
    if server is not None:
        server.setParent(window)

        def handle(request: Request) -> None:
            bring_to_front(window)
            deliver(window, request)

        server.received.connect(handle)
    window.show()
    deliver(window, request)
    return window


def _seconds_since_start() -> float:
    """Seconds since this process started (Linux), else since this module was imported."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic() - _IMPORTED


def _smoke_check(app: QApplication, window: MainWindow) -> None:
    elapsed = _seconds_since_start()
    if window.isVisible() and window.central.currentWidget() is window.unlock_page:
        print(f"vouch-gui: unlock screen reached in {elapsed * 1000:.0f} ms", flush=True)
        window.close()
        app.exit(0)
    else:
        print("vouch-gui: the window did not reach the unlock screen", file=sys.stderr)
        window.close()
        app.exit(SMOKE_NOT_LOCKED)


def claim_instance(home: Path, request: Request) -> tuple[int | None, InstanceServer | None]:
    """Hand `request` to the Vouch already running for `home` (an exit code: this launch is
    done), or become that instance (None, and the server listening for later launches)."""
    from vouch.gui.single_instance import InstanceServer, hand_off, server_name

    name = server_name(home)
    if name is None:
        return None, None
    handed = hand_off(name, request)
    if handed:
        return 0, None
    if handed is False:
        print("vouch-gui: Vouch runs for this wallet but does not answer.", file=sys.stderr)
        return 1, None
    server = InstanceServer(name)
    return None, server if server.listen() else None


def main(argv: Sequence[str] | None = None) -> int:
    disable_core_dumps()  # before anything holds a passphrase, a seed or a key
    refcounts.guard()  # before the first Qt call that could use up a reference
    args = parse_args(sys.argv[1:] if argv is None else argv)
    smoke = args.smoke_test or os.environ.get(SMOKE_ENV) == "1"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    set_names()
    home = wallet_home(args.wallet)
    request = request_for(args.file)
    server = None
    if not smoke:  # a smoke test runs beside any real instance
        handed, server = claim_instance(home, request)
        if handed is not None:
            return handed
    configure_application(app)
    crash.install()
    window = start_window(home, request, server)
    if smoke:
        QTimer.singleShot(0, lambda: _smoke_check(app, window))
    return run_until_quit(app, window, server)


def run_until_quit(app: QApplication, window: MainWindow, server: InstanceServer | None) -> int:
    """Run the event loop, then take everything down in order while Qt is still there."""
    try:
        return app.exec()
    finally:
        shut_down(app, window, server)


def shut_down(app: QApplication, window: MainWindow, server: InstanceServer | None) -> None:
    """After the event loop: lock (if Ctrl+Q did not already), stop every background job and
    the exchange loop, then delete the window before the application object goes away, so
    that nothing is destroyed by the interpreter's exit in an arbitrary order."""
    window.shut_down()
    if server is not None:
        server.close()
    worker.cancel_all()
    worker.wait_for_all()
    for handler in window.findChildren(FileOpenHandler):
        app.removeEventFilter(handler)
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    worker.forget_finished()
