"""The hook for "Unlock with <OS method>" (Windows Hello, Touch ID, the desktop keyring).

The GUI shows the toggle in Settings and the button on the unlock screen only when a hook is
installed with `set_os_unlock_hook` and says it is available. The hook wraps and unwraps the
wallet's store key through the `vouch.unlock` backends; the GUI never sees the key itself.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from vouch.core.errors import VouchError
from vouch.wallet import Wallet

log = logging.getLogger(__name__)


class OsUnlockHook(Protocol):
    @property
    def method_name(self) -> str:
        """How the user knows the method, e.g. "Windows Hello"."""
        ...

    def available(self) -> bool: ...
    def is_enabled(self, home: Path) -> bool: ...
    def enable(self, wallet: Wallet) -> None:
        """Wrap `wallet.store_key()` with the OS method (may prompt the user; slow)."""
        ...

    def disable(self, home: Path) -> None: ...
    def unlock(self, home: Path) -> Wallet:
        """Ask the OS to release the key and open the wallet with it (slow)."""
        ...


_hook: OsUnlockHook | None = None


def set_os_unlock_hook(hook: OsUnlockHook | None) -> None:
    global _hook
    _hook = hook


def os_unlock_hook() -> OsUnlockHook | None:
    """The installed hook when it is usable on this machine, else None."""
    if _hook is not None and _hook.available():
        return _hook
    return None


def forget_after_passphrase_change(home: Path) -> None:
    """The OS-held key opens the old store key only: drop it (even when the OS is unavailable)."""
    if _hook is None:
        return
    try:
        _hook.disable(home)
    except VouchError as exc:
        log.warning("Could not remove the system unlock key: %s", exc)


def install_platform_hook() -> None:
    """Install this platform's OS unlock (Keychain, Windows Hello, polkit + keyring)."""
    from vouch.quick_unlock import QuickUnlock

    set_os_unlock_hook(QuickUnlock())
