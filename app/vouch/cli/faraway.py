"""`vouch invite`, `vouch join CODE`, `vouch sync-with PERSON`: syncing with someone far away.

Through magic-wormhole (docs/WIDE_AREA.md): `invite` prints `Code: <code>` on its own line
(flushed) for the person to read out; the other person types it into `join`. A contact met
before is met again with `sync-with`, both at about the same time, with no new code.
"""

from __future__ import annotations

import argparse
import sys

from vouch.cli.base import Add, Output, open_wallet, person, person_argument
from vouch.cli.sync import _interactive, _note, _Printer, _seconds, _summary
from vouch.errors import PeerError
from vouch.exchange.runtime import (
    ExchangeConfig,
    FarMode,
    FarPlan,
    FarWaiting,
    Outcome,
    SyncReport,
    WormholeServers,
    normalise_code,
)
from vouch.wallet import Wallet

FAR_SECONDS = 600.0
PLACEHOLDER_PREFIX = "Met by code"  # the name a contact met by code has until it is given one


def register(add: Add) -> None:
    p = add("invite", cmd_invite, "sync with someone far away: print a code to read out")
    _far_options(p)
    p.add_argument("--name", help="the name to give the person who joins")
    p = add("join", cmd_join, "sync with someone far away who read you a code")
    p.add_argument("code", help="the code, e.g. 7-guitarist-revenge-crossbow")
    _far_options(p)
    p.add_argument("--name", help="the name to give the person who invited you")
    p = add(
        "sync-with",
        cmd_sync_with,
        "sync again with a contact or another of my devices far away, without a code",
    )
    person_argument(p, "did", metavar="PERSON")
    _far_options(p)


def _far_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--mailbox", metavar="URL", help="mailbox server (default: $VOUCH_MAILBOX)")
    p.add_argument("--transit", metavar="tcp:HOST:PORT", help="transit relay ($VOUCH_TRANSIT)")
    p.add_argument(
        "--relay-only",
        action="store_true",
        help="send everything through the transit relay (the other side never sees your address)",
    )
    p.add_argument("--timeout", type=_seconds, default=FAR_SECONDS, metavar="SECONDS")


class _FarPrinter(_Printer):
    def __init__(self, args: argparse.Namespace, wallet: Wallet) -> None:
        super().__init__(args, None)
        self._wallet = wallet

    def far_waiting(self, waiting: FarWaiting) -> None:
        minutes = max(1, round(waiting.seconds_left() / 60))
        if waiting.mode is FarMode.INVITE:
            print(f"Code: {waiting.code}", flush=True)
            _note(f"Read the code to the other person; it waits up to {minutes} min.")
        elif waiting.mode is FarMode.MEET and waiting.peer_did == self._wallet.did:
            _note(f"Waiting for your other device to choose sync (up to {minutes} min)…")
        elif waiting.mode is FarMode.MEET and waiting.peer_did:
            name = self._wallet.display_name(waiting.peer_did)
            _note(f"Waiting for {name} to choose sync with you (up to {minutes} min)…")


def _servers(args: argparse.Namespace) -> WormholeServers:
    found = WormholeServers.from_environment(args.mailbox, args.transit)
    return WormholeServers(found.mailbox, found.transit, relay_only=args.relay_only)


def _sync_far(args: argparse.Namespace, wallet: Wallet, plan: FarPlan) -> SyncReport:
    printer = _FarPrinter(args, wallet)
    runtime = wallet.exchange(printer, ExchangeConfig(announce=False, pairing=False))
    runtime.sync_far(plan)
    runtime.release()
    runtime.run()
    outcome: Outcome | None = next((o for o in printer.outcomes if not o.incoming), None)
    if outcome is None or outcome.report is None:
        raise PeerError(outcome.error if outcome is not None and outcome.error else None)
    return outcome.report


def _name_the_person(args: argparse.Namespace, wallet: Wallet, did: str) -> None:
    """A person met by code gets the name given with --name, or asked for on a terminal."""
    contact = wallet.contact(did)
    if contact is None or not contact.petname.startswith(PLACEHOLDER_PREFIX):
        return
    name = args.name
    if not name and _interactive():
        print("Who was that? A name for them in your contacts: ", end="", file=sys.stderr)
        name = input().strip()
    if name:
        wallet.update_contact(did, petname=name)


def _finish(args: argparse.Namespace, wallet: Wallet, report: SyncReport) -> int:
    if getattr(args, "name", None) is not None or _interactive():
        _name_the_person(args, wallet, report.peer_did)
    Output(args.json).emit(report, _summary(report))
    return 0


def cmd_invite(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        plan = FarPlan(FarMode.INVITE, _servers(args), seconds=args.timeout)
        return _finish(args, wallet, _sync_far(args, wallet, plan))


def cmd_join(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        code = normalise_code(args.code)  # a mistyped code is refused before anything starts
        plan = FarPlan(FarMode.JOIN, _servers(args), code=code, seconds=args.timeout)
        return _finish(args, wallet, _sync_far(args, wallet, plan))


def _meeting(args: argparse.Namespace, wallet: Wallet) -> FarPlan:
    """Meet a contact, or another of my devices when the name is one of theirs."""
    device = next(
        (d for d in wallet.devices()[1:] if d.name.casefold() == args.did.strip().casefold()),
        None,
    )
    if device is not None:
        return FarPlan(
            FarMode.MEET,
            _servers(args),
            peer_did=wallet.did,
            seconds=args.timeout,
            devices=(wallet.device_id, device.device_id),
        )
    did = person(wallet, args.did)
    return FarPlan(FarMode.MEET, _servers(args), peer_did=did, seconds=args.timeout)


def cmd_sync_with(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        report = _sync_far(args, wallet, _meeting(args, wallet))
        Output(args.json).emit(report, _summary(report))
    return 0
