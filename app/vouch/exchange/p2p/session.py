"""The sync session: reconciliation, then fetching what is missing. A state machine with no I/O.

Feed it each message from the peer; it returns the messages to send and the documents that
arrived (which the driver hands to the store, one batch per transaction). Message types:

- RECON: a reconciliation message (see `reconcile`);
- WANT: ids we lack, sent as soon as reconciliation reveals them;
- ITEMS: documents answering a WANT, in batches;
- DONE: "my reconciliation is over and I have answered every WANT you sent".

Ordering makes DONE safe: a side sends WANTs before the reconciliation message that follows the
discovery, so by the time a side's reconciliation ends it has received every WANT the peer will
ever send, and it answers them before its DONE. The session ends when DONE went both ways.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

from vouch.exchange.p2p.errors import ProtocolViolation
from vouch.exchange.p2p.reconcile import ID_BYTES, Reconciler, ReconConfig
from vouch.exchange.p2p.store import SyncItem
from vouch.exchange.p2p.wire import Reader, encode_varint

MAX_DOCUMENT_BYTES = 256 * 1024


class MessageType(IntEnum):
    RECON = 1
    WANT = 2
    ITEMS = 3
    DONE = 4


class SessionPhase(StrEnum):
    RECONCILING = "reconciling"
    TRANSFERRING = "transferring"
    FINISHED = "finished"


@dataclass(frozen=True)
class SessionConfig:
    recon: ReconConfig = field(default_factory=ReconConfig)
    batch_max_items: int = 200
    batch_max_bytes: int = 512 * 1024
    max_want_ids: int = 16 * 1024  # per WANT message
    max_recon_messages: int = 2000  # a peer that never converges is dropped

    def __post_init__(self) -> None:
        if self.batch_max_items < 1 or self.batch_max_bytes < MAX_DOCUMENT_BYTES:
            raise ValueError("invalid batch limits")


@dataclass(frozen=True)
class SessionStep:
    outgoing: tuple[bytes, ...] = ()
    documents: tuple[bytes, ...] = ()  # verified to match requested ids; the store checks the rest


class SyncSession:
    """One side of a sync over the items this side may send to the peer."""

    def __init__(
        self,
        items: Sequence[SyncItem],
        *,
        initiator: bool,
        config: SessionConfig | None = None,
    ) -> None:
        self.config = config or SessionConfig()
        self.initiator = initiator
        self._offer = {
            item.item_id: item.document
            for item in items
            if len(item.document) <= MAX_DOCUMENT_BYTES
        }
        self._recon = Reconciler(
            ((item.timestamp, item.item_id) for item in items if item.item_id in self._offer),
            self.config.recon,
        )
        self._wanted: set[bytes] = set()  # requested, not yet received
        self._sent_done = False
        self._received_done = False
        self._started = False
        self.items_sent = 0
        self.items_received = 0
        self.items_requested = 0
        self.unknown_requests = 0

    # -- state ----------------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self._sent_done and self._received_done

    @property
    def phase(self) -> SessionPhase:
        if self.finished:
            return SessionPhase.FINISHED
        if self._recon.done:
            return SessionPhase.TRANSFERRING
        return SessionPhase.RECONCILING

    @property
    def round_trips(self) -> int:
        """Reconciliation round trips: messages in both directions, halved and rounded up."""
        total = self._recon.messages_sent + self._recon.messages_received
        return (total + 1) // 2

    @property
    def missing(self) -> int:
        """Items we asked for and did not get (the peer may have lost them since)."""
        return len(self._wanted)

    # -- transitions ----------------------------------------------------------------------

    def start(self) -> SessionStep:
        if self._started:
            raise RuntimeError("the session was already started")
        self._started = True
        if not self.initiator:
            return SessionStep()
        return SessionStep(outgoing=(_frame(MessageType.RECON, self._recon.initiate()),))

    def receive(self, message: bytes) -> SessionStep:
        if not self._started:
            raise RuntimeError("start() the session first")
        if not message:
            raise ProtocolViolation("An empty sync message arrived.")
        if self._received_done:
            raise ProtocolViolation("A sync message arrived after the other side finished.")
        kind, body = message[0], message[1:]
        if kind == MessageType.RECON:
            return self._on_recon(body)
        if kind == MessageType.WANT:
            return SessionStep(outgoing=self._on_want(body))
        if kind == MessageType.ITEMS:
            return SessionStep(documents=self._on_items(body))
        if kind == MessageType.DONE and not body:
            return self._on_done()
        raise ProtocolViolation(f"Unknown sync message type {kind}.")

    def _on_recon(self, body: bytes) -> SessionStep:
        if self._recon.done:
            raise ProtocolViolation("A reconciliation message arrived after the end.")
        if self._recon.messages_received >= self.config.max_recon_messages:
            raise ProtocolViolation("The reconciliation does not converge.")
        step = self._recon.receive(body)
        outgoing: list[bytes] = []
        new = [item_id for item_id in step.needs if item_id not in self._wanted]
        for start in range(0, len(new), self.config.max_want_ids):
            chunk = new[start : start + self.config.max_want_ids]
            outgoing.append(_frame(MessageType.WANT, b"".join(chunk)))
        self._wanted.update(new)
        self.items_requested += len(new)
        if step.reply is not None:
            outgoing.append(_frame(MessageType.RECON, step.reply))
        if self._recon.done:
            outgoing.append(self._done())
        return SessionStep(outgoing=tuple(outgoing))

    def _on_want(self, body: bytes) -> tuple[bytes, ...]:
        if len(body) % ID_BYTES or len(body) > self.config.max_want_ids * ID_BYTES:
            raise ProtocolViolation("A request for items is malformed.")
        if self._sent_done:
            raise ProtocolViolation("A request for items arrived after this side finished.")
        batches: list[bytes] = []
        batch = bytearray()
        count = 0
        for start in range(0, len(body), ID_BYTES):
            document = self._offer.pop(body[start : start + ID_BYTES], None)
            if document is None:  # not ours to give, or already sent once
                self.unknown_requests += 1
                continue
            entry = encode_varint(len(document)) + document
            if count and (
                count >= self.config.batch_max_items
                or len(batch) + len(entry) > self.config.batch_max_bytes
            ):
                batches.append(_frame(MessageType.ITEMS, bytes(batch)))
                batch, count = bytearray(), 0
            batch += entry
            count += 1
            self.items_sent += 1
        if count:
            batches.append(_frame(MessageType.ITEMS, bytes(batch)))
        return tuple(batches)

    def _on_items(self, body: bytes) -> tuple[bytes, ...]:
        reader = Reader(body)
        documents: list[bytes] = []
        while not reader.at_end:
            length = reader.varint()
            if length > MAX_DOCUMENT_BYTES:
                raise ProtocolViolation("A received document is too large.")
            document = reader.take(length)
            item_id = hashlib.sha256(document).digest()
            if item_id not in self._wanted:
                raise ProtocolViolation("The other wallet sent a document that was not requested.")
            self._wanted.discard(item_id)
            documents.append(document)
        if not documents:
            raise ProtocolViolation("An empty batch of items arrived.")
        self.items_received += len(documents)
        return tuple(documents)

    def _on_done(self) -> SessionStep:
        if not self._recon.done:
            raise ProtocolViolation("The other side finished before the reconciliation did.")
        self._received_done = True
        return SessionStep()

    def _done(self) -> bytes:
        self._sent_done = True
        return _frame(MessageType.DONE, b"")


def _frame(kind: MessageType, body: bytes) -> bytes:
    return bytes([kind]) + body
