"""Every message code of the sync protocol, in one registry.

After the Noise handshake, each application message starts with one code byte; the body
follows. The channel, the pairing machine and the session machine each accept only the codes
their current phase allows (see their transition tables); anything else ends the connection.

| code | name       | body                    | sent by / when                                  |
|------|------------|-------------------------|-------------------------------------------------|
| 0x01 | RECON      | reconciliation message  | session, while reconciling                      |
| 0x02 | WANT       | n x 32-byte ids         | session, ids learned from the peer's ranges     |
| 0x03 | ITEMS      | varint-length documents | session, answering a WANT                       |
| 0x04 | DONE       | empty                   | session, "reconciled and every WANT answered"   |
| 0x08 | IDENTITY   | 64-byte Ed25519 sig     | channel, first message each way                 |
| 0x10 | SAS_COMMIT | 32-byte commitment      | pairing, initiator, first                       |
| 0x11 | SAS_NONCE  | 32-byte nonce           | pairing, responder, after the commitment        |
| 0x12 | SAS_REVEAL | 32-byte nonce           | pairing, initiator, after the responder's nonce |
| 0x18 | ACCEPT     | empty                   | pairing, once this side agrees to sync          |
| 0x19 | REJECT     | 1-byte `RejectReason`   | pairing, at any point before the verdict        |
"""

from __future__ import annotations

from enum import IntEnum

from vouch.exchange.p2p.errors import ProtocolViolation

# The protocol version lives in the Noise prologue (`vouch-p2p/<VERSION>`): wallets speaking
# another version fail the handshake before anything else is exchanged.
PROTOCOL_VERSION = 2
NONCE_BYTES = 32
DIGEST_BYTES = 32
SIGNATURE_BYTES = 64


class Code(IntEnum):
    RECON = 0x01
    WANT = 0x02
    ITEMS = 0x03
    DONE = 0x04
    IDENTITY = 0x08
    SAS_COMMIT = 0x10
    SAS_NONCE = 0x11
    SAS_REVEAL = 0x12
    ACCEPT = 0x18
    REJECT = 0x19


class RejectReason(IntEnum):
    """Why a side refused to pair or sync; the peer shows the matching sentence."""

    DECLINED = 1  # the person said no (or could not be asked)
    TIMED_OUT = 2  # nobody answered in time
    BUSY = 3  # no free connection slot for this peer now
    TRY_LATER = 4  # too many failed attempts from this address recently


# Bodies with a fixed size; any other length is a protocol violation.
FIXED_BODY: dict[Code, int] = {
    Code.DONE: 0,
    Code.IDENTITY: SIGNATURE_BYTES,
    Code.SAS_COMMIT: DIGEST_BYTES,
    Code.SAS_NONCE: NONCE_BYTES,
    Code.SAS_REVEAL: NONCE_BYTES,
    Code.ACCEPT: 0,
    Code.REJECT: 1,
}


def frame(code: Code, body: bytes = b"") -> bytes:
    """One application message: the code byte, then the body."""
    return bytes([code]) + body


def split(message: bytes) -> tuple[Code, bytes]:
    """The code and body of a received message; unknown codes and wrong sizes are refused."""
    if not message:
        raise ProtocolViolation("An empty message arrived.")
    try:
        code = Code(message[0])
    except ValueError as exc:
        raise ProtocolViolation(f"Unknown message code {message[0]}.") from exc
    body = message[1:]
    size = FIXED_BODY.get(code)
    if size is not None and len(body) != size:
        raise ProtocolViolation(f"A {code.name} message has the wrong size.")
    return code, body


def reject_reason(body: bytes) -> RejectReason:
    try:
        return RejectReason(body[0])
    except ValueError:
        return RejectReason.DECLINED  # a reason from a newer version: plain refusal
