"""Import and verification use cases behind the facade: preview, apply, and `vouch verify`."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from vouch.core.canonical import parse_strict
from vouch.core.credentials import Statement, credential_kind, verify_revocation, verify_statement
from vouch.core.dataintegrity import verify_proof
from vouch.core.errors import InvalidBundle, InvalidCredential, OperationCancelled
from vouch.core.records import (
    Audience,
    Direction,
    Endorsement,
    ImportPreview,
    ImportResult,
    InvalidItem,
    Revocation,
    VerificationReport,
)
from vouch.core.store import queries
from vouch.core.store.db import Connection, Database
from vouch.exchange import bundle as bundles
from vouch.exchange.importing import CheckedItems, ItemChecks, check_items, document_hash

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
BATCH = 2000


def statement_record(
    statement: Statement, document: str, audience: Audience, me: str
) -> Endorsement:
    direction = (
        Direction.GIVEN
        if statement.issuer == me
        else Direction.RECEIVED
        if statement.subject == me
        else Direction.OTHERS
    )
    return Endorsement(
        id=statement.id,
        kind=statement.kind,
        issuer=statement.issuer,
        subject=statement.subject,
        scope=statement.scope,
        level=statement.level,
        comment=statement.comment,
        reason=statement.reason,
        valid_from=statement.valid_from,
        valid_until=statement.valid_until,
        direction=direction,
        audience=audience,
        document=document,
    )


@contextmanager
def without_collector_passes() -> Iterator[None]:
    """Pause Python's cycle collector during a bulk import.

    A big bundle becomes millions of small objects, none of them in reference cycles (they are
    freed by reference counting as usual); the collector's periodic passes over all of them
    took a quarter of a 100k import. It resumes afterwards, even on an error or a cancel."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def default_audience(issuer: str, me: str) -> Audience:
    """What I give goes to its subject and my contacts; what others gave stays here."""
    return Audience.CONTACTS if issuer == me else Audience.PRIVATE


@dataclass(frozen=True)
class _Hashes:
    statements: set[bytes]
    statement_ids: set[str]
    revocations: set[bytes]


def build_preview(
    conn: Connection,
    me: str,
    data: bytes | str,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> ImportPreview:
    with without_collector_passes():
        opened = bundles.open_bundle(data)
        with ItemChecks(opened.items, progress=progress, cancelled=cancelled) as checks:
            # The holder's proof is checked before waiting for the items' signatures, which a
            # helper process may still be checking (the two need the same canonical forms).
            bundles.check_holder_proof(opened, checks.first_pass())
            checked = checks.finish()
        return _preview(conn, me, opened.presenter, checked)


def preview_items(
    conn: Connection,
    me: str,
    presenter: str | None,
    items: list[Any],
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportPreview:
    """What storing these (parsed, unchecked) credentials would do."""
    with without_collector_passes():
        checked = check_items(items, progress=progress, cancelled=cancelled)
        return _preview(conn, me, presenter, checked)


def _preview(
    conn: Connection, me: str, presenter: str | None, checked: CheckedItems
) -> ImportPreview:
    known = _Hashes(
        queries.known_hashes(conn, "statements"),
        queries.known_ids(conn, "statements"),
        queries.known_hashes(conn, "revocations"),
    )
    invalid = list(checked.invalid)
    new: list[Endorsement] = []
    duplicates = 0
    seen: set[str] = set()
    for item in checked.statements:
        st = item.statement
        if item.doc_hash in known.statements or st.id in seen:
            duplicates += 1
            continue
        if st.id in known.statement_ids:
            invalid.append(
                InvalidItem(item.index, st.id, "Another statement already uses this id.")
            )
            continue
        seen.add(st.id)
        audience = default_audience(st.issuer, me)
        new.append(statement_record(st, item.document, audience, me))
    revocations = _new_revocations(conn, checked.revocations, known, new, invalid)
    duplicates += len(checked.revocations) - len(revocations) - _revocation_invalid(invalid)
    issuers = tuple(sorted({e.issuer for e in new} | {r.issuer for r in revocations}))
    return ImportPreview(
        presenter=presenter,
        new=tuple(new),
        duplicates=duplicates,
        revocations=tuple(revocations),
        invalid=tuple(sorted(invalid, key=lambda i: i.index)),
        issuers=issuers,
    )


_NOT_ISSUER = "Only the issuer of an endorsement can revoke it."


def _revocation_invalid(invalid: list[InvalidItem]) -> int:
    return sum(1 for i in invalid if i.reason == _NOT_ISSUER)


def _new_revocations(
    conn: Connection,
    checked: list,  # type: ignore[type-arg]
    known: _Hashes,
    new: list[Endorsement],
    invalid: list[InvalidItem],
) -> list[Revocation]:
    in_bundle = {e.id: e.issuer for e in new}
    targets = queries.statement_issuers(conn, {c.revocation.target_id for c in checked})
    targets.update(in_bundle)
    result: list[Revocation] = []
    seen: set[bytes] = set()
    for item in checked:
        rv = item.revocation
        if item.doc_hash in known.revocations or item.doc_hash in seen:
            continue
        issuer = targets.get(rv.target_id)
        if issuer is not None and issuer != rv.issuer:
            invalid.append(InvalidItem(item.index, rv.id, _NOT_ISSUER))
            continue
        seen.add(item.doc_hash)
        result.append(
            Revocation(rv.id, rv.issuer, rv.target_id, rv.reason, rv.effective, item.document)
        )
    return result


def apply_preview(
    database: Database,
    preview: ImportPreview,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> ImportResult:
    total = len(preview.new) + len(preview.revocations)
    added = 0
    now = time.time()
    with without_collector_passes(), database.transaction() as conn:
        for start in range(0, len(preview.new), BATCH):
            _checkpoint(start, total, progress, cancelled)
            chunk = preview.new[start : start + BATCH]
            rows = [
                queries.statement_row(e, document_hash(e.document.encode()), now) for e in chunk
            ]
            added += queries.insert_statements(conn, rows)
        applied = 0
        for index, revocation in enumerate(preview.revocations):
            if index % BATCH == 0:
                _checkpoint(len(preview.new) + index, total, progress, cancelled)
            doc_hash = document_hash(revocation.document.encode())
            applied += int(queries.insert_revocation(conn, revocation, doc_hash))
        queries.apply_revocations(conn)
        _checkpoint(total, total, progress, cancelled)
    skipped = len(preview.new) - added
    return ImportResult(added, preview.duplicates + skipped, applied, preview.invalid)


def _checkpoint(
    done: int, total: int, progress: Progress | None, cancelled: Cancelled | None
) -> None:
    if cancelled is not None and cancelled():
        raise OperationCancelled()
    if progress is not None:
        progress(done, total)


def verify_any(data: bytes | str) -> VerificationReport:
    """Check a single credential or a bundle without a wallet."""
    if bundles.looks_like_text(data):
        return _verify_bundle(data)
    document = parse_strict(data, what="file")
    if isinstance(document, dict) and document.get("type") == bundles.BUNDLE_TYPES:
        return _verify_bundle(data)
    kind = credential_kind(document)
    try:
        proof = verify_proof(document)
    except InvalidCredential as exc:
        return VerificationReport(kind, False, False, exc.reason)
    try:
        if kind == "revocation":
            verify_revocation(document)
        else:
            verify_statement(document)
    except InvalidCredential as exc:
        return VerificationReport(kind, True, False, exc.reason, issuer=proof.signer)
    return VerificationReport(kind, True, True, "", issuer=proof.signer, items=1)


def _verify_bundle(data: bytes | str) -> VerificationReport:
    with without_collector_passes():
        try:
            parsed = bundles.decode_bundle(data)
        except InvalidBundle as exc:
            return VerificationReport("bundle", False, False, exc.message)
        checked = check_items(parsed.items, prepared=parsed.prepared)
    if checked.invalid:
        first = checked.invalid[0]
        reason = f"{len(checked.invalid)} of {len(parsed.items)} items are invalid; "
        reason += f"item {first.index + 1}: {first.reason}"
        return VerificationReport(
            "bundle", True, False, reason, parsed.presenter, len(parsed.items)
        )
    return VerificationReport("bundle", True, True, "", parsed.presenter, len(parsed.items))
