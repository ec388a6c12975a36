"""What every `vouch` command shares: output, passphrases, opening the wallet, parsing fields.

Area modules (`identity`, `contacts`, `statements`, `files`, `trust`, `unlock`, `sync`) import
this module and nothing above it; `main` imports the areas and builds the parser.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from datetime import UTC, datetime, time
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

from vouch.core.records import Level
from vouch.errors import InvalidInput, VouchError
from vouch.wallet import Wallet, default_home

PASSPHRASE_ENV = "VOUCH_PASSPHRASE"
Handler = Callable[[argparse.Namespace], int]
EXIT_CODES = """exit codes:
  0    done (for `vouch verify`: the document is valid)
  1    a problem you can act on, said in one line on stderr (`vouch verify`: invalid)
  2    the command line itself is wrong (an unknown option, a missing argument)
  130  interrupted (Ctrl+C)"""


def common_options(*, top_level: bool) -> argparse.ArgumentParser:
    """The options every command takes, before or after the command's name.

    The top-level parser holds the defaults; each subcommand repeats the options with
    `SUPPRESS` defaults, so a value given after the command wins and one given before it stays.
    """
    parent = argparse.ArgumentParser(add_help=False)
    default: Any = None if top_level else argparse.SUPPRESS
    flag_default: Any = False if top_level else argparse.SUPPRESS
    parent.add_argument(
        "--wallet", metavar="DIR", default=default, help="wallet folder (default: $VOUCH_HOME)"
    )
    parent.add_argument(
        "--passphrase-file", metavar="FILE", default=default, help="read the passphrase from FILE"
    )
    parent.add_argument(
        "--json", action="store_true", default=flag_default, help="machine-readable output"
    )
    return parent


def person_argument(parser: argparse.ArgumentParser, name: str = "person", **kwargs: Any) -> None:
    """A person as typed: a contact's name, the start of their did:key, or the whole did:key."""
    kwargs.setdefault("help", "a contact's name, the start of their did:key, or the did:key")
    action = parser.add_argument(name, **kwargs)
    action.completer = complete_people  # type: ignore[attr-defined]


def scope_argument(parser: argparse.ArgumentParser, name: str = "--scope", **kwargs: Any) -> None:
    action = parser.add_argument(name, **kwargs)
    action.completer = complete_scopes  # type: ignore[attr-defined]


def person(wallet: Wallet, text: str) -> str:
    return wallet.resolve_person(text)


def _wallet_for_completion(parsed: argparse.Namespace) -> Wallet | None:
    """Completion opens the wallet only when the passphrase needs no prompt; else it is quiet."""
    if not (os.environ.get(PASSPHRASE_ENV) or getattr(parsed, "passphrase_file", None)):
        return None
    try:
        return open_wallet(parsed)
    except VouchError:
        return None


def complete_people(prefix: str, parsed_args: argparse.Namespace, **_: Any) -> list[str]:
    wallet = _wallet_for_completion(parsed_args)
    if wallet is None:
        return []
    with wallet:
        names = [c.petname for c in wallet.contacts()]
    return [name for name in names if name.casefold().startswith(prefix.casefold())]


def complete_scopes(prefix: str, parsed_args: argparse.Namespace, **_: Any) -> list[str]:
    wallet = _wallet_for_completion(parsed_args)
    if wallet is None:
        return []
    with wallet:
        return [scope for scope in wallet.scopes_in_use() if scope.startswith(prefix)]


class Add(Protocol):
    """Adds one subcommand (`name`, its handler, its help) and returns its parser."""

    def __call__(self, name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser: ...


class Output:
    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json

    def emit(self, data: Any, text: str) -> None:
        print(json.dumps(plain(data), indent=2, ensure_ascii=False) if self.as_json else text)


def plain(value: Any) -> Any:
    """A JSON-ready copy of records, enums and dates (signed documents left out)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {k: plain(v) for k, v in asdict(value).items() if k != "document"}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
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
