"""Wrapping the store key, and the small record file that keeps the wrapped copy.

Wrapping is XChaCha20-Poly1305 (libsodium through PyNaCl) with a random 24-byte nonce. The
associated data binds the wrapped key to one backend and one wallet, so a record copied to
another wallet (or another backend) fails to open instead of unlocking the wrong store.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from dataclasses import dataclass
from pathlib import Path

import nacl.bindings
import nacl.exceptions
import nacl.utils

from vouch.core.errors import UnlockFailed
from vouch.core.fsutil import atomic_write
from vouch.unlock.base import (
    STORE_KEY_BYTES,
    UnlockInvalidated,
    UnlockNotEnrolled,
    check_store_key,
    check_wallet_id,
)

log = logging.getLogger(__name__)

SECRET_BYTES = 32
RECORD_FORMAT = "vouch-os-unlock"
RECORD_VERSION = 1
_NONCE_BYTES = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
_AD_PREFIX = b"vouch/os-unlock/v1\x00"
_MAX_RECORD_BYTES = 4096


def new_secret() -> bytes:
    """A fresh random wrapping secret (one per enrolment)."""
    return nacl.utils.random(SECRET_BYTES)


def _associated_data(backend_id: str, wallet_id: str) -> bytes:
    return _AD_PREFIX + backend_id.encode("ascii") + b"\x00" + wallet_id.encode("ascii")


def wrap(store_key: bytes, secret: bytes, *, backend_id: str, wallet_id: str) -> bytes:
    """nonce || ciphertext of the store key under `secret`."""
    check_store_key(store_key)
    if len(secret) != SECRET_BYTES:
        raise ValueError("the wrapping secret must be 32 bytes")
    nonce = nacl.utils.random(_NONCE_BYTES)
    sealed = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_encrypt(
        store_key, _associated_data(backend_id, wallet_id), nonce, secret
    )
    return nonce + sealed


def unwrap(wrapped: bytes, secret: bytes, *, backend_id: str, wallet_id: str) -> bytes:
    """The store key, or UnlockInvalidated when the secret or the record does not match."""
    if len(secret) != SECRET_BYTES or len(wrapped) <= _NONCE_BYTES:
        raise UnlockInvalidated()
    nonce, sealed = wrapped[:_NONCE_BYTES], wrapped[_NONCE_BYTES:]
    try:
        store_key = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(
            sealed, _associated_data(backend_id, wallet_id), nonce, secret
        )
    except nacl.exceptions.CryptoError:
        log.info("OS unlock: the wrapped key did not open for wallet %s", wallet_id)
        raise UnlockInvalidated() from None
    if len(store_key) != STORE_KEY_BYTES:
        raise UnlockInvalidated()
    return store_key


@dataclass(frozen=True)
class Record:
    """What is kept on disk for one enrolled wallet (never the key itself)."""

    backend_id: str
    wrapped: bytes

    def to_json(self) -> bytes:
        doc = {
            "format": RECORD_FORMAT,
            "version": RECORD_VERSION,
            "backend": self.backend_id,
            "wrapped": base64.b64encode(self.wrapped).decode("ascii"),
        }
        return json.dumps(doc, sort_keys=True).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> Record:
        try:
            doc = json.loads(data.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != RECORD_FORMAT:
                raise ValueError("not an OS unlock record")
            if doc.get("version") != RECORD_VERSION:
                raise ValueError("unknown OS unlock record version")
            backend = doc["backend"]
            wrapped = base64.b64decode(doc["wrapped"], validate=True)
            if not isinstance(backend, str):
                raise ValueError("bad backend field")
        except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError):
            raise UnlockFailed(
                "The saved OS unlock record is damaged. Unlock with your passphrase and turn "
                "OS unlock on again."
            ) from None
        return cls(backend_id=backend, wrapped=wrapped)


class RecordStore:
    """One small JSON file per wallet in `folder` (created 0700, files 0600, atomic writes)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, wallet_id: str) -> Path:
        check_wallet_id(wallet_id)
        return self.folder / f"{wallet_id}.json"

    def exists(self, wallet_id: str) -> bool:
        return self.path(wallet_id).is_file()

    def load(self, wallet_id: str) -> Record | None:
        path = self.path(wallet_id)
        try:
            with path.open("rb") as fh:
                data = fh.read(_MAX_RECORD_BYTES + 1)
        except FileNotFoundError:
            return None
        if len(data) > _MAX_RECORD_BYTES:
            return Record.from_json(b"")
        return Record.from_json(data)

    def load_enrolled(self, wallet_id: str, backend_id: str) -> Record:
        """The record `backend_id` wrote for this wallet, or the error that says why not."""
        record = self.load(wallet_id)
        if record is None:
            raise UnlockNotEnrolled()
        if record.backend_id != backend_id:
            raise UnlockInvalidated()
        return record

    def save(self, wallet_id: str, record: Record) -> None:
        """Atomic and private (0600); a failure raises a `VouchError` and leaves no temp file."""
        path = self.path(wallet_id)
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        atomic_write(path, record.to_json())

    def delete(self, wallet_id: str) -> None:
        self.path(wallet_id).unlink(missing_ok=True)
