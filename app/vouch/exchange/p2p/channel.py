"""The secure channel: Noise XX over framed TCP, with each static key bound to a did:key.

Each wallet's Noise static key is the X25519 key derived from its Ed25519 identity. During the
handshake each side sends its did:key (encrypted); the other checks that the did's derived X25519
key is the static key Noise authenticated. As a second, explicit proof each side then signs the
handshake hash with its Ed25519 key. After `open_channel` returns, `peer_did` is certain.

Application messages up to `max_message` bytes are cut into Noise transport messages
(at most 65535 bytes each); the first plaintext byte of each says whether more chunks follow.
"""

from __future__ import annotations

import hashlib
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
from vouch.exchange.p2p.errors import IdentityMismatch, ProtocolViolation
from vouch.exchange.p2p.framing import FramedStream

log = logging.getLogger(__name__)

PROTOCOL_NAME = b"Noise_XX_25519_ChaChaPoly_SHA256"
PROLOGUE = b"vouch-p2p/1"
PROTOCOL_VERSION = 1
NOISE_MAX = 65535
TAG_BYTES = 16
CHUNK_PLAINTEXT = NOISE_MAX - TAG_BYTES - 1
DEFAULT_MAX_MESSAGE = 1024 * 1024
_AUTH_DOMAIN = b"vouch-p2p/1/auth"
_SAS_DOMAIN = b"vouch-p2p/1/sas"
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

    @property
    def sas(self) -> str:
        return short_authentication_string(self.handshake_hash)

    async def send(self, message: bytes) -> None:
        if len(message) > self.max_message:
            raise ValueError(f"message of {len(message)} bytes exceeds {self.max_message}")
        chunks = [message[i : i + CHUNK_PLAINTEXT] for i in range(0, len(message), CHUNK_PLAINTEXT)]
        chunks = chunks or [b""]
        for index, chunk in enumerate(chunks):
            flag = _LAST if index == len(chunks) - 1 else _MORE
            await self.stream.write_frame(self._noise.encrypt(bytes([flag]) + chunk))

    async def recv(self, timeout: float | None = None) -> bytes:
        parts: list[bytes] = []
        size = 0
        while True:
            plaintext = self._decrypt(await self.stream.read_frame(timeout))
            if not plaintext or plaintext[0] not in (_MORE, _LAST):
                raise ProtocolViolation("A message chunk has an invalid header.")
            size += len(plaintext) - 1
            if size > self.max_message:
                raise ProtocolViolation(f"A message is larger than {self.max_message} bytes.")
            parts.append(plaintext[1:])
            if plaintext[0] == _LAST:
                return b"".join(parts)

    def _decrypt(self, frame: bytes) -> bytes:
        try:
            return bytes(self._noise.decrypt(frame))
        except _NOISE_ERRORS as exc:
            raise ProtocolViolation("A message failed authentication.") from exc

    async def close(self) -> None:
        await self.stream.close()


def short_authentication_string(handshake_hash: bytes) -> str:
    """Six digits both sides see after the handshake; equal digits mean no one is in between."""
    digest = hashlib.sha256(_SAS_DOMAIN + handshake_hash).digest()
    number = int.from_bytes(digest[:8], "big") % 1_000_000
    return f"{number // 1000:03d} {number % 1000:03d}"


async def open_channel(
    stream: FramedStream,
    credentials: Credentials,
    *,
    initiator: bool,
    max_message: int = DEFAULT_MAX_MESSAGE,
) -> SecureChannel:
    """Run the handshake over `stream`. Raises `ProtocolViolation`/`IdentityMismatch` on failure."""
    noise = NoiseConnection.from_name(PROTOCOL_NAME)
    if initiator:
        noise.set_as_initiator()
    else:
        noise.set_as_responder()
    noise.set_prologue(PROLOGUE)
    noise.set_keypair_from_private_bytes(Keypair.STATIC, credentials.static_private)
    noise.start_handshake()
    hello = _hello(credentials.did)
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
        raise ProtocolViolation("The secure handshake failed.") from exc
    peer_did = _check_hello(payload, remote_static)
    handshake_hash = bytes(noise.get_handshake_hash())
    channel = SecureChannel(stream, noise, peer_did, handshake_hash, max_message)
    await _exchange_signatures(channel, credentials, initiator)
    return channel


def _hello(did: str) -> bytes:
    return bytes([PROTOCOL_VERSION]) + did.encode("ascii")


def _read_handshake(noise: NoiseConnection, frame: bytes) -> tuple[bytes, bytes | None]:
    """Read one handshake message; also return the remote static key once Noise has it.

    The library drops its handshake state when the handshake ends, so keep a reference first.
    """
    state = noise.noise_protocol.handshake_state
    payload = bytes(noise.read_message(frame))
    remote_static = getattr(getattr(state, "rs", None), "public_bytes", None)
    return payload, remote_static if isinstance(remote_static, bytes) else None


def _check_hello(payload: bytes, remote_static: bytes | None) -> str:
    if len(payload) < 2 or payload[0] != PROTOCOL_VERSION:
        raise ProtocolViolation("The other wallet speaks another version of the sync protocol.")
    try:
        did = payload[1:].decode("ascii")
        expected = x25519_public_from_did(did)
    except (UnicodeDecodeError, InvalidDid) as exc:
        raise IdentityMismatch("The other wallet sent an invalid identity.") from exc
    if remote_static is None or remote_static != expected:
        raise IdentityMismatch("The other wallet's key does not match the identity it claims.")
    return did


async def _exchange_signatures(
    channel: SecureChannel, credentials: Credentials, initiator: bool
) -> None:
    """Each side signs the handshake hash with its Ed25519 key; a bad signature ends the talk."""
    ours, theirs = (b"I", b"R") if initiator else (b"R", b"I")
    await channel.send(credentials.sign(_AUTH_DOMAIN + ours + channel.handshake_hash))
    signature = await channel.recv()
    message = _AUTH_DOMAIN + theirs + channel.handshake_hash
    if not verify_signature(public_key_from_did(channel.peer_did), message, signature):
        raise IdentityMismatch("The other wallet's identity signature is invalid.")
