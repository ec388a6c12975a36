"""The sync session machine alone: two sessions wired back to back, no sockets."""

from __future__ import annotations

import hashlib

import pytest
from p2p_memory_store import item_for, make_document

from vouch.exchange.p2p.codes import Code
from vouch.exchange.p2p.errors import ProtocolViolation
from vouch.exchange.p2p.session import SessionConfig, SyncSession
from vouch.exchange.p2p.store import SyncItem


def items(numbers: range, audience: str = "public") -> list[SyncItem]:
    return [item_for(make_document(n, 1_600_000_000 + n * 7, audience)) for n in numbers]


def drive(a: SyncSession, b: SyncSession) -> tuple[list[bytes], list[bytes], list[bytes]]:
    """Run both sessions to the end; returns (docs a got, docs b got, every message sent)."""
    got: dict[int, list[bytes]] = {id(a): [], id(b): []}
    wire: list[bytes] = []
    queue = [(b, m) for m in a.start().outgoing] + [(a, m) for m in b.start().outgoing]
    while queue:
        target, message = queue.pop(0)
        wire.append(message)
        step = target.receive(message)
        got[id(target)].extend(step.documents)
        other = a if target is b else b
        queue.extend((other, m) for m in step.outgoing)
    return got[id(a)], got[id(b)], wire


def test_sessions_exchange_exactly_the_missing_documents() -> None:
    left, right = items(range(0, 300)), items(range(250, 520))
    a = SyncSession(left, initiator=True)
    b = SyncSession(right, initiator=False)
    a_got, b_got, _ = drive(a, b)
    assert {hashlib.sha256(d).digest() for d in a_got} == {i.item_id for i in right[50:]}
    assert {hashlib.sha256(d).digest() for d in b_got} == {i.item_id for i in left[:250]}
    assert a.finished and b.finished
    assert (a.items_sent, b.items_sent) == (250, 220)
    assert a.missing == b.missing == 0


def test_batches_respect_the_item_limit() -> None:
    config = SessionConfig(batch_max_items=7)
    a = SyncSession(items(range(50)), initiator=True, config=config)
    b = SyncSession([], initiator=False, config=config)
    _, b_got, wire = drive(a, b)
    batches = [m for m in wire if m[0] == Code.ITEMS]
    assert len(b_got) == 50
    assert len(batches) == 8


def test_identical_sets_send_no_documents() -> None:
    same = items(range(100))
    a, b = SyncSession(same, initiator=True), SyncSession(same, initiator=False)
    a_got, b_got, wire = drive(a, b)
    assert a_got == b_got == []
    assert [m[0] for m in wire] == [
        Code.RECON,
        Code.RECON,
        Code.DONE,
        Code.DONE,
    ]


def test_requests_for_unoffered_ids_get_nothing() -> None:
    b = SyncSession(items(range(10)), initiator=False)
    b.start()
    secret = hashlib.sha256(b"not offered").digest()
    assert b.receive(bytes([Code.WANT]) + secret).outgoing == ()
    assert b.unknown_requests == 1


def test_unrequested_document_is_a_violation() -> None:
    a = SyncSession([], initiator=True)
    a.start()
    document = make_document(1, 1)
    with pytest.raises(ProtocolViolation):
        a.receive(bytes([Code.ITEMS, len(document)]) + document)


@pytest.mark.parametrize(
    "message",
    [b"", bytes([99]), bytes([Code.WANT]) + bytes(31), bytes([Code.DONE])],
)
def test_malformed_or_early_messages_are_violations(message: bytes) -> None:
    b = SyncSession(items(range(3)), initiator=False)
    b.start()
    with pytest.raises(ProtocolViolation):
        b.receive(message)


def test_a_reconciliation_that_never_ends_is_cut_off() -> None:
    config = SessionConfig(max_recon_messages=3)
    b = SyncSession(items(range(100)), initiator=False, config=config)
    b.start()
    endless = bytes([Code.RECON, 1, 0, 0, 1]) + bytes(16)  # a wrong fingerprint, forever
    for _ in range(3):
        b.receive(endless)
    with pytest.raises(ProtocolViolation, match="converge"):
        b.receive(endless)


def test_recorded_transcript_follows_the_phase_table() -> None:
    """Each (receiver, code in, codes out, phase after) of a fixed run, against the table."""
    a = SyncSession(items(range(0, 40)), initiator=True, config=SessionConfig(batch_max_items=16))
    b = SyncSession(items(range(30, 50)), initiator=False, config=SessionConfig(batch_max_items=16))
    transcript: list[tuple[str, str, tuple[str, ...], str]] = []
    names = {id(a): "I", id(b): "R"}
    queue = [(b, m) for m in a.start().outgoing] + [(a, m) for m in b.start().outgoing]
    while queue:
        target, message = queue.pop(0)
        step = target.receive(message)
        out = tuple(Code(m[0]).name for m in step.outgoing)
        transcript.append((names[id(target)], Code(message[0]).name, out, target.phase.value))
        other = a if target is b else b
        queue.extend((other, m) for m in step.outgoing)
    assert transcript == [
        ("R", "RECON", ("RECON",), "reconciling"),
        ("I", "RECON", ("WANT", "RECON"), "reconciling"),
        ("R", "WANT", ("ITEMS",), "reconciling"),
        ("R", "RECON", ("WANT", "RECON", "DONE"), "transferring"),
        ("I", "ITEMS", (), "reconciling"),
        ("I", "WANT", ("ITEMS", "ITEMS"), "reconciling"),
        ("I", "RECON", ("DONE",), "transferring"),
        ("I", "DONE", (), "finished"),
        ("R", "ITEMS", (), "transferring"),
        ("R", "ITEMS", (), "transferring"),
        ("R", "DONE", (), "finished"),
    ]


@pytest.mark.parametrize(
    "setup, message, text",
    [
        ("finished-recon", bytes([Code.RECON, 1]), "after the end"),
        ("finished-recon", bytes([Code.WANT]) + bytes(32), "after this side finished"),
        ("reconciling", bytes([Code.DONE]), "before the reconciliation"),
        ("reconciling", bytes([Code.ACCEPT]), "unexpected ACCEPT"),
    ],
)
def test_codes_outside_their_phase_are_violations(setup: str, message: bytes, text: str) -> None:
    b = SyncSession(items(range(3)), initiator=False)
    b.start()
    if setup == "finished-recon":
        b.receive(bytes([Code.RECON, 1]))  # "nothing left": our reconciliation is over
    with pytest.raises(ProtocolViolation, match=text):
        b.receive(message)


def test_requests_stop_at_the_per_session_cap_and_the_rest_is_deferred() -> None:
    config = SessionConfig(max_wanted_ids=25)
    a = SyncSession([], initiator=True, config=config)
    b = SyncSession(items(range(100)), initiator=False)
    a_got, _, _ = drive(a, b)
    assert len(a_got) == 25 and a.items_requested == 25
    assert a.deferred == 75 and a.missing == 0
    again = SyncSession([item_for(d) for d in a_got], initiator=True)
    rest, _, _ = drive(again, SyncSession(items(range(100)), initiator=False))
    assert len(rest) == 75  # the next sync fetches the rest
