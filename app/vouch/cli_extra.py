"""CLI commands that sit on the optional layers: trust queries, peer-to-peer sync, OS unlock."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from vouch.wallet import Wallet

Add = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


def register(sub: Any, add: Add) -> None:
    """Add the optional commands to the `vouch` parser."""


def forget_os_unlock(wallet: Wallet) -> None:
    """After a passphrase change the OS-held key is stale: forget it."""
