"""`vouch link`, `vouch link-join` and `vouch devices`: one wallet on several devices."""

from __future__ import annotations

from vouch.cli.base import Add


def register(add: Add) -> None:
    """Add the device commands."""
