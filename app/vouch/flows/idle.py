"""Choices for locking the wallet after a time without use."""

from __future__ import annotations

IDLE_CHOICES: tuple[tuple[int, str], ...] = (
    (1, "After 1 minute"),
    (5, "After 5 minutes"),
    (15, "After 15 minutes"),
    (30, "After 30 minutes"),
    (60, "After 1 hour"),
    (0, "Never"),
)
DEFAULT_IDLE_MINUTES = 15


def parse_minutes(value: object) -> int:
    """A stored setting back to minutes; anything odd becomes the default."""
    try:
        minutes = int(str(value))
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return minutes if minutes >= 0 else DEFAULT_IDLE_MINUTES
