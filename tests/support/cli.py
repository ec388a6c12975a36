"""The `vouch` command as a child process, run the way a person or a script runs it.

A child gets the test's environment without its `VOUCH_*` variables, then a cheap key
derivation for the wallets it creates, the passphrase in `VOUCH_PASSPHRASE`, and whatever the
test adds. It never reads a terminal: standard input is empty unless the test gives some.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

PASSPHRASE = "correct horse battery staple"
KDF_ENV = {"VOUCH_KDF_COST": "minimal"}  # wallets made by children: a tiny Argon2id cost


def child_env(
    *,
    passphrase: str | None = PASSPHRASE,
    home: Path | None = None,
    base: Mapping[str, str] | None = None,
    **extra: str,
) -> dict[str, str]:
    """`base` (this process's environment by default) without its `VOUCH_*` variables, plus
    the cheap key derivation, the passphrase (unless None), `HOME` when given, and `extra`."""
    source = os.environ if base is None else base
    env = {k: v for k, v in source.items() if not k.startswith("VOUCH_")}
    env.update(KDF_ENV)
    if passphrase is not None:
        env["VOUCH_PASSPHRASE"] = passphrase
    if home is not None:
        env["HOME"] = str(home)
    env.update(extra)
    return env


# What the app imports, compiled once into a benchmark's bytecode folder before it is timed.
APP_MODULES = "import vouch.cli.main, vouch.gui.app, vouch.wallet.facade, vouch.exchange.importing"


def as_installed(env: dict[str, str], cache: Path) -> dict[str, str]:
    """`env` for timing the app as installed: with compiled bytecode (an installed package and
    the packaged app have it), kept in `cache` and written now, so that a shell with
    PYTHONDONTWRITEBYTECODE does not make every timed start compile every module again."""
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    subprocess.run([sys.executable, "-c", APP_MODULES], env=env, check=True, capture_output=True)
    return env


def vouch_command(*args: str, wallet: Path | None = None) -> list[str]:
    """`vouch [--wallet DIR] ARGS`, run by this test's Python."""
    where = ["--wallet", str(wallet)] if wallet is not None else []
    return [sys.executable, "-m", "vouch.cli", *where, *args]


def run_child(
    command: Sequence[str],
    env: Mapping[str, str],
    *,
    timeout: float = 120,
    input: str | None = None,
    **options: Any,
) -> subprocess.CompletedProcess[str]:
    """Run a child to its end; its output comes back as text."""
    return subprocess.run(
        list(command),
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        input=input,
        stdin=None if input is not None else subprocess.DEVNULL,
        **options,
    )


def run_vouch(
    *args: str,
    wallet: Path | None = None,
    passphrase: str | None = PASSPHRASE,
    home: Path | None = None,
    input: str | None = None,
    timeout: float = 120,
    **extra: str,
) -> subprocess.CompletedProcess[str]:
    """`vouch [--wallet DIR] ARGS` to its end, in the environment of `child_env`."""
    env = child_env(passphrase=passphrase, home=home, **extra)
    return run_child(vouch_command(*args, wallet=wallet), env, timeout=timeout, input=input)


def start_child(command: Sequence[str], env: Mapping[str, str]) -> subprocess.Popen[str]:
    """Start a long-running child (such as `vouch share`); its stdout and stderr in one pipe."""
    return subprocess.Popen(
        list(command),
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
    )


def read_until(proc: subprocess.Popen[str], prefix: str, seconds: float = 30) -> list[str]:
    """The lines a started child printed, up to and including the first that starts with
    `prefix`; fails after `seconds` or when the child stops first."""
    lines: list[str] = []
    assert proc.stdout is not None
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            break
        lines.append(line)
        if line.startswith(prefix):
            return lines
    raise AssertionError(f"no line starting with {prefix!r}: " + "".join(lines))


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The one line `vouch: ...` that a refused command prints (exit status 1, no traceback)."""
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("vouch: ")
    return lines[0]
