"""`vouch backup` and `vouch restore-backup` as real processes, including a kill mid-backup."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from sync_helpers import cli_env, make_wallet, vouch

from vouch.wallet.backup import MAGIC


def test_backup_then_restore_gives_the_same_wallet(tmp_path: Path) -> None:
    home, did = make_wallet(tmp_path, "alice")
    _bob, bob_did = make_wallet(tmp_path, "bob")
    assert vouch(tmp_path, home, "contact", "add", bob_did, "--name", "Bob").returncode == 0
    endorsed = vouch(tmp_path, home, "endorse", bob_did, "--scope", "plumbing", "--level", "3")
    assert endorsed.returncode == 0, endorsed.stderr
    file = tmp_path / "alice.vouchbackup"
    made = vouch(tmp_path, home, "backup", "-o", str(file))
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["file"] == str(file)
    restored_home = tmp_path / "restored"
    restored = vouch(tmp_path, restored_home, "restore-backup", str(file))
    assert restored.returncode == 0, restored.stderr
    assert json.loads(restored.stdout)["did"] == did
    listed = json.loads(vouch(tmp_path, restored_home, "list", "--given").stdout)
    assert [(e["subject"], e["scope"]) for e in listed] == [(bob_did, "plumbing")]
    contacts = json.loads(vouch(tmp_path, restored_home, "contact", "list").stdout)
    assert [c["petname"] for c in contacts] == ["Bob"]


def test_restoring_over_a_wallet_is_refused_with_one_line(tmp_path: Path) -> None:
    home, _did = make_wallet(tmp_path, "alice")
    file = tmp_path / "b"
    assert vouch(tmp_path, home, "backup", "-o", str(file)).returncode == 0
    refused = vouch(tmp_path, home, "restore-backup", str(file))
    assert refused.returncode == 1
    assert refused.stderr.startswith("vouch: A wallet already exists")
    assert "Traceback" not in refused.stderr


def test_a_killed_backup_leaves_the_old_file_or_none(tmp_path: Path) -> None:
    home, _did = make_wallet(tmp_path, "alice")
    _bob, bob_did = make_wallet(tmp_path, "bob")
    for scope in range(8):
        vouch(tmp_path, home, "endorse", bob_did, "--scope", f"task{scope}", "--level", "2")
    file = tmp_path / "alice.vouchbackup"
    assert vouch(tmp_path, home, "backup", "-o", str(file)).returncode == 0
    command = [sys.executable, "-m", "vouch.cli", "--wallet", str(home), "backup", "-o", str(file)]
    for delay in (0.05, 0.15, 0.3, 0.5, 0.8):
        process = subprocess.Popen(command, env=cli_env(tmp_path), stdin=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        # Whatever the moment of the kill, the file is a whole backup (the old or the new one):
        # it restores, which checks its length and its MAC over every byte.
        assert file.read_bytes().startswith(MAGIC)
        restored = tmp_path / f"restored-{delay}"
        result = vouch(tmp_path, restored, "restore-backup", str(file))
        assert result.returncode == 0, result.stderr
    assert vouch(tmp_path, home, "backup", "-o", str(file)).returncode == 0
    # The next backup clears what a killed one left behind.
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert [p.name for p in home.iterdir() if p.name.startswith(".vouch-backup-")] == []
