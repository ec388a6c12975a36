"""The one facade the GUI and the CLI use: every use case of the wallet.

Each use case that writes is one store transaction. The GUI and the CLI see only this class and
the records of `vouch.core.records`; they hold no SQL and no crypto.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from vouch import trust
from vouch.core import credentials as creds
from vouch.core.canonical import canonicalize, parse_strict
from vouch.core.errors import (
    CorruptStore,
    InvalidDid,
    InvalidInput,
    NotAllowed,
    NotFound,
    WalletExists,
    WalletLocked,
    WeakPassphrase,
    WrongPassphrase,
)
from vouch.core.fsutil import atomic_write
from vouch.core.identity import Identity, public_key_from_did, short_did
from vouch.core.records import (
    Audience,
    Contact,
    Endorsement,
    EndorsementFilter,
    ImportPreview,
    ImportResult,
    Level,
    Revocation,
    VerificationReport,
)
from vouch.core.scopes import normalise_scope
from vouch.core.store import kdf, queries
from vouch.core.store.db import Database, DatabaseError
from vouch.exchange import bundle as bundles
from vouch.exchange.importing import document_hash
from vouch.home import WalletFiles, default_home, derive_key, open_database
from vouch.trust import EdgeRow, Opinion, TrustGraph, TrustResult
from vouch.wallet_import import (
    apply_preview,
    build_preview,
    preview_items,
    statement_record,
    verify_any,
)

__all__ = ["Cancelled", "Progress", "Wallet", "default_home", "verify_document"]

Progress = Callable[[int, int], None]  # (done, total)
Cancelled = Callable[[], bool]  # returns True when the user asked to stop
MIN_PASSPHRASE_LENGTH = 8


def check_passphrase_strength(passphrase: str) -> None:
    """Refuse very weak passphrases (the GUI shows a finer hint before this)."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise WeakPassphrase(f"Use at least {MIN_PASSPHRASE_LENGTH} characters.")
    if len(set(passphrase)) < 4:
        raise WeakPassphrase("That passphrase repeats too few characters to be safe.")


class Wallet:
    """An unlocked wallet. `lock()` closes the store and forgets the key and the identity."""

    def __init__(self, files: WalletFiles, database: Database, key: bytes) -> None:
        self._files = files
        self._db: Database | None = database
        self._key: bytes | None = key
        try:
            loaded = queries.load_identity(database.conn)
        except DatabaseError as exc:
            database.close()
            raise CorruptStore() from exc
        if loaded is None:
            database.close()
            raise CorruptStore("The wallet holds no identity.")
        self._identity: Identity | None = Identity(loaded[1])
        self._graph: TrustGraph | None = None
        self._graph_lock = threading.RLock()  # the graph is not thread-safe
        self._changes = 0
        self._graph_seen = -1
        self._graph_loaded_at = 0.0
        if self._identity.did != loaded[0]:
            database.close()
            raise CorruptStore("The wallet's identity does not match its key.")

    # -- life cycle -----------------------------------------------------------------------
    @staticmethod
    def exists(home: Path) -> bool:
        return WalletFiles(home).exists()

    @classmethod
    def create(cls, home: Path, passphrase: str, *, recovery_phrase: str | None = None) -> Wallet:
        """A new wallet (restored from `recovery_phrase` when given), returned unlocked."""
        files = WalletFiles(home)
        if files.exists():
            raise WalletExists(f"A wallet already exists in {home}.")
        check_passphrase_strength(passphrase)
        identity = (
            Identity.from_recovery_phrase(recovery_phrase)
            if recovery_phrase
            else Identity.generate()
        )
        files.prepare()
        params = kdf.KdfParams.new()
        key = params.derive(passphrase)
        database = Database.open(files.db, key, create=True)
        try:
            with database.transaction() as conn:
                queries.save_identity(conn, identity.did, identity.seed)
            kdf.write_params(files.kdf, params, key)
        except BaseException:
            database.close()
            files.db.unlink(missing_ok=True)
            raise
        return cls(files, database, key)

    @classmethod
    def open(cls, home: Path, passphrase: str) -> Wallet:
        """Unlock with the passphrase. WrongPassphrase / CorruptStore / StoreTooNew."""
        files = WalletFiles(home)
        key = derive_key(files, passphrase)
        try:
            return cls.open_with_key(home, key)
        except CorruptStore:
            if files.pending_kdf.exists():
                raise WrongPassphrase(
                    "A passphrase change did not finish; unlock with your previous passphrase."
                ) from None
            raise

    @classmethod
    def open_with_key(cls, home: Path, store_key: bytes) -> Wallet:
        """Unlock with the raw store key an OS unlock backend released."""
        files = WalletFiles(home)
        return cls(files, open_database(files, store_key), store_key)

    def store_key(self) -> bytes:
        """The raw 32-byte store key, only for wrapping by an OS unlock backend."""
        if self._key is None:
            raise WalletLocked()
        return self._key

    def lock(self) -> None:
        if self._db is not None:
            self._db.close()
        self._db = None
        self._key = None
        self._identity = None
        self._graph = None

    close = lock

    def __enter__(self) -> Wallet:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    @property
    def is_open(self) -> bool:
        return self._db is not None

    @property
    def home(self) -> Path:
        return self._files.home

    @property
    def _database(self) -> Database:
        if self._db is None:
            raise WalletLocked()
        return self._db

    @property
    def identity(self) -> Identity:
        if self._identity is None:
            raise WalletLocked()
        return self._identity

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-key the store atomically; a crash midway leaves one of the two passphrases valid."""
        if derive_key(self._files, old) != self.store_key():
            raise WrongPassphrase("The current passphrase is wrong.")
        check_passphrase_strength(new)
        params = kdf.KdfParams.new()
        new_key = params.derive(new)
        kdf.write_params(self._files.pending_kdf, params, new_key)
        self._database.rekey(new_key)
        self._files.pending_kdf.replace(self._files.kdf)
        self._key = new_key

    def integrity_ok(self) -> bool:
        """Read every page of the store once (about 1.5 s per 100k endorsements)."""
        return self._database.integrity_ok()

    def store_bytes(self) -> int:
        """The size of the encrypted store file."""
        return self._files.db.stat().st_size

    # -- me ---------------------------------------------------------------------------
    @property
    def did(self) -> str:
        return self.identity.did

    @property
    def safety_code(self) -> str:
        return self.identity.safety_code

    def recovery_phrase(self, passphrase: str) -> str:
        """Only after the passphrase is given again."""
        if derive_key(self._files, passphrase) != self.store_key():
            raise WrongPassphrase()
        return self.identity.recovery_phrase

    # -- contacts ---------------------------------------------------------------------
    def add_contact(
        self, did: str, petname: str, *, verified: bool = False, note: str = ""
    ) -> Contact:
        did = did.strip()
        public_key_from_did(did)
        if did == self.did:
            raise InvalidInput("That is your own identity.")
        petname = petname.strip()
        if not petname or len(petname) > 80:
            raise InvalidInput("A contact needs a name of 1 to 80 characters.")
        contact = Contact(did, petname, verified, note.strip())
        with self._database.transaction() as conn:
            queries.upsert_contact(conn, contact)
            stored = queries.get_contact(conn, did)
        assert stored is not None
        return stored

    def update_contact(
        self,
        did: str,
        *,
        petname: str | None = None,
        verified: bool | None = None,
        note: str | None = None,
    ) -> Contact:
        current = self.contact(did)
        if current is None:
            raise NotFound("No such contact.")
        return self.add_contact(
            did,
            petname if petname is not None else current.petname,
            verified=current.verified if verified is None else verified,
            note=current.note if note is None else note,
        )

    def remove_contact(self, did: str) -> None:
        with self._database.transaction() as conn:
            if not queries.delete_contact(conn, did):
                raise NotFound("No such contact.")

    def contacts(self) -> list[Contact]:
        return queries.list_contacts(self._database.conn)

    def contact(self, did: str) -> Contact | None:
        return queries.get_contact(self._database.conn, did)

    def display_name(self, did: str) -> str:
        """'me', the petname, or a shortened did."""
        if did == self.did:
            return "me"
        contact = self.contact(did)
        return contact.petname if contact else short_did(did)

    def petnames(self) -> dict[str, str]:
        return queries.petnames(self._database.conn)

    # -- statements -------------------------------------------------------------------
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
        record = _record(statement, canonical.decode(), audience, self.did)
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

    # -- exchange by file / clipboard ------------------------------------------------
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

    # -- trust ------------------------------------------------------------------------
    def trust_graph(self) -> TrustGraph:
        """The endorsement graph, loaded from the store once and refreshed after changes.

        New statements are added incrementally; the GUI calls this off its own thread.
        """
        conn = self._database.conn
        with self._graph_lock:
            if self._graph is None or self._graph_seen != self._changes:
                started = time.time()
                rows = (EdgeRow(*row) for row in queries.edge_rows(conn, self._graph_loaded_at))
                if self._graph is None:
                    self._graph = TrustGraph.from_rows(rows, started)
                else:
                    self._graph.add_rows(rows)
                    for statement_id, revoked_at in queries.revoked_statements(conn):
                        self._graph.revoke(statement_id, revoked_at)
                self._graph_seen = self._changes
                self._graph_loaded_at = started - 1.0
            self._graph.set_now(time.time())
            return self._graph

    def find(self, scope: str, *, limit: int = 50) -> list[TrustResult]:
        """Who I can rely on for `scope`, strongest first, each with the paths that explain it."""
        with self._graph_lock:
            return trust.find(self.trust_graph(), self.did, normalise_scope(scope), limit=limit)

    def why(self, did: str, scope: str | None = None) -> list[TrustResult]:
        """How I reach `did`, per scope (all paths behind what I see)."""
        scope = normalise_scope(scope) if scope else None
        with self._graph_lock:
            return trust.why(self.trust_graph(), self.did, did, scope)

    def opinions(self, did: str, scope: str | None = None) -> list[Opinion]:
        """What the people I rely on say about `did`."""
        scope = normalise_scope(scope) if scope else None
        with self._graph_lock:
            return trust.opinions(self.trust_graph(), self.did, did, scope)

    # -- settings kept in the store ---------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        value = queries.get_setting(self._database.conn, key)
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        with self._database.transaction() as conn:
            queries.set_setting(conn, key, value)


def _record(statement: creds.Statement, document: str, audience: Audience, me: str) -> Endorsement:
    return statement_record(statement, document, audience, me)


def verify_document(data: bytes | str) -> VerificationReport:
    """Check a credential or bundle without a wallet (`vouch verify`)."""
    return verify_any(data)
