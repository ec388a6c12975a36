"""A far-away sync whose link dies midway keeps whole batches; the next sync brings the rest.

Two real wallets sync through local wormhole servers with small batches; once the joining side
has stored a few batches, the inviting side's wormhole helper is killed (as when a laptop lid
closes or the network goes). Both sides get a clear error, the receiver keeps what it stored,
intact, and the next sync completes the set.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.cli import PASSPHRASE
from support.wormhole_servers import LocalServers, local_wormhole_servers
from vouch.core.errors import PeerError
from vouch.core.records import Level
from vouch.exchange.p2p.service import SyncOptions
from vouch.exchange.p2p.session import SessionConfig
from vouch.exchange.p2p.status import SyncReport, SyncStatus
from vouch.exchange.runtime.faraway import FarMode, FarPlan, sync_far
from vouch.exchange.wormhole.link import WormholeLink, WormholeServers
from vouch.wallet import Wallet
from vouch.wallet.sync import WalletSyncStore

GIVEN = 500  # more than the socket buffers between a helper and its app hold
SMALL_BATCHES = SyncOptions(read_timeout=5.0, session=SessionConfig(batch_max_items=5))


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServers]:
    with local_wormhole_servers(tmp_path_factory.mktemp("wormhole")) as running:
        yield running


def far_sync(
    giver: Wallet, taker: Wallet, where: WormholeServers, kill_after: int | None
) -> tuple[object, object]:
    """Giver invites, taker joins; kill the taker's helper once `kill_after` items arrived.

    What the taker's helper had read but not yet handed on is lost with it, as when the
    connection drops; what already sat in the socket still arrives, then the stream ends.
    """
    links: list[WormholeLink] = []

    def keep(servers: WormholeServers, seconds: float) -> WormholeLink:
        links.append(WormholeLink(servers, timeout=seconds))
        return links[-1]

    async def both() -> tuple[object, object]:
        code: asyncio.Future[str] = asyncio.get_running_loop().create_future()

        def watch(status: SyncStatus) -> None:
            process = links[0]._process if links else None
            due = kill_after is not None and status.items_received >= kill_after
            if due and process is not None and process.returncode is None:
                process.kill()

        inviting = asyncio.create_task(
            sync_far(
                WalletSyncStore(giver),
                FarPlan(FarMode.INVITE, where, seconds=30),
                on_waiting=lambda c, _u: c and not code.done() and code.set_result(c),
                on_status=None,
                options=SMALL_BATCHES,
            )
        )
        try:
            joined: object = await sync_far(
                WalletSyncStore(taker),
                FarPlan(FarMode.JOIN, where, code=await code, seconds=30),
                on_waiting=lambda _c, _u: None,
                on_status=watch,
                options=SMALL_BATCHES,
                link_factory=keep,
            )
        except PeerError as exc:
            joined = exc
        (given,) = await asyncio.gather(inviting, return_exceptions=True)
        return given, joined

    return asyncio.run(both())


def test_a_link_that_dies_midway_keeps_whole_batches(servers: LocalServers, tmp_path: Path) -> None:
    where = WormholeServers(servers.mailbox, servers.transit)
    giver = Wallet.create(tmp_path / "giver", PASSPHRASE)
    taker = Wallet.create(tmp_path / "taker", PASSPHRASE)
    try:
        for n in range(GIVEN):
            giver.endorse(taker.did, f"task-{n}", Level.MOST_THINGS)
        giving, taking = far_sync(giver, taker, where, kill_after=20)
        assert isinstance(taking, PeerError), taking
        # The giver may have handed every batch on before the link died: it may report them
        # sent. Either way nothing but a clear error or a report comes out.
        assert isinstance(giving, PeerError | SyncReport), giving
        kept = taker.count_endorsements()
        assert 20 <= kept < GIVEN  # whole batches of five, stored as they came
        assert kept % 5 == 0
        assert taker.integrity_ok()

        giving, taking = far_sync(giver, taker, where, kill_after=None)
        assert not isinstance(taking, BaseException), taking
        assert taking.received.added == GIVEN - kept  # type: ignore[attr-defined]
        assert taker.count_endorsements() == GIVEN
    finally:
        giver.lock()
        taker.lock()
