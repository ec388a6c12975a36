"""Unlocking one wallet folder with the operating system, for the GUI and the CLI alike.

The OS backends (`vouch.unlock`) wrap a store key for a *wallet id*: a hash of the wallet
folder and its did:key. The did is inside the encrypted store, so before unlocking we cannot
compute the id; enabling therefore writes the id (a hash, which names nobody) to a small
plain file beside the wrapped-key records. Unlocking reads it, asks the OS for the key, opens
the store with it, and checks that the store really is the wallet that was enrolled.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from vouch.core.errors import UnlockUnavailable, VouchError
from vouch.core.fsutil import atomic_write

if TYPE_CHECKING:  # the backends load when first asked for (not to show the locked screen)
    from vouch.unlock import UnlockBackend
    from vouch.wallet.core import WalletCore

log = logging.getLogger(__name__)

STATE_DIR = "os-unlock"
ENROLLED_FILE = "enrolled-wallet-id"
_ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,128}$")

BackendFactory = Callable[[Path], "UnlockBackend"]


def _platform_backend(state_dir: Path) -> UnlockBackend:
    from vouch.unlock import choose_backend

    return choose_backend(state_dir)


class QuickUnlock:
    """ "Unlock with <OS method>" for wallets in any folder, through one backend factory."""

    def __init__(self, backend_factory: BackendFactory = _platform_backend) -> None:
        self._factory = backend_factory
        self._probe: UnlockBackend | None = None

    def backend(self, home: Path) -> UnlockBackend:
        return self._factory(home / STATE_DIR)

    def _probe_backend(self) -> UnlockBackend:
        if self._probe is None:
            self._probe = self._factory(Path.home() / ".vouch-unused")
        return self._probe

    @property
    def method_name(self) -> str:
        """The platform's own name for the method, e.g. "Windows Hello"."""
        return self._probe_backend().name

    def available(self) -> bool:
        return self._probe_backend().available()

    def unavailable_reason(self) -> str:
        return self._probe_backend().unavailable_reason()

    def enrolled_id(self, home: Path) -> str | None:
        """The wallet id written at enrolment, or None when OS unlock is off for `home`."""
        path = home / STATE_DIR / ENROLLED_FILE
        try:
            text = path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return text if _ID_PATTERN.match(text) else None

    def is_enabled(self, home: Path) -> bool:
        wallet_id = self.enrolled_id(home)
        return wallet_id is not None and self.backend(home).is_enrolled(wallet_id)

    def enable(self, wallet: WalletCore) -> None:
        """Wrap the open wallet's store key with the OS method (may prompt the user)."""
        backend = self.backend(wallet.home)
        if not backend.available():
            raise UnlockUnavailable(backend.unavailable_reason())
        from vouch.unlock import make_wallet_id

        wallet_id = make_wallet_id(wallet.home, wallet.did)
        backend.enroll(wallet_id, wallet.store_key())
        (wallet.home / STATE_DIR).mkdir(mode=0o700, exist_ok=True)
        atomic_write(wallet.home / STATE_DIR / ENROLLED_FILE, (wallet_id + "\n").encode())

    def disable(self, home: Path) -> None:
        """Delete the OS-held secret and the wrapped key; the passphrase keeps working."""
        wallet_id = self.enrolled_id(home)
        if wallet_id is not None:
            self.backend(home).forget(wallet_id)
        with contextlib.suppress(FileNotFoundError):
            (home / STATE_DIR / ENROLLED_FILE).unlink()

    def release_key(self, home: Path) -> tuple[str, bytes]:
        """Ask the OS to release the store key (prompts; slow): the enrolled wallet id and key.

        `Wallet.open_with_os` opens the store with it and checks it is the wallet enrolled.
        """
        wallet_id = self.enrolled_id(home)
        if wallet_id is None:
            from vouch.unlock import UnlockNotEnrolled

            raise UnlockNotEnrolled()
        return wallet_id, self.backend(home).unlock(wallet_id)

    def forget_after_passphrase_change(self, home: Path) -> None:
        """The OS-held key no longer opens the store: drop it, never failing the change."""
        try:
            self.disable(home)
        except VouchError as exc:
            log.warning("Could not remove the system unlock key: %s", exc)
