"""Change records: the merge converges whatever the order, and the clock never goes back."""

from __future__ import annotations

import itertools
from functools import reduce

from hypothesis import given
from hypothesis import strategies as st

from vouch.core.changes import Change, HybridClock, clock_from_ms, clock_to_ms, merge

KEYS = st.sampled_from([f"contact/k{n}" for n in range(4)])
DEVICES = st.sampled_from(["a" * 32, "b" * 32, "c" * 32])
VALUES = st.one_of(st.none(), st.sampled_from(['"x"', '"y"', '{"petname":"z"}']))
CHANGES = st.builds(Change, KEYS, VALUES, st.integers(1, 50), DEVICES)
STATES = st.lists(CHANGES, max_size=12).map(lambda cs: merge({}, cs))


@given(STATES, STATES)
def test_merge_is_commutative(a: dict[str, Change], b: dict[str, Change]) -> None:
    assert merge(a, b.values()) == merge(b, a.values())


@given(STATES, STATES, STATES)
def test_merge_is_associative(
    a: dict[str, Change], b: dict[str, Change], c: dict[str, Change]
) -> None:
    assert merge(merge(a, b.values()), c.values()) == merge(a, merge(b, c.values()).values())


@given(STATES, STATES)
def test_merge_is_idempotent(a: dict[str, Change], b: dict[str, Change]) -> None:
    once = merge(a, b.values())
    assert merge(once, b.values()) == once
    assert merge(a, a.values()) == a


@given(st.lists(CHANGES, max_size=7))
def test_any_order_of_the_same_changes_gives_the_same_state(changes: list[Change]) -> None:
    states = {
        tuple(sorted(merge({}, order).items()))
        for order in itertools.islice(itertools.permutations(changes), 200)
    }
    assert len(states) <= 1


@given(st.lists(st.lists(CHANGES, max_size=5), min_size=1, max_size=4))
def test_devices_that_exchange_everything_agree(batches: list[list[Change]]) -> None:
    """Each device starts with its own changes; after a full round of syncs all agree."""
    devices = [merge({}, batch) for batch in batches]
    everything = reduce(lambda acc, s: merge(acc, s.values()), devices, {})
    for state in devices:
        assert merge(state, everything.values()) == everything


def test_the_newer_clock_wins_and_a_tie_goes_to_the_device_order() -> None:
    old = Change("contact/k", '"old"', 10, "b" * 32)
    new = Change("contact/k", '"new"', 11, "a" * 32)
    assert merge({"contact/k": old}, [new])["contact/k"] is new
    assert merge({"contact/k": new}, [old])["contact/k"] is new
    tie = Change("contact/k", '"tie"', 11, "c" * 32)
    assert merge({"contact/k": new}, [tie])["contact/k"] is tie


def test_the_clock_follows_the_wall_and_never_goes_back() -> None:
    wall = [1_000]
    clock = HybridClock(0, lambda: wall[0])
    first = clock.tick()
    assert clock_to_ms(first) == 1_000
    second = clock.tick()  # the same millisecond: the counter moves
    assert second == first + 1 and clock_to_ms(second) == 1_000
    wall[0] = 900  # the wall clock steps back
    assert clock.tick() > second
    clock.observe(clock_from_ms(5_000))  # a record from a device ahead of us
    assert clock.tick() > clock_from_ms(5_000)
    wall[0] = 9_000
    assert clock_to_ms(clock.tick()) == 9_000
