"""Finding wallets on the local network: DNS-SD over mDNS (`_vouch._tcp.local.`).

A wallet is invisible unless the user makes it visible. A visible wallet announces a random
instance name and host name chosen afresh for each session, and a TXT record with only the
protocol version: nothing on the network says whose wallet it is. Who it is becomes known only
inside the Noise channel, and only to a peer that completes the handshake.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import secrets
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any

import ifaddr
from zeroconf import (
    BadTypeInNameException,
    InterfaceChoice,
    IPVersion,
    NonUniqueNameException,
    ServiceStateChange,
    Zeroconf,
)
from zeroconf.asyncio import AsyncServiceBrowser, AsyncServiceInfo, AsyncZeroconf

from vouch.core.errors import PeerError

log = logging.getLogger(__name__)

SERVICE_TYPE = "_vouch._tcp.local."
TXT_VERSION = "1"
DEFAULT_VISIBLE_SECONDS = 300.0
Interfaces = InterfaceChoice | list[str]


@dataclass(frozen=True)
class VisibleWallet:
    """A wallet seen on the network. `name` is its random per-session instance name."""

    name: str
    host: str
    port: int


def random_instance_name() -> str:
    return f"vouch-{secrets.token_hex(6)}"


class Announcer:
    """Makes this wallet visible for a while. Visibility stops on `stop()` or after `timeout`."""

    def __init__(
        self,
        port: int,
        *,
        addresses: list[str] | None = None,
        timeout: float | None = DEFAULT_VISIBLE_SECONDS,
        interfaces: Interfaces = InterfaceChoice.All,
    ) -> None:
        self.port = port
        self.instance = random_instance_name()
        self.timeout = timeout
        self._addresses = addresses
        self._interfaces = interfaces
        self._zeroconf: AsyncZeroconf | None = None
        self._info: AsyncServiceInfo | None = None
        self._auto_stop: asyncio.TimerHandle | None = None
        self._stop_task: asyncio.Task[None] | None = None

    @property
    def visible(self) -> bool:
        return self._info is not None

    @property
    def service_name(self) -> str:
        return f"{self.instance}.{SERVICE_TYPE}"

    async def start(self) -> None:
        if self.visible:
            return
        addresses = self._addresses or local_addresses()
        info = AsyncServiceInfo(
            SERVICE_TYPE,
            self.service_name,
            port=self.port,
            properties={"v": TXT_VERSION},
            server=f"{self.instance}.local.",
            addresses=[ipaddress.ip_address(a).packed for a in addresses],
        )
        zc = AsyncZeroconf(interfaces=self._interfaces, ip_version=IPVersion.V4Only)
        try:
            await zc.async_register_service(info)
        except (NonUniqueNameException, BadTypeInNameException, OSError) as exc:
            await zc.async_close()
            raise PeerError("Could not make this wallet visible on the network.") from exc
        self._zeroconf, self._info = zc, info
        log.info("p2p: visible as %s on port %d", self.instance, self.port)
        if self.timeout is not None:
            loop = asyncio.get_running_loop()
            self._auto_stop = loop.call_later(self.timeout, self._expire)

    def _expire(self) -> None:
        self._stop_task = asyncio.get_running_loop().create_task(self.stop())

    async def stop(self) -> None:
        pending = self._stop_task
        if pending is not None and pending is not asyncio.current_task():
            self._stop_task = None
            await pending
        if self._auto_stop is not None:
            self._auto_stop.cancel()
            self._auto_stop = None
        zc, info = self._zeroconf, self._info
        self._zeroconf = self._info = None
        if zc is None or info is None:
            return
        await _to_the_end(_withdraw(zc, info))
        log.info("p2p: no longer visible")

    async def __aenter__(self) -> Announcer:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()


async def browse(
    timeout: float = 3.0, *, interfaces: Interfaces = InterfaceChoice.All
) -> list[VisibleWallet]:
    """Listen for `timeout` seconds and return the visible wallets found (sorted by name)."""
    zc = AsyncZeroconf(interfaces=interfaces, ip_version=IPVersion.V4Only)
    names: set[str] = set()

    def on_change(
        zeroconf: Zeroconf, service_type: str, name: str, state_change: ServiceStateChange
    ) -> None:
        if state_change is not ServiceStateChange.Removed:
            names.add(name)

    browser = AsyncServiceBrowser(zc.zeroconf, [SERVICE_TYPE], handlers=[on_change])
    try:
        await asyncio.sleep(timeout)
        found = [await _resolve(zc, name) for name in sorted(names)]
    finally:
        await _to_the_end(_stop_browsing(browser, zc))
    return [wallet for wallet in found if wallet is not None]


async def _stop_browsing(browser: AsyncServiceBrowser, zc: AsyncZeroconf) -> None:
    await browser.async_cancel()
    await zc.async_close()


async def _withdraw(zc: AsyncZeroconf, info: AsyncServiceInfo) -> None:
    with contextlib.suppress(OSError):
        await zc.async_unregister_service(info)
    await zc.async_close()


async def _to_the_end(closing: Coroutine[Any, Any, None]) -> None:
    """Run a clean-up to its end even when this task is cancelled (again) meanwhile.

    A search is cancelled when the page hides it and once more when the runtime stops; the
    second cancellation must not cut the closing of the multicast sockets short.
    """
    task = asyncio.ensure_future(closing)
    try:
        await asyncio.shield(task)
    except asyncio.CancelledError:
        await task
        raise


async def _resolve(zc: AsyncZeroconf, name: str) -> VisibleWallet | None:
    info = AsyncServiceInfo(SERVICE_TYPE, name)
    if not await info.async_request(zc.zeroconf, 2000):
        return None
    addresses = info.parsed_addresses(IPVersion.V4Only)
    if not addresses or info.port is None or info.properties.get(b"v") != TXT_VERSION.encode():
        return None
    instance = name[: -len(SERVICE_TYPE) - 1] if name.endswith(SERVICE_TYPE) else name
    return VisibleWallet(name=instance, host=addresses[0], port=int(info.port))


def local_addresses() -> list[str]:
    """This machine's IPv4 addresses, from its network interfaces (loopback if nothing else).

    Reads the interfaces themselves (through `ifaddr`, which zeroconf also uses) so that a
    machine without a default route, or whose host name does not resolve, still announces
    the addresses its neighbours can reach.
    """
    found: set[str] = set()
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if isinstance(ip.ip, str):
                found.add(ip.ip)
    routable = sorted(
        a for a in found if not (ipaddress.ip_address(a).is_loopback or a.startswith("169.254."))
    )
    return routable or ["127.0.0.1"]


def announce_addresses(listen_host: str) -> list[str]:
    """The addresses to announce for a server bound to `listen_host`."""
    if listen_host in ("", "0.0.0.0"):
        return local_addresses()
    return [listen_host]
