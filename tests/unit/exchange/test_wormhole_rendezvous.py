"""Codes derived for meeting a known contact again: equal on both sides, nobody else's."""

from __future__ import annotations

from vouch.core.identity import Identity
from vouch.exchange.wormhole.link import normalise_code
from vouch.exchange.wormhole.rendezvous import SLOT_SECONDS, rendezvous, seconds_left_in_slot

NOW = 1_800_000_000.0


def test_both_sides_derive_the_same_code_and_opposite_roles() -> None:
    alice, bob = Identity.generate(), Identity.generate()
    mine, theirs = rendezvous(alice, bob.did, NOW), rendezvous(bob, alice.did, NOW + 10)
    assert mine.code == theirs.code
    assert mine.invite != theirs.invite
    assert normalise_code(mine.code) == mine.code  # a well-formed wormhole code


def test_a_third_person_derives_another_code() -> None:
    alice, bob, mallory = Identity.generate(), Identity.generate(), Identity.generate()
    genuine = rendezvous(alice, bob.did, NOW).code
    assert rendezvous(mallory, bob.did, NOW).code != genuine
    assert rendezvous(mallory, alice.did, NOW).code != genuine


def test_the_code_changes_with_every_slot() -> None:
    alice, bob = Identity.generate(), Identity.generate()
    codes = {rendezvous(alice, bob.did, NOW + k * SLOT_SECONDS).code for k in range(20)}
    assert len(codes) == 20
    start = NOW - NOW % SLOT_SECONDS
    assert rendezvous(alice, bob.did, start).code == rendezvous(alice, bob.did, start + 299).code
    assert seconds_left_in_slot(start + 100) == SLOT_SECONDS - 100


def test_two_devices_of_one_wallet_meet_on_one_code_with_one_listener() -> None:
    me = Identity.generate()
    laptop, desktop = "a" * 32, "b" * 32
    here = rendezvous(me, me.did, 1_700_000_000.0, (laptop, desktop))
    there = rendezvous(me, me.did, 1_700_000_000.0, (desktop, laptop))
    assert here.code == there.code
    assert here.invite != there.invite
    # Another pair of my devices meets elsewhere; without the device ids both would listen.
    assert rendezvous(me, me.did, 1_700_000_000.0, (laptop, "c" * 32)).code != here.code
    plain = rendezvous(me, me.did, 1_700_000_000.0)
    assert plain.invite and plain.code != here.code
