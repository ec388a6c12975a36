"""The command line's progress line: on a terminal only, cleared at the end, never in a pipe."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
from pathlib import Path

from support.cli import child_env, run_vouch, vouch_command
from vouch.cli.progress import TerminalProgress
from vouch.core.identity import Identity
from vouch.core.records import Level
from vouch.exchange import bundle as bundles
from vouch.wallet import Wallet


class _Terminal(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def test_a_terminal_sees_one_rewritten_line_then_nothing() -> None:
    screen = _Terminal(tty=True)
    now = [100.0]
    shown = TerminalProgress("Storing", screen, clock=lambda: now[0])
    shown(1000, 50_000)
    now[0] += 0.05
    shown(2000, 50_000)  # within a tenth of a second: skipped
    now[0] += 0.2
    shown(3000, 50_000)
    shown(50_000, 50_000)  # the last one always shows
    shown.done()
    written = screen.getvalue()
    assert written.startswith("\rStoring: 1,000 of 50,000")
    assert "2,000" not in written
    assert "\rStoring: 3,000 of 50,000" in written
    assert "\rStoring: 50,000 of 50,000" in written
    assert written.endswith("\r" + " " * len("Storing: 50,000 of 50,000") + "\r")


def test_a_pipe_sees_nothing() -> None:
    pipe = _Terminal(tty=False)
    shown = TerminalProgress("Storing", pipe)
    shown(50_000, 50_000)
    shown.done()
    assert pipe.getvalue() == ""


def _bundle(tmp_path: Path) -> Path:
    issuer = Wallet.create(tmp_path / "issuer", "progress test passphrase")
    with issuer:
        documents = [
            json.loads(
                issuer.endorse(Identity.generate().did, f"task{n}", Level.SMALL_THINGS).document
            )
            for n in range(5)
        ]
        path = tmp_path / "in.vouch"
        path.write_bytes(bundles.encode_bundle(issuer.identity, documents))
    return path


def _stderr_on_a_terminal(command: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=follower,
            timeout=120,
        )
    finally:
        os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal's other end is closed: everything has been read
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    return done.returncode, done.stdout.decode(), seen.decode(errors="replace")


def test_vouch_import_shows_progress_on_a_terminal_only(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path)
    home = tmp_path / "wallet"
    assert run_vouch("init", wallet=home).returncode == 0
    command = vouch_command("--json", "import", str(bundle), wallet=home)
    code, out, err = _stderr_on_a_terminal(command, child_env())
    assert code == 0, err
    assert json.loads(out)["added"] == 5  # the result itself is unchanged on stdout
    assert "Checking and storing: 5 of 5" in err
    # The control: the same import into another wallet, standard error a pipe.
    other = tmp_path / "other"
    assert run_vouch("init", wallet=other).returncode == 0
    piped = run_vouch("--json", "import", str(bundle), wallet=other)
    assert piped.returncode == 0 and json.loads(piped.stdout)["added"] == 5
    assert "Checking and storing" not in piped.stderr
