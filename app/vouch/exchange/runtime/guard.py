"""Cancelling a sync at a batch boundary, so nothing half-received is ever stored."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from vouch.core.errors import PeerError
from vouch.core.identity import Identity
from vouch.exchange.p2p.store import ReceiveSummary, SyncItem, SyncStore


class SyncCancelled(PeerError):
    default_message = "The exchange was cancelled."


class GuardedStore:
    """The wallet's store, refusing any further work for a sync the user cancelled.

    Cancelling the task is not enough on its own: the loop may not get to the cancel before
    the next batch (its data already buffered, the sync never waits), and when it does,
    `asyncio.wait_for` (Python 3.11) can return a buffered message and drop the cancellation.
    So a cancel counts from the moment it is asked for, in any thread: every sync that started
    before it is refused its next batch. Whole batches already stored stay stored.
    """

    def __init__(self, store: SyncStore) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._requests = 0  # cancels asked for so far
        self._started: dict[asyncio.Task[Any], int] = {}  # a sync's task -> cancels before it

    # -- the runtime's bookkeeping -------------------------------------------------------------
    def request_cancel(self) -> None:
        """Cancel every sync started so far (any thread)."""
        with self._lock:
            self._requests += 1

    def follow(self, task: asyncio.Task[Any]) -> None:
        """`task` carries a sync from now on."""
        with self._lock:
            self._started.setdefault(task, self._requests)

    def forget(self, task: asyncio.Task[Any]) -> bool:
        """`task` is over; True if it was cancelled."""
        cancelled = self.is_cancelled(task)
        with self._lock:
            self._started.pop(task, None)
        return cancelled

    def is_cancelled(self, task: asyncio.Task[Any] | None) -> bool:
        with self._lock:
            started = self._started.get(task) if task is not None else None
            return started is not None and started < self._requests

    def _check(self) -> None:
        if self.is_cancelled(asyncio.current_task()):
            raise SyncCancelled()

    # -- SyncStore -----------------------------------------------------------------------------
    @property
    def identity(self) -> Identity:
        return self._store.identity

    def is_verified_peer(self, did: str) -> bool:
        self._check()
        return self._store.is_verified_peer(did)

    def remember_paired_peer(self, did: str) -> None:
        self._check()
        self._store.remember_paired_peer(did)

    def remember_code_peer(self, did: str) -> None:
        """Verified by a shared wormhole code, where the store tells that apart."""
        self._check()
        remember = getattr(self._store, "remember_code_peer", self._store.remember_paired_peer)
        remember(did)

    def items_for_peer(self, peer_did: str) -> list[SyncItem]:
        self._check()
        return self._store.items_for_peer(peer_did)

    def receive_documents(self, peer_did: str, documents: list[bytes]) -> ReceiveSummary:
        self._check()
        return self._store.receive_documents(peer_did, documents)
