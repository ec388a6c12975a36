"""Errors raised by the peer-to-peer layer; all are `PeerError`s with a message for the user."""

from __future__ import annotations

from vouch.core.errors import PeerError


class ProtocolViolation(PeerError):
    """The peer sent something malformed, oversized or out of order."""

    default_message = "The other wallet sent data that does not follow the sync protocol."


class PeerTimeout(PeerError):
    default_message = "The other wallet stopped answering."


class PeerDisconnected(PeerError):
    default_message = "The connection to the other wallet was closed."


class IdentityMismatch(ProtocolViolation):
    default_message = "The other wallet could not prove the identity it claims."


class PeerRefused(PeerError):
    """The pairing was declined, on this side or on the other."""

    default_message = "The sync was declined."
