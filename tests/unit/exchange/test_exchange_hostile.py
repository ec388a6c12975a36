"""Hostile bundles: each is refused with InvalidBundle and leaves the store exactly as it was."""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Snapshot
from vouch.core.errors import InvalidBundle
from vouch.exchange import bundle as bundles
from vouch.wallet import Wallet

HOSTILE = Path(__file__).resolve().parents[2] / "fixtures" / "hostile"


def _text(data: bytes) -> str:
    return bundles.TEXT_PREFIX + base64.urlsafe_b64encode(zlib.compress(data, 9)).decode()


def _real(alice: Wallet, bob: Wallet) -> bytes:
    alice.endorse(bob.did, "plumbing", 3)
    alice.endorse(bob.did, "cooking", 2)
    return alice.export_bundle()


Maker = Callable[[bytes], bytes | str]
CASES: list[tuple[str, Maker]] = [
    ("empty", lambda real: b""),
    ("whitespace", lambda real: b"   \n"),
    ("malformed json", lambda real: real[:-1]),
    ("not utf-8", lambda real: b'{"type": "\xff\xfe"}'),
    ("json array", lambda real: b"[1, 2, 3]"),
    ("json string", lambda real: b'"vouch"'),
    (
        "duplicate keys",
        lambda real: real.replace(b'{"@context"', b'{"vouchFormat":1,"@context"', 1),
    ),
    ("NaN", lambda real: real.replace(b'"vouchFormat":1', b'"vouchFormat":NaN')),
    ("Infinity", lambda real: real.replace(b'"vouchFormat":1', b'"vouchFormat":-Infinity')),
    ("deep lists", lambda real: b"[" * 100_000 + b"]" * 100_000),
    ("deep objects", lambda real: b'{"a":' * 50_000 + b"1" + b"}" * 50_000),
    (
        "nested 40 in bundle",
        lambda real: real.replace(
            b'"vouchFormat":1', b'"x":' + b"[" * 40 + b"]" * 40 + b',"vouchFormat":1'
        ),
    ),
    (
        "huge integer",
        lambda real: real.replace(b'"vouchFormat":1', b'"vouchFormat":1' + b"0" * 5000),
    ),
    ("huge float", lambda real: real.replace(b'"vouchFormat":1', b'"vouchFormat":1e400')),
    (
        "big int elsewhere",
        lambda real: real.replace(
            b'"vouchFormat":1', b'"x":123456789012345678901234567890,"vouchFormat":1'
        ),
    ),
    ("format 2", lambda real: real.replace(b'"vouchFormat":1', b'"vouchFormat":2')),
    ("format string", lambda real: real.replace(b'"vouchFormat":1', b'"vouchFormat":"1"')),
    ("format true", lambda real: real.replace(b'"vouchFormat":1', b'"vouchFormat":true')),
    (
        "no proof",
        lambda real: json.dumps(
            {k: v for k, v in json.loads(real).items() if k != "proof"}
        ).encode(),
    ),
    (
        "items not a list",
        lambda real: real.replace(
            b'"verifiableCredential":[', b'"verifiableCredential":{"a":[', 1
        ).replace(b'],"vouchFormat"', b']},"vouchFormat"'),
    ),
    ("holder not did:key", lambda real: real.replace(b'"holder":"did:key:', b'"holder":"did:web:')),
    ("truncated text", lambda real: _text(real)[: len(_text(real)) // 2]),
    ("text cut at the end", lambda real: _text(real)[:-8]),
    ("text bad base64", lambda real: "vouch:1:!!!!$$$$"),
    ("text not deflate", lambda real: "vouch:1:" + base64.urlsafe_b64encode(real[:200]).decode()),
    ("wrong prefix", lambda real: "vouch:2:" + _text(real)[len("vouch:1:") :]),
    ("other scheme", lambda real: "vouchx:" + _text(real)),
]


@pytest.mark.parametrize(("what", "make"), CASES, ids=[c[0] for c in CASES])
def test_hostile_input_is_refused_and_changes_nothing(
    alice: Wallet, bob: Wallet, snapshot: Snapshot, what: str, make: Maker
) -> None:
    hostile = make(_real(alice, bob))
    before = snapshot(bob)
    with pytest.raises(InvalidBundle) as info:
        bob.preview_import(hostile)
    assert info.value.message and "\n" not in info.value.message
    assert snapshot(bob) == before


@pytest.mark.parametrize("path", sorted(HOSTILE.glob("*")), ids=lambda p: p.name)
def test_hostile_fixture_files_are_refused(bob: Wallet, snapshot: Snapshot, path: Path) -> None:
    before = snapshot(bob)
    with pytest.raises(InvalidBundle):
        bob.preview_import(path.read_bytes())
    assert snapshot(bob) == before


def test_oversized_bundle_is_refused(
    alice: Wallet, bob: Wallet, snapshot: Snapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = _real(alice, bob)
    monkeypatch.setattr(bundles, "MAX_BUNDLE_BYTES", len(real) - 1)
    before = snapshot(bob)
    with pytest.raises(InvalidBundle, match="larger"):
        bob.preview_import(real)
    with pytest.raises(InvalidBundle, match="larger"):
        bob.preview_import(_text(real))
    assert snapshot(bob) == before
    monkeypatch.setattr(bundles, "MAX_BUNDLE_BYTES", len(real))
    assert len(bob.preview_import(real).new) == 2


def test_too_many_items_is_refused(
    alice: Wallet, bob: Wallet, snapshot: Snapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = _real(alice, bob)
    monkeypatch.setattr(bundles, "MAX_BUNDLE_ITEMS", 1)
    before = snapshot(bob)
    with pytest.raises(InvalidBundle, match="more than 1 items"):
        bob.preview_import(real)
    assert snapshot(bob) == before
    with pytest.raises(InvalidBundle):
        alice.export_bundle()


def test_zip_bomb_text_is_refused(
    bob: Wallet, snapshot: Snapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundles, "MAX_BUNDLE_BYTES", 1024 * 1024)
    bomb = _text(b" " * (64 * 1024 * 1024))
    assert len(bomb) < bundles.MAX_TEXT_CHARS
    before = snapshot(bob)
    with pytest.raises(InvalidBundle, match="larger"):
        bob.preview_import(bomb)
    assert snapshot(bob) == before


def test_overlong_text_is_refused(bob: Wallet, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundles, "MAX_TEXT_CHARS", 100)
    with pytest.raises(InvalidBundle, match="too long"):
        bob.preview_import("vouch:1:" + "A" * 200)


def test_hostile_apply_after_refusal_still_works(alice: Wallet, bob: Wallet) -> None:
    real = _real(alice, bob)
    with pytest.raises(InvalidBundle):
        bob.preview_import(real[:-1])
    assert bob.import_data(real).added == 2
