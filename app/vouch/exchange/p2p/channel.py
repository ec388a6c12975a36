"""The secure channel: Noise XX over framed TCP, with each static key bound to a did:key.

Each wallet's Noise static key is the X25519 key derived from its Ed25519 identity. During the
handshake each side sends its did:key (encrypted); the other checks that the did's derived X25519
key is the static key Noise authenticated. As a second, explicit proof each side then signs the
handshake hash with its Ed25519 key (an IDENTITY message). After `open_channel` returns,
`peer_did` is certain. Whether a person in between relays two handshakes is the pairing step's
question (`pairing`), not this module's.

Application messages up to `max_message` bytes are cut into Noise transport messages
(at most 65535 bytes each); the first plaintext byte of each says whether more chunks follow.
Every chunk but the last is full, so a message of n bytes always takes the same number of
chunks, and one deadline covers the whole message: a peer cannot hold a connection open by
dripping empty or tiny chunks.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from noise.connection import Keypair, NoiseConnection
from noise.exceptions import NoiseHandshakeError, NoiseInvalidMessage, NoiseValueError

from vouch.core.errors import InvalidDid
from vouch.core.identity import (
    Identity,
    public_key_from_did,
    verify_signature,
    x25519_public_from_did,
)
from vouch.exchange.p2p.codes import PROTOCOL_VERSION, Code, frame, split
from vouch.exchange.p2p.errors import (
    HandshakeFailed,
    IdentityMismatch,
    PeerTimeout,
    ProtocolViolation,
)
from vouch.exchange.p2p.framing import FramedStream

log = logging.getLogger(__name__)

PROTOCOL_NAME = b"Noise_XX_25519_ChaChaPoly_SHA256"
PROLOGUE = b"vouch-p2p/%d" % PROTOCOL_VERSION
HELLO_FORMAT = 1  # first byte of the did sent inside handshake messages 2 and 3
NOISE_MAX = 65535
TAG_BYTES = 16
CHUNK_PLAINTEXT = NOISE_MAX - TAG_BYTES - 1
DEFAULT_MAX_MESSAGE = 1024 * 1024
_AUTH_DOMAIN = PROLOGUE + b"/auth"
_MORE, _LAST = 1, 0
_NOISE_ERRORS = (InvalidTag, NoiseHandshakeError, NoiseInvalidMessage, NoiseValueError, ValueError)


@dataclass(frozen=True)
class Credentials:
    """What a side proves itself with. Built from an `Identity` in normal use."""

    did: str
    static_private: bytes = field(repr=False)
    sign: Callable[[bytes], bytes] = field(repr=False)

    @classmethod
    def from_identity(cls, identity: Identity) -> Credentials:
        return cls(identity.did, identity.x25519_private_key(), identity.sign)


class SecureChannel:
    """An authenticated, encrypted message channel to a peer whose did:key is known."""

    def __init__(
        self,
        stream: FramedStream,
        noise: NoiseConnection,
        peer_did: str,
        handshake_hash: bytes,
        max_message: int,
    ) -> None:
        self.stream = stream
        self._noise = noise
        self.peer_did = peer_did
        self.handshake_hash = handshake_hash
        self.max_message = max_message

    async def send(self, message: bytes) -> None:
        if len(message) > self.max_message:
            raise ValueError(f"message of {len(message)} bytes exceeds {self.max_message}")
        chunks = [message[i : i + CHUNK_PLAINTEXT] for i in range(0, len(message), CHUNK_PLAINTEXT)]
        chunks = chunks or [b""]
        for index, chunk in enumerate(chunks):
            flag = _LAST if index == len(chunks) - 1 else _MORE
            await self.stream.write_frame(self._noise.encrypt(bytes([flag]) + chunk))

    async def recv(self, timeout: float | None = None) -> bytes:
        """The next whole message; `timeout` (default: the stream's) bounds the whole message."""
        limit = self.stream.read_timeout if timeout is None else timeout
        loop = asyncio.get_running_loop()
        deadline = loop.time() + limit
        parts = [self._chunk(await self.stream.read_frame(limit), 0)]
        while parts[-1][0] == _MORE:
            remaining = deadline - loop.time()
            try:
                if remaining <= 0:
                    raise PeerTimeout()
                frame_body = await self.stream.read_frame(remaining)
            except PeerTimeout as exc:
                raise PeerTimeout(
                    f"The other wallet took more than {limit:g} seconds to send one message."
                ) from exc
            parts.append(self._chunk(frame_body, len(parts)))
        return b"".join(chunk for _, chunk in parts)

    def _chunk(self, frame_body: bytes, index: int) -> tuple[int, bytes]:
        """Decrypt and check one chunk: every chunk but the last is full; none is extra."""
        plaintext = self._decrypt(frame_body)
        if not plaintext or plaintext[0] not in (_MORE, _LAST):
            raise ProtocolViolation("A message chunk has an invalid header.")
        flag, chunk = plaintext[0], plaintext[1:]
        if index * CHUNK_PLAINTEXT + len(chunk) > self.max_message:
            raise ProtocolViolation(f"A message is larger than {self.max_message} bytes.")
        if flag == _MORE and len(chunk) != CHUNK_PLAINTEXT:
            raise ProtocolViolation("A message chunk is shorter than the protocol allows.")
        if flag == _LAST and index and not chunk:
            raise ProtocolViolation("A message ends with an empty chunk.")
        return flag, chunk

    def _decrypt(self, frame_body: bytes) -> bytes:
        try:
            return bytes(self._noise.decrypt(frame_body))
        except _NOISE_ERRORS as exc:
            raise ProtocolViolation("A message failed authentication.") from exc

    async def close(self) -> None:
        await self.stream.close()


async def open_channel(
    stream: FramedStream,
    credentials: Credentials,
    *,
    initiator: bool,
    max_message: int = DEFAULT_MAX_MESSAGE,
    binding: bytes = b"",
) -> SecureChannel:
    """Run the handshake and the identity proofs over `stream`.

    `binding`, when given, is mixed into the prologue: the handshake then succeeds only between
    two sides that hold the same bytes (a key both derived from a wormhole code they shared).

    Raises `HandshakeFailed`, `IdentityMismatch` or another `PeerError`. Each read has the
    stream's timeout; the caller bounds the whole exchange with its own deadline.
    """
    noise = NoiseConnection.from_name(PROTOCOL_NAME)
    if initiator:
        noise.set_as_initiator()
    else:
        noise.set_as_responder()
    noise.set_prologue(PROLOGUE + (b"/bound:" + binding if binding else b""))
    noise.set_keypair_from_private_bytes(Keypair.STATIC, credentials.static_private)
    noise.start_handshake()
    hello = hello_payload(credentials.did)
    try:
        if initiator:
            await stream.write_frame(bytes(noise.write_message()))
            payload, remote_static = _read_handshake(noise, await stream.read_frame())
            await stream.write_frame(bytes(noise.write_message(hello)))
        else:
            _read_handshake(noise, await stream.read_frame())
            await stream.write_frame(bytes(noise.write_message(hello)))
            payload, remote_static = _read_handshake(noise, await stream.read_frame())
    except _NOISE_ERRORS as exc:
        raise HandshakeFailed() from exc
    peer_did = _check_hello(payload, remote_static)
    handshake_hash = bytes(noise.get_handshake_hash())
    channel = SecureChannel(stream, noise, peer_did, handshake_hash, max_message)
    await prove_identity(channel, credentials, initiator=initiator)
    return channel


def hello_payload(did: str) -> bytes:
    """What each side sends inside its encrypted handshake message: format byte, did:key."""
    return bytes([HELLO_FORMAT]) + did.encode("ascii")


def _read_handshake(noise: NoiseConnection, frame_body: bytes) -> tuple[bytes, bytes | None]:
    """Read one handshake message; also return the remote static key once Noise has it.

    The library drops its handshake state when the handshake ends, so keep a reference first.
    """
    state = noise.noise_protocol.handshake_state
    payload = bytes(noise.read_message(frame_body))
    remote_static = getattr(getattr(state, "rs", None), "public_bytes", None)
    return payload, remote_static if isinstance(remote_static, bytes) else None


def _check_hello(payload: bytes, remote_static: bytes | None) -> str:
    if len(payload) < 2 or payload[0] != HELLO_FORMAT:
        raise ProtocolViolation("The other wallet speaks another version of the sync protocol.")
    try:
        did = payload[1:].decode("ascii")
        expected = x25519_public_from_did(did)
    except (UnicodeDecodeError, InvalidDid) as exc:
        raise IdentityMismatch("The other wallet sent an invalid identity.") from exc
    if remote_static is None or remote_static != expected:
        raise IdentityMismatch("The other wallet's key does not match the identity it claims.")
    return did


async def prove_identity(
    channel: SecureChannel, credentials: Credentials, *, initiator: bool
) -> None:
    """Each side signs the handshake hash with its Ed25519 key; a bad signature ends the talk."""
    ours, theirs = (b"I", b"R") if initiator else (b"R", b"I")
    signature = credentials.sign(_AUTH_DOMAIN + ours + channel.handshake_hash)
    await channel.send(frame(Code.IDENTITY, signature))
    code, body = split(await channel.recv())
    if code is not Code.IDENTITY:
        raise ProtocolViolation("The other wallet did not prove its identity first.")
    message = _AUTH_DOMAIN + theirs + channel.handshake_hash
    if not verify_signature(public_key_from_did(channel.peer_did), message, body):
        raise IdentityMismatch("The other wallet's identity signature is invalid.")
