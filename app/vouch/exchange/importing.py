"""Checking the items of a bundle one by one, before anything touches the store."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from vouch.core.canonical import CanonicalizationFailed
from vouch.core.credentials import (
    RevocationStatement,
    Statement,
    credential_kind,
    revocation_rules,
    statement_rules,
)
from vouch.core.dataintegrity import (
    ASSERTION,
    BAD_SIGNATURE,
    SecuredBytes,
    canonical_secured,
    proof_to_check,
)
from vouch.core.errors import InvalidCredential, OperationCancelled
from vouch.core.records import Cancelled, InvalidItem, Progress
from vouch.exchange.sigcheck import SignatureChecks

PROGRESS_EVERY = 500


@dataclass(frozen=True)
class CheckedStatement:
    index: int  # position in the bundle
    statement: Statement
    document: str  # canonical JSON of the signed credential
    doc_hash: bytes


@dataclass(frozen=True)
class CheckedRevocation:
    index: int
    revocation: RevocationStatement
    document: str
    doc_hash: bytes


@dataclass
class CheckedItems:
    statements: list[CheckedStatement]
    revocations: list[CheckedRevocation]
    invalid: list[InvalidItem]


def document_hash(canonical: bytes) -> bytes:
    return hashlib.sha256(canonical).digest()


@dataclass(frozen=True)
class _Awaiting:
    """An item whose checks are all done but its signature's: the outcome waits on that."""

    checks: tuple[int, ...]  # positions of its signature checks (one per proof)
    shown_id: str
    outcome: CheckedStatement | CheckedRevocation | InvalidItem  # if the signature matches


def _shown_id(item: Any) -> str:
    item_id = item.get("id") if isinstance(item, dict) else None
    return item_id if isinstance(item_id, str) and len(item_id) <= 100 else ""


def _first_pass(
    index: int, item: Any, secured: SecuredBytes, signatures: SignatureChecks
) -> _Awaiting | InvalidItem:
    """Everything but the Ed25519 check, which is queued on `signatures`.

    The outcome is the same as `verify_statement` / `verify_revocation`: a broken proof is
    reported first, then a bad signature, then the endorsement rules (layer 2 does not depend
    on the signature, so it can be checked before its answer is known)."""
    shown_id = _shown_id(item)
    try:
        pending = proof_to_check(
            item,
            expected_purpose=ASSERTION,
            document_digest=secured.document_digest,
            config_digest=secured.config_digest,
        )
    except InvalidCredential as exc:
        return InvalidItem(index, shown_id, exc.reason)
    checks = tuple(signatures.add(c.public_key, c.hash_data, c.signature) for c in pending.checks)
    outcome = _rules(index, item, secured, pending.proof.signer, shown_id)
    return _Awaiting(checks, shown_id, outcome)


def _rules(
    index: int, item: dict[str, Any], secured: SecuredBytes, signer: str, shown_id: str
) -> CheckedStatement | CheckedRevocation | InvalidItem:
    canonical = secured.canonical
    try:
        if credential_kind(item) == "revocation":
            revocation = revocation_rules(item, signer)
            return CheckedRevocation(
                index, revocation, canonical.decode(), document_hash(canonical)
            )
        statement = statement_rules(item, signer)
        return CheckedStatement(index, statement, canonical.decode(), document_hash(canonical))
    except InvalidCredential as exc:
        return InvalidItem(index, shown_id, exc.reason)


def _outcome(
    first: _Awaiting | InvalidItem, valid: list[bool]
) -> CheckedStatement | CheckedRevocation | InvalidItem:
    if isinstance(first, InvalidItem):
        return first
    if all(valid[check] for check in first.checks):
        return first.outcome
    return InvalidItem(first.outcome.index, first.shown_id, BAD_SIGNATURE)


class ItemChecks:
    """Both layers for every item of a bundle, in two steps so that the caller can check the
    bundle's own proof in between, while the signatures of a big import are still being
    checked by a helper process (see `sigcheck`). Use as a context manager (it ends the helper).
    """

    def __init__(
        self,
        items: list[Any],
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> None:
        self._items = items
        self._progress = progress
        self._cancelled = cancelled
        self._signatures = SignatureChecks(len(items))
        self._passes: list[_Awaiting | InvalidItem] = []

    def __enter__(self) -> ItemChecks:
        return self

    def __exit__(self, *exc: object) -> None:
        self._signatures.close()

    def first_pass(
        self, prepared: Sequence[SecuredBytes] | None = None
    ) -> list[SecuredBytes] | None:
        """Everything but the signatures' verdicts. Returns each item's canonical form, or
        None if some item has none (a bundle's own proof then cannot hold).
        `prepared[i]` is `canonical_secured(items[i])` if the caller has it already."""
        if prepared is not None and len(prepared) != len(self._items):
            raise ValueError("prepared does not match items")
        total = len(self._items)
        secured_items: list[SecuredBytes] = []
        complete = True
        for index, item in enumerate(self._items):
            if index % PROGRESS_EVERY == 0:
                self._checkpoint(index, total)
            try:
                secured = prepared[index] if prepared is not None else canonical_secured(item)
            except CanonicalizationFailed as exc:
                complete = False
                self._passes.append(_unusable(index, item, exc))
                continue
            secured_items.append(secured)
            self._passes.append(_first_pass(index, item, secured, self._signatures))
        return secured_items if complete else None

    def finish(self) -> CheckedItems:
        """Wait for the signatures and sort the items into their outcomes."""
        valid = self._signatures.results(self._cancelled)
        result = CheckedItems([], [], [])
        for first in self._passes:
            outcome = _outcome(first, valid)
            if isinstance(outcome, CheckedStatement):
                result.statements.append(outcome)
            elif isinstance(outcome, CheckedRevocation):
                result.revocations.append(outcome)
            else:
                result.invalid.append(outcome)
        if self._progress is not None:
            self._progress(len(self._items), len(self._items))
        return result

    def _checkpoint(self, done: int, total: int) -> None:
        if self._cancelled is not None and self._cancelled():
            raise OperationCancelled()
        if self._progress is not None:
            self._progress(done, total)


def _unusable(index: int, item: Any, exc: CanonicalizationFailed) -> InvalidItem:
    reason = f"The credential cannot be canonicalized: {exc}."
    return InvalidItem(index, _shown_id(item), reason)


def check_item(index: int, item: Any) -> CheckedStatement | CheckedRevocation | InvalidItem:
    """Both layers for one credential (`index` is its position, for the report)."""
    try:
        secured = canonical_secured(item)
    except CanonicalizationFailed as exc:
        return _unusable(index, item, exc)
    with SignatureChecks(1) as signatures:  # one check: done here, no helper
        first = _first_pass(index, item, secured, signatures)
        return _outcome(first, signatures.results())


def check_items(
    items: list[Any],
    *,
    prepared: Sequence[SecuredBytes] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> CheckedItems:
    """Both layers for every item, each reported on its own (see `ItemChecks`)."""
    with ItemChecks(items, progress=progress, cancelled=cancelled) as checks:
        checks.first_pass(prepared)
        return checks.finish()
