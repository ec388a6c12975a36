"""Someone else on the machine must not read the wallet's files, whatever folder it lives in.

The store is encrypted, but a copy of it is all an offline passphrase guesser needs. A wallet
created in a folder that already existed (a shared parent's default 0755, a typical umask of
022) gets a private folder and private files, and opening a wallet whose modes were loosened
(a copy, a restore by hand) makes them private again. The control runs the same tests on the
code before the fix (see `support.baseline`) and sees them fail.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.baseline import assertion_failures, baseline_outcomes
from vouch.core.identity import Identity
from vouch.core.records import Level
from vouch.wallet import Wallet

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")

PASSPHRASE = "file mode test passphrase"
STORE_FILES = ("wallet.db", "wallet.db-wal", "wallet.db-shm", "wallet.kdf.json")


@pytest.fixture(autouse=True)
def common_umask() -> Iterator[None]:
    """The umask most desktops run with: new files 0644, new folders 0755."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def modes(home: Path) -> dict[str, int]:
    """The mode of the folder ('.') and of each store file that exists."""
    found = {".": mode(home)}
    found.update({name: mode(home / name) for name in STORE_FILES if (home / name).exists()})
    return found


def private(home: Path) -> dict[str, int]:
    return {name: 0o700 if name == "." else 0o600 for name in modes(home)}


def test_a_wallet_made_in_a_folder_that_existed_is_private(tmp_path: Path) -> None:
    home = tmp_path / "existing"
    home.mkdir(mode=0o755)
    with Wallet.create(home, PASSPHRASE) as wallet:
        wallet.endorse(Identity.generate().did, "plumbing", Level.STRONGLY)
        assert {"wallet.db-wal", "wallet.db-shm"} <= set(modes(home))  # checked while open
        assert modes(home) == private(home)
    assert modes(home) == private(home)


def test_opening_a_wallet_makes_loosened_files_private_again(tmp_path: Path) -> None:
    home = tmp_path / "copied"
    Wallet.create(home, PASSPHRASE).lock()
    home.chmod(0o755)
    for name in STORE_FILES:
        if (home / name).exists():
            (home / name).chmod(0o644)
    with Wallet.open(home, PASSPHRASE) as wallet:
        wallet.endorse(Identity.generate().did, "plumbing", Level.STRONGLY)
        assert modes(home) == private(home)


ATTACKS = [
    "test_a_wallet_made_in_a_folder_that_existed_is_private",
    "test_opening_a_wallet_makes_loosened_files_private_again",
]


def test_control_the_code_before_the_fix_left_them_readable(tmp_path: Path) -> None:
    outcomes = baseline_outcomes(Path(__file__), ATTACKS, tmp_path)
    assert set(assertion_failures(outcomes)) == set(ATTACKS), outcomes
