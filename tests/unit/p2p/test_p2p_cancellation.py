"""A connection that is told to stop stops, even when something below it swallows the request.

On Python 3.11 a cancellation can be lost inside a library call that finishes at the same moment
(`asyncio.wait_for` returns the result instead of raising). A sync server then waited for such a
connection until its pairing deadline (two minutes) before close() returned. These tests make
a task below a connection swallow its cancellation on purpose and check that the connection
still ends; each has a control that runs the former code and shows the request being lost.
"""

from __future__ import annotations

import asyncio
import contextlib

from p2p_memory_store import MemoryStore

from vouch.core.errors import PeerError
from vouch.exchange.p2p.connection import Reporter, _Pairing
from vouch.exchange.p2p.options import SyncOptions
from vouch.exchange.p2p.pairing import PairingMachine
from vouch.exchange.p2p.service import SyncServer


class StubbornChannel:
    """A channel whose pending read ignores its first cancellation and returns a moment later."""

    async def recv(self, timeout: float | None = None) -> bytes:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            await asyncio.sleep(0.05)
        return b"late"


async def stop_reading_the_former_way(pairing: _Pairing) -> None:
    task, pairing.recv_task = pairing.recv_task, None
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, PeerError):
            await task


async def cancel_while_stopping(stop: object) -> bool:
    """True if the connection's own task ended cancelled."""
    pairing = _Pairing(
        StubbornChannel(),  # type: ignore[arg-type]
        PairingMachine(initiator=False),
        None,
        Reporter(None, "test", incoming=True),
        SyncOptions(),
        0.0,
    )
    pairing.recv_task = asyncio.ensure_future(pairing.channel.recv())
    await asyncio.sleep(0)  # the read is under way

    async def connection() -> str:
        await stop(pairing)  # type: ignore[operator]
        await asyncio.sleep(0.5)  # stands for the rest of the connection
        return "went on"

    task = asyncio.ensure_future(connection())
    await asyncio.sleep(0.01)  # the connection now waits for the read to end
    task.cancel()
    await asyncio.wait({task}, timeout=2.0)
    assert task.done()
    return task.cancelled()


def test_stopping_the_read_passes_the_connections_cancellation_on() -> None:
    assert asyncio.run(cancel_while_stopping(_Pairing._stop_reading))


def test_control_the_former_code_lost_the_cancellation() -> None:
    assert not asyncio.run(cancel_while_stopping(stop_reading_the_former_way))


async def close_with_a_stubborn_handler(close_former_way: bool) -> bool:
    """True if close() returned within two seconds."""
    server = SyncServer(MemoryStore())
    await server.start("127.0.0.1", 0)

    async def stubborn() -> None:
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.sleep(3600)
        await asyncio.sleep(3600)  # the first cancellation was swallowed; a second ends it

    handler = asyncio.ensure_future(stubborn())
    server._handlers.add(handler)
    await asyncio.sleep(0)
    if close_former_way:
        handler.cancel()
        closing = asyncio.ensure_future(asyncio.gather(handler, return_exceptions=True))
    else:
        closing = asyncio.ensure_future(server.close())
    done, _ = await asyncio.wait({closing}, timeout=2.0)
    for leftover in (handler, closing):
        leftover.cancel()
    await asyncio.wait({handler, closing})
    await server.close()
    return bool(done)


def test_close_ends_a_connection_that_swallowed_its_first_cancellation() -> None:
    assert asyncio.run(close_with_a_stubborn_handler(close_former_way=False))


def test_control_cancelling_once_and_waiting_would_hang() -> None:
    assert not asyncio.run(close_with_a_stubborn_handler(close_former_way=True))
