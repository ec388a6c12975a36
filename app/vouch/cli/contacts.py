"""`vouch contact add|list|remove`: the people I know by name."""

from __future__ import annotations

import argparse
from typing import Any

from vouch.cli.base import Output, open_wallet, person, person_argument


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    contact = sub.add_parser("contact", help="manage contacts", parents=[common]).add_subparsers(
        dest="contact_command", required=True, metavar="ACTION"
    )
    p = contact.add_parser("add", help="add or rename a contact", parents=[common])
    p.set_defaults(handler=cmd_contact_add)
    p.add_argument("did", help="their did:key (from their card, link or QR code)")
    p.add_argument("--name", required=True)
    p.add_argument("--verified", action="store_true", help="safety codes compared in person")
    p.add_argument("--note", default="")
    p = contact.add_parser("list", help="list contacts", parents=[common])
    p.set_defaults(handler=cmd_contact_list)
    p = contact.add_parser("remove", help="remove a contact", parents=[common])
    p.set_defaults(handler=cmd_contact_remove)
    person_argument(p)


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
        did = person(wallet, args.person)
        name = wallet.display_name(did)
        wallet.remove_contact(did)
        Output(args.json).emit({"removed": did}, f"Removed {name} ({did})")
    return 0
