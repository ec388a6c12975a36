"""`BackgroundCheck`: a bundle checked on its own thread while the command line derives the
wallet's key. The same preview as checking in line; errors reach the caller; leaving early
stops the checks and leaves no thread behind."""

from __future__ import annotations

import copy
import json
import threading
from pathlib import Path
from typing import Any

import pytest

from support.cli import run_vouch
from vouch.core.errors import InvalidBundle, OperationCancelled
from vouch.exchange import bundle as bundles
from vouch.exchange import importing
from vouch.wallet import BackgroundCheck, Wallet
from vouch.wallet import importing as wallet_importing


def _bundle(alice: Wallet, bob: Wallet, mallory: Wallet) -> bytes:
    items: list[Any] = [
        json.loads(alice.endorse(bob.did, f"task{n}", 2).document) for n in range(6)
    ]
    forged = copy.deepcopy(items[0])
    forged["credentialSubject"]["level"] = 4
    forged["id"] = "urn:uuid:00000000-0000-4000-8000-000000000001"
    return bundles.encode_bundle(mallory.identity, [*items, forged])


@pytest.mark.parametrize("workers", [False, True])
def test_the_same_preview_as_checking_in_line(
    alice: Wallet, bob: Wallet, mallory: Wallet, monkeypatch: pytest.MonkeyPatch, workers: bool
) -> None:
    if workers:
        monkeypatch.setattr(importing, "MIN_ITEMS_FOR_WORKERS", 1)
        monkeypatch.setattr(importing, "MIN_BYTES_FOR_WORKERS", 1)
        monkeypatch.setattr(importing, "WORKER_CHUNK", 2)
    data = _bundle(alice, bob, mallory)
    with BackgroundCheck(data) as checking:
        previewed = bob.preview_checked(checking.result())
    assert previewed == bob.preview_import(data)
    assert len(previewed.new) == 6 and len(previewed.invalid) == 1
    assert previewed.presenter == mallory.did


def test_a_hostile_bundle_raises_from_result(alice: Wallet, bob: Wallet, mallory: Wallet) -> None:
    presentation = json.loads(_bundle(alice, bob, mallory))
    presentation["verifiableCredential"][0]["credentialSubject"]["scope"] = "changed"
    hostile = json.dumps(presentation).encode()
    with BackgroundCheck(hostile) as checking, pytest.raises(InvalidBundle):
        checking.result()
    with BackgroundCheck(b"not a bundle") as checking, pytest.raises(InvalidBundle):
        checking.result()


def test_leaving_early_stops_the_checks(
    alice: Wallet, bob: Wallet, mallory: Wallet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checks are held inside parsing until the block is left (as when the passphrase is
    wrong): they then stop at their first checkpoint and the thread ends with the block."""
    data = _bundle(alice, bob, mallory)
    parsing, release = threading.Event(), threading.Event()
    original = bundles.open_bundle

    def held_open(raw: bytes | str) -> bundles.OpenedBundle:
        parsing.set()
        release.wait(30)
        return original(raw)

    monkeypatch.setattr(wallet_importing.bundles, "open_bundle", held_open)

    def leave_early() -> BackgroundCheck:
        with BackgroundCheck(data) as checking:
            assert parsing.wait(30)
            release.set()
            threads = [t for t in threading.enumerate() if t.name == "bundle-check"]
            assert threads  # still at work when the block is left
        return checking

    left = leave_early()
    assert not left._thread.is_alive()
    with pytest.raises(OperationCancelled):
        left.result()
    # The control: the same held checks, waited for, give the bundle.
    parsing.clear()
    release.clear()
    with BackgroundCheck(data) as checking:
        assert parsing.wait(30)
        release.set()
        assert len(checking.result().items.statements) == 6


def test_a_wrong_passphrase_on_import_is_one_error_and_stores_nothing(
    tmp_path: Path, alice: Wallet, bob: Wallet, mallory: Wallet
) -> None:
    bundle = tmp_path / "in.vouch"
    bundle.write_bytes(_bundle(alice, bob, mallory))
    home = tmp_path / "carol"
    assert run_vouch("init", wallet=home).returncode == 0
    wrong = run_vouch("import", str(bundle), wallet=home, passphrase="not the right one")
    assert wrong.returncode != 0
    assert "passphrase" in wrong.stderr.lower() and "Traceback" not in wrong.stderr
    right = run_vouch("--json", "list", wallet=home)
    assert right.returncode == 0, right.stderr
    assert json.loads(right.stdout) == []  # nothing was stored
    done = run_vouch("--json", "import", str(bundle), wallet=home)
    assert done.returncode == 0 and json.loads(done.stdout)["added"] == 6  # the control
