"""mDNS announce and browse, confined to the loopback interface."""

from __future__ import annotations

import asyncio

import pytest
from zeroconf.asyncio import AsyncServiceInfo, AsyncZeroconf

from vouch.core.errors import PeerError
from vouch.core.identity import Identity
from vouch.exchange.p2p.discovery import SERVICE_TYPE, Announcer, announce_addresses, browse

LOOPBACK = ["127.0.0.1"]


async def start_or_skip(announcer: Announcer) -> None:
    """Skip only when zeroconf cannot use the loopback interface for multicast here."""
    try:
        await announcer.start()
    except PeerError as exc:
        pytest.skip(f"zeroconf reports no usable interface: {exc.__cause__!r}")


def test_visible_wallet_is_found_with_only_a_version_in_txt() -> None:
    identity = Identity.generate()

    async def scenario() -> None:
        announcer = Announcer(45678, addresses=LOOPBACK, interfaces=LOOPBACK, timeout=30)
        await start_or_skip(announcer)
        try:
            found = await browse(1.5, interfaces=LOOPBACK)
            mine = [w for w in found if w.name == announcer.instance]
            assert len(mine) == 1
            assert (mine[0].host, mine[0].port) == ("127.0.0.1", 45678)
            zc = AsyncZeroconf(interfaces=LOOPBACK)
            info = AsyncServiceInfo(SERVICE_TYPE, announcer.service_name)
            assert await info.async_request(zc.zeroconf, 2000)
            await zc.async_close()
            assert info.properties == {b"v": b"1"}
            assert identity.did not in announcer.service_name
            assert (info.server or "").startswith(announcer.instance)
        finally:
            await announcer.stop()
        assert not announcer.visible

    asyncio.run(scenario())


def test_instance_names_are_random_per_session() -> None:
    names = {Announcer(1).instance for _ in range(20)}
    assert len(names) == 20
    assert all(name.startswith("vouch-") and len(name) == 18 for name in names)


def test_visibility_stops_by_itself() -> None:
    async def scenario() -> None:
        announcer = Announcer(45679, addresses=LOOPBACK, interfaces=LOOPBACK, timeout=0.2)
        await start_or_skip(announcer)
        assert announcer.visible
        for _ in range(50):
            await asyncio.sleep(0.1)
            if not announcer.visible:
                break
        assert not announcer.visible
        found = await browse(1.0, interfaces=LOOPBACK)
        assert announcer.instance not in [w.name for w in found]
        await announcer.stop()  # stopping twice is harmless

    asyncio.run(scenario())


def test_a_server_bound_to_one_address_announces_that_address() -> None:
    assert announce_addresses("10.1.2.3") == ["10.1.2.3"]


def test_a_wildcard_server_announces_the_interface_addresses() -> None:
    import ifaddr

    mine = {ip.ip for adapter in ifaddr.get_adapters() for ip in adapter.ips}
    announced = announce_addresses("0.0.0.0")
    assert announced and set(announced) <= mine | {"127.0.0.1"}
    routable = {a for a in mine if isinstance(a, str) and not a.startswith(("127.", "169.254."))}
    assert set(announced) == (routable or {"127.0.0.1"})
