"""Core benchmarks: signing, verifying, and importing 10k / 100k endorsements beside a floor.

The floor of an import is what no implementation can avoid, measured in the same run on the
same data: raw Ed25519 verification of every signature on one core (libsodium through PyNaCl,
on the precomputed hashData, one after the other in this process). A raw `executemany` INSERT
of the same rows into a fresh store (the store's own settings) is printed beside it: it is
what those settings cost, not a floor (RELIABILITY.md, "Store settings and their cost").

The import does all of its work on top of that: strict parsing, both layers of every proof
(hashData rebuilt from the canonical forms), the bundle's own proof, the duplicate lookup, and
one transaction storing each verbatim document with its hash. The ratio compares wall-clock
times: big bundles are checked by worker processes beside the importing one
(`vouch.exchange.importing.Workers`), so the CPU time of the import (all processes) is printed
beside it. Run with
`pytest -m bench --benchmark-enable tests/bench/test_core_bench.py -s`.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import base58
import nacl.signing
import pytest

try:
    import resource
except ImportError:  # Windows: children's CPU time is not reported there
    resource = None  # type: ignore[assignment]

from vouch.core import credentials as creds
from vouch.core.canonical import canonicalize
from vouch.core.dataintegrity import ASSERTION, _hash_data, proof_configuration
from vouch.core.identity import Identity
from vouch.core.records import Audience, Kind, Level
from vouch.core.store import queries
from vouch.core.store.db import Database
from vouch.exchange import bundle as bundles
from vouch.wallet import Wallet
from vouch.wallet.importing import statement_record

pytestmark = pytest.mark.bench

PASSPHRASE = "correct horse battery staple"
ISSUERS = 25
SCOPES = ["home/plumbing", "home/garden", "cooking", "childcare", "tax/returns", "bikes"]
TARGET_RATIO = 2.0


@dataclass(frozen=True)
class Corpus:
    bundle: bytes
    count: int
    checks: list[tuple[bytes, bytes, bytes]]  # (public key, hashData, signature)
    rows: list[tuple[Any, ...]]  # what the store ends up holding


def _statement(issuer: Identity, subject: str, rng: random.Random, now: datetime) -> Any:
    level = Level(rng.randint(1, 4))
    document = creds.unsigned_statement(
        issuer.did,
        subject,
        rng.choice(SCOPES),
        level=level,
        comment=f"Helped with job #{rng.randint(1, 10**6)}",
        now=now,
    )
    config = proof_configuration(document, issuer, now, ASSERTION)
    hash_data = _hash_data(document, config)
    signature = issuer.sign(hash_data)
    signed = {
        **document,
        "proof": {**config, "proofValue": "z" + base58.b58encode(signature).decode()},
    }
    canonical = canonicalize(signed)
    statement = creds.Statement(
        id=document["id"],
        kind=Kind.ENDORSEMENT,
        issuer=issuer.did,
        subject=subject,
        scope=document["credentialSubject"]["scope"],
        level=level,
        comment=document["credentialSubject"]["endorsementComment"],
        reason="",
        valid_from=now,
        valid_until=now + creds.DEFAULT_VALIDITY,
    )
    record = statement_record(statement, canonical.decode(), Audience.PRIVATE, "")
    row = queries.statement_row(record, hashlib.sha256(canonical).digest(), time.time())
    return signed, (issuer.public_key, hash_data, signature), row


def build_corpus(count: int, seed: int = 1) -> Corpus:
    rng = random.Random(seed)
    people = [Identity(rng.randbytes(32)) for _ in range(ISSUERS)]
    subjects = [Identity(rng.randbytes(32)).did for _ in range(200)]
    now = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    documents, checks, rows = [], [], []
    for _ in range(count):
        signed, check, row = _statement(rng.choice(people), rng.choice(subjects), rng, now)
        documents.append(signed)
        checks.append(check)
        rows.append(row)
    return Corpus(bundles.encode_bundle(people[0], documents), count, checks, rows)


@pytest.fixture(scope="session")
def corpora() -> dict[int, Corpus]:
    started = time.perf_counter()
    built = {n: build_corpus(n) for n in (10_000, 100_000)}
    print(f"\n[bench] built bundles in {time.perf_counter() - started:.1f} s")
    return built


def _floor_seconds(corpus: Corpus, folder: Path) -> tuple[float, float]:
    started = time.perf_counter()
    for public_key, message, signature in corpus.checks:
        nacl.signing.VerifyKey(public_key).verify(message, signature)
    verify_s = time.perf_counter() - started
    database = Database.open(folder / "floor.db", bytes(range(32)), create=True)
    try:
        started = time.perf_counter()
        with database.transaction() as conn:
            queries.insert_statements(conn, corpus.rows)
        insert_s = time.perf_counter() - started
    finally:
        database.close()
    return verify_s, insert_s


def _fresh_wallet(folder: Path) -> Callable[[], tuple[tuple[Wallet], dict[str, Any]]]:
    counter = iter(range(1000))

    def setup() -> tuple[tuple[Wallet], dict[str, Any]]:
        return (Wallet.create(folder / f"w{next(counter)}", PASSPHRASE),), {}

    return setup


@pytest.mark.parametrize("count", [10_000, 100_000])
def test_import_against_floor(
    benchmark: Any, corpora: dict[int, Corpus], tmp_path: Path, count: int
) -> None:
    corpus = corpora[count]
    phases: dict[str, float] = {}

    def run(wallet: Wallet) -> None:
        cpu = _cpu_seconds()
        started = time.perf_counter()
        preview = wallet.preview_import(corpus.bundle)
        middle = time.perf_counter()
        result = wallet.apply_import(preview)
        phases["preview"] = middle - started
        phases["apply"] = time.perf_counter() - middle
        phases["cpu"] = _cpu_seconds() - cpu
        assert result.added == count and not preview.invalid
        wallet.lock()

    benchmark.pedantic(run, setup=_fresh_wallet(tmp_path), rounds=1, iterations=1)
    verify_s, insert_s = _floor_seconds(corpus, tmp_path)
    total = phases["preview"] + phases["apply"]
    print(
        f"\n[bench] import {count}: {total:.2f} s (preview {phases['preview']:.2f} s, apply "
        f"{phases['apply']:.2f} s); floor: raw Ed25519 verification on one core {verify_s:.2f} s; "
        f"ratio import/floor = {total / verify_s:.2f} (target {TARGET_RATIO}); raw insert of "
        f"the same rows {insert_s:.2f} s; import CPU {phases['cpu']:.2f} s (all its processes)"
    )


def test_sign(benchmark: Any) -> None:
    alice, bob = Identity(bytes([1]) * 32), Identity(bytes([2]) * 32)
    document = creds.unsigned_statement(alice.did, bob.did, "plumbing", level=Level.STRONGLY)
    signed = benchmark(creds.sign_statement, document, alice)
    assert creds.verify_statement(signed).issuer == alice.did


def test_verify_against_raw_nacl(benchmark: Any, corpora: dict[int, Corpus]) -> None:
    import json

    corpus = corpora[10_000]
    documents = json.loads(corpus.bundle)["verifiableCredential"][:2000]
    checks = corpus.checks[:2000]

    def verify_all() -> None:
        for document in documents:
            creds.verify_statement(document)

    benchmark.pedantic(verify_all, rounds=3, iterations=1)
    best = min(_timed(verify_all) for _ in range(3))
    raw = min(_timed(lambda: _raw_verify(checks)) for _ in range(3))
    print(
        f"\n[bench] verify 2000 statements: {best * 1e3:.0f} ms ({best / 2000 * 1e6:.0f} us each);"
        f" raw nacl {raw * 1e3:.0f} ms ({raw / 2000 * 1e6:.0f} us each); ratio {best / raw:.2f}"
    )


def _raw_verify(checks: list[tuple[bytes, bytes, bytes]]) -> None:
    for public_key, message, signature in checks:
        nacl.signing.VerifyKey(public_key).verify(message, signature)


def _cpu_seconds() -> float:
    """CPU time of this process and of its ended children (the signature helper)."""
    children = 0.0
    if resource is not None:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        children = usage.ru_utime + usage.ru_stime
    return time.process_time() + children


def _timed(action: Callable[[], None]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started
