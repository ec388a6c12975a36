"""W3C Data Integrity proofs with the `eddsa-jcs-2022` cryptosuite.

hashData = SHA-256(JCS(proof configuration)) || SHA-256(JCS(document without proof)),
signed with Ed25519; `proofValue` is `z` + base58btc(signature).
Every check failure raises `InvalidProof` with a reason a person can read.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import base58

from vouch.core.canonical import CanonicalizationFailed, canonicalize
from vouch.core.errors import InvalidDid, InvalidProof
from vouch.core.identity import (
    Identity,
    did_from_verification_method,
    public_key_from_did,
    verify_signature,
)

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-jcs-2022"
ASSERTION = "assertionMethod"
AUTHENTICATION = "authentication"
SIGNATURE_BYTES = 64

_DATETIME = re.compile(
    r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)"
    r"(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$"
)


def parse_datetime(value: object, field: str) -> datetime:
    """An XML Schema dateTimeStamp (time zone required), as an aware UTC datetime."""
    if not isinstance(value, str) or not _DATETIME.match(value):
        raise ValueError(f"{field} is not a date-time with a time zone")
    text = value.replace("Z", "+00:00")
    if "." in text:  # Python accepts at most 6 fractional digits
        head, rest = text.split(".", 1)
        digits = re.match(r"\d+", rest)
        assert digits is not None
        text = head + "." + digits.group(0)[:6].ljust(6, "0") + rest[digits.end() :]
    try:
        return datetime.fromisoformat(text).astimezone(UTC)
    except ValueError as exc:
        raise ValueError(f"{field} is not a real date") from exc


def format_datetime(moment: datetime) -> str:
    """`2026-11-22T10:00:00Z`: whole seconds, UTC."""
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class VerifiedProof:
    signer: str  # the did:key whose key made the proof
    created: datetime
    purpose: str


def _hash_data(document: dict[str, Any], proof_config: dict[str, Any]) -> bytes:
    try:
        config_bytes = canonicalize(proof_config)
        doc_bytes = canonicalize(document)
    except CanonicalizationFailed as exc:
        raise InvalidProof(f"The document cannot be canonicalized: {exc}.") from exc
    return hashlib.sha256(config_bytes).digest() + hashlib.sha256(doc_bytes).digest()


def proof_configuration(
    document: dict[str, Any], signer: Identity, created: datetime, purpose: str
) -> dict[str, Any]:
    config: dict[str, Any] = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": format_datetime(created),
        "verificationMethod": signer.verification_method,
        "proofPurpose": purpose,
    }
    if "@context" in document:
        config["@context"] = document["@context"]
    return config


def sign_with_config(document: dict[str, Any], config: dict[str, Any], signer: Identity) -> str:
    """The proofValue for `document` under an explicit proof configuration."""
    signature = signer.sign(_hash_data(document, config))
    return "z" + base58.b58encode(signature).decode("ascii")


def add_proof(
    document: dict[str, Any],
    signer: Identity,
    *,
    purpose: str = ASSERTION,
    created: datetime | None = None,
) -> dict[str, Any]:
    """A copy of `document` with an `eddsa-jcs-2022` proof by `signer`."""
    if "proof" in document:
        raise ValueError("the document already has a proof")
    config = proof_configuration(document, signer, created or datetime.now(UTC), purpose)
    proof = dict(config)
    proof["proofValue"] = sign_with_config(document, config, signer)
    return {**document, "proof": proof}


def verify_proof(secured: object, *, expected_purpose: str | None = None) -> VerifiedProof:
    """Check the proof on `secured` (layer 1). Returns who signed it; raises `InvalidProof`."""
    if not isinstance(secured, dict):
        raise InvalidProof("The document is not a JSON object.")
    proof = secured.get("proof")
    if proof is None:
        raise InvalidProof("The document has no proof.")
    if isinstance(proof, list):
        raise InvalidProof("Documents with several proofs are not supported.")
    if not isinstance(proof, dict):
        raise InvalidProof("The proof is not a JSON object.")
    created, purpose, signer, signature = _check_proof_fields(proof, expected_purpose)
    config = {k: v for k, v in proof.items() if k != "proofValue"}
    document = {k: v for k, v in secured.items() if k != "proof"}
    if "@context" in config and config["@context"] != document.get("@context"):
        raise InvalidProof("The proof's @context does not match the document's.")
    if not verify_signature(public_key_from_did(signer), _hash_data(document, config), signature):
        raise InvalidProof("The signature does not match: the document was changed or forged.")
    return VerifiedProof(signer=signer, created=created, purpose=purpose)


def _check_proof_fields(
    proof: dict[str, Any], expected_purpose: str | None
) -> tuple[datetime, str, str, bytes]:
    if proof.get("type") != PROOF_TYPE:
        raise InvalidProof(f"Unsupported proof type {_show(proof.get('type'))}.")
    if proof.get("cryptosuite") != CRYPTOSUITE:
        raise InvalidProof(f"Unsupported cryptosuite {_show(proof.get('cryptosuite'))}.")
    if "created" not in proof:
        raise InvalidProof("The proof has no creation time.")
    try:
        created = parse_datetime(proof["created"], "the proof's creation time")
    except ValueError as exc:
        raise InvalidProof(f"Invalid proof: {exc}.") from exc
    purpose = proof.get("proofPurpose")
    if not isinstance(purpose, str) or purpose not in (ASSERTION, AUTHENTICATION):
        raise InvalidProof(f"Unsupported proof purpose {_show(purpose)}.")
    if expected_purpose is not None and purpose != expected_purpose:
        raise InvalidProof(f"The proof purpose is {purpose!r}, expected {expected_purpose!r}.")
    try:
        signer = did_from_verification_method(proof.get("verificationMethod"))  # type: ignore[arg-type]
    except InvalidDid as exc:
        raise InvalidProof(f"The proof's verification method cannot be used: {exc}") from exc
    return created, purpose, signer, _decode_proof_value(proof.get("proofValue"))


def _decode_proof_value(value: object) -> bytes:
    if not isinstance(value, str) or not value.startswith("z") or len(value) > 120:
        raise InvalidProof("The proof value is not a base58btc multibase string.")
    try:
        signature = base58.b58decode(value[1:])
    except ValueError as exc:
        raise InvalidProof("The proof value is not valid base58.") from exc
    if len(signature) != SIGNATURE_BYTES:
        raise InvalidProof("The proof value is not a 64-byte Ed25519 signature.")
    return signature


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
