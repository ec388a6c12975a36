"""Checking the items of a bundle one by one, before anything touches the store."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vouch.core.canonical import CanonicalizationFailed, canonicalize
from vouch.core.credentials import (
    RevocationStatement,
    Statement,
    credential_kind,
    verify_revocation,
    verify_statement,
)
from vouch.core.errors import InvalidCredential, OperationCancelled
from vouch.core.records import InvalidItem

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
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


def check_item(index: int, item: Any) -> CheckedStatement | CheckedRevocation | InvalidItem:
    item_id = item.get("id") if isinstance(item, dict) else None
    shown_id = item_id if isinstance(item_id, str) and len(item_id) <= 100 else ""
    try:
        canonical = canonicalize(item)
        kind = credential_kind(item)
        if kind == "revocation":
            revocation = verify_revocation(item)
            return CheckedRevocation(
                index, revocation, canonical.decode(), document_hash(canonical)
            )
        statement = verify_statement(item)
        return CheckedStatement(index, statement, canonical.decode(), document_hash(canonical))
    except InvalidCredential as exc:
        return InvalidItem(index, shown_id, exc.reason)
    except CanonicalizationFailed as exc:
        return InvalidItem(index, shown_id, f"The credential cannot be canonicalized: {exc}.")


def check_items(
    items: list[Any],
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> CheckedItems:
    result = CheckedItems([], [], [])
    total = len(items)
    for index, item in enumerate(items):
        if index % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise OperationCancelled()
            if progress is not None:
                progress(index, total)
        checked = check_item(index, item)
        if isinstance(checked, CheckedStatement):
            result.statements.append(checked)
        elif isinstance(checked, CheckedRevocation):
            result.revocations.append(checked)
        else:
            result.invalid.append(checked)
    if progress is not None:
        progress(total, total)
    return result
