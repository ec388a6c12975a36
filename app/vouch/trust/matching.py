"""From the word a person thinks of to the scopes endorsements use.

Someone endorsed "for home/plumbing" should be found by `plumbing`. A query is matched against
the scopes in use: the scope itself first (which also counts endorsements for its parents), then
narrower scopes under it, then scopes that hold it as a run of their parts. When nothing
matches, close spellings of scopes in use are offered ("did you mean").
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

MAX_MATCHED_SCOPES = 4  # each matched scope costs one trust computation


class MatchKind(IntEnum):
    """How a scope matched; lower sorts first."""

    EXACT = 0
    NARROWER = 1  # the query is a parent: `home` -> `home/plumbing`
    PART = 2  # the query is a run of the scope's parts: `plumbing` -> `home/plumbing`


@dataclass(frozen=True)
class ScopeMatch:
    scope: str
    kind: MatchKind


def match_scopes(
    query: str, in_use: Iterable[str], limit: int = MAX_MATCHED_SCOPES
) -> list[ScopeMatch]:
    """The scopes to compute for a normalised `query`, best first (the query itself always)."""
    parts = query.split("/")
    found: dict[str, MatchKind] = {query: MatchKind.EXACT}
    for scope in in_use:
        if scope in found:
            continue
        if scope.startswith(query + "/"):
            found[scope] = MatchKind.NARROWER
        elif _holds_run(scope.split("/"), parts):
            found[scope] = MatchKind.PART
    ranked = sorted(found.items(), key=lambda item: (item[1], item[0].count("/"), item[0]))
    return [ScopeMatch(scope, kind) for scope, kind in ranked[: max(limit, 1)]]


def _holds_run(scope_parts: list[str], query_parts: list[str]) -> bool:
    width = len(query_parts)
    return any(
        scope_parts[start : start + width] == query_parts
        for start in range(len(scope_parts) - width + 1)
    )


def suggest_scopes(query: str, in_use: Iterable[str], count: int = 3) -> list[str]:
    """Scopes in use that look like a misspelling of `query` (by whole scope or by one part)."""
    scopes = sorted(set(in_use))
    by_part: dict[str, str] = {}
    for scope in scopes:
        for part in scope.split("/"):
            by_part.setdefault(part, scope)
    close = difflib.get_close_matches(query, scopes, n=count, cutoff=0.75)
    close += [
        by_part[part]
        for part in difflib.get_close_matches(query.split("/")[-1], list(by_part), count, 0.75)
    ]
    return list(dict.fromkeys(s for s in close if s != query))[:count]
