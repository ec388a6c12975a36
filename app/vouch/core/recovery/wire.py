"""Reading the recovery formats from outside input: size limits, strict JSON, typed fields.

Every format is one JSON object with a `type` and a `version`; a reader refuses a version
newer than it knows, so the formats can evolve without old readers guessing.
"""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, datetime
from typing import Any

from vouch.core.canonical import DamagedFile, parse_strict
from vouch.core.errors import InvalidDid, VouchError
from vouch.core.identity import public_key_from_did

MAX_DID_CHARS = 64
MAX_ID_CHARS = 64


def b64encode(data: bytes) -> str:
    """URL-safe base64 without padding: the form every binary field takes here."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64decode(text: str, error: type[VouchError], what: str) -> bytes:
    if not text.isascii() or "=" in text:
        raise error(f"The {what} is damaged (not base64url).")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise error(f"The {what} is damaged (not base64url).") from exc


def now_text() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(text: str, error: type[VouchError], what: str) -> datetime:
    try:
        moment = datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError as exc:
        raise error(f"The {what} has a bad date.") from exc
    return moment.replace(tzinfo=UTC)


def read_object(
    data: bytes,
    *,
    limit: int,
    kind: str,
    version: int,
    error: type[VouchError],
) -> dict[str, Any]:
    """The JSON object in `data`, checked for its size, its `type` and its `version`."""
    if len(data) > limit:
        raise error(f"{error.default_message} (It is larger than {limit} bytes.)")
    try:
        value = parse_strict(data, what="file")
    except DamagedFile as exc:
        raise error() from exc
    if not isinstance(value, dict) or value.get("type") != kind:
        raise error()
    found = value.get("version")
    if type(found) is not int:
        raise error()
    if found > version:
        raise error("This file was made by a newer version of Vouch; please update Vouch.")
    if found != version:
        raise error()
    return value


def declared_type(data: bytes, limit: int) -> str | None:
    """The `type` a small JSON object says it has, or None (too large, not JSON, no type)."""
    if len(data) > limit or data.lstrip()[:1] != b"{":
        return None
    try:
        value = parse_strict(data, what="file")
    except DamagedFile:
        return None
    found = value.get("type") if isinstance(value, dict) else None
    return found if isinstance(found, str) else None


class Fields:
    """Typed access to the members of one parsed object; a missing or wrong field is `error`."""

    def __init__(self, value: dict[str, Any], error: type[VouchError], what: str) -> None:
        self.value = value
        self.error = error
        self.what = what

    def fail(self, detail: str) -> VouchError:
        return self.error(f"The {self.what} is damaged ({detail}).")

    def text(self, name: str, max_chars: int) -> str:
        found = self.value.get(name)
        if not isinstance(found, str) or not found or len(found) > max_chars:
            raise self.fail(f"bad {name!r}")
        return found

    def integer(self, name: str, low: int, high: int) -> int:
        found = self.value.get(name)
        if type(found) is not int or not low <= found <= high:
            raise self.fail(f"bad {name!r}")
        return found

    def did(self, name: str) -> str:
        found = self.text(name, MAX_DID_CHARS)
        try:
            public_key_from_did(found)
        except InvalidDid as exc:
            raise self.fail(f"{name!r} is not a did:key") from exc
        return found

    def hex_id(self, name: str) -> str:
        found = self.text(name, MAX_ID_CHARS)
        if len(found) % 2 or any(c not in "0123456789abcdef" for c in found):
            raise self.fail(f"bad {name!r}")
        return found

    def binary(self, name: str, max_bytes: int) -> bytes:
        raw = b64decode(self.text(name, (max_bytes * 4 + 2) // 3), self.error, self.what)
        if len(raw) > max_bytes:
            raise self.fail(f"{name!r} is too long")
        return raw

    def time(self, name: str) -> datetime:
        return parse_time(self.text(name, 32), self.error, self.what)

    def exactly(self, names: set[str]) -> None:
        """Refuse members nobody wrote: an altered file, or one from a format we do not know."""
        extra = set(self.value) - names
        missing = names - set(self.value)
        if extra or missing:
            raise self.fail("unexpected or missing fields")
