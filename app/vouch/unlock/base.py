"""The contract every OS unlock backend keeps, and the errors they raise.

A backend never sees or stores biometric data. It keeps a random *wrapping secret* where the
operating system releases it only after authenticating the user (Keychain access control,
Windows Hello, a polkit check in front of the Secret Service). The wallet's store key is
wrapped with that secret and the wrapped copy is kept in a small record file next to the
wallet. Without the operating system's consent the record is useless.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol, runtime_checkable

from vouch.core.errors import UnlockCancelled, UnlockFailed, UnlockUnavailable

STORE_KEY_BYTES = 32
_WALLET_ID = re.compile(r"^[A-Za-z0-9_-]{8,128}$")

__all__ = [
    "STORE_KEY_BYTES",
    "UnlockBackend",
    "UnlockCancelled",
    "UnlockFailed",
    "UnlockInvalidated",
    "UnlockLockedOut",
    "UnlockNotEnrolled",
    "UnlockUnavailable",
    "check_store_key",
    "check_wallet_id",
    "make_wallet_id",
]


class UnlockLockedOut(UnlockFailed):
    default_message = (
        "Too many failed attempts: the operating system has locked biometric unlock for now. "
        "Unlock with your passphrase."
    )


class UnlockInvalidated(UnlockFailed):
    default_message = (
        "The saved OS unlock no longer works (the fingerprints, face or device password "
        "changed, or the saved secret was removed). Unlock with your passphrase and turn "
        "OS unlock on again."
    )


class UnlockNotEnrolled(UnlockUnavailable):
    default_message = "OS unlock is not turned on for this wallet. Unlock with your passphrase."


@runtime_checkable
class UnlockBackend(Protocol):
    """One way for the operating system to release a wallet's store key."""

    @property
    def name(self) -> str:
        """What the platform calls it: "Touch ID", "Windows Hello", "fingerprint"."""
        ...

    def available(self) -> bool:
        """True when enroll/unlock can work on this machine right now (never prompts)."""
        ...

    def unavailable_reason(self) -> str:
        """Why `available()` is False, in words for the user ("" when available)."""
        ...

    def enroll(self, wallet_id: str, store_key: bytes) -> None:
        """Keep `store_key` so that only the authenticated user can get it back.

        Replaces an earlier enrolment of the same wallet (its secret stops working).
        """
        ...

    def unlock(self, wallet_id: str) -> bytes:
        """Ask the OS to authenticate the user; return the 32-byte store key.

        UnlockCancelled when the user closes the prompt, UnlockFailed (and subclasses) when the
        OS refuses, UnlockNotEnrolled when nothing was enrolled. Never returns otherwise.
        """
        ...

    def forget(self, wallet_id: str) -> None:
        """Remove the wrapped key and the OS secret. Safe to call when nothing is enrolled."""
        ...

    def is_enrolled(self, wallet_id: str) -> bool:
        """True when a wrapped key is kept for this wallet (the OS may still refuse it)."""
        ...


def make_wallet_id(folder: Path, did: str) -> str:
    """A stable, file-name-safe id for one wallet: its folder and its did, hashed."""
    import hashlib  # not at start-up: only a wallet that uses OS unlock needs it

    digest = hashlib.sha256()
    digest.update(b"vouch/os-unlock/wallet-id/v1\x00")
    digest.update(str(folder.expanduser().resolve()).encode("utf-8"))
    digest.update(b"\x00")
    digest.update(did.encode("utf-8"))
    return digest.hexdigest()[:40]


def check_wallet_id(wallet_id: str) -> None:
    """Wallet ids become file names and keychain accounts: keep them to a safe alphabet."""
    if not isinstance(wallet_id, str) or not _WALLET_ID.match(wallet_id):
        raise ValueError("wallet_id must be 8-128 characters of [A-Za-z0-9_-]")


def check_store_key(store_key: bytes) -> None:
    if not isinstance(store_key, bytes) or len(store_key) != STORE_KEY_BYTES:
        raise ValueError("the store key must be 32 bytes")
