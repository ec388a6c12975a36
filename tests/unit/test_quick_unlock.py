"""OS unlock of a wallet folder through one backend (the in-memory one stands in for the OS)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vouch.core.errors import UnlockCancelled, UnlockFailed, UnlockUnavailable, WrongPassphrase
from vouch.unlock import MemoryBackend, UnlockBackend, UnlockNotEnrolled, make_wallet_id
from vouch.wallet import Wallet
from vouch.wallet.quick_unlock import ENROLLED_FILE, STATE_DIR, QuickUnlock

PASSPHRASE = "correct horse battery staple"
NEW_PASSPHRASE = "another long passphrase 42"


class Machine:
    """One pretend operating system: one memory backend per state folder, as a keyring would."""

    def __init__(self, *, available: bool = True) -> None:
        self.backends: dict[Path, MemoryBackend] = {}
        self.available = available

    def __call__(self, state_dir: Path) -> UnlockBackend:
        if state_dir not in self.backends:
            self.backends[state_dir] = MemoryBackend("Test key", available=self.available)
        return self.backends[state_dir]

    def backend_of(self, home: Path) -> MemoryBackend:
        return self.backends[home / STATE_DIR]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "wallet"
    Wallet.create(folder, PASSPHRASE).lock()
    return folder


def enable(quick: QuickUnlock, home: Path) -> str:
    wallet = Wallet.open(home, PASSPHRASE)
    try:
        quick.enable(wallet)
        return wallet.did
    finally:
        wallet.lock()


def test_enable_then_unlock_opens_the_same_wallet(home: Path) -> None:
    machine = Machine()
    quick = QuickUnlock(machine)
    assert not quick.is_enabled(home)
    did = enable(quick, home)
    assert quick.is_enabled(home)
    wallet = Wallet.open_with_os(home, quick)
    try:
        assert wallet.did == did
    finally:
        wallet.lock()
    assert machine.backend_of(home).prompts == 1


def test_the_enrolled_id_file_names_nobody(home: Path) -> None:
    quick = QuickUnlock(Machine())
    did = enable(quick, home)
    text = (home / STATE_DIR / ENROLLED_FILE).read_text()
    assert did not in text and did[-12:] not in text
    assert len(text.strip()) == 40


def test_cancelling_the_prompt_never_unlocks(home: Path) -> None:
    machine = Machine()
    quick = QuickUnlock(machine)
    enable(quick, home)
    machine.backend_of(home).script("cancel", "fail")
    with pytest.raises(UnlockCancelled):
        Wallet.open_with_os(home, quick)
    with pytest.raises(UnlockFailed):
        Wallet.open_with_os(home, quick)
    assert quick.is_enabled(home)


def test_disable_forgets_the_key_and_the_passphrase_still_works(home: Path) -> None:
    machine = Machine()
    quick = QuickUnlock(machine)
    enable(quick, home)
    quick.disable(home)
    assert not quick.is_enabled(home)
    assert not (home / STATE_DIR / ENROLLED_FILE).exists()
    with pytest.raises(UnlockNotEnrolled):
        Wallet.open_with_os(home, quick)
    Wallet.open(home, PASSPHRASE).lock()
    quick.disable(home)  # twice is fine


def test_a_passphrase_change_turns_it_off(home: Path) -> None:
    machine = Machine()
    quick = QuickUnlock(machine)
    did = enable(quick, home)
    wallet_id = make_wallet_id(home, did)
    assert machine.backend_of(home).is_enrolled(wallet_id)
    wallet = Wallet.open(home, PASSPHRASE, os_unlock=quick)
    wallet.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)  # the wallet forgets the OS key itself
    wallet.lock()
    assert not quick.is_enabled(home)
    assert not machine.backend_of(home).is_enrolled(wallet_id)
    with pytest.raises(UnlockNotEnrolled):
        Wallet.open_with_os(home, quick)
    with pytest.raises(WrongPassphrase):
        Wallet.open(home, PASSPHRASE)
    Wallet.open(home, NEW_PASSPHRASE).lock()


def test_a_record_from_another_wallet_folder_is_refused(home: Path, tmp_path: Path) -> None:
    machine = Machine()
    quick = QuickUnlock(machine)
    enable(quick, home)
    moved = tmp_path / "moved"
    shutil.copytree(home, moved)
    machine.backends[moved / STATE_DIR] = machine.backend_of(home)
    with pytest.raises(UnlockFailed, match="another wallet"):
        Wallet.open_with_os(moved, quick)


def test_a_tampered_id_file_reads_as_off(home: Path) -> None:
    quick = QuickUnlock(Machine())
    enable(quick, home)
    (home / STATE_DIR / ENROLLED_FILE).write_text("../../etc/passwd\n")
    assert quick.enrolled_id(home) is None
    assert not quick.is_enabled(home)
    with pytest.raises(UnlockNotEnrolled):
        Wallet.open_with_os(home, quick)


def test_unavailable_backend_refuses_to_enable(home: Path) -> None:
    quick = QuickUnlock(Machine(available=False))
    assert not quick.available()
    with pytest.raises(UnlockUnavailable):
        enable(quick, home)
    assert not (home / STATE_DIR / ENROLLED_FILE).exists()
