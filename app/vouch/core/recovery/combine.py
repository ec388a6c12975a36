"""From opened answers back to the seed: choose one hand-out, combine, check the did.

A guardian may hold shares of several hand-outs (splits) of the same seed: shares already
given keep working after a new split. Shares of different splits never combine (SLIP-39
refuses them, and a chance match of its 15-bit ids would give a wrong secret), so the answers
are grouped by split and a split with enough shares is used. SLIP-39 can give a wrong secret
without any error for some wrong share sets; the seed is used only if it gives the did that
was asked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from vouch.core.identity import Identity
from vouch.core.recovery import slip39
from vouch.core.recovery.answer import OpenedShare
from vouch.core.recovery.envelope import Envelope
from vouch.core.recovery.errors import RecoveryFailed


@dataclass(frozen=True)
class SplitProgress:
    """How far the answers go for one hand-out: `have` distinct shares of `threshold`."""

    split: str
    threshold: int
    have: int
    guardians: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return self.have >= self.threshold


def progress(shares: Iterable[OpenedShare]) -> list[SplitProgress]:
    """One entry per split, the most complete first."""
    by_split = _by_split(shares)
    found = [
        SplitProgress(
            split,
            next(iter(chosen.values())).threshold,
            len(chosen),
            tuple(sorted({s.guardian for s in chosen.values()})),
        )
        for split, chosen in by_split.items()
    ]
    return sorted(found, key=lambda p: (not p.complete, p.threshold - p.have, p.split))


def answered(envelopes: Iterable[Envelope]) -> tuple[int, int]:
    """(shares, needed) for the most complete hand-out among signed envelopes (0, 0 if none)."""
    groups: dict[str, tuple[int, set[int]]] = {}
    for envelope in envelopes:
        _threshold, indexes = groups.setdefault(envelope.split, (envelope.threshold, set()))
        indexes.add(envelope.index)
    if not groups:
        return 0, 0
    counts = [(len(indexes), threshold) for threshold, indexes in groups.values()]
    return max(counts, key=lambda c: (c[0] >= c[1], c[0] - c[1]))


def _by_split(shares: Iterable[OpenedShare]) -> dict[str, dict[int, OpenedShare]]:
    """Shares grouped by split, one per share number (the same share twice counts once)."""
    grouped: dict[str, dict[int, OpenedShare]] = {}
    for share in shares:
        group = grouped.setdefault(share.split, {})
        known = next(iter(group.values()), None)
        if known is not None and known.threshold != share.threshold:
            raise RecoveryFailed("Two answers disagree about the same hand-out of shares.")
        group.setdefault(share.index, share)
    return grouped


def recover_seed(shares: Iterable[OpenedShare], did: str) -> bytes:
    """The seed of `did` from the shares, or `RecoveryFailed` that says what is missing."""
    listed = list(shares)
    if not listed:
        raise RecoveryFailed("No answers yet: add the answers your guardians sent you.")
    by_split = _by_split(listed)
    states = progress(listed)
    best = states[0]
    if not best.complete:
        raise RecoveryFailed(_not_enough(states))
    chosen = list(by_split[best.split].values())[: best.threshold]
    seed = slip39.combine_shares([share.words for share in chosen])
    if len(seed) != 32 or Identity(seed).did != did:
        raise RecoveryFailed(
            "These answers give another identity than the one asked for; nothing was created."
        )
    return seed


def _not_enough(states: list[SplitProgress]) -> str:
    best = states[0]
    text = (
        f"Not enough answers: {best.have} of the {best.threshold} needed; "
        "ask more guardians to answer this request. Nothing was created."
    )
    if len(states) > 1:
        text = (
            f"These answers come from {len(states)} different hand-outs of shares, which "
            f"cannot be mixed; the most complete has {best.have} of the {best.threshold} "
            "needed. Ask more guardians of one hand-out. Nothing was created."
        )
    return text
