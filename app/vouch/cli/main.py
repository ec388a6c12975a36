"""The `vouch` command: every use case of the wallet, scriptable, with `--json` output.

User errors print one line on stderr and exit 1 (2 for bad usage); never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from vouch.cli import contacts, files, identity, statements, sync, trust, unlock
from vouch.cli.base import Handler
from vouch.errors import VouchError


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

    identity.register(add)
    contacts.register(sub)
    statements.register(add)
    files.register(add)
    trust.register(add)
    unlock.register(add)
    sync.register(add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
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
