"""Fuzz target: bytes from a peer socket, through framing, the Noise channel and the hello.

The first byte picks a mode:
0: raw bytes read as frames (length cap, cut-short bodies);
1: raw bytes as the frames of a handshake, with this side as the responder;
2: chunks chosen by the input (flag byte and payload), encrypted by a real peer after a real
   handshake, read back as one message by `SecureChannel.recv` (chunk flags, size cap);
3: the rest is the peer's hello payload (version byte + did) checked against a known key.
"""

from __future__ import annotations

import asyncio
from typing import Any

from _instrument import instrumented

with instrumented(__name__ == "__main__"):
    from _support import SUBJECT, check_refusal, run_fuzzer
    from noise.connection import Keypair, NoiseConnection

    from vouch.core.errors import VouchError
    from vouch.core.identity import Identity
    from vouch.exchange.p2p import channel as channels
    from vouch.exchange.p2p.framing import HEADER, FramedStream


MAX_FRAME = 4096
MAX_MESSAGE = 3 * 1024
_LOCAL = channels.Credentials.from_identity(Identity(bytes(range(3, 35))))
_PEER_STATIC = SUBJECT.x25519_private_key()
_EXPECTED_STATIC = bytes(
    NoiseConnection.from_name(channels.PROTOCOL_NAME)
    .noise_protocol.dh_fn.klass.from_private_bytes(_PEER_STATIC)
    .public_bytes
)


class _Sink:
    """The write half of a connection whose output nobody reads."""

    def __init__(self) -> None:
        self.closed = False

    def write(self, data: bytes) -> None:
        pass

    async def drain(self) -> None:
        pass

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        self.closed = True

    async def wait_closed(self) -> None:
        pass

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return default


def _stream(data: bytes) -> FramedStream:
    reader = asyncio.StreamReader()
    reader.feed_data(data)
    reader.feed_eof()
    return FramedStream(reader, _Sink(), max_frame=MAX_FRAME, read_timeout=5.0)  # type: ignore[arg-type]


async def _read_frames(data: bytes) -> None:
    stream = _stream(data)
    while True:
        body = await stream.read_frame()
        if len(body) > MAX_FRAME:
            raise AssertionError("a frame above the cap was returned")


async def _respond(data: bytes) -> None:
    await channels.open_channel(_stream(data), _LOCAL, initiator=False)


def _noise_pair() -> tuple[NoiseConnection, NoiseConnection]:
    """A completed XX handshake between a peer (initiator) and us (responder), in memory."""
    peer = NoiseConnection.from_name(channels.PROTOCOL_NAME)
    us = NoiseConnection.from_name(channels.PROTOCOL_NAME)
    peer.set_as_initiator()
    us.set_as_responder()
    for side, key in ((peer, _PEER_STATIC), (us, _LOCAL.static_private)):
        side.set_prologue(channels.PROLOGUE)
        side.set_keypair_from_private_bytes(Keypair.STATIC, key)
        side.start_handshake()
    us.read_message(peer.write_message())
    peer.read_message(us.write_message())
    us.read_message(peer.write_message())
    return peer, us


async def _receive_chunks(data: bytes) -> None:
    peer, us = _noise_pair()
    frames = bytearray()
    pos = 0
    while pos + 3 <= len(data):
        flag, size = data[pos], int.from_bytes(data[pos + 1 : pos + 3], "big")
        chunk = data[pos + 3 : pos + 3 + size]
        pos += 3 + size
        ciphertext = bytes(peer.encrypt(bytes([flag]) + chunk))
        frames += HEADER.pack(len(ciphertext)) + ciphertext
    secure = channels.SecureChannel(_stream(bytes(frames)), us, SUBJECT.did, b"h" * 32, MAX_MESSAGE)
    while True:
        message = await secure.recv()
        if len(message) > MAX_MESSAGE:
            raise AssertionError("a message above the cap was returned")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    mode, rest = data[0] & 3, data[1:]
    try:
        if mode == 0:
            asyncio.run(_read_frames(rest))
        elif mode == 1:
            asyncio.run(_respond(rest))
        elif mode == 2:
            asyncio.run(_receive_chunks(rest))
        else:
            channels._check_hello(rest, _EXPECTED_STATIC)
    except VouchError as exc:
        check_refusal(exc)


if __name__ == "__main__":
    run_fuzzer(test_one_input)
