"""Scopes: the task an endorsement is about, as a short normalised tag (`home/plumbing`)."""

from __future__ import annotations

import re
import unicodedata

from vouch.core.errors import InvalidInput

MAX_SCOPE_LENGTH = 64
MAX_SCOPE_DEPTH = 4
_SEGMENT = re.compile(r"^[^\W_](?:[^\W_]|-(?=[^\W_]))*$")


def normalise_scope(text: str) -> str:
    """`" Home / Plumbing "` -> `home/plumbing`. Raises `InvalidInput` with the reason."""
    if not isinstance(text, str):
        raise InvalidInput("A scope is a short text such as 'plumbing' or 'home/plumbing'.")
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    segments = [re.sub(r"[\s_]+", "-", part.strip()) for part in folded.split("/")]
    scope = "/".join(segments)
    if not scope or any(not part for part in segments):
        raise InvalidInput("A scope cannot be empty or have an empty part ('home//plumbing').")
    if len(scope) > MAX_SCOPE_LENGTH:
        raise InvalidInput(f"A scope is at most {MAX_SCOPE_LENGTH} characters.")
    if len(segments) > MAX_SCOPE_DEPTH:
        raise InvalidInput(f"A scope has at most {MAX_SCOPE_DEPTH} parts.")
    for part in segments:
        if not _SEGMENT.match(part):
            raise InvalidInput(
                f"{part!r} is not a valid scope part: use letters, digits and single dashes."
            )
    return scope


def is_normalised_scope(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return normalise_scope(value) == value
    except InvalidInput:
        return False


def scope_ancestors(scope: str) -> list[str]:
    """The parent scopes, nearest first: `a/b/c` -> `["a/b", "a"]`."""
    parts = scope.split("/")
    return ["/".join(parts[:i]) for i in range(len(parts) - 1, 0, -1)]


def scope_covers(parent: str, scope: str) -> bool:
    """True when an endorsement for `parent` also speaks to `scope` (equal or an ancestor)."""
    return scope == parent or scope.startswith(parent + "/")
