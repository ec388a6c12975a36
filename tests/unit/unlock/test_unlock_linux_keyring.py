"""The Linux backend against a real GNOME Keyring on a private session bus.

Only the polkit gate is a fake (no polkit agent can answer in CI); the Secret Service, the
D-Bus traffic and the record files are real.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import secretstorage
from unlock_fakes import FakePolkit, Session, SpySecrets

from vouch.core.errors import UnlockCancelled, UnlockFailed, UnlockUnavailable
from vouch.unlock import UnlockInvalidated, UnlockNotEnrolled
from vouch.unlock.linux import LinuxBackend
from vouch.unlock.polkit import ACTION_ID, PolkitAnswer
from vouch.unlock.secret_service import NOT_RUNNING, SecretStorageAdapter
from vouch.unlock.wrapping import RecordStore

WALLET = "wallet-0123456789abcdef"
OTHER = "wallet-fedcba9876543210"


def _backend(state: Path, polkit: FakePolkit | None = None) -> LinuxBackend:
    return LinuxBackend(state, polkit=polkit or FakePolkit(), secrets=SecretStorageAdapter())


def _keyring_secrets(wallet_id: str) -> list[bytes]:
    conn = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(conn)
        items = collection.search_items({"wallet": wallet_id})
        return [bytes(item.get_secret()) for item in items]
    finally:
        conn.close()


def test_enroll_then_unlock_returns_the_same_key(keyring: Session, tmp_path: Path) -> None:
    polkit = FakePolkit()
    backend = _backend(tmp_path / "state", polkit)
    key = os.urandom(32)
    assert backend.available()
    assert not backend.is_enrolled(WALLET)

    backend.enroll(WALLET, key)

    assert backend.is_enrolled(WALLET)
    assert backend.unlock(WALLET) == key
    assert [c[0] for c in polkit.calls] == [ACTION_ID, ACTION_ID]
    assert all(pid == os.getpid() for _, pid in polkit.calls)
    # The keyring holds a 32-byte wrapping secret, never the store key.
    secrets = _keyring_secrets(WALLET)
    assert len(secrets) == 1
    assert len(secrets[0]) == 32
    assert secrets[0] != key


def test_a_fresh_backend_object_unlocks_too(keyring: Session, tmp_path: Path) -> None:
    key = os.urandom(32)
    _backend(tmp_path / "state").enroll(WALLET, key)
    assert _backend(tmp_path / "state").unlock(WALLET) == key


def test_two_wallets_are_kept_apart(keyring: Session, tmp_path: Path) -> None:
    backend = _backend(tmp_path / "state")
    k1, k2 = os.urandom(32), os.urandom(32)
    backend.enroll(WALLET, k1)
    backend.enroll(OTHER, k2)
    assert backend.unlock(WALLET) == k1
    assert backend.unlock(OTHER) == k2
    backend.forget(WALLET)
    assert backend.unlock(OTHER) == k2


def test_forget_removes_record_and_keyring_item(keyring: Session, tmp_path: Path) -> None:
    backend = _backend(tmp_path / "state")
    backend.enroll(WALLET, os.urandom(32))
    backend.forget(WALLET)
    assert not backend.is_enrolled(WALLET)
    assert _keyring_secrets(WALLET) == []
    with pytest.raises(UnlockNotEnrolled):
        backend.unlock(WALLET)
    backend.forget(WALLET)  # forgetting twice is fine


def test_reenrol_after_passphrase_change_invalidates_old_record(
    keyring: Session, tmp_path: Path
) -> None:
    state = tmp_path / "state"
    backend = _backend(state)
    old_key, new_key = os.urandom(32), os.urandom(32)
    backend.enroll(WALLET, old_key)
    records = RecordStore(state)
    old_record = records.load(WALLET)
    assert old_record is not None

    backend.enroll(WALLET, new_key)  # the wallet re-wraps its new store key

    assert backend.unlock(WALLET) == new_key
    assert len(_keyring_secrets(WALLET)) == 1  # replaced, not added
    records.save(WALLET, old_record)  # an old copy put back (e.g. from a backup)
    with pytest.raises(UnlockInvalidated):
        backend.unlock(WALLET)


def test_forget_then_old_record_restored_does_not_unlock(keyring: Session, tmp_path: Path) -> None:
    state = tmp_path / "state"
    backend = _backend(state)
    backend.enroll(WALLET, os.urandom(32))
    old_record = RecordStore(state).load(WALLET)
    assert old_record is not None
    backend.forget(WALLET)
    RecordStore(state).save(WALLET, old_record)
    with pytest.raises(UnlockInvalidated):
        backend.unlock(WALLET)


def test_cancelled_polkit_prompt_never_reads_the_keyring(keyring: Session, tmp_path: Path) -> None:
    polkit = FakePolkit()
    spy = SpySecrets()
    backend = LinuxBackend(tmp_path / "state", polkit=polkit, secrets=spy)
    backend.enroll(WALLET, os.urandom(32))
    spy.calls.clear()
    polkit.answers = [PolkitAnswer.DISMISSED, PolkitAnswer.NOT_AUTHORIZED]

    with pytest.raises(UnlockCancelled):
        backend.unlock(WALLET)
    with pytest.raises(UnlockFailed):
        backend.unlock(WALLET)
    assert spy.calls == []


def test_cancelled_enrolment_stores_nothing(keyring: Session, tmp_path: Path) -> None:
    backend = _backend(tmp_path / "state", FakePolkit(PolkitAnswer.DISMISSED))
    with pytest.raises(UnlockCancelled):
        backend.enroll(WALLET, os.urandom(32))
    assert not backend.is_enrolled(WALLET)
    assert _keyring_secrets(WALLET) == []


def test_secret_removed_from_keyring_is_reported(keyring: Session, tmp_path: Path) -> None:
    backend = _backend(tmp_path / "state")
    backend.enroll(WALLET, os.urandom(32))
    SecretStorageAdapter().delete({"wallet": WALLET})
    with pytest.raises(UnlockInvalidated):
        backend.unlock(WALLET)


def test_keyring_stopped_after_enrolment(keyring: Session, tmp_path: Path) -> None:
    backend = _backend(tmp_path / "state")
    backend.enroll(WALLET, os.urandom(32))
    keyring.stop_keyring()

    assert not backend.available()
    assert backend.unavailable_reason() == NOT_RUNNING
    with pytest.raises(UnlockUnavailable) as info:
        backend.unlock(WALLET)
    assert "Secret Service" in info.value.message
    assert "not running" in info.value.message
    backend.forget(WALLET)  # still removes the record, logs the keyring part
    assert not backend.is_enrolled(WALLET)


def test_bus_without_keyring_daemon(session_bus: Session, tmp_path: Path) -> None:
    backend = _backend(tmp_path / "state")
    assert not backend.available()
    with pytest.raises(UnlockUnavailable) as info:
        backend.enroll(WALLET, os.urandom(32))
    assert info.value.message == NOT_RUNNING


def test_no_session_bus_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-such-bus'}")
    backend = _backend(tmp_path / "state")
    assert backend.unavailable_reason() == NOT_RUNNING
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS")
    assert backend.unavailable_reason() == NOT_RUNNING
    with pytest.raises(UnlockUnavailable):
        backend.enroll(WALLET, os.urandom(32))


def test_locked_keyring_item_is_unlocked_through_the_service(
    keyring: Session, tmp_path: Path
) -> None:
    """A locked collection is not a reason to give up before asking the keyring."""
    backend = _backend(tmp_path / "state")
    key = os.urandom(32)
    backend.enroll(WALLET, key)
    conn = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(conn)
        collection.lock()
        assert collection.is_locked()
    finally:
        conn.close()
    # gnome-keyring now needs its own prompt; with no prompter in CI it must not unlock
    # silently: either it is unlocked by a prompt (not here) or an error is raised.
    with pytest.raises((UnlockCancelled, UnlockFailed, UnlockUnavailable)):
        backend.unlock(WALLET)
