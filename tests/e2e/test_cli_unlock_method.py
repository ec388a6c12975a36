"""`vouch unlock-method` as a subprocess, on a machine without a usable OS unlock (CI)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PASSPHRASE = "correct horse battery staple"


def vouch(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VOUCH_")}
    env.update({"VOUCH_TEST_FAST_KDF": "1", "VOUCH_PASSPHRASE": PASSPHRASE})
    # No session bus: the Secret Service cannot answer, as on a headless server.
    env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={home}/no-such-bus"
    return subprocess.run(
        [sys.executable, "-m", "vouch.cli", "--wallet", str(home), *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_status_enable_disable_without_os_support(tmp_path: Path) -> None:
    home = tmp_path / "w"
    assert vouch(home, "init").returncode == 0
    status = vouch(home, "--json", "unlock-method", "status")
    assert status.returncode == 0, status.stderr
    data = json.loads(status.stdout)
    assert data == {"method": data["method"], "available": False, "enabled": False}

    enable = vouch(home, "unlock-method", "enable")
    assert enable.returncode == 1
    assert "Traceback" not in enable.stderr
    assert enable.stderr.startswith("vouch: ") and len(enable.stderr.strip().splitlines()) == 1
    assert not (home / "os-unlock" / "enrolled-wallet-id").exists()

    disable = vouch(home, "unlock-method", "disable")
    assert disable.returncode == 0, disable.stderr
    text = vouch(home, "unlock-method", "status")
    assert text.returncode == 0 and ": off" in text.stdout
    assert vouch(home, "whoami").returncode == 0  # the passphrase still opens it
