"""The Exchange page's side of the exchange runtime: commands in, Qt signals out.

The runtime (`vouch.exchange.runtime`) runs its asyncio loop in a worker job, off the GUI
thread. Its events arrive on that loop's thread and are re-emitted here as Qt signals, queued to
the GUI thread; events of a run the engine has already let go of are dropped there. Commands
are posted to the runtime, which runs them on its loop.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, SignalInstance

from vouch.exchange.runtime import (
    Activity,
    ExchangeConfig,
    ExchangeEvents,
    ExchangeRuntime,
    FailedAttempt,
    FarPlan,
    FarWaiting,
    Hidden,
    Listening,
    Outcome,
    PairingRequest,
    VisibleWallet,
)
from vouch.gui import worker
from vouch.wallet import Wallet

__all__ = ["ExchangeConfig", "ExchangeEngine"]


class _Relay(ExchangeEvents):
    """One run's events, handed to the GUI thread tagged with the run they belong to."""

    def __init__(self, engine: ExchangeEngine) -> None:
        self._engine = engine

    def _send(self, signal: SignalInstance, value: object) -> None:
        self._engine.relayed.emit(self, functools.partial(signal.emit, value))

    def listening(self, listening: Listening) -> None:
        self._send(self._engine.listening, listening)

    def announced(self, instance: str) -> None:
        self._send(self._engine.announced, instance)

    def hidden(self, reason: Hidden) -> None:
        self._send(self._engine.hidden, reason)

    def wallets_found(self, wallets: tuple[VisibleWallet, ...]) -> None:
        self._send(self._engine.wallets_found, list(wallets))

    def activity(self, activity: Activity) -> None:
        self._send(self._engine.activity, activity)

    def finished(self, outcome: Outcome) -> None:
        self._send(self._engine.finished, outcome)

    def pairing_requested(self, request: PairingRequest) -> None:
        self._send(self._engine.pairing_requested, request)

    def pairing_withdrawn(self, request: PairingRequest) -> None:
        self._send(self._engine.pairing_withdrawn, request)

    def attempt_failed(self, attempt: FailedAttempt) -> None:
        self._send(self._engine.attempt_failed, attempt)

    def far_waiting(self, waiting: FarWaiting) -> None:
        self._send(self._engine.far_waiting, waiting)

    def problem(self, message: str) -> None:
        self._send(self._engine.problem, message)


class ExchangeEngine(QObject):
    """Runs the exchange runtime for the page. Every method here is called on the GUI thread."""

    listening = Signal(object)  # Listening
    announced = Signal(str)  # the random instance name others see
    hidden = Signal(object)  # Hidden: why visibility ended
    wallets_found = Signal(object)  # list[VisibleWallet]
    activity = Signal(object)  # Activity
    finished = Signal(object)  # Outcome
    pairing_requested = Signal(object)  # PairingRequest
    pairing_withdrawn = Signal(object)  # PairingRequest no longer waiting (answered or timed out)
    attempt_failed = Signal(object)  # FailedAttempt: someone connected and no sync took place
    problem = Signal(str)  # a message not tied to one sync (port, announcing, browsing)
    far_waiting = Signal(object)  # FarWaiting: a far-away sync waits for the other person
    crashed = Signal(object)  # a bug in the loop (an exception that is not a VouchError)
    relayed = Signal(object, object)  # (relay, emit): from the loop's thread, queued to this one

    def __init__(self, config: ExchangeConfig | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.config = config or ExchangeConfig()
        self._runtime: ExchangeRuntime | None = None
        self._relay: _Relay | None = None
        self.relayed.connect(self._deliver)

    @property
    def running(self) -> bool:
        return self._runtime is not None

    def activate(self, wallet: Wallet) -> None:
        """Run the loop (start it if needed) and browse for nearby wallets."""
        runtime = self._runtime
        if runtime is None or not runtime.keep():
            relay = _Relay(self)
            runtime = wallet.exchange(relay, self.config)
            self._runtime, self._relay = runtime, relay
            job = worker.Job(functools.partial(_run, runtime))
            job.failed.connect(self._job_failed)
            job.finished.connect(self._job_finished)
            job.start()
        runtime.set_browsing(True)

    def deactivate(self) -> None:
        """Stop browsing and being visible; the loop ends once a sync in progress is over."""
        self._post(lambda rt: rt.set_visible(False))
        self._post(lambda rt: rt.set_browsing(False))
        self._post(ExchangeRuntime.release)

    def shutdown(self) -> None:
        """Stop everything now (the wallet is about to lock); late signals are dropped."""
        runtime, self._runtime, self._relay = self._runtime, None, None
        if runtime is not None:
            runtime.stop()

    def set_browsing(self, on: bool) -> None:
        self._post(lambda rt: rt.set_browsing(on))

    def set_visible(self, on: bool) -> None:
        self._post(lambda rt: rt.set_visible(on))

    def connect_to(self, host: str, port: int) -> None:
        self._post(lambda rt: rt.connect(host, port))

    def sync_far(self, plan: FarPlan) -> None:
        """Invite, join a code, or meet a contact far away (the one outgoing sync)."""
        self._post(lambda rt: rt.sync_far(plan))

    def cancel(self) -> None:
        """Drop every sync in progress (whole batches already stored stay stored)."""
        self._post(ExchangeRuntime.cancel)

    def _post(self, command: Callable[[ExchangeRuntime], bool]) -> None:
        if self._runtime is not None:
            command(self._runtime)

    def _deliver(self, relay: _Relay, emit: Callable[[], None]) -> None:
        if relay is self._relay:
            emit()

    def _job_failed(self, exc: BaseException) -> None:
        self.crashed.emit(exc)  # a bug, even in a run already let go of: never hidden

    def _job_finished(self) -> None:
        if self._runtime is not None and self._runtime.closed:  # not a newer run
            self._runtime = self._relay = None


def _run(runtime: ExchangeRuntime, job: worker.Job) -> None:
    runtime.run(job.cancelled)
