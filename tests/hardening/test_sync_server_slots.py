"""Strangers trying to hold every connection slot of a serving wallet: real sockets, real stores.

Eight strangers, each from its own loopback address, connect to a serving wallet whose person is
away (pairing prompts are never answered) and hold on as long as they can, reconnecting at once
whenever they are dropped:

- "prompt": a real pairing up to the question, then waiting for the person (legitimate, slow);
- "drip": the reported attack, empty "more follows" chunks every 0.1 s after the handshake;
- "stall": a TCP connection that never sends a byte.

While they hold, a verified contact must still sync. The control runs the same harness with the
new limits switched off through `SyncOptions` (no reserved slots, no per-address limit, no
handshake cutting, long deadlines): the contact is then locked out, so the harness can see it.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "p2p"))
from p2p_memory_store import MemoryStore, make_document

from vouch.core.errors import PeerError
from vouch.core.identity import Identity
from vouch.exchange.p2p.channel import Credentials, SecureChannel, open_channel
from vouch.exchange.p2p.errors import FailureKind, PeerRefused
from vouch.exchange.p2p.framing import FramedStream
from vouch.exchange.p2p.pairing import ChannelUp, PairingMachine, Received
from vouch.exchange.p2p.service import SyncOptions, SyncServer, sync_with
from vouch.exchange.p2p.status import SyncStatus

MIX = ["prompt"] * 4 + ["drip"] * 2 + ["stall"] * 2
OLD_LIMITS = SyncOptions(
    reserved_for_contacts=0,
    max_per_address=1000,
    max_handshakes=1000,
    handshake_timeout=600.0,
    pairing_timeout=600.0,
    backoff_base=0.0,
)
CLIENT = SyncOptions(read_timeout=5.0, handshake_timeout=5.0)


async def person_away(peer_did: str, code: str) -> bool:
    await asyncio.Event().wait()  # nobody ever answers
    return False


async def hold_at_the_prompt(stream: FramedStream, me: Identity) -> None:
    channel = await open_channel(stream, Credentials.from_identity(me), initiator=True)
    machine = PairingMachine(initiator=True)
    step = machine.handle(ChannelUp("did:key:server", False, channel.handshake_hash))
    while step.verdict is None:
        for message in step.outgoing:
            await channel.send(message)
        step = machine.handle(Received(await channel.recv(timeout=3600)))


async def drip_empty_chunks(stream: FramedStream, me: Identity) -> None:
    channel = await open_channel(stream, Credentials.from_identity(me), initiator=True)
    while True:
        await stream.write_frame(empty_more_chunk(channel))
        await asyncio.sleep(0.1)


def empty_more_chunk(channel: SecureChannel) -> bytes:
    return bytes(channel._noise.encrypt(b"\x01"))


async def stall(stream: FramedStream, me: Identity) -> None:
    await stream.read_frame(timeout=3600)  # ends when the server hangs up


HOLDERS: dict[str, Callable[[FramedStream, Identity], Awaitable[None]]] = {
    "prompt": hold_at_the_prompt,
    "drip": drip_empty_chunks,
    "stall": stall,
}


async def stranger(
    kind: str, address: str, port: int, attempts: list[str], over: asyncio.Event
) -> None:
    me = Identity.generate()
    while not over.is_set():  # a cancellation lost in a library call still ends the loop
        with contextlib.suppress(PeerError, OSError):
            reader, writer = await asyncio.open_connection(
                "127.0.0.1", port, local_addr=(address, 0)
            )
            stream = FramedStream(reader, writer, max_frame=65535, read_timeout=3600)
            attempts.append(kind)
            try:
                await HOLDERS[kind](stream, me)
            finally:
                await stream.close()
        await asyncio.sleep(0.02)


@contextlib.asynccontextmanager
async def besieged(server: SyncServer, mix: list[str], attempts: list[str]) -> AsyncIterator[None]:
    port = await server.start("127.0.0.1", 0)
    server.port = port  # type: ignore[attr-defined]
    over = asyncio.Event()
    tasks = {
        asyncio.create_task(stranger(kind, f"127.0.0.{10 + n}", port, attempts, over))
        for n, kind in enumerate(mix)
    }
    try:
        await asyncio.sleep(1.0)  # let them settle into every slot they can get
        yield
    finally:
        over.set()
        while tasks:
            for task in tasks:
                task.cancel()
            _, tasks = await asyncio.wait(tasks, timeout=0.5)
        await server.close()


def contact_pair() -> tuple[MemoryStore, MemoryStore]:
    contact, serving = MemoryStore(), MemoryStore()
    serving.add(*(make_document(n, 1_650_000_000 + n) for n in range(10)))
    contact.verified.add(serving.identity.did)
    serving.verified.add(contact.identity.did)
    return contact, serving


def siege(options: SyncOptions) -> tuple[object, list[SyncStatus], list[str]]:
    """Run the siege; returns the contact's outcome (a report or the error) and the statuses."""
    contact, serving = contact_pair()
    statuses: list[SyncStatus] = []
    attempts: list[str] = []

    async def scenario() -> object:
        server = SyncServer(
            serving, confirm_pairing=person_away, on_status=statuses.append, options=options
        )
        async with besieged(server, MIX, attempts):
            port = server.port  # type: ignore[attr-defined]
            try:
                return await asyncio.wait_for(
                    sync_with(contact, "127.0.0.1", port, options=CLIENT), 10.0
                )
            except PeerError as exc:
                return exc

    return asyncio.run(scenario()), statuses, attempts


def test_a_contact_still_syncs_while_strangers_hold_on() -> None:
    outcome, statuses, attempts = siege(SyncOptions())
    assert not isinstance(outcome, BaseException), f"locked out: {outcome}"
    assert outcome.received.added == 10  # type: ignore[attr-defined]
    assert set(attempts) == {"prompt", "drip", "stall"}
    failed = [s for s in statuses if s.pairing_failed]
    kinds = {s.failure for s in failed}
    assert FailureKind.PROTOCOL in kinds  # the drippers were dropped...
    assert FailureKind.BUSY in kinds  # ...and strangers past the unreserved slots refused
    assert all(s.incoming and s.address.startswith("127.0.0.1") for s in failed)
    assert all(s.message for s in failed)


def test_control_with_the_old_limits_the_contact_is_locked_out() -> None:
    outcome, _, _ = siege(OLD_LIMITS)
    assert isinstance(outcome, PeerRefused), f"not locked out: {outcome}"
    assert "busy" in outcome.message


@pytest.mark.parametrize("limit, refused", [(2, 3), (10, 0)])
def test_one_address_gets_a_bounded_share(limit: int, refused: int) -> None:
    """Five silent connections from one address: past the limit they are refused at once."""
    statuses: list[SyncStatus] = []

    async def scenario() -> int:
        options = SyncOptions(max_per_address=limit, max_handshakes=10)
        server = SyncServer(MemoryStore(), on_status=statuses.append, options=options)
        port = await server.start("127.0.0.1", 0)
        streams = []
        for _ in range(5):
            reader, writer = await asyncio.open_connection(
                "127.0.0.1", port, local_addr=("127.0.0.5", 0)
            )
            streams.append((reader, writer))
        await asyncio.sleep(0.3)
        closed = sum(reader.at_eof() for reader, _ in streams)
        for _, writer in streams:
            writer.close()
        await server.close()
        return closed

    assert asyncio.run(scenario()) == refused
    busy = [s for s in statuses if s.failure is FailureKind.BUSY]
    assert len(busy) == refused
    assert all(s.address.startswith("127.0.0.5:") and s.peer_did is None for s in busy)
