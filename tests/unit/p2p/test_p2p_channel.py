"""The Noise channel over real loopback sockets, with two identities.

The pairing code is not the channel's business any more (see test_p2p_pairing.py): here both
ends must agree on the handshake hash the code is bound to, and a fresh one per connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Awaitable, Callable
from typing import TypeVar

import pytest

from vouch.core.identity import Identity
from vouch.exchange.p2p.channel import CHUNK_PLAINTEXT, Credentials, SecureChannel, open_channel
from vouch.exchange.p2p.errors import IdentityMismatch, PeerError, PeerTimeout, ProtocolViolation
from vouch.exchange.p2p.framing import FramedStream

T = TypeVar("T")
ServerSide = Callable[[FramedStream], Awaitable[T]]


async def connected(server_side: ServerSide[T]) -> tuple[FramedStream, asyncio.Task[T]]:
    """Our framed end of a loopback connection, and the task running `server_side` on the other."""
    loop = asyncio.get_running_loop()
    accepted: asyncio.Future[asyncio.Task[T]] = loop.create_future()

    async def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        stream = FramedStream(reader, writer, max_frame=65535, read_timeout=2.0)

        async def run() -> T:
            try:
                return await server_side(stream)
            finally:
                await stream.close()

        task = asyncio.ensure_future(run())
        accepted.set_result(task)
        await asyncio.wait([task])

    server = await asyncio.start_server(on_connect, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    server.close()
    near = FramedStream(reader, writer, max_frame=65535, read_timeout=2.0)
    return near, await accepted


def test_handshake_binds_each_side_to_its_did_and_hashes_match() -> None:
    alice, bob = Identity.generate(), Identity.generate()

    async def scenario() -> None:
        async def bob_side(stream: FramedStream) -> SecureChannel:
            channel = await open_channel(stream, Credentials.from_identity(bob), initiator=False)
            await channel.send(await channel.recv())  # echo once
            return channel

        near, far_task = await connected(bob_side)
        channel = await open_channel(near, Credentials.from_identity(alice), initiator=True)
        big = os.urandom(200_000)  # several Noise messages
        await channel.send(big)
        assert await channel.recv() == big
        bob_channel = await far_task
        assert channel.peer_did == bob.did
        assert bob_channel.peer_did == alice.did
        assert channel.handshake_hash == bob_channel.handshake_hash
        assert len(channel.handshake_hash) == 32
        await near.close()

    asyncio.run(scenario())


def test_handshake_hashes_differ_between_sessions() -> None:
    alice, bob = Identity.generate(), Identity.generate()

    async def one_code() -> bytes:
        async def bob_side(stream: FramedStream) -> SecureChannel:
            return await open_channel(stream, Credentials.from_identity(bob), initiator=False)

        near, far_task = await connected(bob_side)
        channel = await open_channel(near, Credentials.from_identity(alice), initiator=True)
        await far_task
        await near.close()
        return channel.handshake_hash

    async def scenario() -> None:
        assert await one_code() != await one_code()

    asyncio.run(scenario())


@pytest.mark.parametrize("forgery", ["claims-another-did", "bad-signature"])
def test_a_peer_cannot_pass_for_someone_else(forgery: str) -> None:
    mallory, victim, bob = Identity.generate(), Identity.generate(), Identity.generate()
    if forgery == "claims-another-did":
        forged = Credentials(victim.did, mallory.x25519_private_key(), mallory.sign)
    else:
        forged = Credentials(mallory.did, mallory.x25519_private_key(), lambda _: bytes(64))

    async def scenario() -> None:
        async def bob_side(stream: FramedStream) -> SecureChannel:
            return await open_channel(stream, Credentials.from_identity(bob), initiator=False)

        near, far_task = await connected(bob_side)
        with contextlib.suppress(PeerError):  # the forger may or may not notice the refusal
            await open_channel(near, forged, initiator=True)
        with pytest.raises(IdentityMismatch):
            await far_task
        await near.close()

    asyncio.run(scenario())


def test_garbage_instead_of_a_handshake_is_refused() -> None:
    bob = Identity.generate()

    async def scenario() -> None:
        async def bob_side(stream: FramedStream) -> SecureChannel:
            return await open_channel(stream, Credentials.from_identity(bob), initiator=False)

        near, far_task = await connected(bob_side)
        await near.write_frame(b"\x00" * 5)
        with pytest.raises(ProtocolViolation):
            await far_task
        await near.close()

    asyncio.run(scenario())


def test_messages_over_the_receivers_limit_are_refused() -> None:
    alice, bob = Identity.generate(), Identity.generate()

    async def scenario() -> None:
        async def bob_side(stream: FramedStream) -> bytes:
            channel = await open_channel(
                stream, Credentials.from_identity(bob), initiator=False, max_message=100_000
            )
            return await channel.recv()

        near, far_task = await connected(bob_side)
        channel = await open_channel(near, Credentials.from_identity(alice), initiator=True)
        await channel.send(bytes(300_000))
        with pytest.raises(ProtocolViolation, match="larger than"):
            await far_task
        await near.close()

    asyncio.run(scenario())


def test_tampered_ciphertext_is_refused() -> None:
    alice, bob = Identity.generate(), Identity.generate()

    async def scenario() -> None:
        async def bob_side(stream: FramedStream) -> bytes:
            channel = await open_channel(stream, Credentials.from_identity(bob), initiator=False)
            return await channel.recv()

        near, far_task = await connected(bob_side)
        await open_channel(near, Credentials.from_identity(alice), initiator=True)
        await near.write_frame(os.urandom(40))
        with pytest.raises(ProtocolViolation, match="authentication"):
            await far_task
        await near.close()

    asyncio.run(scenario())


def raw_chunk(channel: SecureChannel, flag: int, data: bytes) -> bytes:
    """One encrypted chunk with any header, as a hostile sender would make it."""
    return bytes(channel._noise.encrypt(bytes([flag]) + data))


async def chunk_attack(
    chunks: Callable[[SecureChannel], list[tuple[int, bytes]]], gap: float, timeout: float
) -> BaseException:
    """Bob receives one message; Alice sends the given raw chunks `gap` seconds apart."""
    alice, bob = Identity.generate(), Identity.generate()

    async def bob_side(stream: FramedStream) -> bytes:
        stream.read_timeout = timeout
        channel = await open_channel(stream, Credentials.from_identity(bob), initiator=False)
        return await channel.recv()

    near, far_task = await connected(bob_side)
    channel = await open_channel(near, Credentials.from_identity(alice), initiator=True)
    with contextlib.suppress(PeerError, ConnectionError):
        for flag, data in chunks(channel):
            await near.write_frame(raw_chunk(channel, flag, data))
            await asyncio.sleep(gap)
            if far_task.done():
                break
    error = await asyncio.wait_for(asyncio.gather(far_task, return_exceptions=True), 5)
    await near.close()
    assert isinstance(error[0], BaseException), "the message was accepted"
    return error[0]


def test_an_empty_more_follows_chunk_is_refused() -> None:
    error = asyncio.run(chunk_attack(lambda _: [(1, b"")] * 50, gap=0.01, timeout=2.0))
    assert isinstance(error, ProtocolViolation) and "shorter" in error.message


def test_a_short_more_follows_chunk_is_refused() -> None:
    error = asyncio.run(chunk_attack(lambda _: [(1, b"x")] * 50, gap=0.01, timeout=2.0))
    assert isinstance(error, ProtocolViolation) and "shorter" in error.message


def test_an_empty_last_chunk_after_data_is_refused() -> None:
    chunks = [(1, bytes(CHUNK_PLAINTEXT)), (0, b"")]
    error = asyncio.run(chunk_attack(lambda _: chunks, gap=0.0, timeout=2.0))
    assert isinstance(error, ProtocolViolation) and "empty chunk" in error.message


def test_one_deadline_covers_a_whole_message() -> None:
    """Full chunks dripped 0.15 s apart: each frame is in time, the message is not.

    The control is in the numbers: every gap is well under the 0.5 s read timeout, so a
    per-frame timeout alone would have waited for all 15 chunks (over 2 s).
    """
    gap, timeout = 0.15, 0.5
    chunks = [(1, bytes(CHUNK_PLAINTEXT))] * 15
    started = asyncio.run(_timed(chunk_attack(lambda _: chunks, gap=gap, timeout=timeout)))
    error, elapsed = started
    assert gap < timeout and gap * len(chunks) > 4 * timeout
    assert isinstance(error, PeerTimeout) and "one message" in error.message
    assert elapsed < timeout + 1.0


async def _timed(attack: Awaitable[BaseException]) -> tuple[BaseException, float]:
    loop = asyncio.get_running_loop()
    started = loop.time()
    error = await attack
    return error, loop.time() - started
