"""Recovery on a new device, before any wallet exists: start a request, finish with answers.

The temporary state lives in the (future) wallet folder, its private key sealed with the
passphrase given at start (see `vouch.core.recovery.pending` for why), and is deleted once the
wallet is created.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

from vouch.core.errors import InvalidInput, NotFound, VouchError, WalletExists
from vouch.core.fsutil import atomic_write
from vouch.core.identity import Identity, public_key_from_did, recovery_phrase_from_seed
from vouch.core.recovery import answer, combine, pending, wire
from vouch.core.recovery.envelope import looks_like_share
from vouch.core.recovery.records import RecoveryStarted
from vouch.wallet.core import check_passphrase_strength
from vouch.wallet.facade import Wallet
from vouch.wallet.home import FOLDER_MODE, WalletFiles, kdf_cost_from_environment

__all__ = [
    "finish_recovery",
    "looks_like_answer",
    "looks_like_share",
    "pending_recovery",
    "recovery_progress",
    "start_recovery",
]

looks_like_answer = answer.looks_like_answer


def _state_path(home: Path) -> Path:
    return home / pending.PENDING_NAME


def start_recovery(
    home: Path, did: str, passphrase: str, *, replace: bool = False
) -> RecoveryStarted:
    """A one-time request for `did`, its state kept in `home` (a folder with no wallet)."""
    did = did.strip()
    public_key_from_did(did)
    if WalletFiles(home).exists():
        raise WalletExists(f"A wallet already exists in {home}; recover into an empty folder.")
    state = _state_path(home)
    if state.exists() and not replace:
        raise InvalidInput(
            f"A recovery is already under way in {home}. To start over, use --new "
            "(answers made for the earlier request will no longer work there)."
        )
    check_passphrase_strength(passphrase)
    made = pending.start(did, passphrase, kdf_cost_from_environment(), wire.now_text())
    try:
        home.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    except OSError as exc:
        raise VouchError(f"Cannot create the folder {home}: {exc.strerror}.") from exc
    atomic_write(state, made.to_bytes())
    return _started(made)


def pending_recovery(home: Path) -> RecoveryStarted:
    """The request under way in `home` (to show its line and check words again)."""
    return _started(_read_state(home))


def recovery_progress(home: Path, answers: Sequence[bytes]) -> tuple[int, int]:
    """(answers, needed) for the request under way in `home`, without the passphrase: read
    from the owner-signed envelopes in the answers (a bad answer raises its error)."""
    request = _read_state(home).request
    found = [e for data in answers for e in answer.answer_envelopes(data, request)]
    return combine.answered(found)


def finish_recovery(home: Path, answers: Sequence[bytes], passphrase: str) -> Wallet:
    """Combine the guardians' answers, check the did, create the wallet, forget the state.

    Nothing is created unless the answers give back exactly the did that was asked for.
    """
    made = _read_state(home)
    if WalletFiles(home).exists():
        raise WalletExists(f"A wallet already exists in {home}.")
    private_key = made.private_key(passphrase)
    shares = [
        share for data in answers for share in answer.open_answer(data, made.request, private_key)
    ]
    seed = combine.recover_seed(shares, made.request.did)
    wallet = Wallet.create(home, passphrase, recovery_phrase=recovery_phrase_from_seed(seed))
    if wallet.did != Identity(seed).did:  # pragma: no cover - Wallet.create keeps the seed
        wallet.lock()
        raise VouchError("The recovered wallet does not hold the expected identity.")
    with contextlib.suppress(OSError):
        _state_path(home).unlink()
    return wallet


def _read_state(home: Path) -> pending.PendingRecovery:
    state = _state_path(home)
    try:
        with state.open("rb") as handle:
            data = handle.read(pending.MAX_PENDING_BYTES + 1)
    except FileNotFoundError as exc:
        raise NotFound(
            f"No recovery under way in {home}: start one with 'vouch recover start --for DID'."
        ) from exc
    except OSError as exc:
        raise VouchError(f"Cannot read {state}: {exc.strerror}.") from exc
    return pending.read_pending(data)


def _started(made: pending.PendingRecovery) -> RecoveryStarted:
    request = made.request
    return RecoveryStarted(
        request.did, request.line, request.request_id, request.check_words, request.created
    )
