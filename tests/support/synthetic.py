"""Seeded synthetic endorsement graphs, for benchmarks and flood tests (reproducible figures).

`synthetic_columns(seed=...)` gives the same graph on every machine for the same arguments.
Scopes form a two-level tree (`topic-3`, `topic-3/task-1`). Identity `i` belongs to community
`i % topics`; 80% of each person's endorsements stay in their community's scopes and are about
its members, drawn with a heavy tail (a few people are endorsed a lot). About 3% of the edges
are cautions, about 10% are expired or not yet valid and about 1% revoked.
"""

from __future__ import annotations

import numpy as np

from vouch.trust.graph import KIND_CAUTION, KIND_ENDORSEMENT, EdgeColumns, EdgeRow

DAY = 86_400.0
YEAR = 365 * DAY
NOW = 1_790_000_000.0  # a fixed "now" (2026-09) so that validity is reproducible too


def synthetic_did(index: int) -> str:
    return f"did:example:synthetic-{index}"


def synthetic_scopes(count: int) -> list[str]:
    """`count` scopes: roots `topic-i`, each followed by its children `topic-i/task-j`."""
    roots = max(1, count // 5)
    scopes: list[str] = []
    for root in range(roots):
        scopes.append(f"topic-{root}")
        scopes.extend(f"topic-{root}/task-{child}" for child in range(4))
    child = 0
    while len(scopes) < count:  # counts not divisible by 5: extra children of topic-0
        scopes.append(f"topic-0/extra-{child}")
        child += 1
    return scopes[:count]


def _root_index(name: str, scopes: list[str]) -> int:
    root = name.split("/", 1)[0]
    return sorted({s.split("/", 1)[0] for s in scopes}, key=scopes.index).index(root)


def synthetic_columns(
    n_ids: int = 100_000,
    n_edges: int = 1_000_000,
    n_scopes: int = 50,
    *,
    seed: int = 0,
    now: float = NOW,
) -> EdgeColumns:
    rng = np.random.default_rng(seed)
    scope_names = synthetic_scopes(n_scopes)
    roots = np.asarray([_root_index(name, scope_names) for name in scope_names])
    n_roots = int(roots.max()) + 1
    issuer = rng.integers(0, n_ids, n_edges)
    # Most people endorse within their own community (topic), a few anywhere.
    scope = rng.integers(0, n_scopes, n_edges)
    own_topic = np.flatnonzero(rng.random(n_edges) < 0.8)
    community_scopes = [np.flatnonzero(roots == r) for r in range(n_roots)]
    for root, members in enumerate(community_scopes):
        mine = own_topic[issuer[own_topic] % n_roots == root]
        scope[mine] = members[rng.integers(0, len(members), len(mine))]
    per_community = max(1, n_ids // n_roots)
    popularity = rng.pareto(1.5, per_community) + 1.0
    rank = rng.choice(per_community, n_edges, p=popularity / popularity.sum())
    subject = np.minimum(rank * n_roots + roots[scope], n_ids - 1)
    clash = subject == issuer
    subject[clash] = (subject[clash] + 1) % n_ids
    kind = np.where(rng.random(n_edges) < 0.03, KIND_CAUTION, KIND_ENDORSEMENT).astype(np.int8)
    level = rng.choice(np.arange(1, 5), n_edges, p=[0.2, 0.35, 0.3, 0.15]).astype(np.int8)
    level[kind == KIND_CAUTION] = 0
    valid_from = now - rng.uniform(-0.05, 2.0, n_edges) * YEAR
    valid_until = valid_from + rng.uniform(0.5, 3.0, n_edges) * YEAR
    revoked_at = np.full(n_edges, np.nan)
    revoked = rng.random(n_edges) < 0.01
    revoked_at[revoked] = now - rng.uniform(0.0, 0.5, int(revoked.sum())) * YEAR
    return EdgeColumns(
        dids=[synthetic_did(i) for i in range(n_ids)],
        scopes=scope_names,
        ids=[f"urn:uuid:synthetic-{seed}-{i}" for i in range(n_edges)],
        issuer=issuer,
        subject=subject,
        scope=scope,
        kind=kind,
        level=level,
        valid_from=valid_from,
        valid_until=valid_until,
        revoked_at=revoked_at,
        reasons=["synthetic caution" if k == KIND_CAUTION else "" for k in kind.tolist()],
    )


def columns_to_rows(columns: EdgeColumns) -> list[EdgeRow]:
    """The same edges as store rows (what `TrustGraph.from_rows` receives from the store)."""
    kinds = {KIND_ENDORSEMENT: "endorsement", KIND_CAUTION: "caution"}
    revoked = np.asarray(columns.revoked_at, dtype=np.float64)
    comments = columns.comments or [""] * len(columns.ids)
    reasons = columns.reasons or [""] * len(columns.ids)
    return [
        EdgeRow(
            id=edge_id,
            issuer=columns.dids[i],
            subject=columns.dids[s],
            scope=columns.scopes[sc],
            kind=kinds[k],
            level=lv if k == KIND_ENDORSEMENT else None,
            valid_from=vf,
            valid_until=vu,
            revoked_at=None if rv != rv else rv,  # NaN means not revoked
            comment=comment,
            reason=reason,
        )
        for edge_id, i, s, sc, k, lv, vf, vu, rv, comment, reason in zip(
            columns.ids,
            np.asarray(columns.issuer).tolist(),
            np.asarray(columns.subject).tolist(),
            np.asarray(columns.scope).tolist(),
            np.asarray(columns.kind).tolist(),
            np.asarray(columns.level).tolist(),
            np.asarray(columns.valid_from).tolist(),
            np.asarray(columns.valid_until).tolist(),
            revoked.tolist(),
            comments,
            reasons,
            strict=True,
        )
    ]


def sybil_region(
    entry: str,
    target: str,
    scope: str,
    *,
    n_fakes: int = 100_000,
    edges_per_fake: int = 3,
    entry_level: int = 1,
    seed: int = 1,
    now: float = NOW,
) -> EdgeColumns:
    """A region of fake identities endorsing each other and `target` "completely" in `scope`.

    It is joined to the honest graph by one edge only: `entry` (an honest person) endorses the
    first fake at `entry_level`.
    """
    rng = np.random.default_rng(seed)
    fakes = np.arange(n_fakes, dtype=np.int64)
    inner_src = np.repeat(fakes, edges_per_fake)
    inner_dst = rng.integers(0, n_fakes, len(inner_src))
    ring = (fakes + 1) % n_fakes  # keeps the region connected
    target_id, entry_id = n_fakes, n_fakes + 1
    src = np.concatenate([inner_src, fakes, fakes, [entry_id]])
    dst = np.concatenate([inner_dst, ring, np.full(n_fakes, target_id), [0]])
    keep = src != dst
    src, dst = src[keep], dst[keep]
    count = len(src)
    level = np.full(count, 4, dtype=np.int8)
    level[-1] = entry_level
    return EdgeColumns(
        dids=[*(f"did:example:fake-{seed}-{i}" for i in range(n_fakes)), target, entry],
        scopes=[scope],
        ids=[f"urn:uuid:fake-{seed}-{i}" for i in range(count)],
        issuer=src,
        subject=dst,
        scope=np.zeros(count, dtype=np.int64),
        kind=np.full(count, KIND_ENDORSEMENT, dtype=np.int8),
        level=level,
        valid_from=np.full(count, now - DAY),
        valid_until=np.full(count, now + YEAR),
        revoked_at=np.full(count, np.nan),
    )
