"""Frames over real loopback sockets: limits, timeouts, disconnects."""

from __future__ import annotations

import asyncio
import struct
from collections.abc import Awaitable, Callable

import pytest

from vouch.exchange.p2p.errors import PeerDisconnected, PeerTimeout, ProtocolViolation
from vouch.exchange.p2p.framing import FramedStream

Peer = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


class Loopback:
    """A loopback connection whose server end is driven by `peer`; cleans both ends up."""

    def __init__(self, peer: Peer, *, max_frame: int = 1024, timeout: float = 0.3) -> None:
        self._peer = peer
        self._max_frame = max_frame
        self._timeout = timeout
        self._tasks: list[asyncio.Task[None]] = []

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.append(task)
        try:
            await self._peer(reader, writer)
        finally:
            writer.close()

    async def __aenter__(self) -> FramedStream:
        server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        server.close()
        await server.wait_closed()
        self.near = FramedStream(
            reader, writer, max_frame=self._max_frame, read_timeout=self._timeout
        )
        return self.near

    async def __aexit__(self, *exc_info: object) -> None:
        await self.near.close()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)


def test_frames_round_trip_and_bytes_are_counted() -> None:
    async def scenario() -> None:
        async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            far = FramedStream(reader, writer)
            for _ in range(3):
                await far.write_frame(await far.read_frame())
            await far.close()

        async with Loopback(echo) as near:
            for body in (b"", b"x", bytes(1024)):
                await near.write_frame(body)
                assert await near.read_frame() == body
            assert near.bytes_sent == near.bytes_received == 3 * 4 + 1025

    asyncio.run(scenario())


def test_oversized_frame_is_refused_before_its_body() -> None:
    async def scenario() -> None:
        async def liar(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            writer.write(struct.pack(">I", 50_000_000))
            await writer.drain()
            await asyncio.sleep(1)

        async with Loopback(liar) as near:
            with pytest.raises(ProtocolViolation, match="50000000-byte frame"):
                await near.read_frame()

    asyncio.run(scenario())


def test_stalled_peer_times_out() -> None:
    async def scenario() -> None:
        async def staller(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            writer.write(struct.pack(">I", 10) + b"abc")  # promise 10 bytes, send 3
            await writer.drain()
            await asyncio.sleep(2)

        async with Loopback(staller, timeout=0.2) as near:
            with pytest.raises(PeerTimeout):
                await near.read_frame()

    asyncio.run(scenario())


def test_peer_hanging_up_mid_frame_is_a_disconnect() -> None:
    async def scenario() -> None:
        async def quitter(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            writer.write(struct.pack(">I", 10) + b"abc")
            await writer.drain()
            writer.close()

        async with Loopback(quitter) as near:
            with pytest.raises(PeerDisconnected):
                await near.read_frame()

    asyncio.run(scenario())


def test_writing_an_oversized_frame_is_a_bug() -> None:
    async def scenario() -> None:
        async def idle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await asyncio.sleep(0.5)

        async with Loopback(idle, max_frame=16) as near:
            with pytest.raises(ValueError):
                await near.write_frame(bytes(17))

    asyncio.run(scenario())
