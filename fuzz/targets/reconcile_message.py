"""Fuzz target: reconciliation messages from a peer (decoding, then the state machine).

The input is cut into messages (2-byte big-endian length prefixes) fed in turn to one side of
a real reconciliation over a fixed set. Allowed outcomes: replies, or a `ProtocolViolation`.
"""

from __future__ import annotations

from _instrument import instrumented

with instrumented(__name__ == "__main__"):
    from _support import RECON_CONFIG, check_refusal, run_fuzzer, sync_items

    from vouch.core.errors import VouchError
    from vouch.exchange.p2p.reconcile import Reconciler, decode_message, encode_message


_ITEMS = [(item.timestamp, item.item_id) for item in sync_items(range(0, 40))]


def split_messages(data: bytes) -> list[bytes]:
    messages = []
    pos = 0
    while pos + 2 <= len(data):
        size = int.from_bytes(data[pos : pos + 2], "big")
        messages.append(data[pos + 2 : pos + 2 + size])
        pos += 2 + size
    return messages


def _check_decoding(message: bytes) -> None:
    try:
        ranges = decode_message(message)
    except VouchError as exc:
        check_refusal(exc)
        return
    if decode_message(encode_message(ranges)) != ranges:
        raise AssertionError("a decoded message does not survive re-encoding")


def test_one_input(data: bytes) -> None:
    messages = split_messages(data)
    side = Reconciler(_ITEMS, RECON_CONFIG)
    try:
        for message in messages:
            _check_decoding(message)
            step = side.receive(message)
            if step.reply is not None:
                decode_message(step.reply)  # our own replies must always be well formed
            if step.reply is None:
                break
    except VouchError as exc:
        check_refusal(exc)


if __name__ == "__main__":
    run_fuzzer(test_one_input)
