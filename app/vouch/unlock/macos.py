"""macOS: the wrapping secret in a Keychain item only Touch ID or the Mac's password opens.

The item is created with access control `biometryCurrentSet OR devicePasscode`, accessible only
when a passcode is set, on this device only. Adding fingerprints or removing one makes the
biometric half of that rule stop matching: the item then opens with the Mac's password only,
or the OS reports it missing; both are reported to the user as "turn OS unlock on again".

The pyobjc imports live only in `PyObjCKeychain`, only run on darwin.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from typing import Any, Protocol

from vouch.core.errors import UnlockCancelled, UnlockFailed, UnlockUnavailable
from vouch.unlock.base import (
    UnlockInvalidated,
    UnlockLockedOut,
    check_store_key,
    check_wallet_id,
)
from vouch.unlock.wrapping import Record, RecordStore, new_secret, unwrap, wrap

log = logging.getLogger(__name__)

BACKEND_ID = "macos-keychain"
SERVICE = "org.vouch.unlock"
REASON = "unlock your Vouch wallet"

# OSStatus values (Security framework)
ERR_SEC_SUCCESS = 0
ERR_SEC_USER_CANCELED = -128
ERR_SEC_AUTH_FAILED = -25293
ERR_SEC_DUPLICATE_ITEM = -25299
ERR_SEC_ITEM_NOT_FOUND = -25300
ERR_SEC_INTERACTION_NOT_ALLOWED = -25308
ERR_SEC_MISSING_ENTITLEMENT = -34018

# LAError codes (LocalAuthentication)
LA_AUTHENTICATION_FAILED = -1
LA_USER_CANCEL = -2
LA_USER_FALLBACK = -3
LA_SYSTEM_CANCEL = -4
LA_PASSCODE_NOT_SET = -5
LA_BIOMETRY_NOT_AVAILABLE = -6
LA_BIOMETRY_NOT_ENROLLED = -7
LA_BIOMETRY_LOCKOUT = -8
LA_APP_CANCEL = -9
LA_INVALID_CONTEXT = -10
LA_NOT_INTERACTIVE = -1004

# LABiometryType
BIOMETRY_TOUCH_ID = 1
BIOMETRY_FACE_ID = 2
BIOMETRY_OPTIC_ID = 4

_CANCELS = {LA_USER_CANCEL, LA_USER_FALLBACK, LA_SYSTEM_CANCEL, LA_APP_CANCEL}
_NO_AUTH_MSG = "This Mac has no password or Touch ID set up, so it cannot unlock the wallet."


class KeychainAdapter(Protocol):
    """Exactly the Security / LocalAuthentication calls the backend makes."""

    def can_evaluate_policy(self) -> int:
        """0 when the owner can be authenticated here, else an LAError code. Never prompts."""
        ...

    def biometry_type(self) -> int: ...

    def evaluate_policy(self, reason: str) -> tuple[int, object | None]:
        """Prompt (Touch ID or password). (0, authenticated context) or (LAError code, None)."""
        ...

    def add_item(self, service: str, account: str, secret: bytes) -> int:
        """SecItemAdd of an access-controlled generic password; OSStatus."""
        ...

    def copy_matching(
        self, service: str, account: str, context: object
    ) -> tuple[int, bytes | None]:
        """SecItemCopyMatching of the item's data, using the authenticated context."""
        ...

    def delete_item(self, service: str, account: str) -> int:
        """SecItemDelete; OSStatus."""
        ...


class MacBackend:
    """Touch ID / the Mac's password guarding a Keychain item."""

    def __init__(self, state_dir: Path, *, adapter: KeychainAdapter | None = None) -> None:
        self._records = RecordStore(state_dir)
        self._adapter = adapter
        self._import_problem = ""
        if adapter is None:
            self._adapter, self._import_problem = _default_adapter()

    @property
    def name(self) -> str:
        if self._adapter is None or self._adapter.can_evaluate_policy() != 0:
            return "Touch ID"
        kind = self._adapter.biometry_type()
        if kind == BIOMETRY_FACE_ID:
            return "Face ID"
        if kind == BIOMETRY_OPTIC_ID:
            return "Optic ID"
        if kind == BIOMETRY_TOUCH_ID:
            return "Touch ID"
        return "your Mac's password"

    def unavailable_reason(self) -> str:
        if self._adapter is None:
            return self._import_problem
        code = self._adapter.can_evaluate_policy()
        if code == 0:
            return ""
        if code == LA_PASSCODE_NOT_SET:
            return _NO_AUTH_MSG
        return f"macOS cannot authenticate you here (LocalAuthentication error {code})."

    def available(self) -> bool:
        return not self.unavailable_reason()

    def enroll(self, wallet_id: str, store_key: bytes) -> None:
        check_wallet_id(wallet_id)
        check_store_key(store_key)
        adapter = self._require_adapter()
        adapter.delete_item(SERVICE, wallet_id)
        secret = new_secret()
        wrapped = wrap(store_key, secret, backend_id=BACKEND_ID, wallet_id=wallet_id)
        status = adapter.add_item(SERVICE, wallet_id, secret)
        if status != ERR_SEC_SUCCESS:
            raise _status_error(status)
        self._records.save(wallet_id, Record(BACKEND_ID, wrapped))
        log.info("macOS unlock enrolled for wallet %s", wallet_id)

    def unlock(self, wallet_id: str) -> bytes:
        check_wallet_id(wallet_id)
        record = self._records.load_enrolled(wallet_id, BACKEND_ID)
        adapter = self._require_adapter()
        code, context = adapter.evaluate_policy(REASON)
        log.debug("LocalAuthentication answer: %d", code)
        if code != 0 or context is None:
            raise _la_error(code)
        status, secret = adapter.copy_matching(SERVICE, wallet_id, context)
        log.debug("SecItemCopyMatching status: %d", status)
        if status != ERR_SEC_SUCCESS or secret is None:
            raise _status_error(status)
        return unwrap(record.wrapped, secret, backend_id=BACKEND_ID, wallet_id=wallet_id)

    def forget(self, wallet_id: str) -> None:
        check_wallet_id(wallet_id)
        self._records.delete(wallet_id)
        if self._adapter is not None:
            status = self._adapter.delete_item(SERVICE, wallet_id)
            if status not in (ERR_SEC_SUCCESS, ERR_SEC_ITEM_NOT_FOUND):
                log.warning("macOS unlock: Keychain item not removed (status %d)", status)

    def is_enrolled(self, wallet_id: str) -> bool:
        return self._records.exists(wallet_id)

    def _require_adapter(self) -> KeychainAdapter:
        reason = self.unavailable_reason()
        if reason or self._adapter is None:
            raise UnlockUnavailable(reason or None)
        return self._adapter


def _la_error(code: int) -> Exception:
    if code in _CANCELS:
        return UnlockCancelled()
    if code == LA_BIOMETRY_LOCKOUT:
        return UnlockLockedOut()
    if code == LA_AUTHENTICATION_FAILED:
        return UnlockFailed("macOS did not recognise you.")
    if code in (LA_PASSCODE_NOT_SET, LA_BIOMETRY_NOT_AVAILABLE, LA_NOT_INTERACTIVE):
        return UnlockUnavailable(_NO_AUTH_MSG if code == LA_PASSCODE_NOT_SET else None)
    return UnlockFailed(f"macOS refused to unlock (LocalAuthentication error {code}).")


def _status_error(status: int) -> Exception:
    if status == ERR_SEC_USER_CANCELED:
        return UnlockCancelled()
    if status == ERR_SEC_ITEM_NOT_FOUND:
        return UnlockInvalidated()
    if status == ERR_SEC_AUTH_FAILED:
        return UnlockFailed("macOS did not recognise you.")
    if status == ERR_SEC_MISSING_ENTITLEMENT:
        return UnlockUnavailable(
            "This copy of Vouch is not signed with the Keychain entitlement that Touch ID "
            "unlock needs. Use the signed Vouch app."
        )
    if status == ERR_SEC_INTERACTION_NOT_ALLOWED:
        return UnlockFailed("The Mac is locked; unlock it and try again.")
    return UnlockFailed(f"The Keychain refused (status {status}).")


def _default_adapter() -> tuple[KeychainAdapter | None, str]:
    if sys.platform != "darwin":
        return None, "Touch ID unlock is only available on macOS."
    try:
        return PyObjCKeychain(), ""
    except ImportError:
        return None, (
            "Touch ID unlock needs the optional pyobjc packages "
            "(pip install 'vouch[macos-unlock]')."
        )


class PyObjCKeychain:  # pragma: no cover - runs on macOS only
    """The real calls, through pyobjc."""

    _POLICY = 2  # LAPolicyDeviceOwnerAuthentication: biometrics or the Mac's password

    def __init__(self) -> None:
        import LocalAuthentication  # type: ignore[import-not-found]
        import Security  # type: ignore[import-not-found]

        self._la: Any = LocalAuthentication
        self._sec: Any = Security

    def can_evaluate_policy(self) -> int:
        ok, error = self._la.LAContext.alloc().init().canEvaluatePolicy_error_(self._POLICY, None)
        return 0 if ok else int(error.code()) if error is not None else -1

    def biometry_type(self) -> int:
        context = self._la.LAContext.alloc().init()
        context.canEvaluatePolicy_error_(self._POLICY, None)
        return int(context.biometryType())

    def evaluate_policy(self, reason: str) -> tuple[int, object | None]:
        context = self._la.LAContext.alloc().init()
        done = threading.Event()
        answer: list[int] = []

        def reply(success: bool, error: Any) -> None:
            answer.append(0 if success else int(error.code()) if error is not None else -1)
            done.set()

        context.evaluatePolicy_localizedReason_reply_(self._POLICY, reason, reply)
        done.wait()
        return (answer[0], context) if answer[0] == 0 else (answer[0], None)

    def add_item(self, service: str, account: str, secret: bytes) -> int:
        sec = self._sec
        flags = (
            sec.kSecAccessControlBiometryCurrentSet
            | sec.kSecAccessControlOr
            | sec.kSecAccessControlDevicePasscode
        )
        access, _error = sec.SecAccessControlCreateWithFlags(
            None, sec.kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly, flags, None
        )
        if access is None:
            return ERR_SEC_AUTH_FAILED
        query = {
            sec.kSecClass: sec.kSecClassGenericPassword,
            sec.kSecAttrService: service,
            sec.kSecAttrAccount: account,
            sec.kSecValueData: secret,
            sec.kSecAttrAccessControl: access,
            sec.kSecUseDataProtectionKeychain: True,
        }
        status, _ = sec.SecItemAdd(query, None)
        return int(status)

    def copy_matching(
        self, service: str, account: str, context: object
    ) -> tuple[int, bytes | None]:
        sec = self._sec
        query = {
            sec.kSecClass: sec.kSecClassGenericPassword,
            sec.kSecAttrService: service,
            sec.kSecAttrAccount: account,
            sec.kSecReturnData: True,
            sec.kSecMatchLimit: sec.kSecMatchLimitOne,
            sec.kSecUseAuthenticationContext: context,
            sec.kSecUseDataProtectionKeychain: True,
        }
        status, data = sec.SecItemCopyMatching(query, None)
        return int(status), (bytes(data) if data is not None else None)

    def delete_item(self, service: str, account: str) -> int:
        sec = self._sec
        query = {
            sec.kSecClass: sec.kSecClassGenericPassword,
            sec.kSecAttrService: service,
            sec.kSecAttrAccount: account,
            sec.kSecUseDataProtectionKeychain: True,
        }
        return int(sec.SecItemDelete(query))
