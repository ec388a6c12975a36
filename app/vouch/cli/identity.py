"""`vouch init`, `restore`, `whoami`, `phrase`, `passwd`: the wallet and who I am."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from vouch.cli.base import (
    PASSPHRASE_ENV,
    Add,
    Output,
    home_of,
    open_wallet,
    read_new_passphrase,
    read_passphrase,
)
from vouch.errors import VouchError
from vouch.wallet import Wallet


def register(add: Add) -> None:
    p = add("init", cmd_init, "create a new wallet")
    p.add_argument("--show-phrase", action="store_true", help="print the recovery phrase")
    p.add_argument("--new-passphrase-file", metavar="FILE")
    p = add("restore", cmd_restore, "restore a wallet from its 24-word recovery phrase")
    p.add_argument("--phrase-file", metavar="FILE")
    p.add_argument("--new-passphrase-file", metavar="FILE")
    add("whoami", cmd_whoami, "show my did:key and safety code")
    add("phrase", cmd_phrase, "show my recovery phrase")
    p = add("passwd", cmd_passwd, "change the passphrase")
    p.add_argument("--new-passphrase-file", metavar="FILE")


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


def cmd_passwd(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        old = read_passphrase(args)
        wallet.change_passphrase(old, read_new_passphrase(args, env="VOUCH_NEW_PASSPHRASE"))
        Output(args.json).emit({"changed": True}, "Passphrase changed.")
    return 0
