"""The Qt-free logic under the pages: passphrase strength, the first-run steps, identifier
parsing, and the records' own small rules."""

from __future__ import annotations

import json
import random

import pytest

from vouch.core.records import MAX_PETNAME_CHARS, Direction
from vouch.flows.contacts import find_dids, safety_code_for, suggest_petname
from vouch.flows.first_run import FirstRunFlow, Mode, Step, check_phrase_shape, normalise_phrase
from vouch.flows.idle import DEFAULT_IDLE_MINUTES, parse_minutes
from vouch.flows.passphrase import assess, check_pair

DID = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
WORDS = " ".join(f"w{i}" for i in range(24))


@pytest.mark.parametrize("weak", ["", "short", "password1", "aaaaaaaaaaaa", "12345678"])
def test_very_weak_passphrases_are_refused(weak: str) -> None:
    assert not assess(weak).acceptable
    assert check_pair(weak, weak) is not None


def test_strength_grows_with_length_and_words() -> None:
    scores = [assess(p).score for p in ("kettle42x", "kettle42x-Moon", "quiet orange lamp river")]
    assert scores == sorted(scores)
    assert scores[-1] >= 3
    assert assess("quiet orange lamp river").label in ("Good", "Strong")


def test_pair_must_match() -> None:
    assert check_pair("quiet orange lamp river", "quiet orange lamp rivet") == (
        "The two passphrases are not the same."
    )
    assert check_pair("quiet orange lamp river", "quiet orange lamp river") is None


def test_create_flow_shows_phrase_then_quizzes_three_words() -> None:
    flow = FirstRunFlow(rng=random.Random(7))
    flow.choose(Mode.CREATE)
    assert flow.step == Step.PASSPHRASE
    assert flow.submit_passphrase("abc", "abc") is not None
    assert flow.submit_passphrase("quiet orange lamp river", "quiet orange lamp river") is None
    flow.wallet_created(WORDS)
    assert flow.step == Step.SHOW_PHRASE
    assert not flow.can_go_back
    flow.phrase_seen()
    assert flow.step == Step.QUIZ and len(flow.quiz) == 3
    answers = [f"w{i}" for i in flow.quiz]
    wrong = [*answers[:2], "nope"]
    assert (
        flow.submit_quiz(wrong)
        == f"Word #{flow.quiz[2] + 1} does not match. Check what you wrote down."
    )
    assert flow.step == Step.QUIZ
    assert flow.submit_quiz([a.upper() + " " for a in answers]) is None
    assert flow.step == Step.DONE
    assert flow.phrase == ""  # forgotten once confirmed


def test_quiz_can_go_back_to_the_phrase() -> None:
    flow = FirstRunFlow(rng=random.Random(1))
    flow.choose(Mode.CREATE)
    flow.wallet_created(WORDS)
    flow.phrase_seen()
    flow.show_phrase_again()
    assert flow.step == Step.SHOW_PHRASE and flow.words[0] == "w0"


def test_restore_flow_checks_the_word_count_then_asks_a_passphrase() -> None:
    flow = FirstRunFlow()
    flow.choose(Mode.RESTORE)
    assert flow.step == Step.RESTORE_PHRASE
    assert flow.submit_restore_phrase("one two three") == (
        "A recovery phrase has 24 words; this has 3."
    )
    assert flow.submit_restore_phrase("") == "Type the 24 words of your recovery phrase."
    numbered = " ".join(f"{i + 1}. W{i}," for i in range(24))
    assert flow.submit_restore_phrase(numbered) is None
    assert flow.restore_phrase == WORDS
    assert flow.step == Step.PASSPHRASE
    flow.back()
    assert flow.step == Step.RESTORE_PHRASE
    flow.back()
    assert flow.step == Step.CHOOSE and flow.mode is None


def test_restored_wallet_skips_the_quiz() -> None:
    flow = FirstRunFlow()
    flow.choose(Mode.RESTORE)
    flow.submit_restore_phrase(WORDS)
    flow.submit_passphrase("quiet orange lamp river", "quiet orange lamp river")
    flow.wallet_created("")
    assert flow.step == Step.DONE and flow.restore_phrase == "" and flow.passphrase == ""


def test_phrase_helpers() -> None:
    assert normalise_phrase("  1) Apple,  2) BANANA ") == "apple banana"
    assert check_phrase_shape(WORDS) is None


def test_find_dids_in_free_text() -> None:
    text = f"Hi! My id is {DID}. Again: {DID}"
    assert find_dids(text) == [DID]
    assert find_dids("did:key:notakey") == []
    assert suggest_petname(json.dumps({"id": DID, "name": " Dana "})) == "Dana"
    assert suggest_petname("not json") == ""


def test_a_suggested_name_is_cut_to_the_petname_limit() -> None:
    long = "A" * (MAX_PETNAME_CHARS + 20)
    assert suggest_petname(json.dumps({"name": long})) == "A" * MAX_PETNAME_CHARS


def test_the_direction_of_a_statement() -> None:
    me, other, third = "did:me", "did:other", "did:third"
    assert Direction.of(me, other, me) is Direction.GIVEN
    assert Direction.of(me, me, me) is Direction.GIVEN  # given wins
    assert Direction.of(other, me, me) is Direction.RECEIVED
    assert Direction.of(other, third, me) is Direction.OTHERS


def test_safety_code_for_is_empty_for_garbage() -> None:
    assert len(safety_code_for(DID).split()) == 6
    assert safety_code_for("did:key:zzz") == ""


def test_idle_minutes_parsing() -> None:
    assert parse_minutes("5") == 5
    assert parse_minutes("0") == 0
    assert parse_minutes("junk") == DEFAULT_IDLE_MINUTES
    assert parse_minutes(-3) == DEFAULT_IDLE_MINUTES
