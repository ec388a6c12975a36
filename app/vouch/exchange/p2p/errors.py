"""Errors raised by the peer-to-peer layer; all are `PeerError`s with a message for the user.

Each class names a `FailureKind`, which the status callbacks carry so the front ends can tell a
declined pairing from a stranger's garbage without parsing sentences.
"""

from __future__ import annotations

from enum import StrEnum

from vouch.core.errors import PeerError


class FailureKind(StrEnum):
    UNREACHABLE = "unreachable"  # no wallet answered at that address
    HANDSHAKE = "handshake"  # the secure handshake failed (garbage, another version)
    IDENTITY = "identity"  # the peer could not prove the did it claims
    CODE_CHECK = "code-check"  # the pairing code commitment did not open: someone in between?
    DECLINED = "declined"  # this side said no (the person, or nobody to ask)
    DECLINED_BY_PEER = "declined-by-peer"  # the other side said no
    BUSY = "busy"  # no free connection slot
    TRY_LATER = "try-later"  # too many failed attempts from that address recently
    TIMEOUT = "timeout"  # the peer (or a person) took too long
    DISCONNECTED = "disconnected"
    PROTOCOL = "protocol"  # malformed or out-of-order data
    STORE = "store"  # the wallet itself failed while syncing


def failure_kind(error: Exception) -> FailureKind:
    """The kind a front end shows for `error` (a store error when it is not a peer's fault)."""
    kind = getattr(error, "kind", None)
    return kind if isinstance(kind, FailureKind) else FailureKind.STORE


class ProtocolViolation(PeerError):
    """The peer sent something malformed, oversized or out of order."""

    default_message = "The other wallet sent data that does not follow the sync protocol."
    kind = FailureKind.PROTOCOL


class HandshakeFailed(ProtocolViolation):
    default_message = (
        "The secure handshake failed (the other side may not be a Vouch wallet of this version)."
    )
    kind = FailureKind.HANDSHAKE


class IdentityMismatch(ProtocolViolation):
    default_message = "The other wallet could not prove the identity it claims."
    kind = FailureKind.IDENTITY


class CodeCheckFailed(ProtocolViolation):
    """The initiator's revealed nonce does not match its commitment."""

    default_message = (
        "The pairing code check failed: someone may be trying to sit between the two wallets."
    )
    kind = FailureKind.CODE_CHECK


class PeerTimeout(PeerError):
    default_message = "The other wallet stopped answering."
    kind = FailureKind.TIMEOUT


class PeerDisconnected(PeerError):
    default_message = "The connection to the other wallet was closed."
    kind = FailureKind.DISCONNECTED


class PeerUnreachable(PeerError):
    default_message = "Could not reach a wallet at that address."
    kind = FailureKind.UNREACHABLE


class PeerRefused(PeerError):
    """The pairing was declined, on this side or on the other."""

    default_message = "The sync was declined."
    kind = FailureKind.DECLINED

    def __init__(self, message: str | None = None, kind: FailureKind | None = None) -> None:
        super().__init__(message)
        if kind is not None:
            self.kind = kind
