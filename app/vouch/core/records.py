"""The plain, frozen records that the core hands to the facade, the CLI and the GUI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum, StrEnum

# What a slow call (an import, a sync) takes from its caller: it reports how far it got and
# asks whether to stop, between batches.
Progress = Callable[[int, int], None]  # (done, total)
Cancelled = Callable[[], bool]  # True once the person asked to stop

MAX_PETNAME_CHARS = 80  # a contact's name, as typed or as suggested by a card or a link


class Level(IntEnum):
    """How much the endorser relies on the subject for the scope: a reward scale, not stars."""

    SMALL_THINGS = 1
    MOST_THINGS = 2
    STRONGLY = 3
    COMPLETELY = 4

    @property
    def words(self) -> str:
        return LEVEL_WORDS[self]

    @classmethod
    def parse(cls, value: object) -> Level:
        """A level from 1..4, a name (`strongly`) or its words (`for most things`)."""
        if isinstance(value, Level):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        text = str(value).strip().lower().replace("_", " ").replace("-", " ")
        if text.isdigit():
            return cls(int(text))
        for level, words in LEVEL_WORDS.items():
            if text in (words, level.name.lower().replace("_", " ")):
                return level
        raise ValueError(f"unknown level {value!r}")


LEVEL_WORDS: dict[Level, str] = {
    Level.SMALL_THINGS: "for small things",
    Level.MOST_THINGS: "for most things",
    Level.STRONGLY: "strongly",
    Level.COMPLETELY: "completely",
}


class Kind(StrEnum):
    ENDORSEMENT = "endorsement"
    CAUTION = "caution"


class Direction(StrEnum):
    GIVEN = "given"  # I issued it
    RECEIVED = "received"  # it is about me
    OTHERS = "others"  # between other people, learnt from an import or a sync

    @classmethod
    def of(cls, issuer: str, subject: str, me: str) -> Direction:
        """How a statement from `issuer` about `subject` stands to me (given wins over received)."""
        if issuer == me:
            return cls.GIVEN
        return cls.RECEIVED if subject == me else cls.OTHERS


class Status(StrEnum):
    VALID = "valid"
    NOT_YET_VALID = "not yet valid"
    EXPIRED = "expired"
    REVOKED = "revoked"


class Audience(StrEnum):
    """Who an endorsement may travel to in a peer-to-peer sync."""

    PRIVATE = "private"  # never leaves this wallet
    SUBJECT = "subject"  # only the person it is about
    CONTACTS = "contacts"  # the subject and my verified contacts
    ANYONE = "anyone"  # anyone I sync with


class Verification(StrEnum):
    """How I know a contact's did:key really is theirs."""

    NONE = ""  # not verified: a name I gave a did
    IN_PERSON = "in-person"  # safety code or pairing digits compared face to face or by voice
    CODE = "code"  # met through a wormhole code we shared (the code was the comparison)


@dataclass(frozen=True)
class Contact:
    did: str
    petname: str
    verified: bool = False
    note: str = ""
    added_at: datetime | None = None
    verified_by: Verification | None = None  # None with `verified`: in person

    @property
    def verification(self) -> Verification:
        """How this contact was verified (`NONE` when not at all)."""
        if not self.verified:
            return Verification.NONE
        return self.verified_by or Verification.IN_PERSON


@dataclass(frozen=True)
class Endorsement:
    """One endorsement or caution, with the verbatim signed document it came from."""

    id: str
    kind: Kind
    issuer: str
    subject: str
    scope: str
    level: Level | None  # None for a caution: a caution is never a number
    comment: str
    reason: str  # a caution's written reason; empty for an endorsement
    valid_from: datetime
    valid_until: datetime
    direction: Direction
    audience: Audience
    document: str = field(repr=False)
    revoked_at: datetime | None = None
    revocation_reason: str = ""

    def status(self, now: datetime) -> Status:
        if self.revoked_at is not None and self.revoked_at <= now:
            return Status.REVOKED
        if now < self.valid_from:
            return Status.NOT_YET_VALID
        if now >= self.valid_until:
            return Status.EXPIRED
        return Status.VALID


@dataclass(frozen=True)
class Revocation:
    id: str
    issuer: str
    target_id: str
    reason: str
    effective: datetime
    document: str = field(repr=False)


@dataclass(frozen=True)
class InvalidItem:
    """An item of a bundle that was refused, and why."""

    index: int
    item_id: str  # the credential's `id` when it could be read, else ""
    reason: str


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do, shown to the user before anything is stored."""

    presenter: str | None  # the did:key that signed the bundle, if any
    new: tuple[Endorsement, ...]
    duplicates: int
    revocations: tuple[Revocation, ...]  # new revocations of endorsements known or in the bundle
    invalid: tuple[InvalidItem, ...]
    issuers: tuple[str, ...]  # distinct issuers of the new items

    @property
    def is_empty(self) -> bool:
        return not self.new and not self.revocations


@dataclass(frozen=True)
class ImportResult:
    added: int
    duplicates: int
    revocations_applied: int
    invalid: tuple[InvalidItem, ...]


@dataclass(frozen=True)
class EndorsementFilter:
    """What the endorsement list shows. Empty fields match everything."""

    direction: Direction | None = None
    person: str | None = None  # a did that is issuer or subject
    scope: str | None = None  # exact scope, or a parent scope prefix
    level: Level | None = None
    kind: Kind | None = None
    status: Status | None = None
    text: str = ""  # free text over petnames, scope and comment


@dataclass(frozen=True)
class VerificationReport:
    """What `vouch verify` found: does the proof hold, and is it a Vouch statement."""

    kind: str  # "endorsement", "caution", "revocation", "bundle", "credential"
    proof_valid: bool
    statement_valid: bool
    reason: str  # empty when everything holds
    issuer: str = ""
    items: int = 0


@dataclass(frozen=True)
class DeviceInfo:
    """One of the devices that hold this wallet, as this device knows it."""

    device_id: str
    name: str
    this_device: bool
    last_sync: datetime | None = None  # the last sync between this device and that one
