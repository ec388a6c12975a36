"""`ExchangeRuntime`: one asyncio loop that serves, announces, browses, pairs and syncs.

The loop runs in whichever thread calls `run()` (a GUI worker job, or the CLI's main thread).
Commands (`set_visible`, `connect`, `cancel`, ...) may be given from any thread: they are queued
and run on the loop. Everything the loop has to say goes to an `ExchangeEvents` object.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import itertools
import threading
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from vouch.core.errors import VouchError
from vouch.exchange.p2p.service import SyncServer, sync_with
from vouch.exchange.p2p.status import (
    ConfirmPairing,
    StatusCallback,
    SyncPhase,
    SyncReport,
    SyncStatus,
)
from vouch.exchange.p2p.store import SyncStore
from vouch.exchange.runtime.faraway import FarPlan, FarWaiting, sync_far
from vouch.exchange.runtime.guard import GuardedStore, SyncCancelled
from vouch.exchange.runtime.pairing import Pairing, failure_reason
from vouch.exchange.runtime.records import (
    Activity,
    ExchangeConfig,
    ExchangeEvents,
    FailedAttempt,
    Outcome,
)
from vouch.exchange.runtime.visibility import Visibility, browse_forever

POLL_SECONDS = 0.1  # how often the loop looks at `should_stop` and at being idle
Command = Callable[[], None]


@dataclass
class _Connection:
    """What the loop knows about one connection while it lasts."""

    number: int  # `Activity.connection`, `Outcome.connection`, ...
    task: asyncio.Task[Any]  # the task that carries it (cancelled to cancel it)
    last: SyncStatus | None = None
    asked: bool = False  # its pairing question was put to the person

    def waits_for_answer(self, peer_did: str) -> bool:
        """It just said it awaits the person's answer about `peer_did`, not yet asked."""
        last = self.last
        return (
            not self.asked
            and last is not None
            and last.phase is SyncPhase.AWAITING_CONFIRMATION
            and last.peer_did == peer_did
        )


class ExchangeRuntime:
    """Serves, announces, browses, pairs and syncs for one open wallet, off any UI thread.

    Give commands from any thread; call `run()` once, in the thread that is to carry the loop.
    After `release()` the run ends by itself once nothing is left to do; `stop()` ends it now.
    """

    def __init__(
        self, store: SyncStore, events: ExchangeEvents, config: ExchangeConfig | None = None
    ) -> None:
        self.config = config or ExchangeConfig()
        self.events = events
        self.store = GuardedStore(store)  # what every sync of this runtime uses
        self._pairing = Pairing(
            self.config.options.pairing_timeout, events.pairing_requested, events.pairing_withdrawn
        )
        self._lock = threading.Lock()
        self._commands: list[Command] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._started = False
        self._closed = False
        self._stopping: asyncio.Event | None = None
        self._released = False
        self._bug: BaseException | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._browse_task: asyncio.Task[None] | None = None
        self._visibility: Visibility | None = None
        self._numbers = itertools.count(1)
        self._outgoing: _Connection | None = None
        self._incoming: dict[str, _Connection] = {}  # by the other end's address

    # -- commands, from any thread -------------------------------------------------------------
    def set_visible(self, on: bool) -> bool:
        """Serve (and announce) for `config.visible_seconds`, or stop now. False: run is over."""
        return self._post(functools.partial(self._set_visible, on))

    def set_browsing(self, on: bool) -> bool:
        """Look for nearby wallets, round after round, until switched off."""
        return self._post(functools.partial(self._set_browsing, on))

    def connect(self, host: str, port: int) -> bool:
        """Sync with the wallet at host:port (one outgoing sync at a time; others are ignored)."""
        return self._post(functools.partial(self._connect, host, port))

    def sync_far(self, plan: FarPlan) -> bool:
        """Sync with someone far away through a wormhole: invite, join a code, or meet a contact.

        Shares the one outgoing slot with `connect`. While it waits, `events.far_waiting` says
        what to show (the code to read out, or whom it waits for) and until when.
        """
        return self._post(functools.partial(self._far, plan))

    def cancel(self) -> bool:
        """Drop every sync in progress (whole batches already stored stay stored)."""
        self.store.request_cancel()  # counts now, even while the loop is busy with a batch
        return self._post(self._cancel)

    def keep(self) -> bool:
        """Undo `release()`: keep running when idle."""
        return self._post(functools.partial(self._set_released, False))

    def release(self) -> bool:
        """End the run once idle: not visible, and no sync or question in progress."""
        return self._post(functools.partial(self._set_released, True))

    def stop(self) -> bool:
        """End the run now; syncs in progress are dropped at a batch boundary."""
        return self._post(self._stop)

    @property
    def closed(self) -> bool:
        """The run is over (or ending): commands are refused; start a new runtime."""
        with self._lock:
            return self._closed

    def _post(self, command: Command) -> bool:
        with self._lock:
            if self._closed:
                return False
            self._commands.append(command)
            loop = self._loop
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # the loop is closing; it drains anyway
                loop.call_soon_threadsafe(self._drain)
        return True

    # -- the thread that runs the loop ---------------------------------------------------------
    def run(self, should_stop: Callable[[], bool] | None = None) -> None:
        """Run the loop here until stopped, released and idle, or `should_stop()` says so.

        A bug in the loop (an exception that is not a `VouchError`) is raised from here.
        """
        with self._lock:
            if self._started:
                raise RuntimeError("An exchange runtime runs only once.")
            self._started = True
        asyncio.run(self._main(should_stop))

    async def _main(self, should_stop: Callable[[], bool] | None) -> None:
        self._stopping = asyncio.Event()
        with self._lock:
            self._loop = asyncio.get_running_loop()
        try:
            self._drain()
            while not self._stopping.is_set():
                if should_stop is not None and should_stop():
                    break
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(POLL_SECONDS):
                        await self._stopping.wait()
                if self._released and self._finish_if_idle():
                    break
        finally:
            with self._lock:
                self._closed = True
                self._loop = None
            await self._shutdown()
        if self._bug is not None:
            raise self._bug

    def _finish_if_idle(self) -> bool:
        with self._lock:
            busy = self._commands or self._outgoing or self._visibility or self._incoming
            if not busy:
                self._closed = True
            return not busy

    async def _shutdown(self) -> None:
        pending = [task for task in self._tasks if not task.done()]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        for _ in range(2):  # sockets closed just now finish closing on the next loop turns
            await asyncio.sleep(0)

    def _drain(self) -> None:
        with self._lock:
            commands, self._commands = self._commands, []
        for command in commands:
            command()

    def spawn(self, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        """Start a task that the run waits for at its end; its bug (if any) ends the run."""
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None and self._bug is None:
            self._bug = task.exception()
            if self._stopping is not None:
                self._stopping.set()

    # -- commands, on the loop -----------------------------------------------------------------
    def _set_released(self, released: bool) -> None:
        self._released = released

    def _stop(self) -> None:
        if self._stopping is not None:
            self._stopping.set()

    def _set_browsing(self, on: bool) -> None:
        if on and self._browse_task is None:
            self._browse_task = self.spawn(browse_forever(self))
        elif not on and self._browse_task is not None:
            self._browse_task.cancel()
            self._browse_task = None

    def _set_visible(self, on: bool) -> None:
        if on and self._visibility is None:
            self._visibility = Visibility(self)
            self.spawn(self._visibility.run())
        elif not on and self._visibility is not None:
            self._visibility.hide()

    def visibility_ended(self) -> None:
        self._visibility = None

    @property
    def own_instance(self) -> str:
        """The name this wallet is announced by (left out of the wallets found nearby)."""
        return self._visibility.instance if self._visibility is not None else ""

    def _connect(self, host: str, port: int) -> None:
        def start(on_status: StatusCallback) -> Awaitable[SyncReport]:
            return sync_with(
                self.store,
                host,
                port,
                confirm_pairing=self.confirmer(False),
                on_status=on_status,
                options=self.config.options,
            )

        self._start_outgoing(start)

    def _far(self, plan: FarPlan) -> None:
        number = next(self._numbers) if self._outgoing is None else 0

        def waiting(code: str, until: float) -> None:
            self.events.far_waiting(
                FarWaiting(number, plan.mode, code, plan.peer_did or None, until)
            )

        def start(on_status: StatusCallback) -> Awaitable[SyncReport]:
            return sync_far(
                self.store,
                plan,
                on_waiting=waiting,
                on_status=on_status,
                options=self.config.options,
            )

        self._start_outgoing(start, number)

    def _start_outgoing(
        self, start: Callable[[StatusCallback], Awaitable[SyncReport]], number: int = 0
    ) -> None:
        if self._outgoing is None:
            number = number or next(self._numbers)
            task = self.spawn(self._sync_out(number, start))
            self.store.follow(task)
            self._outgoing = _Connection(number, task)

    def _cancel(self) -> None:
        connections = list(self._incoming.values())
        if self._outgoing is not None:
            connections.append(self._outgoing)
        for connection in connections:
            if self.store.is_cancelled(connection.task):
                connection.task.cancel()

    def confirmer(self, incoming: bool) -> ConfirmPairing | None:
        """The pairing question for first contacts (None when `config.pairing` is off)."""
        if not self.config.pairing:
            return None
        asking = self._incoming_asking if incoming else self._outgoing_asking
        return self._pairing.confirmer(incoming, asking)

    def _incoming_asking(self, peer_did: str) -> int:
        """The incoming connection whose question is being asked: it just said it waits."""
        for connection in reversed(self._incoming.values()):
            if connection.waits_for_answer(peer_did):
                connection.asked = True
                return connection.number
        return 0

    def _outgoing_asking(self, peer_did: str) -> int:
        return self._outgoing.number if self._outgoing is not None else 0

    def incoming_tasks(self) -> set[asyncio.Task[Any]]:
        return {connection.task for connection in self._incoming.values()}

    # -- incoming connections ------------------------------------------------------------------
    def incoming_status(self, server: SyncServer, status: SyncStatus) -> None:
        task = asyncio.current_task()
        key = status.address or str(id(task))
        connection = self._incoming.get(key)
        if connection is None:
            if task is None:
                return
            # The first status of a connection comes from the task that carries all of it.
            connection = self._incoming[key] = _Connection(next(self._numbers), task)
            self.store.follow(task)
            task.add_done_callback(functools.partial(self._incoming_done, server, key))
        connection.last = status
        self.events.activity(Activity(connection.number, True, status))

    def _incoming_done(self, server: SyncServer, key: str, task: asyncio.Task[Any]) -> None:
        connection = self._incoming.pop(key)
        number, last = connection.number, connection.last
        verdict = self._pairing.verdict(number)
        peer = last.peer_did if last is not None else None
        if self.store.forget(task) or task.cancelled():
            self.events.finished(Outcome(number, True, peer, cancelled=True))
            return
        report = next((r for r in server.reports if r.peer_did == peer), None)
        if report is not None:
            server.reports.remove(report)
            self.events.finished(Outcome(number, True, peer, report=report))
            return
        last = last or SyncStatus(SyncPhase.FAILED)
        message = last.message if last.phase is SyncPhase.FAILED else ""
        reason = failure_reason(verdict, self._pairing.seconds, message)
        if not last.authorised:  # it ended before both sides said yes
            self.events.attempt_failed(FailedAttempt(number, peer, last.address, reason))
        self.events.finished(Outcome(number, True, peer, error=reason))

    # -- syncing with someone ------------------------------------------------------------------
    async def _sync_out(
        self, connection: int, start: Callable[[StatusCallback], Awaitable[SyncReport]]
    ) -> None:
        peer: str | None = None

        def on_status(status: SyncStatus) -> None:
            nonlocal peer
            peer = status.peer_did or peer
            self.events.activity(Activity(connection, False, status))

        try:
            report = await start(on_status)
        except asyncio.CancelledError:
            self.events.finished(Outcome(connection, False, peer, cancelled=True))
            raise
        except SyncCancelled:
            self.events.finished(Outcome(connection, False, peer, cancelled=True))
        except VouchError as exc:  # PeerError and store errors carry a message for the user
            self.events.finished(Outcome(connection, False, peer, error=exc.message))
        else:
            self.events.finished(Outcome(connection, False, report.peer_did, report=report))
        finally:
            outgoing, self._outgoing = self._outgoing, None
            self._pairing.verdict(connection)
            if outgoing is not None:
                self.store.forget(outgoing.task)
