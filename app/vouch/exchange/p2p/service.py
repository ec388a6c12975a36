"""The asyncio transport: `serve()` and `sync_with()`, the entry points the CLI and GUI call.

Everything protocol-shaped lives in the state machines (`channel` handshake aside); this module
only moves bytes, applies timeouts, asks the pairing policy and hands batches to the store.
A misbehaving peer is logged and dropped; the serving wallet carries on with the next one.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from vouch.core.errors import InvalidInput, PeerError, VouchError
from vouch.exchange.p2p.channel import (
    DEFAULT_MAX_MESSAGE,
    NOISE_MAX,
    Credentials,
    SecureChannel,
    open_channel,
)
from vouch.exchange.p2p.errors import PeerDisconnected, PeerRefused, ProtocolViolation
from vouch.exchange.p2p.framing import FramedStream
from vouch.exchange.p2p.session import SessionConfig, SessionPhase, SyncSession
from vouch.exchange.p2p.status import (
    ConfirmPairing,
    StatusCallback,
    SyncPhase,
    SyncReport,
    SyncStatus,
)
from vouch.exchange.p2p.store import ReceiveSummary, SyncStore

log = logging.getLogger(__name__)

_ACCEPT = b"\x10"
_REJECT = b"\x11"


@dataclass(frozen=True)
class SyncOptions:
    read_timeout: float = 30.0  # every read, handshake included
    pairing_timeout: float = 120.0  # how long a person may take to compare the code
    connect_timeout: float = 10.0
    max_message: int = DEFAULT_MAX_MESSAGE
    max_connections: int = 4
    session: SessionConfig = field(default_factory=SessionConfig)


class _Reporter:
    """Builds `SyncStatus` snapshots for one connection and passes them to the callback."""

    def __init__(self, callback: StatusCallback | None) -> None:
        self._callback = callback
        self.peer_did: str | None = None
        self.sas: str | None = None

    def emit(
        self,
        phase: SyncPhase,
        *,
        stream: FramedStream | None = None,
        session: SyncSession | None = None,
        message: str = "",
    ) -> None:
        if self._callback is None:
            return
        self._callback(
            SyncStatus(
                phase=phase,
                peer_did=self.peer_did,
                sas=self.sas,
                items_sent=session.items_sent if session else 0,
                items_received=session.items_received if session else 0,
                bytes_sent=stream.bytes_sent if stream else 0,
                bytes_received=stream.bytes_received if stream else 0,
                round_trips=session.round_trips if session else 0,
                message=message,
                items_expected=session.items_requested if session else 0,
            )
        )


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
    reporter = _Reporter(on_status)
    reporter.emit(SyncPhase.CONNECTING, message=f"{host}:{port}")
    try:
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection(host, port), options.connect_timeout
        )
    except (OSError, TimeoutError) as exc:
        reporter.emit(SyncPhase.FAILED, message=str(exc))
        raise PeerError(f"Could not reach a wallet at {host}:{port}.") from exc
    stream = FramedStream(reader, writer, max_frame=NOISE_MAX, read_timeout=options.read_timeout)
    try:
        return await _sync_over(stream, store, True, confirm_pairing, reporter, options)
    except PeerError as exc:
        reporter.emit(SyncPhase.FAILED, stream=stream, message=exc.message)
        raise
    finally:
        await stream.close()


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
        self._server: asyncio.Server | None = None
        self._handlers: set[asyncio.Task[None]] = set()

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> int:
        """Start listening; returns the bound port."""
        self._server = await asyncio.start_server(self._accept, host, port)
        bound = int(self._server.sockets[0].getsockname()[1])
        log.info("p2p: listening on %s:%d", host, bound)
        return bound

    async def wait(self, stop_event: asyncio.Event | None, timeout: float | None) -> None:
        """Serve until `stop_event` is set or `timeout` seconds pass (forever if neither)."""
        event = stop_event or asyncio.Event()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), timeout)

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._handlers):
            task.cancel()
        if self._handlers:
            await asyncio.gather(*self._handlers, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()
            self._server = None

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        stream = FramedStream(
            reader, writer, max_frame=NOISE_MAX, read_timeout=self.options.read_timeout
        )
        if len(self._handlers) >= self.options.max_connections:
            log.warning("p2p: refusing %s: too many connections", stream.peer_address)
            await stream.close()
            return
        self._handlers.add(task)
        try:
            await self._serve_one(stream)
        finally:
            self._handlers.discard(task)
            await stream.close()

    async def _serve_one(self, stream: FramedStream) -> None:
        reporter = _Reporter(self.on_status)
        address = stream.peer_address
        try:
            report = await _sync_over(
                stream, self.store, False, self.confirm_pairing, reporter, self.options
            )
        except PeerRefused as exc:
            log.info("p2p: %s: %s", address, exc.message)
            reporter.emit(SyncPhase.FAILED, stream=stream, message=exc.message)
        except PeerError as exc:
            log.warning("p2p: dropping %s: %s", address, exc.message)
            reporter.emit(SyncPhase.FAILED, stream=stream, message=exc.message)
        except VouchError as exc:
            log.error("p2p: sync with %s stopped: %s", address, exc.message)
            reporter.emit(SyncPhase.FAILED, stream=stream, message=exc.message)
        else:
            self.reports.append(report)


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


# -- one connection ---------------------------------------------------------------------------


async def _sync_over(
    stream: FramedStream,
    store: SyncStore,
    initiator: bool,
    confirm_pairing: ConfirmPairing | None,
    reporter: _Reporter,
    options: SyncOptions,
) -> SyncReport:
    reporter.emit(SyncPhase.HANDSHAKE, stream=stream)
    channel = await open_channel(
        stream,
        Credentials.from_identity(store.identity),
        initiator=initiator,
        max_message=options.max_message,
    )
    reporter.peer_did, reporter.sas = channel.peer_did, channel.sas
    await _authorise(channel, store, confirm_pairing, reporter, options)
    return await _run_session(channel, store, initiator, reporter, options)


async def _authorise(
    channel: SecureChannel,
    store: SyncStore,
    confirm_pairing: ConfirmPairing | None,
    reporter: _Reporter,
    options: SyncOptions,
) -> None:
    """Both sides say yes or no; nothing about the wallet's contents moves before two yeses."""
    peer = channel.peer_did
    known = store.is_verified_peer(peer)
    accepted = known
    if not known and confirm_pairing is not None:
        reporter.emit(SyncPhase.AWAITING_CONFIRMATION, stream=channel.stream)
        accepted = await _ask(confirm_pairing, peer, channel.sas, options.pairing_timeout)
    await channel.send(_ACCEPT if accepted else _REJECT)
    if not accepted:
        raise PeerRefused("Sync declined: this wallet is not a verified contact.")
    answer = await channel.recv(timeout=options.pairing_timeout)
    if answer == _REJECT:
        raise PeerRefused("The other wallet declined the sync.")
    if answer != _ACCEPT:
        raise ProtocolViolation("The other wallet sent an unexpected pairing answer.")
    if not known:
        store.remember_paired_peer(peer)


async def _ask(confirm: ConfirmPairing, peer: str, sas: str, timeout: float) -> bool:
    result = confirm(peer, sas)
    if not inspect.isawaitable(result):
        return bool(result)
    try:
        return bool(await asyncio.wait_for(result, timeout))
    except TimeoutError:
        return False


async def _run_session(
    channel: SecureChannel,
    store: SyncStore,
    initiator: bool,
    reporter: _Reporter,
    options: SyncOptions,
) -> SyncReport:
    peer = channel.peer_did
    session = SyncSession(store.items_for_peer(peer), initiator=initiator, config=options.session)
    outbox: asyncio.Queue[bytes | None] = asyncio.Queue()
    pump = asyncio.create_task(_pump(channel, outbox))
    received = ReceiveSummary()
    try:
        for message in session.start().outgoing:
            outbox.put_nowait(message)
        reporter.emit(SyncPhase.RECONCILING, stream=channel.stream, session=session)
        while not session.finished:
            if pump.done():
                pump.result()  # re-raises the write error
                raise PeerDisconnected()
            step = session.receive(await channel.recv())
            if step.documents:
                received = received + store.receive_documents(peer, list(step.documents))
            for message in step.outgoing:
                outbox.put_nowait(message)
            phase = SyncPhase.RECONCILING
            if session.phase is not SessionPhase.RECONCILING:
                phase = SyncPhase.TRANSFERRING
            reporter.emit(phase, stream=channel.stream, session=session)
        outbox.put_nowait(None)
        await pump
    finally:
        pump.cancel()
    report = SyncReport(
        peer_did=peer,
        sent=session.items_sent,
        received=received,
        bytes_sent=channel.stream.bytes_sent,
        bytes_received=channel.stream.bytes_received,
        round_trips=session.round_trips,
        missing=session.missing,
    )
    reporter.emit(SyncPhase.DONE, stream=channel.stream, session=session)
    return report


async def _pump(channel: SecureChannel, outbox: asyncio.Queue[bytes | None]) -> None:
    """Write queued messages in order, so reading never waits on a slow write (no deadlock)."""
    while (message := await outbox.get()) is not None:
        await channel.send(message)
