"""`vouch contact add|list|remove`: the people I know by name."""

from __future__ import annotations

import argparse
from typing import Any

from vouch.cli.base import Output, open_wallet


def register(sub: Any) -> None:
    contact = sub.add_parser("contact", help="manage contacts").add_subparsers(
        dest="contact_command", required=True, metavar="ACTION"
    )
    p = contact.add_parser("add", help="add or rename a contact")
    p.set_defaults(handler=cmd_contact_add)
    p.add_argument("did")
    p.add_argument("--name", required=True)
    p.add_argument("--verified", action="store_true", help="safety codes compared in person")
    p.add_argument("--note", default="")
    contact.add_parser("list", help="list contacts").set_defaults(handler=cmd_contact_list)
    p = contact.add_parser("remove", help="remove a contact")
    p.set_defaults(handler=cmd_contact_remove)
    p.add_argument("did")


def cmd_contact_add(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        contact = wallet.add_contact(args.did, args.name, verified=args.verified, note=args.note)
        mark = " (verified in person)" if contact.verified else ""
        Output(args.json).emit(contact, f"Added {contact.petname}{mark}: {contact.did}")
    return 0


def cmd_contact_list(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        contacts = wallet.contacts()
        lines = [f"{'✓' if c.verified else ' '} {c.petname:<24} {c.did}" for c in contacts]
        Output(args.json).emit(contacts, "\n".join(lines) or "No contacts yet.")
    return 0


def cmd_contact_remove(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        wallet.remove_contact(args.did)
        Output(args.json).emit({"removed": args.did}, f"Removed {args.did}")
    return 0
