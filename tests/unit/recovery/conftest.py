"""Owners, guardians and hand-outs made with the real recovery code (no wallet needed)."""

from __future__ import annotations

import pytest
from recovery_helpers import Request, Split, hand_out, make_request

from vouch.core.identity import Identity


@pytest.fixture(scope="module")
def owner() -> Identity:
    return Identity.generate()


@pytest.fixture(scope="module")
def guardians() -> list[Identity]:
    return [Identity.generate() for _ in range(5)]


@pytest.fixture(scope="module")
def split(owner: Identity, guardians: list[Identity]) -> Split:
    """3 of 5, the default."""
    return hand_out(owner, guardians, 3)


@pytest.fixture
def request_for(owner: Identity) -> Request:
    return make_request(owner.did)
