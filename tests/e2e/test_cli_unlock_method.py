"""`vouch unlock-method` as a subprocess, on a machine without a usable OS unlock (CI)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from support.cli import one_line_error, run_vouch


def vouch(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # No session bus: the Secret Service cannot answer, as on a headless server.
    return run_vouch(*args, wallet=home, DBUS_SESSION_BUS_ADDRESS=f"unix:path={home}/no-such-bus")


def test_status_enable_disable_without_os_support(tmp_path: Path) -> None:
    home = tmp_path / "w"
    assert vouch(home, "init").returncode == 0
    status = vouch(home, "--json", "unlock-method", "status")
    assert status.returncode == 0, status.stderr
    data = json.loads(status.stdout)
    assert data == {"method": data["method"], "available": False, "enabled": False}

    one_line_error(vouch(home, "unlock-method", "enable"))
    assert not (home / "os-unlock" / "enrolled-wallet-id").exists()

    disable = vouch(home, "unlock-method", "disable")
    assert disable.returncode == 0, disable.stderr
    text = vouch(home, "unlock-method", "status")
    assert text.returncode == 0 and ": off" in text.stdout
    assert vouch(home, "whoami").returncode == 0  # the passphrase still opens it
