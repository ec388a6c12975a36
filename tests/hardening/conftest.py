"""Fixtures shared by the crash harnesses (helpers live in crash_harness.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from crash_harness import ForkServer


@pytest.fixture(scope="session")
def fork_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ForkServer]:
    """One long-lived process that imported vouch and forks a child per run."""
    server = ForkServer(tmp_path_factory.mktemp("fork") / "fork-server.log")
    yield server
    server.close()
