"""The locked screen shows before the pages, the wallet's code and the exchange code are loaded.

What loads is checked, not how long it takes (speed is measured by `make bench`): a child
process starts the real app to its unlock screen and lists which of the heavy modules it holds
there. The control asks the same child to go on and build the pages: then they are loaded, so
the check can see them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from gui_helpers import PASSPHRASE, open_window, unlock
from pytestqt.qtbot import QtBot

from support.cli import child_env, vouch_command
from vouch.gui.pages.catalog import BY_KEY, ENTRIES
from vouch.gui.pages.unlock import UnlockPage

HEAVY = (
    "vouch.gui.pages.exchange",
    "vouch.gui.pages.find",
    "vouch.gui.pages.first_run",
    "vouch.exchange.runtime",
    "vouch.exchange.p2p.service",
    "vouch.wallet.facade",
    "vouch.core.store.db",
    "vouch.unlock.memory",
    "vouch.unlock.linux",
    "vouch.links",
    "noise",
    "zeroconf",
    "segno",
    "nacl.signing",
    "hashlib",
    "importlib.resources",  # the icons' folder is read directly where it is one
    "platformdirs",  # only when no folder is given
    "PySide6.QtNetwork",  # the one-window check, which a smoke test skips
    "dataclasses",
    "vouch.gui.workspace",  # the sidebar
    "vouch.gui.dialogs.crash_dialog",  # built on the first crash
)
AT_UNLOCK_SCREEN = """
import sys
import vouch.gui.app as app
heavy, build = {heavy!r}, sys.argv[2] == "build"
def check(a, window):
    if build:
        window.workspace.pages()
    print("LOADED " + " ".join(m for m in heavy if m in sys.modules), flush=True)
    original(a, window)
app._smoke_check, original = check, app._smoke_check
sys.exit(app.main(["--wallet", sys.argv[1], "--smoke-test"]))
"""


def loaded_at_unlock_screen(home: Path, build: bool) -> set[str]:
    env = child_env(QT_QPA_PLATFORM="offscreen")
    script = AT_UNLOCK_SCREEN.format(heavy=HEAVY)
    done = subprocess.run(
        [sys.executable, "-c", script, str(home), "build" if build else "show"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    line = next(x for x in done.stdout.splitlines() if x.startswith("LOADED"))
    return set(line.split()[1:])


def test_the_unlock_screen_shows_without_the_heavy_modules(tmp_path: Path) -> None:
    home = tmp_path / "wallet"
    env = child_env()
    subprocess.run(vouch_command("init", wallet=home), env=env, check=True, capture_output=True)
    assert loaded_at_unlock_screen(home, build=False) == set()
    built = loaded_at_unlock_screen(home, build=True)  # the control: the check sees them
    assert {"vouch.gui.pages.exchange", "vouch.exchange.runtime", "segno"} <= built


def test_pages_are_built_while_the_key_is_derived(qtbot: QtBot, wallet_home: Path) -> None:
    window = open_window(qtbot, wallet_home)
    assert window._workspace is None  # not even the sidebar before an unlock starts
    built_at_start: list[bool] = []
    window.unlock_page.unlock_started.connect(
        lambda: built_at_start.append(window.workspace.is_built)
    )
    unlock(qtbot, window)
    assert built_at_start == [True]  # built in the same turn the key derivation started
    assert window.central.currentWidget() is window.workspace
    assert [p.key for p in window.pages] == [e.key for e in ENTRIES]


def test_every_page_takes_its_name_and_icon_from_the_catalog(
    qtbot: QtBot, wallet_home: Path
) -> None:
    window = open_window(qtbot, wallet_home)
    unlock(qtbot, window)
    for row, page in enumerate(window.pages):
        entry = BY_KEY[page.key]
        assert (page.title, page.icon_name) == (entry.title, entry.icon_name)
        assert window.nav.item(row).text() == entry.display_title()
        assert window.page_actions[row].text() == entry.display_title()
    assert window.exchange_page is window.pages[ENTRIES.index(BY_KEY["exchange"])]


def test_quitting_a_window_that_was_never_unlocked_builds_nothing(
    qtbot: QtBot, wallet_home: Path
) -> None:
    window = open_window(qtbot, wallet_home)
    window.close()
    assert window._workspace is None
    assert window.auto_backup is None


def test_a_wrong_passphrase_still_leaves_the_pages_ready(qtbot: QtBot, wallet_home: Path) -> None:
    window = open_window(qtbot, wallet_home)
    page: UnlockPage = window.unlock_page
    page.passphrase.setText(PASSPHRASE + "x")
    page.unlock_button.click()
    assert page.busy.isVisible()
    qtbot.waitUntil(lambda: not page.busy.isVisible(), timeout=10_000)
    assert "Wrong passphrase" in page.message.text()
    assert window.workspace.is_built
    assert window.central.currentWidget() is page
    assert not window.session.is_unlocked


def test_the_wallet_folder_becomes_selectable_when_the_pointer_reaches_it(
    qtbot: QtBot, wallet_home: Path
) -> None:
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QEnterEvent
    from PySide6.QtWidgets import QApplication

    window = open_window(qtbot, wallet_home)
    where = window.unlock_page.where
    selectable = Qt.TextInteractionFlag.TextSelectableByMouse
    assert str(wallet_home) in where.text()
    assert not where.textInteractionFlags() & selectable  # nothing built before it is needed
    point = QPointF(2, 2)
    QApplication.sendEvent(where, QEnterEvent(point, point, where.mapToGlobal(point)))
    assert where.textInteractionFlags() & selectable
