"""The exchange runtime: one Qt-free loop that serves, announces, browses, pairs and syncs.

The CLI runs an `ExchangeRuntime` directly; the GUI runs it in a worker job behind a thin
adapter that turns its events into signals. Front ends import from here only: the runtime, its
settings, its frozen events, and the p2p records they carry.
"""

from __future__ import annotations

import asyncio

from vouch.exchange.p2p.discovery import Interfaces, VisibleWallet, browse
from vouch.exchange.p2p.service import SyncOptions
from vouch.exchange.p2p.service import parse_peer_address as parse_address
from vouch.exchange.p2p.status import SyncPhase, SyncReport, SyncStatus
from vouch.exchange.p2p.store import ReceiveSummary
from vouch.exchange.runtime.engine import ExchangeRuntime
from vouch.exchange.runtime.faraway import FarMode, FarPlan, FarWaiting
from vouch.exchange.runtime.guard import SyncCancelled
from vouch.exchange.runtime.pairing import PairingRequest
from vouch.exchange.runtime.records import (
    Activity,
    ExchangeConfig,
    ExchangeEvents,
    FailedAttempt,
    Hidden,
    Listening,
    Outcome,
)
from vouch.exchange.wormhole.link import WormholeServers, normalise_code
from vouch.exchange.wormhole.words import code_words


def find_nearby(seconds: float, interfaces: Interfaces | None = None) -> list[VisibleWallet]:
    """Listen for `seconds` and return the wallets visible nearby (blocks; not on a loop)."""
    if interfaces is None:
        return asyncio.run(browse(seconds))
    return asyncio.run(browse(seconds, interfaces=interfaces))


__all__ = [
    "Activity",
    "ExchangeConfig",
    "ExchangeEvents",
    "ExchangeRuntime",
    "FailedAttempt",
    "FarMode",
    "FarPlan",
    "FarWaiting",
    "Hidden",
    "Listening",
    "Outcome",
    "PairingRequest",
    "ReceiveSummary",
    "SyncCancelled",
    "SyncOptions",
    "SyncPhase",
    "SyncReport",
    "SyncStatus",
    "VisibleWallet",
    "WormholeServers",
    "code_words",
    "find_nearby",
    "normalise_code",
    "parse_address",
]
