"""Syncing with someone far away: a wormhole link under the same Noise channel and session.

Three ways to meet: *invite* (a new code to read out), *join* (the code the other person read
out), and *meet* (a contact met before; both wallets derive the code for the current time slot
alone, see `wormhole.rendezvous`). The wormhole's PAKE checks the code; the Noise channel run
over the link is bound to a key derived from it, so it opens only between the two who shared
the code. That makes the code the pairing: no six digits to compare. A person met this way is
remembered as a contact verified by a shared code; a *meet* accepts only the contact it was for.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from vouch.core.identity import Identity
from vouch.exchange.p2p.service import SyncOptions, sync_over
from vouch.exchange.p2p.status import StatusCallback, SyncReport
from vouch.exchange.p2p.store import ReceiveSummary, SyncItem, SyncStore
from vouch.exchange.wormhole.link import (
    CodeExpired,
    OpenLink,
    WormholeLink,
    WormholeServers,
    finish_link,
)
from vouch.exchange.wormhole.rendezvous import rendezvous, seconds_left_in_slot

DEFAULT_FAR_SECONDS = 600.0  # how long an invitation or a meeting waits for the other person
SLOT_GRACE = 2.0  # a meeting stays on a slot's code a little past its end


class FarMode(StrEnum):
    INVITE = "invite"
    JOIN = "join"
    MEET = "meet"


@dataclass(frozen=True)
class FarPlan:
    """One far-away sync to make."""

    mode: FarMode
    servers: WormholeServers
    code: str = ""  # JOIN: the code typed
    peer_did: str = ""  # MEET: the contact to meet (my own did: another of my devices)
    seconds: float = DEFAULT_FAR_SECONDS
    devices: tuple[str, str] | None = None  # MEET another of my devices: (this one, that one)


@dataclass(frozen=True)
class FarWaiting:
    """A far-away sync waits for the other person: show the code (invite) or who (meet)."""

    connection: int
    mode: FarMode
    code: str  # INVITE: to read out; JOIN: as typed; MEET: "" (nothing to read out)
    peer_did: str | None  # MEET: the contact waited for
    until: float  # when it gives up, on the `time.monotonic()` clock

    def seconds_left(self) -> float:
        return max(0.0, self.until - time.monotonic())


class CodeVerifiedStore:
    """The wallet's store as a far-away sync sees it.

    A peer reached through a shared code is remembered as verified by that code (not in
    person). For a *meet*, only the contact it was for counts as known; anyone else is refused
    before anything about the wallets moves.
    """

    def __init__(self, store: SyncStore, expected_peer: str | None) -> None:
        self._store = store
        self._expected = expected_peer

    @property
    def identity(self) -> Identity:
        return self._store.identity

    def is_verified_peer(self, did: str) -> bool:
        if self._expected is not None:
            return did == self._expected
        return self._store.is_verified_peer(did)

    def remember_paired_peer(self, did: str) -> None:
        remember = getattr(self._store, "remember_code_peer", None)
        if callable(remember):
            remember(did)
        else:
            self._store.remember_paired_peer(did)

    def items_for_peer(self, peer_did: str) -> list[SyncItem]:
        return self._store.items_for_peer(peer_did)

    def receive_documents(self, peer_did: str, documents: list[bytes]) -> ReceiveSummary:
        return self._store.receive_documents(peer_did, documents)


def accept_code_peer(expected: str | None) -> Callable[[str, str], bool]:
    """The pairing answer for a far-away sync: the shared code already was the comparison."""

    def confirm(peer_did: str, _code: str) -> bool:
        return expected is None or peer_did == expected

    return confirm


async def sync_far(
    store: SyncStore,
    plan: FarPlan,
    *,
    on_waiting: Callable[[str, float], None],
    on_status: StatusCallback | None,
    options: SyncOptions,
    link_factory: Callable[[WormholeServers, float], WormholeLink] | None = None,
) -> SyncReport:
    """Open the link `plan` asks for, then sync over it. Raises `PeerError` subclasses.

    `on_waiting(code, until)` is called when there is something to show while waiting.
    """
    expected = plan.peer_did or None
    make = link_factory or (lambda servers, seconds: WormholeLink(servers, timeout=seconds))
    until = time.monotonic() + plan.seconds
    if plan.mode is FarMode.MEET:
        on_waiting("", until)
        opened, initiator, link = await _meet(store.identity, plan, until, make)
    else:
        link = make(plan.servers, plan.seconds)
        try:
            if plan.mode is FarMode.INVITE:
                opened = await link.invite(lambda code: on_waiting(code, until))
                initiator = False
            else:
                opened = await link.join(plan.code, lambda code: on_waiting(code, until))
                initiator = True
        except BaseException:
            await link.close()
            raise
    try:
        report = await sync_over(
            opened.reader,
            opened.writer,
            CodeVerifiedStore(store, expected),
            initiator=initiator,
            binding=opened.key,
            address="wormhole",
            confirm_pairing=accept_code_peer(expected),
            on_status=on_status,
            options=options,
        )
        await finish_link(opened, options.read_timeout)
        return report
    finally:
        await link.close()


async def _meet(
    identity: Identity,
    plan: FarPlan,
    until: float,
    make: Callable[[WormholeServers, float], WormholeLink],
) -> tuple[OpenLink, bool, WormholeLink]:
    """Wait on each time slot's derived code in turn until the contact comes or time is up."""
    while True:
        now = time.time()
        meeting = rendezvous(identity, plan.peer_did, now, plan.devices)
        left = until - time.monotonic()
        if left <= 0:
            raise CodeExpired(
                "The other person did not choose to sync with you in time. Try again together."
            )
        seconds = min(left, seconds_left_in_slot(now) + SLOT_GRACE)
        link = make(plan.servers, seconds)
        try:
            if meeting.invite:
                opened = await link.invite(lambda _code: None, code=meeting.code)
            else:
                opened = await link.join(meeting.code)
        except CodeExpired:
            await link.close()
            continue  # the slot ended: the next one's code
        except BaseException:
            await link.close()
            raise
        return opened, not meeting.invite, link
