"""`vouch backup` and `vouch restore-backup`: the whole wallet in one encrypted file."""

from __future__ import annotations

import argparse
from pathlib import Path

from vouch.cli.base import Add, Output, home_of, open_wallet, read_passphrase
from vouch.wallet import Wallet


def register(add: Add) -> None:
    p = add("backup", cmd_backup, "write an encrypted backup of the whole wallet")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p = add(
        "restore-backup",
        cmd_restore_backup,
        "restore a backup into a folder that holds no wallet (--wallet DIR or $VOUCH_HOME)",
    )
    p.add_argument("file")


def cmd_backup(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        info = wallet.backup(Path(args.output))
        Output(args.json).emit(
            {"file": str(info.path), "created": info.created, "bytes": info.size},
            f"Backed up the wallet to {info.path} ({info.size} bytes). "
            "It opens with the passphrase you use now.",
        )
    return 0


def cmd_restore_backup(args: argparse.Namespace) -> int:
    home = home_of(args)
    passphrase = read_passphrase(args, "Passphrase used when the backup was made: ")
    with Wallet.restore_backup(Path(args.file), home, passphrase) as wallet:
        Output(args.json).emit(
            {"did": wallet.did, "wallet": str(home)},
            f"Restored {wallet.did} in {home}",
        )
    return 0
