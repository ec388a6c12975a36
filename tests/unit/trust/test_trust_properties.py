"""Property tests: strangers move no answer, cautions lower no value, values stay in range."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from trust_helpers import caution, edge, graph

from vouch.trust import EdgeRow, TrustGraph, compute, find, opinions, why

PEOPLE = ["me", "p1", "p2", "p3", "p4", "p5", "p6"]
SCOPES = ["home", "home/plumbing", "garden"]

edges = st.builds(
    lambda i, s, level, scope: edge(PEOPLE[i], PEOPLE[s], level, scope),
    st.integers(0, len(PEOPLE) - 1),
    st.integers(0, len(PEOPLE) - 1),
    st.integers(1, 4),
    st.sampled_from(SCOPES),
)
cautions = st.builds(
    lambda i, s, scope: caution(PEOPLE[i], PEOPLE[s], "careful", scope),
    st.integers(0, len(PEOPLE) - 1),
    st.integers(0, len(PEOPLE) - 1),
    st.sampled_from(SCOPES),
)


def _answers(g: TrustGraph) -> tuple[object, ...]:
    return (
        [find(g, "me", scope) for scope in SCOPES],
        [why(g, "me", person) for person in PEOPLE],
        [opinions(g, "me", person) for person in PEOPLE],
        [opinions(g, "me", person, "home/plumbing") for person in PEOPLE],
    )


def _unreached(g: TrustGraph) -> list[str]:
    """People the owner reaches in no scope at all (not even with a tiny value)."""
    reached = {"me"}
    for scope in SCOPES:
        state = compute(g, "me", scope)
        if state is not None:
            reached |= {g.dids[i] for i in range(len(g.dids)) if state.path_value[i] > 0}
    return [p for p in PEOPLE if p not in reached]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(edges, max_size=14),
    st.integers(0, len(PEOPLE) - 1),
    st.integers(1, 4),
    st.sampled_from(SCOPES),
    st.booleans(),
)
def test_an_endorsement_from_someone_unreached_changes_nothing(
    rows: list[EdgeRow], subject: int, level: int, scope: str, fresh: bool
) -> None:
    g = graph(*rows)
    issuers = ["a-stranger"] if fresh else _unreached(g)
    before = _answers(g)
    for issuer in issuers:
        g.add_rows([edge(issuer, PEOPLE[subject], level, scope)])
        g.add_rows([caution(issuer, PEOPLE[subject], "says no", scope)])
    assert _answers(g) == before


@settings(max_examples=60, deadline=None)
@given(st.lists(edges, max_size=14), st.lists(cautions, min_size=1, max_size=5))
def test_cautions_never_lower_a_value(rows: list[EdgeRow], warnings: list[EdgeRow]) -> None:
    plain = graph(*rows)
    warned = graph(*rows, *warnings)
    for scope in SCOPES:
        before = {r.did: r.value for r in find(plain, "me", scope)}
        after = {r.did: r.value for r in find(warned, "me", scope)}
        assert after == before


@settings(max_examples=60, deadline=None)
@given(st.lists(edges, max_size=14))
def test_values_are_bounded_by_direct_and_best_path(rows: list[EdgeRow]) -> None:
    g = graph(*rows)
    for scope in SCOPES:
        for result in find(g, "me", scope):
            assert 0.0 < result.value <= 1.0
            assert result.paths, "every listed person is explained"
            strongest = result.paths[0].value
            assert all(
                a.value >= b.value for a, b in zip(result.paths, result.paths[1:], strict=False)
            )
            if not result.direct:
                assert result.value <= strongest + 1e-12
            for path in result.paths:
                assert path.steps[0].issuer == "me"
                assert path.steps[-1].subject == result.did
