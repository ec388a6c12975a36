"""Slot bookkeeping and per-address backoff alone: no sockets, a fake clock."""

from __future__ import annotations

import pytest

from vouch.exchange.p2p.options import SyncOptions
from vouch.exchange.p2p.slots import Backoff, Pool, Slots

OPTIONS = SyncOptions(max_connections=4, reserved_for_contacts=2, max_handshakes=3)


def test_strangers_get_at_most_the_unreserved_slots() -> None:
    slots = Slots(OPTIONS)
    answers = []
    for n in range(3):
        assert slots.admit(f"s{n}", f"10.0.0.{n}").admitted
        answers.append(slots.identified(f"s{n}", verified=False))
    assert answers == [True, True, False]
    assert slots.count(Pool.STRANGER) == 2
    assert slots.admit("c", "10.0.0.9").admitted
    assert slots.identified("c", verified=True)  # a contact still gets in
    slots.release("s0")
    assert slots.identified("s2", verified=False)


def test_contacts_and_strangers_share_the_total() -> None:
    slots = Slots(OPTIONS)
    answers = []
    for n in range(5):
        slots.admit(f"c{n}", f"10.0.1.{n}")
        answers.append(slots.identified(f"c{n}", verified=True))
    assert answers == [True] * 4 + [False]


def test_one_address_holds_at_most_its_share() -> None:
    slots = Slots(SyncOptions(max_per_address=2))
    assert slots.admit(1, "10.0.0.1").admitted and slots.admit(2, "10.0.0.1").admitted
    refused = slots.admit(3, "10.0.0.1")
    assert not refused.admitted and "10.0.0.1" in refused.reason
    assert slots.admit(4, "10.0.0.2").admitted


def test_a_new_connection_cuts_the_oldest_handshake() -> None:
    slots = Slots(OPTIONS)
    for n in range(3):
        assert slots.admit(n, f"10.0.0.{n}").evict is None
    slots.identified(1, verified=True)  # past its handshake: never cut
    assert slots.admit(3, "10.0.0.3").evict is None
    assert slots.admit(4, "10.0.0.4").evict == 0
    assert slots.admit(5, "10.0.0.5").evict == 2


def test_a_paired_stranger_frees_its_stranger_slot() -> None:
    slots = Slots(OPTIONS)
    slots.admit("a", "10.0.0.1")
    slots.identified("a", verified=False)
    slots.promote("a")
    assert slots.count(Pool.STRANGER) == 0 and slots.count(Pool.CONTACT) == 1


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_backoff_doubles_and_is_capped() -> None:
    clock = Clock()
    backoff = Backoff(2.0, 30.0, 100, clock)
    waits = []
    for _ in range(6):
        backoff.failed("10.0.0.1")
        waits.append(backoff.retry_after("10.0.0.1"))
    assert waits == [2.0, 4.0, 8.0, 16.0, 30.0, 30.0]
    assert backoff.retry_after("10.0.0.2") == 0
    clock.now += 30.0
    assert backoff.retry_after("10.0.0.1") == 0
    backoff.failed("10.0.0.1")
    assert backoff.retry_after("10.0.0.1") == 30.0  # still remembered: no fresh start yet
    clock.now += 61.0
    backoff.failed("10.0.0.1")  # quiet for long enough: forgotten, counting starts again
    assert backoff.retry_after("10.0.0.1") == 2.0


def test_backoff_memory_is_bounded_and_success_forgets() -> None:
    backoff = Backoff(1.0, 10.0, 50, Clock())
    for n in range(10_000):
        backoff.failed(f"10.{n // 65536}.{n // 256 % 256}.{n % 256}")
    assert len(backoff) == 50
    backoff.failed("192.168.1.1")
    backoff.succeeded("192.168.1.1")
    assert backoff.retry_after("192.168.1.1") == 0


def test_zero_base_turns_backoff_off() -> None:
    backoff = Backoff(0.0, 0.0, 10, Clock())
    backoff.failed("10.0.0.1")
    assert backoff.retry_after("10.0.0.1") == 0 and len(backoff) == 0


@pytest.mark.parametrize(
    "bad",
    [
        {"sas_digits": 1},
        {"reserved_for_contacts": 5},
        {"max_per_address": 0},
        {"handshake_timeout": 0},
        {"backoff_base": 10.0, "backoff_max": 1.0},
    ],
)
def test_options_refuse_nonsense(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        SyncOptions(**bad)  # type: ignore[arg-type]
