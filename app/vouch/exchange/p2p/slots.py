"""Who may hold a connection to a serving wallet, and for how long: pure bookkeeping, no I/O.

`Slots` sorts the open connections into three pools:

- HANDSHAKE: not identified yet. At most `max_handshakes`; a new connection cuts the oldest
  one, so strangers stalling in the handshake cannot keep a contact out (an honest handshake
  takes milliseconds, and the whole step has a deadline).
- STRANGER: identified, not a verified contact (a pairing in progress). At most
  `max_connections - reserved_for_contacts`.
- CONTACT: a verified contact. Contacts and strangers together: at most `max_connections`.

Any one IP address holds at most `max_per_address` connections in any pool.

`Backoff` remembers recent failed pairings per address: after n failures in a row, strangers
from that address are refused for `base * 2^(n-1)` seconds (at most `maximum`). Only the
`capacity` most recently failing addresses are remembered.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from enum import StrEnum

from vouch.exchange.p2p.options import SyncOptions

Clock = Callable[[], float]


class Pool(StrEnum):
    HANDSHAKE = "handshake"
    STRANGER = "stranger"
    CONTACT = "contact"


@dataclass(frozen=True)
class Admission:
    admitted: bool
    evict: Hashable | None = None  # a connection to cut to make room
    reason: str = ""


@dataclass
class _Entry:
    address: str
    pool: Pool
    order: int


class Slots:
    """Admission of connections by pool and address. Keys are any hashable per connection."""

    def __init__(self, options: SyncOptions) -> None:
        self._options = options
        self._entries: dict[Hashable, _Entry] = {}
        self._counter = 0

    def count(self, pool: Pool) -> int:
        return sum(1 for entry in self._entries.values() if entry.pool is pool)

    def admit(self, key: Hashable, address: str) -> Admission:
        """A new TCP connection: admitted into HANDSHAKE, perhaps cutting the oldest there."""
        same = sum(1 for entry in self._entries.values() if entry.address == address)
        if same >= self._options.max_per_address:
            return Admission(False, reason=f"too many connections from {address}")
        evict: Hashable | None = None
        handshakes = [(e.order, k) for k, e in self._entries.items() if e.pool is Pool.HANDSHAKE]
        if len(handshakes) >= self._options.max_handshakes:
            evict = min(handshakes, key=lambda pair: pair[0])[1]
            del self._entries[evict]
        self._counter += 1
        self._entries[key] = _Entry(address, Pool.HANDSHAKE, self._counter)
        return Admission(True, evict=evict)

    def identified(self, key: Hashable, verified: bool) -> bool:
        """The handshake named the peer: move it to its pool, or False if that pool is full."""
        entry = self._entries.get(key)
        if entry is None:
            return False
        past_handshake = self.count(Pool.CONTACT) + self.count(Pool.STRANGER)
        if past_handshake >= self._options.max_connections:
            return False
        if not verified and self.count(Pool.STRANGER) >= self._options.stranger_slots:
            return False
        entry.pool = Pool.CONTACT if verified else Pool.STRANGER
        return True

    def promote(self, key: Hashable) -> None:
        """A stranger paired successfully: it is a contact from now on."""
        entry = self._entries.get(key)
        if entry is not None:
            entry.pool = Pool.CONTACT

    def release(self, key: Hashable) -> None:
        self._entries.pop(key, None)


class Backoff:
    """Per-address delays after failed pairings, with bounded memory."""

    def __init__(
        self, base: float, maximum: float, capacity: int, clock: Clock = time.monotonic
    ) -> None:
        self._base = base
        self._maximum = maximum
        self._capacity = capacity
        self._clock = clock
        self._failures: OrderedDict[str, tuple[int, float]] = OrderedDict()  # count, until

    def __len__(self) -> int:
        return len(self._failures)

    def failed(self, address: str) -> None:
        if self._base <= 0:
            return
        count = self._current(address)[0] + 1
        delay = min(self._base * 2 ** min(count - 1, 62), self._maximum)
        self._failures[address] = (count, self._clock() + delay)
        self._failures.move_to_end(address)
        while len(self._failures) > self._capacity:
            self._failures.popitem(last=False)

    def succeeded(self, address: str) -> None:
        self._failures.pop(address, None)

    def retry_after(self, address: str) -> float:
        """Seconds until strangers from `address` are heard again (0: now)."""
        return max(0.0, self._current(address)[1] - self._clock())

    def _current(self, address: str) -> tuple[int, float]:
        """The address's record; forgotten once it stayed quiet for `maximum` past its block."""
        record = self._failures.get(address)
        if record is None:
            return 0, 0.0
        if self._clock() > record[1] + self._maximum:
            del self._failures[address]
            return 0, 0.0
        return record
