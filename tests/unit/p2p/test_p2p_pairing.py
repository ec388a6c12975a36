"""The pairing machine alone: fixed nonces, scripted people, recorded transcripts. No sockets."""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable

import pytest

from vouch.exchange.p2p.codes import FIXED_BODY, Code, RejectReason, frame, split
from vouch.exchange.p2p.errors import FailureKind, ProtocolViolation
from vouch.exchange.p2p.pairing import (
    ChannelUp,
    DeadlinePassed,
    LocalAnswer,
    PairingEvent,
    PairingMachine,
    PairingPhase,
    PairingStep,
    Received,
    commitment,
    derive_sas,
)

HH = bytes(range(32))  # the handshake hash both ends share
INITIATOR_DID, RESPONDER_DID = "did:key:zInitiator", "did:key:zResponder"
N_I, N_R = bytes([0x11]) * 32, bytes([0x22]) * 32
CODE = derive_sas(HH, N_I, N_R, 6)
Entry = tuple[str, str, tuple[str, ...], str | None, str | None]


def fixed(nonce: bytes) -> Callable[[int], bytes]:
    def random_bytes(count: int) -> bytes:
        assert count == len(nonce)
        return nonce

    return random_bytes


def describe_event(event: PairingEvent) -> str:
    if isinstance(event, ChannelUp):
        refusal = f" refuse {event.refusal.name}" if event.refusal else ""
        return f"up {'contact' if event.verified else 'stranger'}{refusal}"
    if isinstance(event, Received):
        return f"recv {Code(event.message[0]).name}"
    if isinstance(event, LocalAnswer):
        return f"person {'yes' if event.accepted else 'no'}"
    return "deadline"


def describe_verdict(step: PairingStep) -> str | None:
    verdict = step.verdict
    if verdict is None:
        return None
    if verdict.accepted:
        return "accepted, remember" if verdict.remember else "accepted"
    return f"refused: {verdict.kind}"


class Pair:
    """Two machines wired back to back; people answer from a script when asked."""

    def __init__(
        self,
        *,
        verified: tuple[bool, bool] = (False, False),
        answers: tuple[bool | None, bool | None] = (True, True),
        refusal: RejectReason | None = None,
    ) -> None:
        self.machines = {
            "I": PairingMachine(initiator=True, random_bytes=fixed(N_I)),
            "R": PairingMachine(initiator=False, random_bytes=fixed(N_R)),
        }
        self.answers = {"I": answers[0], "R": answers[1]}
        self.transcript: list[Entry] = []
        self.wire: deque[tuple[str, bytes]] = deque()
        self.asked: deque[str] = deque()
        self.feed("I", ChannelUp(RESPONDER_DID, verified[0], HH))
        self.feed("R", ChannelUp(INITIATOR_DID, verified[1], HH, refusal))

    def feed(self, side: str, event: PairingEvent) -> PairingStep:
        machine = self.machines[side]
        if machine.phase is PairingPhase.DONE:
            return PairingStep()  # a finished side has closed: later messages go nowhere
        step = machine.handle(event)
        codes = tuple(Code(message[0]).name for message in step.outgoing)
        entry = (side, describe_event(event), codes, step.ask, describe_verdict(step))
        self.transcript.append(entry)
        other = "R" if side == "I" else "I"
        self.wire.extend((other, message) for message in step.outgoing)
        if step.ask is not None:
            self.asked.append(side)
        return step

    def run(self) -> list[Entry]:
        while self.wire or self.asked:
            if self.wire:
                side, message = self.wire.popleft()
                self.feed(side, Received(message))
                continue
            side = self.asked.popleft()
            answer = self.answers[side]
            if answer is not None:  # None: the person never answers
                self.feed(side, LocalAnswer(answer))
        return self.transcript


def test_two_strangers_who_both_confirm() -> None:
    assert Pair().run() == [
        ("I", "up stranger", ("SAS_COMMIT",), None, None),
        ("R", "up stranger", (), None, None),
        ("R", "recv SAS_COMMIT", ("SAS_NONCE",), None, None),
        ("I", "recv SAS_NONCE", ("SAS_REVEAL",), CODE, None),
        ("R", "recv SAS_REVEAL", (), CODE, None),
        ("I", "person yes", ("ACCEPT",), None, None),
        ("R", "recv ACCEPT", (), None, None),
        ("R", "person yes", ("ACCEPT",), None, "accepted, remember"),
        ("I", "recv ACCEPT", (), None, "accepted, remember"),
    ]


def test_two_contacts_are_not_asked() -> None:
    assert Pair(verified=(True, True)).run() == [
        ("I", "up contact", ("SAS_COMMIT",), None, None),
        ("R", "up contact", (), None, None),
        ("R", "recv SAS_COMMIT", ("SAS_NONCE",), None, None),
        ("I", "recv SAS_NONCE", ("SAS_REVEAL", "ACCEPT"), None, None),
        ("R", "recv SAS_REVEAL", ("ACCEPT",), None, None),
        ("R", "recv ACCEPT", (), None, "accepted"),
        ("I", "recv ACCEPT", (), None, "accepted"),
    ]


def test_a_person_saying_no_ends_it_for_both() -> None:
    assert Pair(verified=(True, False), answers=(None, False)).run() == [
        ("I", "up contact", ("SAS_COMMIT",), None, None),
        ("R", "up stranger", (), None, None),
        ("R", "recv SAS_COMMIT", ("SAS_NONCE",), None, None),
        ("I", "recv SAS_NONCE", ("SAS_REVEAL", "ACCEPT"), None, None),
        ("R", "recv SAS_REVEAL", (), CODE, None),
        ("R", "recv ACCEPT", (), None, None),
        ("R", "person no", ("REJECT",), None, "refused: declined"),
        ("I", "recv REJECT", (), None, "refused: declined-by-peer"),
    ]


def test_a_busy_server_refuses_at_once() -> None:
    pair = Pair(refusal=RejectReason.BUSY)
    assert pair.run() == [
        ("I", "up stranger", ("SAS_COMMIT",), None, None),
        ("R", "up stranger refuse BUSY", ("REJECT",), None, "refused: busy"),
        ("I", "recv REJECT", (), None, "refused: busy"),
    ]


def test_nobody_answering_times_out_with_a_reason_for_the_peer() -> None:
    pair = Pair(answers=(None, None))
    pair.run()
    step = pair.feed("R", DeadlinePassed())
    assert step.verdict is not None and step.verdict.kind is FailureKind.TIMEOUT
    assert "confirmed" in step.verdict.message
    assert step.outgoing == (frame(Code.REJECT, bytes([RejectReason.TIMED_OUT])),)
    step = pair.feed("I", Received(step.outgoing[0]))
    assert step.verdict is not None and "gave up" in step.verdict.message


def test_the_code_depends_on_both_nonces_and_the_handshake() -> None:
    assert CODE == "106 183"  # known answer: change only with a protocol version bump
    others = {
        derive_sas(HH, N_R, N_R, 6),
        derive_sas(HH, N_I, N_I, 6),
        derive_sas(bytes(32), N_I, N_R, 6),
    }
    assert CODE not in others
    assert derive_sas(HH, N_I, N_R, 2) == "83"
    assert derive_sas(HH, N_I, N_R, 8).replace(" ", "").isdigit()
    digest = hashlib.sha256(b"vouch-p2p/2/sas" + HH + N_I + N_R).digest()
    assert int(CODE.replace(" ", "")) == int.from_bytes(digest[:8], "big") % 10**6


def test_a_reveal_that_does_not_open_the_commitment_fails() -> None:
    responder = PairingMachine(initiator=False, random_bytes=fixed(N_R))
    responder.handle(ChannelUp(INITIATOR_DID, False, HH))
    responder.handle(Received(frame(Code.SAS_COMMIT, commitment(HH, N_I))))
    step = responder.handle(Received(frame(Code.SAS_REVEAL, bytes(32))))
    assert step.verdict is not None and step.verdict.kind is FailureKind.CODE_CHECK
    assert step.ask is None and responder.sas is None  # nobody is shown a code


def test_a_commitment_from_another_handshake_fails() -> None:
    """A relay forwarding one side's commitment to the other: bound to the wrong hash."""
    responder = PairingMachine(initiator=False, random_bytes=fixed(N_R))
    responder.handle(ChannelUp(INITIATOR_DID, False, HH))
    responder.handle(Received(frame(Code.SAS_COMMIT, commitment(bytes(32), N_I))))
    step = responder.handle(Received(frame(Code.SAS_REVEAL, N_I)))
    assert step.verdict is not None and step.verdict.kind is FailureKind.CODE_CHECK


@pytest.mark.parametrize(
    "initiator, message",
    [
        (False, frame(Code.SAS_REVEAL, N_I)),  # reveal before commit
        (False, frame(Code.ACCEPT)),  # accept before any code
        (True, frame(Code.SAS_COMMIT, bytes(32))),  # the responder never commits
        (True, frame(Code.RECON, b"\x01")),  # a sync message before the verdict
        (True, bytes([0x7F])),  # unknown code
        (True, frame(Code.SAS_NONCE, bytes(5))),  # wrong size
    ],
)
def test_out_of_turn_or_malformed_messages_end_the_pairing(initiator: bool, message: bytes) -> None:
    machine = PairingMachine(initiator=initiator, random_bytes=fixed(N_I))
    machine.handle(ChannelUp(RESPONDER_DID, False, HH))
    step = machine.handle(Received(message))
    assert step.verdict is not None and step.verdict.kind is FailureKind.PROTOCOL
    assert isinstance(step.verdict.error(), ProtocolViolation)
    with pytest.raises(RuntimeError):
        machine.handle(Received(message))


def test_a_second_accept_is_out_of_turn() -> None:
    pair = Pair(answers=(None, None))
    pair.run()
    initiator = pair.machines["I"]
    assert initiator.handle(Received(frame(Code.ACCEPT))).verdict is None
    step = initiator.handle(Received(frame(Code.ACCEPT)))
    assert step.verdict is not None and step.verdict.kind is FailureKind.PROTOCOL


def test_the_setup_deadline_has_its_own_reason() -> None:
    machine = PairingMachine(initiator=False)
    machine.handle(ChannelUp(INITIATOR_DID, False, HH))
    step = machine.handle(DeadlinePassed())
    assert step.verdict is not None and "set up" in step.verdict.message


def test_the_code_length_is_bounded() -> None:
    with pytest.raises(ValueError):
        PairingMachine(initiator=True, sas_digits=1)
    with pytest.raises(ValueError):
        PairingMachine(initiator=True, sas_digits=13)


def test_the_code_registry_has_one_meaning_per_byte() -> None:
    assert len({int(code) for code in Code}) == len(Code)
    assert set(FIXED_BODY) <= set(Code)
    with pytest.raises(ProtocolViolation):
        split(b"")
    assert split(frame(Code.REJECT, bytes([9]))) == (Code.REJECT, bytes([9]))
