"""Oversized input is refused without allocating what it claims (tracemalloc peak, generous)."""

from __future__ import annotations

import asyncio
import base64
import struct
import tracemalloc
import zlib
from collections.abc import Callable

import pytest

from vouch.core.errors import InvalidBundle
from vouch.exchange import bundle as bundles
from vouch.exchange.p2p.errors import ProtocolViolation
from vouch.exchange.p2p.framing import FramedStream
from vouch.exchange.p2p.reconcile import Reconciler, decode_message
from vouch.exchange.p2p.session import SyncSession
from vouch.exchange.p2p.wire import encode_varint

MIB = 1024 * 1024


def _peak(action: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        action()
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak


def _refused(action: Callable[[], object], error: type[Exception]) -> Callable[[], None]:
    def run() -> None:
        with pytest.raises(error):
            action()

    return run


class _Sink:
    def write(self, data: bytes) -> None:
        pass

    def is_closing(self) -> bool:
        return True


def test_a_300_mb_frame_header_is_refused_before_reading() -> None:
    async def read() -> None:
        reader = asyncio.StreamReader()
        reader.feed_data(struct.pack(">I", 300 * MIB) + b"x" * 100)
        reader.feed_eof()
        await FramedStream(reader, _Sink()).read_frame()  # type: ignore[arg-type]

    assert _peak(_refused(lambda: asyncio.run(read()), ProtocolViolation)) < 4 * MIB


def test_a_huge_id_count_in_a_reconciliation_message_is_refused() -> None:
    message = bytes([1]) + encode_varint(0) + encode_varint(0) + encode_varint(2)
    message += encode_varint(2**62) + bytes(64)
    side = Reconciler([])
    assert _peak(_refused(lambda: decode_message(message), ProtocolViolation)) < MIB
    assert _peak(_refused(lambda: side.receive(message), ProtocolViolation)) < MIB


def test_a_huge_document_length_in_a_sync_batch_is_refused() -> None:
    session = SyncSession([], initiator=False)
    session.start()
    message = bytes([3]) + encode_varint(2**60) + b"{}"
    assert _peak(_refused(lambda: session.receive(message), ProtocolViolation)) < MIB


def test_a_bundle_beyond_the_limit_is_refused_without_a_copy() -> None:
    data = bytes(bundles.MAX_BUNDLE_BYTES + 1)  # zero pages, allocated before tracing
    peak = _peak(_refused(lambda: bundles.decode_bundle(data), InvalidBundle))
    assert peak < 4 * MIB


def test_a_deflate_bomb_inflates_no_further_than_the_limit() -> None:
    """Bug 7: a 270 KB paste made decode_bundle peak at twice the 192 MiB limit."""
    packer = zlib.compressobj(9)
    zeros = bytes(MIB)
    packed = b"".join(packer.compress(zeros) for _ in range(bundles.MAX_BUNDLE_BYTES // MIB + 64))
    packed += packer.flush()
    text = bundles.TEXT_PREFIX + base64.urlsafe_b64encode(packed).decode()
    assert len(text) < bundles.MAX_TEXT_CHARS
    del zeros, packed
    peak = _peak(_refused(lambda: bundles.decode_bundle(text), InvalidBundle))
    assert peak < bundles.MAX_BUNDLE_BYTES * 5 // 4  # today about twice the limit
