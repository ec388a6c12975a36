"""Contacts: the people I know by a name of my choosing, and whether I verified them."""

from __future__ import annotations

from vouch.core.errors import InvalidInput, NotFound
from vouch.core.identity import public_key_from_did, short_did
from vouch.core.records import MAX_PETNAME_CHARS, Contact, Verification
from vouch.core.store import queries
from vouch.wallet import changelog
from vouch.wallet.core import WalletCore, serialised


class ContactUseCases(WalletCore):
    @serialised
    def add_contact(
        self,
        did: str,
        petname: str,
        *,
        verified: bool = False,
        note: str = "",
        verified_by: Verification | None = None,
    ) -> Contact:
        """Add or rename a contact. `verified_by` says how (in person when not said)."""
        did = did.strip()
        public_key_from_did(did)
        if did == self.did:
            raise InvalidInput("That is your own identity.")
        petname = petname.strip()
        if not petname or len(petname) > MAX_PETNAME_CHARS:
            raise InvalidInput(f"A contact needs a name of 1 to {MAX_PETNAME_CHARS} characters.")
        contact = Contact(did, petname, verified, note.strip(), verified_by=verified_by)
        with self._database.transaction() as conn:
            queries.upsert_contact(conn, contact)
            stored = queries.get_contact(conn, did)
            assert stored is not None
            changelog.record_change(
                conn, changelog.contact_key(did), changelog.contact_value(stored)
            )
        return stored

    @serialised
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
        kept = verified is None or verified == current.verified
        return self.add_contact(
            did,
            petname if petname is not None else current.petname,
            verified=current.verified if verified is None else verified,
            note=current.note if note is None else note,
            verified_by=current.verified_by if kept else None,
        )

    @serialised
    def remove_contact(self, did: str) -> None:
        with self._database.transaction() as conn:
            if not queries.delete_contact(conn, did):
                raise NotFound("No such contact.")
            changelog.record_change(conn, changelog.contact_key(did), None)

    @serialised
    def contacts(self) -> list[Contact]:
        return queries.list_contacts(self._database.conn)

    @serialised
    def contact(self, did: str) -> Contact | None:
        return queries.get_contact(self._database.conn, did)

    @serialised
    def display_name(self, did: str) -> str:
        """'me', the petname, or a shortened did."""
        if did == self.did:
            return "me"
        contact = self.contact(did)
        return contact.petname if contact else short_did(did)

    @serialised
    def petnames(self) -> dict[str, str]:
        return queries.petnames(self._database.conn)
