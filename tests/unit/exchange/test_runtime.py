"""The exchange runtime on its own: two real wallets over real sockets on 127.0.0.1, no Qt.

Each runtime runs its loop in a thread of the test; the test gives commands and answers the
pairing questions from its own thread, as a front end would. Announcing is off.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any, TypeVar

import pytest

from vouch.core.records import EndorsementFilter, Level
from vouch.exchange.p2p.session import SessionConfig
from vouch.exchange.p2p.store import ReceiveSummary
from vouch.exchange.runtime import (
    Activity,
    ExchangeConfig,
    ExchangeEvents,
    ExchangeRuntime,
    FailedAttempt,
    Hidden,
    Listening,
    Outcome,
    PairingRequest,
    SyncOptions,
    SyncPhase,
)
from vouch.wallet import Wallet
from vouch.wallet.sync import WalletSyncStore

WAIT = 20.0
T = TypeVar("T")
LOCAL = ExchangeConfig(
    listen_host="127.0.0.1",
    announce=False,
    interfaces=["127.0.0.1"],
    browse_seconds=0.5,
    options=SyncOptions(read_timeout=5.0, pairing_timeout=10.0, connect_timeout=5.0),
)


def wait_for(condition: Callable[[], T], what: str, timeout: float = WAIT) -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := condition():
            return found
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


class Recorder(ExchangeEvents):
    """Every event, as the runtime's loop thread delivered it; optionally answers questions."""

    def __init__(self, answer: bool | None = None) -> None:
        self.answer = answer  # None: leave questions open for the test
        self.lock = threading.Lock()
        self.listenings: list[Listening] = []
        self.hiddens: list[Hidden] = []
        self.activities: list[Activity] = []
        self.outcomes: list[Outcome] = []
        self.requests: list[PairingRequest] = []
        self.withdrawn: list[PairingRequest] = []
        self.attempts: list[FailedAttempt] = []
        self.problems: list[str] = []
        self.threads: set[str] = set()

    def _add(self, bucket: list[Any], value: object) -> None:
        with self.lock:
            bucket.append(value)
            self.threads.add(threading.current_thread().name)

    def listening(self, listening: Listening) -> None:
        self._add(self.listenings, listening)

    def hidden(self, reason: Hidden) -> None:
        self._add(self.hiddens, reason)

    def activity(self, activity: Activity) -> None:
        self._add(self.activities, activity)

    def finished(self, outcome: Outcome) -> None:
        self._add(self.outcomes, outcome)

    def pairing_requested(self, request: PairingRequest) -> None:
        self._add(self.requests, request)
        if self.answer is not None:  # from another thread, as a dialog would
            threading.Thread(target=request.answer, args=(self.answer,)).start()

    def pairing_withdrawn(self, request: PairingRequest) -> None:
        self._add(self.withdrawn, request)

    def attempt_failed(self, attempt: FailedAttempt) -> None:
        self._add(self.attempts, attempt)

    def problem(self, message: str) -> None:
        self._add(self.problems, message)


class Running:
    """A runtime whose loop runs in a thread of the test."""

    def __init__(self, runtime: ExchangeRuntime, events: Recorder, name: str) -> None:
        self.runtime = runtime
        self.events = events
        self.thread = threading.Thread(target=runtime.run, name=name)
        self.thread.start()

    def port(self) -> int:
        listening = wait_for(lambda: self.events.listenings, "listening")
        return int(listening[0].port)

    def outcome(self) -> Outcome:
        return wait_for(lambda: self.events.outcomes, "an outcome")[0]

    def finish(self) -> None:
        self.thread.join(WAIT)
        assert not self.thread.is_alive(), "the runtime did not finish"


@pytest.fixture
def start() -> Iterator[Callable[..., Running]]:
    """`start(wallet, events, config)` runs that wallet's runtime; all are stopped at the end."""
    started: list[Running] = []

    def run(
        wallet: Wallet | WalletSyncStore,
        events: Recorder,
        config: ExchangeConfig = LOCAL,
        name: str = "runtime",
    ) -> Running:
        if isinstance(wallet, Wallet):
            runtime = wallet.exchange(events, config)
        else:
            runtime = ExchangeRuntime(wallet, events, config)
        running = Running(runtime, events, name)
        started.append(running)
        return running

    yield run
    for running in started:
        running.runtime.stop()
        running.finish()


def serving(
    start: Callable[..., Running], wallet: Wallet, events: Recorder, **config: Any
) -> Running:
    running = start(wallet, events, replace(LOCAL, **config), "server")
    running.runtime.set_visible(True)
    return running


def syncing(
    start: Callable[..., Running],
    wallet: Wallet | WalletSyncStore,
    events: Recorder,
    port: int,
    **config: Any,
) -> Running:
    running = start(wallet, events, replace(LOCAL, **config), "client")
    running.runtime.connect("127.0.0.1", port)
    running.runtime.release()
    return running


def statements(wallet: Wallet) -> int:
    return len(wallet.endorsements(EndorsementFilter()))


def befriend(a: Wallet, b: Wallet) -> None:
    a.add_contact(b.did, "B", verified=True)
    b.add_contact(a.did, "A", verified=True)


def test_serve_connect_pair_and_sync(
    alice: Wallet, bob: Wallet, start: Callable[..., Running]
) -> None:
    alice.endorse(bob.did, "plumbing", Level.STRONGLY)
    bob.endorse(alice.did, "cooking", Level.MOST_THINGS)
    bob.endorse(alice.did, "gardening", Level.SMALL_THINGS)
    server = serving(start, alice, Recorder())
    port = server.port()
    listening = server.events.listenings[0]
    assert listening.endpoints == (f"127.0.0.1:{port}",)
    assert listening.until > time.monotonic()

    client = syncing(start, bob, Recorder(answer=True), port)
    question = wait_for(lambda: server.events.requests, "alice's question")[0]
    assert question.incoming and question.peer_did == bob.did and question.is_open
    assert question.seconds == LOCAL.options.pairing_timeout
    threading.Thread(target=question.answer, args=(True,)).start()  # any thread answers

    mine, theirs = server.outcome(), client.outcome()
    client.finish()  # released: the run ends by itself once the sync is over
    assert theirs.report is not None and mine.report is not None
    assert (theirs.report.sent, theirs.report.received.added) == (2, 1)
    assert (mine.incoming, mine.peer_did, mine.report.received.added) == (True, bob.did, 2)
    assert client.events.requests[0].sas == question.sas  # the same six digits on both sides
    assert not question.is_open and server.events.withdrawn == [question]
    assert statements(alice) == 3 and statements(bob) == 3
    contact = alice.contact(bob.did)
    assert contact is not None and contact.verified
    assert server.events.attempts == []
    phases = [a.status.phase for a in server.events.activities]
    assert SyncPhase.AWAITING_CONFIRMATION in phases and SyncPhase.DONE in phases
    assert server.events.threads == {"server"}  # events come on the loop's own thread


def test_a_declined_pairing_stores_nothing_and_is_reported(
    alice: Wallet, bob: Wallet, start: Callable[..., Running]
) -> None:
    alice.endorse(bob.did, "plumbing", Level.STRONGLY)
    bob.endorse(alice.did, "cooking", Level.MOST_THINGS)
    server = serving(start, alice, Recorder(answer=False))
    client = syncing(start, bob, Recorder(answer=True), server.port())

    theirs = client.outcome()
    assert theirs.report is None and "declined" in theirs.error
    attempt = wait_for(lambda: server.events.attempts, "the failed attempt")[0]
    assert attempt.peer_did == bob.did and attempt.reason == "It was declined on this wallet."
    assert attempt.text.startswith("A pairing attempt from ")
    mine = server.outcome()
    assert mine.report is None and mine.connection == attempt.connection
    assert statements(alice) == 1 and statements(bob) == 1
    assert alice.contact(bob.did) is None and bob.contact(alice.did) is None


def test_an_unanswered_question_times_out_and_is_declined(
    alice: Wallet, bob: Wallet, start: Callable[..., Running]
) -> None:
    bob.endorse(alice.did, "cooking", Level.MOST_THINGS)
    quick = replace(LOCAL.options, pairing_timeout=1.0)
    server = serving(start, alice, Recorder(), options=quick)
    client = syncing(start, bob, Recorder(answer=True), server.port())
    question = wait_for(lambda: server.events.requests, "alice's question")[0]
    assert question.seconds == 1.0

    attempt = wait_for(lambda: server.events.attempts, "the failed attempt")[0]
    assert attempt.reason == "Nobody confirmed the code within 1 seconds, so it was declined."
    assert not question.is_open and question.wait_closed(0)
    assert server.events.withdrawn == [question]
    question.answer(True)  # too late: ignored
    theirs = client.outcome()
    assert theirs.report is None and theirs.error
    assert statements(alice) == 0 and alice.contact(bob.did) is None


def test_a_verified_contact_syncs_while_a_question_is_open(
    alice: Wallet, bob: Wallet, mallory: Wallet, start: Callable[..., Running]
) -> None:
    befriend(alice, bob)
    bob.endorse(alice.did, "cooking", Level.MOST_THINGS)
    server = serving(start, alice, Recorder())
    port = server.port()
    stranger = syncing(start, mallory, Recorder(answer=True), port)
    question = wait_for(lambda: server.events.requests, "the stranger's question")[0]

    friend = syncing(start, bob, Recorder(), port)
    report = friend.outcome().report
    assert report is not None and report.sent == 1
    assert question.is_open  # still waiting for the person meanwhile
    assert stranger.events.outcomes == []
    question.answer(False)
    assert "declined" in stranger.outcome().error
    assert statements(alice) == 1 and statements(mallory) == 0


def test_a_broken_connection_is_a_failed_attempt(
    alice: Wallet, start: Callable[..., Running]
) -> None:
    server = serving(start, alice, Recorder())
    with socket.create_connection(("127.0.0.1", server.port()), timeout=5) as sock:
        sock.sendall(b"\x00\x05hello")
    attempt = wait_for(lambda: server.events.attempts, "the failed attempt")[0]
    assert attempt.peer_did is None and attempt.reason
    assert attempt.text.startswith("A pairing attempt from ")
    outcome = server.outcome()
    assert outcome.peer_did is None and outcome.connection == attempt.connection
    assert server.events.requests == []


def gated(wallet: Wallet, reached: threading.Event, release: threading.Event) -> WalletSyncStore:
    """The wallet's sync store, holding its second received batch until the test says go."""

    class Gated(WalletSyncStore):
        batches = 0

        def receive_documents(self, peer_did: str, documents: list[bytes]) -> ReceiveSummary:
            Gated.batches += 1
            if Gated.batches == 2:
                reached.set()
                release.wait(WAIT)
            return super().receive_documents(peer_did, documents)

    return Gated(wallet)


def test_cancel_keeps_whole_batches_only(
    alice: Wallet, bob: Wallet, start: Callable[..., Running]
) -> None:
    befriend(alice, bob)
    for i in range(30):
        alice.endorse(bob.did, f"task-{i}", Level.MOST_THINGS)
    small = replace(LOCAL.options, session=SessionConfig(batch_max_items=5))
    server = serving(start, alice, Recorder(), options=small)
    reached, release = threading.Event(), threading.Event()
    client = syncing(start, gated(bob, reached, release), Recorder(), server.port(), options=small)
    assert reached.wait(WAIT)
    client.runtime.cancel()  # queued behind the batch being stored
    release.set()

    outcome = client.outcome()
    assert outcome.cancelled and outcome.report is None
    client.finish()
    assert statements(bob) == 10  # two whole batches of five; nothing half-stored

    again = syncing(start, bob, Recorder(), server.port(), options=small)
    report = again.outcome().report
    assert report is not None and report.received.added == 20
    assert statements(bob) == 30


def test_visibility_counts_down_and_the_run_ends_when_released(
    alice: Wallet, start: Callable[..., Running]
) -> None:
    server = serving(start, alice, Recorder(), visible_seconds=0.5)
    port = server.port()
    server.runtime.release()
    server.finish()  # hidden after its time, then idle: the run is over
    assert server.events.hiddens == [Hidden.TIMEOUT]
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0
    assert server.runtime.closed
    assert not server.runtime.set_visible(True)  # a finished run refuses commands
    with pytest.raises(RuntimeError):
        server.runtime.run()


def test_a_port_in_use_is_a_problem_not_a_crash(
    alice: Wallet, bob: Wallet, start: Callable[..., Running]
) -> None:
    first = serving(start, alice, Recorder())
    events = Recorder()
    second = serving(start, bob, events, listen_port=first.port())
    wait_for(lambda: events.hiddens, "visibility to end")
    assert events.hiddens == [Hidden.ERROR]
    assert events.problems and events.problems[0].startswith("Cannot accept connections")
    second.runtime.release()
    second.finish()
