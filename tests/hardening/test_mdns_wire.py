"""What a visible wallet says on the network, read off the wire.

The real `Announcer` (as `vouch share` starts it) announces on the loopback interface while a
plain UDP socket, joined to the mDNS group there, keeps every packet. Each packet is parsed as
DNS and searched, names, TXT and raw bytes alike, for anything that would say whose wallet it
is: the did:key in any form, a petname, the safety code, the user's login, the machine's host
name, the wallet folder. The instance and host names must change from one session to the next.
"""

from __future__ import annotations

import asyncio
import getpass
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from zeroconf import DNSIncoming, DNSPointer, DNSService, DNSText

from vouch.core.errors import PeerError
from vouch.core.identity import short_did
from vouch.exchange.p2p.discovery import SERVICE_TYPE, Announcer
from vouch.wallet import Wallet

GROUP, PORT = "224.0.0.251", 5353
LOOPBACK = "127.0.0.1"
PASSPHRASE = "wire test passphrase"
PETNAME = "Wilhelmina Quartermaine"


class Capture:
    """Every mDNS packet seen on the loopback interface while it runs."""

    def __init__(self) -> None:
        self.packets: list[bytes] = []
        self._stop = threading.Event()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if hasattr(socket, "SO_REUSEPORT"):
            self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        self._sock.bind((GROUP, PORT))
        membership = socket.inet_aton(GROUP) + socket.inet_aton(LOOPBACK)
        self._sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, membership)
        self._sock.settimeout(0.1)
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                data, _ = self._sock.recvfrom(9000)
            except TimeoutError:
                continue
            self.packets.append(data)

    def __enter__(self) -> Capture:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        time.sleep(0.3)  # the goodbye packets sent on stop
        self._stop.set()
        self._thread.join(timeout=5)
        self._sock.close()


def _texts(packet: bytes) -> list[str]:
    """Every name and TXT entry a DNS packet carries, as text."""
    message = DNSIncoming(packet)
    texts = [q.name for q in message.questions]
    for record in message.answers():
        texts.append(record.name)
        if isinstance(record, DNSService):
            texts.append(record.server)
        elif isinstance(record, DNSPointer):
            texts.append(record.alias)
        elif isinstance(record, DNSText):
            texts.append(record.text.decode("utf-8", "replace"))
    return texts


def _session(port: int) -> tuple[Announcer, list[bytes]]:
    """One visible session of a few announcements, captured."""
    announcer = Announcer(port, interfaces=[LOOPBACK], timeout=30)

    async def run() -> None:
        try:
            await announcer.start()
        except PeerError as exc:
            pytest.skip(f"no multicast on the loopback interface here: {exc.__cause__!r}")
        await asyncio.sleep(1.2)
        await announcer.stop()

    with Capture() as capture:
        asyncio.run(run())
    ours = [p for p in capture.packets if announcer.instance.encode() in p]
    if not ours:
        pytest.skip("no mDNS packet came back on the loopback interface here")
    return announcer, ours


@pytest.fixture
def identifying(tmp_path: Path) -> Iterator[dict[str, str]]:
    """What must never be on the wire, from a wallet opened as `vouch share` opens it."""
    home = tmp_path / "wallet-of-wilhelmina"
    with Wallet.create(home, PASSPHRASE) as wallet:
        with Wallet.create(tmp_path / "friend", PASSPHRASE) as friend:
            friend_did = friend.did
        wallet.add_contact(friend_did, PETNAME)
        found = {
            "did": wallet.did,
            "multibase key": wallet.did.removeprefix("did:key:"),
            "short did": short_did(wallet.did),
            "safety code": wallet.safety_code,
            "petname": PETNAME,
            "wallet folder": str(home),
            "wallet folder name": home.name,
            "friend's did": friend_did,
        }
        for name, value in (("user", getpass.getuser()), ("host", socket.gethostname())):
            if len(value) >= 4 and value != "localhost":
                found[name] = value
        yield found


def test_the_announcement_names_nobody(identifying: dict[str, str]) -> None:
    first, packets = _session(45813)
    second, _ = _session(45813)

    records: list[str] = []
    for packet in packets:
        texts = _texts(packet)
        records += texts
        lowered = packet.lower()
        for what, value in identifying.items():
            assert value.encode().lower() not in lowered, f"the {what} is in a packet"
            assert all(value.lower() not in t.lower() for t in texts), f"the {what} is in a record"

    labels = {label.lower() for text in records for label in text.split(".")}
    for name in (getpass.getuser(), socket.gethostname()):
        assert name.lower() not in labels, f"{name!r} is a DNS label"
    assert first.service_name in records  # the parser did read our own announcement
    servers = {t for t in records if t.endswith(".local.") and SERVICE_TYPE not in t}
    assert servers == {f"{first.instance}.local."}  # the host name is the random label too
    txt = [
        r
        for p in packets
        for r in DNSIncoming(p).answers()
        if isinstance(r, DNSText) and r.name == first.service_name
    ]
    assert txt and all(r.text == b"\x03v=1" for r in txt)  # only the protocol version
    assert first.instance != second.instance
    assert second.instance.encode() not in b"".join(packets)
