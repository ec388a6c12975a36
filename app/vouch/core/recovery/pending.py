"""The recovering device's temporary state: the request and its private key, passphrase-sealed.

Between `recover start` and `recover finish` (hours or days) the device keeps the request's
X25519 private key. Whoever reads that key and the guardians' answers (often saved on the same
disk) can rebuild the seed. So the key is not kept in the clear, even in a 0600 file (a
backup, a stolen laptop, a root process or a forensic copy ignore file modes): it is sealed
with a key derived by Argon2id from the passphrase asked at start, the same one the recovered
wallet will use. Someone with the disk learns the did being recovered, the request's id and
public key, when it was made and (from the answer files, if saved there) who answered; not
the shares, unless they also guess the passphrase.

File format: one JSON object, `type` `vouch-recovery-pending`, `version` 1.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import nacl.exceptions
import nacl.public
import nacl.secret
import nacl.utils

from vouch.core.errors import WrongPassphrase
from vouch.core.recovery import wire
from vouch.core.recovery.errors import InvalidRecoveryRequest
from vouch.core.recovery.request import RecoveryRequest, new_request, request_from
from vouch.core.store import kdf

PENDING_TYPE = "vouch-recovery-pending"
PENDING_VERSION = 1
PENDING_NAME = "recovery-pending.json"
MAX_PENDING_BYTES = 8192
_FIELDS = {"type", "version", "request", "kdf", "sealed_key"}
_KDF_FIELDS = {"salt", "time_cost", "memory_cost_kib", "parallelism"}


@dataclass(frozen=True)
class PendingRecovery:
    request: RecoveryRequest
    params: kdf.KdfParams
    sealed_key: bytes

    def to_bytes(self) -> bytes:
        document = {
            "type": PENDING_TYPE,
            "version": PENDING_VERSION,
            "request": self.request.document,
            "kdf": {
                "salt": wire.b64encode(self.params.salt),
                "time_cost": self.params.time_cost,
                "memory_cost_kib": self.params.memory_cost_kib,
                "parallelism": self.params.parallelism,
            },
            "sealed_key": wire.b64encode(self.sealed_key),
        }
        return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("utf-8")

    def private_key(self, passphrase: str) -> bytes:
        """The request's private key, or `WrongPassphrase`."""
        box = nacl.secret.SecretBox(self.params.derive(passphrase))
        try:
            key = bytes(box.decrypt(self.sealed_key))
        except nacl.exceptions.CryptoError as exc:
            raise WrongPassphrase(
                "That is not the passphrase given when this recovery was started."
            ) from exc
        if len(key) != 32 or bytes(nacl.public.PrivateKey(key).public_key) != (
            self.request.public_key
        ):
            raise InvalidRecoveryRequest("The recovery state in this folder is damaged.")
        return key


def start(did: str, passphrase: str, cost: kdf.KdfCost, created: str) -> PendingRecovery:
    """A new request for `did`, its private key sealed with `passphrase`."""
    private = nacl.public.PrivateKey.generate()
    request = new_request(did, bytes(private.public_key), created)
    params = kdf.KdfParams.new(cost)
    sealed = nacl.secret.SecretBox(params.derive(passphrase)).encrypt(bytes(private))
    return PendingRecovery(request, params, bytes(sealed))


def read_pending(data: bytes) -> PendingRecovery:
    """The state as written by `to_bytes`; `InvalidRecoveryRequest` if it is damaged."""
    error = InvalidRecoveryRequest
    value = wire.read_object(
        data, limit=MAX_PENDING_BYTES, kind=PENDING_TYPE, version=PENDING_VERSION, error=error
    )
    fields = wire.Fields(value, error, "recovery state in this folder")
    fields.exactly(_FIELDS)
    request_value, kdf_value = value["request"], value["kdf"]
    if not isinstance(request_value, dict) or not isinstance(kdf_value, dict):
        raise fields.fail("bad request or key settings")
    return PendingRecovery(
        request_from(request_value), _params(kdf_value), fields.binary("sealed_key", 256)
    )


def _params(value: dict[str, Any]) -> kdf.KdfParams:
    fields = wire.Fields(value, InvalidRecoveryRequest, "recovery state in this folder")
    fields.exactly(_KDF_FIELDS)
    salt = fields.binary("salt", kdf.SALT_BYTES)
    if len(salt) != kdf.SALT_BYTES:
        raise fields.fail("bad salt")
    return kdf.KdfParams(
        salt,
        time_cost=fields.integer("time_cost", 1, 64),
        memory_cost_kib=fields.integer("memory_cost_kib", 8, 4 * 1024 * 1024),
        parallelism=fields.integer("parallelism", 1, 16),
    )
