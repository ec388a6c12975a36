"""The macOS backend with a fake of exactly its Security / LocalAuthentication calls."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vouch.core.errors import UnlockCancelled, UnlockFailed, UnlockUnavailable
from vouch.unlock import UnlockInvalidated, UnlockLockedOut, UnlockNotEnrolled
from vouch.unlock import macos as m

WALLET = "wallet-0123456789abcdef"
CONTEXT = object()


class FakeKeychain:
    """A Keychain whose prompt answers are scripted."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], bytes] = {}
        self.can_evaluate = 0
        self.biometry = m.BIOMETRY_TOUCH_ID
        self.prompt_answers: list[int] = []
        self.copy_status: int | None = None
        self.add_status = m.ERR_SEC_SUCCESS
        self.copies = 0

    def can_evaluate_policy(self) -> int:
        return self.can_evaluate

    def biometry_type(self) -> int:
        return self.biometry

    def evaluate_policy(self, reason: str) -> tuple[int, object | None]:
        assert "Vouch" in reason
        code = self.prompt_answers.pop(0) if self.prompt_answers else 0
        return (0, CONTEXT) if code == 0 else (code, None)

    def add_item(self, service: str, account: str, secret: bytes) -> int:
        if self.add_status == m.ERR_SEC_SUCCESS:
            if (service, account) in self.items:
                return m.ERR_SEC_DUPLICATE_ITEM
            self.items[(service, account)] = secret
        return self.add_status

    def copy_matching(
        self, service: str, account: str, context: object
    ) -> tuple[int, bytes | None]:
        self.copies += 1
        assert context is CONTEXT  # only ever with the authenticated context
        if self.copy_status is not None:
            return self.copy_status, None
        secret = self.items.get((service, account))
        return (m.ERR_SEC_SUCCESS, secret) if secret else (m.ERR_SEC_ITEM_NOT_FOUND, None)

    def delete_item(self, service: str, account: str) -> int:
        found = self.items.pop((service, account), None)
        return m.ERR_SEC_SUCCESS if found else m.ERR_SEC_ITEM_NOT_FOUND


@pytest.fixture
def keychain() -> FakeKeychain:
    return FakeKeychain()


@pytest.fixture
def backend(tmp_path: Path, keychain: FakeKeychain) -> m.MacBackend:
    return m.MacBackend(tmp_path / "state", adapter=keychain)


def test_success(backend: m.MacBackend, keychain: FakeKeychain) -> None:
    key = os.urandom(32)
    assert backend.available()
    assert backend.name == "Touch ID"
    backend.enroll(WALLET, key)
    assert backend.is_enrolled(WALLET)
    assert key not in keychain.items.values()  # the Keychain holds the wrapping secret
    assert backend.unlock(WALLET) == key
    backend.enroll(WALLET, key)  # re-enrolment replaces the item
    assert len(keychain.items) == 1
    backend.forget(WALLET)
    assert keychain.items == {}
    with pytest.raises(UnlockNotEnrolled):
        backend.unlock(WALLET)


@pytest.mark.parametrize("code", [m.LA_USER_CANCEL, m.LA_SYSTEM_CANCEL, m.LA_USER_FALLBACK])
def test_cancel_never_unlocks(backend: m.MacBackend, keychain: FakeKeychain, code: int) -> None:
    backend.enroll(WALLET, os.urandom(32))
    keychain.prompt_answers = [code]
    with pytest.raises(UnlockCancelled):
        backend.unlock(WALLET)
    assert keychain.copies == 0


@pytest.mark.parametrize(
    ("code", "error"),
    [
        (m.LA_AUTHENTICATION_FAILED, UnlockFailed),
        (m.LA_BIOMETRY_LOCKOUT, UnlockLockedOut),
        (m.LA_PASSCODE_NOT_SET, UnlockUnavailable),
        (m.LA_INVALID_CONTEXT, UnlockFailed),
    ],
)
def test_prompt_refusals(
    backend: m.MacBackend, keychain: FakeKeychain, code: int, error: type[Exception]
) -> None:
    backend.enroll(WALLET, os.urandom(32))
    keychain.prompt_answers = [code]
    with pytest.raises(error):
        backend.unlock(WALLET)
    assert keychain.copies == 0


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (m.ERR_SEC_ITEM_NOT_FOUND, UnlockInvalidated),  # biometric set changed
        (m.ERR_SEC_USER_CANCELED, UnlockCancelled),
        (m.ERR_SEC_AUTH_FAILED, UnlockFailed),
        (m.ERR_SEC_INTERACTION_NOT_ALLOWED, UnlockFailed),
        (m.ERR_SEC_MISSING_ENTITLEMENT, UnlockUnavailable),
        (-1, UnlockFailed),
    ],
)
def test_keychain_refusals(
    backend: m.MacBackend, keychain: FakeKeychain, status: int, error: type[Exception]
) -> None:
    backend.enroll(WALLET, os.urandom(32))
    keychain.copy_status = status
    with pytest.raises(error):
        backend.unlock(WALLET)


def test_changed_biometrics_says_what_to_do(backend: m.MacBackend, keychain: FakeKeychain) -> None:
    backend.enroll(WALLET, os.urandom(32))
    keychain.items.clear()  # the OS invalidated the biometryCurrentSet item
    with pytest.raises(UnlockInvalidated, match="turn OS unlock on again"):
        backend.unlock(WALLET)


def test_enrol_without_entitlement(backend: m.MacBackend, keychain: FakeKeychain) -> None:
    keychain.add_status = m.ERR_SEC_MISSING_ENTITLEMENT
    with pytest.raises(UnlockUnavailable, match="signed"):
        backend.enroll(WALLET, os.urandom(32))
    assert not backend.is_enrolled(WALLET)


def test_not_available(backend: m.MacBackend, keychain: FakeKeychain) -> None:
    keychain.can_evaluate = m.LA_PASSCODE_NOT_SET
    assert not backend.available()
    assert "password" in backend.unavailable_reason()
    with pytest.raises(UnlockUnavailable):
        backend.enroll(WALLET, os.urandom(32))


def test_names(backend: m.MacBackend, keychain: FakeKeychain) -> None:
    keychain.biometry = m.BIOMETRY_FACE_ID
    assert backend.name == "Face ID"
    keychain.biometry = 0
    assert backend.name == "your Mac's password"
