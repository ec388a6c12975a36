"""What the sync tells the UI: frozen records delivered through callbacks."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum

from vouch.exchange.p2p.store import ReceiveSummary


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
    """A snapshot of one sync; `sas` is set once the channel is up (to compare aloud)."""

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


StatusCallback = Callable[[SyncStatus], None]
# Decides whether an unknown peer may sync; gets the peer's did and the six-digit code.
ConfirmPairing = Callable[[str, str], bool | Awaitable[bool]]
