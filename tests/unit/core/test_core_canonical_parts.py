"""Canonical forms put together from parts, and the import's one-pass helpers, against RFC 8785."""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

import base58
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vouch.core import credentials as creds
from vouch.core.canonical import (
    MAX_DEPTH,
    CanonicalizationFailed,
    DamagedFile,
    canonical_halves,
    canonicalize,
    canonicalize_reference,
    hash_with_list_member,
    join_objects,
    member_object,
    parse_strict,
)
from vouch.core.dataintegrity import (
    b58decode,
    canonical_secured,
    proof_to_check,
    verify_proof,
)
from vouch.core.errors import InvalidProof
from vouch.core.identity import Identity
from vouch.core.records import Level

ALICE = Identity(bytes([3]) * 32)
BOB = Identity(bytes([4]) * 32)
SAFE = 2**53 - 1

# Keys around the awkward orders: ASCII, U+E000..U+FFFF against astral characters (UTF-16
# order differs from code point order there), and "proof" itself.
keys = st.one_of(
    st.text(max_size=6),
    st.sampled_from(["proof", "proofs", "pro", "\ue000", "\U0001f600", "p\U00010000", ""]),
)
leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-SAFE, SAFE),
    st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: not 2**53 <= abs(x) < 1e21),
    st.text(max_size=6),
)
values = st.recursive(
    leaves,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=15,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(keys, values, max_size=6), keys, values)
def test_an_object_put_together_from_its_halves_is_its_jcs(
    members: dict[str, Any], key: str, value: Any
) -> None:
    whole = {**members, key: value}
    before, after = canonical_halves(whole, key)
    rest = {k: v for k, v in whole.items() if k != key}
    assert join_objects(before, after) == canonicalize_reference(rest)
    member = member_object(key, canonicalize(value))
    assert join_objects(before, member, after) == canonicalize_reference(whole)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(keys, values, max_size=6), keys, st.lists(values, max_size=5))
def test_a_list_member_hashed_in_pieces_is_the_hash_of_the_jcs(
    members: dict[str, Any], key: str, elements: list[Any]
) -> None:
    whole = {**members, key: elements}
    before, after = canonical_halves(whole, key)
    streamed = hashlib.sha256()
    hash_with_list_member(streamed, before, key, [canonicalize(e) for e in elements], after)
    assert streamed.digest() == hashlib.sha256(canonicalize_reference(whole)).digest()


def test_a_list_member_hashed_in_pieces_sees_every_byte() -> None:
    """The control: one element changed, or one left out, changes the hash."""
    parts = (b'{"a":1}', "vc", [b'{"x":1}', b'{"y":2}'], b'{"z":3}')

    def digest(elements: list[bytes]) -> bytes:
        hasher = hashlib.sha256()
        hash_with_list_member(hasher, parts[0], parts[1], elements, parts[3])
        return hasher.digest()

    whole = hashlib.sha256(b'{"a":1,"vc":[{"x":1},{"y":2}],"z":3}').digest()
    assert digest(parts[2]) == whole
    assert digest([b'{"x":1}', b'{"y":3}']) != whole
    assert digest([b'{"x":1}']) != whole


def test_halves_refuse_what_jcs_refuses() -> None:
    with pytest.raises(CanonicalizationFailed):
        canonical_halves({"a": "\ud800", "proof": 1}, "proof")
    with pytest.raises(CanonicalizationFailed):
        canonical_halves({1: "x", "proof": 1}, "proof")  # type: ignore[dict-item]


def _signed(**extra: Any) -> dict[str, Any]:
    document = creds.unsigned_statement(ALICE.did, BOB.did, "home/plumbing", level=Level(2))
    return creds.sign_statement({**document, **extra}, ALICE)


@pytest.mark.parametrize(
    "extra", [{}, {"zzz": "after every key"}, {"\U0001f600": 1, "\ue000": [1.5, None]}]
)
def test_canonical_secured_matches_the_reference(extra: dict[str, Any]) -> None:
    signed = _signed(**extra)
    secured = canonical_secured(signed)
    assert secured.canonical == canonicalize_reference(signed)
    without = {k: v for k, v in signed.items() if k != "proof"}
    assert secured.document_digest == hashlib.sha256(canonicalize_reference(without)).digest()
    assert verify_proof(signed, document_digest=secured.document_digest).signer == ALICE.did


def test_proof_to_check_leaves_only_the_signature() -> None:
    signed = _signed()
    signed["credentialSubject"]["level"] = 4  # breaks the signature, nothing else
    pending = proof_to_check(signed)
    assert pending.proof.signer == ALICE.did
    assert not pending.signature_matches()
    with pytest.raises(InvalidProof, match="signature does not match"):
        verify_proof(signed)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 3), st.binary(max_size=70))
def test_b58decode_agrees_with_the_base58_package(zeros: int, data: bytes) -> None:
    raw = bytes(zeros) + data
    text = base58.b58encode(raw).decode()
    assert b58decode(text) == base58.b58decode(text) == raw


@pytest.mark.parametrize("text", ["0", "O", "I", "l", "z+", "é"])
def test_b58decode_refuses_other_characters(text: str) -> None:
    with pytest.raises(ValueError):
        b58decode(text)


def test_b58decode_of_a_signature() -> None:
    signature = os.urandom(64)
    assert b58decode(base58.b58encode(signature).decode()) == signature


def test_depth_limit_is_exact() -> None:
    assert parse_strict("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None
    assert parse_strict(json.dumps({"a": [[{}]]})) == {"a": [[{}]]}
    for text in ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), '{"a":' * 33 + "1" + "}" * 33):
        with pytest.raises(DamagedFile, match="damaged") as info:
            parse_strict(text)
        assert "nested too deeply" in info.value.detail


def test_duplicate_keys_are_still_refused_at_any_level() -> None:
    for text in ('{"a":1,"a":1}', '{"x":[{"b":1,"c":2,"b":3}]}'):
        with pytest.raises(DamagedFile) as info:
            parse_strict(text)
        assert "duplicate key" in info.value.detail
