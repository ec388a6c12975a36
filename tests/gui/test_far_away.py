"""The Exchange page's "Far away" part through real widgets and real local wormhole servers.

The other person's wallet runs the same far-away sync on an asyncio loop in a thread.
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import make_peer
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot
from test_exchange_page import LOCAL, PeerLoop, show_exchange

from support.wormhole_servers import LocalServers, local_wormhole_servers
from vouch.core.records import EndorsementFilter, Level, Verification
from vouch.exchange.p2p.service import SyncOptions
from vouch.exchange.runtime.faraway import FarMode, FarPlan, sync_far
from vouch.gui.main_window import MainWindow
from vouch.wallet import Wallet
from vouch.wallet.sync import WalletSyncStore

WAIT = 30_000


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServers]:
    with local_wormhole_servers(tmp_path_factory.mktemp("wormhole")) as running:
        yield running


@pytest.fixture
def far_env(servers: LocalServers, monkeypatch: pytest.MonkeyPatch) -> LocalServers:
    monkeypatch.setenv("VOUCH_MAILBOX", servers.mailbox)
    monkeypatch.setenv("VOUCH_TRANSIT", servers.transit)
    return servers


@pytest.fixture
def peer_loop() -> Iterator[PeerLoop]:
    loop = PeerLoop()
    yield loop
    loop.close()


@pytest.fixture
def peer(tmp_path: Path) -> Iterator[Wallet]:
    wallet = make_peer(tmp_path / "peer")
    yield wallet
    wallet.lock()


def peer_far(loop: PeerLoop, peer: Wallet, plan: FarPlan, codes: list[str]) -> Future[Any]:
    return loop.submit(
        sync_far(
            WalletSyncStore(peer),
            plan,
            on_waiting=lambda code, _until: codes.append(code),
            on_status=None,
            options=SyncOptions(),
        )
    )


def test_invite_with_a_code_syncs_and_asks_for_a_name(
    qtbot: QtBot,
    window: MainWindow,
    peer: Wallet,
    peer_loop: PeerLoop,
    far_env: LocalServers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.session.wallet.endorse(peer.did, "plumbing", Level.STRONGLY)
    page = show_exchange(window, LOCAL)
    page.far.invite_button.click()
    qtbot.waitUntil(lambda: page.far.shown_code.text() != "", timeout=WAIT)
    code = page.far.shown_code.text()
    assert page.far.shown_code.isVisibleTo(page) and page.far.copy_button.isVisibleTo(page)
    assert "left)" in page.far.waiting_label.text()
    assert not page.far.invite_button.isEnabled()  # one far-away sync at a time
    joined = peer_far(peer_loop, peer, FarPlan(FarMode.JOIN, far_env.servers(), code=code), [])
    qtbot.waitUntil(lambda: "Exchanged with" in page.summary.text(), timeout=WAIT)
    report = joined.result(timeout=WAIT / 1000)
    assert report.received.added == 1
    asked = page.name_dialog
    assert isinstance(asked, QInputDialog) and asked.isVisible()
    asked.setTextValue("Pat")
    asked.accept()
    contact = window.session.wallet.contact(peer.did)
    assert contact is not None and contact.petname == "Pat"
    assert contact.verification is Verification.CODE
    assert peer.endorsements(EndorsementFilter())[0].subject == peer.did
    assert not page.far.waiting.isVisibleTo(page) and page.far.invite_button.isEnabled()


def test_a_wrong_code_is_a_clear_message_and_stores_nothing(
    qtbot: QtBot, window: MainWindow, peer: Wallet, peer_loop: PeerLoop, far_env: LocalServers
) -> None:
    codes: list[str] = []
    inviting = peer_far(
        peer_loop, peer, FarPlan(FarMode.INVITE, far_env.servers(), seconds=30), codes
    )
    qtbot.waitUntil(lambda: bool(codes), timeout=WAIT)
    page = show_exchange(window, LOCAL)
    page.far.code.setText(codes[0].split("-")[0] + "-not-the-words")
    page.far.join_button.click()
    qtbot.waitUntil(lambda: "did not match" in page.message.text(), timeout=WAIT)
    with pytest.raises(Exception, match="did not match"):
        inviting.result(timeout=WAIT / 1000)
    assert window.session.wallet.contacts() == []
    assert page.far.join_button.isEnabled()


def test_stop_waiting_cancels_the_invitation(
    qtbot: QtBot, window: MainWindow, far_env: LocalServers
) -> None:
    page = show_exchange(window, LOCAL)
    page.far.invite_button.click()
    qtbot.waitUntil(lambda: page.far.shown_code.text() != "", timeout=WAIT)
    page.far.stop_button.click()
    qtbot.waitUntil(lambda: page.far.invite_button.isEnabled(), timeout=WAIT)
    assert not page.far.waiting.isVisibleTo(page)
    assert "cancelled" in page.message.text()


def test_no_server_is_contacted_until_the_person_starts(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stand-in mailbox counts connections: none while the page is open and a code is typed;
    one as soon as the person chooses Invite (the control: the counter does see contact)."""
    contacts: list[object] = []
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.1)
    port = listener.getsockname()[1]
    monkeypatch.setenv("VOUCH_MAILBOX", f"ws://127.0.0.1:{port}/v1")

    def count() -> int:
        with contextlib.suppress(TimeoutError):
            accepted, _ = listener.accept()
            contacts.append(accepted)
        return len(contacts)

    try:
        page = show_exchange(window, LOCAL)
        page.far.code.setFocus()
        page.far.code.setText("7-guitarist-revenge-crossbow")
        qtbot.wait(1500)
        assert count() == 0
        page.far.invite_button.click()
        qtbot.waitUntil(lambda: count() > 0, timeout=WAIT)
        page.far.stop_button.click()
        qtbot.waitUntil(lambda: page.far.invite_button.isEnabled(), timeout=WAIT)
    finally:
        for accepted in contacts:
            accepted.close()  # type: ignore[attr-defined]
        listener.close()
