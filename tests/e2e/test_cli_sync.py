"""Two (and three) wallet processes syncing over loopback through the `vouch` CLI."""

from __future__ import annotations

import json
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_helpers import cli_env, make_wallet, vouch, wait_listening

from support.cli import start_child, vouch_command


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def sharing(tmp_path: Path) -> Iterator[tuple[Path, str, int, subprocess.Popen[str]]]:
    home, did = make_wallet(tmp_path, "alice")
    port = free_port()
    command = vouch_command(
        "share", "--listen", f"127.0.0.1:{port}", "--timeout", "60", wallet=home
    )
    proc = start_child(command, cli_env(tmp_path))
    yield home, did, port, proc
    proc.terminate()
    proc.wait(timeout=10)
    if proc.stdout is not None:
        proc.stdout.close()


def listed(tmp_path: Path, home: Path) -> list[dict[str, object]]:
    result = vouch(tmp_path, home, "list")
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout))


def test_paired_wallets_sync_both_ways_and_a_stranger_gets_nothing(
    tmp_path: Path, sharing: tuple[Path, str, int, subprocess.Popen[str]]
) -> None:
    alice, alice_did, port, proc = sharing
    bob, bob_did = make_wallet(tmp_path, "bob")
    carol, _ = make_wallet(tmp_path, "carol")
    for home, other, name in ((alice, bob_did, "Bob"), (bob, alice_did, "Alice")):
        assert (
            vouch(tmp_path, home, "contact", "add", other, "--name", name, "--verified").returncode
            == 0
        )
    given = vouch(tmp_path, alice, "endorse", bob_did, "--scope", "plumbing", "--level", "3")
    assert given.returncode == 0, given.stderr
    assert (
        vouch(tmp_path, bob, "endorse", alice_did, "--scope", "baking", "--level", "2").returncode
        == 0
    )
    wait_listening(proc)

    result = vouch(tmp_path, bob, "sync", f"127.0.0.1:{port}")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["peer_did"] == alice_did
    assert report["received"]["added"] == 1 and report["sent"] == 1
    scopes = {(e["issuer"], e["scope"]) for e in listed(tmp_path, bob)}
    assert (alice_did, "plumbing") in scopes

    stranger = vouch(tmp_path, carol, "sync", f"127.0.0.1:{port}")
    assert stranger.returncode == 1
    assert "Traceback" not in stranger.stderr and stranger.stderr.strip()
    assert listed(tmp_path, carol) == []

    proc.terminate()
    proc.wait(timeout=10)
    alice_scopes = {(e["issuer"], e["scope"]) for e in listed(tmp_path, alice)}
    assert (bob_did, "baking") in alice_scopes


def test_a_visible_wallet_is_found_by_name_without_identifying_its_owner(
    tmp_path: Path, sharing: tuple[Path, str, int, subprocess.Popen[str]]
) -> None:
    alice, alice_did, _port, proc = sharing
    lines = wait_listening(proc)
    instance = lines[-1].split()[-1]
    assert instance.startswith("vouch-") and alice_did not in instance
    found = vouch(tmp_path, alice, "peers", "--timeout", "3")
    assert found.returncode == 0, found.stderr
    names = [peer["name"] for peer in json.loads(found.stdout)]
    if not any(instance in name for name in names):
        pytest.fail(f"mDNS did not show {instance} among {names}")
    assert all(alice_did not in name for name in names)
