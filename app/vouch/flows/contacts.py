"""Finding someone's identifier in what the user pasted or dropped."""

from __future__ import annotations

import json
import re

from vouch.core.errors import InvalidDid
from vouch.core.identity import safety_code
from vouch.core.records import MAX_PETNAME_CHARS

_DID_KEY = re.compile(r"did:key:z[1-9A-HJ-NP-Za-km-z]{40,60}")


def find_dids(text: str) -> list[str]:
    """Every distinct did:key in `text`, in order of first appearance."""
    seen: dict[str, None] = {}
    for match in _DID_KEY.finditer(text):
        seen.setdefault(match.group(0), None)
    return list(seen)


def suggest_petname(text: str) -> str:
    """A name the sender may have put next to their identifier ("name" in a JSON card)."""
    try:
        data = json.loads(text)
    except ValueError:
        return ""
    if isinstance(data, dict):
        for key in ("name", "petname", "displayName"):
            value = data.get(key)
            if isinstance(value, str):
                return value.strip()[:MAX_PETNAME_CHARS]
    return ""


def safety_code_for(did: str) -> str:
    """The safety code to compare aloud with this person, or "" for a malformed did."""
    try:
        return safety_code(did)
    except InvalidDid:
        return ""
