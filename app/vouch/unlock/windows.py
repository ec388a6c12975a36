"""Windows: Windows Hello signs a fixed challenge; SHA-256 of the signature wraps the store key.

`KeyCredentialManager` keeps an RSA key per wallet in the TPM (or in software where there is no
TPM) and signs only after Windows Hello has verified the user (face, fingerprint or PIN). The
signature is PKCS#1 v1.5, so the same key always gives the same signature over the same
challenge, and the wrapping key never needs to be stored. Re-enrolling replaces the Hello key,
so older records stop opening. The winrt imports live only in `WinRtHello`, only on win32.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from pathlib import Path
from typing import Any, Protocol

from vouch.core.errors import UnlockCancelled, UnlockFailed, UnlockUnavailable
from vouch.unlock.base import (
    UnlockInvalidated,
    UnlockLockedOut,
    check_store_key,
    check_wallet_id,
)
from vouch.unlock.wrapping import Record, RecordStore, unwrap, wrap

log = logging.getLogger(__name__)

BACKEND_ID = "windows-hello"

# KeyCredentialStatus
STATUS_SUCCESS = 0
STATUS_UNKNOWN_ERROR = 1
STATUS_NOT_FOUND = 2
STATUS_USER_CANCELED = 3
STATUS_USER_PREFERS_PASSWORD = 4
STATUS_CREDENTIAL_ALREADY_EXISTS = 5
STATUS_SECURITY_DEVICE_LOCKED = 6


class HelloAdapter(Protocol):
    """Exactly the KeyCredentialManager calls the backend makes."""

    def is_supported(self) -> bool: ...

    def request_create(self, name: str) -> tuple[int, object | None]:
        """RequestCreateAsync(name, ReplaceExisting): (status, credential)."""
        ...

    def open(self, name: str) -> tuple[int, object | None]:
        """OpenAsync(name): (status, credential)."""
        ...

    def request_sign(self, credential: object, data: bytes) -> tuple[int, bytes | None]:
        """credential.RequestSignAsync(data): prompts; (status, signature)."""
        ...

    def delete(self, name: str) -> None:
        """DeleteAsync(name); no error when there is none."""
        ...


def credential_name(wallet_id: str) -> str:
    return f"vouch-unlock-{wallet_id}"


def challenge(wallet_id: str) -> bytes:
    return b"vouch/os-unlock/windows-hello/v1\x00" + wallet_id.encode("ascii")


class WindowsHelloBackend:
    """Windows Hello (face, fingerprint or PIN) signing for the wallet."""

    def __init__(self, state_dir: Path, *, adapter: HelloAdapter | None = None) -> None:
        self._records = RecordStore(state_dir)
        self._adapter = adapter
        self._import_problem = ""
        if adapter is None:
            self._adapter, self._import_problem = _default_adapter()

    @property
    def name(self) -> str:
        return "Windows Hello"

    def unavailable_reason(self) -> str:
        if self._adapter is None:
            return self._import_problem
        if not self._adapter.is_supported():
            return "Windows Hello is not set up on this computer (Settings > Accounts > Sign-in)."
        return ""

    def available(self) -> bool:
        return not self.unavailable_reason()

    def enroll(self, wallet_id: str, store_key: bytes) -> None:
        check_wallet_id(wallet_id)
        check_store_key(store_key)
        adapter = self._require_adapter()
        status, credential = adapter.request_create(credential_name(wallet_id))
        log.debug("RequestCreateAsync status: %d", status)
        if status != STATUS_SUCCESS or credential is None:
            raise _status_error(status)
        secret = self._sign(adapter, credential, wallet_id)
        wrapped = wrap(store_key, secret, backend_id=BACKEND_ID, wallet_id=wallet_id)
        self._records.save(wallet_id, Record(BACKEND_ID, wrapped))
        log.info("Windows Hello unlock enrolled for wallet %s", wallet_id)

    def unlock(self, wallet_id: str) -> bytes:
        check_wallet_id(wallet_id)
        record = self._records.load_enrolled(wallet_id, BACKEND_ID)
        adapter = self._require_adapter()
        status, credential = adapter.open(credential_name(wallet_id))
        log.debug("OpenAsync status: %d", status)
        if status != STATUS_SUCCESS or credential is None:
            raise _status_error(status)
        secret = self._sign(adapter, credential, wallet_id)
        return unwrap(record.wrapped, secret, backend_id=BACKEND_ID, wallet_id=wallet_id)

    def forget(self, wallet_id: str) -> None:
        check_wallet_id(wallet_id)
        self._records.delete(wallet_id)
        if self._adapter is not None:
            self._adapter.delete(credential_name(wallet_id))

    def is_enrolled(self, wallet_id: str) -> bool:
        return self._records.exists(wallet_id)

    @staticmethod
    def _sign(adapter: HelloAdapter, credential: object, wallet_id: str) -> bytes:
        status, signature = adapter.request_sign(credential, challenge(wallet_id))
        log.debug("RequestSignAsync status: %d", status)
        if status != STATUS_SUCCESS or not signature:
            raise _status_error(status)
        return hashlib.sha256(signature).digest()

    def _require_adapter(self) -> HelloAdapter:
        reason = self.unavailable_reason()
        if reason or self._adapter is None:
            raise UnlockUnavailable(reason or None)
        return self._adapter


def _status_error(status: int) -> Exception:
    if status in (STATUS_USER_CANCELED, STATUS_USER_PREFERS_PASSWORD):
        return UnlockCancelled()
    if status == STATUS_SECURITY_DEVICE_LOCKED:
        return UnlockLockedOut(
            "Windows Hello is locked after too many attempts. Unlock with your passphrase."
        )
    if status == STATUS_NOT_FOUND:
        return UnlockInvalidated()
    return UnlockFailed(f"Windows Hello refused (status {status}).")


def _default_adapter() -> tuple[HelloAdapter | None, str]:
    if sys.platform != "win32":
        return None, "Windows Hello is only available on Windows."
    try:
        return WinRtHello(), ""
    except ImportError:
        return None, (
            "Windows Hello unlock needs the optional winrt packages "
            "(pip install 'vouch[windows-unlock]')."
        )


class WinRtHello:  # pragma: no cover - runs on Windows only
    """The real calls, through the `winrt` projection packages."""

    def __init__(self) -> None:
        import asyncio

        from winrt.windows.security.credentials import (  # type: ignore[import-not-found]
            KeyCredentialCreationOption,
            KeyCredentialManager,
        )
        from winrt.windows.security.cryptography import (  # type: ignore[import-not-found]
            CryptographicBuffer,
        )

        self._asyncio = asyncio
        self._manager: Any = KeyCredentialManager
        self._option: Any = KeyCredentialCreationOption
        self._buffer: Any = CryptographicBuffer

    def _run(self, awaitable: Any) -> Any:
        async def wait() -> Any:
            return await awaitable

        return self._asyncio.run(wait())

    def is_supported(self) -> bool:
        return bool(self._run(self._manager.is_supported_async()))

    def request_create(self, name: str) -> tuple[int, object | None]:
        result = self._run(self._manager.request_create_async(name, self._option.REPLACE_EXISTING))
        return int(result.status), result.credential

    def open(self, name: str) -> tuple[int, object | None]:
        result = self._run(self._manager.open_async(name))
        return int(result.status), result.credential

    def request_sign(self, credential: object, data: bytes) -> tuple[int, bytes | None]:
        cred: Any = credential
        buffer = self._buffer.create_from_byte_array(data)
        result = self._run(cred.request_sign_async(buffer))
        status = int(result.status)
        if status != STATUS_SUCCESS:
            return status, None
        return status, bytes(self._buffer.copy_to_byte_array(result.result))

    def delete(self, name: str) -> None:
        try:
            self._run(self._manager.delete_async(name))
        except OSError as exc:
            log.info("Windows Hello: no credential to delete (%s)", exc.__class__.__name__)
