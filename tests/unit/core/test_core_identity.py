"""Identities: did:key both ways, strict refusal of other keys, recovery phrases, safety codes."""

from __future__ import annotations

import base58
import pytest
from mnemonic import Mnemonic

from vouch.core.errors import InvalidDid, InvalidRecoveryPhrase
from vouch.core.identity import (
    Identity,
    did_from_public_key,
    did_from_verification_method,
    is_did_key,
    public_key_from_did,
    recovery_phrase_from_seed,
    safety_code,
    seed_from_recovery_phrase,
    verification_method_for,
)

SEED = bytes(range(32))
# Known answers for SEED: a change here would strand every existing wallet.
SEED_DID = "did:key:z6MkehRgf7yJbgaGfYsdoAsKdBPE3dj2CYhowQdcjqSJgvVd"
SEED_SAFETY_CODE = "suffer you fence glimpse prize radio"
W3C_DID = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"


def _multibase(prefix: bytes, body: bytes) -> str:
    return "did:key:z" + base58.b58encode(prefix + body).decode("ascii")


def test_did_encode_decode_round_trip() -> None:
    identity = Identity(SEED)
    assert identity.did == SEED_DID
    assert public_key_from_did(identity.did) == identity.public_key
    assert did_from_public_key(identity.public_key) == identity.did


def test_decodes_a_did_made_elsewhere() -> None:
    key = public_key_from_did(W3C_DID)
    assert len(key) == 32
    assert did_from_public_key(key) == W3C_DID


def test_verification_method_round_trip() -> None:
    vm = verification_method_for(SEED_DID)
    assert vm == SEED_DID + "#" + SEED_DID.removeprefix("did:key:")
    assert did_from_verification_method(vm) == SEED_DID


def test_verification_method_with_foreign_fragment_is_refused() -> None:
    other = Identity(bytes(32)).did
    with pytest.raises(InvalidDid):
        did_from_verification_method(SEED_DID + "#" + other.removeprefix("did:key:"))


@pytest.mark.parametrize(
    "did",
    [
        _multibase(b"\xe7\x01", bytes(33)),  # secp256k1 multicodec
        _multibase(b"\xec\x01", bytes(32)),  # X25519 multicodec
        _multibase(b"\x12\x00", bytes(32)),  # P-256 style prefix
        _multibase(b"\xed\x01", bytes(31)),  # Ed25519 prefix, key too short
        _multibase(b"\xed\x01", bytes(33)),  # Ed25519 prefix, key too long
        "did:key:z6MkehRgf7yJbgaGfYsdoAsKdBPE3dj2CYhowQdcjqSJgv0d",  # '0' is not base58
        "did:key:z6MkehRgf7yJbgaGfYsdoAsKdBPE3dj2CYhowQdcjqSJgvVl",  # 'l' is not base58
        "did:key:" + "f" + bytes(34).hex(),  # multibase base16, not base58btc
        SEED_DID + " ",  # trailing space decodes but is not canonical
        SEED_DID + "\n",
        "DID:KEY:" + SEED_DID.removeprefix("did:key:"),
        "did:web:example.com",
        "did:key:",
        "did:key:z",
        "",
        "did:key:z" + "6Mk" * 40,
    ],
)
def test_non_ed25519_or_malformed_did_is_refused(did: str) -> None:
    with pytest.raises(InvalidDid):
        public_key_from_did(did)
    assert not is_did_key(did)


@pytest.mark.parametrize("value", [None, 42, SEED_DID.encode(), [SEED_DID], {"id": SEED_DID}])
def test_a_did_that_is_not_a_string_is_refused(value: object) -> None:
    with pytest.raises(InvalidDid):
        public_key_from_did(value)  # type: ignore[arg-type]
    assert not is_did_key(value)


def test_phrase_round_trip_restores_the_same_identity() -> None:
    original = Identity.generate()
    phrase = original.recovery_phrase
    assert len(phrase.split()) == 24
    restored = Identity.from_recovery_phrase(phrase)
    assert restored.did == original.did
    assert restored.seed == original.seed


def test_phrase_tolerates_case_and_spacing() -> None:
    phrase = recovery_phrase_from_seed(SEED)
    messy = "  " + "   ".join(w.upper() for w in phrase.split()) + "\n"
    assert seed_from_recovery_phrase(messy) == SEED


def test_phrase_typo_is_refused() -> None:
    words = recovery_phrase_from_seed(SEED).split()
    wordlist = Mnemonic("english").wordlist
    # Swap one word for its neighbour in the list: still known words, wrong checksum.
    words[5] = wordlist[(wordlist.index(words[5]) + 1) % 2048]
    with pytest.raises(InvalidRecoveryPhrase, match="checksum"):
        seed_from_recovery_phrase(" ".join(words))


def test_phrase_swapped_words_are_refused() -> None:
    words = recovery_phrase_from_seed(SEED).split()
    words[0], words[1] = words[1], words[0]
    with pytest.raises(InvalidRecoveryPhrase):
        seed_from_recovery_phrase(" ".join(words))


@pytest.mark.parametrize("count", [0, 12, 23, 25])
def test_phrase_of_wrong_length_is_refused(count: int) -> None:
    words = (recovery_phrase_from_seed(SEED).split() * 2)[:count]
    with pytest.raises(InvalidRecoveryPhrase, match="24 words"):
        seed_from_recovery_phrase(" ".join(words))


def test_phrase_with_unknown_word_is_refused() -> None:
    words = recovery_phrase_from_seed(SEED).split()
    words[10] = "vouchy"
    with pytest.raises(InvalidRecoveryPhrase, match="vouchy"):
        seed_from_recovery_phrase(" ".join(words))


def test_a_valid_12_word_bip39_phrase_is_refused() -> None:
    twelve = Mnemonic("english").to_mnemonic(bytes(16))
    with pytest.raises(InvalidRecoveryPhrase):
        seed_from_recovery_phrase(twelve)


def test_safety_code_is_stable_and_six_known_words() -> None:
    code = Identity(SEED).safety_code
    assert code == SEED_SAFETY_CODE
    assert safety_code(SEED_DID) == code
    words = code.split()
    assert len(words) == 6
    assert set(words) <= set(Mnemonic("english").wordlist)


def test_safety_codes_differ_between_identities() -> None:
    codes = {Identity.generate().safety_code for _ in range(20)}
    assert len(codes) == 20


def test_safety_code_of_a_bad_did_is_refused() -> None:
    with pytest.raises(InvalidDid):
        safety_code("did:web:example.com")


def test_identity_repr_hides_the_seed() -> None:
    identity = Identity(SEED)
    assert SEED.hex() not in repr(identity)
    assert repr(SEED) not in repr(identity)


def test_seed_must_be_32_bytes() -> None:
    with pytest.raises(ValueError):
        Identity(bytes(31))
