"""The network side of the Exchange page: one asyncio loop, off the GUI thread, in a worker job.

The loop serves syncs while the wallet is visible, browses for nearby wallets while the page is
shown, and runs the syncs the user starts. It reaches the GUI only through Qt signals of
`ExchangeEngine` (a QObject of the GUI thread, so they are queued there), and takes commands
through a locked list drained on the loop. A pairing question waits on an asyncio future that the
GUI answers from any thread: the protocol side waits (with the sync's pairing timeout) without
ever blocking the loop or the GUI.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import threading
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal
from zeroconf import InterfaceChoice

from vouch.core.errors import PeerError, VouchError
from vouch.core.identity import Identity
from vouch.exchange.p2p.discovery import (
    Announcer,
    Interfaces,
    VisibleWallet,
    announce_addresses,
    browse,
)
from vouch.exchange.p2p.service import SyncOptions, SyncServer, sync_with
from vouch.exchange.p2p.status import SyncPhase, SyncReport, SyncStatus
from vouch.exchange.p2p.store import ReceiveSummary, SyncItem, SyncStore
from vouch.gui import worker

VISIBLE_SECONDS = 300.0  # visibility turns itself off after this long
BROWSE_SECONDS = 3.0  # one round of listening for nearby wallets
POLL_SECONDS = 0.1  # how often the loop looks at the job's cancel flag
KEEP_ROUNDS = 3  # a wallet missed by this many browse rounds in a row leaves the list

Command = Callable[["_Runtime"], None]


@dataclass(frozen=True)
class ExchangeConfig:
    """Where to listen and announce; tests narrow it to the loopback interface."""

    listen_host: str = "0.0.0.0"
    visible_seconds: float = VISIBLE_SECONDS
    announce: bool = True
    announce_addresses: tuple[str, ...] = ()  # empty: this machine's own addresses
    interfaces: Interfaces = InterfaceChoice.All
    browse_seconds: float = BROWSE_SECONDS
    options: SyncOptions = field(default_factory=SyncOptions)


@dataclass(frozen=True)
class Listening:
    """The wallet is visible: others can reach it at `addresses` on `port`."""

    port: int
    addresses: tuple[str, ...]
    seconds: float

    @property
    def endpoints(self) -> tuple[str, ...]:
        return tuple(f"{address}:{self.port}" for address in self.addresses)


@dataclass(frozen=True, eq=False)
class PairingRequest:
    """A first contact waiting for the user to compare the code. `answer()` from any thread."""

    peer_did: str
    sas: str
    incoming: bool
    reply: Callable[[bool], None]

    def answer(self, accepted: bool) -> None:
        self.reply(accepted)


@dataclass(frozen=True)
class Activity:
    """A status snapshot of one connection (`connection` tells concurrent syncs apart)."""

    connection: int
    incoming: bool
    status: SyncStatus


@dataclass(frozen=True)
class Outcome:
    """How one connection ended: a report, a user-facing error, or a cancel."""

    connection: int
    incoming: bool
    peer_did: str | None
    report: SyncReport | None = None
    error: str = ""
    cancelled: bool = False


class SyncCancelled(PeerError):
    default_message = "The exchange was cancelled."


class _GuardedStore:
    """The wallet's store, refusing any further work for a connection the user cancelled.

    Cancelling the task is not enough on its own: when the next message is already buffered,
    `asyncio.wait_for` (Python 3.11) can return it and drop the cancellation. Refusing the next
    batch ends the sync at a batch boundary, so nothing half-received is ever stored.
    """

    def __init__(self, store: SyncStore, cancelled: set[asyncio.Task[Any]]) -> None:
        self._store = store
        self._cancelled = cancelled

    def _check(self) -> None:
        if asyncio.current_task() in self._cancelled:
            raise SyncCancelled()

    @property
    def identity(self) -> Identity:
        return self._store.identity

    def is_verified_peer(self, did: str) -> bool:
        self._check()
        return self._store.is_verified_peer(did)

    def remember_paired_peer(self, did: str) -> None:
        self._check()
        self._store.remember_paired_peer(did)

    def items_for_peer(self, peer_did: str) -> list[SyncItem]:
        self._check()
        return self._store.items_for_peer(peer_did)

    def receive_documents(self, peer_did: str, documents: list[bytes]) -> ReceiveSummary:
        self._check()
        return self._store.receive_documents(peer_did, documents)


class ExchangeEngine(QObject):
    """Owns the network loop. Every method here is called on the GUI thread."""

    listening = Signal(object)  # Listening
    announced = Signal(str)  # the random instance name others see
    hidden = Signal(str)  # "off", "timeout" or "error": visibility ended
    wallets_found = Signal(object)  # list[VisibleWallet]
    activity = Signal(object)  # Activity
    finished = Signal(object)  # Outcome
    pairing_requested = Signal(object)  # PairingRequest
    pairing_withdrawn = Signal(object)  # PairingRequest no longer waiting (answered or timed out)
    problem = Signal(str)  # a message not tied to one sync (port, announcing, browsing)
    crashed = Signal(object)  # a bug in the loop (an exception that is not a VouchError)

    def __init__(self, config: ExchangeConfig | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.config = config or ExchangeConfig()
        self._runtime: _Runtime | None = None

    @property
    def running(self) -> bool:
        return self._runtime is not None

    def activate(self, store: SyncStore) -> None:
        """Run the loop (start it if needed) and browse for nearby wallets."""
        runtime = self._runtime
        if runtime is None or not runtime.post(_Runtime.keep):
            runtime = _Runtime(self, store, self.config)
            self._runtime = runtime
            job = worker.Job(runtime.run)
            job.failed.connect(self._job_failed)
            job.finished.connect(self._job_finished)
            job.start()
        self.set_browsing(True)

    def deactivate(self) -> None:
        """Stop browsing and being visible; the loop ends once a sync in progress is over."""
        self._post(lambda rt: rt.set_visible(False))
        self._post(lambda rt: rt.set_browsing(False))
        self._post(_Runtime.release)

    def shutdown(self) -> None:
        """Stop everything now (the wallet is about to lock); late signals are dropped."""
        runtime, self._runtime = self._runtime, None
        if runtime is not None:
            runtime.post(_Runtime.stop)

    def set_browsing(self, on: bool) -> None:
        self._post(lambda rt: rt.set_browsing(on))

    def set_visible(self, on: bool) -> None:
        self._post(lambda rt: rt.set_visible(on))

    def connect_to(self, host: str, port: int) -> None:
        self._post(lambda rt: rt.connect(host, port))

    def cancel(self) -> None:
        """Drop every sync in progress (whole batches already stored stay stored)."""
        self._post(_Runtime.cancel_syncs)

    def _post(self, command: Command) -> None:
        if self._runtime is not None:
            self._runtime.post(command)

    def _job_failed(self, exc: BaseException) -> None:
        self.crashed.emit(exc)

    def _job_finished(self) -> None:
        if self._runtime is not None and self._runtime.closed:
            self._runtime = None


class _Runtime:
    """The loop-side state of one run of the engine (lives and dies with one worker job)."""

    def __init__(self, engine: ExchangeEngine, store: SyncStore, config: ExchangeConfig):
        self.engine = engine
        self._cancelled: set[asyncio.Task[Any]] = set()
        self.store = _GuardedStore(store, self._cancelled)
        self.config = config
        self.closed = False
        self._lock = threading.Lock()
        self._commands: list[Command] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._released = False
        self._bug: BaseException | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._browse_task: asyncio.Task[None] | None = None
        self._visible_task: asyncio.Task[None] | None = None
        self._hide: asyncio.Event | None = None
        self._outgoing: asyncio.Task[None] | None = None
        self._incoming: dict[asyncio.Task[Any], SyncStatus | None] = {}
        self._own_instance = ""
        self._browse_failed = False

    # -- any thread ----------------------------------------------------------------------------
    def post(self, command: Command) -> bool:
        """Queue a command for the loop; False if this run is over (start a new one)."""
        with self._lock:
            if self.closed:
                return False
            self._commands.append(command)
            loop = self._loop
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # the loop is closing; it drains anyway
                loop.call_soon_threadsafe(self._drain)
        return True

    def emit(self, signal_name: str, value: object) -> None:
        """Emit on the engine unless the engine has moved on to another run (or none)."""
        if self.engine._runtime is self:
            getattr(self.engine, signal_name).emit(value)

    # -- the pool thread -----------------------------------------------------------------------
    def run(self, job: worker.Job) -> None:
        asyncio.run(self._main(job))

    async def _main(self, job: worker.Job) -> None:
        self._stopping = asyncio.Event()
        with self._lock:
            self._loop = asyncio.get_running_loop()
        try:
            self._drain()
            while not self._stopping.is_set() and not job.cancelled():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), POLL_SECONDS)
                if self._released and self._finish_if_idle():
                    break
        finally:
            with self._lock:
                self.closed = True
                self._loop = None
            await self._shutdown()
        if self._bug is not None:
            raise self._bug

    def _finish_if_idle(self) -> bool:
        with self._lock:
            busy = self._commands or self._outgoing or self._visible_task or self._incoming
            if not busy:
                self.closed = True
            return not busy

    async def _shutdown(self) -> None:
        pending = [task for task in self._tasks if not task.done()]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    def _drain(self) -> None:
        with self._lock:
            commands, self._commands = self._commands, []
        for command in commands:
            command(self)

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
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

    # -- commands (run on the loop) ------------------------------------------------------------
    def keep(self) -> None:
        self._released = False

    def release(self) -> None:
        self._released = True

    def stop(self) -> None:
        if self._stopping is not None:
            self._stopping.set()

    def set_browsing(self, on: bool) -> None:
        if on and self._browse_task is None:
            self._browse_task = self._spawn(self._browse())
        elif not on and self._browse_task is not None:
            self._browse_task.cancel()
            self._browse_task = None

    def set_visible(self, on: bool) -> None:
        if on and self._visible_task is None:
            self._hide = asyncio.Event()
            self._visible_task = self._spawn(self._serve(self._hide))
        elif not on and self._hide is not None:
            self._hide.set()

    def connect(self, host: str, port: int) -> None:
        if self._outgoing is None:
            self._outgoing = self._spawn(self._sync_out(host, port))

    def cancel_syncs(self) -> None:
        tasks = list(self._incoming)
        if self._outgoing is not None:
            tasks.append(self._outgoing)
        for task in tasks:
            self._cancelled.add(task)
            task.cancel()

    # -- browsing ------------------------------------------------------------------------------
    async def _browse(self) -> None:
        seen: dict[str, tuple[VisibleWallet, int]] = {}  # name -> (wallet, round last seen)
        rounds = 0
        while True:
            try:
                found = await browse(self.config.browse_seconds, interfaces=self.config.interfaces)
            except OSError:
                if not self._browse_failed:
                    self._browse_failed = True
                    self.emit(
                        "problem",
                        "Cannot look for nearby wallets on this network; connect by address.",
                    )
                await asyncio.sleep(self.config.browse_seconds)
                continue
            # mDNS answers get lost now and then: keep a wallet for a few rounds, no flicker.
            rounds += 1
            seen.update((w.name, (w, rounds)) for w in found)
            seen = {k: v for k, v in seen.items() if rounds - v[1] < KEEP_ROUNDS}
            wallets = [w for w, _ in seen.values() if w.name != self._own_instance]
            self.emit("wallets_found", sorted(wallets, key=lambda w: w.name))

    # -- being visible -------------------------------------------------------------------------
    async def _serve(self, hide: asyncio.Event) -> None:
        reason = "off"
        server = SyncServer(
            self.store, confirm_pairing=self._confirmer(True), options=self.config.options
        )
        server.on_status = functools.partial(self._incoming_status, server)
        announcer: Announcer | None = None
        try:
            try:
                port = await server.start(self.config.listen_host, 0)
            except OSError as exc:
                reason = "error"
                self.emit("problem", f"Cannot accept connections: {exc.strerror or exc}.")
                return
            self.emit("listening", Listening(port, self._addresses(), self.config.visible_seconds))
            announcer = await self._announce(port)
            try:
                await asyncio.wait_for(hide.wait(), self.config.visible_seconds)
            except TimeoutError:
                reason = "timeout"
            if announcer is not None:
                await announcer.stop()
                announcer = None
            if reason == "timeout":  # let a sync in progress finish rather than cut it
                while self._incoming and not hide.is_set():
                    await asyncio.wait(set(self._incoming), timeout=POLL_SECONDS)
        finally:
            if announcer is not None:
                await announcer.stop()
            await server.close()
            self._visible_task = self._hide = None
            self._own_instance = ""
            self.emit("hidden", reason)

    def _addresses(self) -> tuple[str, ...]:
        """Where others can reach this wallet: what is announced, and shown to be typed."""
        return self.config.announce_addresses or tuple(announce_addresses(self.config.listen_host))

    async def _announce(self, port: int) -> Announcer | None:
        if not self.config.announce:
            return None
        announcer = Announcer(
            port,
            addresses=list(self._addresses()),
            timeout=None,  # the engine ends visibility itself, together with serving
            interfaces=self.config.interfaces,
        )
        try:
            await announcer.start()
        except PeerError as exc:
            self.emit("problem", f"{exc.message} Others can still connect by address.")
            return None
        self._own_instance = announcer.instance
        self.emit("announced", announcer.instance)
        return announcer

    def _incoming_status(self, server: SyncServer, status: SyncStatus) -> None:
        task = asyncio.current_task()
        if task is None:
            return
        if task not in self._incoming:
            task.add_done_callback(functools.partial(self._incoming_done, server))
        self._incoming[task] = status
        self.emit("activity", Activity(id(task), True, status))

    def _incoming_done(self, server: SyncServer, task: asyncio.Task[Any]) -> None:
        last = self._incoming.pop(task, None)
        cancelled = task in self._cancelled
        self._cancelled.discard(task)
        peer = last.peer_did if last is not None else None
        if peer is None:
            return  # never got past the handshake: a stray connection, not worth a message
        if task.cancelled() or cancelled:
            self.emit("finished", Outcome(id(task), True, peer, cancelled=True))
            return
        report = next((r for r in server.reports if r.peer_did == peer), None)
        if report is not None:
            server.reports.remove(report)
            self.emit("finished", Outcome(id(task), True, peer, report=report))
        elif last is not None and last.phase is SyncPhase.FAILED:
            self.emit("finished", Outcome(id(task), True, peer, error=last.message))

    # -- syncing with someone ------------------------------------------------------------------
    async def _sync_out(self, host: str, port: int) -> None:
        task = asyncio.current_task()
        connection = id(task)
        peer: str | None = None

        def on_status(status: SyncStatus) -> None:
            nonlocal peer
            peer = status.peer_did or peer
            self.emit("activity", Activity(connection, False, status))

        try:
            report = await sync_with(
                self.store,
                host,
                port,
                confirm_pairing=self._confirmer(False),
                on_status=on_status,
                options=self.config.options,
            )
        except asyncio.CancelledError:
            self.emit("finished", Outcome(connection, False, peer, cancelled=True))
            raise
        except SyncCancelled:
            self.emit("finished", Outcome(connection, False, peer, cancelled=True))
        except VouchError as exc:  # PeerError and store errors carry a message for the user
            self.emit("finished", Outcome(connection, False, peer, error=exc.message))
        else:
            self.emit("finished", Outcome(connection, False, report.peer_did, report=report))
        finally:
            self._outgoing = None
            if task is not None:
                self._cancelled.discard(task)

    # -- pairing -------------------------------------------------------------------------------
    def _confirmer(self, incoming: bool) -> Callable[[str, str], Coroutine[Any, Any, bool]]:
        async def confirm(peer_did: str, sas: str) -> bool:
            loop = asyncio.get_running_loop()
            answer: asyncio.Future[bool] = loop.create_future()

            def settle(accepted: bool) -> None:
                if not answer.done():
                    answer.set_result(accepted)

            def reply(accepted: bool) -> None:  # any thread
                with contextlib.suppress(RuntimeError):  # the loop is already gone: no answer
                    loop.call_soon_threadsafe(settle, accepted)

            request = PairingRequest(peer_did, sas, incoming, reply)
            self.emit("pairing_requested", request)
            try:
                return await answer  # the service applies the pairing timeout around this
            finally:
                self.emit("pairing_withdrawn", request)

        return confirm
