"""`vouch unlock-method enable|disable|status`: unlocking with the operating system."""

from __future__ import annotations

import argparse

from vouch.cli.base import Add, Output, open_wallet
from vouch.wallet import QuickUnlock


def register(add: Add) -> None:
    p = add("unlock-method", cmd_unlock_method, "unlock with the operating system (optional)")
    p.add_argument("action", choices=["enable", "disable", "status"])


def cmd_unlock_method(args: argparse.Namespace) -> int:
    quick = QuickUnlock()
    with open_wallet(args) as wallet:
        backend = quick.backend(wallet.home)
        if args.action == "enable":
            quick.enable(wallet)
            text = f"Unlock with {backend.name} is on. Your passphrase still works."
        elif args.action == "disable":
            quick.disable(wallet.home)
            text = f"Unlock with {backend.name} is off."
        else:
            state = "on" if quick.is_enabled(wallet.home) else "off"
            note = "" if backend.available() else f" ({backend.unavailable_reason()})"
            text = f"Unlock with {backend.name}: {state}{note}"
        data = {
            "method": backend.name,
            "available": backend.available(),
            "enabled": quick.is_enabled(wallet.home),
        }
        Output(args.json).emit(data, text)
    return 0
