"""Runs the real desktop app (vouch.gui.app.main) offscreen, puts it through one scenario of
background work, and quits with Ctrl+Q during or after that work.

    python quit_driver.py SCENARIO WALLET_DIR [--no-guard]

Used by test_quit.py in a child process: an abort at exit (a "Fatal Python error") only shows
as the exit status of a real process. `--no-guard` leaves out `vouch.gui.refcounts.guard`, to
show that the scenario really reaches the hazard it guards against.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel

PASSPHRASE = "quiet orange lamp river"
LONG_SESSION_CALLS = 200_000  # Qt calls that return nothing: hours of real use
LONG_SESSION_EMITS = 20_000


class _Chatter(QObject):
    said = Signal()


def _after(msecs: int, fn: Callable[[], None]) -> None:
    QTimer.singleShot(msecs, fn)


def _window() -> object:
    from vouch.gui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            return widget
    raise SystemExit("no main window")


def _quit(window: object) -> None:
    """Ctrl+Q, as the user presses it: through the Quit action and its shortcut."""
    from vouch.gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    assert QKeySequence("Ctrl+Q") in window.quit_action.shortcuts()
    print("quitting", flush=True)
    window.quit_action.trigger()


def _unlocked(window: object, then: Callable[[], None]) -> None:
    from vouch.gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.session.unlocked.connect(then)
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.unlock()


def _long_session(window: object) -> None:
    from vouch.gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    for index in range(len(window.pages)):
        window.show_page(index)
    label, chatter = QLabel(), _Chatter()
    chatter.said.connect(label.clear)
    for n in range(LONG_SESSION_CALLS):
        label.setText("x" if n % 2 else "y")
    for _ in range(LONG_SESSION_EMITS):
        chatter.said.emit()
    window.session.notify_changed()


def scenario(name: str, wallet: Path) -> Callable[[], None]:
    from vouch.gui import worker
    from vouch.gui.main_window import MainWindow
    from vouch.wallet import AUTO_FOLDER

    def start() -> None:
        window = _window()
        assert isinstance(window, MainWindow)
        if name == "locked-long-session":
            _long_session_locked(window)
            _after(0, lambda: _quit(window))
            return
        _unlocked(window, lambda: run(window))

    def _long_session_locked(window: MainWindow) -> None:
        label = QLabel()
        for n in range(LONG_SESSION_CALLS):
            label.setText("x" if n % 2 else "y")

    def run(window: MainWindow) -> None:
        if name == "long-session":
            _long_session(window)
            _after(0, lambda: _quit(window))
        elif name == "job-running":
            deadline = time.monotonic() + 30

            def slow(job: worker.Job) -> None:
                while not job.cancelled() and time.monotonic() < deadline:
                    time.sleep(0.01)

            job = worker.run(slow, on_success=lambda _r: window.statusBar().showMessage("done"))
            job.progressed.connect(lambda *_: None)
            _long_session(window)
            _after(0, lambda: _quit(window))
        elif name == "job-finished":
            worker.run(lambda _job: None, on_success=lambda _r: window.statusBar().clearMessage())
            worker.wait_for_all()  # done, its signals still queued: quit before delivery
            _long_session(window)
            _quit(window)
        elif name == "exchange-running":
            page = window.exchange_page
            window.show_page(window.pages.index(page))
            page.engine.listening.connect(lambda _l: _after(0, lambda: _quit(window)))
            page.visible_toggle.setChecked(True)
            _long_session_in(window, page)
            _after(20_000, lambda: _quit(window))  # listening never came: quit anyway
        elif name == "exchange-after":
            page = window.exchange_page
            window.show_page(window.pages.index(page))
            page.visible_toggle.setChecked(True)

            def leave() -> None:
                window.show_page(0)  # the page lets go of the loop
                _after(300, lambda: _quit(window))

            page.engine.listening.connect(lambda _l: _after(0, leave))
            _after(20_000, leave)
        elif name == "timers":
            window.session.wallet.set_setting(AUTO_FOLDER, str(wallet.parent / "backups"))
            window.session.notify_changed()  # starts the automatic backup's timer
            window.idle.set_minutes(1)
            endorse = window.endorse_page
            window.show_page(window.pages.index(endorse))
            endorse.scope.setEditText("plumbing")  # starts the preview's debounce timer
            assert window.auto_backup.timer.isActive() and window.idle.active
            _long_session(window)
            _quit(window)
        elif name == "import-dialog":
            window.import_data(b'{"not": "a bundle"}' * 5000)
            _long_session(window)
            _quit(window)
        elif name == "lock-then-quit":
            _long_session(window)
            window.lock()
            _after(0, lambda: _quit(window))
        else:
            raise SystemExit(f"unknown scenario {name}")

    return start


def main() -> int:
    name, wallet = sys.argv[1], Path(sys.argv[2])
    from vouch.gui import app as gui_app
    from vouch.gui import refcounts

    if "--no-guard" in sys.argv:
        refcounts.guard = lambda: False  # type: ignore[assignment]
    _after(0, scenario(name, wallet))
    status = gui_app.main(["--wallet", str(wallet)])
    print(f"exited {status}", flush=True)
    return status


def _long_session_in(window: object, _page: object) -> None:
    _long_session(window)


if __name__ == "__main__":
    app = QApplication.instance() or QApplication(sys.argv[:1])
    sys.exit(main())
