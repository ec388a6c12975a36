"""Signature checks beside the import: a real helper process, its failures, cancel, and the
same outcomes as checking everything in one process."""

from __future__ import annotations

import copy
import io
import json
import sys
from typing import Any

import pytest

from vouch.core import credentials as creds
from vouch.core.dataintegrity import add_proof
from vouch.core.errors import OperationCancelled
from vouch.core.identity import Identity
from vouch.core.records import Level
from vouch.exchange import bundle as bundles
from vouch.exchange import sigcheck
from vouch.exchange.sigcheck import RECORD, SignatureChecks
from vouch.wallet import Wallet

SIGNER = Identity(bytes([5]) * 32)


def _checks(count: int) -> tuple[list[tuple[bytes, bytes, bytes]], list[bool]]:
    """Every third signature is broken (one bit flipped in the message it claims to sign)."""
    checks, expected = [], []
    for number in range(count):
        message = number.to_bytes(64, "big")
        signature = SIGNER.sign(message)
        if number % 3 == 1:
            message = bytes([message[0] ^ 1]) + message[1:]
        checks.append((SIGNER.public_key, message, signature))
        expected.append(number % 3 != 1)
    return checks, expected


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A helper for any size, in many small frames, so the tests exercise every path fast."""
    monkeypatch.setattr(sigcheck, "MIN_CHECKS_FOR_HELPER", 1)
    monkeypatch.setattr(sigcheck, "CHUNK", 4)


@pytest.mark.usefixtures("small_chunks")
@pytest.mark.parametrize("round_", range(4))  # the meeting point varies from run to run
def test_the_helper_answers_like_checking_here(round_: int) -> None:
    checks, expected = _checks(60 + round_)
    with SignatureChecks(len(checks)) as signatures:
        assert signatures.uses_helper
        positions = [signatures.add(*check) for check in checks]
        assert positions == list(range(len(checks)))
        assert signatures.results() == expected


@pytest.mark.usefixtures("small_chunks")
def test_the_helper_process_ends_with_the_block() -> None:
    checks, expected = _checks(12)
    with SignatureChecks(len(checks)) as signatures:
        helper = signatures._helper
        assert helper is not None
        for check in checks:
            signatures.add(*check)
        assert signatures.results() == expected
    assert helper._process.poll() is not None


@pytest.mark.usefixtures("small_chunks")
def test_cancel_stops_and_ends_the_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sigcheck, "CHUNK", 1000)  # nothing is sent: all is left to check here
    checks, _ = _checks(40)
    with SignatureChecks(len(checks)) as signatures:
        helper = signatures._helper
        assert helper is not None
        for check in checks:
            signatures.add(*check)
        with pytest.raises(OperationCancelled):
            signatures.results(cancelled=lambda: True)
    assert helper._process.poll() is not None


@pytest.mark.usefixtures("small_chunks")
def test_a_helper_that_dies_changes_nothing() -> None:
    checks, expected = _checks(30)
    with SignatureChecks(len(checks)) as signatures:
        helper = signatures._helper
        assert helper is not None
        for check in checks[:10]:
            signatures.add(*check)
        helper._process.kill()
        helper._process.wait()
        for check in checks[10:]:
            signatures.add(*check)
        assert signatures.results() == expected


@pytest.mark.usefixtures("small_chunks")
def test_no_helper_when_python_cannot_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "executable", "/nonexistent/python3")
    checks, expected = _checks(9)
    with SignatureChecks(len(checks)) as signatures:
        assert not signatures.uses_helper
        for check in checks:
            signatures.add(*check)
        assert signatures.results() == expected


def test_small_batches_are_checked_here() -> None:
    checks, expected = _checks(5)
    with SignatureChecks(len(checks)) as signatures:
        assert not signatures.uses_helper
        for check in checks:
            signatures.add(*check)
        assert signatures.results() == expected


def test_checks_of_the_wrong_size_are_refused() -> None:
    with SignatureChecks(1) as signatures, pytest.raises(ValueError):
        signatures.add(SIGNER.public_key, b"short", bytes(64))


def test_the_helper_protocol() -> None:
    checks, expected = _checks(5)
    frame = len(checks).to_bytes(4, "big") + b"".join(k + m + s for k, m, s in checks)
    sink = io.BytesIO()
    sigcheck.serve(io.BytesIO(frame + frame + bytes(4) + frame), sink)
    assert sink.getvalue() == bytes(expected) * 2  # stops at the count 0
    sink = io.BytesIO()
    sigcheck.serve(io.BytesIO(frame[: 4 + 2 * RECORD]), sink)  # cut short: no answer
    assert sink.getvalue() == b""


def _mixed_bundle(alice: Wallet, bob: Wallet, mallory: Wallet) -> bytes:
    items: list[dict[str, Any]] = []
    for number in range(9):
        items.append(json.loads(alice.endorse(bob.did, f"task{number}", 2).document))
    forged = copy.deepcopy(items[1])
    forged["credentialSubject"]["level"] = 4  # bad signature only
    both = copy.deepcopy(items[2])
    both["credentialSubject"]["level"] = 7  # bad signature and a bad level: signature first
    bare = creds.unsigned_statement(alice.did, bob.did, "banking", level=Level(1))
    impersonation = add_proof(bare, mallory.identity)  # valid proof, not by the issuer
    for item in (forged, both):
        item["id"] = creds.new_id()
    items += [forged, both, impersonation, {"not": "a credential"}]
    return bundles.encode_bundle(mallory.identity, items)


def test_an_import_with_the_helper_reports_like_one_without(
    alice: Wallet, bob: Wallet, mallory: Wallet, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _mixed_bundle(alice, bob, mallory)
    inline = bob.preview_import(data)
    monkeypatch.setattr(sigcheck, "MIN_CHECKS_FOR_HELPER", 1)
    monkeypatch.setattr(sigcheck, "CHUNK", 2)
    progress: list[tuple[int, int]] = []
    helped = bob.preview_import(data, progress=lambda d, t: progress.append((d, t)))
    assert helped == inline
    assert progress[-1] == (13, 13)
    reasons = {i.index: i.reason for i in helped.invalid}
    assert set(reasons) == {9, 10, 11, 12}
    assert "signature does not match" in reasons[9]
    assert "signature does not match" in reasons[10]
    assert "did not sign" in reasons[11]
    assert len(helped.new) == 9
