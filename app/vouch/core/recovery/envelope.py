"""The share envelope: one guardian's share, sealed to them and signed by its owner.

The signed part says whose share it is, for which guardian, the threshold, the share's number,
the split it belongs to and when it was made; the share itself is in a libsodium sealed box
to the guardian's X25519 key (derived from their did:key), so only that guardian opens it.
The signature (Ed25519 by the owner, over the JCS form of every other member, after a domain
label) covers the sealed box too: a guardian's wallet, and later the recovering device, can
tell an altered file from a genuine one. The envelope names neither the other guardians nor
how many there are.

File format (`.vouchshare`): the envelope as one JSON object on one line, UTF-8, then a
newline. `type` is `vouch-share`, `version` is 1.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import nacl.exceptions
import nacl.public

from vouch.core.canonical import canonicalize
from vouch.core.identity import Identity, public_key_from_did, verify_signature
from vouch.core.identity import x25519_public_from_did as guardian_key
from vouch.core.recovery import slip39, wire
from vouch.core.recovery.errors import InvalidShare

SHARE_TYPE = "vouch-share"
SHARE_VERSION = 1
SHARE_SUFFIX = ".vouchshare"
MAX_SHARE_BYTES = 4096
MAX_SEALED_BYTES = 1024
_DOMAIN = b"vouch/share-envelope/v1\x00"
_SIGNED = {"type", "version", "owner", "guardian", "threshold", "index", "split", "created"}
_FIELDS = _SIGNED | {"sealed", "signature"}


@dataclass(frozen=True)
class Envelope:
    owner: str
    guardian: str
    threshold: int
    index: int
    split: str  # 32 hex digits, chosen at random for each hand-out
    created: datetime
    sealed: bytes  # the share's words, sealed to the guardian
    signature: bytes
    document: dict[str, Any]  # as read or made, for storing verbatim

    def to_bytes(self) -> bytes:
        return encode(self.document)


def encode(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def _signing_input(document: dict[str, Any]) -> bytes:
    return _DOMAIN + canonicalize({k: v for k, v in document.items() if k in _SIGNED | {"sealed"}})


def make_envelope(
    owner: Identity,
    guardian: str,
    mnemonic: str,
    *,
    threshold: int,
    index: int,
    split: str,
    created: str,
) -> Envelope:
    """Seal `mnemonic` to `guardian` and sign the whole as `owner`."""
    sealed = nacl.public.SealedBox(nacl.public.PublicKey(guardian_key(guardian))).encrypt(
        mnemonic.encode("utf-8")
    )
    document: dict[str, Any] = {
        "type": SHARE_TYPE,
        "version": SHARE_VERSION,
        "owner": owner.did,
        "guardian": guardian,
        "threshold": threshold,
        "index": index,
        "split": split,
        "created": created,
        "sealed": wire.b64encode(bytes(sealed)),
    }
    document["signature"] = wire.b64encode(owner.sign(_signing_input(document)))
    return read_envelope(encode(document))


def looks_like_share(data: bytes) -> bool:
    """True when `data` is a JSON object of type `vouch-share` (sound or not): so that
    `vouch import` sends it here, and says what is wrong with it as a share file."""
    return wire.declared_type(data, MAX_SHARE_BYTES) == SHARE_TYPE


def read_envelope(data: bytes) -> Envelope:
    """Parse and check the owner's signature. `InvalidShare` for anything else."""
    value = wire.read_object(
        data, limit=MAX_SHARE_BYTES, kind=SHARE_TYPE, version=SHARE_VERSION, error=InvalidShare
    )
    return envelope_from(value)


def envelope_from(value: dict[str, Any]) -> Envelope:
    """An envelope from its parsed JSON object (also found inside answers), checked."""
    fields = wire.Fields(value, InvalidShare, "share file")
    fields.exactly(_FIELDS)
    if value.get("type") != SHARE_TYPE or value.get("version") != SHARE_VERSION:
        raise fields.fail("not a share envelope")
    envelope = Envelope(
        owner=fields.did("owner"),
        guardian=fields.did("guardian"),
        threshold=fields.integer("threshold", slip39.MIN_THRESHOLD, slip39.MAX_SHARES),
        index=fields.integer("index", 1, slip39.MAX_SHARES),
        split=fields.hex_id("split"),
        created=fields.time("created"),
        sealed=fields.binary("sealed", MAX_SEALED_BYTES),
        signature=fields.binary("signature", 64),
        document=dict(value),
    )
    if not verify_signature(
        public_key_from_did(envelope.owner), _signing_input(value), envelope.signature
    ):
        raise InvalidShare("The share file was altered: its owner's signature does not match.")
    return envelope


def open_envelope(envelope: Envelope, guardian: Identity) -> str:
    """The share's words, for the guardian it was sealed to; checked by their checksum."""
    if envelope.guardian != guardian.did:
        raise InvalidShare("This share was handed to someone else, not to this wallet.")
    box = nacl.public.SealedBox(nacl.public.PrivateKey(guardian.x25519_private_key()))
    try:
        words = box.decrypt(envelope.sealed).decode("utf-8")
    except (nacl.exceptions.CryptoError, UnicodeDecodeError) as exc:
        raise InvalidShare("This share cannot be opened with this wallet's key.") from exc
    check_words(envelope, words)
    return words


def check_words(envelope: Envelope, words: str) -> None:
    """The share's own data must agree with what its owner signed around it."""
    info = slip39.read_share(words)
    if info.index != envelope.index or info.threshold != envelope.threshold:
        raise InvalidShare("The share does not match its envelope.")
