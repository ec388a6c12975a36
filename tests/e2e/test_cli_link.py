"""`vouch link` / `link-join` / `devices` as real processes through local wormhole servers.

Two devices of one person end with the same did, statements and contacts; afterwards an
endorsement made on either and a name changed on either reach the other in one sync.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from support.cli import child_env, run_vouch, vouch_command
from support.wormhole_servers import LocalServers, local_wormhole_servers


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServers]:
    with local_wormhole_servers(tmp_path_factory.mktemp("wormhole")) as running:
        yield running


def far(servers: LocalServers, *args: str) -> list[str]:
    return [*args, "--mailbox", servers.mailbox, "--transit", servers.transit, "--timeout", "30"]


def ok(*args: str, wallet: Path, **options: Any) -> Any:
    result = run_vouch("--json", *args, wallet=wallet, **options)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout) if result.stdout.strip() else None


def offer(servers: LocalServers, wallet: Path, *extra: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        vouch_command(*far(servers, "link", *extra), wallet=wallet),
        env=child_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("Code: "), line + (process.stderr.read() if process.stderr else "")
    return process, line.removeprefix("Code: ").strip()


def statements(wallet: Path) -> list[tuple[str, str, str]]:
    listed = ok("list", wallet=wallet)
    return sorted((e["issuer"], e["id"], e["audience"]) for e in listed)


def contacts(wallet: Path) -> list[tuple[str, str, str]]:
    return sorted(
        (c["did"], c["petname"], c["verified_by"]) for c in ok("contact", "list", wallet=wallet)
    )


def sync_devices(servers: LocalServers, a: Path, b: Path) -> dict[str, Any]:
    """One sync between the two devices, through a fresh code."""
    process = subprocess.Popen(
        vouch_command(*far(servers, "invite"), wallet=a),
        env=child_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    code = process.stdout.readline().removeprefix("Code: ").strip()
    joined = ok(*far(servers, "join", code), wallet=b)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    return dict(joined)


def test_link_a_second_device_then_both_stay_alike(servers: LocalServers, tmp_path: Path) -> None:
    laptop, desktop, dana = tmp_path / "laptop", tmp_path / "desktop", tmp_path / "dana"
    me = ok("init", wallet=laptop)["did"]
    dana_did = ok("init", wallet=dana)["did"]
    ok("contact", "add", dana_did, "--name", "Dana", "--verified", wallet=laptop)
    ok("endorse", "Dana", "--scope", "plumbing", "--level", "3", wallet=laptop)
    ok("contact", "add", me, "--name", "Sam", wallet=dana)
    ok("endorse", "Sam", "--scope", "gardening", "--level", "2", wallet=dana)
    ok("export", "--all", "-o", str(tmp_path / "from-dana.vouch"), wallet=dana)
    ok("import", str(tmp_path / "from-dana.vouch"), wallet=laptop)  # received: stays private

    linking, code = offer(servers, laptop, "--yes")
    joined = run_vouch(*far(servers, "--json", "link-join", code), wallet=desktop)
    _out, err = linking.communicate(timeout=60)
    assert joined.returncode == 0, joined.stderr
    assert linking.returncode == 0, err
    assert "Safety code:" in joined.stderr and "Safety code:" in err
    safety = [line for line in joined.stderr.splitlines() if line.startswith("Safety code:")]
    assert safety[0][:20] in err  # the same six digits on both screens

    assert ok("whoami", wallet=desktop)["did"] == me
    assert statements(desktop) == statements(laptop)
    assert "private" in {a for _i, _id, a in statements(desktop)}
    assert contacts(desktop) == contacts(laptop) == [(dana_did, "Dana", "in-person")]
    devices = ok("devices", wallet=laptop)
    assert len(devices) == 2 and devices[0]["this_device"]
    assert devices[1]["device_id"] == ok("devices", wallet=desktop)[0]["device_id"]

    # Afterwards: an endorsement on either, a name changed on either, one sync.
    ok("endorse", "Dana", "--scope", "roofing", "--level", "2", wallet=desktop)
    ok("contact", "add", dana_did, "--name", "Dana Plumber", "--verified", wallet=laptop)
    report = sync_devices(servers, desktop, laptop)
    assert report["peer_did"] == me
    assert statements(desktop) == statements(laptop)
    assert len(statements(laptop)) == 3
    assert contacts(desktop) == [(dana_did, "Dana Plumber", "in-person")]
    ok("devices", "rename", devices[1]["device_id"][:8], "Desk", wallet=laptop)
    ok("contact", "remove", "Dana Plumber", wallet=desktop)
    # The repeat sync without a code: each device names the other.
    laptop_name = ok("devices", wallet=desktop)[1]["name"]
    meeting = subprocess.Popen(
        vouch_command(*far(servers, "sync-with", "Desk"), wallet=laptop),
        env=child_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    met = run_vouch(*far(servers, "--json", "sync-with", laptop_name), wallet=desktop)
    _out, err = meeting.communicate(timeout=60)
    assert met.returncode == 0, met.stderr
    assert meeting.returncode == 0, err
    assert "your other device" in err
    assert ok("devices", wallet=desktop)[0]["name"] == "Desk"
    assert contacts(laptop) == contacts(desktop) == []


def test_link_join_refuses_a_folder_that_holds_a_wallet_before_any_server(
    tmp_path: Path,
) -> None:
    existing = tmp_path / "existing"
    ok("init", wallet=existing)
    joined = run_vouch(
        "link-join", "7-guitarist-revenge", "--mailbox", "ws://127.0.0.1:9/v1", wallet=existing
    )
    assert joined.returncode == 1
    assert "already exists" in joined.stderr and "Traceback" not in joined.stderr


def test_refusing_the_safety_code_sends_nothing(servers: LocalServers, tmp_path: Path) -> None:
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"
    ok("init", wallet=laptop)
    joining_env = child_env()
    linking, code = offer(servers, laptop)
    joiner = subprocess.Popen(
        vouch_command(*far(servers, "link-join", code), wallet=desktop),
        env=joining_env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Not a terminal and no --yes: the question cannot be asked, so the identity is not sent.
    _out, err = linking.communicate(timeout=60)
    _jout, jerr = joiner.communicate(timeout=60)
    assert linking.returncode == 1 and joiner.returncode == 1
    assert "--yes" in err
    assert not desktop.exists() or not any(desktop.iterdir())
    assert "did not confirm" in jerr and "Traceback" not in jerr
    # Positive control: the same pair with --yes links (the folder check above could fail).
    linking, code = offer(servers, laptop, "--yes")
    joined = run_vouch(*far(servers, "link-join", code), wallet=desktop)
    linking.communicate(timeout=60)
    assert joined.returncode == 0, joined.stderr
    assert any(desktop.iterdir())
