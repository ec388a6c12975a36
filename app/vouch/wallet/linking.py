"""Linking devices, as use cases: offer this wallet to a new device, or join an existing one.

The protocol is `vouch.exchange.runtime.linking`; this module gives it the wallet's side (the
sync store, this device's id and name) and, on a new device, creates the wallet only once the
identity has arrived and checked out.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from vouch.core.errors import WalletExists
from vouch.core.identity import Identity
from vouch.exchange.p2p.service import SyncOptions
from vouch.exchange.p2p.status import StatusCallback
from vouch.exchange.runtime.linking import (
    DEFAULT_LINK_SECONDS,
    Confirm,
    LinkFactory,
    LinkReport,
    join_link,
    offer_link,
)
from vouch.exchange.wormhole.link import WormholeServers, normalise_code
from vouch.wallet.core import OsKeyKeeper, check_passphrase_strength
from vouch.wallet.facade import Wallet
from vouch.wallet.sync import WalletSyncStore

__all__ = ["LinkReport", "join_existing_wallet", "link_new_device"]


async def link_new_device(
    wallet: Wallet,
    servers: WormholeServers,
    *,
    on_code: Callable[[str], None],
    on_safety_code: Callable[[str], None],
    confirm: Confirm,
    on_status: StatusCallback | None = None,
    options: SyncOptions | None = None,
    seconds: float = DEFAULT_LINK_SECONDS,
    link_factory: LinkFactory | None = None,
) -> LinkReport:
    """On the existing device: a code for the new one; the identity goes once codes match."""
    return await offer_link(
        wallet,
        WalletSyncStore(wallet),
        servers,
        on_code=on_code,
        on_safety_code=on_safety_code,
        confirm=confirm,
        on_status=on_status,
        options=options,
        seconds=seconds,
        link_factory=link_factory,
    )


async def join_existing_wallet(
    home: Path,
    passphrase: str,
    code: str,
    servers: WormholeServers,
    *,
    on_safety_code: Callable[[str], None],
    on_status: StatusCallback | None = None,
    options: SyncOptions | None = None,
    seconds: float = DEFAULT_LINK_SECONDS,
    os_unlock: OsKeyKeeper | None = None,
    link_factory: LinkFactory | None = None,
) -> LinkReport:
    """On the new device, in a folder with no wallet: become another device of that wallet.

    Everything a person can get wrong is checked before any server is contacted: the folder,
    the passphrase's strength and the code's form.
    """
    if Wallet.exists(home):
        raise WalletExists(f"A wallet already exists in {home}; link into an empty folder.")
    check_passphrase_strength(passphrase)
    code = normalise_code(code)
    created: list[Wallet] = []

    def create(identity: Identity) -> tuple[Wallet, WalletSyncStore]:
        wallet = Wallet.create(
            home, passphrase, recovery_phrase=identity.recovery_phrase, os_unlock=os_unlock
        )
        created.append(wallet)
        return wallet, WalletSyncStore(wallet)

    try:
        return await join_link(
            code,
            servers,
            create,
            on_safety_code=on_safety_code,
            on_status=on_status,
            options=options,
            seconds=seconds,
            link_factory=link_factory,
        )
    finally:
        for wallet in created:
            wallet.lock()
