"""Exchange with other wallets directly: the peer-to-peer runtime over this wallet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vouch.wallet.sync import SyncWallet, WalletSyncStore

if TYPE_CHECKING:  # the runtime (asyncio, zeroconf, Noise) is loaded by its first use
    from vouch.exchange.runtime import ExchangeConfig, ExchangeEvents, ExchangeRuntime


class ExchangeUseCases:
    def exchange(
        self: SyncWallet, events: ExchangeEvents, config: ExchangeConfig | None = None
    ) -> ExchangeRuntime:
        """A runtime that serves, announces, browses, pairs and syncs for this wallet.

        Nothing runs until the caller runs it (`run()`, in the thread that is to carry its
        loop); commands and answers may come from any thread. Events arrive on that thread.
        """
        from vouch.exchange.runtime import ExchangeRuntime

        return ExchangeRuntime(WalletSyncStore(self), events, config)
