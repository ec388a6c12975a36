"""Import and verification use cases behind the facade: preview, apply, and `vouch verify`."""

from __future__ import annotations

import gc
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from vouch.core.canonical import parse_strict
from vouch.core.credentials import (
    Statement,
    credential_kind,
    document_types,
    verify_revocation,
    verify_statement,
)
from vouch.core.dataintegrity import ASSERTION, verify_proof
from vouch.core.errors import InvalidBundle, InvalidCredential, OperationCancelled
from vouch.core.records import (
    Audience,
    Cancelled,
    Direction,
    Endorsement,
    ImportPreview,
    ImportResult,
    InvalidItem,
    Progress,
    Revocation,
    VerificationReport,
)
from vouch.core.store import queries
from vouch.core.store.db import Connection, Database
from vouch.exchange import bundle as bundles
from vouch.exchange.importing import (
    CheckedItems,
    CheckedRevocation,
    CheckedStatement,
    ItemChecks,
    Workers,
    check_items,
    document_hash,
)

BATCH = 2000


def statement_record(
    statement: Statement, document: str, audience: Audience, me: str
) -> Endorsement:
    direction = Direction.of(statement.issuer, statement.subject, me)
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
    took a quarter of a 100k import. It resumes afterwards, even on an error or a cancel.

    Before it resumes, what was allocated meanwhile is moved to the oldest generation
    (`freeze` then `unfreeze`, which also resets the young generations' counts): otherwise the
    first allocation after `enable` starts a pass over all of it, 0.15 s for a 50k bundle, for
    objects that reference counting frees moments later anyway."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def default_audience(issuer: str, me: str) -> Audience:
    """What I give goes to its subject and my contacts; what others gave stays here."""
    return Audience.CONTACTS if issuer == me else Audience.PRIVATE


@dataclass(frozen=True)
class CheckedImport:
    """Credentials checked at both layers (signatures, rules), not yet compared with a store."""

    presenter: str | None  # the did:key that signed the bundle, if any
    items: CheckedItems


def check_bundle(
    data: bytes | str,
    progress: Progress | None,
    cancelled: Cancelled | None,
    on_checked: Callable[[CheckedItems], None] | None = None,
) -> CheckedImport:
    """Both layers for every item, and the bundle's own proof. `on_checked` receives the
    items' outcomes in parts, before that proof is checked (see `ItemChecks`)."""
    # Worker processes start before the bundle is parsed, so that their start-up overlaps it.
    beside_store = on_checked is not None
    with (
        without_collector_passes(),
        Workers.for_bundle(len(data), beside_store=beside_store) as workers,
    ):
        opened = bundles.open_bundle(data)
        with ItemChecks(
            opened.items,
            progress=progress,
            cancelled=cancelled,
            workers=workers,
            on_checked=on_checked,
        ) as checks:
            # The holder's proof is checked before waiting for the items' signatures, which a
            # helper process may still be checking (the two need the same canonical forms).
            presenter = bundles.check_holder_proof(opened, checks.first_pass())
            return CheckedImport(presenter, checks.finish())


class BackgroundCheck:
    """`check_bundle` on a thread of its own, started at once, for a caller with something
    else to do first: the command line derives the wallet's key (Argon2id, in C, without the
    interpreter's lock) while the bundle is parsed and checked, as the checks need no store.

    With `parts=True`, the items' outcomes can also be taken as they are checked (`parts()`),
    so that they are stored while later ones are checked (`store_while_checking`).

    Leaving the `with` block before `result()` (a wrong passphrase, say) cancels the checks
    and waits for them to stop; nothing they did outlives the block."""

    def __init__(self, data: bytes | str, *, parts: bool = False) -> None:
        self._stop = threading.Event()
        self._outcome: CheckedImport | BaseException | None = None
        self._total = 0  # items in the bundle, once it is parsed
        self._parts: queue.SimpleQueue[CheckedItems | None] | None = (
            queue.SimpleQueue() if parts else None
        )
        self._thread = threading.Thread(target=self._run, args=(data,), name="bundle-check")
        self._thread.start()

    def _run(self, data: bytes | str) -> None:
        on_checked = self._parts.put if self._parts is not None else None
        try:
            self._outcome = check_bundle(data, self._note, self._stop.is_set, on_checked)
        except BaseException as exc:  # handed to the caller by result()
            self._outcome = exc
        finally:
            if self._parts is not None:
                self._parts.put(None)

    def _note(self, done: int, total: int) -> None:
        self._total = total

    @property
    def total(self) -> int:
        """How many items the bundle holds (0 until it has been parsed)."""
        return self._total

    def parts(self) -> Iterator[CheckedItems]:
        """Every item's outcome once, in bundle order and in parts, as they are checked; the
        bundle's own proof is known only from `result()`, after the last part."""
        if self._parts is None:
            raise ValueError("this check was started without parts=True")
        while (part := self._parts.get()) is not None:
            yield part

    def result(self) -> CheckedImport:
        """The checked bundle, once the checks are done; their error if they failed."""
        self._thread.join()
        outcome = self._outcome
        if isinstance(outcome, BaseException):
            raise outcome
        assert outcome is not None
        return outcome

    def __enter__(self) -> BackgroundCheck:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def check_documents(
    presenter: str | None,
    items: list[Any],
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> CheckedImport:
    """Both layers for credentials that arrived one by one (parsed, unchecked)."""
    with without_collector_passes():
        return CheckedImport(presenter, check_items(items, progress=progress, cancelled=cancelled))


@dataclass(frozen=True)
class _Known:
    """What the store holds already. Ids are keyed with their issuer: an id is unique only
    among one issuer's documents, so a stranger reusing an id can never shadow the original."""

    statements: set[bytes]  # document hashes
    statement_keys: set[tuple[str, str]]  # (issuer, id)
    revocations: set[bytes]
    revocation_keys: set[tuple[str, str]]

    @classmethod
    def load(cls, conn: Connection) -> _Known:
        return cls(
            queries.known_hashes(conn, "statements"),
            queries.known_keys(conn, "statements"),
            queries.known_hashes(conn, "revocations"),
            queries.known_keys(conn, "revocations"),
        )


REUSED_STATEMENT_ID = "Its issuer already used this id for another statement."
REUSED_REVOCATION_ID = "Its issuer already used this id for another revocation."


class _Comparison:
    """Sorts checked credentials into new, duplicate and refused against what the store holds
    and what came before them in the same bundle (given in bundle order, whole or in parts).

    A revocation is kept even when no statement of its issuer with that id is known yet (it
    may arrive later); it only ever applies to its own issuer's statement, so one naming
    someone else's statement changes nothing."""

    def __init__(self, conn: Connection, me: str) -> None:
        self._known = _Known.load(conn)
        self._me = me
        self._seen_statements: dict[tuple[str, str], bytes] = {}
        self._seen_revocations: dict[tuple[str, str], bytes] = {}
        self.duplicates = 0
        self.invalid: list[InvalidItem] = []

    def new_statements(self, checked: list[CheckedStatement]) -> list[CheckedStatement]:
        known = self._known
        held = (known.statements, known.statement_keys, self._seen_statements)
        new: list[CheckedStatement] = []
        for item in checked:
            key = (item.statement.issuer, item.statement.id)
            if self._is_new(item.index, key, item.doc_hash, held, REUSED_STATEMENT_ID):
                new.append(item)
        return new

    def row(self, item: CheckedStatement, now: float) -> tuple[Any, ...]:
        """The store's row of a new statement (the same as `record`'s)."""
        audience = default_audience(item.statement.issuer, self._me)
        return queries.new_statement_row(
            item.statement, audience, item.document, item.doc_hash, now
        )

    def record(self, item: CheckedStatement) -> Endorsement:
        st = item.statement
        return statement_record(st, item.document, default_audience(st.issuer, self._me), self._me)

    def new_revocations(self, checked: list[CheckedRevocation]) -> list[Revocation]:
        known = self._known
        held = (known.revocations, known.revocation_keys, self._seen_revocations)
        new: list[Revocation] = []
        for item in checked:
            rv = item.revocation
            key = (rv.issuer, rv.id)
            if self._is_new(item.index, key, item.doc_hash, held, REUSED_REVOCATION_ID):
                revocation = (rv.id, rv.issuer, rv.target_id, rv.reason, rv.effective)
                new.append(Revocation(*revocation, item.document))
        return new

    def _is_new(
        self,
        index: int,
        key: tuple[str, str],
        doc_hash: bytes,
        held: tuple[set[bytes], set[tuple[str, str]], dict[tuple[str, str], bytes]],
        reused: str,
    ) -> bool:
        """Whether the item `key` (issuer, id) is new; counted as a duplicate, or refused
        when its issuer's id already names another document. `held`: the store's document
        hashes and keys, and what this bundle has shown so far."""
        hashes, keys, seen = held
        if doc_hash in hashes or seen.get(key) == doc_hash:
            self.duplicates += 1
            return False
        if key in keys or key in seen:
            self.invalid.append(InvalidItem(index, key[1], reused))
            return False
        seen[key] = doc_hash
        return True

    def sorted_invalid(self) -> tuple[InvalidItem, ...]:
        return tuple(sorted(self.invalid, key=lambda i: i.index))


def preview_checked(conn: Connection, me: str, checked: CheckedImport) -> ImportPreview:
    """What storing these checked credentials would do (the store is only read)."""
    with without_collector_passes():
        comparison = _Comparison(conn, me)
        comparison.invalid += checked.items.invalid
        new = [comparison.record(i) for i in comparison.new_statements(checked.items.statements)]
        revocations = comparison.new_revocations(checked.items.revocations)
    issuers = tuple(sorted({e.issuer for e in new} | {r.issuer for r in revocations}))
    return ImportPreview(
        presenter=checked.presenter,
        new=tuple(new),
        duplicates=comparison.duplicates,
        revocations=tuple(revocations),
        invalid=comparison.sorted_invalid(),
        issuers=issuers,
    )


@dataclass(frozen=True)
class StoredImport:
    """What `store_while_checking` did, in the figures of a preview and its result."""

    presenter: str | None
    new: int  # new statements, as a preview counts them
    duplicates: int  # as a preview counts them
    revocations: int  # new revocations
    invalid: tuple[InvalidItem, ...]
    added: int
    revocations_applied: int


def store_while_checking(
    database: Database, me: str, checking: BackgroundCheck, progress: Progress | None = None
) -> StoredImport:
    """Store a bundle's items part by part as they are checked, in one transaction that is
    committed only once the bundle's own proof holds (`checking.result()`), and rolled back
    otherwise: a bundle that fails its proof leaves the store as it was, as with a preview
    followed by `apply_preview`, and the outcome is the same item for item."""
    now = time.time()
    new = revocations = added = applied = received = 0
    with without_collector_passes(), database.transaction() as conn:
        comparison = _Comparison(conn, me)
        for part in checking.parts():
            received += len(part.statements) + len(part.revocations) + len(part.invalid)
            if progress is not None:
                progress(received, max(received, checking.total))
            comparison.invalid += part.invalid
            statements = comparison.new_statements(part.statements)
            rows = [comparison.row(item, now) for item in statements]
            added += queries.insert_statements(conn, rows)
            revoking = comparison.new_revocations(part.revocations)
            applied += _store_revocations(conn, revoking)
            new, revocations = new + len(statements), revocations + len(revoking)
        presenter = checking.result().presenter  # raises (and rolls back) if the proof fails
        queries.apply_revocations(conn)
    invalid = comparison.sorted_invalid()
    return StoredImport(presenter, new, comparison.duplicates, revocations, invalid, added, applied)


def _store_statements(conn: Connection, statements: Sequence[Endorsement], now: float) -> int:
    rows = [queries.statement_row(e, document_hash(e.document.encode()), now) for e in statements]
    return queries.insert_statements(conn, rows)


def _store_revocations(conn: Connection, revocations: Iterable[Revocation]) -> int:
    applied = 0
    for revocation in revocations:
        doc_hash = document_hash(revocation.document.encode())
        applied += int(queries.insert_revocation(conn, revocation, doc_hash))
    return applied


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
            added += _store_statements(conn, preview.new[start : start + BATCH], now)
        applied = 0
        for start in range(0, len(preview.revocations), BATCH):
            _checkpoint(len(preview.new) + start, total, progress, cancelled)
            applied += _store_revocations(conn, preview.revocations[start : start + BATCH])
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
    """Check a single credential, a presentation or a bundle without a wallet."""
    if bundles.looks_like_text(data):
        return _verify_bundle(data, "bundle")
    document = parse_strict(data, what="file")
    kind = credential_kind(document)
    if kind == "presentation":
        assert isinstance(document, dict)
        is_bundle = "VouchBundle" in document_types(document)
        return _verify_bundle(data, "bundle" if is_bundle else "presentation")
    try:
        proof = verify_proof(document, expected_purpose=ASSERTION)
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


UNSIGNED = "The presentation has no proof: nobody vouches for who sent it"


def _verify_bundle(data: bytes | str, kind: str) -> VerificationReport:
    """A presentation is judged by its own proof (purpose `authentication`), then its items."""
    with without_collector_passes():
        try:
            opened = bundles.open_bundle(data)
            parsed = bundles.decode_opened(opened)
        except InvalidBundle as exc:
            return VerificationReport(kind, False, False, exc.message)
        checked = check_items(parsed.items, prepared=parsed.prepared)
    count = len(parsed.items)
    if not opened.signed:
        reason = f"{UNSIGNED} (its {count} credential(s) can still be imported one by one)."
        return VerificationReport(kind, False, False, reason, "", count)
    if checked.invalid:
        first = checked.invalid[0]
        reason = f"{len(checked.invalid)} of {count} items are invalid; "
        reason += f"item {first.index + 1}: {first.reason}"
        presenter = parsed.presenter or ""
        return VerificationReport(kind, True, False, reason, presenter, count)
    return VerificationReport(kind, True, True, "", parsed.presenter or "", count)
