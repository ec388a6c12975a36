"""What a launch asks the running Vouch to open: a `.vouch` file, a `vouch://` link, or just
its window. Kept apart from `single_instance` (and its QtNetwork) so that the locked screen can
be shown before either is loaded."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

KINDS = ("file", "link", "show")


class Request(NamedTuple):
    """One launch's request, as sent over the instance socket (one JSON line)."""

    kind: str  # one of KINDS
    value: str = ""

    def encode(self) -> bytes:
        import json

        return json.dumps({"open": self.kind, "value": self.value}).encode("utf-8") + b"\n"

    @classmethod
    def decode(cls, data: bytes) -> Request | None:
        """The request in one received line, or None when it is not a well-formed one."""
        import json

        try:
            obj = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None
        if not isinstance(obj, dict) or set(obj) != {"open", "value"}:
            return None
        kind, value = obj["open"], obj["value"]
        if kind not in KINDS or not isinstance(value, str):
            return None
        if kind == "file" and not Path(value).is_absolute():
            return None
        return cls(kind, value)
