"""Linking devices over a local socket pair: the protocol, and what a hostile side can do.

The wormhole itself (codes, PAKE, helper process) is tested with real servers elsewhere; here
the two ends of a socket pair stand for a spliced wormhole, with one key on both sides.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from support.cli import PASSPHRASE
from vouch.core.errors import PeerError
from vouch.core.identity import Identity
from vouch.core.records import Level
from vouch.exchange.p2p.channel import NOISE_MAX, Credentials, open_channel
from vouch.exchange.p2p.errors import ProtocolViolation
from vouch.exchange.p2p.framing import FramedStream
from vouch.exchange.p2p.service import SyncOptions
from vouch.exchange.runtime.linking import (
    MAX_LINK_MESSAGE,
    LinkRefused,
    _binding,
    safety_code,
)
from vouch.exchange.wormhole.link import OpenLink, WormholeServers
from vouch.wallet import Wallet
from vouch.wallet.linking import join_existing_wallet, link_new_device

FAST = SyncOptions(read_timeout=5.0, pairing_timeout=5.0)
SERVERS = WormholeServers("ws://127.0.0.1:9/v1", "tcp:127.0.0.1:9")
CODE = "4-purple-sausages-seven"


class SocketPairLinks:
    """Two ends of one socket pair, handed out as the inviting and the joining link."""

    def __init__(self) -> None:
        self.ends = socket.socketpair()
        self.key = os.urandom(32)

    def factory(self, _servers: WormholeServers, _seconds: float) -> _End:
        return _End(self)


class _End:
    def __init__(self, pair: SocketPairLinks) -> None:
        self.pair = pair
        self.writer: asyncio.StreamWriter | None = None

    async def _open(self, index: int, code: str) -> OpenLink:
        reader, writer = await asyncio.open_connection(sock=self.pair.ends[index])
        self.writer = writer
        return OpenLink(reader, writer, self.pair.key, code)

    async def invite(self, on_code: Callable[[str], None]) -> OpenLink:
        on_code(CODE)
        return await self._open(0, CODE)

    async def join(self, code: str) -> OpenLink:
        return await self._open(1, code)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


def run_both(*parts: Awaitable[object]) -> list[object]:
    async def both() -> list[object]:
        return list(await asyncio.gather(*parts, return_exceptions=True))

    return asyncio.run(both())


def join(home: Path, links: SocketPairLinks, seen: list[str]) -> Awaitable[object]:
    return join_existing_wallet(
        home,
        PASSPHRASE,
        CODE,
        SERVERS,
        on_safety_code=seen.append,
        options=FAST,
        link_factory=links.factory,  # type: ignore[arg-type]
    )


def test_an_honest_link_gives_the_same_identity_and_everything(
    tmp_path: Path, new_wallet: Callable[..., Wallet]
) -> None:
    laptop = new_wallet("laptop")
    dana = Identity.generate().did
    laptop.add_contact(dana, "Dana")
    laptop.endorse(dana, "plumbing", Level.STRONGLY)
    links, codes_a, codes_b = SocketPairLinks(), [], []
    offered, joined = run_both(
        link_new_device(
            laptop,
            SERVERS,
            on_code=lambda _c: None,
            on_safety_code=codes_a.append,
            confirm=lambda code: code == codes_a[0],
            options=FAST,
            link_factory=links.factory,  # type: ignore[arg-type]
        ),
        join(tmp_path / "desktop", links, codes_b),
    )
    assert not isinstance(offered, BaseException), offered
    assert not isinstance(joined, BaseException), joined
    assert codes_a == codes_b and len(codes_a[0]) == 7
    with Wallet.open(tmp_path / "desktop", PASSPHRASE) as desktop:
        assert desktop.did == laptop.did
        assert desktop.contact(dana).petname == "Dana"
        assert len(desktop.endorsements()) == 1
        assert desktop.device_id != laptop.device_id


def test_a_no_at_the_safety_code_sends_no_identity(
    tmp_path: Path, new_wallet: Callable[..., Wallet]
) -> None:
    laptop = new_wallet("laptop")
    links = SocketPairLinks()
    offered, joined = run_both(
        link_new_device(
            laptop,
            SERVERS,
            on_code=lambda _c: None,
            on_safety_code=lambda _c: None,
            confirm=lambda _code: False,
            options=FAST,
            link_factory=links.factory,  # type: ignore[arg-type]
        ),
        join(tmp_path / "desktop", links, []),
    )
    assert isinstance(offered, LinkRefused) and isinstance(joined, LinkRefused)
    assert not Wallet.exists(tmp_path / "desktop")


async def hostile_offer(links: SocketPairLinks, holder: Identity, message: bytes) -> None:
    """An 'existing device' that proves `holder` and then sends `message` as its offer."""
    reader, writer = await asyncio.open_connection(sock=links.ends[0])
    stream = FramedStream(reader, writer, max_frame=NOISE_MAX, read_timeout=5.0)
    channel = await open_channel(
        stream,
        Credentials.from_identity(holder),
        initiator=False,
        max_message=1 << 20,
        binding=_binding(links.key, b"identity"),
    )
    await channel.send(message)
    await asyncio.sleep(0.2)
    writer.close()


def offer_of(identity: Identity, **changes: object) -> bytes:
    message: dict[str, object] = {
        "type": "identity",
        "seed": identity.seed.hex(),
        "did": identity.did,
        "device": "a" * 32,
        "name": "Laptop",
    }
    message.update(changes)
    return json.dumps(message).encode()


HOLDER = Identity.generate()
OTHER = Identity.generate()


@pytest.mark.parametrize(
    "message, why",
    [
        (offer_of(OTHER), "not the one it proved"),  # a seed that is not the proven identity
        (offer_of(HOLDER, did=OTHER.did), "not the one it proved"),  # names another did
        (offer_of(HOLDER, seed="00" * 16), "malformed identity"),
        (offer_of(HOLDER, seed="zz" * 32), "malformed identity"),
        (offer_of(HOLDER, type="welcome"), "did not send an identity"),
        (b"{not json", "malformed link message"),
        (b"[1, 2]", "malformed link message"),
        (offer_of(HOLDER, name="x" * MAX_LINK_MESSAGE), "larger than"),
    ],
)
def test_a_hostile_offer_creates_no_wallet(tmp_path: Path, message: bytes, why: str) -> None:
    links = SocketPairLinks()
    _offered, joined = run_both(
        hostile_offer(links, HOLDER, message), join(tmp_path / "new", links, [])
    )
    assert isinstance(joined, PeerError), joined
    assert why in joined.message
    assert not Wallet.exists(tmp_path / "new")


def test_positive_control_the_hostile_harness_can_link(tmp_path: Path) -> None:
    """The same harness with an honest offer gets as far as creating the wallet."""
    links = SocketPairLinks()
    _offered, joined = run_both(
        hostile_offer(links, HOLDER, offer_of(HOLDER)), join(tmp_path / "new", links, [])
    )
    assert isinstance(joined, PeerError)  # the harness stops before the first sync
    assert not isinstance(joined, ProtocolViolation) or "identity" not in joined.message
    with Wallet.open(tmp_path / "new", PASSPHRASE) as wallet:
        assert wallet.did == HOLDER.did


def test_the_safety_code_depends_on_the_channel() -> None:
    assert safety_code(b"a" * 32) != safety_code(b"b" * 32)
    assert safety_code(b"a" * 32) == safety_code(b"a" * 32)
    assert len(safety_code(b"a" * 32).replace(" ", "")) == 6
