"""The sync tests' wallets: one folder each under tmp_path, which is also the children's HOME.

The running and the environment are `support.cli`'s; this only fixes the sync tests' choices
(their passphrase, `--json` output, HOME in tmp_path).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from support.cli import child_env, read_until, run_child, vouch_command

PASS = "sync passphrase 1"


def cli_env(tmp_path: Path) -> dict[str, str]:
    return child_env(passphrase=PASS, home=tmp_path)


def vouch(tmp_path: Path, wallet: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`vouch --wallet WALLET --json ARGS`."""
    return run_child(vouch_command("--json", *args, wallet=wallet), cli_env(tmp_path), timeout=60)


def make_wallet(tmp_path: Path, name: str) -> tuple[Path, str]:
    home = tmp_path / name
    result = vouch(tmp_path, home, "init")
    assert result.returncode == 0, result.stderr
    return home, str(json.loads(result.stdout)["did"])


def wait_listening(proc: subprocess.Popen[str]) -> list[str]:
    """The lines `vouch share` printed up to "Visible as <instance>"."""
    return read_until(proc, "Visible as")
