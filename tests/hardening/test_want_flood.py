"""A paired but hostile peer flooding a serving wallet with ids to want: real sockets and store.

The hostile peer is a verified contact. It plays the reconciliation by the answer rules (an id
list only where the wallet sent a fingerprint, "you lack" only where the wallet listed ids, a
fresh wrong fingerprint somewhere to keep the talk going) but fills every list with ~25 000
random ids the wallet does not have, round after round. Before the fix the wallet kept every such
id for the whole session (2 000 rounds of 1 MiB: about 10 GB).

Measured while the session is still open: the ids the wallet requested (`items_expected` in its
status) and the bytes still allocated by `session.py` and `reconcile.py` (tracemalloc). With the
per-session cap both stay bounded; the control lifts the cap and the same harness sees them grow
with the flood.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "p2p"))
from p2p_memory_store import MemoryStore, make_document

from vouch.exchange.p2p import reconcile, session
from vouch.exchange.p2p.channel import Credentials, SecureChannel, open_channel
from vouch.exchange.p2p.codes import Code, frame, split
from vouch.exchange.p2p.framing import FramedStream
from vouch.exchange.p2p.pairing import ChannelUp, PairingMachine, Received
from vouch.exchange.p2p.reconcile import (
    INFINITE_BOUND,
    Key,
    Mode,
    decode_message,
    encode_message,
)
from vouch.exchange.p2p.service import SyncOptions, SyncServer
from vouch.exchange.p2p.session import SessionConfig
from vouch.exchange.p2p.status import SyncStatus

CAP = 10_000
FLOOD = 150_000  # ids offered in total
PER_MESSAGE = 25_000  # ids per message (~800 KB, under the 1 MiB cap)
BYTES_PER_ID = 250  # generous: a 32-byte bytes object and its share of two sets (~170 B)
BASELINE = 2 * 1024 * 1024  # the session's own index of the wallet's 2000 items, and slack
BOUND = CAP * BYTES_PER_ID + BASELINE
Ranges = list[tuple[Key, Mode, object]]


def random_ids(count: int) -> tuple[bytes, ...]:
    blob = os.urandom(32 * count)
    return tuple(blob[i : i + 32] for i in range(0, len(blob), 32))


def wrong_fingerprint() -> bytes:
    return os.urandom(16)


def hostile_reply(theirs: Ranges) -> tuple[bytes, int]:
    """Answer every range the rules allow with a long list; keep one fingerprint going."""
    lists = [n for n, (_, mode, _) in enumerate(theirs) if mode in (Mode.FINGERPRINT, Mode.ID_LIST)]
    keep_going = lists[0] if len(lists) == len(theirs) else None
    share = PER_MESSAGE // max(1, len(lists) - (keep_going is not None))
    out: Ranges = []
    sent = 0
    for n, (bound, mode, _) in enumerate(theirs):
        if n == keep_going or mode in (Mode.SKIP, Mode.YOU_LACK):
            out.append((bound, Mode.FINGERPRINT, wrong_fingerprint()))
            continue
        ids = random_ids(share)
        sent += len(ids)
        answer = Mode.ID_LIST if mode is Mode.FINGERPRINT else Mode.YOU_LACK
        out.append((bound, answer, ids))
    return encode_message(out), sent


async def pair_as_contact(channel: SecureChannel) -> None:
    machine = PairingMachine(initiator=True)
    step = machine.handle(ChannelUp("did:key:victim", True, channel.handshake_hash))
    while step.verdict is None:
        for message in step.outgoing:
            await channel.send(message)
        step = machine.handle(Received(await channel.recv()))
    for message in step.outgoing:
        await channel.send(message)
    assert step.verdict.accepted


async def flood(port: int, me: MemoryStore) -> tuple[int, int]:
    """Connect, pair, flood until FLOOD ids were offered; (rounds, bytes the wallet holds)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    stream = FramedStream(reader, writer, max_frame=65535, read_timeout=30.0)
    try:
        return await flood_over(stream, me)
    finally:
        await stream.close()


async def flood_over(stream: FramedStream, me: MemoryStore) -> tuple[int, int]:
    channel = await open_channel(stream, Credentials.from_identity(me.identity), initiator=True)
    await pair_as_contact(channel)
    opening = encode_message([(INFINITE_BOUND, Mode.FINGERPRINT, wrong_fingerprint())])
    await channel.send(frame(Code.RECON, opening))
    offered = rounds = 0
    while offered < FLOOD:
        code, body = split(await channel.recv())
        if code is not Code.RECON:
            continue  # WANTs for ids nobody has: ignored
        message, sent = hostile_reply(decode_message(body))
        await channel.send(frame(Code.RECON, message))
        offered += sent
        rounds += 1
    await asyncio.sleep(0.5)  # let the wallet digest the last message
    return rounds, held_bytes()  # measured while the session is still open


def held_bytes() -> int:
    """Bytes still allocated from the session and reconciliation modules."""
    files = {Path(reconcile.__file__).resolve(), Path(session.__file__).resolve()}
    snapshot = tracemalloc.take_snapshot()
    return sum(
        stat.size
        for stat in snapshot.statistics("filename")
        if Path(stat.traceback[0].filename).resolve() in files
    )


def run_flood(cap: int) -> tuple[int, int, int]:
    """(ids the wallet requested, bytes held by its session, rounds) under a flood."""
    victim, hostile = MemoryStore(), MemoryStore()
    victim.add(*(make_document(n, 1_650_000_000 + n * 13) for n in range(2000)))
    victim.verified.add(hostile.identity.did)
    statuses: list[SyncStatus] = []
    options = SyncOptions(session=SessionConfig(max_wanted_ids=cap))

    async def scenario() -> tuple[int, int, int]:
        server = SyncServer(victim, on_status=statuses.append, options=options)
        port = await server.start("127.0.0.1", 0)
        tracemalloc.start()
        try:
            rounds, held = await asyncio.wait_for(flood(port, hostile), 60.0)
        finally:
            tracemalloc.stop()
            await server.close()
        requested = max(s.items_expected for s in statuses)
        return requested, held, rounds

    return asyncio.run(scenario())


def test_a_flooding_peer_cannot_make_the_wallet_hold_more_than_the_cap() -> None:
    requested, held, rounds = run_flood(CAP)
    assert rounds >= FLOOD // PER_MESSAGE  # the flood really went on for several rounds
    assert requested == CAP
    assert held < BOUND


def test_control_without_the_cap_the_same_flood_is_held() -> None:
    requested, held, _ = run_flood(10**9)
    assert requested >= FLOOD * 0.9
    assert held > 3 * BOUND  # the harness sees memory grow with the flood


def test_the_default_cap_bounds_a_session_to_tens_of_megabytes() -> None:
    assert SessionConfig().max_wanted_ids * BYTES_PER_ID <= 32 * 1024 * 1024
