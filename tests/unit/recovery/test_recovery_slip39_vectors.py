"""The official SLIP-39 test vectors (trezor/python-shamir-mnemonic, vectors.json).

Each vector is [description, mnemonics, master secret hex, xprv]; an empty secret means the
mnemonics must be refused. The vectors use the passphrase "TREZOR".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vouch.core.recovery import slip39
from vouch.core.recovery.errors import RecoveryFailed

VECTORS = json.loads(
    (Path(__file__).parents[2] / "vectors" / "slip39_vectors.json").read_text("utf-8")
)


def test_the_vectors_are_all_there() -> None:
    assert len(VECTORS) == 45
    assert sum(1 for v in VECTORS if v[2]) == 15
    assert sum(1 for v in VECTORS if not v[2]) == 30


@pytest.mark.parametrize(
    ("mnemonics", "secret"),
    [pytest.param(v[1], v[2], id=v[0][:60]) for v in VECTORS if v[2]],
)
def test_valid_vectors_give_their_master_secret(mnemonics: list[str], secret: str) -> None:
    assert slip39.combine_shares(mnemonics, b"TREZOR").hex() == secret


@pytest.mark.parametrize(
    "mnemonics", [pytest.param(v[1], id=v[0][:60]) for v in VECTORS if not v[2]]
)
def test_invalid_vectors_are_refused(mnemonics: list[str]) -> None:
    with pytest.raises(RecoveryFailed, match="do not fit together"):
        slip39.combine_shares(mnemonics, b"TREZOR")
