"""One Vouch per wallet: a second launch (a real process) hands its file or link to the first.

Also: links and files given on the first launch, the stale-socket case, hostile requests on
the socket, and the `--smoke-test` start used by the packaging checks.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import PASSPHRASE, make_peer, unlock
from PySide6.QtCore import QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from vouch.core.records import Level
from vouch.gui import app as gui_app
from vouch.gui.app import FileOpenHandler, Request, parse_args, request_for, start_window
from vouch.gui.dialogs.contact import AddContactDialog
from vouch.gui.dialogs.import_dialog import ImportDialog
from vouch.gui.main_window import MainWindow
from vouch.gui.single_instance import OK, InstanceServer, hand_off, server_name
from vouch.links import BundleLink, PersonLink, person_link
from vouch.wallet import Wallet

LAUNCH = "import sys; from vouch.gui.app import main; sys.exit(main(sys.argv[1:]))"


@pytest.fixture
def launch_env(tmp_path: Path) -> dict[str, str]:
    """A second launch's environment: same user and runtime folder, throwaway settings."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", VOUCH_KDF_COST="minimal")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    return env


@pytest.fixture
def first(qtbot: QtBot, wallet_home: Path) -> Iterator[tuple[MainWindow, InstanceServer]]:
    """The first launch: listening for later ones, its window unlocked."""
    name = server_name(wallet_home)
    assert name is not None
    server = InstanceServer(name)
    assert server.listen()
    window = start_window(wallet_home, Request("show"), server)
    qtbot.addWidget(window)
    unlock(qtbot, window)
    yield window, server
    server.close()
    window.close()


def _second_launch(env: dict[str, str], cwd: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", LAUNCH, *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(qtbot: QtBot, process: subprocess.Popen[str]) -> tuple[int, str]:
    """Let the first instance answer while the second one runs, then collect the second."""
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=30_000)
    _out, err = process.communicate()
    return process.returncode, err


def _import_dialog_open(window: MainWindow) -> bool:
    return any(isinstance(d, ImportDialog) for d in window.dialogs)


def test_a_second_launch_hands_its_file_to_the_running_window(
    qtbot: QtBot,
    first: tuple[MainWindow, InstanceServer],
    wallet_home: Path,
    tmp_path: Path,
    launch_env: dict[str, str],
) -> None:
    window, _server = first
    jo = make_peer(tmp_path / "jo")
    jo.endorse(window.session.wallet.did, "carpentry", Level.STRONGLY)
    (tmp_path / "inbox").mkdir()
    jo.export_to_file(tmp_path / "inbox" / "from-jo.vouch")
    window.showMinimized()

    process = _second_launch(
        launch_env, tmp_path / "inbox", "--wallet", str(wallet_home), "from-jo.vouch"
    )
    qtbot.waitUntil(lambda: _import_dialog_open(window), timeout=30_000)
    code, err = _finish(qtbot, process)
    assert code == 0, err
    assert "Traceback" not in err
    dialog = next(d for d in window.dialogs if isinstance(d, ImportDialog))
    assert dialog.data == (tmp_path / "inbox" / "from-jo.vouch").read_bytes()
    qtbot.waitUntil(lambda: dialog.job is None)
    assert "1 new" in dialog.summary.text()
    assert not window.isMinimized()
    assert window.session.wallet.count_endorsements() == 0  # a preview only


def test_a_second_launch_with_a_link_opens_the_person(
    qtbot: QtBot,
    first: tuple[MainWindow, InstanceServer],
    wallet_home: Path,
    tmp_path: Path,
    launch_env: dict[str, str],
) -> None:
    window, _server = first
    ana = make_peer(tmp_path / "ana")
    link = person_link(ana.did, "Ana (baker)")
    process = _second_launch(launch_env, tmp_path, "--wallet", str(wallet_home), link)
    qtbot.waitUntil(lambda: isinstance(window.people_page.dialog, AddContactDialog), timeout=30_000)
    code, err = _finish(qtbot, process)
    assert code == 0, err
    dialog = window.people_page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.did.text() == ana.did and dialog.petname.text() == "Ana (baker)"
    assert window.pages_stack.currentWidget() is window.people_page


def test_a_launch_for_another_wallet_does_not_reach_this_one(
    first: tuple[MainWindow, InstanceServer], tmp_path: Path, wallet_home: Path
) -> None:
    other = server_name(tmp_path / "other-wallet")
    assert other is not None and other != server_name(wallet_home)
    assert hand_off(other, Request("show")) is None  # nobody listens: it starts its own


def test_a_known_person_link_selects_them_and_a_bundle_link_previews(
    qtbot: QtBot, first: tuple[MainWindow, InstanceServer], tmp_path: Path
) -> None:
    window, _server = first
    bo = make_peer(tmp_path / "bo")
    window.session.wallet.add_contact(bo.did, "Bo")
    window.session.notify_changed()
    window.open_link(PersonLink(bo.did))
    assert window.pages_stack.currentWidget() is window.people_page
    assert window.people_page.current_did == bo.did
    window.open_link(PersonLink(window.session.wallet.did))
    assert window.pages_stack.currentWidget() is window.me_page

    bo.endorse(window.session.wallet.did, "baking", Level.STRONGLY)
    window.open_link(BundleLink(bo.export_text()))
    qtbot.waitUntil(lambda: _import_dialog_open(window))


def test_a_link_given_while_locked_opens_after_the_unlock(
    qtbot: QtBot, wallet_home: Path, tmp_path: Path
) -> None:
    ana = make_peer(tmp_path / "ana")
    window = start_window(wallet_home, request_for(person_link(ana.did)), None)
    qtbot.addWidget(window)
    assert window.central.currentWidget() is window.unlock_page
    assert window.people_page.dialog is None
    unlock(qtbot, window, PASSPHRASE)
    assert window.pages_stack.currentWidget() is window.people_page
    dialog = window.people_page.dialog
    assert dialog is not None and dialog.did.text() == ana.did
    window.close()


def test_arguments_tell_files_links_and_file_urls_apart(tmp_path: Path) -> None:
    assert parse_args(["vouch://did/x"]).file == "vouch://did/x"
    assert parse_args([(tmp_path / "a b.vouch").as_uri()]).file == tmp_path / "a b.vouch"
    relative = request_for(parse_args(["x.vouch"]).file)
    assert relative.kind == "file" and Path(relative.value) == Path.cwd() / "x.vouch"
    assert request_for(None) == Request("show")


def _raw_request(qtbot: QtBot, name: str, data: bytes) -> bytes:
    client = QLocalSocket()
    client.connectToServer(name)
    assert client.waitForConnected(2000)
    client.write(data)
    client.flush()
    answer = bytearray()
    qtbot.waitUntil(
        lambda: (
            (answer.extend(bytes(client.readAll().data())) or True)
            and client.state() == QLocalSocket.LocalSocketState.UnconnectedState
        ),
        timeout=10_000,
    )
    return bytes(answer)


@pytest.mark.parametrize(
    "data",
    [
        b"not json\n",
        b'{"open": "file", "value": "relative.vouch"}\n',
        b'{"open": "shell", "value": "rm -rf"}\n',
        b'{"open": "link", "value": 7}\n',
        b'{"open": "link", "value": "vouch://x", "extra": 1}\n',
        b"\xff\xfe\n",
        b"x" * (70 * 1024),
    ],
)
def test_malformed_requests_get_no_answer_and_do_nothing(
    qtbot: QtBot, tmp_path: Path, data: bytes
) -> None:
    name = server_name(tmp_path / "w")
    assert name is not None
    server = InstanceServer(name)
    assert server.listen()
    received: list[Request] = []
    server.received.connect(received.append)
    assert _raw_request(qtbot, name, data) != OK
    assert received == []
    assert _raw_request(qtbot, name, Request("show").encode()) == OK
    assert received == [Request("show")]
    server.close()


def test_a_socket_left_by_a_crashed_run_is_replaced(qtbot: QtBot, tmp_path: Path) -> None:
    name = server_name(tmp_path / "w")
    assert name is not None
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(name)
    stale.close()  # the file stays, nobody listens
    assert hand_off(name, Request("show")) is None
    server = InstanceServer(name)
    assert server.listen()
    assert not InstanceServer(name).listen()  # a live one keeps its name
    server.close()


def test_the_socket_folder_is_private(tmp_path: Path) -> None:
    name = server_name(tmp_path / "w")
    assert name is not None
    assert Path(name).parent.stat().st_mode & 0o077 == 0


def test_smoke_start_reaches_the_unlock_screen_and_quits(
    wallet_home: Path, tmp_path: Path, launch_env: dict[str, str]
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", LAUNCH, "--wallet", str(wallet_home), "--smoke-test"],
        env=launch_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "unlock screen reached in" in done.stdout


def test_smoke_start_fails_when_there_is_no_wallet(
    tmp_path: Path, launch_env: dict[str, str]
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", LAUNCH, "--wallet", str(tmp_path / "none"), "--smoke-test"],
        env=launch_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 3
    assert not Wallet.exists(tmp_path / "none")


@pytest.mark.parametrize("file_open_events", [False, True])
def test_file_open_events_are_watched_only_where_the_os_sends_them(
    qtbot: QtBot, wallet_home: Path, monkeypatch: pytest.MonkeyPatch, file_open_events: bool
) -> None:
    assert gui_app.FILE_OPEN_EVENTS is (sys.platform == "darwin")  # macOS sends them
    monkeypatch.setattr(gui_app, "FILE_OPEN_EVENTS", file_open_events)
    window = start_window(wallet_home, Request("show"), None)
    qtbot.addWidget(window)
    assert len(window.findChildren(FileOpenHandler)) == int(file_open_events)
    window.close()


def test_file_open_events_from_the_os_open_files_and_links(
    qtbot: QtBot, first: tuple[MainWindow, InstanceServer], tmp_path: Path
) -> None:
    window, _server = first
    app = QApplication.instance()
    assert app is not None
    if not window.findChildren(FileOpenHandler):  # start_window installs it on macOS only
        app.installEventFilter(FileOpenHandler(window))
    ana = make_peer(tmp_path / "ana")
    ana.endorse(window.session.wallet.did, "baking", Level.STRONGLY)
    path = tmp_path / "from-ana.vouch"
    ana.export_to_file(path)
    QApplication.sendEvent(app, QFileOpenEvent(str(path)))
    qtbot.waitUntil(lambda: _import_dialog_open(window))
    QApplication.sendEvent(app, QFileOpenEvent(QUrl(person_link(ana.did, "Ana"))))
    dialog = window.people_page.dialog
    assert dialog is not None and dialog.did.text() == ana.did
