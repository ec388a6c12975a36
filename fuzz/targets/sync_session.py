"""Fuzz target: sync session messages (RECON, WANT, ITEMS, DONE) from a peer.

The first byte says which side we play; the rest is cut into messages (2-byte big-endian
length prefixes) fed to a real session over a fixed set. Allowed outcomes: steps, or a
`ProtocolViolation`. Documents handed back must be ones this side asked for.
"""

from __future__ import annotations

import hashlib

from _instrument import instrumented

with instrumented(__name__ == "__main__"):
    from _support import SESSION_CONFIG, check_refusal, run_fuzzer, sync_items
    from reconcile_message import split_messages

    from vouch.core.errors import VouchError
    from vouch.exchange.p2p.session import SyncSession


def test_one_input(data: bytes) -> None:
    if not data:
        return
    initiator = bool(data[0] & 1)
    session = SyncSession(sync_items(range(0, 12)), initiator=initiator, config=SESSION_CONFIG)
    session.start()
    asked: set[bytes] = set()
    try:
        for message in split_messages(data[1:]):
            before = session.items_requested
            step = session.receive(message)
            for out in step.outgoing:
                if out[0] == 2:  # WANT: remember what we asked for
                    asked.update(out[1 + i : 33 + i] for i in range(0, len(out) - 1, 32))
            if session.items_requested < before:
                raise AssertionError("the request counter went back")
            for document in step.documents:
                if hashlib.sha256(document).digest() not in asked:
                    raise AssertionError("a document nobody asked for was accepted")
    except VouchError as exc:
        check_refusal(exc)


if __name__ == "__main__":
    run_fuzzer(test_one_input)
