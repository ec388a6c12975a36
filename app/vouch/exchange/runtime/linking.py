"""Linking a second device: the identity and the whole wallet, through a wormhole code.

The existing device *offers* (it allocates a code and waits), the new one *joins* with the code.
The wormhole's PAKE checks the code; a Noise channel bound to the key derived from it opens
between the existing device's identity key and a throw-away key of the new device. Both screens
then show a safety code derived from that channel's handshake; the existing device sends the
identity seed only after its person confirms that the two codes match. The new device checks that
the seed gives the did the channel proved, creates its wallet, names itself, and the two run an
ordinary sync between devices of one wallet over a second channel (both sides now hold the
identity), which carries every statement and change record.

Nothing is written on the new device before the seed arrives and checks out; a sync cut short
after that leaves a wallet with the right identity that the next sync between the two completes.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from vouch.core.errors import PeerError
from vouch.core.identity import Identity
from vouch.exchange.p2p.channel import NOISE_MAX, Credentials, SecureChannel, open_channel
from vouch.exchange.p2p.errors import ProtocolViolation
from vouch.exchange.p2p.framing import FramedStream
from vouch.exchange.p2p.service import SyncOptions, sync_over
from vouch.exchange.p2p.status import StatusCallback, SyncReport
from vouch.exchange.p2p.store import SyncStore
from vouch.exchange.wormhole.link import OpenLink, WormholeLink, WormholeServers, finish_link

LINK_PURPOSE = b"vouch/link/1"
MAX_LINK_MESSAGE = 4096
SEED_BYTES = 32
DEFAULT_LINK_SECONDS = 600.0


class LinkRefused(PeerError):
    default_message = "The other device did not confirm the safety code; nothing was linked."


class DeviceSide(Protocol):
    """What the linking needs from a wallet on either device."""

    @property
    def device_id(self) -> str: ...

    def device_name(self) -> str: ...

    def note_device_sync(self, device: str, name: str | None = None) -> None: ...


class LinkedWallet(DeviceSide, Protocol):
    """The existing device's wallet: it also has the identity and a sync store."""

    @property
    def identity(self) -> Identity: ...


@dataclass(frozen=True)
class LinkReport:
    """A finished link: who, which device at the other end, and the first sync."""

    did: str
    other_device: str
    other_name: str
    sync: SyncReport


Confirm = Callable[[str], bool | Awaitable[bool]]
LinkFactory = Callable[[WormholeServers, float], WormholeLink]


def safety_code(handshake_hash: bytes) -> str:
    """Six digits both screens show, from the channel both devices are on."""
    number = int.from_bytes(hashlib.sha256(LINK_PURPOSE + b"/safety" + handshake_hash).digest())
    digits = f"{number % 1_000_000:06d}"
    return f"{digits[:3]} {digits[3:]}"


def _binding(key: bytes, what: bytes) -> bytes:
    return hashlib.sha256(LINK_PURPOSE + b"/" + what + b"/" + key).digest()


async def _send(channel: SecureChannel, message: dict[str, object]) -> None:
    await channel.send(json.dumps(message, separators=(",", ":")).encode())


async def _receive(channel: SecureChannel, timeout: float) -> dict[str, object]:
    data = await channel.recv(timeout)  # at most MAX_LINK_MESSAGE: the channel refuses more
    try:
        message = json.loads(data)
    except ValueError:
        raise ProtocolViolation("The other device sent a malformed link message.") from None
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        raise ProtocolViolation("The other device sent a malformed link message.")
    return message


def _field(message: dict[str, object], name: str) -> str:
    value = message.get(name)
    if not isinstance(value, str) or not value:
        raise ProtocolViolation(f"The other device's link message has no valid {name}.")
    return value


async def _opened(link: WormholeLink, start: Callable[[], Awaitable[OpenLink]]) -> OpenLink:
    try:
        return await start()
    except BaseException:
        await link.close()
        raise


async def offer_link(
    wallet: LinkedWallet,
    store: SyncStore,
    servers: WormholeServers,
    *,
    on_code: Callable[[str], None],
    on_safety_code: Callable[[str], None],
    confirm: Confirm,
    on_status: StatusCallback | None = None,
    options: SyncOptions | None = None,
    seconds: float = DEFAULT_LINK_SECONDS,
    link_factory: LinkFactory | None = None,
) -> LinkReport:
    """The existing device: a code to type on the new one, then the identity and a sync."""
    options = options or SyncOptions()
    link = (link_factory or _default_link)(servers, seconds)
    opened = await _opened(link, lambda: link.invite(on_code))
    try:
        stream = _stream(opened, options)
        channel = await open_channel(
            stream,
            Credentials.from_identity(wallet.identity),
            initiator=False,
            max_message=MAX_LINK_MESSAGE,
            binding=_binding(opened.key, b"identity"),
        )
        code = safety_code(channel.handshake_hash)
        on_safety_code(code)
        if not await _confirmed(channel, confirm, code):
            raise LinkRefused("The safety codes were not confirmed; the identity was not sent.")
        await _send(
            channel,
            {
                "type": "identity",
                "seed": wallet.identity.seed.hex(),
                "did": wallet.identity.did,
                "device": wallet.device_id,
                "name": wallet.device_name(),
            },
        )
        joined = await _receive(channel, options.pairing_timeout)
        if joined.get("type") != "joined":
            raise ProtocolViolation("The new device did not take the identity.")
        other, other_name = _field(joined, "device"), _field(joined, "name")
        wallet.note_device_sync(other, other_name)
        report = await _sync(
            opened,
            store,
            initiator=False,
            hh=channel.handshake_hash,
            options=options,
            on_status=on_status,
        )
        return LinkReport(wallet.identity.did, other, other_name, report)
    finally:
        await link.close()


async def join_link(
    code: str,
    servers: WormholeServers,
    create: Callable[[Identity], tuple[DeviceSide, SyncStore]],
    *,
    on_safety_code: Callable[[str], None],
    on_status: StatusCallback | None = None,
    options: SyncOptions | None = None,
    seconds: float = DEFAULT_LINK_SECONDS,
    link_factory: LinkFactory | None = None,
) -> LinkReport:
    """The new device: join with the code, check and take the identity, create, then sync.

    `create(identity)` makes the wallet (called once, only with a checked identity).
    """
    options = options or SyncOptions()
    link = (link_factory or _default_link)(servers, seconds)
    opened = await _opened(link, lambda: link.join(code))
    try:
        stream = _stream(opened, options)
        channel = await open_channel(
            stream,
            Credentials.from_identity(Identity.generate()),  # a throw-away key until linked
            initiator=True,
            max_message=MAX_LINK_MESSAGE,
            binding=_binding(opened.key, b"identity"),
        )
        on_safety_code(safety_code(channel.handshake_hash))
        offer = await _receive(channel, options.pairing_timeout)
        if offer.get("type") == "refused":
            raise LinkRefused()
        identity = _checked_identity(offer, channel.peer_did)
        device, store = create(identity)
        await _send(
            channel, {"type": "joined", "device": device.device_id, "name": device.device_name()}
        )
        other, other_name = _field(offer, "device"), _field(offer, "name")
        device.note_device_sync(other, other_name)
        report = await _sync(
            opened,
            store,
            initiator=True,
            hh=channel.handshake_hash,
            options=options,
            on_status=on_status,
        )
        return LinkReport(identity.did, other, other_name, report)
    finally:
        await link.close()


async def _confirmed(channel: SecureChannel, confirm: Confirm, code: str) -> bool:
    """The person's answer. The other device hears a no, also when the question failed."""
    try:
        answer = confirm(code)
        agreed = bool(await answer if inspect.isawaitable(answer) else answer)
    except BaseException:
        with contextlib.suppress(PeerError, OSError):
            await _send(channel, {"type": "refused"})
        raise
    if not agreed:
        await _send(channel, {"type": "refused"})
    return agreed


def _checked_identity(offer: dict[str, object], proven_did: str) -> Identity:
    """The seed must give the did the other device proved it holds, and the did it names."""
    if offer.get("type") != "identity":
        raise ProtocolViolation("The other device did not send an identity.")
    try:
        seed = bytes.fromhex(_field(offer, "seed"))
    except ValueError:
        raise ProtocolViolation("The other device sent a malformed identity.") from None
    if len(seed) != SEED_BYTES:
        raise ProtocolViolation("The other device sent a malformed identity.")
    identity = Identity(seed)
    if identity.did != proven_did or _field(offer, "did") != proven_did:
        raise ProtocolViolation(
            "The other device sent an identity that is not the one it proved; nothing was linked."
        )
    return identity


def _stream(opened: OpenLink, options: SyncOptions) -> FramedStream:
    return FramedStream(
        opened.reader, opened.writer, max_frame=NOISE_MAX, read_timeout=options.read_timeout
    )


async def _sync(
    opened: OpenLink,
    store: SyncStore,
    *,
    initiator: bool,
    hh: bytes,
    options: SyncOptions,
    on_status: StatusCallback | None,
) -> SyncReport:
    """The first sync between the two devices, now both the same identity, on a new channel."""
    me = store.identity.did
    report = await sync_over(
        opened.reader,
        opened.writer,
        store,
        initiator=initiator,
        binding=_binding(hh, b"sync"),
        address="link",
        confirm_pairing=lambda did, _code: did == me,
        on_status=on_status,
        options=options,
    )
    await finish_link(opened, options.read_timeout)
    return report


def _default_link(servers: WormholeServers, seconds: float) -> WormholeLink:
    return WormholeLink(servers, timeout=seconds)
