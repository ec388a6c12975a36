"""Local magic-wormhole servers for the tests: a mailbox and a transit relay on loopback.

Both are the real servers (`magic-wormhole-mailbox-server`, `magic-wormhole-transit-relay`),
started with `twist` as subprocesses on free loopback ports and stopped afterwards. Nothing
leaves the machine.
"""

from __future__ import annotations

import contextlib
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from vouch.exchange.wormhole.link import WormholeServers


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early: {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


def twist(*args: str) -> list[str]:
    return [sys.executable, "-m", "twisted", *args]


@dataclass
class LocalServers:
    mailbox_port: int
    transit_port: int
    usage_db: Path
    processes: tuple[subprocess.Popen[bytes], ...]

    @property
    def mailbox(self) -> str:
        return f"ws://127.0.0.1:{self.mailbox_port}/v1"

    @property
    def transit(self) -> str:
        return f"tcp:127.0.0.1:{self.transit_port}"

    def servers(self, *, relay_only: bool = False) -> WormholeServers:
        return WormholeServers(self.mailbox, self.transit, relay_only=relay_only)

    def relayed(self) -> list[tuple[str, int]]:
        """(result, total bytes) of every connection the transit relay glued together."""
        with contextlib.closing(sqlite3.connect(self.usage_db)) as db:
            rows = db.execute("SELECT result, total_bytes FROM usage").fetchall()
        return [(str(result), int(total or 0)) for result, total in rows]


@contextlib.contextmanager
def local_wormhole_servers(folder: Path) -> Iterator[LocalServers]:
    folder.mkdir(parents=True, exist_ok=True)
    mailbox_port, transit_port = free_port(), free_port()
    usage_db = folder / "transit-usage.sqlite"
    logs = [(folder / "mailbox.log").open("wb"), (folder / "transit.log").open("wb")]
    commands = [
        twist(
            "wormhole-mailbox",
            f"--port=tcp:{mailbox_port}:interface=127.0.0.1",
            f"--channel-db={folder / 'mailbox.sqlite'}",
        ),
        twist(
            "transitrelay",
            f"--port=tcp:{transit_port}:interface=127.0.0.1",
            f"--usage-db={usage_db}",
        ),
    ]
    processes = tuple(
        subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=folder)
        for command, log in zip(commands, logs, strict=True)
    )
    try:
        wait_for_port(mailbox_port, processes[0])
        wait_for_port(transit_port, processes[1])
        yield LocalServers(mailbox_port, transit_port, usage_db, processes)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for log in logs:
            log.close()
