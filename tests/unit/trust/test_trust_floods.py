"""Flood resistance: fake regions and endorsements from unknown issuers."""

from __future__ import annotations

import numpy as np
import pytest
from trust_helpers import NOW, caution, edge, graph

from support.synthetic import sybil_region
from vouch.trust import DEFAULT_PARAMS, TrustGraph, compute, find, opinions, why

DECAY = DEFAULT_PARAMS.decay
BUDGET = DEFAULT_PARAMS.budget
HONEST = [
    edge("me", "pat", 1),  # the weakly trusted person who lets the fakes in
    edge("me", "carol", 3),
    edge("carol", "dan", 2),
    edge("pat", "gus", 3),
]


def _everything(g: TrustGraph, people: list[str]) -> tuple[object, ...]:
    return (
        find(g, "me", "plumbing", limit=1000),
        [why(g, "me", p) for p in people],
        [opinions(g, "me", p) for p in people],
    )


@pytest.fixture(scope="module")
def flooded() -> TrustGraph:
    g = graph(*HONEST)
    g.add_columns(sybil_region("pat", "mallory", "plumbing", n_fakes=100_000, now=NOW))
    g.add_columns(sybil_region("pat", "dan", "plumbing", n_fakes=1_000, seed=2, now=NOW))
    return g


def test_a_fake_region_lifts_its_target_no_more_than_its_one_entry_edge(
    flooded: TrustGraph,
) -> None:
    state = compute(flooded, "me", "plumbing")
    assert state is not None
    entry_trust = 0.25  # pat, endorsed "for small things"
    fakes = np.asarray([i for i, d in enumerate(flooded.dids) if d.startswith("did:example:fake")])
    # no fake is worth more than one decayed hop past pat ...
    assert state.value[fakes].max() <= DECAY * entry_trust + 1e-12
    # ... the target no more than two ...
    mallory = flooded.did_id("mallory")
    assert mallory is not None
    assert 0.0 < state.value[mallory] <= DECAY**2 * entry_trust + 1e-12
    # ... and together the fakes hold no more than what flows in over the entry edges
    inflow = BUDGET * entry_trust
    assert state.value[fakes].sum() <= inflow / (1 - DECAY) + 1e-9
    listed = {r.did for r in find(flooded, "me", "plumbing", limit=200_000)}
    assert "mallory" not in listed
    assert len([d for d in listed if d.startswith("did:example:fake")]) <= (
        inflow / (1 - DECAY) / DEFAULT_PARAMS.min_value
    )


def test_a_fake_region_does_not_change_honest_answers(flooded: TrustGraph) -> None:
    before = {r.did: r.value for r in find(graph(*HONEST), "me", "plumbing")}
    after = {r.did: r.value for r in find(flooded, "me", "plumbing", limit=200_000)}
    for did, value in before.items():
        assert after[did] == value
    # dan is an honest target of a second region: his value is capped by carol, unchanged
    assert after["dan"] == pytest.approx(DECAY * 0.5)


def test_a_flood_from_unknown_issuers_changes_no_answer() -> None:
    people = ["pat", "carol", "dan", "gus"]
    honest = graph(*HONEST)
    before = _everything(honest, people)
    rng = np.random.default_rng(7)
    flood = []
    for i in range(5_000):
        subject = people[int(rng.integers(0, len(people)))]
        flood.append(edge(f"unknown-{i % 500}", subject, int(rng.integers(1, 5))))
        flood.append(edge(f"unknown-{i % 500}", f"unknown-{(i + 1) % 500}", 4))
        if i % 10 == 0:
            flood.append(caution(f"unknown-{i % 500}", subject, "spam"))
    honest.add_rows(flood)
    assert _everything(honest, people) == before
