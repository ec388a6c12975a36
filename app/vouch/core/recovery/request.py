"""The recovering device's one-time request: which did, a fresh X25519 key, an id, a time.

Printed as one line, `vouch:recover:` + base64url(JCS of the request object), so it can be
read over the phone, pasted into a message or shown as a QR code. Nothing in it is secret and
nothing proves who made it: anyone can make a request for anyone's did. That is why a guardian
must confirm it with its person by voice or in person, and why the request comes with five
check words (a hash of the whole request) that the person reads aloud from their screen: the
guardian then knows that the request in hand is the one that person made, key included.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from mnemonic import Mnemonic

from vouch.core.canonical import DamagedFile, canonicalize, parse_strict
from vouch.core.recovery import wire
from vouch.core.recovery.errors import InvalidRecoveryRequest

REQUEST_PREFIX = "vouch:recover:"
REQUEST_TYPE = "vouch-recover-request"
REQUEST_VERSION = 1
MAX_REQUEST_CHARS = 1024
REQUEST_ID_BYTES = 16
CHECK_WORDS = 5
_CHECK_DOMAIN = b"vouch/recover-request/v1\x00"
_FIELDS = {"type", "version", "did", "id", "key", "created"}


@lru_cache(maxsize=1)
def _words() -> list[str]:
    return list(Mnemonic("english").wordlist)


@dataclass(frozen=True)
class RecoveryRequest:
    did: str  # the identity being recovered
    request_id: str  # 32 hex digits
    public_key: bytes  # the recovering device's temporary X25519 key
    created: datetime
    document: dict[str, Any]

    @property
    def line(self) -> str:
        return REQUEST_PREFIX + wire.b64encode(canonicalize(self.document))

    @property
    def check_words(self) -> str:
        """Five words both screens show: the person reads theirs aloud to the guardian."""
        digest = hashlib.sha256(_CHECK_DOMAIN + canonicalize(self.document)).digest()
        bits = int.from_bytes(digest[:8], "big")
        words = _words()
        return " ".join(words[(bits >> (11 * i)) & 0x7FF] for i in range(CHECK_WORDS))


def new_request(did: str, public_key: bytes, created: str) -> RecoveryRequest:
    """A request for `did` answered to `public_key`, with a fresh random id."""
    document: dict[str, Any] = {
        "type": REQUEST_TYPE,
        "version": REQUEST_VERSION,
        "did": did,
        "id": os.urandom(REQUEST_ID_BYTES).hex(),
        "key": wire.b64encode(public_key),
        "created": created,
    }
    return request_from(document)


def parse_request(text: str) -> RecoveryRequest:
    """The request in a `vouch:recover:` line (surrounding white space allowed)."""
    line = text.strip()
    if len(line) > MAX_REQUEST_CHARS or not line.startswith(REQUEST_PREFIX):
        raise InvalidRecoveryRequest(
            "This isn't a recovery request: it is one line beginning 'vouch:recover:'."
        )
    raw = wire.b64decode(line.removeprefix(REQUEST_PREFIX), InvalidRecoveryRequest, "request")
    try:
        value = parse_strict(raw, what="request")
    except DamagedFile as exc:
        raise InvalidRecoveryRequest() from exc
    if not isinstance(value, dict):
        raise InvalidRecoveryRequest()
    return request_from(value)


def request_from(value: dict[str, Any]) -> RecoveryRequest:
    fields = wire.Fields(value, InvalidRecoveryRequest, "recovery request")
    if type(value.get("version")) is int and value["version"] > REQUEST_VERSION:
        raise InvalidRecoveryRequest(
            "This request was made by a newer version of Vouch; please update Vouch."
        )
    fields.exactly(_FIELDS)
    if value.get("type") != REQUEST_TYPE or value.get("version") != REQUEST_VERSION:
        raise InvalidRecoveryRequest()
    request_id = fields.hex_id("id")
    key = fields.binary("key", 32)
    if len(request_id) != 2 * REQUEST_ID_BYTES or len(key) != 32:
        raise fields.fail("bad id or key")
    return RecoveryRequest(fields.did("did"), request_id, key, fields.time("created"), dict(value))
