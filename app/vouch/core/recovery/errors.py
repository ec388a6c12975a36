"""The errors of social recovery, each with a message a person can act on."""

from __future__ import annotations

from vouch.core.errors import VouchError


class InvalidShare(VouchError):
    """A share file (or a share inside an answer) that is damaged, altered or not for us."""

    default_message = "This isn't a Vouch share file, or it is damaged."


class InvalidRecoveryRequest(VouchError):
    """A recovery request line that cannot be read."""

    default_message = "This isn't a Vouch recovery request, or it is damaged."


class InvalidRecoveryAnswer(VouchError):
    """A guardian's answer that is damaged, altered, or made for another request."""

    default_message = "This isn't an answer to a Vouch recovery request, or it is damaged."


class RecoveryFailed(VouchError):
    """The answers are readable but do not give the identity back (too few, mixed, wrong)."""

    default_message = "The identity could not be recovered from these answers."
