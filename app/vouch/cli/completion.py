"""`vouch completion bash|zsh|fish`: the shell code that completes commands, names and tasks.

Names and tasks come from the wallet, so they complete only when the passphrase needs no
prompt (`VOUCH_PASSPHRASE` or `--passphrase-file`); otherwise commands and options still do.
"""

from __future__ import annotations

import argparse

from argcomplete.shell_integration import shellcode

from vouch.cli.base import Add

SHELLS = ("bash", "zsh", "fish")


def register(add: Add) -> None:
    p = add("completion", cmd_completion, "print shell completion code (bash, zsh or fish)")
    p.add_argument("shell", choices=SHELLS)


def cmd_completion(args: argparse.Namespace) -> int:
    print(shellcode(["vouch"], shell=args.shell))
    return 0
