"""The facade package: `Wallet` and the use cases the GUI and the CLI call.

Nothing above this package (gui, cli) touches the store, the p2p layer or the crypto directly.
"""

from vouch.core.records import Cancelled, Progress
from vouch.core.recovery.errors import (
    InvalidRecoveryAnswer,
    InvalidRecoveryRequest,
    InvalidShare,
    RecoveryFailed,
)
from vouch.core.recovery.records import (
    GuardianSplit,
    HandOut,
    HeldShare,
    HelpRequest,
    ImportedShare,
    RecoveryStarted,
)
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
from vouch.wallet.guardians import CANNOT_TAKE_BACK
from vouch.wallet.home import default_home
from vouch.wallet.quick_unlock import QuickUnlock
from vouch.wallet.recovery import (
    finish_recovery,
    looks_like_answer,
    looks_like_share,
    pending_recovery,
    recovery_progress,
    start_recovery,
)

__all__ = [
    "AUTO_FOLDER",
    "AUTO_KEEP",
    "AUTO_LAST",
    "CANNOT_TAKE_BACK",
    "DEFAULT_KEEP",
    "MAX_BUNDLE_BYTES",
    "BackupInfo",
    "Cancelled",
    "GuardianSplit",
    "HandOut",
    "HeldShare",
    "HelpRequest",
    "ImportedShare",
    "InvalidRecoveryAnswer",
    "InvalidRecoveryRequest",
    "InvalidShare",
    "OsKeyKeeper",
    "Progress",
    "QuickUnlock",
    "RecoveryFailed",
    "RecoveryStarted",
    "Wallet",
    "check_passphrase_strength",
    "default_home",
    "finish_recovery",
    "looks_like_answer",
    "looks_like_share",
    "new_backup_name",
    "pending_recovery",
    "recovery_progress",
    "start_recovery",
    "verify_document",
]
