"""The wormhole helper process: join a code, dilate, and splice one subchannel onto a socket.

Run as `python -m vouch.exchange.wormhole.bridge ...` (or the packaged app's hidden
`__wormhole-bridge` command). The app passes one end of a socketpair (`--fd`); once the
subchannel is open, every byte read from one is written to the other. Progress and failures go
to stdout as `events.Message` lines; a line `close` on stdin, or stdin closing, ends the
wormhole. Nothing here sees a wallet: the app runs its own Noise channel over the socket, bound
to the key this process derives from the wormhole's PAKE.

This module imports Twisted; the app process never imports it.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from collections.abc import Callable, Sequence
from typing import Any

import wormhole
from twisted.internet import defer, protocol, stdio
from twisted.internet.task import react
from twisted.protocols.basic import LineOnlyReceiver
from twisted.python.failure import Failure as TwistedFailure
from wormhole.errors import (
    KeyFormatError,
    LonelyError,
    ServerConnectionError,
    ServerError,
    WormholeClosed,
    WrongPasswordError,
)

from vouch.core.process import disable_core_dumps
from vouch.exchange.wormhole.events import (
    APP_ID,
    KEY_BYTES,
    PROLOGUE_PURPOSE,
    SUBPROTOCOL,
    Event,
    Failure,
    Message,
)

Emit = Callable[[Message], None]


def classify(failure: TwistedFailure) -> Failure:
    """Which `Failure` a Twisted failure from the wormhole stands for."""
    error = failure.value
    if isinstance(error, WrongPasswordError):
        return Failure.WRONG_CODE
    if isinstance(error, KeyFormatError | ValueError):
        return Failure.BAD_CODE
    if isinstance(error, ServerConnectionError):
        return Failure.MAILBOX_UNREACHABLE
    if isinstance(error, ServerError):
        return Failure.CODE_TAKEN if "crowded" in str(error) else Failure.INTERNAL
    if isinstance(error, LonelyError | WormholeClosed):
        return Failure.CANCELLED
    return Failure.INTERNAL


class End(protocol.Protocol):
    """One end of the splice: what it reads goes to the other end's transport."""

    def __init__(self, on_open: Callable[[End], None], on_lost: Callable[[End], None]) -> None:
        self.other: Any = None
        self._early: list[bytes] = []
        self._on_open = on_open
        self._on_lost = on_lost

    def connectionMade(self) -> None:
        self._on_open(self)

    def dataReceived(self, data: bytes) -> None:
        if self.other is None:
            self._early.append(data)
        else:
            self.other.write(data)

    def join(self, other_transport: Any) -> None:
        self.other = other_transport
        for data in self._early:
            other_transport.write(data)
        self._early.clear()

    def connectionLost(self, reason: TwistedFailure = protocol.connectionDone) -> None:
        self._on_lost(self)


class Bridge:
    """The helper's whole life: code, key, dilation, one subchannel spliced onto `sock`."""

    def __init__(self, reactor: Any, args: argparse.Namespace, sock: socket.socket, emit: Emit):
        self.reactor = reactor
        self.args = args
        self.sock = sock
        self.emit = emit
        self.done: defer.Deferred[None] = defer.Deferred()
        self.wormhole: Any = None
        self.remote: End | None = None
        self.local: End | None = None
        self.connected = False
        self.closing = False
        self._calls: dict[str, Any] = {}

    # -- the way there ---------------------------------------------------------------------
    def start(self) -> defer.Deferred[None]:
        self.wormhole = wormhole.create(APP_ID, self.args.mailbox, self.reactor, dilation=True)
        self._later("welcome", self.args.connect_timeout, self._mailbox_silent)
        self._later("deadline", self.args.timeout, self._nobody_came)
        self._run().addErrback(self._failed)
        return self.done

    @defer.inlineCallbacks
    def _run(self) -> Any:
        w = self.wormhole
        yield w.get_welcome()
        self._cancel("welcome")
        self.emit(Message(Event.WELCOME))
        if self.args.code:  # typed, or derived by two wallets that know each other
            w.set_code(self.args.code)
        else:
            w.allocate_code(self.args.words)
        self.emit(Message(Event.CODE, code=(yield w.get_code())))
        yield w.get_verifier()  # fires once the PAKE is confirmed: both typed the same code
        self.emit(Message(Event.KEY, key=w.derive_key(PROLOGUE_PURPOSE, KEY_BYTES)))
        dilated = w.dilate(
            transit_relay_location=self.args.transit or None,
            no_listen=self.args.relay_only,
            expected_subprotocols=[SUBPROTOCOL],
        )
        factory = protocol.Factory.forProtocol(lambda: End(self._subchannel_open, self._lost))
        if self.args.role == "invite":
            yield dilated.listener_for(SUBPROTOCOL).listen(factory)
        else:
            yield dilated.connector_for(SUBPROTOCOL).connect(factory)

    def _subchannel_open(self, remote: End) -> None:
        if self.remote is not None or self.closing:  # one subchannel per wormhole
            _lose(remote.transport)
            return
        self.remote = remote
        self.reactor.adoptStreamConnection(
            self.sock.fileno(),
            socket.AF_UNIX,
            protocol.Factory.forProtocol(lambda: End(self._local_open, self._lost)),
        )

    def _local_open(self, local: End) -> None:
        assert self.remote is not None
        self.local = local
        self.sock.close()  # the reactor holds its own duplicate of the descriptor
        local.join(self.remote.transport)
        self.remote.join(local.transport)
        self.connected = True
        self._cancel("deadline")
        self.emit(Message(Event.CONNECTED))

    # -- the ways out ----------------------------------------------------------------------
    def _mailbox_silent(self) -> None:
        self._finish(Failure.MAILBOX_UNREACHABLE, "the mailbox server did not answer")

    def _nobody_came(self) -> None:
        if not self.connected:
            self._finish(Failure.CODE_EXPIRED, "nobody joined with this code in time")

    def _failed(self, failure: TwistedFailure) -> None:
        self._finish(classify(failure), str(failure.value))

    def _lost(self, end: End) -> None:
        # Either side closing ends the whole bridge: the app closes its socket when the sync
        # is over, and the peer closing its subchannel means the same to us.
        self._finish(None)

    def close_requested(self) -> None:
        self._finish(None if self.connected else Failure.CANCELLED, "closed by this side")

    def _finish(self, failure: Failure | None, detail: str = "") -> None:
        if self.closing:
            return
        self.closing = True
        for name in list(self._calls):
            self._cancel(name)
        if failure is not None and detail != "closed by this side":
            self.emit(Message(Event.ERROR, failure=failure, detail=detail))
        for end in (self.local, self.remote):
            if end is not None:
                _lose(end.transport)
        closing = self.wormhole.close() if self.wormhole is not None else defer.succeed(None)
        closing.addErrback(lambda _f: None)
        closing.addBoth(lambda _r: self._closed())

    def _closed(self) -> None:
        self.emit(Message(Event.CLOSED))
        if not self.done.called:
            self.done.callback(None)

    def _later(self, name: str, seconds: float, action: Callable[[], None]) -> None:
        self._calls[name] = self.reactor.callLater(seconds, action)

    def _cancel(self, name: str) -> None:
        call = self._calls.pop(name, None)
        if call is not None and call.active():
            call.cancel()


def _lose(transport: Any) -> None:
    if transport is not None:
        transport.loseConnection()


class Control(LineOnlyReceiver):
    """Reads the app's commands on stdin: `close`, or end of input, closes the bridge."""

    delimiter = b"\n"

    def __init__(self, bridge: Bridge) -> None:
        self.bridge = bridge

    def lineReceived(self, line: bytes) -> None:
        if line.strip() == b"close":
            self.bridge.close_requested()

    def connectionLost(self, reason: TwistedFailure = protocol.connectionDone) -> None:
        self.bridge.close_requested()


def write_event(message: Message) -> None:
    sys.stdout.buffer.write(message.encode())
    sys.stdout.buffer.flush()


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="vouch __wormhole-bridge")
    parser.add_argument("role", choices=["invite", "join"])
    parser.add_argument("--fd", type=int, required=True, help="our end of the socketpair")
    parser.add_argument("--mailbox", required=True)
    parser.add_argument("--transit", default="")
    parser.add_argument("--code", default="")
    parser.add_argument("--words", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--connect-timeout", type=float, default=15.0)
    parser.add_argument("--relay-only", action="store_true", help="offer no direct hints")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    disable_core_dumps()  # it holds the wormhole's key for a while
    args = parse_args(sys.argv[1:] if argv is None else argv)
    sock = socket.socket(fileno=args.fd)
    os.set_inheritable(args.fd, False)

    def run(reactor: Any) -> defer.Deferred[None]:
        bridge = Bridge(reactor, args, sock, write_event)
        stdio.StandardIO(Control(bridge), reactor=reactor)  # type: ignore[no-untyped-call]
        return bridge.start()

    react(run)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
