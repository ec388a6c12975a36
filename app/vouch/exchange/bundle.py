"""`.vouch` bundles: a Verifiable Presentation signed by the exporter, and its clipboard text.
Reading also takes a plain presentation from any wallet and a single credential.

File: JSON, a VP with `type` [VerifiablePresentation, VouchBundle], `vouchFormat` 1, the
credentials in `verifiableCredential`, and an `eddsa-jcs-2022` proof with purpose
`authentication` by the `holder`. Text: `vouch:1:` + base64url(deflate(file bytes)), one line.
Limits are checked before the expensive work: size before parsing, item count before verifying.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import zlib
from dataclasses import dataclass, field
from typing import Any

from vouch.core.canonical import (
    DAMAGED_FILE,
    CanonicalizationFailed,
    DamagedFile,
    canonical_halves,
    canonicalize,
    hash_with_list_member,
    parse_strict,
)
from vouch.core.credentials import VC_CONTEXT, VOUCH_CONTEXT, document_types, new_id
from vouch.core.dataintegrity import (
    AUTHENTICATION,
    SecuredBytes,
    add_proof,
    canonical_secured,
    controller_id,
    verify_proof,
)
from vouch.core.errors import InvalidBundle, InvalidCredential, InvalidDid
from vouch.core.identity import Identity, public_key_from_did

BUNDLE_FORMAT = 1
BUNDLE_TYPES = ["VerifiablePresentation", "VouchBundle"]
TEXT_PREFIX = "vouch:1:"
MAX_BUNDLE_BYTES = 192 * 1024 * 1024
MAX_BUNDLE_ITEMS = 200_000
MAX_TEXT_CHARS = 4 * 1024 * 1024
FILE_SUFFIX = ".vouch"


@dataclass(frozen=True)
class ParsedBundle:
    presenter: str | None  # who signed the whole file; None if nobody did
    recipient: str | None
    items: list[Any]  # the embedded credentials, not yet checked one by one
    # canonical_secured(items[i]), computed once for the holder's proof and reused by the
    # import; None when some item has no canonical form (it is then reported on its own)
    prepared: list[SecuredBytes] | None = field(default=None, repr=False)


def encode_bundle(
    holder: Identity, credentials: list[dict[str, Any]], *, recipient: str | None = None
) -> bytes:
    """Canonical JSON bytes of a signed presentation holding `credentials`."""
    if len(credentials) > MAX_BUNDLE_ITEMS:
        raise InvalidBundle(f"A bundle holds at most {MAX_BUNDLE_ITEMS} items.")
    presentation: dict[str, Any] = {
        "@context": [VC_CONTEXT, VOUCH_CONTEXT],
        "id": new_id(),
        "type": list(BUNDLE_TYPES),
        "holder": holder.did,
        "vouchFormat": BUNDLE_FORMAT,
        "verifiableCredential": credentials,
    }
    if recipient:
        public_key_from_did(recipient)
        presentation["recipient"] = recipient
    return canonicalize(add_proof(presentation, holder, purpose=AUTHENTICATION))


def to_text(bundle: bytes) -> str:
    return TEXT_PREFIX + base64.urlsafe_b64encode(zlib.compress(bundle, 9)).decode("ascii")


def looks_like_text(data: bytes | str) -> bool:
    head = data[:16] if isinstance(data, str) else data[:16].decode("ascii", "replace")
    return head.strip().startswith(TEXT_PREFIX)


_INFLATE_CHUNK = 1 << 20


def _inflate_bounded(inflater: Any, packed: bytes) -> bytes:
    """Inflate a megabyte at a time, refusing as soon as the output passes the size limit
    (a deflate bomb never gets more than the limit plus one chunk of memory)."""
    out = bytearray()
    pending = packed
    while True:
        out += inflater.decompress(pending, _INFLATE_CHUNK)
        if len(out) > MAX_BUNDLE_BYTES:
            raise InvalidBundle("The bundle is larger than Vouch accepts.")
        pending = inflater.unconsumed_tail
        if not pending:
            return bytes(out)


def from_text(text: str) -> bytes:
    """The bundle bytes inside clipboard text, with the size limit enforced while inflating."""
    text = text.strip()
    if not text.startswith(TEXT_PREFIX):
        raise InvalidBundle("This text is not a Vouch bundle (it should start with 'vouch:1:').")
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidBundle("The pasted text is too long to be a Vouch bundle.")
    try:
        packed = base64.urlsafe_b64decode(text[len(TEXT_PREFIX) :].encode("ascii"))
        inflater = zlib.decompressobj()
        data = _inflate_bounded(inflater, packed)
    except (binascii.Error, ValueError, zlib.error) as exc:
        raise DamagedFile(NOT_VOUCH, f"The pasted text does not decode: {exc}.") from exc
    if not inflater.eof:
        raise DamagedFile(NOT_VOUCH, "The pasted text is cut short.")
    if inflater.unused_data:
        raise DamagedFile(NOT_VOUCH, "The pasted text has extra data after its end.")
    return data


def decode_bundle(data: bytes | str) -> ParsedBundle:
    """Parse and check the file (limits, strict JSON, the presenter's proof if it has one)."""
    return decode_opened(open_bundle(data))


def decode_opened(opened: OpenedBundle) -> ParsedBundle:
    """`decode_bundle` for a file already opened."""
    prepared = _prepare(opened.items)
    presenter = check_holder_proof(opened, prepared)
    return ParsedBundle(presenter, opened.recipient, opened.items, prepared)


@dataclass(frozen=True)
class OpenedBundle:
    """A file parsed and checked but for the presenter's proof (`check_holder_proof`).

    `signed`: whether the presentation has a proof to check (a `.vouch` bundle always has; a
    plain presentation may have none, and a single credential is not a presentation)."""

    document: dict[str, Any]
    presenter: str | None
    recipient: str | None
    items: list[Any]
    signed: bool = True


NOT_VOUCH = DAMAGED_FILE


def open_bundle(data: bytes | str) -> OpenedBundle:
    """Limits, strict JSON and the file's shape; the holder's proof is left to
    `check_holder_proof`, which needs every item's canonical form (the import computes those
    while checking the items, so the two share the work).

    Three shapes are read: a `.vouch` bundle, a plain W3C `VerifiablePresentation` from any
    wallet (signed by its holder, or unsigned: then only its credentials' own proofs count),
    and a single credential."""
    document = parse_strict(_file_bytes(data), what="file")
    types = document_types(document) if isinstance(document, dict) else []
    if "VouchBundle" in types and "VerifiablePresentation" in types:
        return _vouch_bundle(document)
    if "VerifiablePresentation" in types:
        return _presentation(document)
    if "VerifiableCredential" in types:
        return OpenedBundle(document, None, None, [document], signed=False)
    raise DamagedFile(NOT_VOUCH, "The JSON is neither a credential nor a presentation.")


def _file_bytes(data: bytes | str) -> bytes:
    if looks_like_text(data):
        data = from_text(data if isinstance(data, str) else data.decode("ascii", "replace"))
    if isinstance(data, str):
        if len(data) > MAX_BUNDLE_BYTES:
            raise InvalidBundle(f"The bundle is larger than {MAX_BUNDLE_BYTES // 2**20} MiB.")
        try:
            data = data.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate in pasted text
            raise DamagedFile(NOT_VOUCH, "The text is not valid UTF-8.") from exc
    size = len(data)
    if size > MAX_BUNDLE_BYTES:
        raise InvalidBundle(f"The bundle is larger than {MAX_BUNDLE_BYTES // 2**20} MiB.")
    if size == 0:
        raise InvalidBundle("The file is empty.")
    return data


def _vouch_bundle(document: dict[str, Any]) -> OpenedBundle:
    version = document.get("vouchFormat")
    if type(version) is not int or version < 1:
        raise InvalidBundle("The bundle has no format version.")
    if version > BUNDLE_FORMAT:
        raise InvalidBundle("This bundle was made by a newer version of Vouch; please update.")
    items = document.get("verifiableCredential")
    if not isinstance(items, list):
        raise InvalidBundle("The bundle holds no list of credentials.")
    _check_count(items)
    holder = _holder(document)
    if holder is None:
        raise InvalidBundle("The bundle's holder is not a did:key.")
    return OpenedBundle(document, holder, _recipient(document), items)


def _presentation(document: dict[str, Any]) -> OpenedBundle:
    """A presentation made by any implementation: `verifiableCredential` may be absent, one
    credential or a list; `holder` is optional (its proof says who presented it)."""
    items = document.get("verifiableCredential", [])
    if not isinstance(items, list):
        items = [items]
    _check_count(items)
    if "proof" not in document:  # nobody vouches for who presented it
        return OpenedBundle(document, None, None, items, signed=False)
    return OpenedBundle(document, _holder(document), None, items)


def _check_count(items: list[Any]) -> None:
    if len(items) > MAX_BUNDLE_ITEMS:
        raise InvalidBundle(f"The bundle holds more than {MAX_BUNDLE_ITEMS} items.")


def _holder(document: dict[str, Any]) -> str | None:
    """The holder's did:key; None when there is no holder."""
    holder = controller_id(document.get("holder"))
    if holder is None:
        return None
    try:
        public_key_from_did(holder)  # type: ignore[arg-type]
    except InvalidDid as exc:
        raise InvalidBundle("The presentation's holder is not a did:key.") from exc
    return str(holder)


def _prepare(items: list[Any]) -> list[SecuredBytes] | None:
    try:
        return [canonical_secured(item) for item in items]
    except CanonicalizationFailed:
        return None


_UNCANONICAL = "The bundle's signature is not valid: it cannot be canonicalized."


def _presentation_digest(document: dict[str, Any], prepared: list[SecuredBytes]) -> bytes | None:
    """SHA-256 of the JCS of the presentation without its proof, built from the items'
    canonical bytes instead of canonicalizing them a second time (None when the credentials
    are not written as a list: the proof check then canonicalizes the presentation)."""
    if not isinstance(document.get("verifiableCredential"), list):
        return None
    unsigned = {k: v for k, v in document.items() if k != "proof"}
    try:
        before, after = canonical_halves(unsigned, "verifiableCredential")
    except CanonicalizationFailed as exc:
        raise InvalidBundle(_UNCANONICAL) from exc
    digest = hashlib.sha256()
    elements = (p.canonical for p in prepared)
    hash_with_list_member(digest, before, "verifiableCredential", elements, after)
    return digest.digest()


def check_holder_proof(opened: OpenedBundle, prepared: list[SecuredBytes] | None) -> str | None:
    """Who presented the file: raise `InvalidBundle` unless its proof holds (and is the
    holder's, if it names one); None for an unsigned presentation or a single credential.
    `prepared[i]` is `canonical_secured(items[i])`, None when some item has no canonical form."""
    if not opened.signed:
        return None
    if prepared is None:
        raise InvalidBundle(_UNCANONICAL)
    if len(prepared) != len(opened.items):
        raise ValueError("prepared does not match the items")
    document = opened.document
    digest = _presentation_digest(document, prepared)
    try:
        proof = verify_proof(document, expected_purpose=AUTHENTICATION, document_digest=digest)
    except InvalidCredential as exc:
        raise InvalidBundle(f"The bundle's signature is not valid: {exc.reason}") from exc
    if opened.presenter is not None and proof.signer != opened.presenter:
        raise InvalidBundle("The bundle claims to come from someone other than its signer.")
    return proof.signer


def _recipient(document: dict[str, Any]) -> str | None:
    recipient = document.get("recipient")
    if recipient is None:
        return None
    try:
        public_key_from_did(recipient)
    except InvalidDid as exc:
        raise InvalidBundle("The bundle's recipient is not a did:key.") from exc
    return str(recipient)
