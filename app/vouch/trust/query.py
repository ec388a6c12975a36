"""The three questions the wallet asks: who can I rely on, why this person, what do they say."""

from __future__ import annotations

import numpy as np

from vouch.core.records import Kind, Level
from vouch.core.scopes import normalise_scope, scope_covers
from vouch.trust.engine import DEFAULT_PARAMS, TrustParams, TrustState, compute
from vouch.trust.graph import KIND_CAUTION, IntArray, TrustGraph
from vouch.trust.matching import match_scopes
from vouch.trust.paths import best_paths
from vouch.trust.results import CautionNote, Opinion, TrustResult, value_to_level


def find(
    graph: TrustGraph,
    owner_did: str,
    scope: str,
    *,
    limit: int = 50,
    params: TrustParams = DEFAULT_PARAMS,
    now: float | None = None,
) -> list[TrustResult]:
    """The people the owner can rely on for `scope`, strongest first (the owner excluded).

    Ties are broken by putting direct endorsements first, then by did.
    Raises `InvalidInput` if `scope` is not a valid scope.
    """
    state = compute(graph, owner_did, normalise_scope(scope), params, now)
    if state is None:
        return []
    value = state.value
    candidates = np.flatnonzero(value >= params.min_value)
    candidates = candidates[candidates != state.owner]
    chosen = _top(graph, state, candidates, max(limit, 0))
    cautions = _cautions_about(graph, state, chosen, now)
    return [_result(graph, state, int(node), cautions.get(int(node), ())) for node in chosen]


def find_by_word(
    graph: TrustGraph,
    owner_did: str,
    query: str,
    *,
    limit: int = 50,
    params: TrustParams = DEFAULT_PARAMS,
    now: float | None = None,
) -> list[TrustResult]:
    """`find` for the word a person thinks of: the scope itself, narrower ones, ones holding it.

    Each person appears once, found through the best-matching scope that reaches them (their
    result's `scope` says which); people found through the exact scope come first.
    """
    matches = match_scopes(normalise_scope(query), graph.scopes)
    seen: set[str] = set()
    ranked: list[tuple[int, TrustResult]] = []
    for match in matches:
        for result in find(graph, owner_did, match.scope, limit=limit, params=params, now=now):
            if result.did not in seen:
                seen.add(result.did)
                ranked.append((int(match.kind), result))
    ranked.sort(key=lambda item: (item[0], -item[1].value, not item[1].direct, item[1].did))
    return [result for _kind, result in ranked[: max(limit, 0)]]


def why(
    graph: TrustGraph,
    owner_did: str,
    target_did: str,
    scope: str | None = None,
    *,
    params: TrustParams = DEFAULT_PARAMS,
    now: float | None = None,
) -> list[TrustResult]:
    """How the owner reaches `target_did`: one result per scope where the target is reached.

    Without `scope`, the scopes tried are those in which someone the owner reaches (in that
    scope) endorsed the target. Strongest first.
    """
    target = graph.did_id(target_did)
    if target is None or target_did == owner_did:
        return []
    scopes = [normalise_scope(scope)] if scope is not None else _scopes_about(graph, target, now)
    results = []
    for name in scopes:
        state = compute(graph, owner_did, name, params, now)
        if state is None or state.path_value[target] <= 0.0:
            continue
        if scope is None and not _endorsed_in_exact_scope(graph, state, target):
            continue
        node = np.asarray([target])
        notes = _cautions_about(graph, state, node, now).get(target, ())
        results.append(_result(graph, state, target, notes))
    results.sort(key=lambda r: (-r.value, r.scope))
    return results


def opinions(
    graph: TrustGraph,
    owner_did: str,
    target_did: str,
    scope: str | None = None,
    *,
    params: TrustParams = DEFAULT_PARAMS,
    now: float | None = None,
) -> list[Opinion]:
    """What the people the owner relies on say about `target_did` (endorsements and cautions).

    With `scope`, statements for that scope or a parent scope, issuers judged for `scope`;
    without, every statement, each issuer judged for the statement's own scope. The owner's own
    statements are included (trust 1). Most trusted issuers first.
    """
    target = graph.did_id(target_did)
    if target is None or graph.did_id(owner_did) is None:
        return []
    if scope is not None:
        scope = normalise_scope(scope)
    about = _edges_about(graph, target, now)
    states: dict[str, TrustState | None] = {}
    found: list[Opinion] = []
    for gid in about.tolist():
        edge_scope = graph.scopes[int(graph.scope[gid])]
        if scope is not None and not scope_covers(edge_scope, scope):
            continue
        judged = scope if scope is not None else edge_scope
        if judged not in states:
            states[judged] = compute(graph, owner_did, judged, params, now)
        state = states[judged]
        issuer = int(graph.issuer[gid])
        if state is None or not state.relies_on(issuer):
            continue
        found.append(_opinion(graph, state, gid, issuer))
    found.sort(key=lambda o: (-o.issuer_trust, o.scope, o.kind.value, o.endorsement_id))
    return found


def _top(graph: TrustGraph, state: TrustState, candidates: IntArray, limit: int) -> IntArray:
    """The best `limit` candidates by (value, direct), ties by did, whatever the build order."""
    if not len(candidates) or limit == 0:
        return candidates[:0]
    value = state.value[candidates]
    if len(candidates) > limit:
        boundary = np.partition(value, len(value) - limit)[len(value) - limit]
        candidates = candidates[value >= boundary]
    ranked = sorted(
        candidates.tolist(),
        key=lambda i: (-float(state.value[i]), -float(state.direct[i]), graph.dids[i]),
    )
    return np.asarray(ranked[:limit], dtype=np.int64)


def _result(
    graph: TrustGraph, state: TrustState, node: int, cautions: tuple[CautionNote, ...]
) -> TrustResult:
    value = float(state.value[node])
    return TrustResult(
        did=graph.dids[node],
        scope=state.scope,
        value=value,
        level=value_to_level(value),
        direct=bool(state.direct[node] > 0.0),
        paths=best_paths(graph, state, node),
        cautions=cautions,
    )


def _opinion(graph: TrustGraph, state: TrustState, gid: int, issuer: int) -> Opinion:
    trust = state.trust_in(issuer)
    is_caution = int(graph.kind[gid]) == KIND_CAUTION
    return Opinion(
        issuer=graph.dids[issuer],
        issuer_trust=trust,
        issuer_level=value_to_level(trust),
        subject=graph.dids[int(graph.subject[gid])],
        scope=graph.scopes[int(graph.scope[gid])],
        kind=Kind.CAUTION if is_caution else Kind.ENDORSEMENT,
        level=None if is_caution else Level(int(graph.level[gid])),
        comment=graph.comment(gid),
        reason=graph.reason(gid),
        endorsement_id=graph.edge_id(gid),
    )


def _cautions_about(
    graph: TrustGraph, state: TrustState, nodes: IntArray, now: float | None
) -> dict[int, tuple[CautionNote, ...]]:
    """Valid cautions about `nodes` for the scope (or a parent), from people the owner relies on."""
    gids = graph.caution_edges()
    if not len(gids) or not len(nodes):
        return {}
    gids = gids[np.isin(graph.subject[gids], nodes)]
    gids = gids[np.isin(graph.scope[gids], np.asarray(state.scope_ids, dtype=np.int64))]
    gids = gids[graph.valid_mask(gids, now)]
    notes: dict[int, list[CautionNote]] = {}
    for gid in sorted(gids.tolist(), key=lambda g: -state.trust_in(int(graph.issuer[g]))):
        issuer = int(graph.issuer[gid])
        if not state.relies_on(issuer):
            continue
        subject = int(graph.subject[gid])
        notes.setdefault(subject, []).append(
            CautionNote(
                issuer=graph.dids[issuer],
                subject=graph.dids[subject],
                scope=graph.scopes[int(graph.scope[gid])],
                reason=graph.reason(gid),
                endorsement_id=graph.edge_id(gid),
            )
        )
    return {node: tuple(items) for node, items in notes.items()}


def _endorsed_in_exact_scope(graph: TrustGraph, state: TrustState, target: int) -> bool:
    """Whether someone the owner reaches endorsed `target` for exactly the state's scope."""
    edges = state.edges
    into = np.flatnonzero(edges.dst == target)
    sid = graph.scope_id(state.scope)
    if not len(into) or sid is None:
        return False
    srcs = edges.src[into]
    exact = graph.scope[edges.gid[into]] == sid
    reached = (srcs == state.owner) | (state.path_value[srcs] > 0.0)
    return bool((exact & reached).any())


def _edges_about(graph: TrustGraph, target: int, now: float | None) -> IntArray:
    gids = np.flatnonzero(graph.subject == target).astype(np.int64)
    return gids[graph.valid_mask(gids, now)]


def _scopes_about(graph: TrustGraph, target: int, now: float | None) -> list[str]:
    gids = _edges_about(graph, target, now)
    gids = gids[graph.kind[gids] != KIND_CAUTION]
    return sorted({graph.scopes[int(s)] for s in graph.scope[gids].tolist()})
