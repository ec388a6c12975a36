"""The personalised, per-scope trust computation: a capped, decaying flow from the owner.

For one owner and one scope the engine computes, for every identity `x`:

* `cap(x)`: the best path strength, `decay ** (hops - 1) * min(edge weights)`, where the first
  edge of a path (the owner's own) is not decayed and each intermediary `u` contributes at most
  its own value `t(u)` (trust in a person is capped by trust in who vouched for them);
* `R(x)`: the flow received. The owner funds each person they endorse directly with
  `budget * weight`; everyone else passes on `decay * min(R(u), budget * t(u))`, split over their
  in-scope endorsements in proportion to the weights;
* the value `t(x) = min(R(x), cap(x))`, except that the owner's direct endorsements are taken as
  stated (they dominate anything inferred).

Because nobody passes on more than `decay` times what they received, the total value a set of
identities can hold is at most `inflow / (1 - decay)`, where `inflow` is what crosses into the set
from outside, and nothing reaches anyone from an identity the owner does not reach. See
docs/TRUST.md for the argument and the choice of constants.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from vouch.core.scopes import scope_ancestors
from vouch.trust.graph import FloatArray, IntArray, TrustGraph
from vouch.trust.results import LEVEL_STEP


@dataclass(frozen=True)
class TrustParams:
    """The knobs of the metric; the defaults are the ones documented in docs/TRUST.md."""

    decay: float = 0.7  # an inferred hop keeps this fraction of the value
    parent_factor: float = 0.75  # weight kept per level up for a parent-scope endorsement
    budget: float = 8.0  # how much value a fully relied-on person can pass on in all
    max_hops: int = 6  # longest path considered, counting the owner's own edge
    rely_value: float = 0.125  # from here a person has a word level: the owner relies on them
    min_value: float = 0.125  # `find` lists people from this value on
    max_paths: int = 5  # explaining paths kept per person


DEFAULT_PARAMS = TrustParams()


@dataclass
class ScopeEdges:
    """The valid endorsements that speak to one scope, one per (issuer, subject), strongest kept."""

    src: IntArray
    dst: IntArray
    weight: FloatArray
    gid: IntArray
    _by_dst: tuple[IntArray, IntArray] | None = field(default=None, repr=False)

    def incoming(self, node: int) -> IntArray:
        """Positions (into these arrays) of the edges pointing at `node`."""
        if self._by_dst is None:
            order = np.lexsort((self.gid, self.dst))  # by target, then in arrival order
            self._by_dst = (order, self.dst[order])
        order, sorted_dst = self._by_dst
        lo, hi = np.searchsorted(sorted_dst, [node, node + 1])
        return order[lo:hi]


@dataclass
class TrustState:
    """The answer for one owner and one scope, as vectors over all identities of the graph."""

    owner: int
    scope: str
    scope_ids: tuple[int, ...]  # the scope and its known ancestors
    value: FloatArray  # t(x), 0 for the owner (who is never a result)
    path_value: FloatArray  # best pure path strength (no flow limit), for path search
    direct: FloatArray  # the owner's own weight for x, 0 if none
    edges: ScopeEdges  # every valid edge of the scope except those into the owner
    params: TrustParams

    def trust_in(self, node: int) -> float:
        return 1.0 if node == self.owner else float(self.value[node])

    def relies_on(self, node: int) -> bool:
        return node == self.owner or float(self.value[node]) >= self.params.rely_value


def scope_edges(
    graph: TrustGraph, scope: str, params: TrustParams, now: float | None = None
) -> tuple[ScopeEdges, tuple[int, ...]]:
    """Gather the scope's own edges and its ancestors' (with less weight), valid at `now`."""
    parts: list[IntArray] = []
    factors: list[FloatArray] = []
    scope_ids: list[int] = []
    for depth, name in enumerate([scope, *scope_ancestors(scope)]):
        sid = graph.scope_id(name)
        if sid is None:
            continue
        scope_ids.append(sid)
        gids = graph.scope_edges(sid)
        parts.append(gids)
        factors.append(np.full(len(gids), params.parent_factor**depth))
    if not parts:
        empty_i = np.empty(0, dtype=np.int64)
        return ScopeEdges(empty_i, empty_i, np.empty(0), empty_i), tuple(scope_ids)
    gid = np.concatenate(parts)
    factor = np.concatenate(factors)
    keep = graph.valid_mask(gid, now)
    gid, factor = gid[keep], factor[keep]
    src, dst = graph.issuer[gid], graph.subject[gid]
    weight = graph.level[gid].astype(np.float64) * LEVEL_STEP * factor
    keep = (src != dst) & (weight > 0)
    src, dst, weight, gid = src[keep], dst[keep], weight[keep], gid[keep]
    # One edge per (issuer, subject): the strongest, earliest-added on ties.
    key = src * max(len(graph.dids), 1) + dst
    order = np.lexsort((gid, -weight, key))
    key = key[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    pick = order[first]
    return ScopeEdges(src[pick], dst[pick], weight[pick], gid[pick]), tuple(scope_ids)


def compute(
    graph: TrustGraph,
    owner_did: str,
    scope: str,
    params: TrustParams = DEFAULT_PARAMS,
    now: float | None = None,
) -> TrustState | None:
    """The owner's trust in everyone for `scope`, or None if the owner is unknown to the graph."""
    owner = graph.did_id(owner_did)
    if owner is None:
        return None
    n = len(graph.dids)
    edges, scope_ids = scope_edges(graph, scope, params, now)
    into_owner = edges.dst == owner
    if into_owner.any():
        keep = ~into_owner
        edges = ScopeEdges(edges.src[keep], edges.dst[keep], edges.weight[keep], edges.gid[keep])
    own = edges.src == owner
    direct = np.zeros(n)
    direct[edges.dst[own]] = edges.weight[own]
    value = _flow_values(edges, own, direct, params, n)
    path_value = _path_values(edges, own, direct, params, n)
    return TrustState(owner, scope, scope_ids, value, path_value, direct, edges, params)


def _flow_values(
    edges: ScopeEdges,
    own: npt.NDArray[np.bool_],
    direct: FloatArray,
    params: TrustParams,
    n: int,
) -> FloatArray:
    """Iterate t = min(R, cap) from the owner's direct endorsements outwards (monotone)."""
    is_direct = direct > 0
    keep = ~own & ~is_direct[edges.dst]
    src, dst, weight = edges.src[keep], edges.dst[keep], edges.weight[keep]
    out_weight = np.bincount(src, weight, minlength=n)
    share = weight / out_weight[src] if len(src) else weight
    value = direct.copy()
    passed = params.budget * direct
    for _ in range(params.max_hops - 1):
        received = np.bincount(dst, passed[src] * share, minlength=n)
        cap = np.zeros(n)
        np.maximum.at(cap, dst, params.decay * np.minimum(value[src], weight))
        new_value = np.minimum(received, cap)
        new_value[is_direct] = direct[is_direct]
        new_passed = params.decay * np.minimum(received, params.budget * new_value)
        new_passed[is_direct] = params.budget * direct[is_direct]
        if np.array_equal(new_value, value) and np.array_equal(new_passed, passed):
            break
        value, passed = new_value, new_passed
    return value


def _path_values(
    edges: ScopeEdges,
    own: npt.NDArray[np.bool_],
    direct: FloatArray,
    params: TrustParams,
    n: int,
) -> FloatArray:
    """Best pure path strength within max_hops (an upper bound used to search paths)."""
    src, dst, weight = edges.src[~own], edges.dst[~own], edges.weight[~own]
    best = direct.copy()
    for _ in range(params.max_hops - 1):
        reach = np.zeros(n)
        np.maximum.at(reach, dst, params.decay * np.minimum(best[src], weight))
        new_best = np.maximum(best, reach)
        if np.array_equal(new_best, best):
            break
        best = new_best
    return best
