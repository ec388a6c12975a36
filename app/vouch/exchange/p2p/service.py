"""The asyncio entry points the CLI and GUI call: `SyncServer`, `serve()` and `sync_with()`.

Everything protocol-shaped lives in the state machines (`pairing`, `session`, `reconcile`) and
one connection's driver (`connection`); this module accepts and opens connections, applies the
slot policy and the per-address backoff (`slots`), and reports every failure to `on_status`.
A misbehaving peer is logged and dropped; the serving wallet carries on with the next one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

from vouch.core.errors import InvalidInput, PeerError, VouchError
from vouch.exchange.p2p.channel import NOISE_MAX
from vouch.exchange.p2p.codes import RejectReason
from vouch.exchange.p2p.connection import Reporter, run_connection
from vouch.exchange.p2p.errors import (
    FailureKind,
    PeerRefused,
    PeerUnreachable,
    failure_kind,
)
from vouch.exchange.p2p.framing import FramedStream
from vouch.exchange.p2p.options import SyncOptions
from vouch.exchange.p2p.slots import Backoff, Slots
from vouch.exchange.p2p.status import ConfirmPairing, StatusCallback, SyncPhase, SyncReport
from vouch.exchange.p2p.store import SyncStore

__all__ = ["SyncOptions", "SyncServer", "parse_peer_address", "serve", "sync_over", "sync_with"]

log = logging.getLogger(__name__)

# Failures before authorisation that count toward an address's backoff. Refusals for lack of
# room (BUSY, TRY_LATER) are this side's doing and do not.
_COUNTED = frozenset(FailureKind) - {FailureKind.BUSY, FailureKind.TRY_LATER, FailureKind.STORE}
CLOSE_RETRY_SECONDS = 0.5  # close(): how long to wait before cancelling the stragglers again


async def sync_with(
    store: SyncStore,
    host: str,
    port: int,
    *,
    confirm_pairing: ConfirmPairing | None = None,
    on_status: StatusCallback | None = None,
    options: SyncOptions | None = None,
) -> SyncReport:
    """Connect to a listening wallet and sync both ways. Raises `PeerError` subclasses."""
    options = options or SyncOptions()
    reporter = Reporter(on_status, f"{host}:{port}", incoming=False)
    reporter.emit(SyncPhase.CONNECTING, message=f"{host}:{port}")
    try:
        async with asyncio.timeout(options.connect_timeout):
            reader, writer = await asyncio.open_connection(host, port)
    except (OSError, TimeoutError) as exc:
        reporter.emit(SyncPhase.FAILED, message=str(exc), failure=FailureKind.UNREACHABLE)
        raise PeerUnreachable(f"Could not reach a wallet at {host}:{port}.") from exc
    stream = FramedStream(reader, writer, max_frame=NOISE_MAX, read_timeout=options.read_timeout)
    try:
        return await _sync_stream(stream, store, reporter, options, True, confirm_pairing, b"")
    finally:
        await stream.close()


async def sync_over(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    store: SyncStore,
    *,
    initiator: bool,
    binding: bytes,
    address: str,
    confirm_pairing: ConfirmPairing | None = None,
    on_status: StatusCallback | None = None,
    options: SyncOptions | None = None,
) -> SyncReport:
    """Sync both ways over streams someone else connected (a wormhole's subchannel).

    The same handshake, pairing step and session as over TCP; `binding` (a key both sides
    derived from the code they shared) goes into the Noise prologue, so the channel opens only
    between the two who typed that code. The caller closes the streams.
    """
    options = options or SyncOptions()
    reporter = Reporter(on_status, address, incoming=not initiator)
    stream = FramedStream(reader, writer, max_frame=NOISE_MAX, read_timeout=options.read_timeout)
    return await _sync_stream(stream, store, reporter, options, initiator, confirm_pairing, binding)


async def _sync_stream(
    stream: FramedStream,
    store: SyncStore,
    reporter: Reporter,
    options: SyncOptions,
    initiator: bool,
    confirm_pairing: ConfirmPairing | None,
    binding: bytes,
) -> SyncReport:
    """One outgoing-style connection from its handshake on, with the whole-setup deadline."""
    deadline = asyncio.get_running_loop().time() + options.handshake_timeout
    try:
        return await run_connection(
            stream,
            store,
            initiator=initiator,
            confirm_pairing=confirm_pairing,
            reporter=reporter,
            options=options,
            setup_deadline=deadline,
            binding=binding,
        )
    except PeerError as exc:
        reporter.emit(SyncPhase.FAILED, message=exc.message, failure=failure_kind(exc))
        raise


class _ServerGate:
    """One incoming connection's view of the server's slots and backoff."""

    def __init__(self, server: SyncServer, key: object, host: str) -> None:
        self._server, self._key, self._host = server, key, host

    def identified(self, peer_did: str, verified: bool) -> RejectReason | None:
        if not verified and self._server.backoff.retry_after(self._host) > 0:
            return RejectReason.TRY_LATER
        if not self._server.slots.identified(self._key, verified):
            return RejectReason.BUSY
        return None

    def authorised(self, paired_now: bool) -> None:
        if paired_now:
            self._server.slots.promote(self._key)
            self._server.backoff.succeeded(self._host)


class SyncServer:
    """Listens for peers; each connection is one sync with the same store."""

    def __init__(
        self,
        store: SyncStore,
        *,
        confirm_pairing: ConfirmPairing | None = None,
        on_status: StatusCallback | None = None,
        options: SyncOptions | None = None,
    ) -> None:
        self.store = store
        self.confirm_pairing = confirm_pairing
        self.on_status = on_status
        self.options = options or SyncOptions()
        self.reports: list[SyncReport] = []
        self.slots = Slots(self.options)
        self.backoff = Backoff(
            self.options.backoff_base, self.options.backoff_max, self.options.backoff_addresses
        )
        self._server: asyncio.Server | None = None
        self._handlers: set[asyncio.Task[None]] = set()
        self._cut: set[asyncio.Task[None]] = set()  # cancelled to make room, not by close()
        self._writers: set[asyncio.StreamWriter] = set()  # every accepted socket until closed
        self._accepting: set[asyncio.Task[None]] = set()
        self._closing = False

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> int:
        """Start listening; returns the bound port."""
        self._server = await asyncio.start_server(self._connected, host, port)
        bound = int(self._server.sockets[0].getsockname()[1])
        log.info("p2p: listening on %s:%d", host, bound)
        return bound

    async def wait(self, stop_event: asyncio.Event | None, timeout: float | None) -> None:
        """Serve until `stop_event` is set or `timeout` seconds pass (forever if neither)."""
        event = stop_event or asyncio.Event()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await event.wait()

    async def close(self) -> None:
        self._closing = True
        if self._server is not None:
            self._server.close()
        await self._end_connections()
        leftovers = list(self._writers)  # accepted, but its task never ran (or not to its end)
        self._writers.clear()
        for writer in leftovers:
            writer.close()
        for writer in leftovers:  # let each socket really close before the loop may end
            with contextlib.suppress(Exception):
                async with asyncio.timeout(1.0):
                    await writer.wait_closed()
        if self._server is not None:
            await self._server.wait_closed()
            self._server = None

    async def _end_connections(self) -> None:
        """Cancel every connection task and wait until each has ended.

        Cancelled again while any is left: a cancellation can be lost inside a library call
        that finishes at the same moment, and close() must not then wait out a deadline.
        """
        pending: set[asyncio.Task[None]] = set(self._accepting) | set(self._handlers)
        while pending:
            for task in pending:
                task.cancel()
            _, pending = await asyncio.wait(pending, timeout=CLOSE_RETRY_SECONDS)

    def _connected(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Note the socket at once (a task cancelled before it starts could not close it)."""
        self._writers.add(writer)
        task = asyncio.get_running_loop().create_task(self._accept(reader, writer))
        self._accepting.add(task)  # a task the loop only holds weakly must be held here
        task.add_done_callback(self._accepting.discard)

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await self._accept_one(reader, writer)
        finally:
            self._writers.discard(writer)

    async def _accept_one(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        deadline = asyncio.get_running_loop().time() + self.options.handshake_timeout
        stream = FramedStream(
            reader, writer, max_frame=NOISE_MAX, read_timeout=self.options.read_timeout
        )
        reporter = Reporter(self.on_status, stream.peer_address, incoming=True)
        if not self._admit(task, stream, reporter):
            await stream.close()
            return
        self._handlers.add(task)
        try:
            await self._serve_one(stream, reporter, task, deadline)
        except asyncio.CancelledError:
            if not self._closing:
                raise  # closing ends handlers quietly; any other cancellation goes on up
        finally:
            self._handlers.discard(task)
            self._cut.discard(task)
            self.slots.release(task)
            await stream.close()

    def _admit(self, task: asyncio.Task[None], stream: FramedStream, reporter: Reporter) -> bool:
        """Take the connection into the handshake pool, or refuse it (with a FAILED status)."""
        if self._closing:  # accepted just before close(): nothing to serve it with
            return False
        admission = self.slots.admit(task, stream.peer_host)
        if not admission.admitted:
            log.warning("p2p: refusing %s: %s", stream.peer_address, admission.reason)
            text = f"Refused a connection: {admission.reason}."
            reporter.emit(SyncPhase.FAILED, message=text, failure=FailureKind.BUSY)
            return False
        if admission.evict is not None:
            self._cut_handshake(admission.evict)
        return True

    def _cut_handshake(self, key: object) -> None:
        """Cut a connection still in its handshake to make room for a newer one."""
        for task in self._handlers:
            if task is key:
                self._cut.add(task)
                task.cancel()

    async def _serve_one(
        self, stream: FramedStream, reporter: Reporter, task: asyncio.Task[None], deadline: float
    ) -> None:
        address = stream.peer_address
        gate = _ServerGate(self, task, stream.peer_host)
        try:
            report = await run_connection(
                stream,
                self.store,
                initiator=False,
                confirm_pairing=self.confirm_pairing,
                reporter=reporter,
                options=self.options,
                setup_deadline=deadline,
                gate=gate,
            )
        except asyncio.CancelledError:
            if task not in self._cut:
                raise
            task.uncancel()
            log.info("p2p: cut %s: too many connections in their handshake", address)
            text = "Cut: too many connections were being set up at once."
            self._failed(reporter, stream, text, FailureKind.BUSY)
        except VouchError as exc:
            self._log_failure(address, exc)
            self._failed(reporter, stream, exc.message, failure_kind(exc))
        else:
            self.reports.append(report)

    def _failed(
        self, reporter: Reporter, stream: FramedStream, message: str, kind: FailureKind
    ) -> None:
        if not reporter.authorised and kind in _COUNTED:
            self.backoff.failed(stream.peer_host)
        reporter.emit(SyncPhase.FAILED, message=message, failure=kind)

    @staticmethod
    def _log_failure(address: str, exc: VouchError) -> None:
        if isinstance(exc, PeerRefused):
            log.info("p2p: %s: %s", address, exc.message)
        elif isinstance(exc, PeerError):
            log.warning("p2p: dropping %s: %s", address, exc.message)
        else:
            log.error("p2p: sync with %s stopped: %s", address, exc.message)


async def serve(
    store: SyncStore,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    confirm_pairing: ConfirmPairing | None = None,
    on_status: StatusCallback | None = None,
    on_listening: Callable[[int], None] | None = None,
    stop_event: asyncio.Event | None = None,
    timeout: float | None = None,
    options: SyncOptions | None = None,
) -> int:
    """Serve syncs until `stop_event` is set or `timeout` passes; returns the port it bound.

    `on_listening(port)` is called as soon as the socket is bound (to show or announce it).
    """
    server = SyncServer(
        store, confirm_pairing=confirm_pairing, on_status=on_status, options=options
    )
    bound = await server.start(host, port)
    if on_listening is not None:
        on_listening(bound)
    try:
        await server.wait(stop_event, timeout)
    finally:
        await server.close()
    return bound


def parse_peer_address(text: str) -> tuple[str, int]:
    """`host:port` or `[v6addr]:port` as typed by a user."""
    host, sep, port_text = text.strip().rpartition(":")
    if not sep or not host or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise InvalidInput(f"Expected host:port, got {text!r}.")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    return host, int(port_text)
