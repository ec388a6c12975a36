"""Suite-wide settings: cheap key derivation, and fresh wallet folders in tmp_path."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from vouch.wallet import Wallet

# Wallets created by the tests use a tiny Argon2id cost (stored with each wallet).
os.environ["VOUCH_KDF_COST"] = "minimal"

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def tmp_home(tmp_path: Path) -> Path:
    """A wallet folder that does not exist yet."""
    return tmp_path / "wallet"


@pytest.fixture
def new_wallet(tmp_path: Path) -> Iterator[Callable[..., Wallet]]:
    """`new_wallet("alice")` creates and returns an unlocked wallet in tmp_path/alice."""

    opened: list[Wallet] = []

    def make(name: str = "wallet", passphrase: str = PASSPHRASE) -> Wallet:
        wallet = Wallet.create(tmp_path / name, passphrase)
        opened.append(wallet)
        return wallet

    yield make
    for wallet in opened:
        wallet.lock()


BENCH_MARK = "[bench] "


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Each benchmark prints its figure beside its floor as a line starting with "[bench]";
    `make bench` (output captured) repeats those lines at the end, in the order they ran."""
    lines = [
        line.strip()
        for category in ("passed", "failed")
        for report in terminalreporter.getreports(category)
        if getattr(report, "when", "") == "call"
        for line in report.capstdout.splitlines()
        if line.startswith(BENCH_MARK)
    ]
    if lines:
        terminalreporter.section("figures beside their floors (tests/bench)")
        for line in lines:
            terminalreporter.write_line(line)
