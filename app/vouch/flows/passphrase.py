"""How strong a passphrase looks, in words the user understands.

A rough estimate (character classes, length, repetition, a few well-known choices), used only
to guide the user and to refuse the very weakest passphrases. The real protection is Argon2id
in the store; this only keeps people from choosing "password1".
"""

from __future__ import annotations

import math
import string
from dataclasses import dataclass

MIN_LENGTH = 8
_COMMON = frozenset(
    {
        "password",
        "password1",
        "passw0rd",
        "12345678",
        "123456789",
        "1234567890",
        "qwertyuiop",
        "qwerty123",
        "iloveyou",
        "letmein1",
        "welcome1",
        "abc12345",
        "11111111",
        "00000000",
        "correcthorsebatterystaple",
        "vouchvouch",
    }
)
LABELS = ("Very weak", "Weak", "Fair", "Good", "Strong")


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (very weak) .. 4 (strong)
    bits: float
    hint: str

    @property
    def label(self) -> str:
        return LABELS[self.score]

    @property
    def acceptable(self) -> bool:
        """Very weak passphrases are refused; anything else is the user's choice."""
        return self.score >= 1


def _pool_size(text: str) -> int:
    pool = 0
    if any(c in string.ascii_lowercase for c in text):
        pool += 26
    if any(c in string.ascii_uppercase for c in text):
        pool += 26
    if any(c in string.digits for c in text):
        pool += 10
    if any(c in string.punctuation or c == " " for c in text):
        pool += 33
    if any(ord(c) > 127 for c in text):
        pool += 64
    return max(pool, 1)


def _effective_length(text: str) -> float:
    """Length with runs and repeated characters counted less."""
    length = 0.0
    previous = ""
    seen: set[str] = set()
    for char in text:
        if char == previous:
            length += 0.25
        elif char in seen:
            length += 0.6
        else:
            length += 1.0
        seen.add(char)
        previous = char
    return length


def assess(passphrase: str) -> Strength:
    """Score a passphrase and say what would make it better."""
    if not passphrase:
        return Strength(0, 0.0, "Choose a passphrase of at least 8 characters.")
    folded = passphrase.lower().replace(" ", "")
    if folded in _COMMON:
        return Strength(0, 0.0, "That is one of the first passphrases anyone would try.")
    if len(passphrase) < MIN_LENGTH:
        return Strength(0, 0.0, f"Use at least {MIN_LENGTH} characters.")
    bits = _effective_length(passphrase) * math.log2(_pool_size(passphrase))
    words = len(passphrase.split())
    if bits < 30:
        return Strength(0, bits, "Too easy to guess: make it longer, or use a few unrelated words.")
    if bits < 45:
        score, hint = 1, "Weak: add a few more words or characters."
    elif bits < 60:
        score, hint = 2, "Fair: a little longer would make it much harder to guess."
    elif bits < 80:
        score, hint = 3, "Good."
    else:
        score, hint = 4, "Strong."
    if words >= 4 and score < 4:
        score += 1
        hint = LABELS[score] + ": several words make a passphrase both strong and memorable."
    return Strength(score, bits, hint)


def check_pair(first: str, second: str) -> str | None:
    """Why a new passphrase (typed twice) cannot be used, or None when it can."""
    strength = assess(first)
    if not strength.acceptable:
        return strength.hint
    if first != second:
        return "The two passphrases are not the same."
    return None
