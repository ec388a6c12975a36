"""A did:key is accepted exactly when the former check (decode with the `base58` package, then
re-encode and compare) accepted it; only the way of deciding changed."""

from __future__ import annotations

import os
import random

import base58
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vouch.core.b58 import b58decode
from vouch.core.errors import InvalidDid
from vouch.core.identity import (
    DID_KEY_PREFIX,
    ED25519_PUB_MULTICODEC,
    _decode_did,
    did_from_public_key,
    public_key_from_did,
)

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def former_check(did: str) -> bytes | None:
    """The check as it was: the package decodes, and the key must re-encode to the same did."""
    body = did[len(DID_KEY_PREFIX) :]
    if not did.startswith(DID_KEY_PREFIX) or not body.startswith("z") or len(body) > 64:
        return None
    try:
        raw = base58.b58decode(body[1:])
    except ValueError:
        return None
    if len(raw) != 34 or raw[:2] != ED25519_PUB_MULTICODEC:
        return None
    key = raw[2:]
    return key if did_from_public_key(key) == did else None


def new_check(did: str) -> bytes | None:
    _decode_did.cache_clear()
    try:
        return public_key_from_did(did)
    except InvalidDid:
        return None


def variants(did: str, rng: random.Random) -> list[str]:
    """The did and ways of writing it wrongly or almost rightly."""
    body = did[len(DID_KEY_PREFIX) + 1 :]
    spot = rng.randrange(len(body))
    other = rng.choice(ALPHABET.replace(body[spot], ""))
    return [
        did,
        DID_KEY_PREFIX + "z1" + body,  # a leading '1': a zero byte in front
        DID_KEY_PREFIX + "z11" + body,
        did + " ",  # the package strips trailing whitespace
        did + "\n",
        " " + did,
        did[:-1],
        did + rng.choice(ALPHABET),
        DID_KEY_PREFIX + "z" + body[:spot] + other + body[spot + 1 :],
        DID_KEY_PREFIX + "z" + body.replace(body[spot], "0", 1),  # not in the alphabet
        DID_KEY_PREFIX + "Z" + body,
        DID_KEY_PREFIX + "z",
    ]


def test_the_former_and_the_new_check_agree_on_valid_and_damaged_dids() -> None:
    rng = random.Random(5)
    accepted = refused = 0
    for _ in range(300):
        for did in variants(did_from_public_key(os.urandom(32)), rng):
            assert new_check(did) == former_check(did), did
            accepted += new_check(did) is not None
            refused += new_check(did) is None
    assert accepted >= 300 and refused >= 300 * 9  # both outcomes really were exercised


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET + "0OIl +/", min_size=0, max_size=60))
def test_any_body_is_judged_the_same(body: str) -> None:
    did = DID_KEY_PREFIX + "z" + body
    assert new_check(did) == former_check(did)


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=0, max_size=40))
def test_decoding_gives_back_what_the_package_encodes(data: bytes) -> None:
    assert b58decode(base58.b58encode(data).decode()) == data


def test_a_character_outside_the_alphabet_is_an_error() -> None:
    with pytest.raises(ValueError):
        b58decode("abc0")
