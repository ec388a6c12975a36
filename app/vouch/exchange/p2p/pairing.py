"""Pairing: the short authentication string and both sides' yes or no, as a machine with no I/O.

Once the secure channel is up, each side knows the other's did:key for certain, but not whether
someone relays two separate handshakes in between. The pairing code answers that, with a hash
commitment in the manner of ZRTP and Bluetooth numeric comparison:

    initiator -> SAS_COMMIT  H("vouch-p2p/2/sas-commit" || handshake_hash || N_i)
    responder -> SAS_NONCE   N_r
    initiator -> SAS_REVEAL  N_i              (the responder checks the commitment)
    code = H("vouch-p2p/2/sas" || handshake_hash || N_i || N_r) mod 10^digits

N_i and N_r are 32 random bytes each. Each side then says ACCEPT or REJECT: a verified contact
is accepted without asking anyone; anyone else only if the person confirms that both screens show
the same code. REJECT (with a reason) may come at any point and ends the pairing.

The machine is fed events (`ChannelUp`, `Received`, `LocalAnswer`, `DeadlinePassed`) and returns
a `PairingStep`: messages to send, the code to ask the person about, and finally a `Verdict`.
Which messages each phase accepts is the table `_ACCEPTS`; anything else is a violation.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from vouch.core.errors import PeerError
from vouch.exchange.p2p.codes import (
    NONCE_BYTES,
    PROTOCOL_VERSION,
    Code,
    RejectReason,
    frame,
    reject_reason,
    split,
)
from vouch.exchange.p2p.errors import (
    CodeCheckFailed,
    FailureKind,
    PeerRefused,
    PeerTimeout,
    ProtocolViolation,
)

DEFAULT_SAS_DIGITS = 6
MIN_SAS_DIGITS, MAX_SAS_DIGITS = 2, 12
_DOMAIN = b"vouch-p2p/%d/" % PROTOCOL_VERSION
COMMIT_DOMAIN = _DOMAIN + b"sas-commit"
SAS_DOMAIN = _DOMAIN + b"sas"

RandomBytes = Callable[[int], bytes]


def commitment(handshake_hash: bytes, initiator_nonce: bytes) -> bytes:
    return hashlib.sha256(COMMIT_DOMAIN + handshake_hash + initiator_nonce).digest()


def derive_sas(
    handshake_hash: bytes, initiator_nonce: bytes, responder_nonce: bytes, digits: int
) -> str:
    """The code both people compare, in groups of three digits (`123 456`)."""
    digest = hashlib.sha256(SAS_DOMAIN + handshake_hash + initiator_nonce + responder_nonce)
    number = int.from_bytes(digest.digest()[:8], "big") % 10**digits
    text = f"{number:0{digits}d}"
    return " ".join(text[i : i + 3] for i in range(0, digits, 3))


# -- events and results ---------------------------------------------------------------------


@dataclass(frozen=True)
class ChannelUp:
    """The channel is up. `refusal`: the driver already knows it will refuse (busy, backoff)."""

    peer_did: str
    verified: bool
    handshake_hash: bytes
    refusal: RejectReason | None = None


@dataclass(frozen=True)
class Received:
    message: bytes


@dataclass(frozen=True)
class LocalAnswer:
    accepted: bool


@dataclass(frozen=True)
class DeadlinePassed:
    pass


PairingEvent = ChannelUp | Received | LocalAnswer | DeadlinePassed


@dataclass(frozen=True)
class Verdict:
    accepted: bool
    message: str = ""
    kind: FailureKind | None = None  # None when accepted
    remember: bool = False  # accepted a peer that was not yet a verified contact

    def error(self) -> PeerError:
        """The exception the driver raises for a refusal or failure."""
        if self.kind is FailureKind.CODE_CHECK:
            return CodeCheckFailed(self.message)
        if self.kind is FailureKind.PROTOCOL:
            return ProtocolViolation(self.message)
        if self.kind is FailureKind.TIMEOUT:
            return PeerTimeout(self.message)
        return PeerRefused(self.message, self.kind)


@dataclass(frozen=True)
class PairingStep:
    outgoing: tuple[bytes, ...] = ()
    ask: str | None = None  # show this code to the person and feed back their `LocalAnswer`
    verdict: Verdict | None = None


class PairingPhase(StrEnum):
    START = "start"
    AWAIT_COMMIT = "await-commit"  # responder
    AWAIT_NONCE = "await-nonce"  # initiator
    AWAIT_REVEAL = "await-reveal"  # responder
    DECIDING = "deciding"  # code known; neither side has answered
    AWAIT_PEER = "await-peer"  # we accepted; their answer is pending
    AWAIT_PERSON = "await-person"  # they accepted; our person's answer is pending
    DONE = "done"


_DECLINED_HERE = "Sync declined: this wallet is not a verified contact."
_REFUSED_THERE = {
    RejectReason.DECLINED: "The other wallet declined the sync.",
    RejectReason.TIMED_OUT: "The other wallet gave up waiting for an answer.",
    RejectReason.BUSY: "The other wallet is busy with other connections; try again shortly.",
    RejectReason.TRY_LATER: (
        "The other wallet refuses new pairings from this address for a while after failed "
        "attempts; try again later."
    ),
}
_THEIR_KIND = {RejectReason.BUSY: FailureKind.BUSY, RejectReason.TRY_LATER: FailureKind.TRY_LATER}
_REFUSED_HERE = {
    RejectReason.DECLINED: (_DECLINED_HERE, FailureKind.DECLINED),
    RejectReason.BUSY: ("Refused: no free connection slot.", FailureKind.BUSY),
    RejectReason.TRY_LATER: (
        "Refused: too many failed pairing attempts from that address recently.",
        FailureKind.TRY_LATER,
    ),
    RejectReason.TIMED_OUT: ("Nobody answered in time.", FailureKind.TIMEOUT),
}
_TIMEOUT_TEXT = {
    PairingPhase.DECIDING: "Nobody confirmed the pairing code in time.",
    PairingPhase.AWAIT_PERSON: "Nobody confirmed the pairing code in time.",
    PairingPhase.AWAIT_PEER: "The other wallet did not confirm the pairing in time.",
}
_SETUP_TIMEOUT = "The other wallet took too long to set up the connection."


class PairingMachine:
    """One side of a pairing. Feed it events with `handle`; stop at the first verdict."""

    def __init__(
        self,
        *,
        initiator: bool,
        sas_digits: int = DEFAULT_SAS_DIGITS,
        random_bytes: RandomBytes | None = None,
    ) -> None:
        if not MIN_SAS_DIGITS <= sas_digits <= MAX_SAS_DIGITS:
            raise ValueError(f"the code has {MIN_SAS_DIGITS} to {MAX_SAS_DIGITS} digits")
        self.initiator = initiator
        self.sas_digits = sas_digits
        self._random = random_bytes or secrets.token_bytes
        self.phase = PairingPhase.START
        self.peer_did: str | None = None
        self.sas: str | None = None
        self._verified = False
        self._handshake_hash = b""
        self._nonce = b""  # ours
        self._their_commitment = b""  # responder: the initiator's commitment

    # -- queries for the driver ---------------------------------------------------------------

    @property
    def expects_message(self) -> bool:
        """True while a message from the peer can move the machine on."""
        return self.phase in _ACCEPTS

    @property
    def asking(self) -> bool:
        """True while the person's answer is pending."""
        return self.phase in (PairingPhase.DECIDING, PairingPhase.AWAIT_PERSON)

    # -- transitions ---------------------------------------------------------------------------

    def handle(self, event: PairingEvent) -> PairingStep:
        """Process one event; after a step with a verdict, the machine takes no more."""
        if self.phase is PairingPhase.DONE:
            raise RuntimeError("the pairing already has a verdict")
        if isinstance(event, ChannelUp):
            return self._on_channel_up(event)
        if isinstance(event, Received):
            return self._on_message(event.message)
        if isinstance(event, LocalAnswer):
            return self._on_answer(event.accepted)
        return self._on_deadline()

    def _on_channel_up(self, event: ChannelUp) -> PairingStep:
        if self.phase is not PairingPhase.START or len(event.handshake_hash) != 32:
            raise RuntimeError("ChannelUp comes first, once, with the 32-byte handshake hash")
        self.peer_did, self._verified = event.peer_did, event.verified
        self._handshake_hash = event.handshake_hash
        if event.refusal is not None:
            return self._refuse(event.refusal)
        if not self.initiator:
            self.phase = PairingPhase.AWAIT_COMMIT
            return PairingStep()
        self._nonce = self._fresh_nonce()
        self.phase = PairingPhase.AWAIT_NONCE
        sealed = commitment(self._handshake_hash, self._nonce)
        return PairingStep((frame(Code.SAS_COMMIT, sealed),))

    def _fresh_nonce(self) -> bytes:
        nonce = self._random(NONCE_BYTES)
        if len(nonce) != NONCE_BYTES:
            raise RuntimeError("the random source returned the wrong number of bytes")
        return nonce

    def _on_message(self, message: bytes) -> PairingStep:
        try:
            code, body = split(message)
        except ProtocolViolation as exc:
            return self._end(Verdict(False, exc.message, FailureKind.PROTOCOL))
        handler = _ACCEPTS.get(self.phase, {}).get(code)
        if handler is None:
            text = f"The other wallet sent {code.name} out of turn while pairing."
            return self._end(Verdict(False, text, FailureKind.PROTOCOL))
        return handler(self, body)

    def _on_commit(self, body: bytes) -> PairingStep:
        self._their_commitment = body
        self._nonce = self._fresh_nonce()
        self.phase = PairingPhase.AWAIT_REVEAL
        return PairingStep((frame(Code.SAS_NONCE, self._nonce),))

    def _on_nonce(self, body: bytes) -> PairingStep:
        reveal = frame(Code.SAS_REVEAL, self._nonce)
        return self._code_known(self._nonce, body, (reveal,))

    def _on_reveal(self, body: bytes) -> PairingStep:
        opened = commitment(self._handshake_hash, body)
        if not secrets.compare_digest(opened, self._their_commitment):
            failed = Verdict(False, CodeCheckFailed.default_message, FailureKind.CODE_CHECK)
            return self._end(failed)
        return self._code_known(body, self._nonce, ())

    def _code_known(
        self, initiator_nonce: bytes, responder_nonce: bytes, outgoing: tuple[bytes, ...]
    ) -> PairingStep:
        # looked up on the module at call time, so a test can swap the derivation
        self.sas = derive_sas(
            self._handshake_hash, initiator_nonce, responder_nonce, self.sas_digits
        )
        self.phase = PairingPhase.DECIDING
        if self._verified:
            self.phase = PairingPhase.AWAIT_PEER
            return PairingStep((*outgoing, frame(Code.ACCEPT)))
        return PairingStep(outgoing, ask=self.sas)

    def _on_accept(self, body: bytes) -> PairingStep:
        if self.phase is PairingPhase.DECIDING:
            self.phase = PairingPhase.AWAIT_PERSON
            return PairingStep()
        return self._end(Verdict(True, remember=not self._verified))

    def _on_reject(self, body: bytes) -> PairingStep:
        reason = reject_reason(body)
        kind = _THEIR_KIND.get(reason, FailureKind.DECLINED_BY_PEER)
        return self._end(Verdict(False, _REFUSED_THERE[reason], kind))

    def _on_answer(self, accepted: bool) -> PairingStep:
        if not self.asking:
            raise RuntimeError("nobody was asked")
        if not accepted:
            return self._refuse(RejectReason.DECLINED)
        if self.phase is PairingPhase.AWAIT_PERSON:
            return self._end(Verdict(True, remember=not self._verified), frame(Code.ACCEPT))
        self.phase = PairingPhase.AWAIT_PEER
        return PairingStep((frame(Code.ACCEPT),))

    def _on_deadline(self) -> PairingStep:
        text = _TIMEOUT_TEXT.get(self.phase, _SETUP_TIMEOUT)
        reject = frame(Code.REJECT, bytes([RejectReason.TIMED_OUT]))
        return self._end(Verdict(False, text, FailureKind.TIMEOUT), reject)

    def _refuse(self, reason: RejectReason) -> PairingStep:
        text, kind = _REFUSED_HERE[reason]
        return self._end(Verdict(False, text, kind), frame(Code.REJECT, bytes([reason])))

    def _end(self, verdict: Verdict, *outgoing: bytes) -> PairingStep:
        self.phase = PairingPhase.DONE
        return PairingStep(outgoing, verdict=verdict)


_Handler = Callable[[PairingMachine, bytes], PairingStep]

# phase -> message code -> handler. A code missing from a phase's row is a violation.
_ACCEPTS: dict[PairingPhase, dict[Code, _Handler]] = {
    PairingPhase.AWAIT_COMMIT: {
        Code.SAS_COMMIT: PairingMachine._on_commit,
        Code.REJECT: PairingMachine._on_reject,
    },
    PairingPhase.AWAIT_NONCE: {
        Code.SAS_NONCE: PairingMachine._on_nonce,
        Code.REJECT: PairingMachine._on_reject,
    },
    PairingPhase.AWAIT_REVEAL: {
        Code.SAS_REVEAL: PairingMachine._on_reveal,
        Code.REJECT: PairingMachine._on_reject,
    },
    PairingPhase.DECIDING: {
        Code.ACCEPT: PairingMachine._on_accept,
        Code.REJECT: PairingMachine._on_reject,
    },
    PairingPhase.AWAIT_PEER: {
        Code.ACCEPT: PairingMachine._on_accept,
        Code.REJECT: PairingMachine._on_reject,
    },
    PairingPhase.AWAIT_PERSON: {
        Code.REJECT: PairingMachine._on_reject,
    },
}
