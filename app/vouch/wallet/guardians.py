"""Social recovery: guardians who each keep a share of the identity seed."""

from __future__ import annotations

from vouch.wallet.core import WalletCore


class GuardianUseCases(WalletCore):
    """Hand out shares of the seed, keep shares for others, answer recovery requests."""
