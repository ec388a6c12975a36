"""Exchange by file and clipboard: export signed bundles, preview and apply imports."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from vouch.core.canonical import parse_strict
from vouch.core.errors import InvalidInput
from vouch.core.fsutil import atomic_write
from vouch.core.records import Cancelled, Endorsement, ImportPreview, ImportResult, Progress
from vouch.core.store import queries
from vouch.exchange import bundle as bundles
from vouch.wallet.core import WalletCore, serialised
from vouch.wallet.importing import (
    BackgroundCheck,
    CheckedImport,
    StoredImport,
    apply_preview,
    check_bundle,
    check_documents,
    preview_checked,
    store_while_checking,
)
from vouch.wallet.statements import resolve_statement


class TransferUseCases(WalletCore):
    @serialised
    def export_bundle(self, ids: Sequence[str] | None = None, *, to: str | None = None) -> bytes:
        """A signed bundle of the chosen statements with their revocations.

        With no ids: everything I gave, or, with `to`, everything I gave to that person. An id
        means my own statement first, else the only one with it (see `resolve_statement`).
        """
        conn = self._database.conn
        if ids is None:
            keys = queries.my_statement_keys(conn, self.did)
        else:
            keys = [resolve_statement(conn, i, self.did, None) for i in ids]
        chosen = queries.documents_for(conn, keys)
        if ids is None and to is not None:
            chosen = [c for c in chosen if json.loads(c[2])["credentialSubject"]["id"] == to]
        if not chosen:
            raise InvalidInput("There is nothing to export.")
        documents = [parse_strict(d) for _, _, d in chosen]
        revocations = queries.revocation_documents(conn, [(s, i) for s, i, _ in chosen])
        documents += [parse_strict(d) for d in revocations]
        return bundles.encode_bundle(self.identity, documents, recipient=to)

    @serialised
    def export_to_file(
        self, path: Path, ids: Sequence[str] | None = None, *, to: str | None = None
    ) -> int:
        """Write a `.vouch` file atomically; returns the number of items written."""
        data = self.export_bundle(ids, to=to)
        atomic_write(Path(path), data, mode=0o644)
        return len(bundles.decode_bundle(data).items)

    @serialised
    def export_text(self, ids: Sequence[str] | None = None, *, to: str | None = None) -> str:
        return bundles.to_text(self.export_bundle(ids, to=to))

    def preview_import(
        self,
        data: bytes | str,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportPreview:
        """Check a bundle (file bytes or pasted text) and say what importing it would do.

        The checks (signatures, rules) need no store and run without the wallet's lock, so a
        long preview does not hold up other use cases; comparing with the store takes it.
        """
        return self._preview(check_bundle(data, progress, cancelled))

    @serialised
    def apply_import(
        self,
        preview: ImportPreview,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportResult:
        """Store a previewed import in one transaction; a cancel leaves the store unchanged."""
        try:
            return apply_preview(self._database, preview, progress, cancelled)
        finally:
            self._changes += 1

    @serialised
    def preview_checked(self, checked: CheckedImport) -> ImportPreview:
        """`preview_import` for a bundle checked already (see `BackgroundCheck`)."""
        return self._preview(checked)

    @serialised
    def import_while_checking(
        self, checking: BackgroundCheck, *, progress: Progress | None = None
    ) -> StoredImport:
        """Store a bundle's items as they are checked (`BackgroundCheck(data, parts=True)`),
        committed only if the whole bundle holds (see `store_while_checking`). `progress`
        hears (items received, items in the bundle) after each part."""
        try:
            return store_while_checking(self._database, self.did, checking, progress)
        finally:
            self._changes += 1

    @serialised
    def import_data(self, data: bytes | str) -> ImportResult:
        return self.apply_import(self.preview_import(data))

    def preview_documents(
        self, documents: list[Any], *, presenter: str | None = None
    ) -> ImportPreview:
        """Like `preview_import`, for credentials that arrived one by one (a peer sync)."""
        return self._preview(check_documents(presenter, documents))

    @serialised
    def _preview(self, checked: CheckedImport) -> ImportPreview:
        return preview_checked(self._database.conn, self.did, checked)

    @serialised
    def revocations_for(self, statements: Iterable[Endorsement]) -> list[str]:
        """The revocations of exactly these statements, each by its own issuer."""
        targets = [(s.issuer, s.id) for s in statements]
        return queries.revocation_documents(self._database.conn, targets)
