"""`vouch-gui --smoke-test` to the unlock screen, the whole process, beside an empty PySide6 window.

The floor is a process that imports PySide6's widgets, shows one empty window and quits once
the event loop runs: no desktop app with a Qt window can start faster on this machine. The app
is timed the same way, from the moment the process is started until it has exited after
showing the unlock screen (`--smoke-test` quits right there). Medians of 5 runs each,
alternating, both offscreen.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -m bench --benchmark-enable \
    tests/bench/test_startup_bench.py -s
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from support.cli import as_installed, child_env, vouch_command

pytestmark = pytest.mark.bench

RUNS = 5
TARGET_RATIO = 2.0
EMPTY_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""
HEAVY = (
    "numpy",
    "scipy",
    "zeroconf",
    "noise",
    "segno",
    "vouch.exchange.runtime",
    "vouch.trust.engine",
    "vouch.wallet.facade",
    "vouch.core.store.db",
    "vouch.gui.pages.exchange",
)
# Which of HEAVY the app has loaded when the unlock screen shows.
LOADED = """
import sys
from PySide6.QtCore import QTimer
import vouch.gui.app as app
heavy = {heavy!r}
def report():
    print("LOADED " + " ".join(m for m in heavy if m in sys.modules), flush=True)
app._smoke_check, original = (lambda a, w: (report(), original(a, w))), app._smoke_check
sys.exit(app.main(["--wallet", sys.argv[1], "--smoke-test"]))
"""


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stderr[-2000:]
    return seconds


def test_start_to_unlock_screen_against_empty_window(benchmark: Any, tmp_path: Path) -> None:
    env = as_installed(child_env(QT_QPA_PLATFORM="offscreen"), tmp_path / "pycache")
    home = tmp_path / "wallet"
    subprocess.run(vouch_command("init", wallet=home), env=env, check=True, capture_output=True)
    app = [sys.executable, "-m", "vouch", "--wallet", str(home), "--smoke-test"]
    empty = [sys.executable, "-c", EMPTY_WINDOW]
    _timed(app, env)  # warm the page cache for both
    _timed(empty, env)
    apps, empties = [], []

    def run() -> None:
        for _ in range(RUNS):
            apps.append(_timed(app, env))
            empties.append(_timed(empty, env))

    benchmark.pedantic(run, rounds=1, iterations=1)
    loaded = subprocess.run(
        [sys.executable, "-c", LOADED.format(heavy=HEAVY), str(home)],
        env=env,
        capture_output=True,
        text=True,
    )
    heavy = next(
        (line[7:] for line in loaded.stdout.splitlines() if line.startswith("LOADED ")), "?"
    )
    app_s, floor = statistics.median(apps), statistics.median(empties)
    print(
        f"\n[bench] vouch-gui --smoke-test, whole process: {app_s:.2f} s median of {RUNS}; "
        f"empty PySide6 window, whole process: {floor:.2f} s; ratio {app_s / floor:.2f} "
        f"(target <= {TARGET_RATIO}); loaded before the unlock screen: {heavy or 'none of '}"
        f"{'' if heavy else ', '.join(HEAVY)}; {os.cpu_count()} cores"
    )
