"""The trust engine: personalised, per-scope trust over the endorsement graph, with explanations.

Pure functions over data: no I/O, no Qt, no store access. See docs/TRUST.md.
"""

from vouch.core.scopes import normalise_scope, scope_ancestors, scope_covers
from vouch.trust.engine import DEFAULT_PARAMS, TrustParams, TrustState, compute
from vouch.trust.graph import EdgeColumns, EdgeRow, TrustGraph
from vouch.trust.matching import MatchKind, ScopeMatch, match_scopes, suggest_scopes
from vouch.trust.query import find, find_by_word, opinions, why
from vouch.trust.results import (
    CautionNote,
    Opinion,
    PathStep,
    TrustPath,
    TrustResult,
    describe_path,
    level_weight,
    value_to_level,
)

__all__ = [
    "DEFAULT_PARAMS",
    "CautionNote",
    "EdgeColumns",
    "EdgeRow",
    "MatchKind",
    "Opinion",
    "PathStep",
    "ScopeMatch",
    "TrustGraph",
    "TrustParams",
    "TrustPath",
    "TrustResult",
    "TrustState",
    "compute",
    "describe_path",
    "find",
    "find_by_word",
    "level_weight",
    "match_scopes",
    "normalise_scope",
    "opinions",
    "scope_ancestors",
    "scope_covers",
    "suggest_scopes",
    "value_to_level",
    "why",
]
