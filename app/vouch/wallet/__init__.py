"""The facade package: `Wallet` and the use cases the GUI and the CLI call.

Nothing above this package (gui, cli) touches the store, the p2p layer or the crypto directly.
"""

from vouch.core.records import Cancelled, Progress
from vouch.exchange.bundle import MAX_BUNDLE_BYTES
from vouch.wallet.backup import (
    AUTO_FOLDER,
    AUTO_KEEP,
    AUTO_LAST,
    DEFAULT_KEEP,
    BackupInfo,
    new_backup_name,
)
from vouch.wallet.core import OsKeyKeeper, check_passphrase_strength
from vouch.wallet.facade import Wallet, verify_document
from vouch.wallet.home import default_home
from vouch.wallet.quick_unlock import QuickUnlock

__all__ = [
    "AUTO_FOLDER",
    "AUTO_KEEP",
    "AUTO_LAST",
    "DEFAULT_KEEP",
    "MAX_BUNDLE_BYTES",
    "BackupInfo",
    "Cancelled",
    "OsKeyKeeper",
    "Progress",
    "QuickUnlock",
    "Wallet",
    "check_passphrase_strength",
    "default_home",
    "new_backup_name",
    "verify_document",
]
