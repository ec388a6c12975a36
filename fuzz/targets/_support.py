"""Shared pieces of the fuzz targets: fixed sample documents, the outcome rule, the entry point.

Every target exposes `test_one_input(data: bytes) -> None`. The rule it enforces: the input is
accepted, or it is refused with a `VouchError` whose message is clear. Any other exception
escapes and is a finding (atheris stores the input as a crash).

The samples are deterministic (fixed seeds, ids and times) so the seed corpus is reproducible.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shlex
import sys
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from vouch.core.canonical import CanonicalizationFailed, canonicalize
from vouch.core.credentials import (
    REVOCATION_CONTEXTS,
    REVOCATION_TYPES,
    VC_CONTEXT,
    VOUCH_CONTEXT,
    unsigned_statement,
)
from vouch.core.dataintegrity import ASSERTION, AUTHENTICATION, add_proof
from vouch.core.errors import InvalidProof, VouchError
from vouch.core.identity import Identity
from vouch.core.records import Level
from vouch.exchange import bundle as bundles
from vouch.exchange.p2p.reconcile import Reconciler, ReconConfig
from vouch.exchange.p2p.session import SessionConfig, SyncSession
from vouch.exchange.p2p.store import SyncItem

ISSUER = Identity(bytes(range(32)))
SUBJECT = Identity(bytes(range(1, 33)))
HOLDER = Identity(bytes(range(2, 34)))
SECRETS = tuple(i.seed for i in (ISSUER, SUBJECT, HOLDER))
NOW = datetime(2026, 1, 5, 10, 0, 0, tzinfo=UTC)
MAX_MESSAGE_CHARS = 600
# What signing a document JCS cannot express raises (such a document cannot arrive signed).
UNSIGNABLE = (CanonicalizationFailed, InvalidProof)
TestOneInput = Callable[[bytes], None]


class UnclearError(AssertionError):
    """A typed refusal whose message would confuse or leak."""


class CanonicalRoundTrip(AssertionError):
    """An accepted document whose canonical form `parse_strict` refuses or reads differently."""


def check_refusal(exc: VouchError) -> None:
    """A refusal is fine when its message is short, plain and free of secrets."""
    message = exc.message
    if not isinstance(message, str) or not message.strip():
        raise UnclearError(f"{type(exc).__name__} with an empty message")
    if "Traceback" in message or len(message) > MAX_MESSAGE_CHARS:
        raise UnclearError(f"{type(exc).__name__} message is unreadable: {message[:80]!r}")
    for secret in SECRETS:
        if secret.hex() in message or secret.hex().upper() in message:
            raise UnclearError("a secret seed appears in an error message")


# -- sample documents ---------------------------------------------------------------------------


def endorsement(number: int = 0, *, comment: str = "Fixed the boiler") -> dict[str, Any]:
    document = unsigned_statement(
        ISSUER.did,
        SUBJECT.did,
        "home/plumbing",
        level=Level.STRONGLY,
        comment=comment,
        now=NOW,
        statement_id=f"urn:uuid:00000000-0000-4000-8000-{number:012x}",
    )
    return add_proof(document, ISSUER, purpose=ASSERTION, created=NOW)


def caution(number: int = 1) -> dict[str, Any]:
    document = unsigned_statement(
        ISSUER.did,
        SUBJECT.did,
        "cooking",
        level=None,
        reason="Left the gas on",
        now=NOW,
        statement_id=f"urn:uuid:00000000-0000-4000-9000-{number:012x}",
    )
    return add_proof(document, ISSUER, purpose=ASSERTION, created=NOW)


def revocation(target: str) -> dict[str, Any]:
    document = {
        "@context": list(REVOCATION_CONTEXTS),
        "id": "urn:uuid:00000000-0000-4000-a000-000000000001",
        "type": list(REVOCATION_TYPES),
        "issuer": ISSUER.did,
        "validFrom": "2026-02-01T00:00:00Z",
        "credentialSubject": {"id": target, "type": ["RevokedStatement"], "reason": "Moved"},
    }
    return add_proof(document, ISSUER, purpose=ASSERTION, created=NOW)


def presentation(items: list[Any], holder: Identity = HOLDER) -> dict[str, Any]:
    """An unsigned bundle presentation with a fixed id."""
    return {
        "@context": [VC_CONTEXT, VOUCH_CONTEXT],
        "id": "urn:uuid:00000000-0000-4000-b000-000000000001",
        "type": list(bundles.BUNDLE_TYPES),
        "holder": holder.did,
        "vouchFormat": bundles.BUNDLE_FORMAT,
        "verifiableCredential": items,
    }


def sign_presentation(document: dict[str, Any], holder: Identity = HOLDER) -> bytes:
    return canonicalize(add_proof(document, holder, purpose=AUTHENTICATION, created=NOW))


def bundle_bytes(items: list[Any] | None = None) -> bytes:
    if items is None:
        first = endorsement(0)
        items = [first, caution(1), revocation(first["id"])]
    return sign_presentation(presentation(items))


def clipboard_text(data: bytes) -> str:
    return bundles.to_text(data)


def deflated_text(payload: bytes) -> str:
    """`vouch:1:` text around any payload (to reach the parser behind the deflate layer)."""
    return bundles.TEXT_PREFIX + base64.urlsafe_b64encode(zlib.compress(payload)).decode()


# -- sample p2p traffic -------------------------------------------------------------------------


def sync_items(numbers: range) -> list[SyncItem]:
    result = []
    for number in numbers:
        document = b'{"n":%d}' % number
        result.append(SyncItem(hashlib.sha256(document).digest(), 1_700_000_000 + number, document))
    return result


RECON_CONFIG = ReconConfig(branching=4, id_list_threshold=4, max_you_lack=64)
SESSION_CONFIG = SessionConfig(recon=RECON_CONFIG, batch_max_items=8, max_recon_messages=50)


def reconcile_messages() -> list[bytes]:
    """Every message of a real reconciliation between two overlapping sets."""
    left = Reconciler(((i.timestamp, i.item_id) for i in sync_items(range(0, 40))), RECON_CONFIG)
    right = Reconciler(((i.timestamp, i.item_id) for i in sync_items(range(25, 60))), RECON_CONFIG)
    messages = [left.initiate()]
    sides = (right, left)
    turn = 0
    while True:
        step = sides[turn % 2].receive(messages[-1])
        if step.reply is None:
            return messages
        messages.append(step.reply)
        turn += 1


def session_messages() -> tuple[list[bytes], list[bytes]]:
    """The messages each side of a real sync session receives: (initiator's, responder's).

    The initiator holds `sync_items(range(0, 12))`, as the `sync_session` target does.
    """
    a = SyncSession(sync_items(range(0, 12)), initiator=True, config=SESSION_CONFIG)
    b = SyncSession(sync_items(range(6, 20)), initiator=False, config=SESSION_CONFIG)
    received: dict[int, list[bytes]] = {id(a): [], id(b): []}
    queue = [(b, m) for m in a.start().outgoing] + [(a, m) for m in b.start().outgoing]
    while queue:
        target, message = queue.pop(0)
        received[id(target)].append(message)
        other = a if target is b else b
        queue.extend((other, m) for m in target.receive(message).outgoing)
    return received[id(a)], received[id(b)]


# -- entry point --------------------------------------------------------------------------------


# Bugs already reported (each has a test in tests/fuzz/test_regressions.py): a long campaign
# started with VOUCH_FUZZ_TOLERATE_KNOWN=1 steps over them to look for new ones.
# Bugs found and not fixed yet, as (exception type, innermost vouch function): a long campaign
# steps over them to find new ones. Empty: every bug found so far is fixed (see
# tests/fuzz/test_regressions.py).
KNOWN_BUGS: frozenset[tuple[str, str]] = frozenset()
_BUG_TYPES = (ArithmeticError, LookupError, TypeError, ValueError, CanonicalRoundTrip)


def bug_signature(exc: BaseException) -> tuple[str, str]:
    """(exception type, innermost function in `vouch`) of an escaped exception."""
    where = ""
    tb = exc.__traceback__
    while tb is not None:
        if f"{os.sep}vouch{os.sep}" in tb.tb_frame.f_code.co_filename:
            where = tb.tb_frame.f_code.co_name
        tb = tb.tb_next
    return type(exc).__name__, where


def tolerating_known_bugs(test_one_input: TestOneInput) -> TestOneInput:
    def run(data: bytes) -> None:
        try:
            test_one_input(data)
        except _BUG_TYPES as exc:
            if bug_signature(exc) not in KNOWN_BUGS:
                raise

    return run


def run_fuzzer(test_one_input: TestOneInput) -> None:
    """Run under atheris with libFuzzer's own command line (see fuzz/run.py)."""
    import atheris

    if os.environ.get("VOUCH_FUZZ_TOLERATE_KNOWN") == "1":
        test_one_input = tolerating_known_bugs(test_one_input)
    # libFuzzer re-runs argv[0] through the shell for -merge=1 (and -fork): make it a command
    # that starts this interpreter on this script, not a bare path to a non-executable file.
    argv = [f"{shlex.quote(sys.executable)} {shlex.quote(os.path.abspath(sys.argv[0]))}"]
    atheris.Setup([*argv, *sys.argv[1:]], test_one_input)
    atheris.Fuzz()
