"""The `vouch` command: every use case of the wallet, scriptable, with `--json` output.

User errors print one line on stderr and exit 1 (2 for bad usage); never a traceback. Common
options (`--wallet`, `--passphrase-file`, `--json`) go before or after the command's name.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import argcomplete

import vouch
from vouch.cli import (
    backup,
    completion,
    contacts,
    devices,
    faraway,
    files,
    guardians,
    identity,
    statements,
    sync,
    trust,
    unlock,
)
from vouch.cli.base import EXIT_CODES, Handler, common_options
from vouch.core.process import disable_core_dumps
from vouch.errors import VouchError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vouch",
        description="A local-first trust wallet.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common_options(top_level=True)],
    )
    parser.add_argument("--version", action="version", version=f"vouch {vouch.__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = common_options(top_level=False)

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            parents=[common],
            epilog=EXIT_CODES,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.set_defaults(handler=handler)
        return p

    identity.register(add)
    contacts.register(sub, common)
    statements.register(add)
    files.register(add)
    trust.register(add)
    unlock.register(add)
    sync.register(add)
    faraway.register(add)
    backup.register(add)
    devices.register(add)
    guardians.register(add)
    completion.register(add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    disable_core_dumps()  # before anything holds a passphrase, a seed or a key
    parser = build_parser()
    argcomplete.autocomplete(parser)  # answers the shell's completion request, then exits
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except VouchError as exc:
        print(f"vouch: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("vouch: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
