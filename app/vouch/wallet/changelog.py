"""Writing and applying change records inside the wallet's own transactions.

Every use case that changes mutable state that travels between my devices (a contact, who may
see a statement, a setting that travels, a device's name) writes its change record in the same
transaction as the change itself, so the two never disagree. Records that arrive from another
of my devices are merged here and applied to the tables they describe.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Any

from sqlcipher3 import Connection

from vouch.core.changes import (
    MAX_DEVICE_NAME_CHARS,
    Change,
    HybridClock,
    check_change,
    encode_value,
)
from vouch.core.errors import InvalidDid, InvalidInput
from vouch.core.identity import Identity, public_key_from_did
from vouch.core.records import MAX_PETNAME_CHARS, Audience, Contact, Verification
from vouch.core.recovery import envelope as envelopes
from vouch.core.recovery.errors import InvalidShare
from vouch.core.store import changes as store
from vouch.core.store import queries, recovery_queries

DEVICE_ID_SETTING = "device.id"
CLOCK_SETTING = "device.clock"
# Wallet settings that mean the same on every device (a folder path, say, does not).
TRAVELLING_SETTINGS = frozenset({"recovery_phrase_confirmed"})


def wall_ms() -> int:
    return int(time.time() * 1000)


def device_id(conn: Connection) -> str:
    """This device's id, made on first use (a restored backup gets a new one)."""
    current = queries.get_setting(conn, DEVICE_ID_SETTING)
    if current is None:
        current = secrets.token_hex(16)
        queries.set_setting(conn, DEVICE_ID_SETTING, current)
    return current


def new_device_id(conn: Connection) -> str:
    """Give this copy of the wallet an id of its own (after a restore: the original lives on)."""
    fresh = secrets.token_hex(16)
    queries.set_setting(conn, DEVICE_ID_SETTING, fresh)
    return fresh


def _clock(conn: Connection) -> HybridClock:
    return HybridClock(int(queries.get_setting(conn, CLOCK_SETTING) or 0), wall_ms)


def record_change(conn: Connection, key: str, value: Any) -> Change:
    """Stamp a local change of `key` (None: removed) and keep it as the newest."""
    clock = _clock(conn)
    change = Change(key, encode_value(value), clock.tick(), device_id(conn))
    queries.set_setting(conn, CLOCK_SETTING, str(clock.last))
    store.put_change(conn, change)
    return change


def contact_key(did: str) -> str:
    return f"contact/{did}"


def contact_value(contact: Contact) -> dict[str, Any]:
    return {
        "petname": contact.petname,
        "verified": contact.verified,
        "verified_by": contact.verification.value,
        "note": contact.note,
    }


def audience_key(issuer: str, statement_id: str) -> str:
    return f"audience/{issuer}/{statement_id}"


def device_name_key(device: str) -> str:
    return f"device/{device}/name"


def share_key(owner: str, split_id: str) -> str:
    """A recovery share kept for `owner`: every device of a guardian keeps it."""
    return f"share/{owner}/{split_id}"


def backfill(conn: Connection, me: str) -> int:
    """Give records to state that has none yet (kept by a version before change records)."""
    made = 0
    for did in store.contacts_without_records(conn):
        contact = queries.get_contact(conn, did)
        if contact is not None:
            record_change(conn, contact_key(did), contact_value(contact))
            made += 1
    for issuer, statement_id, audience in store.audiences_without_records(conn, me):
        record_change(conn, audience_key(issuer, statement_id), audience)
        made += 1
    for owner, split_id, _threshold, _received in recovery_queries.held_shares(conn):
        key = share_key(owner, split_id)
        kept = recovery_queries.held_envelope(conn, owner, split_id)
        if kept is not None and store.get_change(conn, key) is None:
            record_change(conn, key, kept)
            made += 1
    for name in TRAVELLING_SETTINGS:
        value = queries.get_setting(conn, name)
        if value is not None and store.get_change(conn, f"setting/{name}") is None:
            record_change(conn, f"setting/{name}", value)
            made += 1
    return made


@dataclass(frozen=True)
class MergeResult:
    """What merging another device's records did here."""

    applied: int = 0  # records that won and were applied
    kept: int = 0  # records older than (or the same as) what this device holds
    invalid: tuple[str, ...] = ()


def merge_changes(conn: Connection, incoming: list[Change], me: Identity) -> MergeResult:
    """Merge records from another of my devices, last writer wins, and apply the winners."""
    clock = _clock(conn)
    applied = kept = 0
    invalid: list[str] = []
    for change in incoming:
        try:
            check_change(change, wall_ms())
            if not change.wins_over(store.get_change(conn, change.key)):
                kept += 1
                continue
            _apply(conn, change, me)
        except InvalidInput as exc:
            invalid.append(exc.message)
            continue
        store.put_change(conn, change)
        clock.observe(change.clock)
        applied += 1
    queries.set_setting(conn, CLOCK_SETTING, str(clock.last))
    store.apply_audience_changes(conn)
    return MergeResult(applied, kept, tuple(invalid))


def _apply(conn: Connection, change: Change, me: Identity) -> None:
    """Make the tables say what a winning record says (raises InvalidInput on nonsense)."""
    kind, _, rest = change.key.partition("/")
    if kind == "contact":
        _apply_contact(conn, rest, change.decoded(), me.did)
    elif kind == "share":
        _apply_share(conn, rest, change.decoded(), me)
    elif kind == "setting":
        if rest not in TRAVELLING_SETTINGS or not isinstance(change.decoded(), str):
            raise InvalidInput("A change record names a setting that does not travel.")
        queries.set_setting(conn, rest, change.decoded())
    elif kind == "audience":
        _check_audience(change.decoded())
    elif kind == "device":
        _check_device_name(rest, change.decoded())


def _apply_contact(conn: Connection, did: str, value: Any, me: str) -> None:
    try:
        public_key_from_did(did)
    except InvalidDid:
        raise InvalidInput("A contact change names no valid did:key.") from None
    if did == me:
        raise InvalidInput("A contact change names this wallet's own identity.")
    if value is None:
        queries.delete_contact(conn, did)
        return
    if not isinstance(value, dict):
        raise InvalidInput("A contact change is not a contact.")
    petname, note = value.get("petname"), value.get("note", "")
    verified, how = value.get("verified"), value.get("verified_by", "")
    if not isinstance(petname, str) or not 0 < len(petname.strip()) <= MAX_PETNAME_CHARS:
        raise InvalidInput("A contact change has no valid name.")
    if not isinstance(note, str) or not isinstance(verified, bool) or not isinstance(how, str):
        raise InvalidInput("A contact change is malformed.")
    try:
        verification = Verification(how) if how else None
    except ValueError:
        raise InvalidInput("A contact change says it was verified in an unknown way.") from None
    contact = Contact(did, petname.strip(), verified, note, verified_by=verification)
    queries.upsert_contact(conn, contact)


def _apply_share(conn: Connection, rest: str, value: Any, me: Identity) -> None:
    """Keep a share another of my devices keeps: it must open with this wallet's key."""
    owner, _, split_id = rest.rpartition("/")
    if not isinstance(value, str):
        raise InvalidInput("A recovery share change holds no share.")
    try:
        envelope = envelopes.read_envelope(value.encode("utf-8"))
        if (envelope.owner, envelope.split) != (owner, split_id) or envelope.owner == me.did:
            raise InvalidShare("The share does not match its record.")
        envelopes.open_envelope(envelope, me)
    except InvalidShare as exc:
        raise InvalidInput(f"A recovery share change was refused: {exc.message}") from None
    recovery_queries.insert_held_share(
        conn, owner, split_id, envelope.threshold, value, time.time()
    )


def _check_audience(value: Any) -> None:
    try:
        Audience(value)
    except ValueError:
        raise InvalidInput("An audience change names an unknown audience.") from None


def _check_device_name(rest: str, value: Any) -> None:
    _device, _, field = rest.partition("/")
    if field != "name" or not isinstance(value, str) or not 0 < len(value) <= MAX_DEVICE_NAME_CHARS:
        raise InvalidInput("A device change is malformed.")
