"""Hand-built graphs with known answers."""

from __future__ import annotations

import pytest
from trust_helpers import NOW, caution, edge, graph, values

from vouch.core.errors import InvalidInput
from vouch.core.records import Kind, Level
from vouch.trust import (
    DEFAULT_PARAMS,
    TrustGraph,
    describe_path,
    find,
    opinions,
    scope_ancestors,
    value_to_level,
    why,
)

DECAY = DEFAULT_PARAMS.decay
PARENT = DEFAULT_PARAMS.parent_factor


def test_direct_endorsement_gives_the_stated_level() -> None:
    g = graph(edge("me", "carol", 3))
    [result] = find(g, "me", "plumbing")
    assert result.did == "carol"
    assert result.value == pytest.approx(0.75)
    assert result.level is Level.STRONGLY
    assert result.direct
    [path] = result.paths
    assert path.value == pytest.approx(0.75)
    assert [(s.issuer, s.subject, s.level) for s in path.steps] == [("me", "carol", Level.STRONGLY)]


def test_trust_fades_with_each_hop() -> None:
    g = graph(edge("me", "a", 4), edge("a", "b", 4), edge("b", "c", 4))
    got = values(g, "me")
    assert got == pytest.approx({"a": 1.0, "b": DECAY, "c": DECAY**2})
    levels = {r.did: r.level for r in find(g, "me", "plumbing")}
    assert levels == {"a": Level.COMPLETELY, "b": Level.STRONGLY, "c": Level.MOST_THINGS}


def test_inferred_trust_is_capped_by_trust_in_the_intermediary() -> None:
    weak = values(graph(edge("me", "a", 1), edge("a", "b", 4)), "me")
    strong = values(graph(edge("me", "a", 4), edge("a", "b", 4)), "me")
    assert weak["b"] == pytest.approx(DECAY * 0.25)
    assert strong["b"] == pytest.approx(DECAY * 1.0)
    assert weak["b"] < weak["a"]


def test_the_owners_own_endorsement_dominates_a_stronger_inferred_one() -> None:
    g = graph(edge("me", "a", 4), edge("a", "b", 4), edge("me", "b", 1))
    [b] = [r for r in find(g, "me", "plumbing") if r.did == "b"]
    assert b.direct
    assert b.value == pytest.approx(0.25)
    # both explanations are shown, strongest first
    assert [p.value for p in b.paths] == pytest.approx([DECAY, 0.25])


def test_the_owners_own_endorsement_dominates_a_weaker_inferred_one() -> None:
    g = graph(edge("me", "a", 4), edge("a", "b", 1), edge("me", "b", 3))
    assert values(g, "me")["b"] == pytest.approx(0.75)


def test_ranking_is_strongest_first_and_direct_first_on_ties() -> None:
    g = graph(edge("me", "a", 4), edge("a", "x", 4), edge("me", "y", 2), edge("me", "z", 2))
    ranked = [(r.did, round(r.value, 6)) for r in find(g, "me", "plumbing")]
    assert ranked == [("a", 1.0), ("x", round(DECAY, 6)), ("y", 0.5), ("z", 0.5)]
    assert [r.did for r in find(g, "me", "plumbing", limit=2)] == ["a", "x"]


def test_parent_scope_counts_with_less_weight() -> None:
    g = graph(edge("me", "a", 4, "home"), edge("me", "b", 4, "home/plumbing"))
    got = values(g, "me", "home/plumbing")
    assert got == pytest.approx({"a": PARENT, "b": 1.0})
    # a child scope does not speak for its parent
    assert values(g, "me", "home") == pytest.approx({"a": 1.0})
    # and unrelated scopes do not count at all
    assert values(g, "me", "garden") == {}


def test_parent_scope_edges_carry_inferred_trust_too() -> None:
    g = graph(edge("me", "a", 4, "home/plumbing"), edge("a", "b", 4, "home"))
    [_, b] = find(g, "me", "home/plumbing")
    assert b.value == pytest.approx(DECAY * PARENT)
    assert [s.scope for s in b.paths[0].steps] == ["home/plumbing", "home"]


def test_scope_ancestors_nearest_first() -> None:
    assert scope_ancestors("home/plumbing/pipes") == ["home/plumbing", "home"]
    assert scope_ancestors("home") == []


@pytest.mark.parametrize(
    ("changes", "counted"),
    [
        ({}, True),
        ({"valid_until": NOW}, False),
        ({"valid_until": NOW - 1}, False),
        ({"valid_from": NOW + 1}, False),
        ({"valid_from": NOW}, True),
        ({"revoked_at": NOW}, False),
        ({"revoked_at": NOW - 10}, False),
        ({"revoked_at": NOW + 10}, True),
    ],
)
def test_expired_revoked_and_future_edges_count_for_nothing(
    changes: dict[str, float], counted: bool
) -> None:
    g = graph(edge("me", "a", 4), edge("a", "b", 4, **changes))  # type: ignore[arg-type]
    assert ("b" in values(g, "me")) is counted


def test_revoke_and_time_apply_to_the_built_graph() -> None:
    target = edge("a", "b", 4, valid_until=NOW + 100)
    g = graph(edge("me", "a", 4), target)
    assert "b" in values(g, "me")
    assert g.revoke(target.id, NOW + 50)
    assert "b" in values(g, "me")  # not yet revoked
    g.set_now(NOW + 60)
    assert "b" not in values(g, "me")
    assert not g.revoke("urn:uuid:unknown", NOW)


def test_expiry_follows_the_query_time() -> None:
    g = graph(edge("me", "a", 4), edge("a", "b", 4, valid_until=NOW + 100))
    assert "b" in values(g, "me")
    assert "b" not in {r.did for r in find(g, "me", "plumbing", now=NOW + 100)}


def test_incremental_add_matches_a_full_build() -> None:
    first = [edge("me", "a", 4), edge("a", "b", 3)]
    later = [edge("b", "c", 4), edge("me", "d", 2, "home"), edge("d", "c", 4, "home/plumbing")]
    g = graph(*first)
    assert g.add_rows(later) == 3
    assert g.add_rows(later[:1]) == 0  # known ids are skipped
    full = graph(*first, *later)
    for scope in ("plumbing", "home", "home/plumbing"):
        assert find(g, "me", scope) == find(full, "me", scope)


def test_cautions_do_not_propagate_or_lower_values_and_are_listed() -> None:
    honest = [edge("me", "carol", 4), edge("carol", "dan", 3), edge("dan", "eve", 4)]
    warned = [
        caution("carol", "dan", "left a leak behind"),
        caution("me", "eve", "late twice"),
        caution("carol", "frank", "not a plumber"),
        caution("stranger", "dan", "unknown says no"),
        caution("carol", "dan", "other topic", scope="garden"),
    ]
    before = values(graph(*honest), "me")
    g = graph(*honest, *warned)
    results = {r.did: r for r in find(g, "me", "plumbing")}
    assert {d: r.value for d, r in results.items()} == before
    assert "frank" not in results  # a caution is never a number
    assert [(c.issuer, c.reason) for c in results["dan"].cautions] == [
        ("carol", "left a leak behind")
    ]
    assert [(c.issuer, c.reason) for c in results["eve"].cautions] == [("me", "late twice")]
    assert results["carol"].cautions == ()


def test_answers_are_relative_to_the_owner() -> None:
    g = graph(edge("alice", "dan", 4), edge("bob", "dan", 1), edge("bob", "eve", 4))
    assert values(g, "alice") == pytest.approx({"dan": 1.0})
    assert values(g, "bob") == pytest.approx({"dan": 0.25, "eve": 1.0})
    assert values(g, "dan") == {}
    assert find(g, "nobody-known", "plumbing") == []


def test_a_wide_fan_out_shares_the_passed_on_budget() -> None:
    fans = [edge("a", f"p{i}", 4) for i in range(40)]
    got = values(graph(edge("me", "a", 4), *fans), "me")
    budget = DEFAULT_PARAMS.budget
    assert got[f"p{0}"] == pytest.approx(budget / 40)
    assert got[f"p{0}"] < DECAY


def test_why_gives_one_result_per_scope() -> None:
    g = graph(
        edge("me", "carol", 3),
        edge("carol", "dan", 4),
        edge("me", "dan", 2, "garden"),
        edge("carol", "dan", 4, "cooking"),  # carol is not relied on for cooking
        caution("carol", "dan", "slow"),
    )
    results = why(g, "me", "dan")
    assert [(r.scope, r.direct) for r in results] == [("plumbing", False), ("garden", True)]
    plumbing = results[0]
    assert plumbing.value == pytest.approx(DECAY * 0.75)
    assert describe_path(plumbing.paths[0], "me", str.upper) == (
        "you -> CAROL (strongly, plumbing) -> DAN (completely, plumbing)"
    )
    assert [c.reason for c in plumbing.cautions] == ["slow"]
    assert why(g, "me", "dan", "garden")[0].value == pytest.approx(0.5)
    assert why(g, "me", "nobody") == []
    assert why(g, "me", "me") == []


def test_opinions_come_from_people_the_owner_relies_on() -> None:
    g = graph(
        edge("me", "carol", 3),
        edge("carol", "dan", 4, comment="fixed my boiler"),
        caution("carol", "dan", "pricey"),
        edge("stranger", "dan", 4),
        edge("me", "dan", 1, "garden"),
        edge("carol", "dan", 4, "cooking"),
    )
    said = opinions(g, "me", "dan")
    assert [(o.issuer, o.scope, o.kind, o.level) for o in said] == [
        ("me", "garden", Kind.ENDORSEMENT, Level.SMALL_THINGS),
        ("carol", "plumbing", Kind.CAUTION, None),
        ("carol", "plumbing", Kind.ENDORSEMENT, Level.COMPLETELY),
    ]
    assert said[1].reason == "pricey"
    assert said[2].comment == "fixed my boiler"
    assert said[2].issuer_trust == pytest.approx(0.75)
    assert said[2].issuer_level is Level.STRONGLY
    assert [o.scope for o in opinions(g, "me", "dan", "plumbing")] == ["plumbing", "plumbing"]
    assert opinions(g, "me", "nobody") == []


def test_value_to_level_rounds_to_the_word_scale() -> None:
    assert value_to_level(0.0) is None
    assert value_to_level(0.12) is None
    assert value_to_level(0.125) is Level.SMALL_THINGS
    assert value_to_level(0.25) is Level.SMALL_THINGS
    assert value_to_level(0.5) is Level.MOST_THINGS
    assert value_to_level(0.75) is Level.STRONGLY
    assert value_to_level(1.0) is Level.COMPLETELY


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="kind"):
        TrustGraph.from_rows([edge("a", "b", 3, kind="rumour")], NOW)


def test_query_scopes_are_normalised_and_checked() -> None:
    g = graph(edge("me", "a", 4, "home/plumbing"))
    assert [r.did for r in find(g, "me", " Home / Plumbing ")] == ["a"]
    assert [r.scope for r in why(g, "me", "a", "HOME/plumbing")] == ["home/plumbing"]
    with pytest.raises(InvalidInput):
        find(g, "me", "home//plumbing")


def test_levels_outside_the_scale_count_for_nothing() -> None:
    g = graph(edge("me", "a", 4), edge("a", "b", 9), edge("a", "c", 0), edge("a", "d", -2))
    assert set(values(g, "me")) == {"a"}
