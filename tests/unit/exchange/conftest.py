"""Three wallets for the exchange tests, and a way to compare a store's content."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from support.store import store_rows
from vouch.wallet import Wallet

Snapshot = Callable[[Wallet], dict[str, Any]]


@pytest.fixture
def alice(new_wallet: Callable[..., Wallet]) -> Wallet:
    return new_wallet("alice")


@pytest.fixture
def bob(new_wallet: Callable[..., Wallet]) -> Wallet:
    return new_wallet("bob")


@pytest.fixture
def mallory(new_wallet: Callable[..., Wallet]) -> Wallet:
    return new_wallet("mallory")


def _snapshot(wallet: Wallet) -> dict[str, Any]:
    """Every row of every table, plus the endorsement count the facade reports."""
    content: dict[str, Any] = {"count": wallet.count_endorsements()}
    content.update(store_rows(wallet.home, wallet.store_key()))
    return content


@pytest.fixture
def snapshot() -> Snapshot:
    return _snapshot
