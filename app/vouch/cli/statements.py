"""`vouch endorse`, `caution`, `revoke`, `list`: the statements I sign and hold."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from vouch.cli.base import (
    Add,
    Output,
    open_wallet,
    parse_level,
    parse_until,
    person,
    person_argument,
    plain,
    scope_argument,
)
from vouch.core.records import Direction, Endorsement, EndorsementFilter
from vouch.wallet import Wallet


def register(add: Add) -> None:
    p = add("endorse", cmd_endorse, "say you rely on someone for a task")
    person_argument(p, "did", metavar="PERSON")
    scope_argument(p, required=True, help="the task, e.g. plumbing or home/plumbing")
    p.add_argument(
        "--level", required=True, help="1-4 or words: 'for small things' .. 'completely'"
    )
    p.add_argument("--comment", default="")
    p.add_argument("--until", help="expiry date YYYY-MM-DD (default: one year)")
    p = add("caution", cmd_caution, "a caution, for extreme cases, with a written reason")
    person_argument(p, "did", metavar="PERSON")
    scope_argument(p, required=True)
    p.add_argument("--reason", required=True)
    p.add_argument("--until")
    p = add("revoke", cmd_revoke, "revoke an endorsement you gave")
    p.add_argument("id")
    p.add_argument("--reason", required=True)
    p = add("list", cmd_list, "list endorsements")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--given", action="store_true")
    group.add_argument("--received", action="store_true")
    scope_argument(p)


def cmd_endorse(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        record = wallet.endorse(
            person(wallet, args.did),
            args.scope,
            parse_level(args.level),
            comment=args.comment,
            valid_until=parse_until(args.until),
        )
        assert record.level is not None
        text = f"You rely on {wallet.display_name(record.subject)} for {record.scope}, "
        text += f"{record.level.words}, until {record.valid_until:%Y-%m-%d}.\nid: {record.id}"
        Output(args.json).emit(record, text)
    return 0


def cmd_caution(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        record = wallet.caution(
            person(wallet, args.did), args.scope, args.reason, valid_until=parse_until(args.until)
        )
        text = f"Caution about {wallet.display_name(record.subject)} for {record.scope} recorded."
        Output(args.json).emit(record, f"{text}\nid: {record.id}")
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        revocation = wallet.revoke(args.id, args.reason)
        Output(args.json).emit(revocation, f"Revoked {args.id}.")
    return 0


def _describe(wallet: Wallet, record: Endorsement, now: datetime) -> str:
    who = f"{wallet.display_name(record.issuer)} -> {wallet.display_name(record.subject)}"
    what = record.level.words if record.level else f"CAUTION: {record.reason}"
    status = record.status(now).value
    return f"{record.id}  {who}  [{record.scope}] {what}  ({status})"


def cmd_list(args: argparse.Namespace) -> int:
    direction = Direction.GIVEN if args.given else Direction.RECEIVED if args.received else None
    with open_wallet(args) as wallet:
        records = wallet.endorsements(EndorsementFilter(direction=direction, scope=args.scope))
        now = datetime.now(UTC)
        if args.json:
            data = [{**plain(r), "status": r.status(now).value} for r in records]
            Output(True).emit(data, "")
        else:
            lines = [_describe(wallet, r, now) for r in records]
            print("\n".join(lines) or "No endorsements.")
    return 0
