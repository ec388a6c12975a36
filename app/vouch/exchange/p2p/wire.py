"""Binary encoding helpers for the sync messages: LEB128 varints and a bounded reader."""

from __future__ import annotations

from vouch.exchange.p2p.errors import ProtocolViolation

MAX_VARINT_BYTES = 10


def encode_varint(value: int) -> bytes:
    if value < 0:
        raise ValueError("varints are unsigned")
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


class Reader:
    """Reads a message front to back; any overrun or malformed field is a `ProtocolViolation`."""

    def __init__(self, data: bytes) -> None:
        self._data = memoryview(data)
        self._pos = 0

    @property
    def at_end(self) -> bool:
        return self._pos >= len(self._data)

    @property
    def remaining(self) -> int:
        return len(self._data) - self._pos

    def varint(self) -> int:
        value = 0
        for shift in range(0, 7 * MAX_VARINT_BYTES, 7):
            byte = self.take(1)[0]
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return value
        raise ProtocolViolation("A number in the message is too long.")

    def take(self, count: int) -> bytes:
        if count < 0 or self._pos + count > len(self._data):
            raise ProtocolViolation("The message is truncated.")
        chunk = bytes(self._data[self._pos : self._pos + count])
        self._pos += count
        return chunk

    def rest(self) -> bytes:
        return self.take(self.remaining)
