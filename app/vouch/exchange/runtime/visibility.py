"""Being visible (serving and announcing for a while) and looking for wallets nearby."""

from __future__ import annotations

import asyncio
import functools
import time
from typing import TYPE_CHECKING

from vouch.core.errors import PeerError
from vouch.exchange.p2p.discovery import Announcer, VisibleWallet, announce_addresses, browse
from vouch.exchange.p2p.service import SyncServer
from vouch.exchange.runtime.records import Hidden, Listening

if TYPE_CHECKING:
    from vouch.exchange.runtime.engine import ExchangeRuntime

KEEP_ROUNDS = 3  # a wallet missed by this many browse rounds in a row leaves the list
DRAIN_SECONDS = 0.1  # how often a visibility that timed out looks whether its syncs are over


class Visibility:
    """One stretch of being visible: listen, announce, count down, then close everything."""

    def __init__(self, runtime: ExchangeRuntime) -> None:
        self._runtime = runtime
        self._hide = asyncio.Event()
        self.instance = ""  # the announced name, once announced

    def hide(self) -> None:
        self._hide.set()

    async def run(self) -> None:
        rt = self._runtime
        reason = Hidden.OFF
        server = SyncServer(rt.store, confirm_pairing=rt.confirmer(True), options=rt.config.options)
        server.on_status = functools.partial(rt.incoming_status, server)
        announcer: Announcer | None = None
        try:
            port = await self._listen(server)
            if port is None:
                reason = Hidden.ERROR
                return
            announcer = await self._announce(port)
            reason = await self._count_down()
            if announcer is not None:
                await announcer.stop()
                announcer = None
            if reason is Hidden.TIMEOUT:  # let a sync in progress finish rather than cut it
                while (syncing := rt.incoming_tasks()) and not self._hide.is_set():
                    await asyncio.wait(syncing, timeout=DRAIN_SECONDS)
        finally:
            if announcer is not None:
                await announcer.stop()
            await server.close()
            self.instance = ""
            rt.visibility_ended()
            rt.events.hidden(reason)

    async def _listen(self, server: SyncServer) -> int | None:
        rt = self._runtime
        config = rt.config
        try:
            port = await server.start(config.listen_host, config.listen_port)
        except OSError as exc:
            rt.events.problem(f"Cannot accept connections: {exc.strerror or exc}.")
            return None
        seconds = config.visible_seconds
        until = time.monotonic() + seconds
        rt.events.listening(Listening(config.listen_host, port, self._addresses(), seconds, until))
        return port

    async def _count_down(self) -> Hidden:
        try:
            async with asyncio.timeout(self._runtime.config.visible_seconds):
                await self._hide.wait()
        except TimeoutError:
            return Hidden.TIMEOUT
        return Hidden.OFF

    def _addresses(self) -> tuple[str, ...]:
        """Where others can reach this wallet: what is announced, and shown to be typed."""
        config = self._runtime.config
        return config.announce_addresses or tuple(announce_addresses(config.listen_host))

    async def _announce(self, port: int) -> Announcer | None:
        rt = self._runtime
        if not rt.config.announce:
            return None
        announcer = Announcer(
            port,
            addresses=list(self._addresses()),
            timeout=None,  # visibility ends announcing itself, together with serving
            interfaces=rt.config.interfaces,
        )
        try:
            await announcer.start()
        except PeerError as exc:
            rt.events.problem(f"{exc.message} Others can still connect by address.")
            return None
        self.instance = announcer.instance
        rt.events.announced(announcer.instance)
        return announcer


async def browse_forever(runtime: ExchangeRuntime) -> None:
    """Look for nearby wallets round after round and report the list after each round."""
    config = runtime.config
    seen: dict[str, tuple[VisibleWallet, int]] = {}  # name -> (wallet, round last seen)
    rounds = 0
    failed = False
    while True:
        try:
            found = await browse(config.browse_seconds, interfaces=config.interfaces)
        except OSError:
            if not failed:
                failed = True
                runtime.events.problem(
                    "Cannot look for nearby wallets on this network; connect by address."
                )
            await asyncio.sleep(config.browse_seconds)
            continue
        # mDNS answers get lost now and then: keep a wallet for a few rounds, no flicker.
        rounds += 1
        seen.update((w.name, (w, rounds)) for w in found)
        seen = {k: v for k, v in seen.items() if rounds - v[1] < KEEP_ROUNDS}
        mine = runtime.own_instance
        wallets = sorted((w for w, _ in seen.values() if w.name != mine), key=lambda w: w.name)
        runtime.events.wallets_found(tuple(wallets))
