"""The pairing question: a first contact waits while the person compares the six digits.

The protocol side awaits a future on the runtime's loop; the person's answer arrives from any
thread (a dialog, a terminal reader) through `PairingRequest.answer()`. The question stays open
for the sync's pairing timeout at most, and the loop keeps serving everyone else meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

Confirm = Callable[[str, str], Coroutine[Any, Any, bool]]


class Verdict(StrEnum):
    """How a pairing question ended."""

    ACCEPTED = "accepted"
    DECLINED = "declined"
    UNANSWERED = "unanswered"  # timed out, or the connection ended first


class _Reply:
    """The one answer to one question: settled on the loop, given from any thread."""

    def __init__(self, loop: asyncio.AbstractEventLoop, future: asyncio.Future[bool]) -> None:
        self._loop = loop
        self._future = future
        self.closed = threading.Event()

    def answer(self, accepted: bool) -> None:
        if self.closed.is_set():
            return
        with contextlib.suppress(RuntimeError):  # the loop is already gone: no one is waiting
            self._loop.call_soon_threadsafe(self._settle, accepted)

    def _settle(self, accepted: bool) -> None:
        if not self._future.done():
            self._future.set_result(accepted)


@dataclass(frozen=True, eq=False)
class PairingRequest:
    """A first contact waiting for the person to compare the code. `answer()` from any thread."""

    connection: int
    peer_did: str
    sas: str
    incoming: bool
    seconds: float  # how long the question stays open at most
    until: float  # when it closes unanswered, on the `time.monotonic()` clock
    _reply: _Reply = field(repr=False)

    def answer(self, accepted: bool) -> None:
        """Say whether the codes match; ignored once the question is closed."""
        self._reply.answer(accepted)

    @property
    def is_open(self) -> bool:
        return not self._reply.closed.is_set()

    def wait_closed(self, timeout: float | None = None) -> bool:
        """Block (not on the loop!) until the question closes; False if `timeout` passed first."""
        return self._reply.closed.wait(timeout)


class Pairing:
    """Asks about first contacts for the runtime and remembers how each question ended."""

    def __init__(
        self,
        seconds: float,
        on_request: Callable[[PairingRequest], None],
        on_withdrawn: Callable[[PairingRequest], None],
    ) -> None:
        self.seconds = seconds
        self._on_request = on_request
        self._on_withdrawn = on_withdrawn
        self._verdicts: dict[int, Verdict] = {}

    def confirmer(self, incoming: bool, connection_of: Callable[[str], int]) -> Confirm:
        """The `ConfirmPairing` callback; `connection_of(peer_did)` says which connection asks."""

        def confirm(peer_did: str, sas: str) -> Coroutine[Any, Any, bool]:
            return self._ask(connection_of(peer_did), peer_did, sas, incoming)

        return confirm

    def verdict(self, connection: int) -> Verdict | None:
        """How the question on `connection` ended (None: none was asked); forgets it."""
        return self._verdicts.pop(connection, None)

    async def _ask(self, connection: int, peer_did: str, sas: str, incoming: bool) -> bool:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[bool] = loop.create_future()
        reply = _Reply(loop, future)
        until = time.monotonic() + self.seconds
        request = PairingRequest(connection, peer_did, sas, incoming, self.seconds, until, reply)
        self._verdicts[connection] = Verdict.UNANSWERED
        self._on_request(request)
        try:
            async with asyncio.timeout(self.seconds):
                accepted = await future
        except TimeoutError:
            return False
        finally:
            reply.closed.set()
            self._on_withdrawn(request)
        self._verdicts[connection] = Verdict.ACCEPTED if accepted else Verdict.DECLINED
        return accepted


def failure_reason(verdict: Verdict | None, seconds: float, message: str) -> str:
    """Why an incoming attempt failed, in words for the person who owns this wallet."""
    if verdict is Verdict.UNANSWERED:
        return f"Nobody confirmed the code within {seconds:g} seconds, so it was declined."
    if verdict is Verdict.DECLINED:
        return "It was declined on this wallet."
    return message or "The connection closed before the wallets could sync."
