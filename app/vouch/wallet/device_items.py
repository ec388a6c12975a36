"""What a sync between two of my devices carries besides statements.

Two kinds of small JSON documents travel as sync items, only between devices of one wallet:
a *change record* (`VouchChange`: one key of mutable state, its value, clock and device) and a
*device note* (`VouchDevice`: which device is at the other end, and its name, with a fresh
nonce so that it is sent at every sync and tells the other side when it last synced). A peer
with another did never receives them, and whatever such a peer sends of these kinds is refused.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Any, Protocol

from vouch.core.canonical import canonicalize
from vouch.core.changes import Change, clock_to_ms
from vouch.core.errors import InvalidInput
from vouch.exchange.importing import document_hash
from vouch.exchange.p2p.store import SyncItem
from vouch.wallet.changelog import MergeResult

CHANGE_TYPE = "VouchChange"
DEVICE_TYPE = "VouchDevice"
_KINDS = (CHANGE_TYPE, DEVICE_TYPE)


class DeviceWallet(Protocol):
    @property
    def device_id(self) -> str: ...

    def device_name(self) -> str: ...

    def change_records(self) -> list[Change]: ...

    def merge_device_changes(self, incoming: list[Change]) -> MergeResult: ...

    def note_device_sync(self, device: str, name: str | None = None) -> None: ...


@dataclass(frozen=True)
class DeviceItemsSummary:
    added: int = 0
    duplicates: int = 0
    reasons: tuple[str, ...] = ()


def change_document(change: Change) -> bytes:
    return canonicalize(
        {
            "type": CHANGE_TYPE,
            "key": change.key,
            "value": change.value,
            "clock": str(change.clock),  # beyond JSON's safe integers: a decimal string
            "device": change.device,
        }
    )


def items_for_my_device(wallet: DeviceWallet) -> list[SyncItem]:
    """Every change record, and a note saying which device this is."""
    items = []
    for change in wallet.change_records():
        data = change_document(change)
        items.append(SyncItem(document_hash(data), clock_to_ms(change.clock) // 1000, data))
    note = {
        "type": DEVICE_TYPE,
        "device": wallet.device_id,
        "name": wallet.device_name(),
        "nonce": secrets.token_hex(16),
    }
    data = canonicalize(note)
    items.append(SyncItem(document_hash(data), int(time.time()), data))
    return items


def is_device_item(document: Any) -> bool:
    return isinstance(document, dict) and document.get("type") in _KINDS


def split_device_items(documents: list[Any]) -> tuple[list[Any], list[Any]]:
    """(statements and revocations, device items) of a received batch."""
    return [d for d in documents if not is_device_item(d)], [
        d for d in documents if is_device_item(d)
    ]


def apply_device_items(
    wallet: DeviceWallet, items: list[Any], *, from_my_device: bool
) -> DeviceItemsSummary:
    """Merge the change records and note the device (after the batch's statements are stored,
    so that an audience record finds the statement it names)."""
    if not from_my_device:
        if not items:
            return DeviceItemsSummary()
        refused = "Only devices of this wallet may send change records; refused."
        return DeviceItemsSummary(reasons=(refused,) * len(items))
    changes: list[Change] = []
    reasons: list[str] = []
    for document in items:
        try:
            if document["type"] == CHANGE_TYPE:
                changes.append(_change(document))
            else:
                wallet.note_device_sync(_text(document, "device"), _text(document, "name"))
        except InvalidInput as exc:
            reasons.append(exc.message)
    merged = wallet.merge_device_changes(changes)  # also when empty: audiences of new rows
    return DeviceItemsSummary(merged.applied, merged.kept, (*reasons, *merged.invalid))


def _change(document: dict[str, Any]) -> Change:
    value, clock = document.get("value"), document.get("clock")
    if value is not None and not isinstance(value, str):
        raise InvalidInput("A change record's value is malformed.")
    if not isinstance(clock, str) or not clock.isascii() or not clock.isdigit() or len(clock) > 19:
        raise InvalidInput("A change record's clock is malformed.")
    return Change(_text(document, "key"), value, int(clock), _text(document, "device"))


def _text(document: dict[str, Any], field: str) -> str:
    value = document.get(field)
    if not isinstance(value, str):
        raise InvalidInput(f"A device item has no valid {field}.")
    return value
