"""Social recovery through the wallet facade, with real SQLCipher wallets."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from vouch.errors import InvalidInput, NotFound, WalletExists, WrongPassphrase
from vouch.wallet import (
    InvalidRecoveryAnswer,
    InvalidShare,
    RecoveryFailed,
    Wallet,
    finish_recovery,
    pending_recovery,
    recovery_progress,
    start_recovery,
)

PASS = "correct horse battery staple"
NewWallet = Callable[..., Wallet]


@pytest.fixture
def people(new_wallet: NewWallet) -> tuple[Wallet, list[Wallet]]:
    owner = new_wallet("owner")
    guardians = [new_wallet(f"g{i}") for i in range(3)]
    for i, g in enumerate(guardians):
        owner.add_contact(g.did, f"Guardian {i}")
    return owner, guardians


def _hand_out(owner: Wallet, guardians: list[Wallet], folder: Path, k: int = 2) -> list[Path]:
    made = owner.hand_out_shares([g.did for g in guardians], k, folder)
    for g, file in zip(guardians, made.files, strict=True):
        assert file.name == f"Guardian-{guardians.index(g)}.vouchshare"
        assert not g.import_share(file.read_bytes()).already_held
    return list(made.files)


def test_hand_out_keep_and_recover(people: tuple[Wallet, list[Wallet]], tmp_path: Path) -> None:
    owner, guardians = people
    _hand_out(owner, guardians, tmp_path / "out")
    [split] = owner.guardian_splits()
    assert (split.threshold, split.share_count) == (2, 3)
    assert set(split.guardians) == {g.did for g in guardians}
    [held] = guardians[0].held_shares()
    assert (held.owner, held.threshold, held.petname) == (owner.did, 2, None)

    home = tmp_path / "new"
    started = start_recovery(home, owner.did, PASS)
    assert pending_recovery(home) == started
    state = home / "recovery-pending.json"
    assert stat.S_IMODE(state.stat().st_mode) == 0o600
    seen = guardians[1].read_recovery_request(started.line)
    assert (seen.did, seen.check_words, seen.shares) == (owner.did, started.check_words, 1)
    answers = [g.answer_recovery(started.line) for g in guardians[1:]]
    assert recovery_progress(home, answers[:1]) == (1, 2)
    assert recovery_progress(home, answers) == (2, 2)
    guardians[0].add_contact(owner.did, "Olivia")
    assert guardians[0].held_shares()[0].petname == "Olivia"
    assert guardians[0].read_recovery_request(started.line).petname == "Olivia"
    with finish_recovery(home, answers, PASS) as recovered:
        assert recovered.did == owner.did
    assert not state.exists()
    with Wallet.open(home, PASS) as reopened:
        assert reopened.did == owner.did


def test_k_minus_one_answers_create_nothing(
    people: tuple[Wallet, list[Wallet]], tmp_path: Path
) -> None:
    owner, guardians = people
    _hand_out(owner, guardians, tmp_path / "out")
    home = tmp_path / "new"
    started = start_recovery(home, owner.did, PASS)
    one = guardians[0].answer_recovery(started.line)
    with pytest.raises(RecoveryFailed, match="1 of the 2 needed"):
        finish_recovery(home, [one], PASS)
    assert not Wallet.exists(home)
    assert (home / "recovery-pending.json").exists()  # more answers can still come
    two = guardians[2].answer_recovery(started.line)
    with finish_recovery(home, [one, two], PASS) as recovered:  # control
        assert recovered.did == owner.did


def test_the_wrong_passphrase_at_finish_creates_nothing(
    people: tuple[Wallet, list[Wallet]], tmp_path: Path
) -> None:
    owner, guardians = people
    _hand_out(owner, guardians, tmp_path / "out")
    home = tmp_path / "new"
    started = start_recovery(home, owner.did, PASS)
    answers = [g.answer_recovery(started.line) for g in guardians[:2]]
    with pytest.raises(WrongPassphrase):
        finish_recovery(home, answers, "another passphrase 9")
    assert not Wallet.exists(home)
    assert finish_recovery(home, answers, PASS).did == owner.did  # control


def test_the_state_does_not_hold_the_private_key_in_the_clear(
    people: tuple[Wallet, list[Wallet]], tmp_path: Path
) -> None:
    owner, _ = people
    home = tmp_path / "new"
    start_recovery(home, owner.did, PASS)
    state = json.loads((home / "recovery-pending.json").read_text())
    assert set(state) == {"type", "version", "request", "kdf", "sealed_key"}


def test_start_refuses_a_folder_with_a_wallet_or_a_request(
    people: tuple[Wallet, list[Wallet]], tmp_path: Path
) -> None:
    owner, _ = people
    with pytest.raises(WalletExists):
        start_recovery(owner.home, owner.did, PASS)
    home = tmp_path / "new"
    first = start_recovery(home, owner.did, PASS)
    with pytest.raises(InvalidInput, match="already under way"):
        start_recovery(home, owner.did, PASS)
    again = start_recovery(home, owner.did, PASS, replace=True)
    assert again.request_id != first.request_id


def test_answers_made_for_the_old_request_fail_after_a_new_start(
    people: tuple[Wallet, list[Wallet]], tmp_path: Path
) -> None:
    owner, guardians = people
    _hand_out(owner, guardians, tmp_path / "out")
    home = tmp_path / "new"
    old = start_recovery(home, owner.did, PASS)
    old_answers = [g.answer_recovery(old.line) for g in guardians[:2]]
    new = start_recovery(home, owner.did, PASS, replace=True)
    with pytest.raises(InvalidRecoveryAnswer, match="another recovery request"):
        finish_recovery(home, old_answers, PASS)
    answers = [g.answer_recovery(new.line) for g in guardians[:2]]
    assert finish_recovery(home, answers, PASS).did == owner.did  # control


def test_a_new_hand_out_leaves_old_shares_working(
    people: tuple[Wallet, list[Wallet]], new_wallet: NewWallet, tmp_path: Path
) -> None:
    owner, guardians = people
    _hand_out(owner, guardians, tmp_path / "first")
    late = new_wallet("late")
    owner.add_contact(late.did, "Late")
    made = owner.hand_out_shares([guardians[0].did, late.did], 2, tmp_path / "second")
    for g, file in zip([guardians[0], late], made.files, strict=True):
        g.import_share(file.read_bytes())
    assert len(owner.guardian_splits()) == 2
    assert len(guardians[0].held_shares()) == 2
    # The first hand-out still works with guardians who are not in the second one.
    home = tmp_path / "new"
    started = start_recovery(home, owner.did, PASS)
    answers = [
        guardians[1].answer_recovery(started.line),
        guardians[2].answer_recovery(started.line),
    ]
    assert finish_recovery(home, answers, PASS).did == owner.did
    # And guardian 0 answers with both of its shares, so it completes either hand-out.
    home2 = tmp_path / "new2"
    started2 = start_recovery(home2, owner.did, PASS)
    answers2 = [guardians[0].answer_recovery(started2.line), late.answer_recovery(started2.line)]
    assert finish_recovery(home2, answers2, PASS).did == owner.did


def test_hand_out_refuses_bad_choices(people: tuple[Wallet, list[Wallet]], tmp_path: Path) -> None:
    owner, guardians = people
    dids = [g.did for g in guardians]
    cases = [
        (dids, 1, "at least 2"),
        (dids, 4, "more than the number"),
        ([dids[0], dids[0], dids[1]], 2, "named twice"),
        ([*dids, owner.did], 2, "own guardian"),
        (dids * 6, 2, "named twice"),
        (["did:key:nope", *dids], 2, "cannot be a guardian"),
    ]
    for chosen, k, message in cases:
        with pytest.raises(InvalidInput, match=message):
            owner.hand_out_shares(chosen, k, tmp_path / "out")
    assert owner.guardian_splits() == []
    assert not (tmp_path / "out").exists()
    owner.hand_out_shares(dids, 2, tmp_path / "out")  # control
    with pytest.raises(InvalidInput, match="already exists"):
        owner.hand_out_shares(dids, 2, tmp_path / "out")
    assert len(owner.guardian_splits()) == 1


def test_seventeen_guardians_are_too_many(new_wallet: NewWallet, tmp_path: Path) -> None:
    from vouch.core.identity import Identity

    owner = new_wallet("owner")
    dids = [Identity.generate().did for _ in range(17)]
    with pytest.raises(InvalidInput, match="At most 16"):
        owner.hand_out_shares(dids, 2, tmp_path / "out")
    assert len(owner.hand_out_shares(dids[:16], 2, tmp_path / "out").files) == 16  # control


def test_importing_a_share_not_for_me_stores_nothing(
    people: tuple[Wallet, list[Wallet]], tmp_path: Path
) -> None:
    owner, guardians = people
    made = owner.hand_out_shares([g.did for g in guardians], 2, tmp_path / "out")
    with pytest.raises(InvalidShare, match="someone else"):
        guardians[1].import_share(made.files[0].read_bytes())
    with pytest.raises(InvalidShare, match="your own identity"):
        owner.import_share(made.files[0].read_bytes())
    assert guardians[1].held_shares() == []
    guardians[1].import_share(made.files[1].read_bytes())  # control
    assert len(guardians[1].held_shares()) == 1
    assert guardians[1].import_share(made.files[1].read_bytes()).already_held


def test_importing_a_tampered_share_stores_nothing(
    people: tuple[Wallet, list[Wallet]], tmp_path: Path
) -> None:
    owner, guardians = people
    made = owner.hand_out_shares([g.did for g in guardians], 2, tmp_path / "out")
    document = json.loads(made.files[0].read_text())
    document["threshold"] = 3
    with pytest.raises(InvalidShare, match="altered"):
        guardians[0].import_share(json.dumps(document).encode())
    for garbage in (b"", b"{", b"x" * 100_000):
        with pytest.raises(InvalidShare):
            guardians[0].import_share(garbage)
    assert guardians[0].held_shares() == []


def test_a_guardian_without_a_share_cannot_answer(
    people: tuple[Wallet, list[Wallet]], tmp_path: Path
) -> None:
    owner, guardians = people
    started = start_recovery(tmp_path / "new", owner.did, PASS)
    with pytest.raises(NotFound, match="no share"):
        guardians[0].answer_recovery(started.line)


def test_finish_without_a_start(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="No recovery under way"):
        finish_recovery(tmp_path / "empty", [], PASS)
