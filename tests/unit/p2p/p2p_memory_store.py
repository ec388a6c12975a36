"""An in-memory `SyncStore` for the p2p tests: same contract as the wallet's, no database."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from vouch.core.identity import Identity
from vouch.exchange.p2p.store import ReceiveSummary, SyncItem


def make_document(number: int, timestamp: int, audience: str = "public") -> bytes:
    return json.dumps({"n": number, "validFrom": timestamp, "audience": audience}).encode()


def item_for(document: bytes) -> SyncItem:
    parsed = json.loads(document)
    return SyncItem(hashlib.sha256(document).digest(), int(parsed["validFrom"]), document)


@dataclass
class MemoryStore:
    """Documents by id; "private" documents go only to `close_friends`; batches are atomic."""

    identity: Identity = field(default_factory=Identity.generate)
    documents: dict[bytes, bytes] = field(default_factory=dict)
    verified: set[str] = field(default_factory=set)
    close_friends: set[str] = field(default_factory=set)
    batches: list[int] = field(default_factory=list)
    calls_for_items: list[str] = field(default_factory=list)

    def add(self, *documents: bytes) -> None:
        for document in documents:
            self.documents[hashlib.sha256(document).digest()] = document

    def is_verified_peer(self, did: str) -> bool:
        return did in self.verified

    def remember_paired_peer(self, did: str) -> None:
        self.verified.add(did)

    def items_for_peer(self, peer_did: str) -> list[SyncItem]:
        self.calls_for_items.append(peer_did)
        items = [item_for(doc) for doc in self.documents.values()]
        if peer_did in self.close_friends:
            return items
        return [item for item in items if b'"private"' not in item.document]

    def receive_documents(self, peer_did: str, documents: list[bytes]) -> ReceiveSummary:
        staged: dict[bytes, bytes] = {}
        duplicates = invalid = 0
        reasons: list[str] = []
        for document in documents:
            try:
                item_for(document)
            except (ValueError, KeyError, TypeError):
                invalid += 1
                reasons.append("not a document")
                continue
            item_id = hashlib.sha256(document).digest()
            if item_id in self.documents or item_id in staged:
                duplicates += 1
            else:
                staged[item_id] = document
        self.documents.update(staged)  # the whole batch at once, like one transaction
        self.batches.append(len(documents))
        return ReceiveSummary(len(staged), duplicates, invalid, tuple(reasons))
