"""The facade package: `Wallet` and the use cases the GUI and the CLI call.

Nothing above this package (gui, cli) touches the store, the p2p layer or the crypto directly.

Importing the package loads nothing: each name is imported from its module the first time it is
used (PEP 562), so the desktop app shows its locked screen without loading the store, the crypto
or the exchange code.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from vouch.wallet.importing import BackgroundCheck
    from vouch.wallet.location import default_home, wallet_exists
    from vouch.wallet.quick_unlock import QuickUnlock
    from vouch.wallet.recovery import (
        finish_recovery,
        looks_like_answer,
        looks_like_share,
        pending_recovery,
        recovery_progress,
        start_recovery,
    )

_WHERE = {
    "AUTO_FOLDER": "vouch.wallet.backup",
    "AUTO_KEEP": "vouch.wallet.backup",
    "AUTO_LAST": "vouch.wallet.backup",
    "BackgroundCheck": "vouch.wallet.importing",
    "BackupInfo": "vouch.wallet.backup",
    "CANNOT_TAKE_BACK": "vouch.wallet.guardians",
    "Cancelled": "vouch.core.records",
    "DEFAULT_KEEP": "vouch.wallet.backup",
    "GuardianSplit": "vouch.core.recovery.records",
    "HandOut": "vouch.core.recovery.records",
    "HeldShare": "vouch.core.recovery.records",
    "HelpRequest": "vouch.core.recovery.records",
    "ImportedShare": "vouch.core.recovery.records",
    "InvalidRecoveryAnswer": "vouch.core.recovery.errors",
    "InvalidRecoveryRequest": "vouch.core.recovery.errors",
    "InvalidShare": "vouch.core.recovery.errors",
    "MAX_BUNDLE_BYTES": "vouch.exchange.bundle",
    "OsKeyKeeper": "vouch.wallet.core",
    "Progress": "vouch.core.records",
    "QuickUnlock": "vouch.wallet.quick_unlock",
    "RecoveryFailed": "vouch.core.recovery.errors",
    "RecoveryStarted": "vouch.core.recovery.records",
    "Wallet": "vouch.wallet.facade",
    "check_passphrase_strength": "vouch.wallet.core",
    "default_home": "vouch.wallet.location",
    "finish_recovery": "vouch.wallet.recovery",
    "looks_like_answer": "vouch.wallet.recovery",
    "looks_like_share": "vouch.wallet.recovery",
    "new_backup_name": "vouch.wallet.backup",
    "pending_recovery": "vouch.wallet.recovery",
    "recovery_progress": "vouch.wallet.recovery",
    "start_recovery": "vouch.wallet.recovery",
    "verify_document": "vouch.wallet.facade",
    "wallet_exists": "vouch.wallet.location",
}

__all__ = [
    "AUTO_FOLDER",
    "AUTO_KEEP",
    "AUTO_LAST",
    "CANNOT_TAKE_BACK",
    "DEFAULT_KEEP",
    "MAX_BUNDLE_BYTES",
    "BackgroundCheck",
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
    "wallet_exists",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next use is a plain lookup
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
