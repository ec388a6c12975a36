"""`vouch find`, `why`, `opinions`: trust from my own point of view, with the paths behind it."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from vouch.cli.base import (
    Add,
    Output,
    open_wallet,
    person,
    person_argument,
    plain,
    scope_argument,
)
from vouch.core.identity import short_did
from vouch.core.scopes import normalise_scope
from vouch.trust.results import TrustResult, describe_path
from vouch.wallet import Wallet


def register(add: Add) -> None:
    p = add("find", cmd_find, "who can I rely on for a task? (from my own point of view)")
    scope_argument(p, "scope")
    p.add_argument("--limit", type=int, default=20)
    p = add("why", cmd_why, "why do I see this person? (every path behind it)")
    person_argument(p, "did", metavar="PERSON")
    scope_argument(p)
    p = add("opinions", cmd_opinions, "what do the people I rely on say about someone?")
    person_argument(p, "did", metavar="PERSON")
    scope_argument(p)


def _name(wallet: Wallet) -> Callable[[str], str]:
    names = wallet.petnames()
    return lambda did: "you" if did == wallet.did else names.get(did, short_did(did))


def _explain(wallet: Wallet, result: TrustResult) -> list[str]:
    name = _name(wallet)
    lines = [f"    {describe_path(path, wallet.did, name)}" for path in result.paths]
    lines += [f"    caution from {name(c.issuer)}: {c.reason}" for c in result.cautions]
    return lines


def _result_json(result: TrustResult, name: Callable[[str], str]) -> dict[str, Any]:
    data: dict[str, Any] = plain(result)
    data["name"] = name(result.did)
    data["level_words"] = result.level.words if result.level else None
    return data


def cmd_find(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        results = wallet.find(args.scope, limit=args.limit)
        name = _name(wallet)
        lines: list[str] = []
        for rank, result in enumerate(results, 1):
            words = result.level.words if result.level else "barely"
            task = f" for {result.scope}" if result.scope != normalise_scope(args.scope) else ""
            lines.append(f"{rank}. {name(result.did)}: {words}{task}  ({result.did})")
            lines += _explain(wallet, result)
        text = "\n".join(lines) or _nobody(wallet, args.scope)
        Output(args.json).emit([_result_json(r, name) for r in results], text)
    return 0


def _nobody(wallet: Wallet, scope: str) -> str:
    text = f"Nobody you rely on is known for {scope!r} yet."
    similar = wallet.similar_scopes(scope)
    if similar:
        text += " Did you mean " + " or ".join(repr(s) for s in similar) + "?"
    return text


def cmd_why(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        results = wallet.why(person(wallet, args.did), args.scope)
        name = _name(wallet)
        lines: list[str] = []
        for result in results:
            words = result.level.words if result.level else "barely"
            lines.append(f"{name(result.did)} for {result.scope}: {words}")
            lines += _explain(wallet, result)
        text = "\n".join(lines) or "No path of people you rely on leads to this person."
        Output(args.json).emit([_result_json(r, name) for r in results], text)
    return 0


def cmd_opinions(args: argparse.Namespace) -> int:
    with open_wallet(args) as wallet:
        found = wallet.opinions(person(wallet, args.did), args.scope)
        name = _name(wallet)
        lines = []
        for op in found:
            said = op.level.words if op.level else f"CAUTION: {op.reason}"
            lines.append(f"{name(op.issuer)} on {op.scope}: {said}")
        Output(args.json).emit(found, "\n".join(lines) or "Nobody you rely on said anything.")
    return 0
