"""A crash must not write the seed or the store key to disk: no core files, from any process.

Every entry point (`vouch`, `vouch-gui`, the signature-check helper) sets the core-file size
limit to zero, soft and hard, and on Linux marks itself not dumpable. Each is checked in a
real child process: the child reports its own limit and dumpable flag after the entry point
ran, and the limits of a running `vouch share` and of a running helper are read from /proc.
Children start with the core limit raised to what the hard limit allows, as under
`ulimit -c unlimited`. The control runs the same children on the code before the fix (see
`support.baseline`) and sees them keep the limit they were given and stay dumpable.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from support.baseline import baseline_app

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux /proc")

PASSPHRASE = "core dump test passphrase"
ENTRIES = ["vouch", "vouch-gui", "sigcheck"]
NO_CORES = {"core": [0, 0], "dumpable": 0}

# Runs one entry point as far as its start-up (`--help` ends it right after), then reports.
REPORT = """
import ctypes, ctypes.util, json, resource, runpy, sys
entry, out = sys.argv[1], sys.argv[2]
try:
    if entry == "vouch":
        from vouch.cli import main
        main(["--help"])
    elif entry == "vouch-gui":
        from vouch.gui.app import main
        main(["--help"])
    else:
        runpy.run_module("vouch.exchange.sigcheck", run_name="__main__")  # stdin is empty
except SystemExit:
    pass
libc = ctypes.CDLL(ctypes.util.find_library("c"))
report = {"core": resource.getrlimit(resource.RLIMIT_CORE), "dumpable": libc.prctl(3, 0, 0, 0, 0)}
open(out, "w").write(json.dumps(report))
"""

# Starts the signature-check helper the way an import does and reads its limit from /proc.
HELPER = """
import sys, time
from vouch.exchange.sigcheck import RECORD, _Helper
helper = _Helper.start()
helper.send([bytes(RECORD)])  # one check: once answered, the helper is past its start-up
deadline = time.monotonic() + 30
while helper.answered < 1 and time.monotonic() < deadline:
    time.sleep(0.01)
limits = open(f"/proc/{helper._process.pid}/limits").read()
helper.stop()
open(sys.argv[1], "w").write(limits)
"""


def hard_limit() -> int:
    """This process's hard core limit (0 once something here ran an entry point itself)."""
    return resource.getrlimit(resource.RLIMIT_CORE)[1]


def raise_core_limit() -> None:
    """In the child, before it runs: core files allowed, as far as the hard limit lets."""
    resource.setrlimit(resource.RLIMIT_CORE, (hard_limit(), hard_limit()))


def child_env(app: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VOUCH_")}
    env.update(
        VOUCH_KDF_COST="minimal",
        VOUCH_TEST_FAST_KDF="1",
        VOUCH_PASSPHRASE=PASSPHRASE,
        QT_QPA_PLATFORM="offscreen",
    )
    if app is not None:
        env["PYTHONPATH"] = str(app)
    return env


def report(entry: str, tmp_path: Path, app: Path | None = None) -> dict[str, Any]:
    out = tmp_path / f"{entry}.json"
    subprocess.run(
        [sys.executable, "-c", REPORT, entry, str(out)],
        env=child_env(app),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
        preexec_fn=raise_core_limit,
        check=True,
    )
    return dict(json.loads(out.read_text()))


def core_limit(limits: str) -> tuple[str, str]:
    """(soft, hard) from the text of /proc/<pid>/limits."""
    found = re.search(r"^Max core file size\s+(\S+)\s+(\S+)", limits, re.MULTILINE)
    assert found is not None, limits
    return found.group(1), found.group(2)


def helper_limits(tmp_path: Path, app: Path | None = None) -> tuple[str, str]:
    out = tmp_path / "helper-limits.txt"
    subprocess.run(
        [sys.executable, "-c", HELPER, str(out)],
        env=child_env(app),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
        preexec_fn=raise_core_limit,
        check=True,
    )
    return core_limit(out.read_text())


def share_limits(tmp_path: Path, app: Path | None = None) -> tuple[str, str]:
    """The core limit of a running `vouch share`, read once it has said something."""
    wallet = tmp_path / "wallet"
    cli = [sys.executable, "-m", "vouch.cli", "--wallet", str(wallet)]
    env = child_env(app)
    subprocess.run([*cli, "init"], env=env, capture_output=True, timeout=120, check=True)
    share = subprocess.Popen(
        [*cli, "share", "--listen", "127.0.0.1:0", "--no-announce", "--timeout", "60"],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=raise_core_limit,
    )
    try:
        assert share.stdout is not None
        first = share.stdout.readline()  # `main` has run by the time anything is printed
        assert share.poll() is None, first + share.stdout.read()
        return core_limit(Path(f"/proc/{share.pid}/limits").read_text())
    finally:
        share.terminate()
        share.wait(timeout=30)
        if share.stdout is not None:
            share.stdout.close()


@pytest.mark.parametrize("entry", ENTRIES)
def test_every_entry_point_turns_core_dumps_off(entry: str, tmp_path: Path) -> None:
    assert report(entry, tmp_path) == NO_CORES


def test_a_running_share_has_no_core_limit_left(tmp_path: Path) -> None:
    assert share_limits(tmp_path) == ("0", "0")


def test_a_running_signature_helper_has_no_core_limit_left(tmp_path: Path) -> None:
    assert helper_limits(tmp_path) == ("0", "0")


def test_control_the_code_before_the_fix_leaves_core_dumps_on(tmp_path: Path) -> None:
    app = baseline_app(tmp_path)
    hard = hard_limit()
    for entry in ENTRIES:
        before = report(entry, tmp_path, app)
        assert before["dumpable"] == 1, (entry, before)
        if hard != 0:
            assert before["core"] == [hard, hard], (entry, before)
    if hard != 0:  # else nothing could have raised it: the flag above is the control
        assert share_limits(tmp_path, app) != ("0", "0")
        assert helper_limits(tmp_path, app) != ("0", "0")
