"""The Windows Hello backend with a fake of exactly its KeyCredentialManager calls."""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

import pytest

from vouch.core.errors import UnlockCancelled, UnlockFailed, UnlockUnavailable
from vouch.unlock import UnlockInvalidated, UnlockLockedOut, UnlockNotEnrolled
from vouch.unlock import windows as w

WALLET = "wallet-0123456789abcdef"


class FakeHello:
    """Keys are random bytes; 'signing' is a deterministic MAC, like PKCS#1 v1.5 RSA."""

    def __init__(self) -> None:
        self.supported = True
        self.keys: dict[str, bytes] = {}
        self.sign_answers: list[int] = []
        self.open_status: int | None = None
        self.signed: list[bytes] = []

    def is_supported(self) -> bool:
        return self.supported

    def request_create(self, name: str) -> tuple[int, object | None]:
        self.keys[name] = os.urandom(32)  # ReplaceExisting
        return w.STATUS_SUCCESS, name

    def open(self, name: str) -> tuple[int, object | None]:
        if self.open_status is not None:
            return self.open_status, None
        return (w.STATUS_SUCCESS, name) if name in self.keys else (w.STATUS_NOT_FOUND, None)

    def request_sign(self, credential: object, data: bytes) -> tuple[int, bytes | None]:
        status = self.sign_answers.pop(0) if self.sign_answers else w.STATUS_SUCCESS
        if status != w.STATUS_SUCCESS:
            return status, None
        assert isinstance(credential, str)
        self.signed.append(data)
        return status, hmac.new(self.keys[credential], data, hashlib.sha256).digest() * 8

    def delete(self, name: str) -> None:
        self.keys.pop(name, None)


@pytest.fixture
def hello() -> FakeHello:
    return FakeHello()


@pytest.fixture
def backend(tmp_path: Path, hello: FakeHello) -> w.WindowsHelloBackend:
    return w.WindowsHelloBackend(tmp_path / "state", adapter=hello)


def test_success(backend: w.WindowsHelloBackend, hello: FakeHello) -> None:
    key = os.urandom(32)
    assert backend.available()
    backend.enroll(WALLET, key)
    assert backend.unlock(WALLET) == key
    assert hello.signed == [w.challenge(WALLET)] * 2  # the same fixed challenge each time
    backend.forget(WALLET)
    assert hello.keys == {}
    assert not backend.is_enrolled(WALLET)
    with pytest.raises(UnlockNotEnrolled):
        backend.unlock(WALLET)


@pytest.mark.parametrize("status", [w.STATUS_USER_CANCELED, w.STATUS_USER_PREFERS_PASSWORD])
def test_cancel_never_unlocks(
    backend: w.WindowsHelloBackend, hello: FakeHello, status: int
) -> None:
    backend.enroll(WALLET, os.urandom(32))
    hello.sign_answers = [status]
    with pytest.raises(UnlockCancelled):
        backend.unlock(WALLET)


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (w.STATUS_SECURITY_DEVICE_LOCKED, UnlockLockedOut),
        (w.STATUS_UNKNOWN_ERROR, UnlockFailed),
        (w.STATUS_NOT_FOUND, UnlockInvalidated),
    ],
)
def test_sign_refusals(
    backend: w.WindowsHelloBackend, hello: FakeHello, status: int, error: type[Exception]
) -> None:
    backend.enroll(WALLET, os.urandom(32))
    hello.sign_answers = [status]
    with pytest.raises(error):
        backend.unlock(WALLET)


def test_cancelled_enrolment_keeps_nothing(
    backend: w.WindowsHelloBackend, hello: FakeHello
) -> None:
    hello.sign_answers = [w.STATUS_USER_CANCELED]
    with pytest.raises(UnlockCancelled):
        backend.enroll(WALLET, os.urandom(32))
    assert not backend.is_enrolled(WALLET)


def test_hello_key_gone_or_replaced(backend: w.WindowsHelloBackend, hello: FakeHello) -> None:
    backend.enroll(WALLET, os.urandom(32))
    name = w.credential_name(WALLET)
    hello.keys[name] = os.urandom(32)  # Hello reset: the key changed behind our back
    with pytest.raises(UnlockInvalidated):
        backend.unlock(WALLET)
    del hello.keys[name]  # or removed entirely
    with pytest.raises(UnlockInvalidated):
        backend.unlock(WALLET)


def test_not_set_up(backend: w.WindowsHelloBackend, hello: FakeHello) -> None:
    hello.supported = False
    assert not backend.available()
    with pytest.raises(UnlockUnavailable, match="Windows Hello is not set up"):
        backend.enroll(WALLET, os.urandom(32))
