"""Identities: Ed25519 keys, `did:key` identifiers, recovery phrases and safety codes.

One Ed25519 implementation is used everywhere (libsodium through PyNaCl) so that two wallets
never disagree on which signatures are valid.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import base58
import nacl.bindings
import nacl.exceptions
import nacl.signing
from mnemonic import Mnemonic

from vouch.core.b58 import b58decode
from vouch.core.errors import InvalidDid, InvalidRecoveryPhrase

SEED_BYTES = 32
PUBLIC_KEY_BYTES = 32
ED25519_PUB_MULTICODEC = b"\xed\x01"
ED25519_PRIV_MULTICODEC = b"\x80\x26"
DID_KEY_PREFIX = "did:key:"
SAFETY_CODE_WORDS = 6
_SAFETY_CODE_DOMAIN = b"vouch/safety-code/v1"


@lru_cache(maxsize=1)
def _wordlist() -> Mnemonic:
    return Mnemonic("english")


def multibase_ed25519_public(public_key: bytes) -> str:
    """`z` + base58btc(0xed01 || key): the multibase form used in did:key and proofs."""
    if len(public_key) != PUBLIC_KEY_BYTES:
        raise ValueError("an Ed25519 public key is 32 bytes")
    return "z" + base58.b58encode(ED25519_PUB_MULTICODEC + public_key).decode("ascii")


def decode_multibase_ed25519_public(value: str) -> bytes:
    """The 32-byte key inside a `z6Mk...` multibase string, or `InvalidDid`."""
    if not isinstance(value, str) or not value.startswith("z") or len(value) > 64:
        raise InvalidDid("Not a base58btc multibase Ed25519 key.")
    try:
        raw = b58decode(value[1:])
    except ValueError as exc:
        raise InvalidDid("The key is not valid base58.") from exc
    if len(raw) != 2 + PUBLIC_KEY_BYTES or raw[:2] != ED25519_PUB_MULTICODEC:
        raise InvalidDid("The key is not an Ed25519 public key (multicodec 0xed01).")
    return raw[2:]


def did_from_public_key(public_key: bytes) -> str:
    return DID_KEY_PREFIX + multibase_ed25519_public(public_key)


def public_key_from_did(did: str) -> bytes:
    """The Ed25519 key a `did:key` names. Raises `InvalidDid` for anything else."""
    if not isinstance(did, str) or not did.startswith(DID_KEY_PREFIX):
        raise InvalidDid(f"Not a did:key identifier: {_shorten(did)}")
    return _decode_did(did)


@lru_cache(maxsize=65536)
def _decode_did(did: str) -> bytes:
    """Cached: the same few identities recur across thousands of credentials.

    Decoding alone proves the did canonical: base58 writes a number one way only, except that
    each leading zero byte may be written as a leading '1', and a key that starts with the
    multicodec 0xed01 has no leading zero byte (a '1' there decodes to a zero byte and fails
    the prefix check). So no re-encoding is needed to compare (it cost 11 us per new did)."""
    return decode_multibase_ed25519_public(did[len(DID_KEY_PREFIX) :])


def is_did_key(value: object) -> bool:
    try:
        public_key_from_did(value)  # type: ignore[arg-type]
    except InvalidDid:
        return False
    return True


def verification_method_for(did: str) -> str:
    """The key id used in proofs: `did:key:z6Mk...#z6Mk...`."""
    public_key_from_did(did)
    return f"{did}#{did[len(DID_KEY_PREFIX) :]}"


def did_from_verification_method(vm: str) -> str:
    """The did:key of a `did:key:z..#z..` verification method, checking the fragment matches."""
    if not isinstance(vm, str) or "#" not in vm:
        raise InvalidDid("The verification method is not a did:key key id.")
    did, fragment = vm.split("#", 1)
    public_key_from_did(did)
    if fragment != did[len(DID_KEY_PREFIX) :]:
        raise InvalidDid("The verification method's fragment does not match its did:key.")
    return did


def verify_signature(public_key: bytes, message: bytes, signature: bytes) -> bool:
    """Ed25519 verification with libsodium's strict rules."""
    try:
        nacl.signing.VerifyKey(public_key).verify(message, signature)
    except (nacl.exceptions.BadSignatureError, ValueError, TypeError):
        return False
    return True


@dataclass(frozen=True)
class Identity:
    """An Ed25519 key pair made from a 32-byte seed. `repr` never shows the seed."""

    seed: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.seed) != SEED_BYTES:
            raise ValueError("an identity seed is 32 bytes")

    @classmethod
    def generate(cls) -> Identity:
        return cls(os.urandom(SEED_BYTES))

    @classmethod
    def from_recovery_phrase(cls, phrase: str) -> Identity:
        return cls(seed_from_recovery_phrase(phrase))

    @property
    def _signing_key(self) -> nacl.signing.SigningKey:
        return nacl.signing.SigningKey(self.seed)

    @property
    def public_key(self) -> bytes:
        return bytes(self._signing_key.verify_key)

    @property
    def did(self) -> str:
        return did_from_public_key(self.public_key)

    @property
    def verification_method(self) -> str:
        return verification_method_for(self.did)

    @property
    def recovery_phrase(self) -> str:
        return recovery_phrase_from_seed(self.seed)

    @property
    def safety_code(self) -> str:
        return safety_code(self.did)

    def sign(self, message: bytes) -> bytes:
        return bytes(self._signing_key.sign(message).signature)

    def x25519_private_key(self) -> bytes:
        """The X25519 key derived from this Ed25519 key (for the Noise channel)."""
        full = nacl.bindings.crypto_sign_seed_keypair(self.seed)[1]
        return bytes(nacl.bindings.crypto_sign_ed25519_sk_to_curve25519(full))


def x25519_public_from_did(did: str) -> bytes:
    """The X25519 public key that matches a did:key's Ed25519 key."""
    try:
        return bytes(nacl.bindings.crypto_sign_ed25519_pk_to_curve25519(public_key_from_did(did)))
    except nacl.exceptions.CryptoError as exc:  # well formed, but not a point on the curve
        raise InvalidDid("The key is not a usable Ed25519 public key.") from exc


def recovery_phrase_from_seed(seed: bytes) -> str:
    """The 24-word BIP39 (English) phrase that encodes the 32-byte seed."""
    if len(seed) != SEED_BYTES:
        raise ValueError("an identity seed is 32 bytes")
    return str(_wordlist().to_mnemonic(seed))


def normalise_phrase(phrase: str) -> str:
    words = unicodedata.normalize("NFKD", phrase).lower().split()
    return " ".join(words)


def seed_from_recovery_phrase(phrase: str) -> bytes:
    """The seed behind a 24-word phrase. Raises `InvalidRecoveryPhrase` with the reason."""
    words = normalise_phrase(phrase).split()
    if len(words) != 24:
        raise InvalidRecoveryPhrase(f"A recovery phrase has 24 words; this one has {len(words)}.")
    wordlist = _wordlist()
    unknown = [w for w in words if w not in wordlist.wordlist]
    if unknown:
        raise InvalidRecoveryPhrase(f"Not a recovery-phrase word: {unknown[0]!r}.")
    if not wordlist.check(" ".join(words)):
        raise InvalidRecoveryPhrase("The recovery phrase has a typo: its checksum does not match.")
    return bytes(wordlist.to_entropy(words))


def safety_code(did: str) -> str:
    """Six words two people can read aloud to check they hold the same did:key.

    66 bits of SHA-256 over the public key, split into 11-bit indexes of the BIP39 list.
    """
    digest = hashlib.sha256(_SAFETY_CODE_DOMAIN + public_key_from_did(did)).digest()
    bits = int.from_bytes(digest[:9], "big") >> (72 - 11 * SAFETY_CODE_WORDS)
    words = _wordlist().wordlist
    indexes = [
        (bits >> (11 * (SAFETY_CODE_WORDS - 1 - i))) & 0x7FF for i in range(SAFETY_CODE_WORDS)
    ]
    return " ".join(words[i] for i in indexes)


def short_did(did: str) -> str:
    """A display form: `did:key:z6Mk…last6`."""
    return _shorten(did)


def _shorten(value: object) -> str:
    text = str(value)
    return text if len(text) <= 24 else f"{text[:16]}…{text[-6:]}"
