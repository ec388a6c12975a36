"""The open wallet, shared by every page, and the signals that keep the pages in step."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from vouch.errors import WalletLocked

if TYPE_CHECKING:
    from vouch.wallet import QuickUnlock, Wallet


class Session(QObject):
    unlocked = Signal()
    about_to_lock = Signal()  # the store is still open: stop what runs on it
    locked = Signal()
    changed = Signal()  # endorsements, contacts or settings in the store changed
    home_changed = Signal(Path)

    def __init__(
        self, home: Path, parent: QObject | None = None, *, os_unlock: QuickUnlock | None = None
    ) -> None:
        super().__init__(parent)
        self._home = home
        self._wallet: Wallet | None = None
        # "Unlock with <OS method>"; None when the app offers none (the wallet still forgets
        # a stale OS-held key on a passphrase change through its own default collaborator).
        self.os_unlock = os_unlock

    def usable_os_unlock(self) -> QuickUnlock | None:
        """The OS unlock service when this machine can use it, else None."""
        if self.os_unlock is not None and self.os_unlock.available():
            return self.os_unlock
        return None

    @property
    def home(self) -> Path:
        return self._home

    def set_home(self, home: Path) -> None:
        """Point at another wallet folder (locks the current one first)."""
        self.lock()
        self._home = home
        self.home_changed.emit(home)

    @property
    def wallet(self) -> Wallet:
        if self._wallet is None or not self._wallet.is_open:
            raise WalletLocked()
        return self._wallet

    @property
    def is_unlocked(self) -> bool:
        return self._wallet is not None and self._wallet.is_open

    def open(self, wallet: Wallet) -> None:
        self._wallet = wallet
        self._home = wallet.home
        self.unlocked.emit()

    def lock(self) -> None:
        if self._wallet is not None:
            self.about_to_lock.emit()
        wallet, self._wallet = self._wallet, None
        if wallet is not None:
            wallet.lock()
            self.locked.emit()

    def notify_changed(self) -> None:
        self.changed.emit()
