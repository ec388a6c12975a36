"""Endorsement, caution and revocation credentials (W3C VC 2.0) and their strict checks.

Layer 1 (the proof) lives in `dataintegrity`; this module adds layer 2, the rules that make a
credential a Vouch statement: the issuer (a URL or an object with an `id`) is a did:key and the
key that signed it, the types that make it a statement are there (in any order, others allowed),
the subject is a did:key, the scope, level and dates are well formed. The vocabulary is in
docs/VOCABULARY.md.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from vouch.core.dataintegrity import (
    ASSERTION,
    add_proof,
    controller_id,
    format_datetime,
    parse_datetime,
    verify_proof,
)
from vouch.core.errors import InvalidDid, InvalidInput, NotAnEndorsement
from vouch.core.identity import Identity, public_key_from_did
from vouch.core.records import Kind, Level
from vouch.core.scopes import MAX_SCOPE_LENGTH, is_normalised_scope, normalise_scope

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
VOUCH_CONTEXT = "https://w3id.org/vouch/v1"
CONTEXTS = [VC_CONTEXT, OB_CONTEXT, VOUCH_CONTEXT]
REVOCATION_CONTEXTS = [VC_CONTEXT, VOUCH_CONTEXT]

ENDORSEMENT_TYPES = ["VerifiableCredential", "EndorsementCredential", "VouchEndorsement"]
CAUTION_TYPES = ["VerifiableCredential", "VouchCaution"]
REVOCATION_TYPES = ["VerifiableCredential", "VouchRevocation"]

DEFAULT_VALIDITY = timedelta(days=365)
MAX_VALIDITY = timedelta(days=5 * 366)
TOO_LONG = "The statement is valid for more than five years (the most any statement may last)."
MAX_COMMENT = 1000
MAX_REASON = 2000
_UUID_URN = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@dataclass(frozen=True)
class Statement:
    """An endorsement or a caution, checked at both layers."""

    id: str
    kind: Kind
    issuer: str
    subject: str
    scope: str
    level: Level | None
    comment: str
    reason: str
    valid_from: datetime
    valid_until: datetime


@dataclass(frozen=True)
class RevocationStatement:
    id: str
    issuer: str
    target_id: str
    reason: str
    effective: datetime


# -- building -------------------------------------------------------------------------------


def new_id() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def _validity(valid_from: datetime, valid_until: datetime | None) -> tuple[datetime, datetime]:
    until = valid_until or valid_from + DEFAULT_VALIDITY
    if until.tzinfo is None:
        raise InvalidInput("The expiry date needs a time zone.")
    if until <= valid_from:
        raise InvalidInput("The expiry date must be in the future.")
    if until - valid_from > MAX_VALIDITY:
        raise InvalidInput("An endorsement can last at most five years; renew it instead.")
    return valid_from, until


def _check_text(text: str, limit: int, what: str) -> str:
    cleaned = text.strip()
    if len(cleaned) > limit:
        raise InvalidInput(f"The {what} is at most {limit} characters.")
    return cleaned


def unsigned_statement(
    issuer: str,
    subject: str,
    scope: str,
    *,
    level: Level | None,
    comment: str = "",
    reason: str = "",
    valid_until: datetime | None = None,
    now: datetime | None = None,
    statement_id: str | None = None,
) -> dict[str, Any]:
    """The document an endorsement (level given) or a caution (reason given) signs."""
    public_key_from_did(subject)
    if subject == issuer:
        raise InvalidInput("You cannot endorse yourself.")
    valid_from, until = _validity((now or datetime.now(UTC)).replace(microsecond=0), valid_until)
    claim: dict[str, Any] = {"id": subject, "scope": normalise_scope(scope)}
    if level is not None:
        types, contexts = ENDORSEMENT_TYPES, CONTEXTS
        claim["type"] = ["EndorsementSubject"]
        claim["level"] = int(level)
        claim["levelName"] = level.words
        comment = _check_text(comment, MAX_COMMENT, "comment")
        if comment:
            claim["endorsementComment"] = comment
    else:
        types, contexts = CAUTION_TYPES, REVOCATION_CONTEXTS
        reason = _check_text(reason, MAX_REASON, "reason")
        if not reason:
            raise InvalidInput("A caution needs a written reason.")
        claim["type"] = ["CautionSubject"]
        claim["reason"] = reason
    return {
        "@context": list(contexts),
        "id": statement_id or new_id(),
        "type": list(types),
        "issuer": issuer,
        "validFrom": format_datetime(valid_from),
        "validUntil": format_datetime(until),
        "credentialSubject": claim,
    }


def sign_statement(document: dict[str, Any], signer: Identity) -> dict[str, Any]:
    if document.get("issuer") != signer.did:
        raise ValueError("only the issuer can sign a statement")
    return add_proof(document, signer, purpose=ASSERTION)


def revocation_document(
    signer: Identity, target_id: str, reason: str, *, now: datetime | None = None
) -> dict[str, Any]:
    reason = _check_text(reason, MAX_REASON, "reason")
    if not reason:
        raise InvalidInput("A revocation needs a reason.")
    effective = (now or datetime.now(UTC)).replace(microsecond=0)
    document = {
        "@context": list(REVOCATION_CONTEXTS),
        "id": new_id(),
        "type": list(REVOCATION_TYPES),
        "issuer": signer.did,
        "validFrom": format_datetime(effective),
        "credentialSubject": {"id": target_id, "type": ["RevokedStatement"], "reason": reason},
    }
    return add_proof(document, signer, purpose=ASSERTION)


# -- checking -------------------------------------------------------------------------------


_KIND_TYPES = {
    "endorsement": ENDORSEMENT_TYPES,
    "caution": CAUTION_TYPES,
    "revocation": REVOCATION_TYPES,
}
_VOUCH_TYPES = {"VouchEndorsement", "VouchCaution", "VouchRevocation"}


def document_types(document: dict[str, Any]) -> list[str]:
    """`type` as a list (the specifications allow a single string)."""
    types = document.get("type")
    if isinstance(types, str):
        return [types]
    return [t for t in types if isinstance(t, str)] if isinstance(types, list) else []


def credential_kind(document: object) -> str:
    """`endorsement`, `caution`, `revocation`, `presentation`, or `credential` for any other
    VC (or JSON that is none of these)."""
    if not isinstance(document, dict):
        return "unknown"
    types = document_types(document)
    if "VerifiablePresentation" in types:
        return "presentation"
    if "VouchEndorsement" in types:
        return "endorsement"
    if "VouchCaution" in types:
        return "caution"
    if "VouchRevocation" in types:
        return "revocation"
    return "credential"


def _require_types(document: dict[str, Any], kind: str) -> None:
    """The types that make the statement what it is, in any order, beside any others."""
    types = document_types(document)
    expected = _KIND_TYPES[kind]
    _require(all(t in types for t in expected), f"The credential's type must include {expected}.")
    _require(len(_VOUCH_TYPES.intersection(types)) == 1, "The credential has two Vouch kinds.")


def verify_statement(document: object, *, document_digest: bytes | None = None) -> Statement:
    """Both layers for an endorsement or caution. Raises `InvalidProof` / `NotAnEndorsement`.

    `document_digest`: see `verify_proof` (for callers that canonicalized the document already).
    """
    signed = verify_proof(document, expected_purpose=ASSERTION, document_digest=document_digest)
    assert isinstance(document, dict)
    return statement_rules(document, signed.signer)


def statement_rules(document: dict[str, Any], signer: str) -> Statement:
    """Layer 2 alone, for a document whose proof by `signer` is checked (or being checked)."""
    kind = credential_kind(document)
    if kind not in ("endorsement", "caution"):
        raise NotAnEndorsement("This credential is not a Vouch endorsement or caution.")
    _require_types(document, kind)
    issuer = _issuer(document, signer)
    statement_id = _statement_id(document)
    valid_from, valid_until = _dates(document, require_until=True)
    assert valid_until is not None
    _require(valid_until - valid_from <= MAX_VALIDITY, TOO_LONG)
    claim = _claim(document)
    subject = _did(claim.get("id"), "The subject")
    _require(subject != issuer, "The issuer endorses themselves.")
    scope = claim.get("scope")
    _require(_is_scope(scope), "The scope is missing or not a normalised tag.")
    level, comment, reason = _kind_fields(kind, claim)
    return Statement(
        id=statement_id,
        kind=Kind(kind),
        issuer=issuer,
        subject=subject,
        scope=str(scope),
        level=level,
        comment=comment,
        reason=reason,
        valid_from=valid_from,
        valid_until=valid_until,
    )


def verify_revocation(
    document: object, *, document_digest: bytes | None = None
) -> RevocationStatement:
    signed = verify_proof(document, expected_purpose=ASSERTION, document_digest=document_digest)
    assert isinstance(document, dict)
    return revocation_rules(document, signed.signer)


def revocation_rules(document: dict[str, Any], signer: str) -> RevocationStatement:
    """Layer 2 of a revocation (see `statement_rules`)."""
    _require(credential_kind(document) == "revocation", "This credential is not a revocation.")
    _require_types(document, "revocation")
    issuer = _issuer(document, signer)
    revocation_id = _statement_id(document)
    effective, _ = _dates(document, require_until=False)
    claim = _claim(document)
    target = claim.get("id")
    _require(isinstance(target, str) and bool(_UUID_URN.match(target)), "Bad revoked id.")
    reason = claim.get("reason")
    _require(isinstance(reason, str) and bool(reason.strip()), "A revocation needs a reason.")
    _require(len(str(reason)) <= MAX_REASON, "The revocation reason is too long.")
    return RevocationStatement(revocation_id, issuer, str(target), str(reason), effective)


@lru_cache(maxsize=4096)
def _is_normalised(scope: str) -> bool:
    """Cached: a bundle holds thousands of credentials over a few scopes."""
    return is_normalised_scope(scope)


def _is_scope(value: object) -> bool:
    # A normalised scope is at most MAX_SCOPE_LENGTH long: longer text is never cached.
    return isinstance(value, str) and len(value) <= MAX_SCOPE_LENGTH and _is_normalised(str(value))


def _require(condition: bool, reason: str) -> None:
    if not condition:
        raise NotAnEndorsement(reason)


def _did(value: object, what: str) -> str:
    try:
        public_key_from_did(value)  # type: ignore[arg-type]
    except InvalidDid as exc:
        raise NotAnEndorsement(f"{what} is not a did:key identifier.") from exc
    return str(value)


def _issuer(document: dict[str, Any], signer: str) -> str:
    issuer = _did(controller_id(document.get("issuer")), "The issuer")
    _require(issuer == signer, "The issuer did not sign this credential (another key did).")
    contexts = document.get("@context")
    _require(
        isinstance(contexts, list) and bool(contexts) and contexts[0] == VC_CONTEXT,
        "Not a VC 2.0 credential.",
    )
    return issuer


def _statement_id(document: dict[str, Any]) -> str:
    value = document.get("id")
    _require(isinstance(value, str) and bool(_UUID_URN.match(value)), "The id is not a urn:uuid.")
    return str(value)


def _dates(document: dict[str, Any], *, require_until: bool) -> tuple[datetime, datetime | None]:
    try:
        valid_from = parse_datetime(document.get("validFrom"), "validFrom")
        until_raw = document.get("validUntil")
        if until_raw is None and not require_until:
            return valid_from, None
        valid_until = parse_datetime(until_raw, "validUntil")
    except ValueError as exc:
        raise NotAnEndorsement(f"Bad date: {exc}.") from exc
    _require(valid_from < valid_until, "validFrom must come before validUntil.")
    return valid_from, valid_until


def _claim(document: dict[str, Any]) -> dict[str, Any]:
    claim = document.get("credentialSubject")
    _require(isinstance(claim, dict), "The credentialSubject must be a single object.")
    assert isinstance(claim, dict)
    return claim


def _kind_fields(kind: str, claim: dict[str, Any]) -> tuple[Level | None, str, str]:
    if kind == "endorsement":
        raw = claim.get("level")
        _require(type(raw) is int and 1 <= raw <= 4, "The level must be a whole number 1 to 4.")
        level = Level(int(raw))  # type: ignore[arg-type]
        _require(claim.get("levelName", level.words) == level.words, "The level name is wrong.")
        comment = claim.get("endorsementComment", "")
        _require(isinstance(comment, str) and len(comment) <= MAX_COMMENT, "Bad comment.")
        _require("reason" not in claim, "An endorsement carries no caution reason.")
        return level, str(comment), ""
    _require("level" not in claim, "A caution is never a number: it has no level.")
    reason = claim.get("reason")
    _require(isinstance(reason, str) and bool(reason.strip()), "A caution needs a reason.")
    _require(len(str(reason)) <= MAX_REASON, "The caution's reason is too long.")
    return None, "", str(reason)
