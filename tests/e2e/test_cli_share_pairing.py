"""`vouch share` on a terminal: the pairing question waits without stopping anyone else.

Alice's `vouch share` and a stranger's `vouch sync` each run with a pseudo-terminal as standard
input and output, so both are asked to compare the code. While Alice's question waits, her
verified contact Bob syncs with her; then her question times out, the stranger is declined, and
the failed attempt is reported on her standard error.
"""

from __future__ import annotations

import json
import os
import pty
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_helpers import cli_env, make_wallet, vouch

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

QUESTION = "Does the other screen show"
PAIRING_SECONDS = 10.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Terminal:
    """A `vouch` child whose standard input and output are a pseudo-terminal (stderr apart)."""

    def __init__(self, tmp_path: Path, wallet: Path, *args: str) -> None:
        master, slave = pty.openpty()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "vouch.cli", "--wallet", str(wallet), *args],
            env=cli_env(tmp_path),
            stdin=slave,
            stdout=slave,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        os.close(slave)
        self._master = master
        self._closed = False
        self._lock = threading.Lock()
        self._out = bytearray()
        self._err = bytearray()
        self._readers = [
            threading.Thread(target=self._read, args=(self._fd_reader(master), self._out)),
            threading.Thread(target=self._read, args=(self._pipe_reader(), self._err)),
        ]
        for reader in self._readers:
            reader.start()

    @staticmethod
    def _fd_reader(fd: int) -> Iterator[bytes]:
        while True:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                return
            if not chunk:
                return
            yield chunk

    def _pipe_reader(self) -> Iterator[bytes]:
        assert self.proc.stderr is not None
        while chunk := self.proc.stderr.read1(4096):
            yield chunk

    def _read(self, chunks: Iterator[bytes], into: bytearray) -> None:
        for chunk in chunks:
            with self._lock:
                into += chunk

    @property
    def output(self) -> str:
        with self._lock:
            return self._out.decode("utf-8", "replace")

    @property
    def errors(self) -> str:
        with self._lock:
            return self._err.decode("utf-8", "replace")

    def expect(self, text: str, seconds: float = 30, *, on_stderr: bool = False) -> float:
        """Wait until `text` shows; returns when (on the monotonic clock)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if text in (self.errors if on_stderr else self.output):
                return time.monotonic()
            if self.proc.poll() is not None:
                time.sleep(0.2)  # let the readers catch up with its last words
                if text in (self.errors if on_stderr else self.output):
                    return time.monotonic()
                break
            time.sleep(0.05)
        raise AssertionError(f"no {text!r}:\n{self.output}\n--- stderr ---\n{self.errors}")

    def type(self, line: str) -> None:
        os.write(self._master, (line + "\n").encode())

    def wait(self, seconds: float = 30) -> int:
        return self.proc.wait(timeout=seconds)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        for reader in self._readers:
            reader.join(10)
        os.close(self._master)
        if self.proc.stderr is not None:
            self.proc.stderr.close()


@pytest.fixture
def terminals() -> Iterator[list[Terminal]]:
    opened: list[Terminal] = []
    yield opened
    for terminal in opened:
        terminal.close()


def share(tmp_path: Path, wallet: Path, port: int, terminals: list[Terminal]) -> Terminal:
    alice = Terminal(
        tmp_path,
        wallet,
        "share",
        "--listen",
        f"127.0.0.1:{port}",
        "--timeout",
        "120",
        "--no-announce",
        "--pairing-timeout",
        str(PAIRING_SECONDS),
    )
    terminals.append(alice)
    alice.expect(f"Listening on 127.0.0.1:{port}")
    return alice


def befriend(tmp_path: Path, a: tuple[Path, str], b: tuple[Path, str]) -> None:
    for (home, _), (_, other) in ((a, b), (b, a)):
        added = vouch(tmp_path, home, "contact", "add", other, "--name", "Friend", "--verified")
        assert added.returncode == 0, added.stderr


def endorse(tmp_path: Path, home: Path, subject: str, scope: str) -> None:
    given = vouch(tmp_path, home, "endorse", subject, "--scope", scope, "--level", "3")
    assert given.returncode == 0, given.stderr


def scopes(tmp_path: Path, home: Path) -> set[tuple[str, str]]:
    listed = vouch(tmp_path, home, "list")
    assert listed.returncode == 0, listed.stderr
    return {(e["issuer"], e["scope"]) for e in json.loads(listed.stdout)}


def contacts(tmp_path: Path, home: Path) -> dict[str, bool]:
    listed = vouch(tmp_path, home, "contact", "list")
    assert listed.returncode == 0, listed.stderr
    return {c["did"]: bool(c["verified"]) for c in json.loads(listed.stdout)}


def test_a_contact_syncs_while_a_strangers_question_waits_then_it_times_out(
    tmp_path: Path, terminals: list[Terminal]
) -> None:
    alice, bob, stranger = (make_wallet(tmp_path, n) for n in ("alice", "bob", "stranger"))
    befriend(tmp_path, alice, bob)
    endorse(tmp_path, bob[0], alice[1], "baking")
    endorse(tmp_path, stranger[0], alice[1], "cooking")
    port = free_port()
    sharing = share(tmp_path, alice[0], port, terminals)

    knocking = Terminal(tmp_path, stranger[0], "sync", f"127.0.0.1:{port}")
    terminals.append(knocking)
    knocking.expect(QUESTION)
    knocking.type("y")  # the stranger says yes; Alice's side decides
    asked = sharing.expect(QUESTION)
    assert stranger[1] in sharing.output

    # Bob, a verified contact, syncs while Alice's question is on her screen. Answering the
    # question by a blocking read on the server's loop would hold him up until it gave up.
    synced = vouch(tmp_path, bob[0], "sync", f"127.0.0.1:{port}")
    assert synced.returncode == 0, synced.stderr
    report = json.loads(synced.stdout)
    assert report["peer_did"] == alice[1] and report["sent"] == 1
    assert time.monotonic() < asked + PAIRING_SECONDS
    assert "No answer in time" not in sharing.output  # the question was still waiting
    assert knocking.proc.poll() is None  # and so was the stranger

    sharing.expect("No answer in time: declined.", PAIRING_SECONDS + 20)
    sharing.expect("A pairing attempt from 127.0.0.1:", 10, on_stderr=True)
    assert f"({stranger[1]}) failed: Nobody confirmed the code" in sharing.errors
    assert knocking.wait() == 1
    assert "Traceback" not in knocking.errors and "vouch: " in knocking.errors
    assert sharing.proc.poll() is None  # still serving

    sharing.close()
    assert scopes(tmp_path, alice[0]) == {(bob[1], "baking")}
    assert stranger[1] not in contacts(tmp_path, alice[0])
    assert scopes(tmp_path, stranger[0]) == {(stranger[1], "cooking")}


def test_yes_on_both_terminals_pairs_and_syncs(tmp_path: Path, terminals: list[Terminal]) -> None:
    alice, newcomer = make_wallet(tmp_path, "alice"), make_wallet(tmp_path, "newcomer")
    endorse(tmp_path, newcomer[0], alice[1], "cooking")
    port = free_port()
    sharing = share(tmp_path, alice[0], port, terminals)

    joining = Terminal(tmp_path, newcomer[0], "sync", f"127.0.0.1:{port}")
    terminals.append(joining)
    joining.expect(QUESTION)
    sharing.expect(QUESTION)
    code = joining.output.split(QUESTION, 1)[1].split()[0]
    assert code in sharing.output.split(QUESTION, 1)[1]  # the same digits on both screens
    joining.type("y")
    sharing.type("yes")

    assert joining.wait() == 0, joining.errors
    assert "Synced with " + alice[1] in joining.output
    sharing.expect(f"Synced with {newcomer[1]}", on_stderr=True)
    assert "A pairing attempt" not in sharing.errors
    sharing.close()
    assert (newcomer[1], "cooking") in scopes(tmp_path, alice[0])
    assert contacts(tmp_path, alice[0]) == {newcomer[1]: True}
