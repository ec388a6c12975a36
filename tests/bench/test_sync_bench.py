"""Sync cost: reconciliation bytes and round trips against the naive "send every id", and the
wall time of a 100k-item first sync over loopback. Run with `make bench` (add `-s` to see the
figures printed)."""

from __future__ import annotations

import asyncio
import hashlib
import json
import random
from dataclasses import dataclass, field
from typing import Any

import pytest

from vouch.core.identity import Identity
from vouch.exchange.p2p.reconcile import Reconciler
from vouch.exchange.p2p.service import SyncOptions, serve, sync_with
from vouch.exchange.p2p.store import ReceiveSummary, SyncItem

pytestmark = pytest.mark.bench


def random_items(rng: random.Random, count: int) -> list[tuple[int, bytes]]:
    return [(rng.randrange(1_600_000_000, 1_700_000_000), rng.randbytes(32)) for _ in range(count)]


def reconcile(left: list[tuple[int, bytes]], right: list[tuple[int, bytes]]) -> tuple[int, int]:
    """Total bytes and messages for two machines to learn their differences."""
    a, b = Reconciler(left), Reconciler(right)
    message = a.initiate()
    total, count = len(message), 1
    receiver, other = b, a
    while (reply := receiver.receive(message).reply) is not None:
        total, count, message = total + len(reply), count + 1, reply
        receiver, other = other, receiver
    assert len(a.needs) + len(b.needs) == len({i for _, i in left} ^ {i for _, i in right})
    return total, count


@pytest.mark.parametrize("size", [10_000, 100_000])
@pytest.mark.parametrize("differences", [0, 10, 1000])
def test_reconciliation_cost(benchmark: Any, size: int, differences: int) -> None:
    rng = random.Random(size * 7 + differences)
    shared = random_items(rng, size - differences // 2)
    left = shared + random_items(rng, differences // 2)
    right = shared + random_items(rng, differences - differences // 2)
    result: dict[str, int] = {}

    def run() -> None:
        result["bytes"], result["messages"] = reconcile(left, right)

    benchmark.pedantic(run, rounds=1, iterations=1)
    naive = 32 * size
    round_trips = (result["messages"] + 1) // 2
    benchmark.extra_info.update(result, naive_bytes=naive, round_trips=round_trips)
    print(
        f"\nreconcile n={size} diff={differences}: {result['bytes']} bytes, "
        f"{round_trips} round trips ({result['messages']} messages); naive {naive} bytes"
    )
    assert result["bytes"] < naive


@dataclass
class BenchStore:
    identity: Identity = field(default_factory=Identity.generate)
    items: dict[bytes, SyncItem] = field(default_factory=dict)
    peers: set[str] = field(default_factory=set)

    def is_verified_peer(self, did: str) -> bool:
        return did in self.peers

    def remember_paired_peer(self, did: str) -> None:
        self.peers.add(did)

    def items_for_peer(self, peer_did: str) -> list[SyncItem]:
        return list(self.items.values())

    def receive_documents(self, peer_did: str, documents: list[bytes]) -> ReceiveSummary:
        added = 0
        for document in documents:
            item_id = hashlib.sha256(document).digest()
            if item_id not in self.items:
                timestamp = int(json.loads(document)["validFrom"])
                self.items[item_id] = SyncItem(item_id, timestamp, document)
                added += 1
        return ReceiveSummary(added, len(documents) - added, 0, ())


def test_first_sync_of_100k_items_over_loopback(benchmark: Any) -> None:
    source, target = BenchStore(), BenchStore()
    for number in range(100_000):
        document = json.dumps(
            {"n": number, "validFrom": 1_600_000_000 + number * 13, "pad": "x" * 200}
        ).encode()
        item = SyncItem(hashlib.sha256(document).digest(), 1_600_000_000 + number * 13, document)
        source.items[item.item_id] = item
    source.peers.add(target.identity.did)
    target.peers.add(source.identity.did)
    outcome: dict[str, int] = {}

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        bound: asyncio.Future[int] = loop.create_future()
        stop = asyncio.Event()
        server = asyncio.create_task(
            serve(source, "127.0.0.1", 0, on_listening=bound.set_result, stop_event=stop)
        )
        report = await sync_with(target, "127.0.0.1", await bound, options=SyncOptions())
        stop.set()
        await server
        outcome.update(
            received=report.received.added,
            bytes_received=report.bytes_received,
            bytes_sent=report.bytes_sent,
            round_trips=report.round_trips,
        )

    benchmark.pedantic(lambda: asyncio.run(scenario()), rounds=1, iterations=1)
    benchmark.extra_info.update(outcome)
    print(f"\nfirst sync of 100k items: {outcome}")
    assert outcome["received"] == 100_000
    assert len(target.items) == 100_000
