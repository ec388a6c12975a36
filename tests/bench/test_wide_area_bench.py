"""Far-away sync through local magic-wormhole servers, beside the same sync over plain loopback.

Two stores of 5,000 items with 500 differences each way. Figures: the connect time (code
entered -> channel open, i.e. the PAKE, dilation and the Noise handshake) and the whole sync.
Run with `make bench` (add `-s` to see the figures printed).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_sync_bench import BenchStore

from support.wormhole_servers import LocalServers, local_wormhole_servers
from vouch.exchange.p2p.service import SyncOptions, serve, sync_with
from vouch.exchange.p2p.status import SyncPhase, SyncStatus
from vouch.exchange.p2p.store import SyncItem
from vouch.exchange.runtime.faraway import FarMode, FarPlan, sync_far

pytestmark = pytest.mark.bench
SHARED, EACH = 4_500, 500


def item(number: int) -> SyncItem:
    document = json.dumps({"n": number, "validFrom": 1_600_000_000 + number, "pad": "x" * 300})
    data = document.encode()
    return SyncItem(hashlib.sha256(data).digest(), 1_600_000_000 + number, data)


def two_stores() -> tuple[BenchStore, BenchStore]:
    left, right = BenchStore(), BenchStore()
    for number in range(SHARED):
        shared = item(number)
        left.items[shared.item_id] = right.items[shared.item_id] = shared
    for number in range(EACH):
        mine, theirs = item(100_000 + number), item(200_000 + number)
        left.items[mine.item_id] = mine
        right.items[theirs.item_id] = theirs
    left.peers.add(right.identity.did)
    right.peers.add(left.identity.did)
    return left, right


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServers]:
    with local_wormhole_servers(tmp_path_factory.mktemp("wormhole")) as running:
        yield running


def test_far_sync_through_local_servers_beside_loopback(
    benchmark: Any, servers: LocalServers, tmp_path: Path
) -> None:
    figures: dict[str, float] = {}

    async def far() -> None:
        left, right = two_stores()
        codes: asyncio.Queue[str] = asyncio.Queue()
        opened_at: list[float] = []

        def channel_open(status: SyncStatus) -> None:
            if status.phase is SyncPhase.RECONCILING and not opened_at:
                opened_at.append(time.perf_counter())

        inviting = asyncio.create_task(
            sync_far(
                left,
                FarPlan(FarMode.INVITE, servers.servers()),
                on_waiting=lambda code, _until: codes.put_nowait(code),
                on_status=None,
                options=SyncOptions(),
            )
        )
        code = await codes.get()
        started = time.perf_counter()
        report = await sync_far(
            right,
            FarPlan(FarMode.JOIN, servers.servers(), code=code),
            on_waiting=lambda _code, _until: None,
            on_status=channel_open,
            options=SyncOptions(),
        )
        await inviting
        figures["far_connect_s"] = opened_at[0] - started
        figures["far_total_s"] = time.perf_counter() - started
        assert report.received.added == EACH and len(right.items) == SHARED + 2 * EACH

    async def loopback() -> None:
        left, right = two_stores()
        loop = asyncio.get_running_loop()
        bound: asyncio.Future[int] = loop.create_future()
        stop = asyncio.Event()
        server = asyncio.create_task(
            serve(left, "127.0.0.1", 0, on_listening=bound.set_result, stop_event=stop)
        )
        started = time.perf_counter()
        report = await sync_with(right, "127.0.0.1", await bound)
        figures["loopback_total_s"] = time.perf_counter() - started
        stop.set()
        await server
        assert report.received.added == EACH

    benchmark.pedantic(lambda: asyncio.run(far()), rounds=1, iterations=1)
    asyncio.run(loopback())
    benchmark.extra_info.update(figures)
    print(f"\nfar-away vs loopback, 5,000 items, 500 differences each way: {figures}")
