"""Worker processes for the crash harness: a fork server and a sync peer.

`python crash_worker.py fork` imports vouch once, then reads one JSON command per line on stdin.
For each command it forks a child that runs one operation on a wallet folder (an import, a sync,
a passphrase change), waits `delay` seconds (or until the child ends when `delay` is null),
kills the child with SIGKILL, and answers with one JSON line: whether the kill landed, and the
moments (seconds after the fork) at which the child passed its markers:

- `begin`: the store transaction (or the re-key) is about to start;
- `commit`: COMMIT is about to be sent;
- `committed`: COMMIT returned (for a re-key: the new key file is in place);
- `reported`: the operation returned to its caller (a passphrase change "reported success");
- `error`: the operation raised (the message follows).

`python crash_worker.py serve HOME PASSPHRASE` serves syncs from the wallet in HOME on 127.0.0.1
and prints the bound port; it runs until killed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import select
import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from vouch.core.store import db as store_db
from vouch.exchange.p2p.service import serve, sync_with
from vouch.wallet import BackgroundCheck, Wallet
from vouch.wallet.sync import WalletSyncStore

Marker = Callable[[str], None]


@contextlib.contextmanager
def _marked(mark: Marker) -> Iterator[None]:
    """Report the store's transaction boundaries and re-keys through `mark`."""
    execute = store_db.GuardedConnection.execute
    rekey = store_db.Database.rekey

    def traced_execute(self: Any, sql: str, params: Any = ()) -> Any:
        if sql == "BEGIN IMMEDIATE":
            mark("begin")
        elif sql == "COMMIT":
            mark("commit")
        result = execute(self, sql, params)
        if sql == "COMMIT":
            mark("committed")
        return result

    def traced_rekey(self: Any, new_key: bytes) -> None:
        mark("begin")
        rekey(self, new_key)
        mark("commit")

    store_db.GuardedConnection.execute = traced_execute  # type: ignore[method-assign]
    store_db.Database.rekey = traced_rekey  # type: ignore[method-assign]
    try:
        yield
    finally:
        store_db.GuardedConnection.execute = execute  # type: ignore[method-assign]
        store_db.Database.rekey = rekey  # type: ignore[method-assign]


_BUNDLES: dict[str, bytes] = {}


def _bundle(path: str) -> bytes:
    """Bundle bytes, read once in the fork server and inherited by every child."""
    if path not in _BUNDLES:
        _BUNDLES[path] = Path(path).read_bytes()
    return _BUNDLES[path]


def run_import(command: dict[str, Any], mark: Marker) -> None:
    data = _bundle(command["bundle"])
    with Wallet.open(Path(command["home"]), command["passphrase"]) as wallet:
        wallet.apply_import(wallet.preview_import(data))
    mark("reported")


def run_import_streamed(command: dict[str, Any], mark: Marker) -> None:
    """What `vouch import` does: the items stored as they are checked, one transaction."""
    data = _bundle(command["bundle"])
    with (
        BackgroundCheck(data, parts=True) as checking,
        Wallet.open(Path(command["home"]), command["passphrase"]) as wallet,
    ):
        wallet.import_while_checking(checking)
    mark("reported")


def run_sync(command: dict[str, Any], mark: Marker) -> None:
    with Wallet.open(Path(command["home"]), command["passphrase"]) as wallet:
        asyncio.run(sync_with(WalletSyncStore(wallet), "127.0.0.1", int(command["port"])))
    mark("reported")


def run_passphrase(command: dict[str, Any], mark: Marker) -> None:
    with Wallet.open(Path(command["home"]), command["passphrase"]) as wallet:
        wallet.change_passphrase(command["passphrase"], command["new_passphrase"])
        mark("committed")
    mark("reported")


OPERATIONS: dict[str, Callable[[dict[str, Any], Marker], None]] = {
    "import": run_import,
    "import-streamed": run_import_streamed,
    "sync": run_sync,
    "passphrase": run_passphrase,
}


def _child(command: dict[str, Any], write_fd: int, started: float) -> None:
    """Runs in the forked child; never returns."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # stdout is the fork server's answer channel

    def mark(name: str, detail: str = "") -> None:
        line = json.dumps([name, time.monotonic() - started, detail]) + "\n"
        os.write(write_fd, line.encode())

    code = 0
    try:
        with _marked(mark):
            OPERATIONS[command["op"]](command, mark)
    except BaseException as exc:  # the child reports any failure, whatever its kind
        mark("error", f"{type(exc).__name__}: {exc}")
        code = 1
    os._exit(code)


def _collect(read_fd: int, pid: int, delay: float | None, started: float) -> tuple[bytes, bool]:
    """Read markers until the child ends or `delay` passes; then SIGKILL it and reap it."""
    chunks: list[bytes] = []
    deadline = None if delay is None else started + delay
    ended = False
    while True:
        timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
        ready, _, _ = select.select([read_fd], [], [], timeout)
        if not ready:
            break
        chunk = os.read(read_fd, 65536)
        if not chunk:
            ended = True
            break
        chunks.append(chunk)
    os.kill(pid, signal.SIGKILL)  # a no-op on a child that already ended (it is not reaped yet)
    _, status = os.waitpid(pid, 0)
    while chunk := os.read(read_fd, 65536):
        chunks.append(chunk)
    os.close(read_fd)
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    return b"".join(chunks), killed and not ended


def run_one(command: dict[str, Any]) -> dict[str, Any]:
    read_fd, write_fd = os.pipe()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        _child(command, write_fd, started)
    os.close(write_fd)
    raw, killed = _collect(read_fd, pid, command.get("delay"), started)
    markers: dict[str, float] = {}
    errors: list[str] = []
    for line in raw.decode().splitlines():
        name, moment, detail = json.loads(line)
        markers.setdefault(name, moment)
        markers[f"count_{name}"] = markers.get(f"count_{name}", 0) + 1
        if name == "error":
            errors.append(detail)
    return {"killed": killed, "markers": markers, "errors": errors}


def fork_loop() -> None:
    for line in sys.stdin:
        command = json.loads(line)
        if command["op"] == "preload":
            _bundle(command["bundle"])
            answer: dict[str, Any] = {"ok": True}
        else:
            answer = run_one(command)
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


def serve_forever(home: Path, passphrase: str) -> None:
    wallet = Wallet.open(home, passphrase)

    def listening(port: int) -> None:
        sys.stdout.write(f"{port}\n")
        sys.stdout.flush()

    asyncio.run(serve(WalletSyncStore(wallet), on_listening=listening, timeout=None))


if __name__ == "__main__":
    if sys.argv[1] == "fork":
        fork_loop()
    else:
        serve_forever(Path(sys.argv[2]), sys.argv[3])
