"""Whole syncs over loopback: pairing policy, audience, hostile peers, interrupted syncs."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import struct
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from p2p_memory_store import MemoryStore, make_document

from vouch.core.errors import PeerError
from vouch.exchange.p2p.errors import PeerRefused
from vouch.exchange.p2p.service import SyncOptions, parse_peer_address, serve, sync_with
from vouch.exchange.p2p.session import SessionConfig
from vouch.exchange.p2p.status import ConfirmPairing, SyncPhase, SyncStatus

FAST = SyncOptions(read_timeout=0.5, pairing_timeout=1.0, connect_timeout=2.0)
BASE_TS = 1_650_000_000


def documents(numbers: range, audience: str = "public") -> list[bytes]:
    return [make_document(n, BASE_TS + n * 11, audience) for n in numbers]


def befriend(a: MemoryStore, b: MemoryStore) -> None:
    a.verified.add(b.identity.did)
    b.verified.add(a.identity.did)


@contextlib.asynccontextmanager
async def serving(
    store: MemoryStore,
    *,
    confirm_pairing: ConfirmPairing | None = None,
    on_status: Callable[[SyncStatus], None] | None = None,
    options: SyncOptions = FAST,
) -> AsyncIterator[int]:
    loop = asyncio.get_running_loop()
    bound: asyncio.Future[int] = loop.create_future()
    stop = asyncio.Event()
    task = asyncio.create_task(
        serve(
            store,
            "127.0.0.1",
            0,
            confirm_pairing=confirm_pairing,
            on_status=on_status,
            on_listening=bound.set_result,
            stop_event=stop,
            options=options,
        )
    )
    try:
        yield await bound
    finally:
        stop.set()
        assert await task == bound.result()


def test_verified_contacts_sync_both_ways() -> None:
    a, b = MemoryStore(), MemoryStore()
    a.add(*documents(range(0, 100)))
    b.add(*documents(range(60, 170)))
    befriend(a, b)
    statuses: list[SyncStatus] = []

    async def scenario() -> None:
        async with serving(b) as port:
            report = await sync_with(a, "127.0.0.1", port, on_status=statuses.append, options=FAST)
        assert report.peer_did == b.identity.did
        assert report.sent == 60
        assert report.received.added == 70
        assert report.bytes_sent > 0 and report.bytes_received > 0
        assert report.round_trips >= 1

    asyncio.run(scenario())
    assert set(a.documents) == set(b.documents)
    assert len(a.documents) == 170
    phases = [s.phase for s in statuses]
    assert phases[0] is SyncPhase.CONNECTING and phases[-1] is SyncPhase.DONE
    assert SyncPhase.AWAITING_CONFIRMATION not in phases  # contacts need no prompt
    assert statuses[-1].items_received == 70 and statuses[-1].items_sent == 60
    with pytest.raises(AttributeError):
        statuses[-1].phase = SyncPhase.FAILED  # type: ignore[misc]


def test_unknown_peers_pair_when_both_confirm_the_same_code() -> None:
    a, b = MemoryStore(), MemoryStore()
    a.add(*documents(range(3)))
    seen: dict[str, tuple[str, str]] = {}

    async def server_confirm(did: str, sas: str) -> bool:
        seen["server"] = (did, sas)
        return True

    def client_confirm(did: str, sas: str) -> bool:
        seen["client"] = (did, sas)
        return True

    async def scenario() -> None:
        async with serving(b, confirm_pairing=server_confirm) as port:
            await sync_with(a, "127.0.0.1", port, confirm_pairing=client_confirm, options=FAST)

    asyncio.run(scenario())
    assert seen["server"][0] == a.identity.did
    assert seen["client"][0] == b.identity.did
    assert seen["server"][1] == seen["client"][1]
    assert a.identity.did in b.verified and b.identity.did in a.verified
    assert len(b.documents) == 3


@pytest.mark.parametrize("who_declines", ["server", "client"])
def test_an_unconfirmed_peer_gets_nothing(who_declines: str) -> None:
    a, b = MemoryStore(), MemoryStore()
    a.add(*documents(range(5)))
    b.add(*documents(range(5, 9)))
    server_confirm = None if who_declines == "server" else (lambda did, sas: True)

    async def client_confirm(did: str, sas: str) -> bool:
        return who_declines != "client"

    async def scenario() -> None:
        async with serving(b, confirm_pairing=server_confirm) as port:
            with pytest.raises(PeerRefused):
                await sync_with(a, "127.0.0.1", port, confirm_pairing=client_confirm, options=FAST)

    asyncio.run(scenario())
    assert a.calls_for_items == b.calls_for_items == []
    assert len(a.documents) == 5 and len(b.documents) == 4
    assert not a.verified and not b.verified


def test_each_side_sends_only_what_its_store_allows() -> None:
    a, b = MemoryStore(), MemoryStore()
    b.add(*documents(range(4)), *documents(range(100, 103), audience="private"))
    befriend(a, b)

    async def scenario() -> None:
        async with serving(b) as port:
            report = await sync_with(a, "127.0.0.1", port, options=FAST)
        assert report.received.added == 4
        b.close_friends.add(a.identity.did)
        async with serving(b) as port:
            report = await sync_with(a, "127.0.0.1", port, options=FAST)
        assert report.received.added == 3

    asyncio.run(scenario())
    assert b.calls_for_items == [a.identity.did, a.identity.did]
    assert len(a.documents) == 7


async def send_garbage_handshake(writer: asyncio.StreamWriter) -> None:
    # a plausible first Noise message (an "ephemeral key"), then noise instead of message 3
    writer.write(struct.pack(">I", 32) + os.urandom(32))
    writer.write(struct.pack(">I", 100) + os.urandom(100))


async def send_oversized_frame(writer: asyncio.StreamWriter) -> None:
    writer.write(struct.pack(">I", 64 * 1024 * 1024) + b"x" * 100)


async def send_random_bytes(writer: asyncio.StreamWriter) -> None:
    writer.write(b"\x00\x00" + os.urandom(5000))


async def stall(writer: asyncio.StreamWriter) -> None:
    writer.write(struct.pack(">I", 32) + b"only part of a frame")


@pytest.mark.parametrize(
    "attack, log_text",
    [
        (send_garbage_handshake, "handshake failed"),
        (send_oversized_frame, "67108864-byte frame"),
        (send_random_bytes, "dropping"),
        (stall, "sent nothing for 0.5 seconds"),
    ],
)
def test_hostile_peer_is_dropped_and_the_server_keeps_serving(
    attack: Callable[[asyncio.StreamWriter], Awaitable[None]],
    log_text: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    a, b = MemoryStore(), MemoryStore()
    b.add(*documents(range(10)))
    befriend(a, b)

    async def scenario() -> None:
        async with serving(b) as port:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            await attack(writer)
            await writer.drain()
            # the server hangs up on us: reading ends (possibly after its handshake reply)
            assert await asyncio.wait_for(reader.read(), 3.0) is not None
            writer.close()
            await writer.wait_closed()
            report = await sync_with(a, "127.0.0.1", port, options=FAST)
            assert report.received.added == 10

    with caplog.at_level(logging.INFO, logger="vouch.exchange.p2p"):
        asyncio.run(scenario())
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    dropped = [text for text in warnings if "dropping" in text]
    assert len(dropped) == 1
    assert log_text in dropped[0]


@contextlib.asynccontextmanager
async def cutting_proxy(target_port: int, cut_after: int) -> AsyncIterator[int]:
    """Forwards one connection to `target_port` and kills it after `cut_after` bytes downstream."""
    tasks: list[asyncio.Task[None]] = []

    async def relay(
        src: asyncio.StreamReader, dst: asyncio.StreamWriter, budget: list[int] | None
    ) -> None:
        while chunk := await src.read(4096):
            if budget is not None:
                budget[0] -= len(chunk)
                if budget[0] <= 0:
                    for writer in writers:
                        writer.transport.abort()
                    return
            dst.write(chunk)
            await dst.drain()

    writers: list[asyncio.StreamWriter] = []

    async def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", target_port)
        writers.extend([writer, up_writer])
        both = [relay(reader, up_writer, None), relay(up_reader, writer, [cut_after])]
        tasks.extend(asyncio.create_task(c) for c in both)
        with contextlib.suppress(ConnectionError):
            await asyncio.gather(*tasks)

    server = await asyncio.start_server(on_connect, "127.0.0.1", 0)
    try:
        yield server.sockets[0].getsockname()[1]
    finally:
        server.close()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for writer in writers:
            writer.transport.abort()


def test_interrupted_sync_keeps_whole_batches_and_resumes() -> None:
    a, b = MemoryStore(), MemoryStore()
    b.add(*documents(range(2000)))
    befriend(a, b)
    options = SyncOptions(
        read_timeout=0.5, pairing_timeout=1.0, session=SessionConfig(batch_max_items=50)
    )

    async def scenario() -> tuple[int, int]:
        async with serving(b, options=options) as port:
            async with cutting_proxy(port, cut_after=130_000) as proxy_port:
                with pytest.raises(PeerError):
                    await sync_with(a, "127.0.0.1", proxy_port, options=options)
            partial = len(a.documents)
            report = await sync_with(a, "127.0.0.1", port, options=options)
            return partial, report.received.added

    partial, added_later = asyncio.run(scenario())
    assert 0 < partial < 2000
    assert partial % 50 == 0  # only whole batches were stored
    assert added_later == 2000 - partial
    assert set(a.documents) == set(b.documents)


def test_connecting_to_nobody_is_a_peer_error() -> None:
    async def scenario() -> None:
        server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        server.close()
        await server.wait_closed()
        with pytest.raises(PeerError, match="Could not reach"):
            await sync_with(MemoryStore(), "127.0.0.1", port, options=FAST)

    asyncio.run(scenario())


@pytest.mark.parametrize(
    "text, expected",
    [("192.168.1.5:7777", ("192.168.1.5", 7777)), ("[::1]:80", ("::1", 80))],
)
def test_parse_peer_address(text: str, expected: tuple[str, int]) -> None:
    assert parse_peer_address(text) == expected


@pytest.mark.parametrize("text", ["nohost", "host:", ":80", "host:99999", "host:http"])
def test_parse_peer_address_rejects(text: str) -> None:
    from vouch.core.errors import InvalidInput

    with pytest.raises(InvalidInput):
        parse_peer_address(text)


@pytest.mark.parametrize("digits", [2, 6, 9])
def test_the_code_has_the_configured_length_and_matches(digits: int) -> None:
    a, b = MemoryStore(), MemoryStore()
    options = SyncOptions(read_timeout=0.5, pairing_timeout=1.0, sas_digits=digits)
    codes: dict[str, str] = {}
    statuses: list[SyncStatus] = []

    def server_confirm(did: str, sas: str) -> bool:
        codes["server"] = sas
        return True

    def client_confirm(did: str, sas: str) -> bool:
        codes["client"] = sas
        return True

    async def scenario() -> None:
        async with serving(
            b, confirm_pairing=server_confirm, on_status=statuses.append, options=options
        ) as port:
            await sync_with(a, "127.0.0.1", port, confirm_pairing=client_confirm, options=options)
            while not any(s.phase is SyncPhase.DONE for s in statuses):  # its last write
                await asyncio.sleep(0.01)

    asyncio.run(asyncio.wait_for(scenario(), 10.0))
    assert codes["server"] == codes["client"]
    assert len(codes["server"].replace(" ", "")) == digits
    asking = [s for s in statuses if s.phase is SyncPhase.AWAITING_CONFIRMATION]
    assert asking and asking[0].sas == codes["server"] and asking[0].incoming
    assert statuses[-1].phase is SyncPhase.DONE and statuses[-1].authorised
