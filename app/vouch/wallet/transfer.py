"""Exchange by file and clipboard: export signed bundles, preview and apply imports."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from vouch.core.canonical import parse_strict
from vouch.core.errors import InvalidInput, NotFound
from vouch.core.fsutil import atomic_write
from vouch.core.records import ImportPreview, ImportResult
from vouch.core.store import queries
from vouch.exchange import bundle as bundles
from vouch.wallet.core import Cancelled, Progress, WalletCore
from vouch.wallet.importing import apply_preview, build_preview, preview_items


class TransferUseCases(WalletCore):
    def export_bundle(self, ids: Sequence[str] | None = None, *, to: str | None = None) -> bytes:
        """A signed bundle of the chosen statements with their revocations.

        With no ids: everything I gave, or, with `to`, everything I gave to that person.
        """
        conn = self._database.conn
        chosen = queries.documents_for(conn, ids, self.did)
        if ids is not None and len(chosen) != len(set(ids)):
            missing = sorted(set(ids) - {i for i, _ in chosen})
            raise NotFound(f"No endorsement {missing[0]}.")
        if ids is None and to is not None:
            chosen = [(i, d) for i, d in chosen if json.loads(d)["credentialSubject"]["id"] == to]
        if not chosen:
            raise InvalidInput("There is nothing to export.")
        documents = [parse_strict(d) for _, d in chosen]
        documents += [
            parse_strict(d) for d in queries.revocation_documents(conn, [i for i, _ in chosen])
        ]
        return bundles.encode_bundle(self.identity, documents, recipient=to)

    def export_to_file(
        self, path: Path, ids: Sequence[str] | None = None, *, to: str | None = None
    ) -> int:
        """Write a `.vouch` file atomically; returns the number of items written."""
        data = self.export_bundle(ids, to=to)
        atomic_write(Path(path), data, mode=0o644)
        return len(bundles.decode_bundle(data).items)

    def export_text(self, ids: Sequence[str] | None = None, *, to: str | None = None) -> str:
        return bundles.to_text(self.export_bundle(ids, to=to))

    def preview_import(
        self,
        data: bytes | str,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportPreview:
        """Check a bundle (file bytes or pasted text) and say what importing it would do."""
        return build_preview(self._database.conn, self.did, data, progress, cancelled)

    def apply_import(
        self,
        preview: ImportPreview,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportResult:
        """Store a previewed import in one transaction; a cancel leaves the store unchanged."""
        result = apply_preview(self._database, preview, progress, cancelled)
        self._changes += 1
        return result

    def import_data(self, data: bytes | str) -> ImportResult:
        return self.apply_import(self.preview_import(data))

    def preview_documents(
        self, documents: list[Any], *, presenter: str | None = None
    ) -> ImportPreview:
        """Like `preview_import`, for credentials that arrived one by one (a peer sync)."""
        return preview_items(self._database.conn, self.did, presenter, documents)

    def revocation_documents(self, statement_ids: Sequence[str]) -> list[str]:
        return queries.revocation_documents(self._database.conn, statement_ids)
