"""`vouch://` links: the grammar, round trips, and hostile inputs refused with clear errors."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vouch.core.errors import VouchError
from vouch.core.identity import Identity
from vouch.exchange.bundle import to_text
from vouch.links import (
    MAX_LINK_CHARS,
    BundleLink,
    InvalidLink,
    PersonLink,
    bundle_link,
    looks_like_link,
    parse_link,
    person_link,
)

DANA = Identity(bytes([5]) * 32).did
TEXT = to_text(b'{"type": ["VerifiablePresentation"]}')


def test_a_person_link_names_the_did_and_an_optional_name() -> None:
    assert parse_link(f"vouch://did/{DANA}") == PersonLink(DANA)
    assert parse_link(f"vouch://did/{DANA}?name=Dana%20%28plumber%29") == PersonLink(
        DANA, "Dana (plumber)"
    )
    assert parse_link(f"  VOUCH://DID/{DANA}\n") == PersonLink(DANA)


def test_a_percent_encoded_did_is_decoded() -> None:
    encoded = DANA.replace(":", "%3A")
    assert parse_link(f"vouch://did/{encoded}") == PersonLink(DANA)


def test_a_bundle_link_in_path_or_query_form() -> None:
    assert parse_link(f"vouch://bundle/{TEXT}") == BundleLink(TEXT)
    assert parse_link(f"vouch://bundle?text={TEXT}") == BundleLink(TEXT)
    assert parse_link(f"vouch://bundle/{TEXT.replace(':', '%3a')}") == BundleLink(TEXT)


def test_links_built_here_parse_back() -> None:
    assert parse_link(person_link(DANA, "Dana & Co = best?")) == PersonLink(
        DANA, "Dana & Co = best?"
    )
    assert parse_link(bundle_link(TEXT)) == BundleLink(TEXT)


def test_looks_like_link_only_for_the_vouch_scheme() -> None:
    assert looks_like_link("vouch://whatever") and looks_like_link(" Vouch://x")
    assert not looks_like_link("bundle.vouch") and not looks_like_link("vouch:1:abc")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("https://example.org/", "start with 'vouch://'"),
        ("vouch:did/" + DANA, "start with 'vouch://'"),
        ("vouch://", "unknown kind"),
        ("vouch://contact/" + DANA, "unknown kind"),
        ("vouch://user@did/" + DANA, "unknown kind"),
        ("vouch://did:443/" + DANA, "unknown kind"),
        ("vouch://did/", "names nobody"),
        ("vouch://did/did:key:z6MkNotAKey", "valid identifier"),
        ("vouch://did/did:web:example.org", "valid identifier"),
        (f"vouch://did/{DANA}x", "valid identifier"),
        (f"vouch://did/{DANA}#frag", "no '#'"),
        (f"vouch://did/{DANA}?name=a&name=b", "more than once"),
        (f"vouch://did/{DANA}?evil=1", "unknown part"),
        (f"vouch://did/{DANA}?name", "unknown part"),
        (f"vouch://did/{DANA}?name=" + "a" * 81, "longer than 80"),
        (f"vouch://did/{DANA}?name=a%0Ab", "cannot be shown"),
        (f"vouch://did/{DANA}?name=%FF%FE", "badly encoded"),
        (f"vouch://did/{DANA} extra", "spaces"),
        (f"vouch://did/{DANA}?name=Zoë", "spaces or characters"),
        ("vouch://did/\x00" + DANA, "spaces or characters"),
        ("vouch://bundle/", "no bundle"),
        ("vouch://bundle?text=", "no bundle"),
        ("vouch://bundle/vouch:2:abcd", "start with 'vouch:1:'"),
        ("vouch://bundle/vouch:1:", "damaged"),
        ("vouch://bundle/vouch:1:ab+cd/ef", "damaged"),
        ("vouch://bundle/vouch:1:abc%00", "damaged"),
        (f"vouch://bundle/{TEXT}?text={TEXT}", "two bundles"),
        (f"vouch://bundle/{TEXT}?name=x", "unknown part"),
        ("vouch://bundle/" + "vouch:1:" + "A" * MAX_LINK_CHARS, "too long"),
    ],
)
def test_hostile_or_broken_links_are_refused_with_a_reason(url: str, words: str) -> None:
    with pytest.raises(InvalidLink) as caught:
        parse_link(url)
    assert isinstance(caught.value, VouchError)
    assert words in caught.value.message


def test_the_length_limit_is_checked_before_any_work() -> None:
    huge = "vouch://did/" + "%41" * (MAX_LINK_CHARS // 3 + 1)
    with pytest.raises(InvalidLink, match="too long"):
        parse_link(huge)


def test_a_bundle_too_big_for_a_link_is_refused_when_building() -> None:
    with pytest.raises(InvalidLink, match=r"\.vouch file"):
        bundle_link("vouch:1:" + "A" * MAX_LINK_CHARS)


def test_building_a_person_link_checks_the_did() -> None:
    with pytest.raises(InvalidLink):
        person_link("did:key:z6MkBroken")


@given(st.text(max_size=300))
def test_any_text_either_parses_or_raises_invalid_link(text: str) -> None:
    for candidate in (text, "vouch://" + text, "vouch://did/" + text, "vouch://bundle/" + text):
        try:
            link = parse_link(candidate)
        except InvalidLink as exc:
            assert exc.message
        else:
            assert isinstance(link, PersonLink | BundleLink)
