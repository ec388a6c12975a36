"""What the sync needs from a wallet: the `SyncStore` protocol and its records.

The wallet implements `SyncStore`; the p2p layer never touches the database itself. Audience
rules (what may be shown to whom) and verification of received documents stay on the store side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from vouch.core.identity import Identity

ITEM_ID_BYTES = 32


@dataclass(frozen=True)
class SyncItem:
    """One document the store is willing to send to a given peer."""

    item_id: bytes  # 32 bytes: SHA-256 of the verbatim document bytes
    timestamp: int  # POSIX seconds (the credential's validFrom or created)
    document: bytes  # verbatim signed JSON (endorsement or revocation credential)

    def __post_init__(self) -> None:
        if len(self.item_id) != ITEM_ID_BYTES:
            raise ValueError("a sync item id is 32 bytes")


@dataclass(frozen=True)
class ReceiveSummary:
    """What the store did with a batch of received documents."""

    added: int = 0
    duplicates: int = 0
    invalid: int = 0
    reasons: tuple[str, ...] = ()
    revocations: int = 0  # of `added`, how many were revocations applied

    def __add__(self, other: ReceiveSummary) -> ReceiveSummary:
        return ReceiveSummary(
            added=self.added + other.added,
            duplicates=self.duplicates + other.duplicates,
            invalid=self.invalid + other.invalid,
            reasons=(self.reasons + other.reasons)[:MAX_REASONS],
            revocations=self.revocations + other.revocations,
        )


MAX_REASONS = 50


class SyncStore(Protocol):
    """The wallet side of a sync. Every call is synchronous and fast enough for one batch."""

    @property
    def identity(self) -> Identity: ...

    def is_verified_peer(self, did: str) -> bool:
        """True if `did` is a contact verified in person: it may sync without a prompt."""
        ...

    def remember_paired_peer(self, did: str) -> None:
        """Mark the contact as verified in person (after a confirmed pairing)."""
        ...

    def items_for_peer(self, peer_did: str) -> list[SyncItem]:
        """Every document this wallet may send to `peer_did` (audience rules applied)."""
        ...

    def receive_documents(self, peer_did: str, documents: list[bytes]) -> ReceiveSummary:
        """Verify and store a batch in one transaction; skip duplicates, report invalid ones."""
        ...
