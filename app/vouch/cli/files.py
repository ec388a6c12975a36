"""`vouch export`, `import`, `verify`: statements as signed files and clipboard text."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any, NamedTuple

from vouch.cli.base import Add, Output, open_wallet, person, person_argument
from vouch.cli.guardians import import_share
from vouch.cli.progress import TerminalProgress
from vouch.core.records import InvalidItem
from vouch.errors import InvalidBundle, InvalidInput, VouchError
from vouch.wallet import (
    MAX_BUNDLE_BYTES,
    BackgroundCheck,
    Wallet,
    looks_like_answer,
    looks_like_share,
    verify_document,
)


def register(add: Add) -> None:
    p = add("export", cmd_export, "write endorsements to a signed .vouch bundle")
    p.add_argument("ids", nargs="*", metavar="ID")
    p.add_argument("--all", action="store_true", help="everything I gave")
    person_argument(p, "--to", metavar="PERSON", help="everything I gave to this person")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--text", action="store_true", help="one line of text for the clipboard")
    p = add(
        "import",
        cmd_import,
        "import a .vouch bundle, a presentation or a credential (file, or - for standard input)",
    )
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="only show what would be imported")
    p.add_argument(
        "-v", "--verbose", action="store_true", help="say what exactly is wrong with a bad file"
    )
    p = add("verify", cmd_verify, "check a credential, presentation or bundle (no wallet needed)")
    p.add_argument("file")


def cmd_export(args: argparse.Namespace) -> int:
    ids = None if args.all or not args.ids else args.ids
    with open_wallet(args) as wallet:
        to = person(wallet, args.to) if args.to else None
        if args.text:
            text = wallet.export_text(ids, to=to)
            if args.output:
                Path(args.output).write_text(text + "\n", "utf-8")
            else:
                print(text)
            return 0
        if not args.output:
            raise InvalidInput("Say where to write the bundle with -o FILE (or use --text).")
        count = wallet.export_to_file(Path(args.output), ids, to=to)
        Output(args.json).emit(
            {"file": args.output, "items": count}, f"Wrote {count} items to {args.output}"
        )
    return 0


def read_input(path: str) -> bytes:
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
    if args.file.endswith(".vouchshare") or looks_like_share(data):
        return import_share(args, data)
    if looks_like_answer(data):
        raise InvalidInput(
            "This is a guardian's answer to a recovery request: use 'vouch recover finish FILE'."
        )
    # The bundle is checked while the passphrase is read and the key derived (see
    # `BackgroundCheck`), and stored as it is checked, in one transaction committed only if
    # the whole bundle holds; a wrong passphrase stops the checks.
    with BackgroundCheck(data, parts=not args.dry_run) as checking, open_wallet(args) as wallet:
        try:
            if args.dry_run:
                preview = wallet.preview_checked(checking.result())
                figures = _Figures(
                    preview.presenter,
                    len(preview.new),
                    preview.duplicates,
                    len(preview.revocations),
                    preview.invalid,
                    None,
                )
            else:
                shown = TerminalProgress("Checking and storing")
                try:
                    stored = wallet.import_while_checking(checking, progress=shown)
                finally:
                    shown.done()
                figures = _Figures(
                    stored.presenter,
                    stored.new,
                    stored.duplicates,
                    stored.revocations,
                    stored.invalid,
                    stored.added,
                )
        except InvalidBundle as exc:
            detail = getattr(exc, "detail", "")
            if args.verbose and detail:
                print(f"vouch: details: {detail}", file=sys.stderr)
            raise
        _report_import(args, wallet, figures)
    return 0


class _Figures(NamedTuple):
    presenter: str | None
    new: int
    duplicates: int
    revocations: int
    invalid: tuple[InvalidItem, ...]
    added: int | None  # None: a dry run


def _report_import(args: argparse.Namespace, wallet: Wallet, figures: _Figures) -> None:
    summary: dict[str, Any] = {
        "from": figures.presenter,
        "new": figures.new,
        "duplicates": figures.duplicates,
        "revocations": figures.revocations,
        "invalid": [asdict(i) for i in figures.invalid],
        "dry_run": args.dry_run,
    }
    if figures.added is not None:
        summary["added"] = figures.added
    source = (
        f"From {wallet.display_name(figures.presenter)}"
        if figures.presenter
        else "Unsigned (each credential checked on its own)"
    )
    text = (
        f"{source}: {figures.new} new, "
        f"{figures.duplicates} duplicate, {figures.revocations} revocations, "
        f"{len(figures.invalid)} invalid."
    )
    for item in figures.invalid:
        text += f"\n  invalid item {item.index + 1}: {item.reason}"
    text += "\n(dry run: nothing was stored)" if args.dry_run else ""
    Output(args.json).emit(summary, text)


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
