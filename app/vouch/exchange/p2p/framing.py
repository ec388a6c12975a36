"""Length-prefixed frames over asyncio streams, with a size cap and a timeout on every frame.

A frame is a 4-byte big-endian length followed by that many bytes. A length above the cap is
refused before a single body byte is read, so a hostile peer cannot make us buffer much. One
timeout covers a whole frame (header and body); longer deadlines (a whole message, the whole
handshake) are applied above this layer.
"""

from __future__ import annotations

import asyncio
import contextlib
import struct

from vouch.exchange.p2p.errors import PeerDisconnected, PeerTimeout, ProtocolViolation

HEADER = struct.Struct(">I")
DEFAULT_MAX_FRAME = 1024 * 1024
DEFAULT_READ_TIMEOUT = 30.0


class FramedStream:
    """Frames over one TCP connection; counts the bytes in each direction."""

    def __init__(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        *,
        max_frame: int = DEFAULT_MAX_FRAME,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
    ) -> None:
        self._reader = reader
        self._writer = writer
        self.max_frame = max_frame
        self.read_timeout = read_timeout
        self.bytes_sent = 0
        self.bytes_received = 0

    async def read_frame(self, timeout: float | None = None) -> bytes:
        """The next frame's body; `PeerTimeout`, `PeerDisconnected` or `ProtocolViolation`."""
        limit = self.read_timeout if timeout is None else timeout
        try:
            async with asyncio.timeout(limit):
                header = await self._read_exactly(HEADER.size)
                (length,) = HEADER.unpack(header)
                if length > self.max_frame:
                    raise ProtocolViolation(
                        f"The other wallet announced a {length}-byte frame "
                        f"(limit {self.max_frame})."
                    )
                body = await self._read_exactly(length)
        except TimeoutError as exc:
            raise PeerTimeout(f"The other wallet sent nothing for {limit:g} seconds.") from exc
        self.bytes_received += HEADER.size + length
        return body

    async def write_frame(self, body: bytes) -> None:
        if len(body) > self.max_frame:
            raise ValueError(f"frame of {len(body)} bytes exceeds the {self.max_frame} limit")
        self._writer.write(HEADER.pack(len(body)) + body)
        self.bytes_sent += HEADER.size + len(body)
        try:
            await self._writer.drain()
        except (ConnectionError, OSError) as exc:
            raise PeerDisconnected() from exc

    async def _read_exactly(self, count: int) -> bytes:
        try:
            return await self._reader.readexactly(count)
        except asyncio.IncompleteReadError as exc:
            raise PeerDisconnected() from exc
        except (ConnectionError, OSError) as exc:
            raise PeerDisconnected() from exc

    async def close(self) -> None:
        """Close the connection; errors while closing an already broken socket are ignored.

        Also when the transport is already closing (the peer left): the socket itself is
        closed one loop turn later, and waiting for that here means a loop that ends right
        after never leaves a socket open.
        """
        self._writer.close()
        with contextlib.suppress(ConnectionError, OSError, TimeoutError):
            async with asyncio.timeout(2.0):
                await self._writer.wait_closed()

    @property
    def peer_address(self) -> str:
        """`host:port` of the other end, as shown to the user."""
        host, port = self.peer_host, self._peer_port()
        return f"{host}:{port}" if port is not None else "unknown peer"

    @property
    def peer_host(self) -> str:
        """The other end's IP address alone (what per-address limits count)."""
        peer = self._writer.get_extra_info("peername")
        if isinstance(peer, tuple) and len(peer) >= 2:
            return str(peer[0])
        return "unknown peer"

    def _peer_port(self) -> int | None:
        peer = self._writer.get_extra_info("peername")
        if isinstance(peer, tuple) and len(peer) >= 2:
            return int(peer[1])
        return None
