"""`vouch share`, `vouch peers`, `vouch sync`: exchange with wallets on the local network."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Callable

from vouch.cli.base import Add, Output, open_wallet
from vouch.core.errors import PeerError
from vouch.exchange.p2p.discovery import Announcer, announce_addresses, browse
from vouch.exchange.p2p.service import parse_peer_address, serve, sync_with
from vouch.exchange.p2p.status import SyncReport, SyncStatus
from vouch.wallet.sync import WalletSyncStore


def register(add: Add) -> None:
    p = add("share", cmd_share, "become visible nearby and serve syncs until stopped")
    p.add_argument("--listen", default="0.0.0.0:0", metavar="HOST:PORT")
    p.add_argument("--timeout", type=float, default=300.0, metavar="SECONDS")
    p.add_argument("--no-announce", action="store_true", help="do not announce on the network")
    p = add("peers", cmd_peers, "list the wallets visible on the local network")
    p.add_argument("--timeout", type=float, default=3.0, metavar="SECONDS")
    p = add("sync", cmd_sync, "sync with a peer (a name from 'vouch peers', or HOST:PORT)")
    p.add_argument("peer")
    p.add_argument("--timeout", type=float, default=3.0, help="how long to look for a name")


def _confirm(args: argparse.Namespace) -> Callable[[str, str], bool]:
    def confirm(peer_did: str, sas: str) -> bool:
        if not sys.stdin.isatty():
            print(f"Refused unknown peer {peer_did}: pair interactively first.", file=sys.stderr)
            return False
        print(f"New peer {peer_did}\nDoes the other screen show  {sas}  ? [y/N] ", end="")
        return input().strip().lower() in ("y", "yes")

    return confirm


def _progress(args: argparse.Namespace) -> Callable[[SyncStatus], None]:
    def show(status: SyncStatus) -> None:
        if not args.json:
            print(
                f"  {status.phase.value}: sent {status.items_sent}, "
                f"received {status.items_received}",
                file=sys.stderr,
            )

    return show


def _report(args: argparse.Namespace, report: SyncReport) -> None:
    received = report.received
    text = (
        f"Synced with {report.peer_did}: sent {report.sent}, received {received.added} new "
        f"({received.duplicates} duplicate, {received.invalid} invalid); "
        f"{report.bytes_sent + report.bytes_received} bytes in {report.round_trips} round trips."
    )
    Output(args.json).emit(report, text)


def cmd_share(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="vouch: %(message)s")
    host, port = parse_peer_address(args.listen)
    with open_wallet(args) as wallet:
        store = WalletSyncStore(wallet)
        asyncio.run(_share(args, store, host, port))
    return 0


async def _share(args: argparse.Namespace, store: WalletSyncStore, host: str, port: int) -> None:
    announcer: Announcer | None = None

    async def announce(bound: int) -> None:
        nonlocal announcer
        print(f"Listening on {host}:{bound}", flush=True)
        if not args.no_announce:
            announcer = Announcer(bound, addresses=announce_addresses(host), timeout=args.timeout)
            await announcer.start()
            print(f"Visible as {announcer.instance}", flush=True)

    tasks: set[asyncio.Task[None]] = set()

    def on_listening(bound: int) -> None:
        tasks.add(asyncio.get_running_loop().create_task(announce(bound)))

    try:
        await serve(
            store,
            host,
            port,
            confirm_pairing=_confirm(args),
            on_status=_progress(args),
            on_listening=on_listening,
            timeout=args.timeout,
        )
    finally:
        if announcer is not None:
            await announcer.stop()


def cmd_peers(args: argparse.Namespace) -> int:
    found = asyncio.run(browse(args.timeout))
    lines = [f"{w.name}  {w.host}:{w.port}" for w in found]
    Output(args.json).emit(found, "\n".join(lines) or "No visible wallets found.")
    return 0


def _resolve_peer(text: str, timeout: float) -> tuple[str, int]:
    if ":" in text:
        return parse_peer_address(text)
    for wallet in asyncio.run(browse(timeout)):
        if wallet.name == text or wallet.name.startswith(text + "."):
            return wallet.host, wallet.port
    raise PeerError(f"No visible wallet named {text!r}; try 'vouch peers' or use HOST:PORT.")


def cmd_sync(args: argparse.Namespace) -> int:
    host, port = _resolve_peer(args.peer, args.timeout)
    with open_wallet(args) as wallet:
        report = asyncio.run(
            sync_with(
                WalletSyncStore(wallet),
                host,
                port,
                confirm_pairing=_confirm(args),
                on_status=_progress(args),
            )
        )
        _report(args, report)
    return 0
