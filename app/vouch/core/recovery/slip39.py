"""The seed in K-of-N shares with SLIP-39 (the `shamir-mnemonic` reference implementation).

One group, K of N members. The SLIP-39 passphrase is left empty: a share set must rebuild the
seed without anything else to remember, and the did check after combining (see `combine`)
catches a share set that gives another seed. The iteration exponent is 0 (the smallest
PBKDF2 cost): with an empty passphrase that encryption step protects nothing, so its cost
would only slow every recovery down.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import shamir_mnemonic
from shamir_mnemonic import MnemonicError, Share

from vouch.core.recovery.errors import InvalidShare, RecoveryFailed

MIN_THRESHOLD = 2
MAX_SHARES = 16  # SLIP-39's limit on the members of a group
DEFAULT_THRESHOLD = 3
DEFAULT_SHARES = 5
MAX_MNEMONIC_CHARS = 600  # 33 words of at most 8 letters, with spaces
ITERATION_EXPONENT = 0


@dataclass(frozen=True)
class ShareInfo:
    """What a share says about itself (its words are checked by their RS1024 checksum)."""

    identifier: int  # SLIP-39's 15-bit id: the same for every share of one split
    index: int  # 1..16, this share's number in its split
    threshold: int  # how many shares of the split rebuild the seed


def check_split(threshold: int, count: int) -> None:
    """K of N as Vouch allows it: 2 <= K <= N <= 16."""
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"the threshold must be at least {MIN_THRESHOLD}")
    if threshold > count:
        raise ValueError("the threshold must not exceed the number of shares")
    if count > MAX_SHARES:
        raise ValueError(f"at most {MAX_SHARES} shares")


def split_seed(seed: bytes, threshold: int, count: int) -> list[str]:
    """`count` mnemonics, any `threshold` of which give `seed` back; share i is list item i-1."""
    check_split(threshold, count)
    groups = shamir_mnemonic.generate_mnemonics(
        1, [(threshold, count)], seed, b"", extendable=True, iteration_exponent=ITERATION_EXPONENT
    )
    return list(groups[0])


def read_share(mnemonic: str) -> ShareInfo:
    """The share's own data, or `InvalidShare` (a typo breaks its checksum)."""
    if not isinstance(mnemonic, str) or len(mnemonic) > MAX_MNEMONIC_CHARS:
        raise InvalidShare("The share is damaged.")
    try:
        share = Share.from_mnemonic(mnemonic)
    except MnemonicError as exc:
        raise InvalidShare(f"The share is damaged: {_reason(exc)}") from exc
    if share.group_count != 1 or share.group_threshold != 1:
        raise InvalidShare("The share is not one Vouch makes (it has several groups).")
    return ShareInfo(share.identifier, share.index + 1, share.member_threshold)


def combine_shares(mnemonics: Sequence[str], passphrase: bytes = b"") -> bytes:
    """The secret behind the shares, or `RecoveryFailed` saying why not."""
    try:
        return bytes(shamir_mnemonic.combine_mnemonics(list(mnemonics), passphrase))
    except MnemonicError as exc:
        raise RecoveryFailed(f"The shares do not fit together: {_reason(exc)}") from exc


def _reason(exc: MnemonicError) -> str:
    text = str(exc).strip() or "unknown reason"
    return text if text.endswith(".") else text + "."
