"""An in-memory backend with the same interface, for tests of the wallet, the CLI and the GUI.

It plays the operating system: it keeps the wrapping secret in a dict and answers each
"prompt" with the next scripted outcome ("ok" when nothing is scripted).
"""

from __future__ import annotations

import logging
from collections import deque
from typing import Literal

from vouch.core.errors import UnlockCancelled, UnlockFailed, UnlockUnavailable
from vouch.unlock.base import (
    UnlockInvalidated,
    UnlockLockedOut,
    UnlockNotEnrolled,
    check_store_key,
    check_wallet_id,
)
from vouch.unlock.wrapping import new_secret, unwrap, wrap

log = logging.getLogger(__name__)

Outcome = Literal["ok", "cancel", "fail", "lockout", "invalidated"]
BACKEND_ID = "memory"


class MemoryBackend:
    """Test backend: nothing leaves the process."""

    def __init__(self, name: str = "Test unlock", *, available: bool = True) -> None:
        self._name = name
        self.is_available = available
        self.prompts = 0
        self._outcomes: deque[Outcome] = deque()
        self._secrets: dict[str, bytes] = {}
        self._wrapped: dict[str, bytes] = {}

    @property
    def name(self) -> str:
        return self._name

    def script(self, *outcomes: Outcome) -> None:
        """The answers of the next prompts, in order."""
        self._outcomes.extend(outcomes)

    def available(self) -> bool:
        return self.is_available

    def unavailable_reason(self) -> str:
        return "" if self.is_available else "The test unlock is switched off."

    def enroll(self, wallet_id: str, store_key: bytes) -> None:
        check_wallet_id(wallet_id)
        check_store_key(store_key)
        self._require_available()
        secret = new_secret()
        self._wrapped[wallet_id] = wrap(
            store_key, secret, backend_id=BACKEND_ID, wallet_id=wallet_id
        )
        self._secrets[wallet_id] = secret
        log.debug("memory unlock: enrolled wallet %s", wallet_id)

    def unlock(self, wallet_id: str) -> bytes:
        check_wallet_id(wallet_id)
        self._require_available()
        wrapped = self._wrapped.get(wallet_id)
        if wrapped is None:
            raise UnlockNotEnrolled()
        self._prompt()
        secret = self._secrets.get(wallet_id)
        if secret is None:
            raise UnlockInvalidated()
        return unwrap(wrapped, secret, backend_id=BACKEND_ID, wallet_id=wallet_id)

    def forget(self, wallet_id: str) -> None:
        check_wallet_id(wallet_id)
        self._wrapped.pop(wallet_id, None)
        self._secrets.pop(wallet_id, None)

    def is_enrolled(self, wallet_id: str) -> bool:
        check_wallet_id(wallet_id)
        return wallet_id in self._wrapped

    def drop_os_secret(self, wallet_id: str) -> None:
        """Simulate the OS invalidating its secret (e.g. the fingerprints changed)."""
        self._secrets.pop(wallet_id, None)

    def _require_available(self) -> None:
        if not self.is_available:
            raise UnlockUnavailable(self.unavailable_reason())

    def _prompt(self) -> None:
        self.prompts += 1
        outcome = self._outcomes.popleft() if self._outcomes else "ok"
        if outcome == "cancel":
            raise UnlockCancelled()
        if outcome == "fail":
            raise UnlockFailed()
        if outcome == "lockout":
            raise UnlockLockedOut()
        if outcome == "invalidated":
            raise UnlockInvalidated()
