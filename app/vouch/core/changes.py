"""Change records: the mutable state of one wallet on several devices, merged without a fork.

Statements are signed documents: two devices merge them by set union. What is not signed (a
contact's name, whether I verified them and how, who may see a statement, a setting that
travels, a device's name) is kept as the newest *change record* of each key: the value, a
hybrid logical clock and the device that wrote it. Two devices merge their records key by key,
last writer wins, with (clock, device, value) as the total order. That merge is commutative,
associative and idempotent, so any two devices that saw the same changes hold the same state,
whatever the order in which they saw them, with no prompt and no fork.

The clock is a hybrid logical clock packed in one integer: milliseconds since the epoch shifted
left by 16 bits, plus a counter. A device's next clock is greater than every clock it has made
or seen, and close to the wall clock when the wall clock moves ahead, so "last" means last in
time whenever the clocks of the devices roughly agree, and something consistent when they do not.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from vouch.core.errors import InvalidInput

COUNTER_BITS = 16
MAX_KEY_CHARS = 300
MAX_VALUE_BYTES = 8192  # a recovery share's envelope is the largest value
MAX_DEVICE_NAME_CHARS = 64
# A record stamped further ahead of this device's wall clock is refused: a device whose clock
# is wrong by years would otherwise win every later edit made anywhere.
MAX_DRIFT_MS = 24 * 3600 * 1000
DEVICE_ID = re.compile(r"^[0-9a-f]{32}$")
_KEY = re.compile(r"^(contact|audience|setting|device|share)/[\x21-\x7e]{1,290}$")


def clock_from_ms(milliseconds: int) -> int:
    return milliseconds << COUNTER_BITS


def clock_to_ms(clock: int) -> int:
    return clock >> COUNTER_BITS


@dataclass(frozen=True)
class Change:
    """The newest known value of one key. `value` is JSON text; None means removed."""

    key: str
    value: str | None
    clock: int
    device: str

    def order(self) -> tuple[int, str, str]:
        """The total order of the merge; the value breaks a tie only a broken device makes."""
        return (self.clock, self.device, "" if self.value is None else self.value)

    def wins_over(self, other: Change | None) -> bool:
        return other is None or self.order() > other.order()

    def decoded(self) -> Any:
        return None if self.value is None else json.loads(self.value)


def encode_value(value: Any) -> str | None:
    """JSON text for a value (None stays None: the key was removed)."""
    if value is None:
        return None
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def merge(mine: Mapping[str, Change], theirs: Iterable[Change]) -> dict[str, Change]:
    """Both sets of records merged key by key, the winner of each key kept."""
    merged = dict(mine)
    for change in theirs:
        if change.wins_over(merged.get(change.key)):
            merged[change.key] = change
    return merged


def check_change(change: Change, now_ms: int) -> None:
    """Refuse a record that could not have come from a working device of this wallet."""
    if not _KEY.match(change.key) or len(change.key) > MAX_KEY_CHARS:
        raise InvalidInput("A change record has a malformed key.")
    if not DEVICE_ID.match(change.device):
        raise InvalidInput("A change record names a malformed device.")
    if change.clock <= 0 or change.clock >= 1 << 63:
        raise InvalidInput("A change record has a malformed clock.")
    if clock_to_ms(change.clock) > now_ms + MAX_DRIFT_MS:
        raise InvalidInput("A change record is dated too far in the future.")
    if change.value is not None:
        if len(change.value.encode("utf-8")) > MAX_VALUE_BYTES:
            raise InvalidInput("A change record's value is too large.")
        try:
            json.loads(change.value)
        except ValueError:
            raise InvalidInput("A change record's value is not JSON.") from None


class HybridClock:
    """Issues clocks greater than every clock made or seen here, near the wall clock."""

    def __init__(self, last: int, wall_ms: Callable[[], int]) -> None:
        self._last = last
        self._wall_ms = wall_ms

    @property
    def last(self) -> int:
        return self._last

    def tick(self) -> int:
        """The clock of a new local change."""
        self._last = max(self._last + 1, clock_from_ms(self._wall_ms()))
        return self._last

    def observe(self, clock: int) -> None:
        """A clock seen in a record from another device: later local changes come after it."""
        self._last = max(self._last, clock)
