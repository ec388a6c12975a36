"""The `vouch` command: every use case of the wallet, scriptable, with `--json` output.

User errors print one line on stderr and exit 1 (2 for bad usage); never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, is_dataclass
from datetime import UTC, datetime, time
from enum import Enum
from pathlib import Path
from typing import Any

from vouch.core.errors import CorruptStore, InvalidInput, VouchError
from vouch.core.records import Direction, Endorsement, EndorsementFilter, Level
from vouch.core.store.db import DatabaseError
from vouch.wallet import Wallet, default_home, verify_document

PASSPHRASE_ENV = "VOUCH_PASSPHRASE"
Handler = Callable[[argparse.Namespace], int]


class Output:
    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json

    def emit(self, data: Any, text: str) -> None:
        print(json.dumps(_plain(data), indent=2, ensure_ascii=False) if self.as_json else text)


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in asdict(value).items() if k != "document"}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value


# -- passphrases ----------------------------------------------------------------------------


def read_passphrase(args: argparse.Namespace, prompt: str = "Passphrase: ") -> str:
    if getattr(args, "passphrase_file", None):
        try:
            return Path(args.passphrase_file).read_text("utf-8").rstrip("\r\n")
        except OSError as exc:
            raise VouchError(f"Cannot read the passphrase file: {exc.strerror}.") from exc
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if not sys.stdin.isatty():
        raise VouchError(f"No passphrase: set {PASSPHRASE_ENV} or use --passphrase-file.")
    return getpass.getpass(prompt)


def read_new_passphrase(args: argparse.Namespace, *, env: str = PASSPHRASE_ENV) -> str:
    source = getattr(args, "new_passphrase_file", None)
    if source:
        return Path(source).read_text("utf-8").rstrip("\r\n")
    if os.environ.get(env):
        return os.environ[env]
    if not sys.stdin.isatty():
        raise VouchError(f"No new passphrase: set {env} or use --new-passphrase-file.")
    first = getpass.getpass("New passphrase: ")
    if getpass.getpass("Repeat it: ") != first:
        raise InvalidInput("The two passphrases differ.")
    return first


def home_of(args: argparse.Namespace) -> Path:
    return Path(args.wallet).expanduser() if args.wallet else default_home()


def open_wallet(args: argparse.Namespace) -> Wallet:
    home = home_of(args)
    if not Wallet.exists(home):
        raise VouchError(f"No wallet in {home}. Create one with 'vouch init'.")
    return Wallet.open(home, read_passphrase(args))


def parse_until(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise InvalidInput(f"{text!r} is not a date (use YYYY-MM-DD).") from exc
    if moment.tzinfo is None:
        if len(text) <= 10:
            moment = datetime.combine(moment.date(), time(23, 59, 59))
        moment = moment.replace(tzinfo=UTC)
    return moment


def parse_level(text: str) -> Level:
    try:
        return Level.parse(text)
    except ValueError as exc:
        words = ", ".join(f"{int(lv)} = {lv.words}" for lv in Level)
        raise InvalidInput(f"Unknown level {text!r}; use 1 to 4 ({words}).") from exc


# -- commands -------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    home = home_of(args)
    wallet = Wallet.create(home, read_new_passphrase(args, env=PASSPHRASE_ENV))
    with wallet:
        data = {"did": wallet.did, "safety_code": wallet.safety_code, "wallet": str(home)}
        text = f"Created a wallet in {home}\nYour identity: {wallet.did}\n"
        text += f"Safety code:   {wallet.safety_code}\n"
        if args.show_phrase:
            phrase = wallet.identity.recovery_phrase
            data["recovery_phrase"] = phrase
            text += f"Recovery phrase (write it down, keep it secret):\n  {phrase}\n"
        else:
            text += "Show your recovery phrase with 'vouch phrase' and write it down."
        Output(args.json).emit(data, text.rstrip())
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    phrase = os.environ.get("VOUCH_RECOVERY_PHRASE") or (
        args.phrase_file and Path(args.phrase_file).read_text("utf-8")
    )
    if not phrase:
        if not sys.stdin.isatty():
            raise VouchError("No phrase: set VOUCH_RECOVERY_PHRASE or use --phrase-file.")
        phrase = getpass.getpass("Recovery phrase (24 words): ")
    home = home_of(args)
    with Wallet.create(home, read_new_passphrase(args), recovery_phrase=phrase) as wallet:
        Output(args.json).emit(
            {"did": wallet.did, "safety_code": wallet.safety_code, "wallet": str(home)},
            f"Restored {wallet.did} in {home}",
        )
    return 0


def cmd_whoami(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        data = {"did": wallet.did, "safety_code": wallet.safety_code, "wallet": str(wallet.home)}
        Output(args.json).emit(data, f"{wallet.did}\nSafety code: {wallet.safety_code}")
    return 0


def cmd_phrase(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        phrase = wallet.identity.recovery_phrase
        Output(args.json).emit({"recovery_phrase": phrase}, phrase)
    return 0


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


def cmd_endorse(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        record = wallet.endorse(
            args.did,
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
            args.did, args.scope, args.reason, valid_until=parse_until(args.until)
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
            data = [{**_plain(r), "status": r.status(now).value} for r in records]
            Output(True).emit(data, "")
        else:
            lines = [_describe(wallet, r, now) for r in records]
            print("\n".join(lines) or "No endorsements.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    ids = None if args.all or not args.ids else args.ids
    with open_wallet(args) as wallet:
        if args.text:
            text = wallet.export_text(ids, to=args.to)
            if args.output:
                Path(args.output).write_text(text + "\n", "utf-8")
            else:
                print(text)
            return 0
        if not args.output:
            raise InvalidInput("Say where to write the bundle with -o FILE (or use --text).")
        count = wallet.export_to_file(Path(args.output), ids, to=args.to)
        Output(args.json).emit(
            {"file": args.output, "items": count}, f"Wrote {count} items to {args.output}"
        )
    return 0


def read_input(path: str) -> bytes:
    from vouch.exchange.bundle import MAX_BUNDLE_BYTES

    if path == "-":
        data = sys.stdin.buffer.read(MAX_BUNDLE_BYTES + 1)
    else:
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_BUNDLE_BYTES + 1)
        except OSError as exc:
            raise VouchError(f"Cannot read {path}: {exc.strerror}.") from exc
    if len(data) > MAX_BUNDLE_BYTES:
        raise VouchError(f"{path} is larger than Vouch accepts ({MAX_BUNDLE_BYTES // 2**20} MiB).")
    return data


def cmd_import(args: argparse.Namespace) -> int:
    data = read_input(args.file)
    with open_wallet(args) as wallet:
        preview = wallet.preview_import(data)
        summary: dict[str, Any] = {
            "from": preview.presenter,
            "new": len(preview.new),
            "duplicates": preview.duplicates,
            "revocations": len(preview.revocations),
            "invalid": [asdict(i) for i in preview.invalid],
            "dry_run": args.dry_run,
        }
        if not args.dry_run:
            result = wallet.apply_import(preview)
            summary["added"] = result.added
        text = (
            f"From {wallet.display_name(preview.presenter or '')}: {len(preview.new)} new, "
            f"{preview.duplicates} duplicate, {len(preview.revocations)} revocations, "
            f"{len(preview.invalid)} invalid."
        )
        for item in preview.invalid:
            text += f"\n  invalid item {item.index + 1}: {item.reason}"
        text += "\n(dry run: nothing was stored)" if args.dry_run else ""
        Output(args.json).emit(summary, text)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    report = verify_document(read_input(args.file))
    if report.proof_valid and report.statement_valid:
        text = f"Valid {report.kind}, signed by {report.issuer}."
    elif report.proof_valid:
        text = f"The proof is valid, but: {report.reason}"
    else:
        text = f"Invalid: {report.reason}"
    Output(args.json).emit(report, text)
    return 0 if report.proof_valid and report.statement_valid else 1


def cmd_passwd(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        old = read_passphrase(args)
        wallet.change_passphrase(old, read_new_passphrase(args, env="VOUCH_NEW_PASSPHRASE"))
        after_passphrase_change(wallet)
        Output(args.json).emit({"changed": True}, "Passphrase changed.")
    return 0


def after_passphrase_change(wallet: Wallet) -> None:
    """Hook for what must follow a passphrase change (OS unlock is disabled)."""
    from vouch.cli_extra import forget_os_unlock

    forget_os_unlock(wallet)


# -- parser ---------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vouch", description="A local-first trust wallet.")
    parser.add_argument("--wallet", metavar="DIR", help="wallet folder (default: $VOUCH_HOME)")
    parser.add_argument("--passphrase-file", metavar="FILE", help="read the passphrase from FILE")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    p = add("init", cmd_init, "create a new wallet")
    p.add_argument("--show-phrase", action="store_true", help="print the recovery phrase")
    p.add_argument("--new-passphrase-file", metavar="FILE")
    p = add("restore", cmd_restore, "restore a wallet from its 24-word recovery phrase")
    p.add_argument("--phrase-file", metavar="FILE")
    p.add_argument("--new-passphrase-file", metavar="FILE")
    add("whoami", cmd_whoami, "show my did:key and safety code")
    add("phrase", cmd_phrase, "show my recovery phrase")
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
    p = add("endorse", cmd_endorse, "say you rely on someone for a task")
    p.add_argument("did")
    p.add_argument("--scope", required=True, help="the task, e.g. plumbing or home/plumbing")
    p.add_argument(
        "--level", required=True, help="1-4 or words: 'for small things' .. 'completely'"
    )
    p.add_argument("--comment", default="")
    p.add_argument("--until", help="expiry date YYYY-MM-DD (default: one year)")
    p = add("caution", cmd_caution, "a caution, for extreme cases, with a written reason")
    p.add_argument("did")
    p.add_argument("--scope", required=True)
    p.add_argument("--reason", required=True)
    p.add_argument("--until")
    p = add("revoke", cmd_revoke, "revoke an endorsement you gave")
    p.add_argument("id")
    p.add_argument("--reason", required=True)
    p = add("list", cmd_list, "list endorsements")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--given", action="store_true")
    group.add_argument("--received", action="store_true")
    p.add_argument("--scope")
    p = add("export", cmd_export, "write endorsements to a signed .vouch bundle")
    p.add_argument("ids", nargs="*", metavar="ID")
    p.add_argument("--all", action="store_true", help="everything I gave")
    p.add_argument("--to", metavar="DID", help="everything I gave to this person")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--text", action="store_true", help="one line of text for the clipboard")
    p = add("import", cmd_import, "import a .vouch bundle (file, or - for standard input)")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="only show what would be imported")
    p = add("verify", cmd_verify, "check a credential or bundle file (no wallet needed)")
    p.add_argument("file")
    p = add("passwd", cmd_passwd, "change the passphrase")
    p.add_argument("--new-passphrase-file", metavar="FILE")
    from vouch.cli_extra import register

    register(sub, add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except VouchError as exc:
        print(f"vouch: {exc.message}", file=sys.stderr)
        return 1
    except DatabaseError:
        print(f"vouch: {CorruptStore().message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("vouch: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
