"""`vouch guardians` and `vouch recover`: social recovery of the identity.

`guardians set` hands out one `.vouchshare` file per guardian; a guardian keeps theirs with
`vouch import FILE`. On a new device, `recover start --for DID` prints a `vouch:recover:` line
and five check words; each guardian, after checking by voice or in person that the request
comes from that person, runs `recover help LINE -o FILE`; `recover finish FILE...` rebuilds
the identity from enough answers.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from vouch.cli.base import (
    Add,
    Handler,
    Output,
    common_options,
    home_of,
    open_wallet,
    person,
    person_argument,
    read_new_passphrase,
    read_passphrase,
)
from vouch.core.identity import short_did
from vouch.errors import InvalidInput, OperationCancelled, VouchError
from vouch.wallet import (
    CANNOT_TAKE_BACK,
    ImportedShare,
    RecoveryStarted,
    Wallet,
    finish_recovery,
    pending_recovery,
    start_recovery,
)

MAX_ANSWER_FILE_BYTES = 64 * 1024
MAX_REQUEST_FILE_BYTES = 4096


def register(add: Add) -> None:
    """Add the guardian and recovery commands."""
    common = common_options(top_level=False)
    guardians = _actions(add("guardians", _missing, "hand out shares of your identity"), "ACTION")
    p = _action(guardians, common, "set", cmd_guardians_set, "hand out one share per guardian")
    person_argument(p, "guardians", nargs="+", metavar="PERSON", help="contacts or did:keys")
    p.add_argument(
        "--threshold", type=int, metavar="K", help="how many guardians it takes (default 3, or N)"
    )
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="where to write the files")
    _action(guardians, common, "list", cmd_guardians_list, "the hand-outs you made, and to whom")
    _action(guardians, common, "held", cmd_guardians_held, "the shares you keep for others")

    recover = _actions(add("recover", _missing, "get your identity back from guardians"), "STEP")
    p = _action(recover, common, "start", cmd_recover_start, "make a request (new device)")
    p.add_argument("--for", dest="did", required=True, metavar="DID", help="your did:key")
    p.add_argument("--new", action="store_true", help="replace a request already under way")
    _action(recover, common, "show", cmd_recover_show, "show the request under way again")
    p = _action(recover, common, "help", cmd_recover_help, "answer someone's request (guardian)")
    p.add_argument("request", help="the vouch:recover: line, or a file holding it")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the answer file")
    p.add_argument("--yes", action="store_true", help="do not ask (you checked in person)")
    p = _action(recover, common, "finish", cmd_recover_finish, "rebuild your identity")
    p.add_argument("answers", nargs="+", metavar="ANSWER_FILE")


def _actions(parser: argparse.ArgumentParser, metavar: str) -> Any:
    return parser.add_subparsers(dest=f"{parser.prog.split()[-1]}_action", metavar=metavar)


def _action(
    actions: Any, common: argparse.ArgumentParser, name: str, handler: Handler, text: str
) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = actions.add_parser(
        name, help=text, description=text, parents=[common]
    )
    p.set_defaults(handler=handler)
    return p


def _missing(args: argparse.Namespace) -> int:
    raise InvalidInput("Say what to do: see 'vouch guardians --help' or 'vouch recover --help'.")


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


# -- guardians --------------------------------------------------------------------------------


def cmd_guardians_set(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        dids = [person(wallet, text) for text in args.guardians]
        threshold = args.threshold if args.threshold is not None else min(3, len(dids))
        made = wallet.hand_out_shares(dids, threshold, Path(args.output))
        split = made.split
        lines = [
            f"Handed out {split.share_count} shares; any {split.threshold} of these guardians "
            "can give your identity back:"
        ]
        for did, file in zip(split.guardians, made.files, strict=True):
            lines.append(f"  {wallet.display_name(did):<24} {file}")
        lines.append("Give each person their own file; each opens only in that person's wallet.")
        lines.append(CANNOT_TAKE_BACK)
        data = {
            "split": split.split_id,
            "threshold": split.threshold,
            "shares": split.share_count,
            "created": split.created,
            "files": [
                {"guardian": did, "file": str(file)}
                for did, file in zip(split.guardians, made.files, strict=True)
            ],
            "warning": CANNOT_TAKE_BACK,
        }
        Output(args.json).emit(data, "\n".join(lines))
    return 0


def cmd_guardians_list(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        splits = wallet.guardian_splits()
        data = [
            {
                "split": s.split_id,
                "created": s.created,
                "threshold": s.threshold,
                "shares": s.share_count,
                "guardians": [{"did": g, "name": wallet.display_name(g)} for g in s.guardians],
            }
            for s in splits
        ]
        lines = [
            f"{_when(s.created)}  {s.threshold} of {s.share_count}: "
            + ", ".join(wallet.display_name(g) for g in s.guardians)
            for s in splits
        ]
        if lines:
            lines.append(CANNOT_TAKE_BACK)
        Output(args.json).emit(data, "\n".join(lines) or "You have not handed out any shares.")
    return 0


def cmd_guardians_held(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        held = wallet.held_shares()
        data = [
            {
                "owner": h.owner,
                "petname": h.petname,
                "threshold": h.threshold,
                "split": h.split_id,
                "received": h.received,
            }
            for h in held
        ]
        lines = [
            f"{h.petname or h.owner}: one share of {h.threshold} needed, received "
            f"{_when(h.received)}"
            for h in held
        ]
        Output(args.json).emit(data, "\n".join(lines) or "You keep no shares for anyone.")
    return 0


def import_share(args: argparse.Namespace, data: bytes) -> int:
    """`vouch import FILE` for a share file: keep it (called from `vouch.cli.files`)."""
    with open_wallet(args) as wallet:
        result: ImportedShare = wallet.import_share(data)
        share = result.share
        name = share.petname or share.owner
        text = (
            f"You already keep this share for {name}."
            if result.already_held
            else f"Kept a share for {name} ({share.threshold} guardians are needed to recover). "
            "If they ever ask you to help them recover, check by voice or in person first."
        )
        Output(args.json).emit(
            {
                "share_for": share.owner,
                "petname": share.petname,
                "threshold": share.threshold,
                "already_held": result.already_held,
            },
            text,
        )
    return 0


# -- recover ----------------------------------------------------------------------------------


def _request_text(started: RecoveryStarted, home: Path) -> str:
    return (
        f"{started.line}\n"
        f"Check words: {started.check_words}\n"
        f"Send the line above to at least as many guardians as you chose. Each must call you or "
        f"meet you and hear you read the check words before answering. Then run "
        f"'vouch recover finish ANSWER_FILE...' here ({home}) with their answer files."
    )


def _started_data(started: RecoveryStarted) -> dict[str, Any]:
    return {
        "did": started.did,
        "request": started.line,
        "request_id": started.request_id,
        "check_words": started.check_words,
        "created": started.created,
    }


def cmd_recover_start(args: argparse.Namespace) -> int:
    home = home_of(args)
    if getattr(args, "passphrase_file", None):
        passphrase = read_passphrase(args)
    else:
        passphrase = read_new_passphrase(args)
    started = start_recovery(home, args.did, passphrase, replace=args.new)
    Output(args.json).emit(_started_data(started), _request_text(started, home))
    return 0


def cmd_recover_show(args: argparse.Namespace) -> int:
    home = home_of(args)
    started = pending_recovery(home)
    Output(args.json).emit(_started_data(started), _request_text(started, home))
    return 0


def _read_bounded(path: str, limit: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise VouchError(f"Cannot read {path}: {exc.strerror}.") from exc
    if len(data) > limit:
        raise VouchError(f"{path} is too large to be what Vouch expects here.")
    return data


def _request_line(text: str) -> str:
    """The request as typed, or read from a file (or `-`, standard input) that holds it."""
    if text == "-":
        return sys.stdin.buffer.read(MAX_REQUEST_FILE_BYTES).decode("utf-8", "replace")
    if not text.strip().startswith("vouch:recover:") and Path(text).is_file():
        return _read_bounded(text, MAX_REQUEST_FILE_BYTES).decode("utf-8", "replace")
    return text  # a damaged line gets the request parser's own message


def _confirm(wallet: Wallet, line: str, assume_yes: bool) -> None:
    seen = wallet.read_recovery_request(line)
    name = seen.petname or seen.did
    print(
        f"{name} asks for help to recover their identity (request made {_when(seen.created)}).\n"
        "Anyone can make such a request in their name. Before you answer, call them or meet "
        "them, and ask them to read you the check words on their screen:\n"
        f"    {seen.check_words}\n"
        "Answer only if it is really them and the words are the same.",
        file=sys.stderr,
        flush=True,
    )
    if assume_yes:
        return
    print(f"Did {name} read you these words? [y/N] ", end="", file=sys.stderr, flush=True)
    try:
        reply = sys.stdin.readline()
    except (OSError, ValueError):
        reply = ""
    if not sys.stdin.isatty():
        print(reply.strip(), file=sys.stderr, flush=True)  # the answer, as if typed
    if reply.strip().lower() not in ("y", "yes"):
        raise OperationCancelled("Not answered; nothing was written.")


def cmd_recover_help(args: argparse.Namespace) -> int:
    line = _request_line(args.request)
    with open_wallet(args) as wallet:
        _confirm(wallet, line, args.yes)
        seen = wallet.read_recovery_request(line)
        path = wallet.write_recovery_answer(line, Path(args.output))
        name = seen.petname or seen.did
        Output(args.json).emit(
            {"did": seen.did, "request_id": seen.request_id, "file": str(path)},
            f"Wrote your answer for {name} to {path}. Send it to them; it opens only on the "
            "device that made this request.",
        )
    return 0


def cmd_recover_finish(args: argparse.Namespace) -> int:
    home = home_of(args)
    answers = [_read_bounded(path, MAX_ANSWER_FILE_BYTES) for path in args.answers]
    passphrase = read_passphrase(args, "Passphrase given when the recovery was started: ")
    with finish_recovery(home, answers, passphrase) as wallet:
        Output(args.json).emit(
            {"did": wallet.did, "wallet": str(home)},
            f"Recovered {wallet.did} in {home} ({short_did(wallet.did)}). "
            "Your contacts and endorsements are not in the shares: restore them from a backup "
            "or sync them from another device.",
        )
    return 0
