"""`vouch link`, `vouch link-join` and `vouch devices`: one wallet on several devices.

`link` (on the device that has the wallet) prints `Code: <code>` on its own line (flushed) and
waits; `link-join CODE` (on the new device, in a folder with no wallet) takes the identity and
everything else. Both print the same safety code; `link` sends the identity only after its
person confirms the codes match (`--yes` skips the question, for scripts that check otherwise).
"""

from __future__ import annotations

import argparse
import asyncio

from vouch.cli.base import (
    Add,
    Output,
    home_of,
    open_wallet,
    read_new_passphrase,
)
from vouch.cli.faraway import _far_options, _servers
from vouch.cli.sync import _ask_line, _interactive, _note
from vouch.errors import InvalidInput
from vouch.wallet import Wallet
from vouch.wallet.linking import LinkReport, join_existing_wallet, link_new_device

LOST_DEVICE_ADVICE = (
    "A forgotten device still holds the identity: if it was lost or stolen, whoever has it and "
    "its passphrase can sign as you. Recover with your guardians or the recovery phrase on a "
    "device you trust, make a new identity, and tell your contacts."
)


def register(add: Add) -> None:
    p = add("link", cmd_link, "link another device to this wallet: print a code to type there")
    _far_options(p)
    p.add_argument("--yes", action="store_true", help="do not ask to compare the safety codes")
    p = add(
        "link-join",
        cmd_link_join,
        "make this device (an empty wallet folder) another device of an existing wallet",
    )
    p.add_argument("code", help="the code the other device printed")
    _far_options(p)
    p = add("devices", cmd_devices, "list, rename or forget this wallet's devices")
    p.add_argument("action", nargs="?", choices=["list", "rename", "forget"], default="list")
    p.add_argument("device", nargs="?", help="a device's name or the start of its id")
    p.add_argument("name", nargs="?", help="rename: the new name")


def _summary(report: LinkReport) -> str:
    received = report.sync.received
    return (
        f"Linked with {report.other_name} ({report.other_device[:8]}): same identity "
        f"{report.did}; sent {report.sync.sent}, received {received.added} new."
    )


def _confirm(assume_yes: bool) -> object:
    def ask(code: str) -> bool:
        if assume_yes:
            return True
        if not _interactive():
            raise InvalidInput("Cannot ask to compare the safety codes here; use --yes.")
        _ask_line(f"Does the new device show {code}? [y/N] ")
        return input().strip().lower() in ("y", "yes")

    async def confirm(code: str) -> bool:
        return await asyncio.to_thread(ask, code)

    return confirm


def cmd_link(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        report = asyncio.run(
            link_new_device(
                wallet,
                _servers(args),
                on_code=lambda code: print(f"Code: {code}", flush=True),
                on_safety_code=lambda code: _note(f"Safety code: {code}"),
                confirm=_confirm(args.yes),  # type: ignore[arg-type]
                seconds=args.timeout,
            )
        )
        Output(args.json).emit(report, _summary(report))
    return 0


def cmd_link_join(args: argparse.Namespace) -> int:
    home = home_of(args)
    passphrase = read_new_passphrase(args)
    report = asyncio.run(
        join_existing_wallet(
            home,
            passphrase,
            args.code,
            _servers(args),
            on_safety_code=lambda code: _note(
                f"Safety code: {code}. Check that the other device shows the same; "
                "waiting for it to confirm…"
            ),
            seconds=args.timeout,
        )
    )
    Output(args.json).emit(report, _summary(report))
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        if args.action == "rename":
            return _rename(args, wallet)
        if args.action == "forget":
            return _forget(args, wallet)
        devices = wallet.devices()
        lines = []
        for device in devices:
            when = device.last_sync.isoformat(timespec="minutes") if device.last_sync else "never"
            where = "this device" if device.this_device else f"last sync {when}"
            lines.append(f"{device.device_id[:8]}  {device.name}  ({where})")
        Output(args.json).emit(devices, "\n".join(lines))
    return 0


def _needs(args: argparse.Namespace, *fields: str) -> None:
    missing = [f for f in fields if not getattr(args, f)]
    if missing:
        raise InvalidInput(f"'vouch devices {args.action}' needs: {' '.join(missing).upper()}.")


def _rename(args: argparse.Namespace, wallet: Wallet) -> int:
    _needs(args, "device", "name")
    device = wallet.resolve_device(args.device)
    wallet.rename_device(device.device_id, args.name)
    Output(args.json).emit(
        {"device": device.device_id, "name": args.name}, f"Renamed {device.name} to {args.name}."
    )
    return 0


def _forget(args: argparse.Namespace, wallet: Wallet) -> int:
    _needs(args, "device")
    device = wallet.resolve_device(args.device)
    wallet.forget_device(device.device_id)
    Output(args.json).emit(
        {"forgotten": device.device_id, "advice": LOST_DEVICE_ADVICE},
        f"Forgot {device.name} on this device.\n{LOST_DEVICE_ADVICE}",
    )
    return 0
