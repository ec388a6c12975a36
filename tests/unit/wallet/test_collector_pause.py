"""The cycle collector is paused during a bulk import and resumes without first passing over
everything the import allocated (those objects are freed by reference counting)."""

from __future__ import annotations

import gc
from collections.abc import Callable

import pytest

from vouch.wallet.importing import without_collector_passes


@pytest.fixture(autouse=True)
def collector_on() -> None:
    gc.enable()


def _allocate(count: int) -> list[dict[str, int]]:
    return [{"n": n} for n in range(count)]


def test_paused_inside_and_back_on_after() -> None:
    with without_collector_passes():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), without_collector_passes():
        raise RuntimeError("an error in the import")
    assert gc.isenabled()


def test_left_paused_when_it_was_paused() -> None:
    gc.disable()
    try:
        with without_collector_passes():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def _passes_started(run: Callable[[], object]) -> list[int]:
    """The generations of the collector passes that start while `run` runs."""
    started: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(seen)
    try:
        run()
    finally:
        gc.callbacks.remove(seen)
    return started


def test_what_was_allocated_does_not_start_a_pass_on_resuming() -> None:
    threshold = gc.get_threshold()[0]
    kept: list[object] = []

    def paused_import() -> None:
        with without_collector_passes():
            kept.append(_allocate(threshold * 20))
        kept.append(_allocate(10))  # the first allocations once it resumed

    assert _passes_started(paused_import) == []

    # The control: pausing and resuming plainly leaves every new object counted as young,
    # and the first allocation after resuming starts a pass over all of them.
    def plain_pause() -> None:
        gc.disable()
        kept.append(_allocate(threshold * 20))
        gc.enable()
        kept.append(_allocate(10))

    assert _passes_started(plain_pause) != []
