"""One connection, either side: handshake, pairing, session. The asyncio driver of the machines.

This module moves bytes between the socket and the state machines (`pairing`, `session`), keeps
the deadlines, asks the person when the pairing machine says so, and hands received batches to
the store. It decides nothing about the protocol itself.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterable
from typing import Any, Protocol

from vouch.core.errors import PeerError
from vouch.exchange.p2p.channel import Credentials, SecureChannel, open_channel
from vouch.exchange.p2p.codes import RejectReason
from vouch.exchange.p2p.errors import FailureKind, PeerDisconnected, PeerTimeout
from vouch.exchange.p2p.framing import FramedStream
from vouch.exchange.p2p.options import SyncOptions
from vouch.exchange.p2p.pairing import (
    ChannelUp,
    DeadlinePassed,
    LocalAnswer,
    PairingMachine,
    PairingPhase,
    PairingStep,
    RandomBytes,
    Received,
    Verdict,
)
from vouch.exchange.p2p.session import SessionPhase, SyncSession
from vouch.exchange.p2p.status import (
    ConfirmPairing,
    StatusCallback,
    SyncPhase,
    SyncReport,
    SyncStatus,
)
from vouch.exchange.p2p.store import ReceiveSummary, SyncStore

SETUP_TIMEOUT_TEXT = "The other wallet took too long to set up the connection."


class Gate(Protocol):
    """The serving side's say once the peer is identified (slots, backoff)."""

    def identified(self, peer_did: str, verified: bool) -> RejectReason | None: ...

    def authorised(self, paired_now: bool) -> None: ...


class Reporter:
    """Builds `SyncStatus` snapshots for one connection and passes them to the callback."""

    def __init__(self, callback: StatusCallback | None, address: str, *, incoming: bool) -> None:
        self.callback = callback
        self.address = address
        self.incoming = incoming
        self.peer_did: str | None = None
        self.sas: str | None = None
        self.authorised = False
        self.stream: FramedStream | None = None
        self.session: SyncSession | None = None

    def emit(
        self, phase: SyncPhase, *, message: str = "", failure: FailureKind | None = None
    ) -> None:
        if self.callback is None:
            return
        stream, session = self.stream, self.session
        self.callback(
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
                address=self.address,
                incoming=self.incoming,
                authorised=self.authorised,
                failure=failure,
            )
        )


async def run_connection(
    stream: FramedStream,
    store: SyncStore,
    *,
    initiator: bool,
    confirm_pairing: ConfirmPairing | None,
    reporter: Reporter,
    options: SyncOptions,
    setup_deadline: float,
    gate: Gate | None = None,
    random_bytes: RandomBytes | None = None,
    binding: bytes = b"",
) -> SyncReport:
    """Handshake, pairing and session over `stream`. Raises `PeerError` subclasses."""
    reporter.stream = stream
    reporter.emit(SyncPhase.HANDSHAKE)
    credentials = Credentials.from_identity(store.identity)
    try:
        async with asyncio.timeout_at(setup_deadline):
            channel = await open_channel(
                stream,
                credentials,
                initiator=initiator,
                max_message=options.max_message,
                binding=binding,
            )
    except TimeoutError as exc:
        raise PeerTimeout(SETUP_TIMEOUT_TEXT) from exc
    reporter.peer_did = channel.peer_did
    verified = store.is_verified_peer(channel.peer_did)
    refusal = gate.identified(channel.peer_did, verified) if gate is not None else None
    machine = PairingMachine(
        initiator=initiator, sas_digits=options.sas_digits, random_bytes=random_bytes
    )
    up = ChannelUp(channel.peer_did, verified, channel.handshake_hash, refusal)
    pairing = _Pairing(channel, machine, confirm_pairing, reporter, options, setup_deadline)
    verdict = await pairing.run(up)
    if not verdict.accepted:
        raise verdict.error()
    if verdict.remember:
        store.remember_paired_peer(channel.peer_did)
    reporter.authorised = True
    if gate is not None:
        gate.authorised(verdict.remember)
    return await _run_session(channel, store, initiator, reporter, options)


class _Pairing:
    """Feeds the pairing machine: peer messages, the person's answer, the deadlines."""

    def __init__(
        self,
        channel: SecureChannel,
        machine: PairingMachine,
        confirm: ConfirmPairing | None,
        reporter: Reporter,
        options: SyncOptions,
        setup_deadline: float,
    ) -> None:
        self.channel = channel
        self.machine = machine
        self.confirm = confirm
        self.reporter = reporter
        self.options = options
        self.deadline = setup_deadline
        self.loop = asyncio.get_running_loop()
        self.recv_task: asyncio.Task[bytes] | None = None
        self.ask_task: asyncio.Task[bool] | None = None

    async def run(self, up: ChannelUp) -> Verdict:
        try:
            step = self.machine.handle(up)
            while step.verdict is None:
                await _send_all(self.channel, step.outgoing)
                self._on_step(step)
                step = await self._next()
            # The peer sends nothing more until it has our answer: stop reading before sending
            # it, so the first session message cannot land in a pairing read.
            await self._stop_reading()
            await _send_all(self.channel, step.outgoing)
            return step.verdict
        finally:
            if self.ask_task is not None:
                self.ask_task.cancel()
            await self._stop_reading()

    async def _stop_reading(self) -> None:
        """Cancel the pending read and wait for it to end.

        `asyncio.wait` rather than `await task`: a cancellation of this connection's own task
        that arrives meanwhile must go on up, not be taken for the read's and swallowed.
        """
        task, self.recv_task = self.recv_task, None
        if task is not None:
            task.cancel()
            await asyncio.wait({task})
            failure = None if task.cancelled() else task.exception()
            if failure is not None and not isinstance(failure, PeerError):
                raise failure  # a read that broke as it was cancelled is no news; a bug is

    def _on_step(self, step: PairingStep) -> None:
        if self.machine.sas is not None and self.reporter.sas is None:
            self.reporter.sas = self.machine.sas  # the code is known: the person's time starts
            self.deadline = self.loop.time() + self.options.pairing_timeout
        if step.ask is not None:
            if self.confirm is not None:  # reported from the connection's own task
                self.reporter.emit(SyncPhase.AWAITING_CONFIRMATION)
            self.ask_task = asyncio.ensure_future(self._ask(step.ask))

    async def _ask(self, sas: str) -> bool:
        if self.confirm is None:
            return False  # nobody to ask: strangers are refused
        answer = self.confirm(self.machine.peer_did or "", sas)
        if inspect.isawaitable(answer):
            answer = await answer
        return bool(answer)

    async def _next(self) -> PairingStep:
        """Wait for whichever comes first: a message, the person's answer, the deadline."""
        waiting: set[asyncio.Task[Any]] = set()
        deadline = self.deadline
        if self.machine.phase is PairingPhase.AWAIT_PEER:
            deadline += self.options.read_timeout  # their person's time runs on their clock
        if self.machine.expects_message:
            if self.recv_task is None:  # outlives a phase change; the machine's deadline rules
                limit = max(deadline - self.loop.time(), 0.0) + self.options.read_timeout + 1.0
                self.recv_task = asyncio.ensure_future(self.channel.recv(timeout=limit))
            waiting.add(self.recv_task)
        if self.machine.asking and self.ask_task is not None:
            waiting.add(self.ask_task)
        if not waiting:
            raise RuntimeError("the pairing machine waits for nothing")
        timeout = max(deadline - self.loop.time(), 0.0)
        done, _ = await asyncio.wait(waiting, timeout=timeout, return_when="FIRST_COMPLETED")
        if self.recv_task is not None and self.recv_task in done:  # the peer's word first
            message, self.recv_task = self.recv_task.result(), None
            return self.machine.handle(Received(message))
        if self.ask_task is not None and self.ask_task in done:
            answer, self.ask_task = self.ask_task.result(), None
            return self.machine.handle(LocalAnswer(answer))
        return self.machine.handle(DeadlinePassed())


async def _send_all(channel: SecureChannel, messages: Iterable[bytes]) -> None:
    for message in messages:
        await channel.send(message)


async def _run_session(
    channel: SecureChannel,
    store: SyncStore,
    initiator: bool,
    reporter: Reporter,
    options: SyncOptions,
) -> SyncReport:
    peer = channel.peer_did
    session = SyncSession(store.items_for_peer(peer), initiator=initiator, config=options.session)
    reporter.session = session
    outbox: asyncio.Queue[bytes | None] = asyncio.Queue()
    pump = asyncio.create_task(_pump(channel, outbox))
    received = ReceiveSummary()
    try:
        for message in session.start().outgoing:
            outbox.put_nowait(message)
        reporter.emit(SyncPhase.RECONCILING)
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
            reporter.emit(phase)
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
        deferred=session.deferred,
    )
    reporter.emit(SyncPhase.DONE)
    return report


async def _pump(channel: SecureChannel, outbox: asyncio.Queue[bytes | None]) -> None:
    """Write queued messages in order, so reading never waits on a slow write (no deadlock)."""
    while (message := await outbox.get()) is not None:
        await channel.send(message)
