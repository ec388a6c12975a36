"""The wormhole helper process against real local mailbox and transit servers (no internet)."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.wormhole_servers import LocalServers, free_port, local_wormhole_servers
from vouch.exchange.wormhole.link import (
    CodeExpired,
    CodeTaken,
    InvalidCode,
    MailboxUnreachable,
    OpenLink,
    WormholeError,
    WormholeLink,
    WormholeServers,
    WrongCode,
    normalise_code,
)


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServers]:
    with local_wormhole_servers(tmp_path_factory.mktemp("wormhole")) as running:
        yield running


async def _pair(
    servers: WormholeServers, payload: bytes = b"ping"
) -> tuple[OpenLink, OpenLink, bytes, bytes]:
    """Invite and join over the servers; each side sends `payload` and reads the other's."""
    codes: asyncio.Queue[str] = asyncio.Queue()

    async def side(link: WormholeLink, join: bool) -> tuple[OpenLink, bytes]:
        opened = await (link.join(await codes.get()) if join else link.invite(codes.put_nowait))
        opened.writer.write(len(payload).to_bytes(4, "big") + payload)
        await opened.writer.drain()
        size = int.from_bytes(await opened.reader.readexactly(4), "big")
        return opened, await opened.reader.readexactly(size)

    async with WormholeLink(servers, timeout=30) as a, WormholeLink(servers, timeout=30) as b:
        (one, got_one), (two, got_two) = await asyncio.gather(side(a, False), side(b, True))
    return one, two, got_one, got_two


def test_invite_and_join_splice_one_channel_with_one_key(servers: LocalServers) -> None:
    one, two, got_one, got_two = asyncio.run(_pair(servers.servers()))
    assert got_one == got_two == b"ping"
    assert one.key == two.key and len(one.key) == 32
    assert one.code == two.code
    assert len(one.code.split("-")) >= 4  # a nameplate and at least three words


def test_relay_only_carries_the_bytes_through_the_transit_relay(servers: LocalServers) -> None:
    before = sum(total for _result, total in servers.relayed())
    payload = os.urandom(200_000)
    _one, _two, got_one, got_two = asyncio.run(_pair(servers.servers(relay_only=True), payload))
    assert got_one == got_two == payload
    relayed = sum(total for _result, total in servers.relayed()) - before
    assert relayed >= 2 * len(payload)  # both directions went through the relay


def test_a_wrong_code_fails_on_both_sides(servers: LocalServers) -> None:
    async def run() -> list[BaseException | OpenLink]:
        codes: asyncio.Queue[str] = asyncio.Queue()
        async with (
            WormholeLink(servers.servers(), timeout=20) as a,
            WormholeLink(servers.servers(), timeout=20) as b,
        ):

            async def wrong() -> OpenLink:
                nameplate = (await codes.get()).split("-")[0]
                return await b.join(f"{nameplate}-not-the-words")

            return await asyncio.gather(a.invite(codes.put_nowait), wrong(), return_exceptions=True)

    results = asyncio.run(run())
    assert [type(r) for r in results] == [WrongCode, WrongCode]


def test_a_spent_code_gives_a_third_person_nothing(servers: LocalServers) -> None:
    async def run() -> BaseException | None:
        codes: asyncio.Queue[str] = asyncio.Queue()
        async with (
            WormholeLink(servers.servers(), timeout=20) as a,
            WormholeLink(servers.servers(), timeout=20) as b,
            WormholeLink(servers.servers(), timeout=2) as c,
        ):
            first = asyncio.create_task(a.invite(codes.put_nowait))
            code = await codes.get()
            await asyncio.gather(first, b.join(code))
            try:
                await c.join(code)
            except WormholeError as exc:
                return exc
        return None

    # The nameplate was released once the two met: the third waits alone and gives up.
    assert isinstance(asyncio.run(run()), CodeExpired | CodeTaken)


def test_nobody_waiting_with_a_code_is_a_clear_error(servers: LocalServers) -> None:
    async def run() -> None:
        async with WormholeLink(servers.servers(), timeout=2) as link:
            await link.join("98765-nobody-is-here")

    with pytest.raises(CodeExpired):
        asyncio.run(run())


def test_an_unreachable_mailbox_is_a_clear_error() -> None:
    down = WormholeServers(f"ws://127.0.0.1:{free_port()}/v1", "")

    async def run() -> None:
        async with WormholeLink(down, connect_timeout=2) as link:
            await link.join("5-any-three-words")

    with pytest.raises(MailboxUnreachable, match="Could not reach the mailbox server"):
        asyncio.run(run())


def test_closing_while_waiting_ends_the_helper(servers: LocalServers) -> None:
    async def run() -> int | None:
        link = WormholeLink(servers.servers(), timeout=60)
        codes: asyncio.Queue[str] = asyncio.Queue()
        waiting = asyncio.create_task(link.invite(codes.put_nowait))
        await codes.get()
        process = link._process
        waiting.cancel()
        await asyncio.gather(waiting, return_exceptions=True)
        await link.close()
        assert process is not None
        return process.returncode

    assert asyncio.run(run()) is not None  # the helper has ended and was waited for


def test_a_helper_that_dies_is_a_clear_error(servers: LocalServers, tmp_path: Path) -> None:
    script = tmp_path / "dies.py"
    script.write_text("import sys; sys.exit(3)\n")

    async def run() -> None:
        async with WormholeLink(servers.servers(), command=["python3", str(script)]) as link:
            await link.join("5-any-three-words")

    with pytest.raises(WormholeError, match="stopped unexpectedly"):
        asyncio.run(run())


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("7-guitarist-revenge-ab", "7-guitarist-revenge-ab"),
        (" 7 Guitarist revenge ab ", "7-guitarist-revenge-ab"),
    ],
)
def test_codes_are_normalised_as_typed(typed: str, code: str) -> None:
    assert normalise_code(typed) == code


@pytest.mark.parametrize("typed", ["", "guitarist-revenge", "7", "7-a", "7-<b>-x", "x-y-z-w"])
def test_what_is_not_a_code_is_refused_before_anything_starts(typed: str) -> None:
    with pytest.raises(InvalidCode):
        normalise_code(typed)


def test_the_packaged_entry_point_runs_the_helper_as_a_hidden_command(
    servers: LocalServers,
) -> None:
    """The bundled executables start the helper as `vouch __wormhole-bridge` (no `python -m`)."""
    entry = Path(__file__).parents[2] / "packaging" / "entry" / "vouch_cli.py"
    packaged = [sys.executable, str(entry), "__wormhole-bridge"]

    async def run() -> tuple[bytes, bytes]:
        codes: asyncio.Queue[str] = asyncio.Queue()
        async with (
            WormholeLink(servers.servers(), command=packaged) as a,
            WormholeLink(servers.servers()) as b,
        ):
            one, two = await asyncio.gather(a.invite(codes.put_nowait), _join_next(b, codes))
            one.writer.write(b"x")
            await one.writer.drain()
            return one.key, await two.reader.readexactly(1) + two.key

    key, received = asyncio.run(run())
    assert received == b"x" + key


async def _join_next(link: WormholeLink, codes: asyncio.Queue[str]) -> OpenLink:
    return await link.join(await codes.get())
