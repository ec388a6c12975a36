"""The plain, frozen records of social recovery that the facade hands to the CLI and the GUI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class GuardianSplit:
    """One hand-out of shares: when, K of N, and to whom (one share each)."""

    split_id: str
    threshold: int
    share_count: int
    created: datetime
    guardians: tuple[str, ...]


@dataclass(frozen=True)
class HandOut:
    """A hand-out just made, with the share file written for each guardian (same order)."""

    split: GuardianSplit
    files: tuple[Path, ...]


@dataclass(frozen=True)
class HeldShare:
    """A share this wallet keeps for someone else."""

    owner: str
    petname: str | None
    threshold: int
    split_id: str
    received: datetime


@dataclass(frozen=True)
class ImportedShare:
    share: HeldShare
    already_held: bool


@dataclass(frozen=True)
class RecoveryStarted:
    """A recovery request made on this device: the line to send, the words to read aloud."""

    did: str
    line: str
    request_id: str
    check_words: str
    created: datetime


@dataclass(frozen=True)
class HelpRequest:
    """A request a guardian was given, as shown before they answer it."""

    did: str
    petname: str | None
    request_id: str
    check_words: str
    created: datetime
    shares: int  # how many shares this wallet holds for that did (one per hand-out)
