"""Ed25519 checks of a big import, done by a helper process while the import does the rest.

Where worker processes can run, a big import is checked whole by them instead
(`vouch.exchange.importing.Workers`); this helper is what remains where they cannot (a frozen
app whose entry point has not allowed them).

Checking a bundle is Python work (parsing, canonicalization, the endorsement rules) plus one
Ed25519 verification per item in libsodium, and the two take about as long. Threads cannot
overlap them (each libsodium call is short, and getting the interpreter lock back after it
waits behind the Python work), so for big imports the signatures go, in chunks, to one helper
process (`python -P -m vouch.exchange.sigcheck`) while the import carries on. When the import
has nothing else left, it checks the remaining signatures from the back while the helper goes
on from the front, until they meet. The helper checks with the same `identity.verify_signature`
(libsodium through PyNaCl) as everything else. If the helper cannot start or stops early, every
check it did not answer is done here: the outcome never depends on it. Cancelling, or leaving
the `with` block in any way, ends the helper.

On the helper's stdin, a frame is a 4-byte big-endian count N then N records of public key
(32 bytes) + message (64) + signature (64); N = 0 ends. For each frame the helper writes N
bytes to stdout, 1 for a valid signature and 0 for an invalid one.
"""

from __future__ import annotations

import contextlib
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import BinaryIO

from vouch.core.errors import OperationCancelled
from vouch.core.identity import verify_signature
from vouch.core.process import disable_core_dumps

KEY_BYTES, MESSAGE_BYTES, SIGNATURE_BYTES = 32, 64, 64
RECORD = KEY_BYTES + MESSAGE_BYTES + SIGNATURE_BYTES
CHUNK = 500  # checks per frame: about 20 ms of work
MIN_CHECKS_FOR_HELPER = 4000  # below this, starting a process costs more than it saves


class SignatureChecks:
    """Collects (public key, message, signature) checks; `results()` answers them in order.

    With a helper, every full chunk goes to it as soon as it is added; the helper works from
    the front. `results()` then checks chunks from the back here until the two meet, so both
    processors stay busy to the end, and ends the helper."""

    def __init__(self, expected: int) -> None:
        self._records: list[bytes] = []
        self._sent = 0  # records [0, _sent) went to the helper
        self._helper = _Helper.start() if expected >= MIN_CHECKS_FOR_HELPER else None

    def __enter__(self) -> SignatureChecks:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def uses_helper(self) -> bool:
        return self._helper is not None

    def add(self, public_key: bytes, message: bytes, signature: bytes) -> int:
        """Queue one check; returns its position in `results()`."""
        if (len(public_key), len(message), len(signature)) != (
            KEY_BYTES,
            MESSAGE_BYTES,
            SIGNATURE_BYTES,
        ):
            raise ValueError("a check is a 32-byte key, a 64-byte message, a 64-byte signature")
        self._records.append(public_key + message + signature)
        if self._helper is not None and len(self._records) - self._sent >= CHUNK:
            self._helper.send(self._records[self._sent :])
            self._sent = len(self._records)
        return len(self._records) - 1

    def results(self, cancelled: Callable[[], bool] | None = None) -> list[bool]:
        """Whether each signature is valid, in the order the checks were added."""
        end = len(self._records)
        chunks: list[list[bool]] = []  # verdicts of records [end, len), from the back
        while end > (answered := self._answered()):  # one reading: the helper goes on
            _stop_if(cancelled)
            start = max(end - CHUNK, answered)
            chunks.append([_check(record) for record in self._records[start:end]])
            end = start
        verdicts = [bool(a) for a in self._helper.answers(end)] if self._helper else []
        self.close()
        for chunk in reversed(chunks):
            verdicts += chunk
        return verdicts

    def close(self) -> None:
        if self._helper is not None:
            self._helper.stop()
            self._helper = None

    def _answered(self) -> int:
        return self._helper.answered if self._helper is not None else 0


def _stop_if(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise OperationCancelled()


def _check(record: bytes) -> bool:
    key, message = record[:KEY_BYTES], record[KEY_BYTES : KEY_BYTES + MESSAGE_BYTES]
    return verify_signature(key, message, record[KEY_BYTES + MESSAGE_BYTES :])


class _Helper:
    """The helper process; a thread reads its answers (so its output pipe never fills up)."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdin is not None and process.stdout is not None
        self._process = process
        self._stdin = process.stdin
        self._stdout = process.stdout
        self._answers = bytearray()
        self._reader = threading.Thread(target=self._read, name="sigcheck-reader", daemon=True)
        self._reader.start()

    @classmethod
    def start(cls) -> _Helper | None:
        """None where no helper can run (a frozen app has no `python -m`); checks stay here."""
        if getattr(sys, "frozen", False) or not sys.executable:
            return None
        try:
            process = subprocess.Popen(
                [sys.executable, "-P", "-m", __name__],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            return None
        return cls(process)

    @property
    def answered(self) -> int:
        return len(self._answers)

    def answers(self, count: int) -> bytes:
        return bytes(self._answers[:count])

    def send(self, records: list[bytes]) -> None:
        """Hand over records (the helper reads its input eagerly, so this hardly waits)."""
        try:
            for start in range(0, len(records), CHUNK):
                chunk = records[start : start + CHUNK]
                self._stdin.write(len(chunk).to_bytes(4, "big") + b"".join(chunk))
            self._stdin.flush()
        except (OSError, ValueError):  # the helper ended: what it did not answer is done here
            pass

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        self._reader.join()
        for pipe in (self._stdin, self._stdout):
            with contextlib.suppress(OSError):
                pipe.close()

    def _read(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            while chunk := self._stdout.read1(65536):  # type: ignore[attr-defined]
                self._answers += chunk


def serve(source: BinaryIO, sink: BinaryIO) -> None:
    """The helper's loop: answer frames until the count 0 or the end of input. Input is read
    by a thread into memory, so the import never waits on a full pipe."""
    frames: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
    reader = threading.Thread(target=_read_frames, args=(source, frames), daemon=True)
    reader.start()
    while (body := frames.get()) is not None:
        sink.write(bytes(_check(body[at : at + RECORD]) for at in range(0, len(body), RECORD)))
        sink.flush()


def _read_frames(source: BinaryIO, frames: queue.SimpleQueue[bytes | None]) -> None:
    try:
        while len(head := source.read(4)) == 4:
            count = int.from_bytes(head, "big")
            if count == 0 or count > CHUNK:
                return
            body = source.read(count * RECORD)
            if len(body) != count * RECORD:
                return
            frames.put(body)
    finally:
        frames.put(None)


if __name__ == "__main__":
    disable_core_dumps()  # like every process of Vouch
    serve(sys.stdin.buffer, sys.stdout.buffer)
