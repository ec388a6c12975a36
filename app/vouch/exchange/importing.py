"""Checking the items of a bundle one by one, before anything touches the store."""

from __future__ import annotations

import gc
import hashlib
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

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
    ProofToCheck,
    SecuredBytes,
    canonical_secured,
    proof_to_check,
)
from vouch.core.errors import InvalidCredential, OperationCancelled
from vouch.core.identity import verify_signature
from vouch.core.process import disable_core_dumps
from vouch.core.records import Cancelled, InvalidItem, Progress
from vouch.exchange.sigcheck import SignatureChecks

if TYPE_CHECKING:  # loaded by the first big import, not at start-up
    from concurrent.futures import Future, ProcessPoolExecutor

PROGRESS_EVERY = 500
# Bundles this big are checked by worker processes as well as here (see `_WorkerChecks`).
MIN_ITEMS_FOR_WORKERS = 4000
MIN_BYTES_FOR_WORKERS = 2 * 2**20  # a bundle this big may hold that many items
WORKER_CHUNK = 1000  # items per task: about 0.1 s of work


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


def _proof(
    index: int, item: Any, secured: SecuredBytes, shown_id: str
) -> ProofToCheck | InvalidItem:
    """The item's proof, read and checked but for its signature; the reason if it is broken."""
    try:
        return proof_to_check(
            item,
            expected_purpose=ASSERTION,
            document_digest=secured.document_digest,
            config_digest=secured.config_digest,
        )
    except InvalidCredential as exc:
        return InvalidItem(index, shown_id, exc.reason)


def _first_pass(
    index: int, item: Any, secured: SecuredBytes, signatures: SignatureChecks
) -> _Awaiting | InvalidItem:
    """Everything but the Ed25519 check, which is queued on `signatures`.

    The outcome is the same as `verify_statement` / `verify_revocation`: a broken proof is
    reported first, then a bad signature, then the endorsement rules (layer 2 does not depend
    on the signature, so it can be checked before its answer is known)."""
    shown_id = _shown_id(item)
    pending = _proof(index, item, secured, shown_id)
    if isinstance(pending, InvalidItem):
        return pending
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
    bundle's own proof in between. A big bundle is checked by worker processes beside this one
    (`workers`, started early by the caller, or started here); where none can run, its
    signatures are checked by a helper process (see `sigcheck`) while this one does the rest.
    Use as a context manager (it ends the processes it started).

    `on_checked`, if given, receives every item's outcome exactly once, in bundle order, in
    parts: with workers, each part as soon as it is checked (the workers then check every part
    and this process only collects, so that it is free to store them meanwhile); otherwise all
    at once from `finish`. The bundle's own proof has not been checked when a part arrives: a
    caller that stores parts must undo that unless `finish` is reached and that proof holds.
    """

    def __init__(
        self,
        items: list[Any],
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        workers: Workers | None = None,
        on_checked: Callable[[CheckedItems], None] | None = None,
    ) -> None:
        self._items = items
        self._progress = progress
        self._cancelled = cancelled
        self._on_checked = on_checked
        self._delivered = False  # whether on_checked has been given the items
        big = len(items) >= MIN_ITEMS_FOR_WORKERS
        self._own_workers: Workers | None = None
        if big and (workers is None or workers.pool is None):
            count = worker_count(beside_store=on_checked is not None)
            workers = self._own_workers = Workers(count)
        self._pool = workers.pool if big and workers is not None else None
        # Without workers, a big bundle still has its signatures checked by the helper.
        self._signatures = SignatureChecks(0 if self._pool else len(items))
        self._passes: list[_Awaiting | InvalidItem] = []
        self._whole: list[Checked] | None = None  # outcomes, when the workers checked all

    def __enter__(self) -> ItemChecks:
        return self

    def __exit__(self, *exc: object) -> None:
        self._signatures.close()
        if self._own_workers is not None:
            self._own_workers.close()

    def first_pass(
        self, prepared: Sequence[SecuredBytes] | None = None
    ) -> list[SecuredBytes] | None:
        """Everything but the signatures' verdicts. Returns each item's canonical form, or
        None if some item has none (a bundle's own proof then cannot hold).
        `prepared[i]` is `canonical_secured(items[i])` if the caller has it already."""
        if prepared is not None and len(prepared) != len(self._items):
            raise ValueError("prepared does not match items")
        if self._pool is not None and prepared is None:
            return self._first_pass_with_workers()
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
        if self._whole is not None:
            outcomes: list[Outcome] = [outcome for outcome, _ in self._whole]
        else:
            valid = self._signatures.results(self._cancelled)
            outcomes = [_outcome(first, valid) for first in self._passes]
        result = _sorted(outcomes)
        if self._on_checked is not None and not self._delivered:
            self._delivered = True
            self._on_checked(result)
        if self._progress is not None:
            self._progress(len(self._items), len(self._items))
        return result

    def _first_pass_with_workers(self) -> list[SecuredBytes] | None:
        total = len(self._items)
        counted = [0]
        self._checkpoint(0, total)

        def progress(more: int) -> None:
            counted[0] += more
            if self._progress is not None:
                self._progress(counted[0], total)

        deliver = None
        if self._on_checked is not None:
            on_checked = self._on_checked
            self._delivered = True

            def deliver(part: list[Checked]) -> None:
                on_checked(_sorted([outcome for outcome, _ in part]))

        self._whole = _WorkerChecks(self._items, self._pool).run(progress, self._cancelled, deliver)
        secured: list[SecuredBytes] = []
        for outcome, canonical in self._whole:
            if canonical is None and isinstance(outcome, InvalidItem):
                return None  # an item with no canonical form
            if canonical is None:
                assert not isinstance(outcome, InvalidItem)
                canonical = outcome.document.encode()
            # The holder's proof needs the canonical bytes only (see bundle.check_holder_proof).
            secured.append(SecuredBytes(canonical, b""))
        return secured

    def _checkpoint(self, done: int, total: int) -> None:
        if self._cancelled is not None and self._cancelled():
            raise OperationCancelled()
        if self._progress is not None:
            self._progress(done, total)


Outcome: TypeAlias = CheckedStatement | CheckedRevocation | InvalidItem
# An item's outcome and, unless the outcome carries it already, its canonical form (None: it
# has none).
Checked: TypeAlias = tuple[Outcome, bytes | None]


def _sorted(outcomes: Iterable[Outcome]) -> CheckedItems:
    result = CheckedItems([], [], [])
    for outcome in outcomes:
        if isinstance(outcome, CheckedStatement):
            result.statements.append(outcome)
        elif isinstance(outcome, CheckedRevocation):
            result.revocations.append(outcome)
        else:
            result.invalid.append(outcome)
    return result


def check_whole(index: int, item: Any) -> Checked:
    """Both layers for one item, its signatures included, the same outcome as `check_item`."""
    try:
        secured = canonical_secured(item)
    except CanonicalizationFailed as exc:
        return _unusable(index, item, exc), None
    shown_id = _shown_id(item)
    pending = _proof(index, item, secured, shown_id)
    if isinstance(pending, InvalidItem):
        return pending, secured.canonical
    for check in pending.checks:
        if not verify_signature(check.public_key, check.hash_data, check.signature):
            return InvalidItem(index, shown_id, BAD_SIGNATURE), secured.canonical
    outcome = _rules(index, item, secured, pending.proof.signer, shown_id)
    return outcome, secured.canonical if isinstance(outcome, InvalidItem) else None


def check_chunk(start: int, items: list[Any]) -> list[Checked]:
    """`check_whole` for consecutive items, the first at position `start` (a worker's task)."""
    return [check_whole(start + offset, item) for offset, item in enumerate(items)]


def _worker_started() -> None:
    disable_core_dumps()  # like every process of Vouch
    gc.disable()  # short-lived, and what it builds holds no cycles


_frozen_workers = False


def allow_frozen_workers() -> None:
    """Called by a frozen app's entry point once it has called `multiprocessing.freeze_support()`
    (without it, a worker of a frozen app would start the app again)."""
    global _frozen_workers
    _frozen_workers = True


def worker_count(*, beside_store: bool = False) -> int:
    """Worker processes for a big import: one per processor but the one this process uses,
    or one per processor when this process stores what they checked (see `ItemChecks`)."""
    if getattr(sys, "frozen", False) and not _frozen_workers:
        return 0
    if not getattr(sys, "frozen", False) and not sys.executable:
        return 0
    return max(1, (os.cpu_count() or 1) - (0 if beside_store else 1))


class Workers:
    """Worker processes for checking a big bundle, started as early as possible (while the
    bundle is still being parsed, their start-up overlaps it) and ended with the `with` block
    (whatever they are doing: after an error, a cancel, or the end).

    Processes are started with `spawn`, which works in a frozen app and beside threads. None
    start where they cannot (`worker_count() == 0`) or when `count` is 0."""

    def __init__(self, count: int) -> None:
        self.pool: ProcessPoolExecutor | None = _start_pool(count) if count > 0 else None
        if self.pool is not None:
            try:
                for _ in range(count):  # a task each makes every process start now
                    self.pool.submit(_ready)
            except RuntimeError:
                self.close()

    @classmethod
    def for_bundle(cls, size: int, *, beside_store: bool = False) -> Workers:
        """Workers for a bundle of `size` bytes, if it may hold enough items to need them."""
        big = size >= MIN_BYTES_FOR_WORKERS
        return cls(worker_count(beside_store=beside_store) if big else 0)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.pool is not None:
            _end(self.pool)
            self.pool = None


def _ready() -> None:
    """A worker's first task: nothing (it has started)."""


def _start_pool(count: int) -> ProcessPoolExecutor | None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(count, mp_context=context, initializer=_worker_started)
    except (OSError, ValueError, RuntimeError):
        return None


class _WorkerChecks:
    """Every check of a big bundle, in chunks shared between worker processes and this one.

    The chunks are queued, in order, for the workers; this process takes them from the back
    (a chunk not yet started is taken back from the queue) until it reaches one that a worker
    has started, then collects what the workers did. With `deliver`, this process checks
    nothing itself but collects the chunks in order, handing each to `deliver` as it comes.
    A worker that fails or cannot start leaves its chunks to this process: the outcome never
    depends on the workers.
    """

    def __init__(self, items: list[Any], pool: ProcessPoolExecutor | None) -> None:
        self._items = items
        self._pool = pool

    def run(
        self,
        progress: Callable[[int], None],
        cancelled: Cancelled | None,
        deliver: Callable[[list[Checked]], None] | None = None,
    ) -> list[Checked]:
        starts = list(range(0, len(self._items), WORKER_CHUNK))
        done: dict[int, list[Checked]] = {}
        futures: dict[int, Future[list[Checked]]] = {}
        if self._pool is not None:
            try:
                for start in starts:
                    chunk = self._items[start : start + WORKER_CHUNK]
                    futures[start] = self._pool.submit(check_chunk, start, chunk)
            except RuntimeError:  # the pool broke while being filled
                pass
        for start in reversed(starts if deliver is None else []):
            future = futures.get(start)
            if future is not None and not future.cancel():
                break  # a worker has it, and every chunk before it
            _stop_if(cancelled)
            done[start] = check_chunk(start, self._items[start : start + WORKER_CHUNK])
            progress(len(done[start]))
        for start in starts:
            if start not in done:
                done[start] = self._collect(start, futures.get(start), cancelled)
                progress(len(done[start]))
            if deliver is not None:
                deliver(done[start])
        return [checked for start in starts for checked in done[start]]

    def _collect(
        self, start: int, future: Future[list[Checked]] | None, cancelled: Cancelled | None
    ) -> list[Checked]:
        from concurrent.futures import TimeoutError as FutureTimeout

        while future is not None:
            _stop_if(cancelled)
            try:
                return future.result(timeout=0.05)
            except FutureTimeout:
                continue
            except Exception:  # a worker that failed: its chunk is done here
                break
        return check_chunk(start, self._items[start : start + WORKER_CHUNK])


def _end(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now, whatever they are doing."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join()


def _stop_if(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise OperationCancelled()


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
