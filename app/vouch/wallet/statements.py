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
from vouch.core.store import changes as change_store
from vouch.core.store import queries
from vouch.core.store.db import Connection
from vouch.exchange.importing import document_hash
from vouch.wallet import changelog
from vouch.wallet.core import WalletCore, serialised
from vouch.wallet.importing import default_audience, statement_record


def resolve_statement(conn: Connection, statement_id: str, me: str, issuer: str | None) -> int:
    """The row key of the statement a person means by `statement_id`.

    An id is unique only among one issuer's statements. With `issuer`, that issuer's; else my
    own statement with that id, else the only one. Several from others is a clear error.
    """
    found = queries.statements_with_id(conn, statement_id.strip())
    if issuer is not None:
        found = [(key, who) for key, who in found if who == issuer]
    mine = [key for key, who in found if who == me]
    if mine:
        return mine[0]
    if not found:
        raise NotFound(f"No endorsement {statement_id}.")
    if len(found) > 1:
        raise InvalidInput(
            f"{len(found)} people used the id {statement_id} for their statements; "
            "say whose statement you mean."
        )
    return found[0][0]


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

    @serialised
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

    @serialised
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

    @serialised
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
            if audience is not default_audience(self.did, self.did):
                key = changelog.audience_key(self.did, record.id)
                changelog.record_change(conn, key, audience.value)
        self._changes += 1
        return record

    @serialised
    def revoke(self, endorsement_id: str, reason: str) -> Revocation:
        """Revoke one of my own statements (an id of someone else's is never mine to revoke)."""
        conn = self._database.conn
        try:
            key = resolve_statement(conn, endorsement_id, self.did, self.did)
        except NotFound:
            if queries.statements_with_id(conn, endorsement_id.strip()):
                raise NotAllowed("Only the person who gave an endorsement can revoke it.") from None
            raise
        target = queries.get_statement(conn, key, self.did)
        assert target is not None
        if target.revoked_at is not None:
            raise NotAllowed("That endorsement is already revoked.")
        signed = creds.revocation_document(self.identity, target.id, reason)
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

    @serialised
    def endorsement(self, endorsement_id: str, *, issuer: str | None = None) -> Endorsement | None:
        """The statement with this id: `issuer`'s, else mine, else the only one (see
        `resolve_statement`; several from others is `InvalidInput`). None if there is none."""
        conn = self._database.conn
        try:
            key = resolve_statement(conn, endorsement_id, self.did, issuer)
        except NotFound:
            return None
        return queries.get_statement(conn, key, self.did)

    @serialised
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

    @serialised
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

    @serialised
    def endorsements_by_key(self, keys: Sequence[int]) -> dict[int, Endorsement]:
        """The statements behind keys from `endorsement_keys` (keys gone since are missing)."""
        return queries.statements_by_key(self._database.conn, keys, self.did)

    @serialised
    def count_endorsements(self, flt: EndorsementFilter | None = None) -> int:
        return queries.count_statements(
            self._database.conn, flt or EndorsementFilter(), self.did, now=time.time()
        )

    @serialised
    def scopes_in_use(self) -> list[str]:
        return queries.scopes_in_use(self._database.conn)

    @serialised
    def set_audience(
        self, endorsement_id: str, audience: Audience, *, issuer: str | None = None
    ) -> None:
        """Who a statement may travel to (the id resolves as in `endorsement`)."""
        with self._database.transaction() as conn:
            key = resolve_statement(conn, endorsement_id, self.did, issuer)
            queries.set_audience(conn, key, audience)
            found = change_store.statement_issuer_and_id(conn, key)
            changelog.record_change(conn, changelog.audience_key(*found), audience.value)
