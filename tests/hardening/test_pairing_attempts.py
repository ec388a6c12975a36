"""Failed pairing attempts are reported, and repeated ones from one address are slowed down.

Real sockets, real stores. Every way a pairing can fail on the serving side must reach its
`on_status` as one FAILED status carrying what a front end needs to tell the person: the
address (also before the peer's did is known), the did when known, a sentence, a kind. After a
failed attempt, strangers from that address are refused for a while without asking anyone;
verified contacts are not affected. The control turns the backoff off and counts the prompts.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import struct
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import replace
from pathlib import Path

import pytest
from noise.connection import Keypair, NoiseConnection

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "p2p"))
from p2p_memory_store import MemoryStore, make_document

from vouch.core.errors import PeerError
from vouch.exchange.p2p.channel import (
    PROLOGUE,
    PROTOCOL_NAME,
    Credentials,
    SecureChannel,
    hello_payload,
    open_channel,
    prove_identity,
)
from vouch.exchange.p2p.codes import Code, frame
from vouch.exchange.p2p.errors import FailureKind, PeerRefused
from vouch.exchange.p2p.framing import FramedStream
from vouch.exchange.p2p.pairing import commitment
from vouch.exchange.p2p.service import SyncOptions, SyncServer, sync_with
from vouch.exchange.p2p.status import SyncPhase, SyncStatus

FAST = SyncOptions(read_timeout=1.0, handshake_timeout=1.0, pairing_timeout=1.0)


def says(answer: bool) -> Callable[[str, str], bool]:
    return lambda peer_did, code: answer


class People:
    """The serving wallet's person: answers `answer`, counts how often they were asked."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked = 0

    def __call__(self, peer_did: str, code: str) -> bool:
        self.asked += 1
        return self.answer


@contextlib.asynccontextmanager
async def serving(
    store: MemoryStore, person: People | None, options: SyncOptions, statuses: list[SyncStatus]
) -> AsyncIterator[int]:
    server = SyncServer(store, confirm_pairing=person, on_status=statuses.append, options=options)
    port = await server.start("127.0.0.1", 0)
    try:
        yield port
    finally:
        await server.close()


async def garbage(port: int, stranger: MemoryStore) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(struct.pack(">I", 32) + os.urandom(32) + struct.pack(">I", 80) + os.urandom(80))
    await writer.drain()
    await reader.read()
    writer.close()
    await writer.wait_closed()


async def polite(port: int, stranger: MemoryStore) -> None:
    with contextlib.suppress(PeerError):
        await sync_with(stranger, "127.0.0.1", port, confirm_pairing=says(True), options=FAST)


async def declines(port: int, stranger: MemoryStore) -> None:
    with contextlib.suppress(PeerError):
        await sync_with(stranger, "127.0.0.1", port, confirm_pairing=says(False), options=FAST)


async def wrong_reveal(port: int, stranger: MemoryStore) -> None:
    """A hostile initiator whose revealed nonce does not open its commitment."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    stream = FramedStream(reader, writer, max_frame=65535, read_timeout=2.0)
    try:
        me = Credentials.from_identity(stranger.identity)
        channel = await open_channel(stream, me, initiator=True)
        await channel.send(frame(Code.SAS_COMMIT, os.urandom(32)))
        await channel.recv()
        await channel.send(frame(Code.SAS_REVEAL, os.urandom(32)))
        with contextlib.suppress(PeerError):
            await channel.recv()
    finally:
        await stream.close()


async def goes_quiet(port: int, stranger: MemoryStore) -> None:
    """Completes the handshake, then never commits: the setup deadline ends it."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    stream = FramedStream(reader, writer, max_frame=65535, read_timeout=5.0)
    try:
        me = Credentials.from_identity(stranger.identity)
        await open_channel(stream, me, initiator=True)
        with contextlib.suppress(PeerError):
            await stream.read_frame(timeout=5.0)
    finally:
        await stream.close()


Attempt = Callable[[int, MemoryStore], Awaitable[None]]


@pytest.mark.parametrize(
    "attempt, answer, kind, did_known",
    [
        (garbage, True, FailureKind.HANDSHAKE, False),
        (polite, False, FailureKind.DECLINED, True),
        (declines, True, FailureKind.DECLINED_BY_PEER, True),
        (wrong_reveal, True, FailureKind.CODE_CHECK, True),
        (goes_quiet, True, FailureKind.TIMEOUT, True),
    ],
)
def test_each_failed_attempt_reaches_the_status_callback_once(
    attempt: Attempt, answer: bool, kind: FailureKind, did_known: bool
) -> None:
    server_store, stranger = MemoryStore(), MemoryStore()
    statuses: list[SyncStatus] = []

    async def scenario() -> None:
        async with serving(server_store, People(answer), FAST, statuses) as port:
            await attempt(port, stranger)
            await asyncio.sleep(0.2)

    asyncio.run(scenario())
    failed = [s for s in statuses if s.phase is SyncPhase.FAILED]
    assert len(failed) == 1, failed
    status = failed[0]
    assert status.pairing_failed and status.incoming and status.failure is kind
    assert status.address.startswith("127.0.0.1:") and status.message
    assert status.peer_did == (stranger.identity.did if did_known else None)
    assert not server_store.verified and server_store.calls_for_items == []


def attempts_in_a_row(
    options: SyncOptions, rounds: int, pause: float
) -> tuple[People, list[object]]:
    """A stranger pairs `rounds` times from one address; the person always says no."""
    server_store = MemoryStore()
    server_store.add(make_document(1, 1_650_000_000))
    contact = MemoryStore()
    contact.verified.add(server_store.identity.did)
    server_store.verified.add(contact.identity.did)
    person = People(answer=False)
    statuses: list[SyncStatus] = []
    outcomes: list[object] = []

    async def scenario() -> None:
        async with serving(server_store, person, options, statuses) as port:
            for _ in range(rounds):
                try:
                    await sync_with(
                        MemoryStore(),
                        "127.0.0.1",
                        port,
                        confirm_pairing=says(True),
                        options=FAST,
                    )
                except PeerRefused as exc:
                    outcomes.append(exc)
                await asyncio.sleep(pause)
            outcomes.append(await sync_with(contact, "127.0.0.1", port, options=FAST))

    asyncio.run(scenario())
    return person, outcomes


def test_repeated_failures_from_an_address_are_refused_without_asking() -> None:
    options = replace(FAST, backoff_base=5.0)
    person, outcomes = attempts_in_a_row(options, rounds=5, pause=0.0)
    assert person.asked == 1  # only the first attempt reached the person
    refusals = outcomes[:-1]
    assert all(isinstance(o, PeerRefused) for o in refusals)
    assert all("try again later" in o.message for o in refusals[1:])  # type: ignore[attr-defined]
    assert outcomes[-1].received.added == 1  # type: ignore[attr-defined]  # contacts unaffected


def test_the_backoff_ends_and_the_person_is_asked_again() -> None:
    options = replace(FAST, backoff_base=0.3)
    person, _ = attempts_in_a_row(options, rounds=3, pause=0.35)
    # after each failure the next attempt waits 0.3 s, then 0.6 s: the pause covers the first
    assert person.asked == 2


def test_control_without_backoff_every_attempt_asks_the_person() -> None:
    options = replace(FAST, backoff_base=0.0)
    person, _ = attempts_in_a_row(options, rounds=5, pause=0.0)
    assert person.asked == 5


async def slow_but_steady(port: int, stranger: MemoryStore, gap: float, server_did: str) -> None:
    """Every frame comes `gap` seconds after the last: each in time, the whole not."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    stream = FramedStream(reader, writer, max_frame=65535, read_timeout=10.0)
    me = Credentials.from_identity(stranger.identity)
    noise = NoiseConnection.from_name(PROTOCOL_NAME)
    noise.set_as_initiator()
    noise.set_prologue(PROLOGUE)
    noise.set_keypair_from_private_bytes(Keypair.STATIC, me.static_private)
    noise.start_handshake()
    try:
        await asyncio.sleep(gap)
        await stream.write_frame(bytes(noise.write_message()))
        noise.read_message(await stream.read_frame())
        await asyncio.sleep(gap)
        await stream.write_frame(bytes(noise.write_message(hello_payload(me.did))))
        hh = bytes(noise.get_handshake_hash())
        channel = SecureChannel(stream, noise, server_did, hh, 1 << 20)
        await asyncio.sleep(gap)
        await prove_identity(channel, me, initiator=True)
        nonce = os.urandom(32)
        await asyncio.sleep(gap)
        await channel.send(frame(Code.SAS_COMMIT, commitment(hh, nonce)))
        await channel.recv()
        await asyncio.sleep(gap)
        await channel.send(frame(Code.SAS_REVEAL, nonce))
        await channel.recv()
    except (PeerError, ConnectionError):
        pass
    finally:
        await stream.close()


@pytest.mark.parametrize("handshake_timeout, reaches_the_person", [(1.2, False), (5.0, True)])
def test_one_deadline_covers_the_handshake_and_the_code_exchange(
    handshake_timeout: float, reaches_the_person: bool
) -> None:
    """Frames 0.35 s apart under a 0.5 s read timeout; five gaps need 1.75 s in all.

    With a 1.2 s deadline the stranger is cut before the question; the control gives it 5 s
    and the same stranger reaches the person, so the harness can tell the two apart.
    """
    options = SyncOptions(read_timeout=0.5, handshake_timeout=handshake_timeout)
    person = People(answer=False)
    statuses: list[SyncStatus] = []

    async def scenario() -> None:
        server = MemoryStore()
        async with serving(server, person, options, statuses) as port:
            await slow_but_steady(port, MemoryStore(), 0.35, server.identity.did)
            await asyncio.sleep(0.2)

    asyncio.run(scenario())
    assert (person.asked == 1) is reaches_the_person
    failed = [s for s in statuses if s.phase is SyncPhase.FAILED]
    assert len(failed) == 1
    if not reaches_the_person:
        assert failed[0].failure is FailureKind.TIMEOUT and "set up" in failed[0].message
