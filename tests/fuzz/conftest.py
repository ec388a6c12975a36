"""The fuzz targets (fuzz/targets/) importable in-process, and a digest of a wallet's content."""

from __future__ import annotations

import hashlib
import importlib
import sys
from pathlib import Path
from types import ModuleType

from support.store import store_rows
from vouch.wallet import Wallet

FUZZ_DIR = Path(__file__).resolve().parents[2] / "fuzz"
TARGETS_DIR = FUZZ_DIR / "targets"
CORPUS_DIR = FUZZ_DIR / "corpus"
TARGETS = sorted(p.stem for p in TARGETS_DIR.glob("*.py") if not p.stem.startswith("_"))

if str(TARGETS_DIR) not in sys.path:
    sys.path.insert(0, str(TARGETS_DIR))


def load_target(name: str) -> ModuleType:
    return importlib.import_module(name)


def store_digest(wallet: Wallet) -> tuple[int, str]:
    """The endorsement count and a SHA-256 over every row of every table."""
    digest = hashlib.sha256()
    for table, rows in store_rows(wallet.home, wallet.store_key()).items():
        digest.update(table.encode() + repr(rows).encode())
    return wallet.count_endorsements(), digest.hexdigest()
