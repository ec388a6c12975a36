"""Wrapping the store key and the record files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from vouch.core.errors import UnlockFailed
from vouch.unlock import UnlockInvalidated, make_wallet_id
from vouch.unlock.base import check_wallet_id
from vouch.unlock.wrapping import Record, RecordStore, new_secret, unwrap, wrap

WALLET = "wallet-0123456789abcdef"


def test_wrap_round_trip_and_binding() -> None:
    key, secret = os.urandom(32), new_secret()
    wrapped = wrap(key, secret, backend_id="b", wallet_id=WALLET)
    assert key not in wrapped
    assert unwrap(wrapped, secret, backend_id="b", wallet_id=WALLET) == key
    with pytest.raises(UnlockInvalidated):
        unwrap(wrapped, new_secret(), backend_id="b", wallet_id=WALLET)
    with pytest.raises(UnlockInvalidated):
        unwrap(wrapped, secret, backend_id="b", wallet_id="wallet-other-000000")
    with pytest.raises(UnlockInvalidated):
        unwrap(wrapped, secret, backend_id="other", wallet_id=WALLET)
    tampered = wrapped[:-1] + bytes([wrapped[-1] ^ 1])
    with pytest.raises(UnlockInvalidated):
        unwrap(tampered, secret, backend_id="b", wallet_id=WALLET)


def test_wrapping_is_randomised() -> None:
    key, secret = os.urandom(32), new_secret()
    assert wrap(key, secret, backend_id="b", wallet_id=WALLET) != wrap(
        key, secret, backend_id="b", wallet_id=WALLET
    )


def test_wrap_rejects_bad_sizes() -> None:
    with pytest.raises(ValueError):
        wrap(b"short", new_secret(), backend_id="b", wallet_id=WALLET)
    with pytest.raises(ValueError):
        wrap(os.urandom(32), b"short", backend_id="b", wallet_id=WALLET)


def test_record_file_is_private_and_round_trips(tmp_path: Path) -> None:
    store = RecordStore(tmp_path / "state")
    record = Record("b", os.urandom(72))
    store.save(WALLET, record)
    path = store.path(WALLET)
    assert store.load(WALLET) == record
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "state").stat().st_mode) == 0o700
    assert [p.name for p in (tmp_path / "state").iterdir()] == [path.name]
    store.delete(WALLET)
    assert store.load(WALLET) is None
    store.delete(WALLET)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b'{"format": "other"}',
        b'{"format": "vouch-os-unlock", "version": 9}',
        b'{"format": "vouch-os-unlock", "version": 1, "backend": "b", "wrapped": "!!"}',
        b"x" * 5000,
    ],
)
def test_damaged_record_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    store = RecordStore(tmp_path)
    store.path(WALLET).write_bytes(content)
    with pytest.raises(UnlockFailed, match="damaged"):
        store.load(WALLET)


def test_wallet_ids() -> None:
    wid = make_wallet_id(Path("/tmp/w"), "did:key:z6Mkabc")
    assert wid == make_wallet_id(Path("/tmp/w"), "did:key:z6Mkabc")
    assert wid != make_wallet_id(Path("/tmp/w2"), "did:key:z6Mkabc")
    assert wid != make_wallet_id(Path("/tmp/w"), "did:key:z6Mkabd")
    check_wallet_id(wid)
    for bad in ["../../etc/passwd", "short", "a b c d e f g", "x" * 129, ""]:
        with pytest.raises(ValueError):
            check_wallet_id(bad)
