"""Optional OS unlock: Touch ID, Windows Hello, or polkit + Secret Service on Linux.

    backend = choose_backend(home / "os-unlock")
    if backend.available():
        backend.enroll(wallet_id, wallet.store_key())
    ...
    store_key = backend.unlock(wallet_id)   # prompts; raises UnlockCancelled / UnlockFailed

Importing this package never imports a platform package (pyobjc, winrt, secretstorage).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vouch.core.errors import UnlockUnavailable
from vouch.unlock.base import (
    STORE_KEY_BYTES,
    UnlockBackend,
    UnlockCancelled,
    UnlockFailed,
    UnlockInvalidated,
    UnlockLockedOut,
    UnlockNotEnrolled,
    check_wallet_id,
    make_wallet_id,
)

__all__ = [
    "STORE_KEY_BYTES",
    "MemoryBackend",
    "UnlockBackend",
    "UnlockCancelled",
    "UnlockFailed",
    "UnlockInvalidated",
    "UnlockLockedOut",
    "UnlockNotEnrolled",
    "UnlockUnavailable",
    "UnsupportedBackend",
    "choose_backend",
    "make_wallet_id",
]


if TYPE_CHECKING:
    from vouch.unlock.memory import MemoryBackend


def __getattr__(name: str) -> Any:
    """`MemoryBackend` (tests and the fake OS) loads its crypto only when asked for: the
    unlock errors above are imported by every front end at start."""
    if name == "MemoryBackend":
        from vouch.unlock.memory import MemoryBackend

        return MemoryBackend
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class UnsupportedBackend:
    """The backend of platforms without OS unlock: never available, never unlocks."""

    def __init__(self, platform: str) -> None:
        self._platform = platform

    @property
    def name(self) -> str:
        return "system unlock"

    def available(self) -> bool:
        return False

    def unavailable_reason(self) -> str:
        return f"Unlocking with the operating system is not supported on {self._platform}."

    def enroll(self, wallet_id: str, store_key: bytes) -> None:
        raise UnlockUnavailable(self.unavailable_reason())

    def unlock(self, wallet_id: str) -> bytes:
        raise UnlockUnavailable(self.unavailable_reason())

    def forget(self, wallet_id: str) -> None:
        check_wallet_id(wallet_id)

    def is_enrolled(self, wallet_id: str) -> bool:
        check_wallet_id(wallet_id)
        return False


def choose_backend(state_dir: Path, *, platform: str | None = None) -> UnlockBackend:
    """The backend of this platform; its wrapped-key records go in `state_dir`.

    Always returns a backend; ask `available()` before offering it to the user.
    """
    plat = platform or sys.platform
    if plat == "darwin":
        from vouch.unlock.macos import MacBackend

        return MacBackend(state_dir)
    if plat == "win32":
        from vouch.unlock.windows import WindowsHelloBackend

        return WindowsHelloBackend(state_dir)
    if plat.startswith("linux"):
        from vouch.unlock.linux import LinuxBackend

        return LinuxBackend(state_dir)
    return UnsupportedBackend(plat)
