"""The Exchange page: visibility, pairing by comparing codes, syncing, cancelling, errors.

Real widgets offscreen, real sockets on 127.0.0.1, two real wallets. The other person's wallet
runs the core sync API on an asyncio loop in a background thread.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Coroutine, Iterator
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import OTHER_PASSPHRASE, make_peer
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from vouch.core.errors import PeerError
from vouch.core.records import EndorsementFilter, Level
from vouch.exchange.p2p.discovery import Announcer, browse
from vouch.exchange.p2p.service import SyncOptions, SyncServer, sync_with
from vouch.exchange.p2p.session import SessionConfig
from vouch.exchange.p2p.store import ReceiveSummary
from vouch.exchange.runtime import ExchangeConfig
from vouch.gui.main_window import EXCHANGE_SHORTCUT, MainWindow
from vouch.gui.pages.exchange import ExchangePage
from vouch.wallet import Wallet
from vouch.wallet import exchange as exchange_use_cases
from vouch.wallet.sync import WalletSyncStore

LOOPBACK = ["127.0.0.1"]
LOCAL = ExchangeConfig(
    listen_host="127.0.0.1", announce=False, interfaces=LOOPBACK, browse_seconds=1.0
)
WAIT = 20_000


class PeerLoop:
    """The other person's side: an asyncio loop in a thread, fed coroutines from the test."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def submit(self, coro: Coroutine[Any, Any, Any]) -> Future[Any]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def run(self, coro: Coroutine[Any, Any, Any]) -> Any:
        return self.submit(coro).result(timeout=30)

    def close(self) -> None:
        self.run(_cancel_others())  # e.g. zeroconf's goodbye broadcasts, still pending
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


async def _cancel_others() -> None:
    others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    for task in others:
        task.cancel()
    await asyncio.gather(*others, return_exceptions=True)


class Answers:
    """The peer's pairing answers: records the code it saw and says yes (or no)."""

    def __init__(self, accept: bool = True) -> None:
        self.accept = accept
        self.codes: list[str] = []

    def __call__(self, did: str, sas: str) -> bool:
        self.codes.append(sas)
        return self.accept


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


def show_exchange(window: MainWindow, config: ExchangeConfig = LOCAL) -> ExchangePage:
    page = window.exchange_page
    page.engine.config = config
    window.show_page(window.pages.index(page))
    assert page.isVisible()
    return page


def make_visible(qtbot: QtBot, page: ExchangePage) -> int:
    page.visible_toggle.click()
    assert page.visible_toggle.isChecked()
    qtbot.waitUntil(lambda: page.my_address.text() != "", timeout=WAIT)
    host, _, port = page.my_address.text().rpartition(":")
    assert host == "127.0.0.1"
    return int(port)


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def statements(wallet: Wallet) -> int:
    return len(wallet.endorsements(EndorsementFilter()))


def start_server(peer_loop: PeerLoop, store: WalletSyncStore, **kwargs: Any) -> SyncServer:
    server = SyncServer(store, **kwargs)
    peer_loop.run(server.start("127.0.0.1", 0))
    return server


def server_port(server: SyncServer) -> int:
    assert server._server is not None
    return int(server._server.sockets[0].getsockname()[1])


def test_visible_page_serves_a_peer_after_both_confirm(
    qtbot: QtBot, window: MainWindow, peer: Wallet, peer_loop: PeerLoop
) -> None:
    me = window.session.wallet
    me.endorse(peer.did, "plumbing", Level.STRONGLY)
    peer.endorse(me.did, "cooking", Level.MOST_THINGS)
    peer.endorse(me.did, "gardening", Level.SMALL_THINGS)
    page = show_exchange(window)
    port = make_visible(qtbot, page)
    assert "Turns off in" in page.visibility_label.text()

    answers = Answers()
    done = peer_loop.submit(
        sync_with(WalletSyncStore(peer), "127.0.0.1", port, confirm_pairing=answers)
    )
    qtbot.waitUntil(
        lambda: page.pairing_dialog is not None and page.pairing_dialog.isVisible(), timeout=WAIT
    )
    dialog = page.pairing_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: answers.codes != [], timeout=WAIT)
    assert dialog.code.text() == answers.codes[0]  # the same six digits on both screens
    assert dialog.isModal() and dialog.confirm_button.isEnabled()
    dialog.confirm_button.click()

    report = done.result(timeout=30)
    assert report.sent == 2 and report.received.added == 1
    qtbot.waitUntil(lambda: "received 2 new" in page.summary.text(), timeout=WAIT)
    assert "sent 1 item" in page.summary.text()
    assert "0 invalid" in page.summary.text()
    assert statements(me) == 3
    contact = me.contact(peer.did)
    assert contact is not None and contact.verified  # paired: a verified contact now
    assert page.visible_toggle.isChecked()  # still visible for the next person


def test_they_dont_match_refuses_and_nothing_is_stored(
    qtbot: QtBot, window: MainWindow, peer: Wallet, peer_loop: PeerLoop
) -> None:
    me = window.session.wallet
    me.endorse(peer.did, "plumbing", Level.STRONGLY)
    peer.endorse(me.did, "cooking", Level.MOST_THINGS)
    server = start_server(peer_loop, WalletSyncStore(peer), confirm_pairing=Answers())
    page = show_exchange(window)
    page.address.setFocus()
    qtbot.keyClicks(page.address, f"127.0.0.1:{server_port(server)}")
    qtbot.keyClick(page.address, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: page.pairing_dialog is not None and page.pairing_dialog.isVisible(), timeout=WAIT
    )
    assert page.progress.isVisible() and page.cancel_button.isEnabled()
    assert page.pairing_dialog is not None
    page.pairing_dialog.mismatch_button.click()

    qtbot.waitUntil(lambda: "did not match" in page.message.text(), timeout=WAIT)
    assert not page.progress.isVisible()
    assert statements(me) == 1 and me.contact(peer.did) is None
    peer_loop.run(server.close())
    assert server.reports == []
    assert statements(peer) == 1 and peer.contact(me.did) is None


def test_an_unanswered_pairing_attempt_is_shown_on_the_page(
    qtbot: QtBot, window: MainWindow, peer: Wallet, peer_loop: PeerLoop
) -> None:
    quick = replace(LOCAL, options=SyncOptions(pairing_timeout=1.0))
    page = show_exchange(window, quick)
    port = make_visible(qtbot, page)
    assert not page.attempts.isVisible()
    done = peer_loop.submit(
        sync_with(WalletSyncStore(peer), "127.0.0.1", port, confirm_pairing=Answers())
    )
    qtbot.waitUntil(lambda: page.pairing_dialog is not None, timeout=WAIT)
    # Nobody answers: the question closes by itself and the attempt is listed.
    qtbot.waitUntil(
        lambda: "A pairing attempt from 127.0.0.1:" in page.attempts.text(), timeout=WAIT
    )
    assert "Nobody confirmed the code within 1 seconds" in page.attempts.text()
    assert page.attempts.isVisible() and page.pairing_dialog is None
    with pytest.raises(PeerError):
        done.result(timeout=30)
    assert window.session.wallet.contact(peer.did) is None
    assert page.visible_toggle.isChecked()  # still visible for the next person


def test_visibility_turns_itself_off(qtbot: QtBot, window: MainWindow) -> None:
    page = show_exchange(window, replace(LOCAL, visible_seconds=1.0))
    port = make_visible(qtbot, page)
    qtbot.waitUntil(lambda: not page.visible_toggle.isChecked(), timeout=WAIT)
    assert "turned itself off" in page.visibility_label.text()
    assert page.my_address.text() == ""
    qtbot.waitUntil(lambda: not port_open(port), timeout=WAIT)


def test_visibility_ends_on_page_leave_and_on_lock(qtbot: QtBot, window: MainWindow) -> None:
    page = show_exchange(window)
    port = make_visible(qtbot, page)
    window.show_page(0)
    assert not page.visible_toggle.isChecked()
    qtbot.waitUntil(lambda: not port_open(port), timeout=WAIT)
    qtbot.waitUntil(lambda: not page.engine.running, timeout=WAIT)  # the loop ended

    assert window.page_actions[window.pages.index(page)].shortcuts()[1] == QKeySequence(
        EXCHANGE_SHORTCUT
    )
    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.pages_stack.currentWidget() is page
    port = make_visible(qtbot, page)
    window.lock()
    assert not port_open(port)  # lock waits for the loop to stop
    assert not page.visible_toggle.isChecked() and page.my_address.text() == ""
    assert page.nearby.count() == 0


def test_connecting_to_a_closed_port_says_so(qtbot: QtBot, window: MainWindow) -> None:
    page = show_exchange(window)
    page.address.setText("not an address")
    page.connect_button.click()
    assert "Expected host:port" in page.message.text()

    port = free_port()
    page.address.setText(f"127.0.0.1:{port}")
    page.connect_button.click()
    qtbot.waitUntil(
        lambda: f"Could not reach a wallet at 127.0.0.1:{port}" in page.message.text(), timeout=WAIT
    )
    assert not page.progress.isVisible() and page.connect_button.isEnabled()


def gated_store(reached: threading.Event, release: threading.Event) -> type[WalletSyncStore]:
    """A store that holds its second received batch until the test says go."""

    class Gated(WalletSyncStore):
        batches = 0

        def receive_documents(self, peer_did: str, documents: list[bytes]) -> ReceiveSummary:
            Gated.batches += 1
            if Gated.batches == 2:
                reached.set()
                release.wait(30)
            return super().receive_documents(peer_did, documents)

    return Gated


def test_cancel_mid_sync_keeps_whole_batches_only(
    qtbot: QtBot,
    window: MainWindow,
    peer: Wallet,
    peer_loop: PeerLoop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    me = window.session.wallet
    for i in range(30):
        peer.endorse(me.did, f"task-{i}", Level.MOST_THINGS)
    reached, release = threading.Event(), threading.Event()
    monkeypatch.setattr(exchange_use_cases, "WalletSyncStore", gated_store(reached, release))
    small_batches = SyncOptions(session=SessionConfig(batch_max_items=5))
    server = start_server(
        peer_loop, WalletSyncStore(peer), confirm_pairing=Answers(), options=small_batches
    )
    page = show_exchange(window)
    page.address.setText(f"127.0.0.1:{server_port(server)}")
    page.connect_button.click()
    qtbot.waitUntil(
        lambda: page.pairing_dialog is not None and page.pairing_dialog.isVisible(), timeout=WAIT
    )
    assert page.pairing_dialog is not None
    page.pairing_dialog.confirm_button.click()
    qtbot.waitUntil(reached.is_set, timeout=WAIT)
    page.cancel_button.click()  # queued behind the batch being stored
    release.set()
    qtbot.waitUntil(lambda: "cancelled" in page.message.text(), timeout=WAIT)
    assert not page.progress.isVisible()
    stored = statements(me)
    assert stored == 10  # two whole batches of five; nothing half-imported

    # Both wallets still open from disk, and the next exchange brings the rest.
    window.lock()
    peer_loop.run(server.close())
    peer.lock()
    Wallet.open(peer.home, OTHER_PASSPHRASE).lock()
    from gui_helpers import unlock

    unlock(qtbot, window)
    again = Wallet.open(peer.home, OTHER_PASSPHRASE)
    try:
        server = start_server(peer_loop, WalletSyncStore(again), options=small_batches)
        page = show_exchange(window)
        page.address.setText(f"127.0.0.1:{server_port(server)}")
        page.connect_button.click()  # a verified contact now: no pairing dialog
        qtbot.waitUntil(lambda: "received 20 new" in page.summary.text(), timeout=WAIT)
        assert statements(window.session.wallet) == 30
        peer_loop.run(server.close())
    finally:
        again.lock()


def test_nearby_wallets_are_listed_and_my_wallet_is_announced(
    qtbot: QtBot, window: MainWindow, peer: Wallet, peer_loop: PeerLoop
) -> None:
    server = start_server(peer_loop, WalletSyncStore(peer), confirm_pairing=Answers())
    announcer = Announcer(server_port(server), addresses=LOOPBACK, interfaces=LOOPBACK, timeout=60)
    try:
        peer_loop.run(announcer.start())
    except PeerError as exc:
        pytest.skip(f"no multicast on the loopback interface here: {exc.__cause__!r}")
    try:
        config = replace(LOCAL, announce=True, announce_addresses=("127.0.0.1",))
        page = show_exchange(window, config)
        found = lambda: [  # noqa: E731
            page.nearby.item(i).text() for i in range(page.nearby.count())
        ]
        qtbot.waitUntil(lambda: any(announcer.instance in t for t in found()), timeout=WAIT)
        assert not page.nearby_hint.isVisible()
        port = make_visible(qtbot, page)
        qtbot.waitUntil(lambda: page.visible_toggle.toolTip().startswith("Announced"), timeout=WAIT)
        mine = page.visible_toggle.toolTip().split()[-1]
        seen = peer_loop.run(browse(2.0, interfaces=LOOPBACK))
        assert [(w.host, w.port) for w in seen if w.name == mine] == [("127.0.0.1", port)]
        assert window.session.wallet.did not in mine
        assert not any(mine in t for t in found())  # my own wallet is not listed as nearby

        qtbot.waitUntil(lambda: any(announcer.instance in t for t in found()), timeout=WAIT)
        row = next(i for i, t in enumerate(found()) if announcer.instance in t)
        page.nearby.setCurrentRow(row)
        page.sync_button.click()
        qtbot.waitUntil(
            lambda: page.pairing_dialog is not None and page.pairing_dialog.isVisible(),
            timeout=WAIT,
        )
        assert page.pairing_dialog is not None
        page.pairing_dialog.confirm_button.click()
        qtbot.waitUntil(lambda: "Exchanged with" in page.summary.text(), timeout=WAIT)
    finally:
        peer_loop.run(announcer.stop())
        peer_loop.run(server.close())
