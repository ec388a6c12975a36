"""The key derivation's cost: chosen by whoever creates or re-keys a wallet, never by the core."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vouch.core.errors import InvalidInput
from vouch.core.store import kdf
from vouch.wallet import Wallet
from vouch.wallet.home import KDF_COST_ENV, kdf_cost_from_environment

PASSPHRASE = "correct horse battery staple"
CORE = Path(__file__).resolve().parents[3] / "app" / "vouch" / "core"
CHEAP = kdf.KdfCost(time_cost=2, memory_cost_kib=16 * 1024, parallelism=1)


def _stored_cost(home: Path) -> kdf.KdfCost:
    body = json.loads((home / "wallet.kdf.json").read_text())
    return kdf.KdfCost(body["time_cost"], body["memory_cost_kib"], body["parallelism"])


def test_new_parameters_take_the_cost_given_and_default_to_the_real_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(KDF_COST_ENV, "minimal")  # the core does not look
    assert kdf.KdfParams.new().memory_cost_kib == kdf.DEFAULT_COST.memory_cost_kib == 256 * 1024
    assert kdf.KdfParams.new().time_cost == kdf.DEFAULT_COST.time_cost == 4
    assert kdf.KdfParams.new(CHEAP).memory_cost_kib == 16 * 1024
    assert kdf.KdfParams.new().salt != kdf.KdfParams.new().salt


def test_the_core_reads_no_environment() -> None:
    readers = [
        str(path.relative_to(CORE))
        for path in sorted(CORE.rglob("*.py"))
        if "environ" in path.read_text() or "getenv" in path.read_text()
    ]
    assert readers == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, kdf.DEFAULT_COST), ("", kdf.DEFAULT_COST), ("minimal", kdf.MINIMAL_COST)],
)
def test_the_entry_points_choice_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str | None, expected: kdf.KdfCost
) -> None:
    if value is None:
        monkeypatch.delenv(KDF_COST_ENV, raising=False)
    else:
        monkeypatch.setenv(KDF_COST_ENV, value)
    assert kdf_cost_from_environment() == expected


def test_an_unknown_cost_name_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(KDF_COST_ENV, "fast")
    with pytest.raises(InvalidInput, match=KDF_COST_ENV):
        Wallet.create(tmp_path / "w", PASSPHRASE)
    assert not (tmp_path / "w").exists()


def test_create_and_change_passphrase_store_the_cost_they_were_given(tmp_path: Path) -> None:
    home = tmp_path / "w"
    with Wallet.create(home, PASSPHRASE, kdf_cost=CHEAP) as wallet:
        assert _stored_cost(home) == CHEAP
        wallet.change_passphrase(PASSPHRASE, "another fine passphrase", kdf_cost=kdf.MINIMAL_COST)
        assert _stored_cost(home) == kdf.MINIMAL_COST
    with Wallet.open(home, "another fine passphrase") as wallet:
        assert wallet.is_open


def test_without_a_cost_the_environment_decides(tmp_path: Path) -> None:
    """The suite sets VOUCH_KDF_COST=minimal for the wallets its tests make."""
    Wallet.create(tmp_path / "w", PASSPHRASE).lock()
    assert _stored_cost(tmp_path / "w") == kdf.MINIMAL_COST
