"""The reconciliation state machine alone: no sockets, fixed randomness, recorded messages."""

from __future__ import annotations

import hashlib
import random

import pytest

from vouch.exchange.p2p.errors import ProtocolViolation
from vouch.exchange.p2p.reconcile import (
    INFINITE_BOUND,
    Mode,
    Reconciler,
    ReconConfig,
    decode_message,
    encode_message,
)

Items = list[tuple[int, bytes]]


def random_items(rng: random.Random, count: int) -> Items:
    return [(rng.randrange(1_600_000_000, 1_700_000_000), rng.randbytes(32)) for _ in range(count)]


def run(a_items: Items, b_items: Items, config: ReconConfig | None = None):
    """Drive two machines against each other; returns (a, b, messages)."""
    a, b = Reconciler(a_items, config), Reconciler(b_items, config)
    messages = [a.initiate()]
    receiver, other = b, a
    while True:
        step = receiver.receive(messages[-1])
        if step.reply is None:
            break
        messages.append(step.reply)
        receiver, other = other, receiver
        assert len(messages) < 200, "reconciliation does not terminate"
    assert a.done and b.done
    return a, b, messages


def ids(items: Items) -> set[bytes]:
    return {item_id for _, item_id in items}


def test_equal_sets_finish_in_one_round_trip() -> None:
    items = random_items(random.Random(1), 5000)
    a, b, messages = run(items, list(reversed(items)))
    assert a.needs == b.needs == frozenset()
    assert len(messages) == 2
    assert messages[1] == bytes([1])  # the "nothing left" message


def test_disjoint_sets_learn_everything() -> None:
    rng = random.Random(2)
    left, right = random_items(rng, 3000), random_items(rng, 2000)
    a, b, _ = run(left, right)
    assert a.needs == ids(right)
    assert b.needs == ids(left)


@pytest.mark.parametrize("left_count, right_count", [(0, 0), (0, 1000), (1000, 0), (0, 3)])
def test_empty_sides(left_count: int, right_count: int) -> None:
    rng = random.Random(3)
    left, right = random_items(rng, left_count), random_items(rng, right_count)
    a, b, _ = run(left, right)
    assert a.needs == ids(right)
    assert b.needs == ids(left)


def test_ten_differences_in_ten_thousand_cost_little() -> None:
    rng = random.Random(4)
    shared = random_items(rng, 10_000)
    only_a, only_b = random_items(rng, 5), random_items(rng, 5)
    a, b, messages = run(shared + only_a, shared + only_b)
    assert a.needs == ids(only_b)
    assert b.needs == ids(only_a)
    assert sum(map(len, messages)) < 16 * 1024  # naive id exchange: 2 * 320 KB
    assert len(messages) <= 8


def test_same_timestamps_use_id_prefix_bounds() -> None:
    rng = random.Random(5)
    shared = [(1_650_000_000, rng.randbytes(32)) for _ in range(2000)]
    extra = [(1_650_000_000, rng.randbytes(32)) for _ in range(3)]
    a, b, _ = run(shared + extra, shared)
    assert b.needs == ids(extra)
    assert a.needs == frozenset()


def test_small_message_budget_still_converges() -> None:
    rng = random.Random(6)
    left, right = random_items(rng, 600), random_items(rng, 600)
    config = ReconConfig(branching=4, id_list_threshold=8, max_you_lack=64, message_budget=2048)
    a, b, messages = run(left, right, config)
    assert a.needs == ids(right) and b.needs == ids(left)
    assert max(map(len, messages)) < 2048 + 64 * 32 + 64


def test_needs_are_reported_once() -> None:
    rng = random.Random(7)
    left, right = random_items(rng, 500), random_items(rng, 500)
    a = Reconciler(left, ReconConfig(message_budget=1024))
    b = Reconciler(right, ReconConfig(message_budget=1024))
    reported: dict[str, list[bytes]] = {"a": [], "b": []}
    message = a.initiate()
    turn = [("b", b), ("a", a)]
    index = 0
    while True:
        name, machine = turn[index % 2]
        step = machine.receive(message)
        reported[name].extend(step.needs)
        if step.reply is None:
            break
        message, index = step.reply, index + 1
    assert sorted(reported["a"]) == sorted(ids(right))
    assert sorted(reported["b"]) == sorted(ids(left))


def test_known_answer_single_item_id_list() -> None:
    item_id = bytes(range(32))
    message = Reconciler([(5, item_id)]).initiate()
    # version, bound (infinity: delta 0, prefix length 0), mode ID_LIST, one id
    assert message == bytes([1, 0, 0, 2, 1]) + item_id


def test_known_answer_fingerprint_reply() -> None:
    item_id = bytes(32)
    reply = Reconciler([(5, item_id)]).receive(bytes([1, 0, 0, 2, 0])).reply
    # the peer listed nothing: we answer YOU_LACK with our one id
    assert reply == bytes([1, 0, 0, 3, 1]) + item_id


RECORDED_SEED = 20240611
# SHA-256 prefixes of each message of a fixed-seed run; any change to the wire format or the
# splitting rules shows up here (update deliberately, with a protocol version bump if needed).
RECORDED = [
    "c4cf4f1958b353e8",
    "91054d26a36f7235",
    "ebc739d5199abecf",
    "ffa63fd5e430675b",
    "407804d582a217cc",
    "7d0e1fa3e3918059",
    "4bf5122f344554c5",
]


def recorded_run() -> list[bytes]:
    rng = random.Random(RECORDED_SEED)
    shared = random_items(rng, 300)
    config = ReconConfig(branching=4, id_list_threshold=4)
    _, _, messages = run(shared + random_items(rng, 3), shared + random_items(rng, 2), config)
    return messages


def test_recorded_message_sequence() -> None:
    digests = [hashlib.sha256(m).hexdigest()[:16] for m in recorded_run()]
    assert digests == RECORDED


def test_recorded_messages_parse_back_identically() -> None:
    for message in recorded_run():
        assert encode_message(decode_message(message)) == message


@pytest.mark.parametrize(
    "message",
    [
        b"",
        bytes([9]),  # unknown version
        bytes([1, 0, 0, 7]),  # unknown mode
        bytes([1, 0, 0, 1]) + bytes(8),  # truncated fingerprint
        bytes([1, 0, 0, 2, 5]) + bytes(32),  # id list shorter than announced
        bytes([1, 0, 40]) + bytes(40) + bytes([0]),  # prefix longer than an id
        bytes([1, 5, 0, 0]),  # last range does not reach infinity
        bytes([1, 0, 0, 0, 0, 0, 0]),  # a range after infinity
        bytes([1, 9, 1, 5, 0, 1, 1, 1, 0, 0, 0, 0]),  # bounds going backwards
        bytes([1, 9, 0, 0, 1, 0, 0, 0, 0, 0]),  # the same bound twice
        bytes([1]) + bytes([0xFF] * 11),  # endless varint
    ],
)
def test_malformed_messages_are_refused(message: bytes) -> None:
    with pytest.raises(ProtocolViolation):
        Reconciler(random_items(random.Random(8), 50)).receive(message)


def test_message_after_the_end_is_refused() -> None:
    machine = Reconciler([])
    assert machine.receive(bytes([1])).reply is None
    with pytest.raises(ProtocolViolation):
        machine.receive(bytes([1]))


def test_decoded_ranges_cover_to_infinity() -> None:
    machine = Reconciler(random_items(random.Random(9), 100))
    ranges = decode_message(machine.initiate())
    assert ranges[-1][0] == INFINITE_BOUND
    assert {mode for _, mode, _ in ranges} == {Mode.FINGERPRINT}


def flood_ids(count: int, seed: int = 10) -> tuple[bytes, ...]:
    rng = random.Random(seed)
    return tuple(rng.randbytes(32) for _ in range(count))


def test_you_lack_is_accepted_only_for_a_range_we_listed() -> None:
    small = Reconciler(random_items(random.Random(11), 5))
    opening = small.initiate()  # one ID_LIST over the whole key space
    assert decode_message(opening)[0][1] is Mode.ID_LIST
    answer = encode_message([(INFINITE_BOUND, Mode.YOU_LACK, flood_ids(3))])
    assert len(small.receive(answer).needs) == 3  # the control: a real answer is learned

    fresh = Reconciler(random_items(random.Random(11), 5))
    with pytest.raises(ProtocolViolation, match="did not list"):
        fresh.receive(answer)  # nobody asked: an opening cannot say "you lack"


def test_an_id_list_must_answer_one_of_our_fingerprints() -> None:
    big = Reconciler(random_items(random.Random(12), 500), ReconConfig(branching=4))
    ranges = decode_message(big.initiate())
    assert {mode for _, mode, _ in ranges} == {Mode.FINGERPRINT}
    # answering our first bucket exactly with a list is fine
    first = encode_message(
        [(ranges[0][0], Mode.ID_LIST, flood_ids(2)), (INFINITE_BOUND, Mode.SKIP, None)]
    )
    assert len(big.receive(first).needs) == 2
    # a list over a range we never fingerprinted (a made-up bound) is refused
    big2 = Reconciler(random_items(random.Random(12), 500), ReconConfig(branching=4))
    big2.initiate()
    made_up = encode_message(
        [((1, b""), Mode.SKIP, None), (INFINITE_BOUND, Mode.ID_LIST, flood_ids(2))]
    )
    with pytest.raises(ProtocolViolation, match="not asked about"):
        big2.receive(made_up)


def test_needs_stop_at_the_limit() -> None:
    machine = Reconciler([], need_limit=10)
    opening = encode_message([(INFINITE_BOUND, Mode.ID_LIST, flood_ids(100))])
    step = machine.receive(opening)
    assert len(step.needs) == 10 and len(machine.needs) == 10
    assert machine.needs_dropped == 90
    assert step.reply is not None  # the reconciliation itself goes on
