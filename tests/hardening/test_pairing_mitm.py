"""A relay in the middle that grinds its keys to force the pairing code: real sockets, two wallets.

Mallory sits between Alice (who runs `sync_with` towards what she thinks is Bob) and Bob (a
real `SyncServer`). Mallory opens its own handshake to Bob first, then, as responder towards
Alice, tries fresh ephemeral keys offline until Alice's handshake hash gives the same code as
Bob's *under the code derivation of protocol version 1* (a hash of the handshake hash alone).
Alice's did:key is public, so Mallory can simulate Alice's last handshake message for each
candidate key. It then plays the pairing messages on both sides as well as it can.

Two people compare the codes their screens show (over the phone, say) and confirm only when they
are equal. With the code cut to 2 digits:

- against the commitment scheme, the codes agree about once in 100 attempts, whatever Mallory
  grinds, and never more often than a binomial bound that chance exceeds with p < 1e-9;
- the control swaps in the old derivation (`old_code`, below) on both wallets and runs the same
  harness: Mallory's grinding makes the codes agree every time and both wallets pair with it.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import math
import os
import sys
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from noise.connection import Keypair, NoiseConnection

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "p2p"))
from p2p_memory_store import MemoryStore

from vouch.core.errors import PeerError
from vouch.core.identity import Identity, x25519_public_from_did
from vouch.exchange.p2p import pairing
from vouch.exchange.p2p.channel import (
    PROLOGUE,
    PROTOCOL_NAME,
    Credentials,
    SecureChannel,
    hello_payload,
    open_channel,
    prove_identity,
)
from vouch.exchange.p2p.codes import Code, frame, split
from vouch.exchange.p2p.framing import FramedStream
from vouch.exchange.p2p.service import SyncOptions, SyncServer, sync_with

DIGITS = 2
ATTEMPTS = 300
CHANCE = 10.0**-DIGITS
GRIND_LIMIT = 4000  # P(no hit in 4000 tries at 1/100) < 1e-17
OPTIONS = SyncOptions(
    sas_digits=DIGITS, read_timeout=10.0, handshake_timeout=20.0, pairing_timeout=10.0
)


def old_code(handshake_hash: bytes, digits: int) -> str:
    """Protocol version 1: the code was a hash of the handshake hash, nothing else."""
    digest = hashlib.sha256(b"vouch-p2p/1/sas" + handshake_hash).digest()
    return f"{int.from_bytes(digest[:8], 'big') % 10**digits:0{digits}d}"


def old_derive_sas(handshake_hash: bytes, n_i: bytes, n_r: bytes, digits: int) -> str:
    return old_code(handshake_hash, digits)


def binomial_bound(trials: int, p: float, alpha: float = 1e-9) -> int:
    """The smallest k with P(Binomial(trials, p) >= k) < alpha."""
    tail = 1.0
    for k in range(trials + 1):
        if tail < alpha:
            return k
        tail -= math.comb(trials, k) * p**k * (1 - p) ** (trials - k)
    return trials + 1


# -- Noise XX, responder side, simulated offline --------------------------------------------


class _Symmetric:
    """Noise's SymmetricState for SHA-256 / ChaChaPoly: just what the grinding needs."""

    def __init__(self, h: bytes, ck: bytes, key: bytes | None = None, n: int = 0) -> None:
        self.h, self.ck, self.key, self.n = h, ck, key, n

    def copy(self) -> _Symmetric:
        return _Symmetric(self.h, self.ck, self.key, self.n)

    def mix_hash(self, data: bytes) -> None:
        self.h = hashlib.sha256(self.h + data).digest()

    def mix_key(self, ikm: bytes) -> None:
        temp = hmac.digest(self.ck, ikm, "sha256")
        self.ck = hmac.digest(temp, b"\x01", "sha256")
        self.key = hmac.digest(temp, self.ck + b"\x02", "sha256")
        self.n = 0

    def encrypt_and_hash(self, plaintext: bytes) -> None:
        assert self.key is not None
        nonce = bytes(4) + self.n.to_bytes(8, "little")
        self.n += 1
        self.mix_hash(ChaCha20Poly1305(self.key).encrypt(nonce, plaintext, self.h))


def _public(key: X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes_raw()


@dataclass
class Grinder:
    """Everything fixed once Alice's first message is in; `hash_for` tries one ephemeral key."""

    alice_ephemeral: bytes
    alice_did: str
    mallory: Identity
    tries: int = 0

    def __post_init__(self) -> None:
        start = _Symmetric(PROTOCOL_NAME, PROTOCOL_NAME)
        start.mix_hash(PROLOGUE)
        start.mix_hash(self.alice_ephemeral)
        start.mix_hash(b"")
        self._start = start
        self._static = X25519PrivateKey.from_private_bytes(self.mallory.x25519_private_key())
        self._alice_e = X25519PublicKey.from_public_bytes(self.alice_ephemeral)
        self._alice_s = X25519PublicKey.from_public_bytes(x25519_public_from_did(self.alice_did))
        self._es = self._static.exchange(self._alice_e)

    def hash_for(self, ephemeral: X25519PrivateKey) -> bytes:
        self.tries += 1
        state = self._start.copy()
        state.mix_hash(_public(ephemeral))
        state.mix_key(ephemeral.exchange(self._alice_e))  # ee
        state.encrypt_and_hash(_public(self._static))  # s
        state.mix_key(self._es)  # es
        state.encrypt_and_hash(hello_payload(self.mallory.did))
        state.encrypt_and_hash(x25519_public_from_did(self.alice_did))  # Alice's s
        state.mix_key(ephemeral.exchange(self._alice_s))  # se
        state.encrypt_and_hash(hello_payload(self.alice_did))
        return state.h

    def grind(self, target: str) -> tuple[X25519PrivateKey, bytes]:
        for _ in range(GRIND_LIMIT):
            candidate = X25519PrivateKey.generate()
            handshake_hash = self.hash_for(candidate)
            if old_code(handshake_hash, DIGITS) == target:
                return candidate, handshake_hash
        raise AssertionError("grinding failed")


# -- the attack --------------------------------------------------------------------------------


@dataclass
class Attempt:
    codes: dict[str, str] = field(default_factory=dict)
    heard: dict[str, asyncio.Future[str]] = field(default_factory=dict)

    def person(self, name: str, other: str) -> Callable[[str, str], Awaitable[bool]]:
        async def confirm(peer_did: str, code: str) -> bool:
            self.codes[name] = code
            loop = asyncio.get_running_loop()
            self.heard.setdefault(name, loop.create_future()).set_result(code)
            theirs = self.heard.setdefault(other, loop.create_future())
            try:  # they read their codes to each other
                return await asyncio.wait_for(asyncio.shield(theirs), 5.0) == code
            except TimeoutError:
                return False

        return confirm


async def relay_pairing(to_alice: SecureChannel, to_bob: SecureChannel) -> bool:
    """Play both pairings; True if both wallets accepted Mallory."""
    m_nonce = os.urandom(32)
    await to_bob.send(frame(Code.SAS_COMMIT, pairing.commitment(to_bob.handshake_hash, m_nonce)))
    split(await to_bob.recv())  # Bob's nonce: his code is now fixed, and known to Mallory
    split(await to_alice.recv())  # Alice's commitment: her nonce stays hidden
    await to_alice.send(frame(Code.SAS_NONCE, os.urandom(32)))
    split(await to_alice.recv())  # her reveal: her code is fixed only now
    await to_bob.send(frame(Code.SAS_REVEAL, m_nonce))
    for channel in (to_alice, to_bob):
        await channel.send(frame(Code.ACCEPT))
    answers = await asyncio.gather(to_alice.recv(), to_bob.recv())
    return all(split(answer)[0] is Code.ACCEPT for answer in answers)


async def mallory_in_the_middle(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    bob_port: int,
    mallory: Identity,
    alice_did: str,
) -> tuple[bool, int]:
    """One relayed attempt: did both wallets accept Mallory, and how many keys it tried."""
    to_alice_stream = FramedStream(reader, writer, max_frame=65535, read_timeout=10.0)
    bob_reader, bob_writer = await asyncio.open_connection("127.0.0.1", bob_port)
    to_bob_stream = FramedStream(bob_reader, bob_writer, max_frame=65535, read_timeout=10.0)
    try:
        alice_first = await to_alice_stream.read_frame()
        credentials = Credentials.from_identity(mallory)
        to_bob = await open_channel(to_bob_stream, credentials, initiator=True)
        grinder = Grinder(alice_first, alice_did, mallory)
        ephemeral, expected = grinder.grind(old_code(to_bob.handshake_hash, DIGITS))
        to_alice = await answer_alice(to_alice_stream, alice_first, ephemeral, mallory, alice_did)
        assert to_alice.handshake_hash == expected  # the offline simulation was exact
        return await relay_pairing(to_alice, to_bob), grinder.tries
    finally:
        await to_alice_stream.close()
        await to_bob_stream.close()


async def answer_alice(
    stream: FramedStream,
    alice_first: bytes,
    ephemeral: X25519PrivateKey,
    mallory: Identity,
    alice_did: str,
) -> SecureChannel:
    noise = NoiseConnection.from_name(PROTOCOL_NAME)
    noise.set_as_responder()
    noise.set_prologue(PROLOGUE)
    noise.set_keypair_from_private_bytes(Keypair.STATIC, mallory.x25519_private_key())
    noise.set_keypair_from_private_bytes(Keypair.EPHEMERAL, ephemeral.private_bytes_raw())
    with warnings.catch_warnings():  # "a preset ephemeral key is for testing": it is an attack
        warnings.simplefilter("ignore", UserWarning)
        noise.start_handshake()
    noise.read_message(alice_first)
    await stream.write_frame(bytes(noise.write_message(hello_payload(mallory.did))))
    noise.read_message(await stream.read_frame())
    handshake_hash = bytes(noise.get_handshake_hash())
    channel = SecureChannel(stream, noise, alice_did, handshake_hash, 1024 * 1024)
    await prove_identity(channel, Credentials.from_identity(mallory), initiator=False)
    return channel


@dataclass
class Tally:
    matches: int = 0
    both_asked: int = 0
    mallory_paired: int = 0
    grind_tries: list[int] = field(default_factory=list)


async def one_attempt(tally: Tally) -> None:
    alice, bob, mallory = MemoryStore(), MemoryStore(), Identity.generate()
    attempt = Attempt()
    server = SyncServer(bob, confirm_pairing=attempt.person("bob", "alice"), options=OPTIONS)
    bob_port = await server.start("127.0.0.1", 0)
    outcome: asyncio.Future[tuple[bool, int]] = asyncio.get_running_loop().create_future()

    async def on_alice(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            did = alice.identity.did
            outcome.set_result(await mallory_in_the_middle(reader, writer, bob_port, mallory, did))
        except Exception as exc:  # whatever stops Mallory is reported to the test
            outcome.set_exception(exc)

    relay = await asyncio.start_server(on_alice, "127.0.0.1", 0)
    relay_port = relay.sockets[0].getsockname()[1]
    confirm = attempt.person("alice", "bob")
    with contextlib.suppress(PeerError):
        await sync_with(alice, "127.0.0.1", relay_port, confirm_pairing=confirm, options=OPTIONS)
    paired, tries = await asyncio.wait_for(outcome, 10.0)
    tally.grind_tries.append(tries)
    relay.close()
    await relay.wait_closed()
    await server.close()
    if len(attempt.codes) == 2:
        tally.both_asked += 1
        tally.matches += attempt.codes["alice"] == attempt.codes["bob"]
    if paired and mallory.did in bob.verified and mallory.did in alice.verified:
        tally.mallory_paired += 1


def run_attacks(attempts: int) -> Tally:
    tally = Tally()

    async def scenario() -> None:
        for _ in range(attempts):
            await one_attempt(tally)

    asyncio.run(scenario())
    return tally


BOUND = binomial_bound(ATTEMPTS, CHANCE)


def test_the_bound_is_sound() -> None:
    assert 3 <= BOUND <= ATTEMPTS // 4
    tail = sum(
        math.comb(ATTEMPTS, k) * CHANCE**k * (1 - CHANCE) ** (ATTEMPTS - k)
        for k in range(BOUND, ATTEMPTS + 1)
    )
    assert tail < 1e-9


def test_a_grinding_relay_matches_codes_no_more_often_than_chance() -> None:
    tally = run_attacks(ATTEMPTS)
    assert tally.both_asked == ATTEMPTS  # the relay got both people to compare every time
    assert sum(tally.grind_tries) > 10 * ATTEMPTS  # and it did grind (about 100 keys a time)
    assert tally.matches < BOUND, f"{tally.matches} of {ATTEMPTS} codes matched"
    assert tally.mallory_paired == tally.matches


def test_control_the_old_derivation_lets_the_relay_force_the_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pairing, "derive_sas", old_derive_sas)
    attempts = 40
    tally = run_attacks(attempts)
    assert tally.both_asked == attempts
    assert tally.matches >= binomial_bound(attempts, CHANCE)  # the harness sees the attack
    assert tally.matches == attempts and tally.mallory_paired == attempts
