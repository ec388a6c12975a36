"""`vouch share`, `vouch peers`, `vouch sync`: exchange with wallets on the local network.

`share` and `sync` run the wallet's exchange runtime in this thread. A first contact's pairing
question is asked by another thread that reads the terminal, one question at a time, so the
runtime keeps serving everyone else while the person looks at the code; an unanswered question
is declined when the sync's pairing timeout runs out.
"""

from __future__ import annotations

import argparse
import logging
import os
import queue
import sys
import threading
import time
from collections.abc import Callable

from vouch.cli.base import Add, Output, open_wallet
from vouch.errors import PeerError
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
    SyncReport,
    find_nearby,
    parse_address,
)

PAIRING_SECONDS = SyncOptions().pairing_timeout
YES = ("y", "yes")


def register(add: Add) -> None:
    p = add("share", cmd_share, "become visible nearby and serve syncs until stopped")
    p.add_argument("--listen", default="0.0.0.0:0", metavar="HOST:PORT")
    p.add_argument("--timeout", type=_seconds, default=300.0, metavar="SECONDS")
    p.add_argument("--no-announce", action="store_true", help="do not announce on the network")
    _pairing_option(p)
    p = add("peers", cmd_peers, "list the wallets visible on the local network")
    p.add_argument("--timeout", type=float, default=3.0, metavar="SECONDS")
    p = add("sync", cmd_sync, "sync with a peer (a name from 'vouch peers', or HOST:PORT)")
    p.add_argument("peer")
    p.add_argument("--timeout", type=float, default=3.0, help="how long to look for a name")
    _pairing_option(p)


def _pairing_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--pairing-timeout",
        type=_seconds,
        default=PAIRING_SECONDS,
        metavar="SECONDS",
        help="how long a new wallet's pairing question waits for an answer",
    )


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not seconds > 0:
        raise argparse.ArgumentTypeError(f"expected a number of seconds above 0, got {text!r}")
    return seconds


# -- the terminal -------------------------------------------------------------------------------


class _Lines:
    """Lines typed on stdin, read by a daemon thread (raw reads: no lock held at exit).

    Each line keeps its newline; the end of input is an empty string.
    """

    def __init__(self) -> None:
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, name="vouch-stdin", daemon=True).start()

    def _read(self) -> None:
        pending = b""
        while chunk := os.read(sys.stdin.fileno(), 1024):
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for line in lines:
                self._lines.put(line.decode("utf-8", "replace") + "\n")
        self._lines.put("")  # end of input: nobody is left to answer

    def forget_typed(self) -> None:
        """Drop lines typed before a question, so they never answer it."""
        while (line := self.next(0)) is not None:
            if not line:  # the end of input (it stays queued)
                return

    def next(self, timeout: float) -> str | None:
        """The next line, "" at the end of input, None if nothing came within `timeout`."""
        try:
            line = self._lines.get(timeout=timeout) if timeout else self._lines.get_nowait()
        except queue.Empty:
            return None
        if not line:
            self._lines.put(line)
        return line


class TerminalPairing:
    """Asks pairing questions on the terminal, one at a time, in a thread of its own."""

    def __init__(self) -> None:
        self._requests: queue.Queue[PairingRequest | None] = queue.Queue()
        self._lines: _Lines | None = None
        self._thread = threading.Thread(target=self._run, name="vouch-pairing", daemon=True)
        self._thread.start()

    def ask(self, request: PairingRequest) -> None:
        """Queue a question (returns at once: called on the runtime's loop)."""
        self._requests.put(request)

    def close(self) -> None:
        self._requests.put(None)
        self._thread.join(5)

    def _run(self) -> None:
        while (request := self._requests.get()) is not None:
            if request.is_open:
                self._ask(request)

    def _ask(self, request: PairingRequest) -> None:
        if self._lines is None:  # only now: never racing a passphrase prompt for the terminal
            self._lines = _Lines()
        self._lines.forget_typed()
        left = max(1, round(request.until - time.monotonic()))
        _ask_line(
            f"New peer {request.peer_did}\n"
            f"Does the other screen show  {request.sas}  ? (within {left} s) [y/N] "
        )
        while request.is_open:
            line = self._lines.next(0.2)
            if line is not None:
                request.answer(line.strip().lower() in YES)  # the end of input is a no
                request.wait_closed(1.0)
                return
        _ask_line("\nNo answer in time: declined.\n")


# -- what the runtime says ----------------------------------------------------------------------


class _Printer(ExchangeEvents):
    """Prints what happens; keeps the outcomes and how visibility ended for the command."""

    def __init__(self, args: argparse.Namespace, asker: TerminalPairing | None) -> None:
        self._json = bool(args.json)
        self._asker = asker
        self._attempted: set[int] = set()
        self.outcomes: list[Outcome] = []
        self.hidden_reason: Hidden | None = None

    def listening(self, listening: Listening) -> None:
        print(f"Listening on {listening.host}:{listening.port}", flush=True)

    def announced(self, instance: str) -> None:
        print(f"Visible as {instance}", flush=True)

    def hidden(self, reason: Hidden) -> None:
        self.hidden_reason = reason

    def activity(self, activity: Activity) -> None:
        status = activity.status
        if not self._json:
            sent, received = status.items_sent, status.items_received
            _note(f"  {status.phase.value}: sent {sent}, received {received}")

    def pairing_requested(self, request: PairingRequest) -> None:
        if self._asker is None:
            request.answer(False)
        else:
            self._asker.ask(request)

    def attempt_failed(self, attempt: FailedAttempt) -> None:
        self._attempted.add(attempt.connection)
        _note(attempt.text)

    def finished(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        if not outcome.incoming:
            return
        if outcome.report is not None:
            _note(_summary(outcome.report))
        elif outcome.cancelled:
            _note(f"The sync with {outcome.peer_did or 'a wallet'} was cancelled.")
        elif outcome.connection not in self._attempted:
            _note(f"The sync with {outcome.peer_did or 'a wallet'} failed: {outcome.error}")

    def problem(self, message: str) -> None:
        _note(f"vouch: {message}")


def _note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _ask_line(text: str) -> None:
    """Part of a question: on the terminal, never into output meant for a program."""
    out = sys.stdout if sys.stdout.isatty() else sys.stderr
    print(text, end="", file=out, flush=True)


def _summary(report: SyncReport) -> str:
    received = report.received
    return (
        f"Synced with {report.peer_did}: sent {report.sent}, received {received.added} new "
        f"({received.duplicates} duplicate, {received.invalid} invalid); "
        f"{report.bytes_sent + report.bytes_received} bytes in {report.round_trips} round trips."
    )


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _run(
    args: argparse.Namespace, config: ExchangeConfig, start: Callable[[ExchangeRuntime], object]
) -> _Printer:
    """Run the wallet's exchange runtime in this thread, from `start` until nothing is left."""
    asker = TerminalPairing() if config.pairing else None
    printer = _Printer(args, asker)
    try:
        with open_wallet(args) as wallet:
            runtime = wallet.exchange(printer, config)
            start(runtime)
            runtime.release()
            runtime.run()
    finally:
        if asker is not None:
            asker.close()
    return printer


# -- the commands -------------------------------------------------------------------------------


def cmd_share(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="vouch: %(message)s")
    host, port = parse_address(args.listen)
    config = ExchangeConfig(
        listen_host=host,
        listen_port=port,
        visible_seconds=args.timeout,
        announce=not args.no_announce,
        pairing=_interactive(),
        options=SyncOptions(pairing_timeout=args.pairing_timeout),
    )
    if not config.pairing:
        _note("vouch: not on a terminal: wallets not paired yet are declined without asking.")
    printer = _run(args, config, lambda runtime: runtime.set_visible(True))
    return 1 if printer.hidden_reason is Hidden.ERROR else 0


def cmd_peers(args: argparse.Namespace) -> int:
    found = find_nearby(args.timeout)
    lines = [f"{w.name}  {w.host}:{w.port}" for w in found]
    Output(args.json).emit(found, "\n".join(lines) or "No visible wallets found.")
    return 0


def _resolve_peer(text: str, timeout: float) -> tuple[str, int]:
    if ":" in text:
        return parse_address(text)
    for wallet in find_nearby(timeout):
        if wallet.name == text or wallet.name.startswith(text + "."):
            return wallet.host, wallet.port
    raise PeerError(f"No visible wallet named {text!r}; try 'vouch peers' or use HOST:PORT.")


def cmd_sync(args: argparse.Namespace) -> int:
    host, port = _resolve_peer(args.peer, args.timeout)
    config = ExchangeConfig(
        announce=False,
        pairing=_interactive(),
        options=SyncOptions(pairing_timeout=args.pairing_timeout),
    )
    printer = _run(args, config, lambda runtime: runtime.connect(host, port))
    outcome = next((o for o in printer.outcomes if not o.incoming), None)
    if outcome is None or outcome.report is None:
        raise PeerError(outcome.error if outcome is not None and outcome.error else None)
    Output(args.json).emit(outcome.report, _summary(outcome.report))
    return 0
