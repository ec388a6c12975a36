"""The strongest explaining paths to one person: a best-first search backwards from the target.

A path's value follows the engine's recursion: `v = w1` for the owner's own edge, then
`v = decay * min(v, w)` for each further edge. A partial path `u -> ... -> target` of `j` edges
has a fixed part `m = min(decay**r * w_r)` (r counting edges from the target) and can at best
become a complete path worth `min(m, decay**j * path_value[u])`; popping the largest bound first
yields complete paths (ending at the owner) strongest first. Wide in-neighbourhoods are trimmed
to their most promising members so that a flood of endorsements cannot make the search slow.
"""

from __future__ import annotations

import heapq
import itertools

import numpy as np

from vouch.core.records import Level
from vouch.trust.engine import TrustState
from vouch.trust.graph import TrustGraph
from vouch.trust.results import PathStep, TrustPath

MAX_EXPANSIONS = 2_000
NEIGHBOURS_KEPT = 32


def best_paths(graph: TrustGraph, state: TrustState, target: int) -> tuple[TrustPath, ...]:
    """Up to `params.max_paths` simple paths from the owner to `target`, strongest first."""
    params = state.params
    edges = state.edges
    decay = params.decay
    owner = state.owner
    found: list[TrustPath] = []
    tick = itertools.count()
    # entries: (-bound, tick, node, suffix edge positions, nodes on the suffix, fixed part m)
    heap: list[tuple[float, int, int, tuple[int, ...], tuple[int, ...], float]] = [
        (-float(state.path_value[target]), next(tick), target, (), (target,), np.inf)
    ]
    expansions = 0
    while heap and expansions < MAX_EXPANSIONS:
        neg_bound, _, node, suffix, nodes, fixed = heapq.heappop(heap)
        if -neg_bound <= 0.0:
            break
        if len(found) >= params.max_paths and -neg_bound < found[-1].value:
            break  # enough paths, and no tie with the weakest kept one can follow
        if node == owner:
            found.append(_to_path(graph, state, suffix, -neg_bound))
            continue
        hops = len(suffix)
        if hops >= params.max_hops:
            continue
        expansions += 1
        incoming = edges.incoming(node)
        if not len(incoming):
            continue
        srcs = edges.src[incoming]
        weights = edges.weight[incoming]
        from_owner = srcs == owner
        # from the owner the path is complete and its value exact; otherwise an upper bound
        fixed_next = np.minimum(fixed, decay ** (hops + 1) * weights)
        bounds = np.where(
            from_owner,
            np.minimum(fixed, decay**hops * weights),
            np.minimum(fixed_next, decay ** (hops + 1) * state.path_value[srcs]),
        )
        useful = np.flatnonzero(bounds > 0.0)
        if len(useful) > NEIGHBOURS_KEPT:
            useful = useful[np.argsort(-bounds[useful], kind="stable")[:NEIGHBOURS_KEPT]]
        for pos in useful:
            src = int(srcs[pos])
            if src in nodes:
                continue
            heapq.heappush(
                heap,
                (
                    -float(bounds[pos]),
                    next(tick),
                    src,
                    (int(incoming[pos]), *suffix),
                    (src, *nodes),
                    float(fixed_next[pos]),
                ),
            )
    found.sort(key=lambda p: (-p.value, [step.endorsement_id for step in p.steps]))
    return tuple(found[: params.max_paths])


def _to_path(
    graph: TrustGraph, state: TrustState, suffix: tuple[int, ...], value: float
) -> TrustPath:
    steps = []
    for pos in suffix:
        gid = int(state.edges.gid[pos])
        steps.append(
            PathStep(
                issuer=graph.dids[int(graph.issuer[gid])],
                subject=graph.dids[int(graph.subject[gid])],
                scope=graph.scopes[int(graph.scope[gid])],
                level=Level(int(graph.level[gid])),
                endorsement_id=graph.edge_id(gid),
            )
        )
    return TrustPath(steps=tuple(steps), value=value)
