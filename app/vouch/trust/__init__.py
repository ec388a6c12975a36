"""The trust engine: personalised, per-scope trust over the endorsement graph, with explanations.

Pure functions over data: no I/O, no Qt, no store access. See docs/TRUST.md.
Loading is lazy: `import vouch.trust` costs nothing until a name of it is used (the engine
needs numpy, which the app's first screen does not).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_WHERE: dict[str, str] = {
    "normalise_scope": "vouch.core.scopes",
    "scope_ancestors": "vouch.core.scopes",
    "scope_covers": "vouch.core.scopes",
    "DEFAULT_PARAMS": "vouch.trust.engine",
    "TrustParams": "vouch.trust.engine",
    "TrustState": "vouch.trust.engine",
    "compute": "vouch.trust.engine",
    "EdgeColumns": "vouch.trust.graph",
    "EdgeRow": "vouch.trust.graph",
    "TrustGraph": "vouch.trust.graph",
    "MatchKind": "vouch.trust.matching",
    "ScopeMatch": "vouch.trust.matching",
    "match_scopes": "vouch.trust.matching",
    "suggest_scopes": "vouch.trust.matching",
    "find": "vouch.trust.query",
    "find_by_word": "vouch.trust.query",
    "opinions": "vouch.trust.query",
    "why": "vouch.trust.query",
    "CautionNote": "vouch.trust.results",
    "Opinion": "vouch.trust.results",
    "PathStep": "vouch.trust.results",
    "TrustPath": "vouch.trust.results",
    "TrustResult": "vouch.trust.results",
    "describe_path": "vouch.trust.results",
    "level_weight": "vouch.trust.results",
    "value_to_level": "vouch.trust.results",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


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
