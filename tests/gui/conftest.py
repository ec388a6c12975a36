"""Fixtures for the desktop app's tests: real wallets in tmp folders, real widgets offscreen."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from gui_helpers import PASSPHRASE, make_peer, open_window, unlock
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from vouch.core.records import Level
from vouch.gui import worker
from vouch.gui.app import configure_application
from vouch.gui.main_window import MainWindow
from vouch.wallet import Wallet

FAST_KDF = "VOUCH_KDF_COST"  # cheap Argon2 for wallets made here; not for other suites


def pytest_configure(config: pytest.Config) -> None:
    """No display needed: Qt draws offscreen unless told otherwise."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# A TCP socket of some earlier sync is now and then garbage-collected unclosed during a later
# GUI test (once in two full runs, never when the files run alone; with a collection after
# every test it does not show). Until it is found, the GUI tests do not fail on that one
# warning; every other unraisable exception and warning still fails them.
_UNCLOSED_TCP = (
    "ignore:Exception ignored in. <(socket.socket fd=\\d+, family=2, type=1|"
    "function _SelectorTransport.__del__):pytest.PytestUnraisableExceptionWarning"
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.filterwarnings(_UNCLOSED_TCP))


@pytest.fixture(scope="session", autouse=True)
def _settings_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """QSettings go to a throwaway folder, never to the user's real configuration."""
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FAST_KDF, "minimal")


@pytest.fixture(autouse=True)
def _fresh_settings(qapp: QApplication) -> Iterator[None]:
    configure_application(qapp)
    QSettings().clear()
    yield
    worker.wait_for_all()
    QSettings().clear()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "wallet"


@pytest.fixture
def wallet_home(home: Path) -> Path:
    """A new, locked wallet of my own, with no contacts."""
    Wallet.create(home, PASSPHRASE).lock()
    return home


@pytest.fixture(scope="session")
def populated_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A locked wallet with two contacts and a few statements, shared by read-only tests."""
    root = tmp_path_factory.mktemp("populated")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(FAST_KDF, "minimal")
        me = Wallet.create(root / "me", PASSPHRASE)
        ana = make_peer(root / "ana")
        bo = make_peer(root / "bo")
    me.add_contact(ana.did, "Ana", verified=True)
    me.add_contact(bo.did, "Bo")
    until = datetime.now(UTC) + timedelta(days=200)
    me.endorse(ana.did, "plumbing", Level.STRONGLY, comment="fixed the boiler", valid_until=until)
    me.endorse(bo.did, "cooking", Level.MOST_THINGS, valid_until=until)
    ana.endorse(bo.did, "plumbing", Level.COMPLETELY, valid_until=until)
    ana.endorse(me.did, "gardening", Level.SMALL_THINGS, valid_until=until)
    me.import_data(ana.export_bundle())
    for wallet in (me, ana, bo):
        wallet.lock()
    return root / "me"


@pytest.fixture
def window(qtbot: QtBot, wallet_home: Path) -> Iterator[MainWindow]:
    """The main window, unlocked, on my own fresh wallet."""
    win = open_window(qtbot, wallet_home)
    unlock(qtbot, win)
    yield win
    win.close()


@pytest.fixture
def populated_window(qtbot: QtBot, populated_home: Path, tmp_path: Path) -> Iterator[MainWindow]:
    """The populated wallet, unlocked: a copy of its own, so a test may change it."""
    home = tmp_path / "populated"
    shutil.copytree(populated_home, home)
    win = open_window(qtbot, home)
    unlock(qtbot, win)
    yield win
    win.close()
