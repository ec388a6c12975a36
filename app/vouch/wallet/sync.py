"""The wallet side of a peer-to-peer sync: audience rules and storing what arrives.

`WalletSyncStore` implements the p2p layer's `SyncStore` protocol over an open `Wallet`
(anything with the few use cases of `SyncWallet`). A peer whose did is this wallet's own is
another of my devices (the channel proved it holds the identity key): it gets everything,
private statements included, and the change records of the wallet's mutable state
(`device_items`); what it sends back is merged. Nobody else can send or receive those.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Protocol

from vouch.core.canonical import parse_strict
from vouch.core.changes import Change
from vouch.core.errors import InvalidBundle
from vouch.core.identity import Identity
from vouch.core.records import (
    Audience,
    Contact,
    Endorsement,
    EndorsementFilter,
    ImportPreview,
    ImportResult,
    Verification,
)
from vouch.exchange.importing import document_hash
from vouch.exchange.p2p.store import ReceiveSummary, SyncItem
from vouch.wallet import device_items
from vouch.wallet.changelog import MergeResult


class SyncWallet(Protocol):
    """The use cases of `Wallet` that a sync needs."""

    @property
    def identity(self) -> Identity: ...

    def contact(self, did: str) -> Contact | None: ...

    def add_contact(
        self,
        did: str,
        petname: str,
        *,
        verified: bool = False,
        note: str = "",
        verified_by: Verification | None = None,
    ) -> Contact: ...

    def endorsements(self, flt: EndorsementFilter | None = None) -> list[Endorsement]: ...

    def revocations_for(self, statements: Iterable[Endorsement]) -> list[str]: ...

    def preview_documents(
        self, documents: list[Any], *, presenter: str | None = None
    ) -> ImportPreview: ...

    def apply_import(self, preview: ImportPreview) -> ImportResult: ...

    @property
    def device_id(self) -> str: ...

    def device_name(self) -> str: ...

    def change_records(self) -> list[Change]: ...

    def merge_device_changes(self, incoming: list[Change]) -> MergeResult: ...

    def note_device_sync(self, device: str, name: str | None = None) -> None: ...


def may_share(audience: Audience, subject: str, peer: str, peer_is_verified: bool) -> bool:
    """The audience rule: may an item about `subject` travel to `peer`?"""
    if audience is Audience.ANYONE:
        return True
    if audience is Audience.CONTACTS:
        return peer == subject or peer_is_verified
    if audience is Audience.SUBJECT:
        return peer == subject
    return False


class WalletSyncStore:
    """Adapts an unlocked `Wallet` to what a sync session needs."""

    def __init__(self, wallet: SyncWallet) -> None:
        self._wallet = wallet

    @property
    def identity(self) -> Identity:
        return self._wallet.identity

    def is_verified_peer(self, did: str) -> bool:
        if did == self._wallet.identity.did:
            return True  # another of my devices: it proved it holds my identity key
        contact = self._wallet.contact(did)
        return contact is not None and contact.verified

    def remember_paired_peer(self, did: str) -> None:
        """Verified in person: the two compared the pairing digits."""
        self._remember(did, Verification.IN_PERSON, "Paired")

    def remember_code_peer(self, did: str) -> None:
        """Verified by a wormhole code the two shared (the code was the comparison)."""
        self._remember(did, Verification.CODE, "Met by code")

    def _remember(self, did: str, how: Verification, label: str) -> None:
        if did == self._wallet.identity.did:
            return  # my own device is not a contact
        contact: Contact | None = self._wallet.contact(did)
        if contact is not None and contact.verification is Verification.IN_PERSON:
            how = Verification.IN_PERSON  # a shared code never downgrades a face-to-face check
        name = contact.petname if contact else f"{label} {did[-6:]}"
        note = contact.note if contact else ""
        self._wallet.add_contact(did, name, verified=True, note=note, verified_by=how)

    def _is_me(self, did: str) -> bool:
        return did == self._wallet.identity.did

    def items_for_peer(self, peer_did: str) -> list[SyncItem]:
        mine = self._is_me(peer_did)
        verified = self.is_verified_peer(peer_did)
        items: list[SyncItem] = []
        shared: list[Endorsement] = []
        for record in self._wallet.endorsements(EndorsementFilter()):
            if not mine and not may_share(record.audience, record.subject, peer_did, verified):
                continue
            data = record.document.encode("utf-8")
            stamp = int(record.valid_from.timestamp())
            items.append(SyncItem(document_hash(data), stamp, data))
            shared.append(record)
        for document in self._wallet.revocations_for(shared):
            data = document.encode("utf-8")
            stamp = _valid_from(document)
            items.append(SyncItem(document_hash(data), stamp, data))
        if mine:
            items += device_items.items_for_my_device(self._wallet)
        return items

    def receive_documents(self, peer_did: str, documents: list[bytes]) -> ReceiveSummary:
        parsed: list[Any] = []
        reasons: list[str] = []
        for data in documents:
            try:
                parsed.append(parse_strict(data, what="item"))
            except InvalidBundle as exc:
                reasons.append(exc.message)
        parsed, received_device_items = device_items.split_device_items(parsed)
        preview = self._wallet.preview_documents(parsed, presenter=peer_did)
        result = self._wallet.apply_import(preview)
        reasons += [item.reason for item in preview.invalid]
        device_summary = device_items.apply_device_items(
            self._wallet, received_device_items, from_my_device=self._is_me(peer_did)
        )
        reasons += device_summary.reasons
        return ReceiveSummary(
            added=result.added + result.revocations_applied + device_summary.added,
            duplicates=result.duplicates + device_summary.duplicates,
            invalid=len(reasons),
            reasons=tuple(reasons[:50]),
            revocations=result.revocations_applied,
        )


def _valid_from(document: str) -> int:
    from vouch.core.dataintegrity import parse_datetime

    return int(parse_datetime(json.loads(document)["validFrom"], "validFrom").timestamp())
