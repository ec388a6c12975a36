"""What the wormhole helper process tells the app: one JSON object a line on its stdout.

Shared by both sides; no Twisted and no asyncio here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

APP_ID = "vouch-trust-wallet.org/sync/1"
PROLOGUE_PURPOSE = "vouch/wormhole/noise-prologue/1"
SUBPROTOCOL = "vouch-sync/1"
KEY_BYTES = 32
MAX_EVENT_BYTES = 4096
DEFAULT_MAILBOX = "ws://relay.magic-wormhole.io:4000/v1"
DEFAULT_TRANSIT = "tcp:transit.magic-wormhole.io:4001"
MIN_CODE_WORDS = 3


class Event(StrEnum):
    WELCOME = "welcome"  # the mailbox server answered
    CODE = "code"  # the code (allocated, or the one typed), to show
    KEY = "key"  # the PAKE agreed: a key derived from it, for the Noise prologue
    CONNECTED = "connected"  # the dilated subchannel is open: the socket carries it now
    CLOSED = "closed"  # the subchannel and the wormhole are closed
    ERROR = "error"


class Failure(StrEnum):
    """Why a wormhole ended; each maps to a message the person can act on."""

    MAILBOX_UNREACHABLE = "mailbox-unreachable"
    WRONG_CODE = "wrong-code"
    CODE_EXPIRED = "code-expired"  # nobody is waiting with this code any more (or yet)
    CODE_TAKEN = "code-taken"  # two people already used this code
    CANCELLED = "cancelled"  # the other person left before the connection opened
    LOST = "lost"  # the connection broke after it was open
    BAD_CODE = "bad-code"  # not a code at all
    INTERNAL = "internal"


@dataclass(frozen=True)
class Message:
    event: Event
    code: str = ""
    key: bytes = b""
    failure: Failure | None = None
    detail: str = ""

    def encode(self) -> bytes:
        data: dict[str, Any] = {"event": self.event.value}
        if self.code:
            data["code"] = self.code
        if self.key:
            data["key"] = self.key.hex()
        if self.failure is not None:
            data["failure"] = self.failure.value
        if self.detail:
            data["detail"] = self.detail[:500]
        return json.dumps(data).encode("ascii") + b"\n"

    @classmethod
    def decode(cls, line: bytes) -> Message:
        """One line from the helper; anything malformed is a ValueError."""
        if len(line) > MAX_EVENT_BYTES:
            raise ValueError("event line too long")
        data = json.loads(line)
        if not isinstance(data, dict):
            raise ValueError("event is not an object")
        key = bytes.fromhex(str(data.get("key", "")))
        if key and len(key) != KEY_BYTES:
            raise ValueError("key of the wrong length")
        failure = data.get("failure")
        return cls(
            event=Event(data["event"]),
            code=str(data.get("code", "")),
            key=key,
            failure=Failure(failure) if failure is not None else None,
            detail=str(data.get("detail", "")),
        )
