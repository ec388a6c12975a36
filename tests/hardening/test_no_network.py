"""No network activity without a user action.

A Python audit hook records every socket connect, bind, send and name lookup while the use
cases that never need the network run: the wallet facade, the `vouch` CLI in this process and
the desktop app's flows. None may touch an IPv4 or IPv6 socket (Qt and D-Bus may use local
AF_UNIX sockets: those are not the network). The control: the same recorder does see the
sharing code reach for the network, so silence means no activity, not a blind hook.
"""

from __future__ import annotations

import asyncio
import re
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_no_secrets import (
    PASSPHRASE,
    PEER_PASSPHRASE,
    WRONG_PASSPHRASE,
    drive_gui,
    isolate,
    settings_in,
)

from vouch.cli import main
from vouch.core.errors import PeerError, VouchError
from vouch.core.records import Level
from vouch.exchange.p2p.discovery import Announcer
from vouch.exchange.p2p.service import sync_with
from vouch.wallet import Wallet, verify_document
from vouch.wallet.sync import WalletSyncStore

NEW_PASSPHRASE = "glacier pencil mango thirty"
SOCKET_EVENTS = {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"}
LOOKUP_EVENTS = {
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
}
NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6}
IMPORT = re.compile(r"from PySide6\.QtNetwork import (?:\(([^)]*)\)|([^\n]+))")


@dataclass
class Recorder:
    """Switched on and off around the code under test; the hook itself stays for good."""

    active: bool = False
    events: list[tuple[str, str]] = field(default_factory=list)
    local: list[str] = field(default_factory=list)  # AF_UNIX and the like, for the record

    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.active:
            return
        if event in SOCKET_EVENTS:
            family = getattr(args[0], "family", None)
            if family in NETWORK_FAMILIES:
                self.events.append((event, repr(args[1:])))
            else:
                self.local.append(event)
        elif event in LOOKUP_EVENTS:
            self.events.append((event, repr(args)))

    @contextmanager
    def watching(self) -> Iterator[list[tuple[str, str]]]:
        self.events.clear()
        self.local.clear()
        self.active = True
        try:
            yield self.events
        finally:
            self.active = False


RECORDER = Recorder()
sys.addaudithook(RECORDER)  # audit hooks cannot be removed: one per process, off by default


# -- the wallet facade -----------------------------------------------------------------------


def _facade_use_cases(root: Path) -> None:
    me = Wallet.create(root / "me", PASSPHRASE)
    me.lock()
    with pytest.raises(VouchError):
        Wallet.open(root / "me", WRONG_PASSPHRASE)
    me = Wallet.open(root / "me", PASSPHRASE)
    peer = Wallet.create(root / "peer", PEER_PASSPHRASE)
    me.add_contact(peer.did, "Pat", verified=True)
    given = me.endorse(peer.did, "plumbing", Level.STRONGLY, comment="boiler")
    me.caution(peer.did, "driving", "too fast")
    me.revoke(given.id, "moved away")
    me.preview_endorsement(peer.did, "baking", Level.SMALL_THINGS)
    me.export_to_file(root / "mine.vouch")
    me.export_text()
    verify_document((root / "mine.vouch").read_bytes())
    peer.endorse(me.did, "carpentry", Level.MOST_THINGS)
    me.apply_import(me.preview_import(peer.export_bundle()))
    with pytest.raises(VouchError):
        me.import_data("vouch:1:not a bundle")
    me.find("carpentry")
    me.why(peer.did)
    me.opinions(peer.did)
    me.set_setting("theme", "dark")
    assert me.get_setting("theme") == "dark"
    me.recovery_phrase(PASSPHRASE)
    assert me.integrity_ok()
    me.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    phrase = me.identity.recovery_phrase
    me.lock()
    peer.lock()
    Wallet.create(root / "restored", PASSPHRASE, recovery_phrase=phrase).lock()


def test_wallet_use_cases_touch_no_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(monkeypatch, tmp_path)
    with RECORDER.watching() as events:
        _facade_use_cases(tmp_path)
    assert events == []


# -- the CLI, in this process ----------------------------------------------------------------


def _cli(home: Path, *args: str, ok: bool = True) -> None:
    code = main(["--wallet", str(home), *args])
    assert (code == 0) == ok, args


def test_cli_use_cases_touch_no_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolate(monkeypatch, tmp_path)
    monkeypatch.setenv("VOUCH_PASSPHRASE", PASSPHRASE)
    me, peer = tmp_path / "me", tmp_path / "peer"
    bundle, garbage = tmp_path / "out.vouch", tmp_path / "garbage.vouch"
    garbage.write_text("vouch:1:not a bundle")
    with RECORDER.watching() as events:
        _cli(me, "init")
        _cli(peer, "init")
        peer_did = Wallet.open(peer, PASSPHRASE).did
        _cli(me, "whoami")
        _cli(me, "contact", "add", peer_did, "--name", "Pat", "--verified")
        _cli(me, "endorse", peer_did, "--scope", "plumbing", "--level", "3")
        _cli(me, "caution", peer_did, "--scope", "driving", "--reason", "too fast")
        _cli(me, "list", "--given")
        _cli(me, "export", "--all", "-o", str(bundle))
        _cli(me, "export", "--all", "--text")
        _cli(peer, "import", str(bundle))
        _cli(peer, "import", str(garbage), ok=False)
        _cli(peer, "verify", str(bundle))
        _cli(peer, "find", "plumbing")
        _cli(peer, "why", peer_did)
        _cli(peer, "opinions", peer_did)
        _cli(me, "unlock-method", "status")
        monkeypatch.setenv("VOUCH_NEW_PASSPHRASE", NEW_PASSPHRASE)
        _cli(me, "passwd")
        _cli(me, "whoami", ok=False)
    capsys.readouterr()
    assert events == []


# -- the desktop app ---------------------------------------------------------------------------


def test_gui_flows_touch_no_network(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate(monkeypatch, tmp_path)
    with settings_in(tmp_path / "xdg-config"), RECORDER.watching() as events:
        drive_gui(qtbot, qapp, tmp_path, monkeypatch)
    assert events == []


def test_the_app_uses_only_local_qt_sockets() -> None:
    """Qt's own sockets are C++ and invisible to the hook: only the local (AF_UNIX) ones may
    be used, for the one-instance check."""
    import vouch.gui

    allowed = {"QAbstractSocket", "QLocalServer", "QLocalSocket"}
    used: set[str] = set()
    for source in Path(vouch.gui.__file__).parent.rglob("*.py"):
        for match in IMPORT.finditer(source.read_text()):
            names = (match.group(1) or match.group(2)).replace("\n", " ").split(",")
            used |= {name.strip() for name in names if name.strip()}
        assert "QtNetwork." not in source.read_text(), source
    assert used <= allowed, used - allowed


# -- the control: sharing does reach for the network, and the hook sees it ---------------------


def test_the_recorder_sees_sharing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(monkeypatch, tmp_path)
    wallet = Wallet.create(tmp_path / "me", PASSPHRASE)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = int(probe.getsockname()[1])

    async def share_and_sync() -> None:
        announcer = Announcer(closed_port, addresses=["127.0.0.1"], interfaces=["127.0.0.1"])
        try:
            await announcer.start()
        except PeerError:
            pass  # no multicast on loopback here: the sync attempt below still counts
        finally:
            await announcer.stop()
        with pytest.raises(PeerError):
            await sync_with(WalletSyncStore(wallet), "127.0.0.1", closed_port)

    with RECORDER.watching() as events:
        asyncio.run(share_and_sync())
    wallet.lock()
    kinds = {event for event, _ in events}
    assert "socket.connect" in kinds
    assert any(str(closed_port) in detail for event, detail in events if event == "socket.connect")
