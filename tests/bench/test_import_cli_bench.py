"""`vouch import` of 50,000 endorsements from 50,000 issuers, the whole process, beside its floor.

The floor is raw Ed25519 verification of the same 50,000 signatures on one core (libsodium
through PyNaCl, hashData precomputed, one after the other in this process): every import has
to do that much, and nothing else in an import is a physical necessity. The import is the real
command line (`python -m vouch.cli --wallet W import FILE`), timed from start to exit, so its
figure includes starting Python, unlocking the wallet, parsing, both layers of checks, the
bundle's own proof and the one transaction that stores everything.

The signed bundle takes a while to build (50,000 keys, 50,000 signatures) and is cached in the
system's temporary folder, keyed by its parameters.

Run: .venv/bin/python -m pytest -q -m bench --benchmark-enable \
    tests/bench/test_import_cli_bench.py -s
"""

from __future__ import annotations

import os
import pickle
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from typing import Any

import base58
import nacl.signing
import pytest

from support.cli import as_installed, child_env, vouch_command
from vouch.core import credentials as creds
from vouch.core.credentials import statement_rules
from vouch.core.dataintegrity import (
    ASSERTION,
    ProofToCheck,
    SecuredBytes,
    _hash_data,
    canonical_secured,
    proof_configuration,
    proof_to_check,
)
from vouch.core.identity import Identity, _decode_did, public_key_from_did
from vouch.core.records import Level
from vouch.exchange import bundle as bundles
from vouch.exchange.importing import WORKER_CHUNK, CheckedStatement, check_chunk
from vouch.wallet.importing import without_collector_passes

pytestmark = pytest.mark.bench

COUNT = 50_000
SCOPES = ["home/plumbing", "home/garden", "cooking", "childcare", "tax/returns", "bikes"]
CACHE = Path(tempfile.gettempdir()) / "vouch-bench-cache"
TARGET_RATIO = 2.0


def build_bundle(count: int, seed: int = 7) -> tuple[bytes, list[tuple[bytes, bytes, bytes]]]:
    """A signed bundle of `count` endorsements, each from its own issuer, and the raw checks
    (public key, hashData, signature) of their proofs."""
    rng = random.Random(seed)
    holder = Identity(rng.randbytes(32))
    subjects = [Identity(rng.randbytes(32)).did for _ in range(500)]
    now = datetime(2026, 1, 1, tzinfo=UTC)
    documents, checks = [], []
    for _ in range(count):
        issuer = Identity(rng.randbytes(32))
        document = creds.unsigned_statement(
            issuer.did,
            rng.choice(subjects),
            rng.choice(SCOPES),
            level=Level(rng.randint(1, 4)),
            comment=f"Helped with job #{rng.randint(1, 10**6)}",
            now=now,
        )
        config = proof_configuration(document, issuer, now, ASSERTION)
        hash_data = _hash_data(document, config)
        signature = issuer.sign(hash_data)
        proof = {**config, "proofValue": "z" + base58.b58encode(signature).decode()}
        documents.append({**document, "proof": proof})
        checks.append((issuer.public_key, hash_data, signature))
    return bundles.encode_bundle(holder, documents), checks


def cached_bundle(count: int) -> tuple[Path, list[tuple[bytes, bytes, bytes]]]:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"import-{count}-issuers.vouch"
    checks_path = path.with_suffix(".checks")
    if not (path.exists() and checks_path.exists()):
        started = time.perf_counter()
        data, checks = build_bundle(count)
        path.write_bytes(data)
        checks_path.write_bytes(pickle.dumps(checks))
        print(f"\n[bench] built the bundle in {time.perf_counter() - started:.1f} s")
    checks = pickle.loads(checks_path.read_bytes())  # our own cache file
    return path, checks


def raw_verify_seconds(checks: list[tuple[bytes, bytes, bytes]]) -> float:
    started = time.perf_counter()
    for public_key, message, signature in checks:
        nacl.signing.VerifyKey(public_key).verify(message, signature)
    return time.perf_counter() - started


def _fresh_wallet(folder: Path, env: dict[str, str]) -> Path:
    home = folder / "wallet"
    shutil.rmtree(home, ignore_errors=True)
    subprocess.run(vouch_command("init", wallet=home), env=env, check=True, capture_output=True)
    return home


def test_cli_import_against_raw_verification(benchmark: Any, tmp_path: Path) -> None:
    path, checks = cached_bundle(COUNT)
    env = as_installed(child_env(), tmp_path / "pycache")
    seen: dict[str, Any] = {}

    def setup() -> tuple[tuple[Path], dict[str, Any]]:
        return (_fresh_wallet(tmp_path, env),), {}

    def run(home: Path) -> None:
        cpu_before = _children_cpu_seconds()
        started = time.perf_counter()
        done = subprocess.run(
            vouch_command("--json", "import", str(path), wallet=home),
            env=env,
            capture_output=True,
            text=True,
        )
        seen["seconds"] = time.perf_counter() - started
        seen["cpu"] = _children_cpu_seconds() - cpu_before
        seen["output"] = done.stdout + done.stderr
        assert done.returncode == 0, done.stderr
        assert f'"added": {COUNT}' in done.stdout, done.stdout[-500:]

    benchmark.pedantic(run, setup=setup, rounds=1, iterations=1)
    floor = min(raw_verify_seconds(checks) for _ in range(2))
    ratio = seen["seconds"] / floor
    print(
        f"\n[bench] vouch import of {COUNT} endorsements from {COUNT} issuers (whole process): "
        f"{seen['seconds']:.2f} s; raw Ed25519 verification of the same signatures on one core: "
        f"{floor:.2f} s; ratio {ratio:.2f} (target <= {TARGET_RATIO}); {os.cpu_count()} cores, "
        f"Python {sys.version.split()[0]}"
    )
    cores = os.cpu_count() or 1
    print(
        f"[bench] CPU of that import, all its processes (the worker processes included): "
        f"{seen['cpu']:.2f} s user + system, so at least {seen['cpu'] / cores:.2f} s of wall "
        f"time on {cores} cores in any order; {TARGET_RATIO}x the floor allows "
        f"{TARGET_RATIO * floor:.2f} s"
    )


def _children_cpu_seconds() -> float:
    """User + system time of this process's waited-for children and theirs (the import's
    worker processes are waited for by the import)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def test_bundle_matches_its_checks() -> None:
    """The floor checks the very signatures the import checks."""
    data, checks = build_bundle(3, seed=11)
    opened = bundles.open_bundle(data)
    assert len(opened.items) == 3
    assert len({item["issuer"] for item in opened.items}) == 3
    for item, (public_key, message, signature) in zip(opened.items, checks, strict=True):
        assert public_key_from_did(item["issuer"]) == public_key
        assert base58.b58decode(item["proof"]["proofValue"][1:]) == signature
        nacl.signing.VerifyKey(public_key).verify(message, signature)


STEP_ITEMS = 10_000


def test_steps_of_one_item() -> None:
    """What checking one credential of a big import costs, step by step, in one process (what
    each worker process does for its share): the signature is the floor's own step, the rest
    is the Python around it and the trip to and from a worker."""
    path, _ = cached_bundle(COUNT)
    items = bundles.open_bundle(path.read_bytes()).items[:STEP_ITEMS]
    timer = _StepTimer(len(items))
    with without_collector_passes():
        secured = timer.time("canonical form", lambda: [canonical_secured(i) for i in items])
        pairs = list(zip(items, secured, strict=True))
        _decode_did.cache_clear()
        proofs = timer.time("proof", lambda: [_pending(item, sec) for item, sec in pairs])
        checks = [check for proof in proofs for check in proof.checks]
        verdicts = timer.time("signature", lambda: [check.matches() for check in checks])
        signed = list(zip(items, proofs, strict=True))
        rules = timer.time("rules", lambda: [statement_rules(i, p.proof.signer) for i, p in signed])
        chunks = [items[at : at + WORKER_CHUNK] for at in range(0, len(items), WORKER_CHUNK)]
        _decode_did.cache_clear()  # each issuer is new to a worker, as in a real import
        outcomes = timer.time("whole check", lambda: [check_chunk(0, c) for c in chunks])
        sent = timer.time("send the items", lambda: [ForkingPickler.dumps(c) for c in chunks])
        timer.time("receive the items", lambda: [pickle.loads(blob) for blob in sent])
        back = timer.time("send the outcomes", lambda: [ForkingPickler.dumps(o) for o in outcomes])
        timer.time("receive the outcomes", lambda: [pickle.loads(blob) for blob in back])
    assert all(verdicts) and len(verdicts) == len(items)
    assert [r.issuer for r in rules] == [i["issuer"] for i in items]
    done = [outcome for chunk in outcomes for outcome, _ in chunk]
    assert all(isinstance(outcome, CheckedStatement) for outcome in done)
    print(f"\n[bench] per item of a big import, one process, {len(items)} items: {timer}")


def _pending(item: dict[str, Any], secured: SecuredBytes) -> ProofToCheck:
    return proof_to_check(
        item,
        expected_purpose=ASSERTION,
        document_digest=secured.document_digest,
        config_digest=secured.config_digest,
    )


class _StepTimer:
    def __init__(self, count: int) -> None:
        self._count = count
        self._steps: list[tuple[str, float]] = []

    def time(self, name: str, step: Callable[[], list[Any]]) -> list[Any]:
        started = time.perf_counter()
        result = step()
        self._steps.append((name, (time.perf_counter() - started) / self._count * 1e6))
        return result

    def __str__(self) -> str:
        return "; ".join(f"{name} {micros:.1f} µs" for name, micros in self._steps)
