"""Running the `vouch` CLI as subprocesses for the sync tests (one wallet folder each)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

PASS = "sync passphrase 1"


def cli_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(VOUCH_TEST_FAST_KDF="1", VOUCH_PASSPHRASE=PASS, HOME=str(tmp_path))
    return env


def vouch(tmp_path: Path, wallet: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vouch.cli", "--wallet", str(wallet), "--json", *args],
        env=cli_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def make_wallet(tmp_path: Path, name: str) -> tuple[Path, str]:
    home = tmp_path / name
    result = vouch(tmp_path, home, "init")
    assert result.returncode == 0, result.stderr
    return home, str(json.loads(result.stdout)["did"])


def wait_listening(proc: subprocess.Popen[str]) -> list[str]:
    """The lines `vouch share` printed up to "Visible as <instance>"."""
    lines: list[str] = []
    assert proc.stdout is not None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        lines.append(line)
        if line.startswith("Visible as"):
            return lines
    raise AssertionError("the sharing wallet never became visible: " + "".join(lines))
