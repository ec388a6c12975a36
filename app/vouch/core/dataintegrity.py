"""W3C Data Integrity proofs with the `eddsa-jcs-2022` cryptosuite.

hashData = SHA-256(JCS(proof configuration)) || SHA-256(JCS(document without proof)),
signed with Ed25519; `proofValue` is `z` + base58btc(signature).
Accepted as the specifications allow: a set of proofs (`proof` as a list, each checked), a
proof without `created`, a proof whose `@context` is the start of the document's (the proof
then signed the document with that `@context`). Chained proofs (`previousProof`) are refused.
Every check failure raises `InvalidProof` with a reason a person can read.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import base58

from vouch.core.b58 import b58decode
from vouch.core.canonical import (
    CanonicalizationFailed,
    canonical_halves,
    canonicalize,
    canonicalize_simple,
    is_simple,
    join_objects,
    member_object,
)
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
    except (ValueError, OverflowError) as exc:  # 9999-12-31T23:59:59-01:00 overflows in UTC
        raise ValueError(f"{field} is not a real date") from exc


def format_datetime(moment: datetime) -> str:
    """`2026-11-22T10:00:00Z`: whole seconds, UTC."""
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class VerifiedProof:
    signer: str  # the did:key whose key made the proof
    created: datetime | None  # None when the proof does not say
    purpose: str


def _digest(value: dict[str, Any]) -> bytes:
    try:
        return hashlib.sha256(canonicalize(value)).digest()
    except CanonicalizationFailed as exc:
        raise InvalidProof(f"The document cannot be canonicalized: {exc}.") from exc


def _hash_data(document: dict[str, Any], proof_config: dict[str, Any]) -> bytes:
    return _digest(proof_config) + _digest(document)


@dataclass(frozen=True)
class SecuredBytes:
    """A secured document canonicalized once, for storing it and for checking its proof."""

    canonical: bytes  # JCS of the whole document, proof included
    document_digest: bytes  # SHA-256 of the JCS of the document without its proof
    config_digest: bytes | None = None  # SHA-256 of the JCS of its proof configuration


def canonical_secured(secured: object) -> SecuredBytes:
    """JCS of `secured` and the digests its proof signs, walking the document once.
    Raises `CanonicalizationFailed`."""
    if not isinstance(secured, dict) or "proof" not in secured:
        canonical = canonicalize(secured)
        return SecuredBytes(canonical, hashlib.sha256(canonical).digest())
    simple = is_simple(secured)
    encode = canonicalize_simple if simple else canonicalize
    before, after = canonical_halves(secured, "proof", simple=simple)
    proof = secured["proof"]
    member = member_object("proof", encode(proof))
    document = join_objects(before, after)
    config_digest = None
    if isinstance(proof, dict):
        config = {k: v for k, v in proof.items() if k != "proofValue"}
        config_digest = hashlib.sha256(encode(config)).digest()
    return SecuredBytes(
        join_objects(before, member, after), hashlib.sha256(document).digest(), config_digest
    )


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


@dataclass(frozen=True)
class SignatureCheck:
    """One Ed25519 check: a proof's signature over its hash data."""

    public_key: bytes
    hash_data: bytes
    signature: bytes

    def matches(self) -> bool:
        return verify_signature(self.public_key, self.hash_data, self.signature)


@dataclass(frozen=True)
class ProofToCheck:
    """A document's proofs with every rule but the signatures themselves checked.

    `proof` is the one that speaks for the document (see `proof_to_check`); `checks` holds
    the signature of every proof in the set, and all of them must match."""

    proof: VerifiedProof
    checks: tuple[SignatureCheck, ...]

    def signature_matches(self) -> bool:
        return all(check.matches() for check in self.checks)


BAD_SIGNATURE = "The signature does not match: the document was changed or forged."
MAX_PROOFS = 8


def verify_proof(
    secured: object,
    *,
    expected_purpose: str | None = None,
    document_digest: bytes | None = None,
) -> VerifiedProof:
    """Check the proofs on `secured` (layer 1). Returns the one that speaks for the document;
    raises `InvalidProof`.

    `document_digest`, when given, must be `canonical_secured(secured).document_digest` (the
    caller canonicalized the document already); the proof configuration is always rebuilt here.
    """
    pending = proof_to_check(
        secured, expected_purpose=expected_purpose, document_digest=document_digest
    )
    if not pending.signature_matches():
        raise InvalidProof(BAD_SIGNATURE)
    return pending.proof


def proof_to_check(
    secured: object,
    *,
    expected_purpose: str | None = None,
    document_digest: bytes | None = None,
    config_digest: bytes | None = None,
) -> ProofToCheck:
    """Every check of `verify_proof` but the Ed25519 signatures, which the caller must then
    check with `signature_matches` (the import checks many at once, beside other work).

    `proof` may be one proof or a set of them (a list): each is checked, and any bad one makes
    the document invalid. The proof that speaks for the document is one with
    `expected_purpose`, by the document's issuer (or holder) if there is such a proof.
    The digests, when given, are those of `canonical_secured(secured)`."""
    if not isinstance(secured, dict):
        raise InvalidProof("The document is not a JSON object.")
    proofs = _proof_set(secured.get("proof"))
    if len(proofs) > 1:
        config_digest = None  # canonical_secured gives it for a single proof only
    parsed = [_one_proof(secured, proof, document_digest, config_digest) for proof in proofs]
    chosen = _speaking_proof(secured, [p for p, _ in parsed], expected_purpose)
    return ProofToCheck(chosen, tuple(check for _, check in parsed))


def _proof_set(proof: object) -> list[dict[str, Any]]:
    if proof is None or proof == []:
        raise InvalidProof("The document has no proof.")
    listed: list[Any] = proof if isinstance(proof, list) else [proof]
    if len(listed) > MAX_PROOFS:
        raise InvalidProof(f"The document has more than {MAX_PROOFS} proofs.")
    proofs: list[dict[str, Any]] = []
    for one in listed:
        if not isinstance(one, dict):
            raise InvalidProof("The proof is not a JSON object.")
        if "previousProof" in one:
            raise InvalidProof("Chained proofs (previousProof) are not supported.")
        proofs.append(one)
    return proofs


def _one_proof(
    secured: dict[str, Any],
    proof: dict[str, Any],
    document_digest: bytes | None,
    config_digest: bytes | None,
) -> tuple[VerifiedProof, SignatureCheck]:
    created, purpose, signer, signature = _check_proof_fields(proof)
    signed_document = _document_as_signed(secured, proof)
    if signed_document is not None:  # the proof signed a shorter @context: hash that
        document_digest = _digest(signed_document)
    if config_digest is None:
        config_digest = _digest({k: v for k, v in proof.items() if k != "proofValue"})
    if document_digest is None:
        document_digest = _digest({k: v for k, v in secured.items() if k != "proof"})
    check = SignatureCheck(public_key_from_did(signer), config_digest + document_digest, signature)
    return VerifiedProof(signer=signer, created=created, purpose=purpose), check


def _document_as_signed(secured: dict[str, Any], proof: dict[str, Any]) -> dict[str, Any] | None:
    """The eddsa-jcs-2022 rule for a proof's `@context`: it must be the start of the
    document's, and the proof signed the document with that `@context`. None when the proof
    signed the document as it is."""
    if "@context" not in proof or proof["@context"] == secured.get("@context"):
        return None
    signed, whole = _as_list(proof["@context"]), _as_list(secured.get("@context"))
    if not signed or len(signed) > len(whole) or not all(map(_same, signed, whole)):
        raise InvalidProof("The proof's @context is not the start of the document's.")
    unsecured = {k: v for k, v in secured.items() if k != "proof"}
    unsecured["@context"] = proof["@context"]
    return unsecured


def _as_list(context: object) -> list[Any]:
    if context is None:
        return []
    return context if isinstance(context, list) else [context]


def _same(one: object, other: object) -> bool:
    """Equal as JSON (Python alone takes 1 and true for the same value)."""
    try:
        return canonicalize(one) == canonicalize(other)
    except CanonicalizationFailed:
        return False


def _speaking_proof(
    secured: dict[str, Any], proofs: list[VerifiedProof], expected_purpose: str | None
) -> VerifiedProof:
    candidates = [p for p in proofs if expected_purpose in (None, p.purpose)]
    if not candidates:
        found = proofs[0].purpose if len(proofs) == 1 else "something else"
        raise InvalidProof(f"The proof purpose is {found!r}, expected {expected_purpose!r}.")
    controller = _controller(secured)
    return next((p for p in candidates if p.signer == controller), candidates[0])


def controller_id(value: object) -> object:
    """An `issuer` or `holder` as written: a URL, or an object whose `id` is the URL."""
    return value.get("id") if isinstance(value, dict) else value


def _controller(secured: dict[str, Any]) -> object:
    return controller_id(secured.get("issuer", secured.get("holder")))


def _check_proof_fields(proof: dict[str, Any]) -> tuple[datetime | None, str, str, bytes]:
    if proof.get("type") != PROOF_TYPE:
        raise InvalidProof(f"Unsupported proof type {_show(proof.get('type'))}.")
    if proof.get("cryptosuite") != CRYPTOSUITE:
        raise InvalidProof(f"Unsupported cryptosuite {_show(proof.get('cryptosuite'))}.")
    created: datetime | None = None  # optional; when given, a date-time with a time zone
    if "created" in proof:
        try:
            created = parse_datetime(proof["created"], "the proof's creation time")
        except ValueError as exc:
            raise InvalidProof(f"Invalid proof: {exc}.") from exc
    purpose = proof.get("proofPurpose")
    if not isinstance(purpose, str) or purpose not in (ASSERTION, AUTHENTICATION):
        raise InvalidProof(f"Unsupported proof purpose {_show(purpose)}.")
    try:
        signer = did_from_verification_method(proof.get("verificationMethod"))  # type: ignore[arg-type]
    except InvalidDid as exc:
        raise InvalidProof(f"The proof's verification method cannot be used: {exc}") from exc
    return created, purpose, signer, _decode_proof_value(proof.get("proofValue"))


def _decode_proof_value(value: object) -> bytes:
    if not isinstance(value, str) or not value.startswith("z") or len(value) > 120:
        raise InvalidProof("The proof value is not a base58btc multibase string.")
    try:
        signature = b58decode(value[1:])
    except ValueError as exc:
        raise InvalidProof("The proof value is not valid base58.") from exc
    if len(signature) != SIGNATURE_BYTES:
        raise InvalidProof("The proof value is not a 64-byte Ed25519 signature.")
    return signature


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
