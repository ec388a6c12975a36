"""The reference-stack tests run only when asked for (`make interop` sets VOUCH_INTEROP=1):
they need node and, the first time, the npm registry."""

from __future__ import annotations

import os

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if os.environ.get("VOUCH_INTEROP") == "1":
        return
    skip = pytest.mark.skip(reason="the reference-stack tests run with `make interop`")
    for item in items:
        if "tests/interop" in str(item.path).replace(os.sep, "/"):
            item.add_marker(skip)
