"""The frozen answers of the trust engine, shared by the facade, the CLI and the GUI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from vouch.core.records import Kind, Level

#: A value at or above `(n - 0.5) / 4` reads as level `n`: values are rounded to the word scale.
LEVEL_STEP = 0.25


def level_weight(level: Level | int) -> float:
    """The internal value of a stated level: 1 -> 0.25 ... 4 -> 1.0."""
    return int(level) * LEVEL_STEP


def value_to_level(value: float) -> Level | None:
    """The nearest word level for a value in 0..1, or None below half of "for small things"."""
    steps = int(value / LEVEL_STEP + 0.5 + 1e-9)
    if steps < 1:
        return None
    return Level(min(steps, int(Level.COMPLETELY)))


@dataclass(frozen=True)
class PathStep:
    issuer: str
    subject: str
    scope: str
    level: Level
    endorsement_id: str


@dataclass(frozen=True)
class TrustPath:
    steps: tuple[PathStep, ...]
    value: float  # value this path contributes, 0..1


@dataclass(frozen=True)
class CautionNote:
    issuer: str
    subject: str
    scope: str
    reason: str
    endorsement_id: str


@dataclass(frozen=True)
class TrustResult:
    did: str
    scope: str
    value: float  # 0..1 internal
    level: Level | None  # the word level (value mapped to the scale), None if too weak
    direct: bool  # the owner endorsed this person directly for the scope (or a parent scope)
    paths: tuple[TrustPath, ...]  # the explaining paths, strongest first (bounded number)
    cautions: tuple[CautionNote, ...]


@dataclass(frozen=True)
class Opinion:
    issuer: str
    issuer_trust: float
    issuer_level: Level | None
    subject: str
    scope: str
    kind: Kind
    level: Level | None
    comment: str
    reason: str
    endorsement_id: str


def describe_path(path: TrustPath, owner: str, name: Callable[[str], str] = lambda did: did) -> str:
    """`you -> Carol (strongly, plumbing) -> Dan (for most things, plumbing)`.

    `name` turns a did into what the reader knows (a petname, a short did).
    """
    parts = ["you"]
    for step in path.steps:
        who = "you" if step.subject == owner else name(step.subject)
        parts.append(f"{who} ({step.level.words}, {step.scope})")
    return " -> ".join(parts)
