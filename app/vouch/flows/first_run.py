"""The first-run wizard as data and logic: which step comes next and what each step checks.

The Qt wizard only shows the current step and forwards what the user typed; everything that
decides (validation, the order of steps, the recovery-phrase quiz) lives here.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from enum import StrEnum

from vouch.flows.passphrase import check_pair

PHRASE_WORDS = 24
QUIZ_SIZE = 3
# The wallet setting that says the recovery phrase was shown and written down ("yes").
PHRASE_CONFIRMED = "recovery_phrase_confirmed"


class Mode(StrEnum):
    CREATE = "create"
    RESTORE = "restore"
    OPEN = "open"


class Step(StrEnum):
    CHOOSE = "choose"  # create, restore or open
    RESTORE_PHRASE = "restore-phrase"  # type the 24 words
    PASSPHRASE = "passphrase"  # choose a passphrase (twice)
    SHOW_PHRASE = "show-phrase"  # the new recovery phrase, shown once
    QUIZ = "quiz"  # three of its words asked back
    OPEN_FOLDER = "open-folder"  # pick an existing wallet folder
    DONE = "done"


def normalise_phrase(text: str) -> str:
    """Lower case, single spaces; numbering such as '1.' or '12)' removed."""
    words = []
    for token in text.replace(",", " ").split():
        bare = token.strip().lower()
        if bare.rstrip(".):").isdigit():
            continue
        words.append(bare)
    return " ".join(words)


def check_phrase_shape(text: str) -> str | None:
    """A quick check before the real one in the wallet: the right number of words."""
    count = len(normalise_phrase(text).split())
    if count == 0:
        return "Type the 24 words of your recovery phrase."
    if count != PHRASE_WORDS:
        return f"A recovery phrase has {PHRASE_WORDS} words; this has {count}."
    return None


@dataclass
class FirstRunFlow:
    """State of the first-run wizard. `rng` is injectable so tests know which words are asked."""

    rng: random.Random = field(default_factory=random.SystemRandom)
    mode: Mode | None = None
    step: Step = Step.CHOOSE
    restore_phrase: str = ""
    passphrase: str = ""
    phrase: str = ""  # the new wallet's recovery phrase, kept only until the quiz is passed
    quiz: tuple[int, ...] = ()  # zero-based word positions asked back
    history: list[Step] = field(default_factory=list)

    def _go(self, step: Step) -> None:
        self.history.append(self.step)
        self.step = step

    def back(self) -> None:
        """Return to the previous step (not allowed once the wallet exists)."""
        if self.step in (Step.SHOW_PHRASE, Step.QUIZ, Step.DONE) or not self.history:
            return
        self.step = self.history.pop()
        if self.step == Step.CHOOSE:
            self.mode = None

    @property
    def can_go_back(self) -> bool:
        return bool(self.history) and self.step not in (Step.SHOW_PHRASE, Step.QUIZ, Step.DONE)

    def choose(self, mode: Mode) -> None:
        self.mode = mode
        nxt = {
            Mode.CREATE: Step.PASSPHRASE,
            Mode.RESTORE: Step.RESTORE_PHRASE,
            Mode.OPEN: Step.OPEN_FOLDER,
        }[mode]
        self._go(nxt)

    def submit_restore_phrase(self, text: str) -> str | None:
        """The error to show, or None after moving on to the passphrase step."""
        error = check_phrase_shape(text)
        if error:
            return error
        self.restore_phrase = normalise_phrase(text)
        self._go(Step.PASSPHRASE)
        return None

    def submit_passphrase(self, first: str, second: str) -> str | None:
        """The error to show, or None: the caller then creates the wallet (slow, off-thread)."""
        error = check_pair(first, second)
        if error:
            return error
        self.passphrase = first
        return None

    def wallet_created(self, phrase: str) -> None:
        """The wallet exists. A new one shows its phrase; a restored one is done."""
        self.passphrase = ""
        if self.mode == Mode.RESTORE:
            self.restore_phrase = ""
            self._go(Step.DONE)
            return
        self.phrase = phrase
        self._go(Step.SHOW_PHRASE)

    @property
    def words(self) -> list[str]:
        return self.phrase.split()

    def phrase_seen(self) -> None:
        """The user says the phrase is written down: ask three of its words back."""
        count = len(self.words)
        self.quiz = tuple(sorted(self.rng.sample(range(count), min(QUIZ_SIZE, count))))
        self._go(Step.QUIZ)

    def submit_quiz(self, answers: list[str]) -> str | None:
        """None when every asked word is right (the phrase is then forgotten), else an error."""
        words = self.words
        wrong = [
            pos + 1
            for pos, answer in zip(self.quiz, answers, strict=True)
            if answer.strip().lower() != words[pos]
        ]
        if wrong:
            listed = ", ".join(f"#{n}" for n in wrong)
            return f"Word {listed} does not match. Check what you wrote down."
        self.phrase = ""
        self._go(Step.DONE)
        return None

    def show_phrase_again(self) -> None:
        """From the quiz, back to the phrase (it is still in memory until the quiz is passed)."""
        if self.step == Step.QUIZ:
            self.step = Step.SHOW_PHRASE
