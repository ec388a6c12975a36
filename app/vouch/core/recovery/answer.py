"""A guardian's answer to a recovery request, and opening it on the recovering device.

The answer holds, for each share the guardian keeps for the did (one per hand-out), the
owner's signed envelope as received and the share's words sealed again, to the request's
temporary key, together with the request id. So an answer opens only on the device that made
that request, an answer made for another request is refused by its id even if it were
re-sealed, and the owner's signature still vouches for the envelope's threshold, number and
split. The words are checked against the envelope; the seed is checked against the did after
combining (`combine`).

File format: one JSON object, `type` `vouch-recover-answer`, `version` 1, UTF-8.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import nacl.exceptions
import nacl.public

from vouch.core.canonical import DamagedFile, canonicalize, parse_strict
from vouch.core.identity import Identity
from vouch.core.recovery import envelope as envelopes
from vouch.core.recovery import slip39, wire
from vouch.core.recovery.errors import InvalidRecoveryAnswer, InvalidShare
from vouch.core.recovery.request import RecoveryRequest

ANSWER_TYPE = "vouch-recover-answer"
ANSWER_VERSION = 1
ANSWER_SUFFIX = ".vouchanswer"
MAX_ANSWER_BYTES = 64 * 1024
MAX_SEALED_BYTES = 2048
_FIELDS = {"type", "version", "request", "did", "guardian", "shares"}
_INNER = {"request", "split", "index", "words"}


@dataclass(frozen=True)
class OpenedShare:
    """One share, opened on the recovering device. `words` is secret: kept in memory only."""

    guardian: str
    split: str
    index: int
    threshold: int
    created: datetime
    words: str = field(repr=False)


def make_answer(
    request: RecoveryRequest, guardian: Identity, held: Sequence[envelopes.Envelope]
) -> bytes:
    """The answer file's bytes: each held share re-sealed to the request's key."""
    box = nacl.public.SealedBox(nacl.public.PublicKey(request.public_key))
    shares = []
    for envelope in held:
        words = envelopes.open_envelope(envelope, guardian)
        inner = {
            "request": request.request_id,
            "split": envelope.split,
            "index": envelope.index,
            "words": words,
        }
        sealed = bytes(box.encrypt(canonicalize(inner)))
        shares.append({"envelope": envelope.document, "sealed": wire.b64encode(sealed)})
    document = {
        "type": ANSWER_TYPE,
        "version": ANSWER_VERSION,
        "request": request.request_id,
        "did": request.did,
        "guardian": guardian.did,
        "shares": shares,
    }
    return envelopes.encode(document)


def looks_like_answer(data: bytes) -> bool:
    return wire.declared_type(data, MAX_ANSWER_BYTES) == ANSWER_TYPE


def answer_envelopes(data: bytes, request: RecoveryRequest) -> list[envelopes.Envelope]:
    """The signed envelopes of an answer, checked, without opening the shares (no key needed):
    enough to show how many answers of how many needed have come."""
    value, guardian = _read(data, request)
    found = []
    for item in value["shares"]:
        if not isinstance(item, dict) or not isinstance(item.get("envelope"), dict):
            raise InvalidRecoveryAnswer("The answer is damaged (bad share entry).")
        envelope = _envelope(item["envelope"])
        if envelope.owner != request.did or envelope.guardian != guardian:
            raise InvalidRecoveryAnswer(
                "This answer holds a share of another identity or guardian."
            )
        found.append(envelope)
    return found


def _envelope(value: dict[str, Any]) -> envelopes.Envelope:
    try:
        return envelopes.envelope_from(value)
    except InvalidShare as exc:
        raise InvalidRecoveryAnswer(f"In this answer: {exc.message}") from exc


def open_answer(data: bytes, request: RecoveryRequest, private_key: bytes) -> list[OpenedShare]:
    """The shares in one answer, checked against `request`; `InvalidRecoveryAnswer` if not."""
    value, guardian = _read(data, request)
    box = nacl.public.SealedBox(nacl.public.PrivateKey(private_key))
    return [_open_one(item, request, box, guardian) for item in value["shares"]]


def _read(data: bytes, request: RecoveryRequest) -> tuple[dict[str, Any], str]:
    value = wire.read_object(
        data,
        limit=MAX_ANSWER_BYTES,
        kind=ANSWER_TYPE,
        version=ANSWER_VERSION,
        error=InvalidRecoveryAnswer,
    )
    fields = wire.Fields(value, InvalidRecoveryAnswer, "answer")
    fields.exactly(_FIELDS)
    if fields.hex_id("request") != request.request_id:
        raise InvalidRecoveryAnswer(
            "This answer was made for another recovery request: ask the guardian to answer "
            "the request this device made."
        )
    if fields.did("did") != request.did:
        raise InvalidRecoveryAnswer("This answer is for another identity.")
    guardian = fields.did("guardian")
    items = value["shares"]
    if not isinstance(items, list) or not 1 <= len(items) <= slip39.MAX_SHARES:
        raise fields.fail("bad 'shares'")
    return value, guardian


def _open_one(
    item: Any, request: RecoveryRequest, box: nacl.public.SealedBox[Any], guardian: str
) -> OpenedShare:
    if not isinstance(item, dict) or set(item) != {"envelope", "sealed"}:
        raise InvalidRecoveryAnswer("The answer is damaged (bad share entry).")
    if not isinstance(item["envelope"], dict):
        raise InvalidRecoveryAnswer("The answer is damaged (bad envelope).")
    envelope = _envelope(item["envelope"])
    if envelope.owner != request.did or envelope.guardian != guardian:
        raise InvalidRecoveryAnswer("This answer holds a share of another identity or guardian.")
    sealed = wire.Fields(item, InvalidRecoveryAnswer, "answer").binary("sealed", MAX_SEALED_BYTES)
    try:
        plain = box.decrypt(sealed)
    except nacl.exceptions.CryptoError as exc:
        raise InvalidRecoveryAnswer(
            "This answer does not open on this device: it was made for another request, "
            "or it was altered."
        ) from exc
    inner = _inner(plain)
    if inner["request"] != request.request_id:
        raise InvalidRecoveryAnswer("This answer was made for another recovery request.")
    if inner["split"] != envelope.split or inner["index"] != envelope.index:
        raise InvalidRecoveryAnswer("The share in this answer does not match its envelope.")
    try:
        envelopes.check_words(envelope, inner["words"])
    except InvalidShare as exc:
        raise InvalidRecoveryAnswer(f"In this answer: {exc.message}") from exc
    return OpenedShare(
        guardian,
        envelope.split,
        envelope.index,
        envelope.threshold,
        envelope.created,
        inner["words"],
    )


def _inner(plain: bytes) -> dict[str, Any]:
    try:
        value = parse_strict(plain, what="answer")
    except DamagedFile as exc:
        raise InvalidRecoveryAnswer() from exc
    fields = wire.Fields(value if isinstance(value, dict) else {}, InvalidRecoveryAnswer, "answer")
    fields.exactly(_INNER)
    fields.hex_id("request")
    fields.hex_id("split")
    fields.integer("index", 1, slip39.MAX_SHARES)
    fields.text("words", slip39.MAX_MNEMONIC_CHARS)
    return fields.value
