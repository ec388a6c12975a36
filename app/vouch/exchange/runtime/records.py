"""What the exchange runtime is told and what it tells: its settings and its frozen events.

Every event reaches the front end through one `ExchangeEvents` object, called on the runtime's
own loop thread: a front end copies what it needs and hands it over to its own thread (the GUI
through queued signals, the CLI by printing or through a queue).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from zeroconf import InterfaceChoice

from vouch.exchange.p2p.discovery import Interfaces, VisibleWallet
from vouch.exchange.p2p.service import SyncOptions
from vouch.exchange.p2p.status import SyncReport, SyncStatus
from vouch.exchange.runtime.faraway import FarWaiting
from vouch.exchange.runtime.pairing import PairingRequest

VISIBLE_SECONDS = 300.0  # visibility turns itself off after this long
BROWSE_SECONDS = 3.0  # one round of listening for nearby wallets


@dataclass(frozen=True)
class ExchangeConfig:
    """Where to listen and announce, and whether to ask about wallets never paired before.

    Tests narrow it to the loopback interface. With `pairing` off only verified contacts can
    sync: a first contact is declined without a question (e.g. when no one is there to answer).
    """

    listen_host: str = "0.0.0.0"
    listen_port: int = 0  # 0: any free port
    visible_seconds: float = VISIBLE_SECONDS
    announce: bool = True
    announce_addresses: tuple[str, ...] = ()  # empty: this machine's own addresses
    interfaces: Interfaces = InterfaceChoice.All
    browse_seconds: float = BROWSE_SECONDS
    pairing: bool = True
    options: SyncOptions = field(default_factory=SyncOptions)


class Hidden(StrEnum):
    """Why visibility ended."""

    OFF = "off"  # switched off (or the runtime stopped)
    TIMEOUT = "timeout"  # its time was up
    ERROR = "error"  # the port could not be opened


@dataclass(frozen=True)
class Listening:
    """The wallet is visible: others can reach it at `addresses` on `port` until `until`."""

    host: str  # the address the socket is bound to (0.0.0.0: every interface)
    port: int
    addresses: tuple[str, ...]  # where others can reach it (what is announced)
    seconds: float  # how long it stays visible
    until: float  # when it turns itself off, on the `time.monotonic()` clock

    @property
    def endpoints(self) -> tuple[str, ...]:
        return tuple(f"{address}:{self.port}" for address in self.addresses)


@dataclass(frozen=True)
class Activity:
    """A status snapshot of one connection (`connection` tells concurrent syncs apart)."""

    connection: int
    incoming: bool
    status: SyncStatus


@dataclass(frozen=True)
class Outcome:
    """How one connection ended: a report, a user-facing error, or a cancel.

    Every connection that showed `Activity` ends with exactly one `Outcome`.
    """

    connection: int
    incoming: bool
    peer_did: str | None
    report: SyncReport | None = None
    error: str = ""
    cancelled: bool = False


@dataclass(frozen=True)
class FailedAttempt:
    """Someone connected but no sync took place: declined, not confirmed in time, or broken.

    `peer_did` is None when the connection failed before the other wallet said who it is;
    `address` is the other side's host:port when known.
    """

    connection: int
    peer_did: str | None
    address: str
    reason: str

    @property
    def who(self) -> str:
        if self.address and self.peer_did:
            return f"{self.address} ({self.peer_did})"
        return self.address or self.peer_did or "an unknown wallet"

    @property
    def text(self) -> str:
        return f"A pairing attempt from {self.who} failed: {self.reason}"


class ExchangeEvents:
    """Receives the runtime's events, on the runtime's loop thread.

    Each method must return quickly and never block (the loop serves everyone else meanwhile);
    the defaults ignore the event. A `PairingRequest` may be answered later, from any thread.
    """

    def listening(self, listening: Listening) -> None:
        """Visibility started."""

    def announced(self, instance: str) -> None:
        """The random name other wallets see this one by."""

    def hidden(self, reason: Hidden) -> None:
        """Visibility ended."""

    def wallets_found(self, wallets: tuple[VisibleWallet, ...]) -> None:
        """The wallets visible nearby now (after each round of browsing)."""

    def activity(self, activity: Activity) -> None:
        """A connection moved on."""

    def finished(self, outcome: Outcome) -> None:
        """A connection ended."""

    def pairing_requested(self, request: PairingRequest) -> None:
        """A first contact: ask the person to compare the code, then `request.answer()`."""

    def pairing_withdrawn(self, request: PairingRequest) -> None:
        """The question is no longer open (answered, timed out, or the connection ended)."""

    def far_waiting(self, waiting: FarWaiting) -> None:
        """A far-away sync waits for the other person (a code to show, or whom it waits for)."""

    def attempt_failed(self, attempt: FailedAttempt) -> None:
        """Someone connected to this wallet and no sync took place."""

    def problem(self, message: str) -> None:
        """Something not tied to one sync went wrong (the port, announcing, browsing)."""
