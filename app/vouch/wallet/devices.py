"""My devices: linking a second device, and the change records that keep devices alike."""

from __future__ import annotations

from vouch.wallet.core import WalletCore


class DeviceUseCases(WalletCore):
    """This device's id and name, the other devices I know, and the merge of their changes."""
