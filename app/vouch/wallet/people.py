"""People as a person names them: a petname, a unique did prefix, or the full did."""

from __future__ import annotations

from vouch.core.errors import InvalidDid, InvalidInput, NotFound
from vouch.core.identity import public_key_from_did
from vouch.wallet.contacts import ContactUseCases
from vouch.wallet.core import serialised

DID_PREFIX = "did:key:"
MIN_PREFIX_CHARS = 4  # after "did:key:": shorter fragments match too much to mean anyone


class PeopleUseCases(ContactUseCases):
    @serialised
    def resolve_person(self, text: str) -> str:
        """The did meant by `text`: a full did:key, a contact's name, or a unique did prefix.

        A name or prefix that fits several people is an `InvalidInput` naming them all; one that
        fits nobody is a `NotFound` that says what was looked for.
        """
        typed = text.strip()
        if typed.startswith(DID_PREFIX) and _is_full_did(typed):
            return typed
        contacts = self.contacts()
        named = [c for c in contacts if c.petname.casefold() == typed.casefold()]
        if len(named) == 1:
            return named[0].did
        if len(named) > 1:
            raise InvalidInput(_ambiguous(typed, [f"{c.petname} ({c.did})" for c in named]))
        fragment = typed.removeprefix(DID_PREFIX)
        if len(fragment) >= MIN_PREFIX_CHARS:
            found = [c for c in contacts if c.did.removeprefix(DID_PREFIX).startswith(fragment)]
            if len(found) == 1:
                return found[0].did
            if found:
                raise InvalidInput(_ambiguous(typed, [f"{c.petname} ({c.did})" for c in found]))
        raise NotFound(
            f"Nobody called {typed!r}: give a contact's name, the start of their did:key, "
            "or the whole did:key."
        )


def _is_full_did(text: str) -> bool:
    try:
        public_key_from_did(text)
    except InvalidDid:
        return False
    return True


def _ambiguous(typed: str, candidates: list[str]) -> str:
    listed = "; ".join(sorted(candidates)[:10])
    return f"{typed!r} could be any of: {listed}. Say which with more of the did:key."
