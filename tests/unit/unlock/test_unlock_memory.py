"""The in-memory test backend behaves like the real ones."""

from __future__ import annotations

import os

import pytest

from vouch.core.errors import UnlockCancelled, UnlockFailed, UnlockUnavailable
from vouch.unlock import MemoryBackend, UnlockInvalidated, UnlockLockedOut, UnlockNotEnrolled

WALLET = "wallet-0123456789abcdef"


def test_scripted_outcomes() -> None:
    backend = MemoryBackend()
    key = os.urandom(32)
    backend.enroll(WALLET, key)
    backend.script("cancel", "fail", "lockout", "invalidated")
    for error in (UnlockCancelled, UnlockFailed, UnlockLockedOut, UnlockInvalidated):
        with pytest.raises(error):
            backend.unlock(WALLET)
    assert backend.unlock(WALLET) == key
    assert backend.prompts == 5


def test_forget_reenrol_and_os_invalidation() -> None:
    backend = MemoryBackend()
    backend.enroll(WALLET, os.urandom(32))
    backend.drop_os_secret(WALLET)
    with pytest.raises(UnlockInvalidated):
        backend.unlock(WALLET)
    backend.forget(WALLET)
    assert not backend.is_enrolled(WALLET)
    with pytest.raises(UnlockNotEnrolled):
        backend.unlock(WALLET)


def test_unavailable() -> None:
    backend = MemoryBackend(available=False)
    assert backend.unavailable_reason()
    with pytest.raises(UnlockUnavailable):
        backend.enroll(WALLET, os.urandom(32))
