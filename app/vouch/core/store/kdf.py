"""Passphrase -> 32-byte store key with Argon2id; parameters and salt live beside the database.

The parameter file also holds a short key-check value (a keyed hash of a constant), so a wrong
passphrase can be told apart from a damaged database without touching the database at all.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw

from vouch.core.errors import CorruptStore, StoreTooNew
from vouch.core.fsutil import atomic_write

KDF_FORMAT = 1
KEY_BYTES = 32
SALT_BYTES = 16
_CHECK_LABEL = b"vouch/key-check/v1"


@dataclass(frozen=True)
class KdfCost:
    """How much work one Argon2id derivation does. The cost is stored with each wallet."""

    time_cost: int = 4
    memory_cost_kib: int = 256 * 1024
    parallelism: int = 2


DEFAULT_COST = KdfCost()  # about half a second and 256 MiB here
MINIMAL_COST = KdfCost(time_cost=1, memory_cost_kib=8 * 1024)  # scripted test wallets only


@dataclass(frozen=True)
class KdfParams:
    salt: bytes
    time_cost: int = DEFAULT_COST.time_cost
    memory_cost_kib: int = DEFAULT_COST.memory_cost_kib
    parallelism: int = DEFAULT_COST.parallelism
    algorithm: str = "argon2id"
    version: int = KDF_FORMAT

    @classmethod
    def new(cls, cost: KdfCost = DEFAULT_COST) -> KdfParams:
        """A fresh salt with `cost` (the real cost unless the caller chose otherwise)."""
        return cls(
            os.urandom(SALT_BYTES),
            time_cost=cost.time_cost,
            memory_cost_kib=cost.memory_cost_kib,
            parallelism=cost.parallelism,
        )

    def derive(self, passphrase: str) -> bytes:
        return hash_secret_raw(
            passphrase.encode("utf-8"),
            self.salt,
            time_cost=self.time_cost,
            memory_cost=self.memory_cost_kib,
            parallelism=self.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )


def key_check(key: bytes) -> str:
    return hmac.new(key, _CHECK_LABEL, hashlib.sha256).hexdigest()[:16]


def encode_params(params: KdfParams, key: bytes) -> bytes:
    body: dict[str, Any] = asdict(params)
    body["salt"] = base64.b64encode(params.salt).decode("ascii")
    body["check"] = key_check(key)
    return (json.dumps(body, indent=2, sort_keys=True) + "\n").encode("utf-8")


def write_params(path: Path, params: KdfParams, key: bytes) -> None:
    atomic_write(path, encode_params(params, key))


def read_params(path: Path) -> tuple[KdfParams, str]:
    """The parameters and the key-check value. Raises `CorruptStore` / `StoreTooNew`."""
    try:
        body = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise CorruptStore("The wallet's key file is missing or damaged.") from exc
    if not isinstance(body, dict):
        raise CorruptStore("The wallet's key file is damaged.")
    if isinstance(body.get("version"), int) and body["version"] > KDF_FORMAT:
        raise StoreTooNew()
    try:
        params = KdfParams(
            salt=base64.b64decode(body["salt"], validate=True),
            time_cost=int(body["time_cost"]),
            memory_cost_kib=int(body["memory_cost_kib"]),
            parallelism=int(body["parallelism"]),
            algorithm=str(body["algorithm"]),
            version=int(body["version"]),
        )
        check = str(body["check"])
    except (KeyError, TypeError, ValueError) as exc:
        raise CorruptStore("The wallet's key file is damaged.") from exc
    if params.algorithm != "argon2id" or len(params.salt) != SALT_BYTES:
        raise CorruptStore("The wallet's key file names an unknown key derivation.")
    if not (1 <= params.time_cost <= 64 and 8 <= params.memory_cost_kib <= 4 * 1024 * 1024):
        raise CorruptStore("The wallet's key file has implausible key derivation settings.")
    if not 1 <= params.parallelism <= 16:
        raise CorruptStore("The wallet's key file has implausible key derivation settings.")
    return params, check


def check_matches(key: bytes, check: str) -> bool:
    return hmac.compare_digest(key_check(key), check)
