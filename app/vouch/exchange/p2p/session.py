"""The sync session: reconciliation, then fetching what is missing. A state machine with no I/O.

Feed it each message from the peer; it returns the messages to send and the documents that
arrived (which the driver hands to the store, one batch per transaction). Message codes (see
`codes`):

- RECON: a reconciliation message (see `reconcile`);
- WANT: ids we lack, sent as soon as reconciliation reveals them;
- ITEMS: documents answering a WANT, in batches;
- DONE: "my reconciliation is over and I have answered every WANT you sent".

Ordering makes DONE safe: a side sends WANTs before the reconciliation message that follows the
discovery, so by the time a side's reconciliation ends it has received every WANT the peer will
ever send, and it answers them before its DONE. The session ends when DONE went both ways.

The phases and the codes each accepts are one table, `_ACCEPTS`:

| phase        | RECON | WANT | ITEMS | DONE |
|--------------|-------|------|-------|------|
| RECONCILING  | yes   | yes  | yes   | -    |
| TRANSFERRING | -     | -    | yes   | yes  |
| FINISHED     | -     | -    | -     | -    |

RECONCILING ends when our reconciliation is over (we send DONE then); TRANSFERRING ends with
the peer's DONE. At most `max_wanted_ids` ids are requested per session: a peer cannot make
this side hold more than that many ids, whatever it lists.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from vouch.exchange.p2p.codes import Code, frame, split
from vouch.exchange.p2p.errors import ProtocolViolation
from vouch.exchange.p2p.reconcile import ID_BYTES, Reconciler, ReconConfig
from vouch.exchange.p2p.store import SyncItem
from vouch.exchange.p2p.wire import Reader, encode_varint

MAX_DOCUMENT_BYTES = 256 * 1024


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
    max_wanted_ids: int = 100_000  # per session; more differences wait for the next sync
    max_recon_messages: int = 2000  # a peer that never converges is dropped

    def __post_init__(self) -> None:
        if self.batch_max_items < 1 or self.batch_max_bytes < MAX_DOCUMENT_BYTES:
            raise ValueError("invalid batch limits")
        if self.max_want_ids < 1 or self.max_wanted_ids < 0:
            raise ValueError("invalid request limits")


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
            need_limit=self.config.max_wanted_ids,
        )
        self._wanted: set[bytes] = set()  # requested, not yet received
        self._started = False
        self.phase = SessionPhase.RECONCILING
        self.items_sent = 0
        self.items_received = 0
        self.items_requested = 0
        self.unknown_requests = 0

    # -- state ----------------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.phase is SessionPhase.FINISHED

    @property
    def round_trips(self) -> int:
        """Reconciliation round trips: messages in both directions, halved and rounded up."""
        total = self._recon.messages_sent + self._recon.messages_received
        return (total + 1) // 2

    @property
    def missing(self) -> int:
        """Items we asked for and did not get (the peer may have lost them since)."""
        return len(self._wanted)

    @property
    def deferred(self) -> int:
        """Ids the peer offered past `max_wanted_ids`: not requested, left for the next sync."""
        return self._recon.needs_dropped

    # -- transitions ----------------------------------------------------------------------

    def start(self) -> SessionStep:
        if self._started:
            raise RuntimeError("the session was already started")
        self._started = True
        if not self.initiator:
            return SessionStep()
        return SessionStep(outgoing=(frame(Code.RECON, self._recon.initiate()),))

    def receive(self, message: bytes) -> SessionStep:
        if not self._started:
            raise RuntimeError("start() the session first")
        code, body = split(message)
        handler = _ACCEPTS[self.phase].get(code)
        if handler is None:
            raise ProtocolViolation(_OUT_OF_TURN.get((self.phase, code), _unexpected(code)))
        return handler(self, body)

    def _on_recon(self, body: bytes) -> SessionStep:
        if self._recon.messages_received >= self.config.max_recon_messages:
            raise ProtocolViolation("The reconciliation does not converge.")
        step = self._recon.receive(body)
        outgoing: list[bytes] = []
        new = [item_id for item_id in step.needs if item_id not in self._wanted]
        for start in range(0, len(new), self.config.max_want_ids):
            chunk = new[start : start + self.config.max_want_ids]
            outgoing.append(frame(Code.WANT, b"".join(chunk)))
        self._wanted.update(new)
        self.items_requested += len(new)
        if step.reply is not None:
            outgoing.append(frame(Code.RECON, step.reply))
        if self._recon.done:
            self.phase = SessionPhase.TRANSFERRING
            outgoing.append(frame(Code.DONE))
        return SessionStep(outgoing=tuple(outgoing))

    def _on_want(self, body: bytes) -> SessionStep:
        if len(body) % ID_BYTES or len(body) > self.config.max_want_ids * ID_BYTES:
            raise ProtocolViolation("A request for items is malformed.")
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
                batches.append(frame(Code.ITEMS, bytes(batch)))
                batch, count = bytearray(), 0
            batch += entry
            count += 1
            self.items_sent += 1
        if count:
            batches.append(frame(Code.ITEMS, bytes(batch)))
        return SessionStep(outgoing=tuple(batches))

    def _on_items(self, body: bytes) -> SessionStep:
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
        return SessionStep(documents=tuple(documents))

    def _on_done(self, body: bytes) -> SessionStep:
        self.phase = SessionPhase.FINISHED
        return SessionStep()


_Handler = Callable[[SyncSession, bytes], SessionStep]

# phase -> message code -> handler; a code missing from a phase's row is a protocol violation.
_ACCEPTS: dict[SessionPhase, dict[Code, _Handler]] = {
    SessionPhase.RECONCILING: {
        Code.RECON: SyncSession._on_recon,
        Code.WANT: SyncSession._on_want,
        Code.ITEMS: SyncSession._on_items,
    },
    SessionPhase.TRANSFERRING: {
        Code.ITEMS: SyncSession._on_items,
        Code.DONE: SyncSession._on_done,
    },
    SessionPhase.FINISHED: {},
}

_OUT_OF_TURN = {
    (SessionPhase.RECONCILING, Code.DONE): (
        "The other side finished before the reconciliation did."
    ),
    (SessionPhase.TRANSFERRING, Code.RECON): "A reconciliation message arrived after the end.",
    (SessionPhase.TRANSFERRING, Code.WANT): (
        "A request for items arrived after this side finished."
    ),
}


def _unexpected(code: Code) -> str:
    if code in (Code.RECON, Code.WANT, Code.ITEMS, Code.DONE):
        return "A sync message arrived after the other side finished."
    return f"An unexpected {code.name} message arrived during the sync."
