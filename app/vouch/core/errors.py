"""User-facing errors.

A `VouchError` is something the user can act on: its message is shown as is (one line on the
CLI's stderr, a dialog in the GUI). Our own bugs stay ordinary exceptions so they are never
dressed up as the user's fault.
"""

from __future__ import annotations


class VouchError(Exception):
    """Base of every error whose message is meant for the user."""

    default_message = "Something went wrong."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)

    @property
    def message(self) -> str:
        return str(self.args[0])


class WrongPassphrase(VouchError):
    default_message = "Wrong passphrase."


class WeakPassphrase(VouchError):
    default_message = "That passphrase is too weak."


class CorruptStore(VouchError):
    default_message = "The wallet file is damaged and cannot be opened."


class StoreTooNew(VouchError):
    default_message = "This wallet was written by a newer version of Vouch; please update Vouch."


class WalletNotFound(VouchError):
    default_message = (
        "No wallet here. Create one with 'vouch init' or restore one with 'vouch restore'."
    )


class WalletExists(VouchError):
    default_message = "A wallet already exists here."


class WalletLocked(VouchError):
    default_message = "The wallet is locked."


class InvalidDid(VouchError):
    default_message = "That is not an Ed25519 did:key identifier."


class InvalidRecoveryPhrase(VouchError):
    default_message = "That recovery phrase is not valid."


class InvalidInput(VouchError):
    """A field given by the user (scope, level, date, ...) is not acceptable."""


class InvalidCredential(VouchError):
    """A credential or presentation failed a check; `reason` says which one."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class InvalidProof(InvalidCredential):
    """Layer 1: the Data Integrity proof itself is wrong."""


class NotAnEndorsement(InvalidCredential):
    """Layer 2: the proof may be fine, but the document is not a valid Vouch statement."""


class InvalidBackup(VouchError):
    """A backup file that is not one, is cut short, or was altered."""

    default_message = "This isn't a Vouch backup, or it is damaged."


class InvalidBundle(VouchError):
    """A .vouch file or clipboard text that cannot be read at all."""


class NotFound(VouchError):
    default_message = "Not found."


class NotAllowed(VouchError):
    default_message = "That is not allowed."


class StorageFull(VouchError):
    default_message = "The disk is full; nothing was changed."


class WalletBusy(VouchError):
    default_message = (
        "The wallet is busy: another program is using it. Nothing was changed; try again."
    )


class UnlockUnavailable(VouchError):
    default_message = "Unlocking with the operating system is not available here."


class UnlockCancelled(VouchError):
    default_message = "Unlock was cancelled."


class UnlockFailed(VouchError):
    default_message = "The operating system did not unlock the wallet."


class PeerError(VouchError):
    """A peer misbehaved or could not be reached."""


class OperationCancelled(VouchError):
    default_message = "Cancelled; nothing was changed."
