"""The one facade the GUI and the CLI use: every use case of the wallet.

(Public API. Bodies are being filled in; signatures are stable.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from vouch.core.records import (
    Audience,
    Contact,
    Endorsement,
    EndorsementFilter,
    ImportPreview,
    ImportResult,
    Level,
    Revocation,
    VerificationReport,
)

Progress = Callable[[int, int], None]  # (done, total)
Cancelled = Callable[[], bool]  # returns True when the user asked to stop


def default_home() -> Path:
    """`$VOUCH_HOME`, else the platform's user data folder."""
    raise NotImplementedError


class Wallet:
    # -- life cycle -----------------------------------------------------------------------
    @staticmethod
    def exists(home: Path) -> bool: ...
    @classmethod
    def create(cls, home: Path, passphrase: str, *, recovery_phrase: str | None = None) -> Wallet:
        """A new wallet (restored from `recovery_phrase` when given), returned unlocked."""
        raise NotImplementedError

    @classmethod
    def open(cls, home: Path, passphrase: str) -> Wallet:
        """Unlock with the passphrase. WrongPassphrase / CorruptStore / StoreTooNew."""
        raise NotImplementedError

    @classmethod
    def open_with_key(cls, home: Path, store_key: bytes) -> Wallet:
        """Unlock with the raw store key an OS unlock backend released."""
        raise NotImplementedError

    def store_key(self) -> bytes:
        """The raw 32-byte store key, only for wrapping by an OS unlock backend."""
        raise NotImplementedError

    def lock(self) -> None:
        """Close the store and forget the key and the identity."""

    @property
    def is_open(self) -> bool: ...
    @property
    def home(self) -> Path: ...
    def change_passphrase(self, old: str, new: str) -> None: ...

    # -- me ---------------------------------------------------------------------------
    @property
    def did(self) -> str: ...
    @property
    def safety_code(self) -> str: ...
    def recovery_phrase(self, passphrase: str) -> str:
        """Only after the passphrase is given again."""
        raise NotImplementedError

    # -- contacts ---------------------------------------------------------------------
    def add_contact(
        self, did: str, petname: str, *, verified: bool = False, note: str = ""
    ) -> Contact: ...
    def update_contact(
        self,
        did: str,
        *,
        petname: str | None = None,
        verified: bool | None = None,
        note: str | None = None,
    ) -> Contact: ...
    def remove_contact(self, did: str) -> None: ...
    def contacts(self) -> list[Contact]: ...
    def contact(self, did: str) -> Contact | None: ...
    def display_name(self, did: str) -> str:
        """'me', the petname, or a shortened did."""
        raise NotImplementedError

    # -- statements -------------------------------------------------------------------
    def preview_endorsement(
        self,
        subject: str,
        scope: str,
        level: Level,
        *,
        comment: str = "",
        valid_until: datetime | None = None,
    ) -> str:
        """The JSON document that `endorse` would sign (without its proof), pretty-printed."""
        raise NotImplementedError

    def endorse(
        self,
        subject: str,
        scope: str,
        level: Level,
        *,
        comment: str = "",
        valid_until: datetime | None = None,
        audience: Audience | None = None,
    ) -> Endorsement: ...
    def caution(
        self, subject: str, scope: str, reason: str, *, valid_until: datetime | None = None
    ) -> Endorsement: ...
    def revoke(self, endorsement_id: str, reason: str) -> Revocation: ...
    def endorsement(self, endorsement_id: str) -> Endorsement | None: ...
    def endorsements(
        self, flt: EndorsementFilter | None = None, *, offset: int = 0, limit: int | None = None
    ) -> list[Endorsement]: ...
    def count_endorsements(self, flt: EndorsementFilter | None = None) -> int: ...
    def scopes_in_use(self) -> list[str]: ...
    def set_audience(self, endorsement_id: str, audience: Audience) -> None: ...

    # -- exchange by file / clipboard ------------------------------------------------
    def export_bundle(
        self, ids: Sequence[str] | None = None, *, to: str | None = None
    ) -> bytes: ...
    def export_to_file(
        self, path: Path, ids: Sequence[str] | None = None, *, to: str | None = None
    ) -> int: ...
    def export_text(self, ids: Sequence[str] | None = None, *, to: str | None = None) -> str: ...
    def preview_import(
        self, data: bytes | str, *, progress: Progress | None = None, cancelled: Cancelled | None = None
    ) -> ImportPreview: ...
    def apply_import(
        self,
        preview: ImportPreview,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportResult: ...

    # -- settings kept in the store ---------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...


def verify_document(data: bytes | str) -> VerificationReport:
    """Check a credential or bundle without a wallet (`vouch verify`)."""
    raise NotImplementedError
