"""Two wallets on two network hosts: Linux network namespaces joined by a veth pair.

Alice's `vouch share` runs inside its own namespace with its own address; Bob, in the
test's namespace, finds her by mDNS across the link and syncs with her by name. Needs root
(CAP_NET_ADMIN) and `ip`; where the machine does not allow namespaces the test says why.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sync_helpers import cli_env, make_wallet, vouch, wait_listening


@dataclass
class Link:
    namespace: str
    inside_ip: str
    outside_ip: str


def _ip(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["ip", *args], capture_output=True, text=True, timeout=20)


@pytest.fixture
def link() -> Iterator[Link]:
    if shutil.which("ip") is None or os.geteuid() != 0:
        pytest.skip("two-host test needs root and iproute2 (network namespaces)")
    tag = f"{os.getpid() % 100000}"
    namespace, outside, inside = f"vouch{tag}", f"vo{tag}a", f"vo{tag}b"
    subnet = f"10.{77 + os.getpid() % 100}.{os.getpid() % 250}"
    if _ip("netns", "add", namespace).returncode != 0:
        pytest.skip("this machine does not allow network namespaces")
    try:
        steps = [
            ("link", "add", outside, "type", "veth", "peer", "name", inside),
            ("link", "set", inside, "netns", namespace),
            ("addr", "add", f"{subnet}.1/24", "dev", outside),
            ("link", "set", outside, "up", "multicast", "on"),
            ("-n", namespace, "addr", "add", f"{subnet}.2/24", "dev", inside),
            ("-n", namespace, "link", "set", inside, "up", "multicast", "on"),
            ("-n", namespace, "link", "set", "lo", "up"),
        ]
        for step in steps:
            result = _ip(*step)
            assert result.returncode == 0, f"ip {' '.join(step)}: {result.stderr}"
        yield Link(namespace, f"{subnet}.2", f"{subnet}.1")
    finally:
        _ip("link", "del", outside)
        _ip("netns", "del", namespace)


def wait_visible(proc: subprocess.Popen[str]) -> str:
    """The instance name printed by `vouch share` once it is visible."""
    return wait_listening(proc)[-1].split()[-1]


def test_two_hosts_find_each_other_and_sync(tmp_path: Path, link: Link) -> None:
    alice, alice_did = make_wallet(tmp_path, "alice")
    bob, bob_did = make_wallet(tmp_path, "bob")
    for home, other, name in ((alice, bob_did, "Bob"), (bob, alice_did, "Alice")):
        added = vouch(tmp_path, home, "contact", "add", other, "--name", name, "--verified")
        assert added.returncode == 0, added.stderr
    given = vouch(tmp_path, alice, "endorse", bob_did, "--scope", "roofing", "--level", "4")
    assert given.returncode == 0, given.stderr

    command = [sys.executable, "-m", "vouch.cli", "--wallet", str(alice), "share"]
    command += ["--listen", f"{link.inside_ip}:47811", "--timeout", "60"]
    proc = subprocess.Popen(
        ["ip", "netns", "exec", link.namespace, *command],
        env=cli_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        instance = wait_visible(proc)
        found = vouch(tmp_path, bob, "peers", "--timeout", "4")
        assert found.returncode == 0, found.stderr
        peers = json.loads(found.stdout)
        assert any(instance in str(peer["name"]) for peer in peers), peers
        alice_seen = [p for p in peers if instance in str(p["name"])]
        assert [(p["host"], p["port"]) for p in alice_seen] == [(link.inside_ip, 47811)]

        synced = vouch(tmp_path, bob, "sync", instance)
        assert synced.returncode == 0, synced.stderr
        report = json.loads(synced.stdout)
        assert report["peer_did"] == alice_did
        assert report["received"]["added"] == 1
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()
    listed = vouch(tmp_path, bob, "list")
    scopes = {(e["issuer"], e["scope"]) for e in json.loads(listed.stdout)}
    assert (alice_did, "roofing") in scopes
