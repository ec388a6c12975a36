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
