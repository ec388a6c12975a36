"""Finding people by the word a person thinks of, on hand-made webs."""

from __future__ import annotations

from trust_helpers import edge, graph

from vouch.trust import MatchKind, find, find_by_word, match_scopes, suggest_scopes

IN_USE = ["home/plumbing", "home", "plumbing/emergency", "garden/tools", "home/plumbing/gas"]


def test_the_exact_scope_comes_first_then_narrower_then_parts() -> None:
    got = [(m.scope, m.kind) for m in match_scopes("plumbing", IN_USE, limit=10)]
    assert got == [
        ("plumbing", MatchKind.EXACT),
        ("plumbing/emergency", MatchKind.NARROWER),
        ("home/plumbing", MatchKind.PART),
        ("home/plumbing/gas", MatchKind.PART),
    ]


def test_a_parent_query_reaches_its_children_and_a_run_of_parts_matches() -> None:
    assert [m.scope for m in match_scopes("home", IN_USE, limit=10)] == [
        "home",
        "home/plumbing",
        "home/plumbing/gas",
    ]
    assert [m.scope for m in match_scopes("plumbing/gas", IN_USE, limit=10)] == [
        "plumbing/gas",
        "home/plumbing/gas",
    ]
    # a part of a word is not a part of the path
    assert [m.scope for m in match_scopes("plumb", IN_USE, limit=10)] == ["plumb"]


def test_the_number_of_scopes_computed_is_bounded() -> None:
    many = [f"area{i}/plumbing" for i in range(50)]
    assert len(match_scopes("plumbing", many)) == 4


def test_someone_endorsed_for_home_plumbing_is_found_by_plumbing() -> None:
    g = graph(edge("me", "dana", 3, "home/plumbing"), edge("me", "eve", 2, "plumbing"))
    assert [r.did for r in find(g, "me", "plumbing")] == ["eve"]  # the exact scope alone
    found = find_by_word(g, "me", "plumbing")
    assert [(r.did, r.scope) for r in found] == [("eve", "plumbing"), ("dana", "home/plumbing")]
    assert found[1].paths  # explained through the scope it was found in


def test_a_person_found_in_several_scopes_appears_once_with_the_best_match() -> None:
    g = graph(edge("me", "dana", 1, "plumbing"), edge("me", "dana", 4, "home/plumbing"))
    [only] = find_by_word(g, "me", "plumbing")
    assert (only.did, only.scope) == ("dana", "plumbing")


def test_did_you_mean_offers_close_scopes_in_use() -> None:
    assert suggest_scopes("pluming", IN_USE)[0] in {"home/plumbing", "plumbing/emergency"}
    assert "garden/tools" in suggest_scopes("tool", IN_USE)
    assert suggest_scopes("astronomy", IN_USE) == []
