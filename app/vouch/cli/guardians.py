"""`vouch guardians` and `vouch recover`: social recovery of the identity."""

from __future__ import annotations

from vouch.cli.base import Add


def register(add: Add) -> None:
    """Add the guardian and recovery commands."""
