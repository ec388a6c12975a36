"""Endorsements and cautions I sign, revoking them, and listing what the wallet holds."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from vouch.core import credentials as creds
from vouch.core.canonical import canonicalize
from vouch.core.errors import InvalidDid, InvalidInput, NotAllowed, NotFound
from vouch.core.identity import public_key_from_did
from vouch.core.records import Audience, Endorsement, EndorsementFilter, Level, Revocation
from vouch.core.store import queries
from vouch.exchange.importing import document_hash
from vouch.wallet.core import WalletCore
from vouch.wallet.importing import statement_record


class StatementUseCases(WalletCore):
    def _unsigned(
        self,
        subject: str,
        scope: str,
        level: Level | None,
        *,
        comment: str = "",
        reason: str = "",
        valid_until: datetime | None = None,
    ) -> dict[str, Any]:
        try:
            public_key_from_did(subject.strip())
        except InvalidDid as exc:
            raise InvalidInput(f"The person is not a valid did:key: {exc.message}") from exc
        return creds.unsigned_statement(
            self.did,
            subject.strip(),
            scope,
            level=level,
            comment=comment,
            reason=reason,
            valid_until=valid_until,
        )

    def preview_endorsement(
        self,
        subject: str,
        scope: str,
        level: Level,
        *,
        comment: str = "",
        valid_until: datetime | None = None,
    ) -> str:
        """The JSON document that `endorse` would sign (without its proof), pretty-printed."""
        document = self._unsigned(subject, scope, level, comment=comment, valid_until=valid_until)
        return json.dumps(document, indent=2, ensure_ascii=False)

    def endorse(
        self,
        subject: str,
        scope: str,
        level: Level,
        *,
        comment: str = "",
        valid_until: datetime | None = None,
        audience: Audience | None = None,
    ) -> Endorsement:
        document = self._unsigned(
            subject, scope, Level.parse(level), comment=comment, valid_until=valid_until
        )
        return self._store_signed(document, audience or Audience.CONTACTS)

    def caution(
        self, subject: str, scope: str, reason: str, *, valid_until: datetime | None = None
    ) -> Endorsement:
        document = self._unsigned(subject, scope, None, reason=reason, valid_until=valid_until)
        return self._store_signed(document, Audience.CONTACTS)

    def _store_signed(self, document: dict[str, Any], audience: Audience) -> Endorsement:
        signed = creds.sign_statement(document, self.identity)
        statement = creds.verify_statement(signed)
        canonical = canonicalize(signed)
        record = statement_record(statement, canonical.decode(), audience, self.did)
        with self._database.transaction() as conn:
            queries.insert_statements(
                conn, [queries.statement_row(record, document_hash(canonical), time.time())]
            )
        self._changes += 1
        return record

    def revoke(self, endorsement_id: str, reason: str) -> Revocation:
        target = self.endorsement(endorsement_id)
        if target is None:
            raise NotFound(f"No endorsement {endorsement_id}.")
        if target.issuer != self.did:
            raise NotAllowed("Only the person who gave an endorsement can revoke it.")
        if target.revoked_at is not None:
            raise NotAllowed("That endorsement is already revoked.")
        signed = creds.revocation_document(self.identity, endorsement_id, reason)
        checked = creds.verify_revocation(signed)
        canonical = canonicalize(signed)
        revocation = Revocation(
            checked.id,
            checked.issuer,
            checked.target_id,
            checked.reason,
            checked.effective,
            canonical.decode(),
        )
        with self._database.transaction() as conn:
            queries.insert_revocation(conn, revocation, document_hash(canonical))
            queries.apply_revocations(conn)
        self._changes += 1
        return revocation

    def endorsement(self, endorsement_id: str) -> Endorsement | None:
        return queries.get_statement(self._database.conn, endorsement_id, self.did)

    def endorsements(
        self,
        flt: EndorsementFilter | None = None,
        *,
        offset: int = 0,
        limit: int | None = None,
        sort: str | None = None,
        descending: bool = False,
    ) -> list[Endorsement]:
        """A page of the matching statements, newest first unless `sort` names a key.

        Keys: direction, issuer, subject, person (names: petname, else the did), scope, level,
        kind, status, valid_from, valid_until, added. An unknown key is a ValueError.
        """
        return queries.list_statements(
            self._database.conn,
            flt or EndorsementFilter(),
            self.did,
            now=time.time(),
            offset=offset,
            limit=limit,
            sort=sort,
            descending=descending,
        )

    def endorsement_keys(
        self,
        flt: EndorsementFilter | None = None,
        *,
        sort: str | None = None,
        descending: bool = False,
    ) -> list[int]:
        """Opaque keys of every matching statement, in list order, for windowed views.

        Valid while the wallet stays open; `endorsements_by_key` reads any window of them.
        """
        return queries.statement_keys(
            self._database.conn,
            flt or EndorsementFilter(),
            self.did,
            now=time.time(),
            sort=sort,
            descending=descending,
        )

    def endorsements_by_key(self, keys: Sequence[int]) -> dict[int, Endorsement]:
        """The statements behind keys from `endorsement_keys` (keys gone since are missing)."""
        return queries.statements_by_key(self._database.conn, keys, self.did)

    def count_endorsements(self, flt: EndorsementFilter | None = None) -> int:
        return queries.count_statements(
            self._database.conn, flt or EndorsementFilter(), self.did, now=time.time()
        )

    def scopes_in_use(self) -> list[str]:
        return queries.scopes_in_use(self._database.conn)

    def set_audience(self, endorsement_id: str, audience: Audience) -> None:
        with self._database.transaction() as conn:
            if not queries.set_audience(conn, endorsement_id, audience):
                raise NotFound(f"No endorsement {endorsement_id}.")
