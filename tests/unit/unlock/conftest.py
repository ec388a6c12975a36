"""Fixtures for the OS unlock tests: a private D-Bus session with a real GNOME Keyring.

The bus uses its own configuration with no service directories, so nothing is started behind
our back by D-Bus activation: the Secret Service exists only while our keyring daemon runs.
HOME and XDG_RUNTIME_DIR point into tmp_path, so the user's real keyring is never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from unlock_fakes import Session, stop_process

from vouch.unlock.secret_service import SecretStorageAdapter

KEYRING_PASSWORD = b"keyring test password"
_START_LIMIT_S = 20.0

_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={runtime}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def _need(command: str) -> str:
    path = shutil.which(command)
    if path is None:
        pytest.fail(f"{command} is missing: run scripts/system-deps.sh (dbus, gnome-keyring)")
    return path


@pytest.fixture
def session_bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    """A private session bus (no keyring yet), with HOME and XDG dirs inside tmp_path."""
    home = tmp_path / "home"
    runtime = tmp_path / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    config = tmp_path / "bus.conf"
    config.write_text(_BUS_CONFIG.format(runtime=runtime), encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("GNOME_KEYRING_CONTROL", raising=False)
    bus = subprocess.Popen(
        [_need("dbus-daemon"), f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=dict(os.environ),
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().decode("ascii").strip()
    if not address:
        stop_process(bus)
        pytest.fail("dbus-daemon did not start")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    session = Session(home=home, runtime=runtime, address=address, bus=bus)
    try:
        yield session
    finally:
        session.stop_keyring()
        stop_process(bus)
        bus.stdout.close()


@pytest.fixture
def keyring(session_bus: Session) -> Session:
    """A real gnome-keyring-daemon serving the Secret Service, its login keyring unlocked."""
    proc = subprocess.Popen(
        [
            _need("gnome-keyring-daemon"),
            "--foreground",
            "--unlock",
            "--components=secrets",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=dict(os.environ),
    )
    assert proc.stdin is not None
    proc.stdin.write(KEYRING_PASSWORD)
    proc.stdin.close()
    session_bus.keyring = proc
    _wait_for_secret_service(proc)
    return session_bus


def _wait_for_secret_service(proc: subprocess.Popen[bytes]) -> None:
    adapter = SecretStorageAdapter()
    deadline = time.monotonic() + _START_LIMIT_S
    problem = "not started"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"gnome-keyring-daemon exited with status {proc.returncode}")
        problem = adapter.problem()
        if not problem:
            return
        time.sleep(0.05)
    pytest.fail(f"the Secret Service did not come up: {problem}")
