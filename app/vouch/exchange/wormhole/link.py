"""The app side of a wormhole: start the helper process, follow its events, get the socket.

`WormholeLink.open()` starts `bridge` in a helper process with one end of a socketpair, reports
the code as soon as it is known, and returns once the dilated subchannel is spliced onto the
socket: asyncio streams over it, and the key derived from the wormhole's PAKE (to bind the Noise
channel run over it to the code). Every failure is a `PeerError` with a message a person can act
on. The helper is always ended and waited for.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass

from vouch.core.errors import PeerError
from vouch.exchange.wormhole.events import (
    DEFAULT_MAILBOX,
    DEFAULT_TRANSIT,
    MAX_EVENT_BYTES,
    MIN_CODE_WORDS,
    Event,
    Failure,
    Message,
)

BRIDGE_COMMAND = "__wormhole-bridge"  # the hidden subcommand of the packaged executables
MAILBOX_ENV = "VOUCH_MAILBOX"
TRANSIT_ENV = "VOUCH_TRANSIT"
STDERR_KEEP = 4096


class WormholeError(PeerError):
    default_message = "The connection through the wormhole failed."


class MailboxUnreachable(WormholeError):
    default_message = "Could not reach the mailbox server. Check your connection or the server."


class WrongCode(WormholeError):
    default_message = "The code did not match: nothing was exchanged. Ask for a new code."


class CodeExpired(WormholeError):
    default_message = "Nobody is waiting with this code. Ask the other person for a new one."


class CodeTaken(WormholeError):
    default_message = "This code was already used. Ask the other person for a new one."


class OtherSideLeft(WormholeError):
    default_message = "The other person cancelled before the connection opened."


class InvalidCode(WormholeError):
    default_message = "That is not a wormhole code (it looks like 7-guitarist-revenge-ab...)."


FAILURES: dict[Failure, type[WormholeError]] = {
    Failure.MAILBOX_UNREACHABLE: MailboxUnreachable,
    Failure.WRONG_CODE: WrongCode,
    Failure.CODE_EXPIRED: CodeExpired,
    Failure.CODE_TAKEN: CodeTaken,
    Failure.CANCELLED: OtherSideLeft,
    Failure.BAD_CODE: InvalidCode,
    Failure.LOST: WormholeError,
    Failure.INTERNAL: WormholeError,
}


@dataclass(frozen=True)
class WormholeServers:
    """Where the mailbox and the transit relay are; the magic-wormhole project's by default."""

    mailbox: str = DEFAULT_MAILBOX
    transit: str = DEFAULT_TRANSIT
    relay_only: bool = False  # offer no direct connection hints: everything through the relay

    @classmethod
    def from_environment(
        cls, mailbox: str | None = None, transit: str | None = None
    ) -> WormholeServers:
        """Explicit values first, then `VOUCH_MAILBOX` / `VOUCH_TRANSIT`, then the defaults."""
        return cls(
            mailbox=mailbox or os.environ.get(MAILBOX_ENV) or DEFAULT_MAILBOX,
            transit=transit or os.environ.get(TRANSIT_ENV) or DEFAULT_TRANSIT,
        )


def normalise_code(text: str) -> str:
    """A code as typed: trimmed, lower case, spaces turned into dashes; `InvalidCode` if not one."""
    code = "-".join(text.strip().lower().split())
    nameplate, _, words = code.partition("-")
    if not nameplate.isdigit() or len(words.split("-")) < MIN_CODE_WORDS - 1 or not words:
        raise InvalidCode()
    if not all(word.isalnum() and word.isascii() for word in words.split("-")):
        raise InvalidCode()
    return code


def helper_command() -> list[str]:
    """How to start the helper: the packaged executable's hidden command, or this Python."""
    if getattr(sys, "frozen", False):
        return [sys.executable, BRIDGE_COMMAND]
    return [sys.executable, "-m", "vouch.exchange.wormhole.bridge"]


@dataclass(frozen=True)
class OpenLink:
    """A spliced subchannel: streams over the local socket and the wormhole-derived key."""

    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    key: bytes
    code: str


FINISHED = b"\x00"  # sent after the last frame of a finished sync, outside the channel


async def finish_link(opened: OpenLink, timeout: float) -> None:
    """After a finished sync: say so, and wait until the other side says so too (or leaves).

    A side's sync ends when it has the other side's last item, but its own last items may still
    be on their way through the two helpers. Closing its helper then would cut them off. So each
    side sends one byte after its last frame and closes only once the other side's byte (or the
    end of the stream) arrives: by then the other side has finished, which it does only after
    taking every item sent to it. A side that says nothing is given `timeout` seconds.
    """
    with contextlib.suppress(OSError, ConnectionError):
        opened.writer.write(FINISHED)
        await opened.writer.drain()
    with contextlib.suppress(TimeoutError, OSError, ConnectionError):
        async with asyncio.timeout(timeout):
            await opened.reader.read(1)


class WormholeLink:
    """One wormhole, one helper process. Use `async with` so the helper always ends."""

    def __init__(
        self,
        servers: WormholeServers,
        *,
        timeout: float = 600.0,
        connect_timeout: float = 15.0,
        command: list[str] | None = None,
    ) -> None:
        self.servers = servers
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self._command = command or helper_command()
        self._process: asyncio.subprocess.Process | None = None
        self._stderr = bytearray()
        self._stderr_task: asyncio.Task[None] | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def __aenter__(self) -> WormholeLink:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def invite(
        self,
        on_code: Callable[[str], None],
        words: int = MIN_CODE_WORDS,
        *,
        code: str | None = None,
    ) -> OpenLink:
        """Allocate a code (shown through `on_code`) and wait for the other person to join.

        With `code` (one two wallets derived alone), wait on that code instead of a new one.
        """
        role = ["invite", "--words", str(max(words, MIN_CODE_WORDS))]
        return await self._open([*role, "--code", normalise_code(code)] if code else role, on_code)

    async def join(self, code: str, on_code: Callable[[str], None] | None = None) -> OpenLink:
        """Join the wormhole another person opened with `code`."""
        return await self._open(["join", "--code", normalise_code(code)], on_code)

    async def _open(self, role_args: list[str], on_code: Callable[[str], None] | None) -> OpenLink:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            await self._start(role_args, theirs)
        finally:
            theirs.close()
        try:
            code, key = await self._await_connected(on_code)
            reader, writer = await asyncio.open_connection(sock=ours)
        except BaseException:
            ours.close()
            raise
        self._writer = writer
        return OpenLink(reader, writer, key, code)

    async def _start(self, role_args: list[str], theirs: socket.socket) -> None:
        args = [
            *self._command,
            *role_args,
            "--fd",
            str(theirs.fileno()),
            "--mailbox",
            self.servers.mailbox,
            "--transit",
            self.servers.transit,
            "--timeout",
            str(self.timeout),
            "--connect-timeout",
            str(self.connect_timeout),
        ]
        if self.servers.relay_only:
            args.append("--relay-only")
        self._process = await asyncio.create_subprocess_exec(
            *args,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            pass_fds=(theirs.fileno(),),
            limit=MAX_EVENT_BYTES,
        )
        assert self._process.stderr is not None
        self._stderr_task = asyncio.create_task(self._keep_stderr(self._process.stderr))

    async def _keep_stderr(self, stream: asyncio.StreamReader) -> None:
        while chunk := await stream.read(1024):
            self._stderr += chunk
            del self._stderr[:-STDERR_KEEP]

    async def _await_connected(self, on_code: Callable[[str], None] | None) -> tuple[str, bytes]:
        code, key = "", b""
        while True:
            message = await self._next_event()
            if message.event is Event.CODE:
                code = message.code
                if on_code is not None:
                    on_code(code)
            elif message.event is Event.KEY:
                key = message.key
            elif message.event is Event.CONNECTED:
                if not key:
                    raise WormholeError("The helper opened a connection without agreeing a key.")
                return code, key
            elif message.event is Event.ERROR:
                raise self._error(message)
            elif message.event is Event.CLOSED:
                raise OtherSideLeft()

    async def _next_event(self) -> Message:
        process = self._process
        assert process is not None and process.stdout is not None
        try:
            line = await process.stdout.readline()
        except (ValueError, asyncio.LimitOverrunError) as exc:
            raise WormholeError("The wormhole helper sent something unreadable.") from exc
        if not line:
            detail = bytes(self._stderr).decode("utf-8", "replace").strip().splitlines()
            raise WormholeError(
                "The wormhole helper stopped unexpectedly."
                + (f" ({detail[-1][:200]})" if detail else "")
            )
        try:
            return Message.decode(line)
        except (ValueError, KeyError) as exc:
            raise WormholeError("The wormhole helper sent something unreadable.") from exc

    def _error(self, message: Message) -> WormholeError:
        kind = FAILURES.get(message.failure or Failure.INTERNAL, WormholeError)
        if kind is MailboxUnreachable:
            return MailboxUnreachable(
                f"Could not reach the mailbox server {self.servers.mailbox}. "
                "Check your connection, or the server in Settings."
            )
        return kind()

    async def close(self) -> None:
        """Close the socket, ask the helper to end, and wait for it (killing it if it hangs)."""
        if self._writer is not None:
            self._writer.close()
            with contextlib.suppress(ConnectionError, OSError):
                await self._writer.wait_closed()
            self._writer = None
        process, self._process = self._process, None
        if process is None:
            return
        if process.stdin is not None and not process.stdin.is_closing():
            with contextlib.suppress(ConnectionError, OSError):
                process.stdin.write(b"close\n")
                process.stdin.close()
        try:
            async with asyncio.timeout(5.0):
                await process.wait()
        except TimeoutError:
            process.kill()
            await process.wait()
        if self._stderr_task is not None:
            with contextlib.suppress(Exception):
                async with asyncio.timeout(1.0):
                    await self._stderr_task
