"""Every error whose message is meant for a person, in one place for the front ends.

The classes live where they are raised (`core.errors`, the p2p layer, the unlock backends);
the GUI and the CLI import them from here. Anything that is not a `VouchError` is a bug and is
shown as one, never dressed up as the user's fault.
"""

from vouch.core.errors import (
    CorruptStore,
    InvalidBackup,
    InvalidBundle,
    InvalidCredential,
    InvalidDid,
    InvalidInput,
    InvalidProof,
    InvalidRecoveryPhrase,
    NotAllowed,
    NotAnEndorsement,
    NotFound,
    OperationCancelled,
    PeerError,
    StorageFull,
    StoreTooNew,
    UnlockCancelled,
    UnlockFailed,
    UnlockUnavailable,
    VouchError,
    WalletBusy,
    WalletExists,
    WalletLocked,
    WalletNotFound,
    WeakPassphrase,
    WrongPassphrase,
)
from vouch.core.recovery.errors import (
    InvalidRecoveryAnswer,
    InvalidRecoveryRequest,
    InvalidShare,
    RecoveryFailed,
)
from vouch.exchange.p2p.errors import (
    IdentityMismatch,
    PeerDisconnected,
    PeerRefused,
    PeerTimeout,
    ProtocolViolation,
)
from vouch.unlock.base import UnlockInvalidated, UnlockLockedOut, UnlockNotEnrolled

__all__ = [
    "CorruptStore",
    "IdentityMismatch",
    "InvalidBackup",
    "InvalidBundle",
    "InvalidCredential",
    "InvalidDid",
    "InvalidInput",
    "InvalidProof",
    "InvalidRecoveryAnswer",
    "InvalidRecoveryPhrase",
    "InvalidRecoveryRequest",
    "InvalidShare",
    "NotAllowed",
    "NotAnEndorsement",
    "NotFound",
    "OperationCancelled",
    "PeerDisconnected",
    "PeerError",
    "PeerRefused",
    "PeerTimeout",
    "ProtocolViolation",
    "RecoveryFailed",
    "StorageFull",
    "StoreTooNew",
    "UnlockCancelled",
    "UnlockFailed",
    "UnlockInvalidated",
    "UnlockLockedOut",
    "UnlockNotEnrolled",
    "UnlockUnavailable",
    "VouchError",
    "WalletBusy",
    "WalletExists",
    "WalletLocked",
    "WalletNotFound",
    "WeakPassphrase",
    "WrongPassphrase",
]
