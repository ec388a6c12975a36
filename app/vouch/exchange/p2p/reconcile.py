"""Range-based set reconciliation (in the style of Negentropy), as a state machine with no I/O.

Both sides sort their item keys `(timestamp, id)`. A message is a list of consecutive ranges
covering the whole key space, each with a mode:

- SKIP: nothing to do for this range;
- FINGERPRINT: a 16-byte digest of the sender's ids in the range (sum mod 2^256, plus count);
- ID_LIST: every id the sender has in the range (sent when the range is small);
- YOU_LACK: the ids the sender has in the range and the receiver lacks (answer to an ID_LIST).

A receiver answers a differing fingerprint by splitting its own items in the range into buckets
(or listing them when few), answers an ID_LIST by learning what it lacks and telling the sender
what the sender lacks, and so on until one side has nothing left to say: it then sends an empty
message and both are done. Each side learns the ids it lacks ("needs") and reports them as soon
as it knows them; fetching them is the sync session's job.

Answers must match questions: an ID_LIST is accepted only in the opening message or for exactly a
range we sent as a FINGERPRINT, and a YOU_LACK only for exactly a range we sent as an ID_LIST.
At most `need_limit` needs are learned per reconciliation; ids past it are counted in
`needs_dropped` and left for the next sync.

Wire format: a version byte, then for each range: bound (timestamp delta varint, 0 = infinity;
id prefix length varint; prefix), mode varint, payload. Bounds strictly increase and the last
one is infinity.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from vouch.exchange.p2p.errors import ProtocolViolation
from vouch.exchange.p2p.wire import Reader, encode_varint

VERSION = 1
ID_BYTES = 32
FINGERPRINT_BYTES = 16
INFINITY = 1 << 64
MAX_TIMESTAMP = (1 << 63) - 1
_MODULUS = 1 << 256

Key = tuple[int, bytes]  # (timestamp, id or id prefix); prefixes compare correctly against ids
INFINITE_BOUND: Key = (INFINITY, b"")
MIN_BOUND: Key = (0, b"")


class Mode(IntEnum):
    SKIP = 0
    FINGERPRINT = 1
    ID_LIST = 2
    YOU_LACK = 3


@dataclass(frozen=True)
class ReconConfig:
    """Tuning knobs. Both sides may use different values: the protocol stays correct."""

    branching: int = 16  # buckets a differing range is split into
    id_list_threshold: int = 16  # a range with at most this many of our ids is listed
    max_you_lack: int = 4096  # above this, answer an ID_LIST by splitting instead
    message_budget: int = 256 * 1024  # past this, the rest is folded into one fingerprint

    def __post_init__(self) -> None:
        if self.branching < 2 or self.id_list_threshold < 1 or self.max_you_lack < 1:
            raise ValueError("invalid reconciliation parameters")


@dataclass(frozen=True)
class ReconStep:
    """The result of feeding one message: what to send back (None: nothing) and new needs."""

    reply: bytes | None
    needs: tuple[bytes, ...]


class Reconciler:
    """One side of a reconciliation over a fixed set of `(timestamp, id)` items."""

    def __init__(
        self,
        items: Iterable[tuple[int, bytes]],
        config: ReconConfig | None = None,
        *,
        need_limit: int | None = None,
    ) -> None:
        self.config = config or ReconConfig()
        self.need_limit = need_limit
        earliest: dict[bytes, int] = {}
        for ts, item_id in items:
            if len(item_id) != ID_BYTES:
                raise ValueError("item ids are 32 bytes")
            earliest[item_id] = min(_clamp(ts), earliest.get(item_id, MAX_TIMESTAMP))
        keys = sorted((ts, item_id) for item_id, ts in earliest.items())
        self._keys: list[Key] = keys
        self._ids = {item_id for _, item_id in keys}
        self._prefix = [0]
        total = 0
        for _, item_id in keys:
            total = (total + int.from_bytes(item_id, "little")) % _MODULUS
            self._prefix.append(total)
        self._needed: set[bytes] = set()
        self._asked: dict[Key, tuple[Key, Mode]] = {}  # our last message: bound -> (lower, mode)
        self.needs_dropped = 0
        self.done = False
        self.messages_sent = 0
        self.messages_received = 0

    def __len__(self) -> int:
        return len(self._keys)

    # -- public transitions -------------------------------------------------------------

    def initiate(self) -> bytes:
        """The opening message: our whole set, split or listed."""
        if self.messages_sent or self.messages_received:
            raise RuntimeError("initiate() starts a reconciliation; it was already started")
        out = _Output()
        self._describe_range(out, 0, len(self._keys), INFINITE_BOUND)
        return self._sent(out)

    def receive(self, message: bytes) -> ReconStep:
        """Process one message from the peer; returns the reply (None once finished)."""
        if self.done:
            raise ProtocolViolation("A reconciliation message arrived after the end.")
        self.messages_received += 1
        ranges = decode_message(message)
        self._check_answers(ranges)
        if all(mode is Mode.SKIP for _, mode, _ in ranges):
            self.done = True
            return ReconStep(None, ())
        out = _Output()
        needs: list[bytes] = []
        lower = 0
        for bound, mode, payload in ranges:
            upper = self._index_of(bound)
            if out.size > self.config.message_budget:
                self._fold_remainder(out, lower)
                break
            self._answer(out, needs, lower, upper, bound, mode, payload)
            lower = upper
        if out.is_all_skip():
            self.done = True
            self.messages_sent += 1
            return ReconStep(_encode_empty(), tuple(needs))
        return ReconStep(self._sent(out), tuple(needs))

    @property
    def needs(self) -> frozenset[bytes]:
        """Every id learned so far that the peer has and we lack (up to `need_limit`)."""
        return frozenset(self._needed)

    # -- answer rules -------------------------------------------------------------------

    def _sent(self, out: _Output) -> bytes:
        """Remember which ranges of this message may be answered with lists, then encode it."""
        self._asked = {}
        lower = MIN_BOUND
        for bound, mode, _ in out.ranges:
            if mode in (Mode.FINGERPRINT, Mode.ID_LIST):
                self._asked[bound] = (lower, mode)
            lower = bound
        self.messages_sent += 1
        return out.encode()

    def _check_answers(self, ranges: list[tuple[Key, Mode, object]]) -> None:
        """An id list answers one of our fingerprints (or opens); YOU_LACK answers our list."""
        opening = self.messages_sent == 0
        lower = MIN_BOUND
        for bound, mode, _ in ranges:
            asked = self._asked.get(bound)
            if mode is Mode.ID_LIST and not opening and asked != (lower, Mode.FINGERPRINT):
                raise ProtocolViolation("An id list arrived for a range that was not asked about.")
            if mode is Mode.YOU_LACK and asked != (lower, Mode.ID_LIST):
                raise ProtocolViolation("A 'you lack' list arrived for a range we did not list.")
            lower = bound

    # -- range handling -----------------------------------------------------------------

    def _answer(
        self,
        out: _Output,
        needs: list[bytes],
        lower: int,
        upper: int,
        bound: Key,
        mode: Mode,
        payload: object,
    ) -> None:
        if mode is Mode.SKIP:
            out.add(bound, Mode.SKIP)
        elif mode is Mode.FINGERPRINT:
            if payload == self._fingerprint(lower, upper):
                out.add(bound, Mode.SKIP)
            else:
                self._describe_range(out, lower, upper, bound)
        elif mode is Mode.ID_LIST:
            assert isinstance(payload, tuple)
            self._answer_id_list(out, needs, lower, upper, bound, payload)
        else:
            assert isinstance(payload, tuple)
            self._learn(needs, payload)
            out.add(bound, Mode.SKIP)

    def _answer_id_list(
        self,
        out: _Output,
        needs: list[bytes],
        lower: int,
        upper: int,
        bound: Key,
        theirs: tuple[bytes, ...],
    ) -> None:
        self._learn(needs, theirs)
        their_set = set(theirs)
        they_lack = [item_id for _, item_id in self._keys[lower:upper] if item_id not in their_set]
        if not they_lack:
            out.add(bound, Mode.SKIP)
        elif len(they_lack) <= self.config.max_you_lack:
            out.add(bound, Mode.YOU_LACK, tuple(they_lack))
        else:
            self._split(out, lower, upper, bound)

    def _describe_range(self, out: _Output, lower: int, upper: int, bound: Key) -> None:
        if upper - lower <= self.config.id_list_threshold:
            out.add(bound, Mode.ID_LIST, tuple(item_id for _, item_id in self._keys[lower:upper]))
        else:
            self._split(out, lower, upper, bound)

    def _split(self, out: _Output, lower: int, upper: int, bound: Key) -> None:
        """Cut our items in [lower, upper) into buckets, each sent as a fingerprint."""
        count = upper - lower
        buckets = min(self.config.branching, count)
        start = lower
        for bucket in range(buckets):
            end = lower + (count * (bucket + 1)) // buckets
            if bucket == buckets - 1:
                bucket_bound = bound
            else:
                bucket_bound = _minimal_bound(self._keys[end - 1], self._keys[end])
            out.add(bucket_bound, Mode.FINGERPRINT, self._fingerprint(start, end))
            start = end

    def _fold_remainder(self, out: _Output, lower: int) -> None:
        """Message budget reached: one fingerprint stands for everything not yet answered.

        If the sets differ there, the peer will split it again next round; nothing is lost.
        """
        out.add(INFINITE_BOUND, Mode.FINGERPRINT, self._fingerprint(lower, len(self._keys)))

    def _learn(self, needs: list[bytes], ids: Iterable[bytes]) -> None:
        for item_id in ids:
            if item_id in self._ids or item_id in self._needed:
                continue
            if self.need_limit is not None and len(self._needed) >= self.need_limit:
                self.needs_dropped += 1
                continue
            self._needed.add(item_id)
            needs.append(item_id)

    def _index_of(self, bound: Key) -> int:
        return bisect.bisect_left(self._keys, bound)

    def _fingerprint(self, lower: int, upper: int) -> bytes:
        total = (self._prefix[upper] - self._prefix[lower]) % _MODULUS
        digest = hashlib.sha256(total.to_bytes(32, "little") + encode_varint(upper - lower))
        return digest.digest()[:FINGERPRINT_BYTES]


# -- encoding ---------------------------------------------------------------------------


class _Output:
    """Ranges of an outgoing message; consecutive skips are merged."""

    def __init__(self) -> None:
        self.ranges: list[tuple[Key, Mode, object]] = []
        self.size = 1

    def add(self, bound: Key, mode: Mode, payload: object = None) -> None:
        if mode is Mode.SKIP and self.ranges and self.ranges[-1][1] is Mode.SKIP:
            self.ranges[-1] = (bound, Mode.SKIP, None)
            return
        self.ranges.append((bound, mode, payload))
        self.size += 8 + _payload_size(mode, payload)

    def is_all_skip(self) -> bool:
        return all(mode is Mode.SKIP for _, mode, _ in self.ranges)

    def encode(self) -> bytes:
        ranges = list(self.ranges)
        while ranges and ranges[-1][1] is Mode.SKIP:
            ranges.pop()  # a trailing skip is implied
        if ranges and ranges[-1][0] != INFINITE_BOUND:
            ranges.append((INFINITE_BOUND, Mode.SKIP, None))
        return encode_message(ranges)


def _payload_size(mode: Mode, payload: object) -> int:
    if mode is Mode.FINGERPRINT:
        return FINGERPRINT_BYTES
    if isinstance(payload, tuple):
        return 3 + ID_BYTES * len(payload)
    return 0


def _encode_empty() -> bytes:
    return bytes([VERSION])


def encode_message(ranges: list[tuple[Key, Mode, object]]) -> bytes:
    """Serialise ranges (bounds increasing, last one infinite) into a message."""
    out = bytearray([VERSION])
    last_ts = 0
    for (ts, prefix), mode, payload in ranges:
        if ts == INFINITY:
            out += encode_varint(0)
        else:
            out += encode_varint(ts - last_ts + 1)
            last_ts = ts
        out += encode_varint(len(prefix)) + prefix
        out += encode_varint(int(mode))
        if mode is Mode.FINGERPRINT:
            assert isinstance(payload, bytes)
            out += payload
        elif mode in (Mode.ID_LIST, Mode.YOU_LACK):
            assert isinstance(payload, tuple)
            out += encode_varint(len(payload)) + b"".join(payload)
    return bytes(out)


def decode_message(message: bytes) -> list[tuple[Key, Mode, object]]:
    """Parse and validate a message. Raises `ProtocolViolation` for anything malformed."""
    reader = Reader(message)
    if reader.at_end or reader.take(1)[0] != VERSION:
        raise ProtocolViolation("Unknown reconciliation message version.")
    ranges: list[tuple[Key, Mode, object]] = []
    last_ts = 0
    previous: Key = MIN_BOUND
    while not reader.at_end:
        if previous == INFINITE_BOUND:
            raise ProtocolViolation("Reconciliation ranges continue past the end.")
        bound, last_ts = _read_bound(reader, last_ts)
        if bound <= previous and ranges:
            raise ProtocolViolation("Reconciliation ranges are out of order.")
        mode, payload = _read_payload(reader)
        ranges.append((bound, mode, payload))
        previous = bound
    if ranges and previous != INFINITE_BOUND:
        raise ProtocolViolation("Reconciliation ranges do not cover the whole set.")
    return ranges


def _read_bound(reader: Reader, last_ts: int) -> tuple[Key, int]:
    delta = reader.varint()
    if delta == 0:
        ts = INFINITY
    else:
        ts = last_ts + delta - 1
        if ts > MAX_TIMESTAMP:
            raise ProtocolViolation("A timestamp in the message is out of range.")
        last_ts = ts
    prefix_len = reader.varint()
    if prefix_len > ID_BYTES:
        raise ProtocolViolation("An id prefix in the message is too long.")
    return (ts, reader.take(prefix_len)), last_ts


def _read_payload(reader: Reader) -> tuple[Mode, object]:
    raw_mode = reader.varint()
    try:
        mode = Mode(raw_mode)
    except ValueError as exc:
        raise ProtocolViolation(f"Unknown reconciliation mode {raw_mode}.") from exc
    if mode is Mode.SKIP:
        return mode, None
    if mode is Mode.FINGERPRINT:
        return mode, reader.take(FINGERPRINT_BYTES)
    count = reader.varint()
    if count * ID_BYTES > reader.remaining:
        raise ProtocolViolation("An id list in the message is truncated.")
    blob = reader.take(count * ID_BYTES)
    return mode, tuple(blob[i : i + ID_BYTES] for i in range(0, len(blob), ID_BYTES))


def _minimal_bound(before: Key, after: Key) -> Key:
    """The shortest bound b with before < b <= after."""
    if before[0] != after[0]:
        return (after[0], b"")
    shared = 0
    while shared < ID_BYTES and before[1][shared] == after[1][shared]:
        shared += 1
    return (after[0], after[1][: shared + 1])


def _clamp(timestamp: int) -> int:
    return min(max(int(timestamp), 0), MAX_TIMESTAMP)
