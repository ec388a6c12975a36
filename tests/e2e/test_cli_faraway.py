"""`vouch invite`, `join` and `sync-with` as real processes through local wormhole servers."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.cli import child_env, run_vouch, vouch_command
from support.wormhole_servers import LocalServers, free_port, local_wormhole_servers


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServers]:
    with local_wormhole_servers(tmp_path_factory.mktemp("wormhole")) as running:
        yield running


@pytest.fixture(scope="module")
def people(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    root = tmp_path_factory.mktemp("far")
    made = {}
    for name in ("alice", "bob", "carol"):
        result = run_vouch("--json", "init", wallet=root / name)
        assert result.returncode == 0, result.stderr
        made[name] = (root / name, str(json.loads(result.stdout)["did"]))
    return made


def far(servers: LocalServers, *args: str) -> list[str]:
    return [*args, "--mailbox", servers.mailbox, "--transit", servers.transit, "--timeout", "30"]


def start(wallet: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        vouch_command(*args, wallet=wallet),
        env=child_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def invite(servers: LocalServers, wallet: Path, *extra: str) -> tuple[subprocess.Popen[str], str]:
    process = start(wallet, *far(servers, "invite", *extra))
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("Code: "), line + (process.stderr.read() if process.stderr else "")
    return process, line.removeprefix("Code: ").strip()


def test_invite_and_join_sync_and_remember_how_they_met(
    servers: LocalServers, people: dict[str, tuple[Path, str]]
) -> None:
    (alice, alice_did), (bob, bob_did) = people["alice"], people["bob"]
    endorsed = run_vouch("endorse", bob_did, "--scope", "plumbing", "--level", "3", wallet=alice)
    assert endorsed.returncode == 0, endorsed.stderr
    before = sum(total for _result, total in servers.relayed())
    inviting, code = invite(servers, alice, "--name", "Bob", "--relay-only")
    assert len(code.split("-")) >= 4
    joined = run_vouch(
        *far(servers, "--json", "join", code, "--name", "Alice", "--relay-only"), wallet=bob
    )
    _out, err = inviting.communicate(timeout=60)
    assert joined.returncode == 0, joined.stderr
    assert inviting.returncode == 0, err
    assert json.loads(joined.stdout)["received"]["added"] == 1
    received = json.loads(run_vouch("--json", "list", "--received", wallet=bob).stdout)
    assert [(e["issuer"], e["scope"]) for e in received] == [(alice_did, "plumbing")]
    contacts = {
        c["did"]: c for c in json.loads(run_vouch("--json", "contact", "list", wallet=bob).stdout)
    }
    assert contacts[alice_did]["petname"] == "Alice"
    assert contacts[alice_did]["verified_by"] == "code"
    named = json.loads(run_vouch("--json", "contact", "list", wallet=alice).stdout)
    assert [(c["petname"], c["verified_by"]) for c in named] == [("Bob", "code")]
    assert sum(total for _r, total in servers.relayed()) > before  # all through the relay


def test_a_wrong_code_stores_nothing_anywhere(
    servers: LocalServers, people: dict[str, tuple[Path, str]]
) -> None:
    (carol, _), (alice, _) = people["carol"], people["alice"]
    inviting, code = invite(servers, carol)
    nameplate = code.split("-")[0]
    joined = run_vouch(*far(servers, "join", f"{nameplate}-wrong-guess-here"), wallet=alice)
    inviting.communicate(timeout=60)
    assert joined.returncode == 1 and inviting.returncode == 1
    assert "The code did not match" in joined.stderr
    assert "Traceback" not in joined.stderr
    listed = json.loads(run_vouch("--json", "contact", "list", wallet=carol).stdout)
    assert listed == []


def test_contacts_meet_again_without_a_code(
    servers: LocalServers, people: dict[str, tuple[Path, str]]
) -> None:
    (alice, alice_did), (bob, bob_did) = people["alice"], people["bob"]
    if not json.loads(run_vouch("--json", "contact", "list", wallet=bob).stdout):
        pytest.skip("needs the invite test's contacts")  # pragma: no cover
    run_vouch("endorse", "Bob", "--scope", "roofing", "--level", "2", wallet=alice)
    meeting = start(alice, *far(servers, "sync-with", "Bob"))
    joined = run_vouch(*far(servers, "--json", "sync-with", "Alice"), wallet=bob)
    meeting.communicate(timeout=60)
    assert joined.returncode == 0, joined.stderr
    assert meeting.returncode == 0
    received = json.loads(run_vouch("--json", "list", "--received", wallet=bob).stdout)
    assert ("roofing", alice_did) in [(e["scope"], e["issuer"]) for e in received]
    assert bob_did != alice_did


def test_an_unreachable_mailbox_and_a_malformed_code_say_so(
    people: dict[str, tuple[Path, str]],
) -> None:
    alice, _ = people["alice"]
    down = f"ws://127.0.0.1:{free_port()}/v1"
    result = run_vouch("join", "5-any-three-words", "--mailbox", down, wallet=alice)
    assert result.returncode == 1 and "Could not reach the mailbox server" in result.stderr
    malformed = run_vouch("join", "not a code", wallet=alice)
    assert malformed.returncode == 1 and "That is not a wormhole code" in malformed.stderr
