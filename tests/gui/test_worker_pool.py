"""Long jobs (the exchange runtime, a device link) never keep a quick job waiting."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from vouch.gui import worker


def test_a_quick_job_runs_while_long_ones_hold_their_threads(qtbot: QtBot) -> None:
    """Three long jobs: more than Qt's default pool of one thread per core here."""
    release = threading.Event()
    for _ in range(3):
        worker.run(lambda _job: release.wait(30))
    done: list[str] = []
    try:
        worker.run(lambda _job: "quick", on_success=done.append)
        qtbot.waitUntil(lambda: done == ["quick"], timeout=5_000)
    finally:
        release.set()
    assert worker.wait_for_all(5_000)
