"""`SyncOptions`: every timeout, limit and slot rule of a sync, in one frozen record."""

from __future__ import annotations

from dataclasses import dataclass, field

from vouch.exchange.p2p.channel import DEFAULT_MAX_MESSAGE
from vouch.exchange.p2p.pairing import DEFAULT_SAS_DIGITS, MAX_SAS_DIGITS, MIN_SAS_DIGITS
from vouch.exchange.p2p.session import SessionConfig


@dataclass(frozen=True)
class SyncOptions:
    read_timeout: float = 30.0  # one frame, and one whole message once the sync runs
    handshake_timeout: float = 20.0  # connect-to-code: handshake, identity proofs, code exchange
    pairing_timeout: float = 120.0  # how long a person may take to compare the code
    connect_timeout: float = 10.0
    max_message: int = DEFAULT_MAX_MESSAGE
    sas_digits: int = DEFAULT_SAS_DIGITS  # length of the code people compare
    # slots (server side): see docs/SYNC.md, "Connection slots"
    max_connections: int = 4  # connections past the handshake (pairings and syncs)
    reserved_for_contacts: int = 2  # of those, kept for verified contacts
    max_handshakes: int = 4  # connections still in the handshake; the oldest is cut for a new one
    max_per_address: int = 2  # connections from one IP address, in any state
    # repeated failed pairings from one address: refuse strangers from it for a while
    backoff_base: float = 2.0  # seconds after the first failure, doubled after each further one
    backoff_max: float = 900.0
    backoff_addresses: int = 1024  # addresses remembered (least recently failed are forgotten)
    session: SessionConfig = field(default_factory=SessionConfig)

    def __post_init__(self) -> None:
        if not MIN_SAS_DIGITS <= self.sas_digits <= MAX_SAS_DIGITS:
            raise ValueError(f"sas_digits must be {MIN_SAS_DIGITS} to {MAX_SAS_DIGITS}")
        if self.max_connections < 1 or not 0 <= self.reserved_for_contacts <= self.max_connections:
            raise ValueError("invalid connection slots")
        if self.max_handshakes < 1 or self.max_per_address < 1:
            raise ValueError("invalid handshake or per-address limit")
        if self.backoff_base < 0 or self.backoff_max < self.backoff_base:
            raise ValueError("invalid backoff")
        if min(self.read_timeout, self.handshake_timeout, self.pairing_timeout) <= 0:
            raise ValueError("timeouts must be positive")

    @property
    def stranger_slots(self) -> int:
        """Connections a peer that is not a verified contact may hold at once."""
        return self.max_connections - self.reserved_for_contacts
