"""Linux: a polkit check as the gate, the wrapping secret in the Secret Service.

Order matters: polkit must say yes *before* the secret is read. A dismissed dialog raises
UnlockCancelled and the Secret Service is never touched.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from vouch.core.errors import UnlockCancelled, UnlockFailed, UnlockUnavailable, VouchError
from vouch.unlock.base import (
    UnlockInvalidated,
    check_store_key,
    check_wallet_id,
)
from vouch.unlock.polkit import ACTION_ID, PkcheckAdapter, PolkitAdapter, PolkitAnswer
from vouch.unlock.secret_service import SecretStorageAdapter, SecretStoreAdapter
from vouch.unlock.wrapping import Record, RecordStore, new_secret, unwrap, wrap

log = logging.getLogger(__name__)

BACKEND_ID = "linux-polkit-secret-service"
_SCHEMA = "org.vouch.UnlockSecret"
_PAM_FILES = ("/etc/pam.d/polkit-1", "/etc/pam.d/common-auth", "/etc/pam.d/system-auth")


def pam_uses_fingerprint(paths: tuple[str, ...] = _PAM_FILES) -> bool:
    """Whether PAM (which polkit uses) is set up to accept a fingerprint through fprintd."""
    for path in paths:
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                if "pam_fprintd" in fh.read():
                    return True
        except OSError:
            continue
    return False


class LinuxBackend:
    """polkit (password or fingerprint) in front of a Secret Service item."""

    def __init__(
        self,
        state_dir: Path,
        *,
        polkit: PolkitAdapter | None = None,
        secrets: SecretStoreAdapter | None = None,
        fingerprint: bool | None = None,
    ) -> None:
        self._records = RecordStore(state_dir)
        self._polkit: PolkitAdapter = polkit or PkcheckAdapter()
        self._secrets: SecretStoreAdapter = secrets or SecretStorageAdapter()
        self._fingerprint = fingerprint

    @property
    def name(self) -> str:
        if self._fingerprint is None:
            self._fingerprint = pam_uses_fingerprint()
        return "fingerprint" if self._fingerprint else "system password"

    def unavailable_reason(self) -> str:
        return self._polkit.problem() or self._secrets.problem()

    def available(self) -> bool:
        return not self.unavailable_reason()

    def enroll(self, wallet_id: str, store_key: bytes) -> None:
        check_wallet_id(wallet_id)
        check_store_key(store_key)
        self._require_available()
        self._authenticate()
        secret = new_secret()
        wrapped = wrap(store_key, secret, backend_id=BACKEND_ID, wallet_id=wallet_id)
        self._secrets.store(self._attributes(wallet_id), "Vouch wallet unlock", secret)
        try:
            self._records.save(wallet_id, Record(BACKEND_ID, wrapped))
        except VouchError:  # the record could not be written: leave no orphan secret
            self._secrets.delete(self._attributes(wallet_id))
            raise
        log.info("Linux unlock enrolled for wallet %s", wallet_id)

    def unlock(self, wallet_id: str) -> bytes:
        check_wallet_id(wallet_id)
        record = self._records.load_enrolled(wallet_id, BACKEND_ID)
        self._require_available()
        self._authenticate()
        secret = self._secrets.lookup(self._attributes(wallet_id))
        if secret is None:
            log.info("Linux unlock: no secret in the keyring for wallet %s", wallet_id)
            raise UnlockInvalidated()
        return unwrap(record.wrapped, secret, backend_id=BACKEND_ID, wallet_id=wallet_id)

    def forget(self, wallet_id: str) -> None:
        """Remove the record first (that alone disables unlock), then the keyring item."""
        check_wallet_id(wallet_id)
        self._records.delete(wallet_id)
        try:
            self._secrets.delete(self._attributes(wallet_id))
        except (UnlockUnavailable, UnlockCancelled, UnlockFailed) as exc:
            log.warning("Linux unlock: keyring item not removed (%s)", exc.message)

    def is_enrolled(self, wallet_id: str) -> bool:
        return self._records.exists(wallet_id)

    @staticmethod
    def _attributes(wallet_id: str) -> dict[str, str]:
        return {"xdg:schema": _SCHEMA, "application": "vouch", "wallet": wallet_id}

    def _require_available(self) -> None:
        reason = self.unavailable_reason()
        if reason:
            raise UnlockUnavailable(reason)

    def _authenticate(self) -> None:
        answer = self._polkit.check_authorization(ACTION_ID, os.getpid())
        log.debug("polkit answer: %s", answer.name)
        if answer is PolkitAnswer.AUTHORIZED:
            return
        if answer is PolkitAnswer.DISMISSED:
            raise UnlockCancelled()
        if answer is PolkitAnswer.NO_AGENT:
            raise UnlockUnavailable(
                "No polkit authentication agent is running in this session, so the system "
                "cannot ask who you are. Unlock with your passphrase."
            )
        if answer is PolkitAnswer.NOT_AUTHORIZED:
            raise UnlockFailed("The system did not confirm who you are.")
        raise UnlockFailed("polkit could not check who you are.")
