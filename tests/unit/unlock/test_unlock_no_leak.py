"""The store key never shows up in logs, error messages or files outside the keystore."""

from __future__ import annotations

import base64
import logging
import os
from pathlib import Path

import pytest
from test_unlock_macos import FakeKeychain
from test_unlock_windows import FakeHello
from unlock_fakes import FakePolkit, Session

from vouch.core.errors import VouchError
from vouch.unlock import MemoryBackend, UnlockBackend
from vouch.unlock.linux import LinuxBackend
from vouch.unlock.macos import LA_USER_CANCEL, MacBackend
from vouch.unlock.polkit import PolkitAnswer
from vouch.unlock.secret_service import SecretStorageAdapter
from vouch.unlock.windows import STATUS_USER_CANCELED, WindowsHelloBackend
from vouch.unlock.wrapping import RecordStore

WALLET = "wallet-0123456789abcdef"


def _forms(secret: bytes) -> list[bytes]:
    return [
        secret,
        secret.hex().encode(),
        secret.hex().upper().encode(),
        base64.b64encode(secret),
        base64.urlsafe_b64encode(secret),
        base64.b64encode(secret).rstrip(b"="),
        repr(secret).encode(),
    ]


def _exercise(backend: UnlockBackend, key: bytes, refuse: object) -> list[str]:
    """enroll, unlock, a refused unlock, a corrupted record, forget; the error texts seen."""
    texts: list[str] = []
    backend.enroll(WALLET, key)
    assert backend.unlock(WALLET) == key
    refuse()  # type: ignore[operator]
    for _ in range(2):
        with pytest.raises(VouchError) as info:
            backend.unlock(WALLET)
        texts += [str(info.value), repr(info.value), repr(info.value.__cause__)]
    backend.forget(WALLET)
    with pytest.raises(VouchError) as info:
        backend.unlock(WALLET)
    texts.append(str(info.value))
    return texts


def _scan(blobs: list[bytes], key: bytes) -> None:
    for form in _forms(key):
        for blob in blobs:
            assert form not in blob


def _files(root: Path) -> list[bytes]:
    return [p.read_bytes() for p in root.rglob("*") if p.is_file()]


def test_no_leak_linux_real_keyring(
    keyring: Session, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    key = os.urandom(32)
    polkit = FakePolkit()
    state = tmp_path / "state"
    backend = LinuxBackend(state, polkit=polkit, secrets=SecretStorageAdapter())

    def refuse() -> None:
        polkit.answers = [PolkitAnswer.DISMISSED, PolkitAnswer.NOT_AUTHORIZED]

    texts = _exercise(backend, key, refuse)
    backend.enroll(WALLET, key)
    RecordStore(state).path(WALLET).write_bytes(b"{broken")
    with pytest.raises(VouchError) as info:
        backend.unlock(WALLET)
    texts.append(str(info.value))

    assert caplog.records  # debug logging did run
    logs = [r.getMessage().encode() for r in caplog.records]
    logs += [str(r.args).encode() for r in caplog.records]
    _scan(logs + [t.encode() for t in texts] + _files(tmp_path), key)


def test_no_leak_other_backends(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    key = os.urandom(32)
    keychain, hello = FakeKeychain(), FakeHello()
    memory = MemoryBackend()
    cases: list[tuple[UnlockBackend, object]] = [
        (
            MacBackend(tmp_path / "mac", adapter=keychain),
            lambda: keychain.prompt_answers.extend([LA_USER_CANCEL, -1]),
        ),
        (
            WindowsHelloBackend(tmp_path / "win", adapter=hello),
            lambda: hello.sign_answers.extend([STATUS_USER_CANCELED, 1]),
        ),
        (memory, lambda: memory.script("cancel", "lockout")),
    ]
    texts: list[str] = []
    for backend, refuse in cases:
        texts += _exercise(backend, key, refuse)
    logs = [r.getMessage().encode() for r in caplog.records]
    _scan(logs + [t.encode() for t in texts] + _files(tmp_path), key)
