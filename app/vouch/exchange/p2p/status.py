"""What the sync tells the UI: frozen records delivered through callbacks."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum

from vouch.exchange.p2p.errors import FailureKind
from vouch.exchange.p2p.store import ReceiveSummary

__all__ = [
    "ConfirmPairing",
    "FailureKind",
    "StatusCallback",
    "SyncPhase",
    "SyncReport",
    "SyncStatus",
]


class SyncPhase(StrEnum):
    LISTENING = "listening"
    CONNECTING = "connecting"
    HANDSHAKE = "handshake"
    AWAITING_CONFIRMATION = "awaiting-confirmation"
    RECONCILING = "reconciling"
    TRANSFERRING = "transferring"
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True)
class SyncStatus:
    """A snapshot of one sync; `sas` is set once both sides derived the code (to compare aloud).

    A FAILED status with `authorised` False is a failed or abandoned pairing attempt: `address`
    says where it came from (also when `peer_did` is not known yet), `message` says why in words
    for the person, and `failure` says why for the program.
    """

    phase: SyncPhase
    peer_did: str | None = None
    sas: str | None = None
    items_sent: int = 0
    items_received: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    round_trips: int = 0
    message: str = ""
    items_expected: int = 0  # documents requested from the peer so far (received counts toward it)
    address: str = ""  # the other end, host:port
    incoming: bool = False  # True on the serving side
    authorised: bool = False  # both sides accepted; the stores may talk
    failure: FailureKind | None = None  # set with phase FAILED

    @property
    def pairing_failed(self) -> bool:
        """A connection that ended before both sides accepted: worth telling the person."""
        return self.phase is SyncPhase.FAILED and not self.authorised


@dataclass(frozen=True)
class SyncReport:
    """The outcome of a finished sync, as seen from one side."""

    peer_did: str
    sent: int
    received: ReceiveSummary
    bytes_sent: int
    bytes_received: int
    round_trips: int
    missing: int = 0  # requested but not delivered (the peer no longer offered them)
    deferred: int = 0  # offered past the per-session request cap: the next sync fetches them


StatusCallback = Callable[[SyncStatus], None]
# Decides whether an unknown peer may sync; gets the peer's did and the code (six digits unless
# `SyncOptions.sas_digits` says otherwise).
ConfirmPairing = Callable[[str, str], bool | Awaitable[bool]]
