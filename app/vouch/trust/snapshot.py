"""The trust graph's columns as bytes, and back: what an unlock reads instead of every row.

Rebuilding the graph from the store means reading every statement row (each next to its
document) and turning each into Python values: about 6 s for 1M statements. The same edges as
columns are a few arrays of fixed-size numbers and a few lists of strings, which decode in a
fraction of that. This module only encodes and decodes (no I/O, like the rest of `trust`); the
wallet keeps the bytes in its encrypted store and says up to which row they hold.

Layout: `MAGIC`, a 4-byte big-endian header length, the header (JSON: the edge count and, per
section, its name, numpy dtype or "json", and byte length), then the sections one after the
other. Numbers are little-endian; string lists are JSON arrays in UTF-8.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from vouch.trust.graph import EdgeColumns, TrustGraph

MAGIC = b"VTG1"
_ARRAYS = (  # (name, dtype): the graph's numeric columns
    ("issuer", "<i4"),
    ("subject", "<i4"),
    ("scope", "<i4"),
    ("kind", "<i1"),
    ("level", "<i1"),
    ("valid_from", "<f8"),
    ("valid_until", "<f8"),
    ("revoked_at", "<f8"),
)
_LISTS = ("dids", "scopes", "ids", "comments", "reasons")


class SnapshotUnreadable(ValueError):
    """The bytes are not a snapshot this version wrote (the graph is then rebuilt from rows)."""


def encode(graph: TrustGraph) -> bytes:
    """Every edge of `graph`, with the dates and revocations it holds now."""
    columns = graph.columns()
    sections: list[tuple[str, str, bytes]] = []
    for name, dtype in _ARRAYS:
        values = np.ascontiguousarray(np.asarray(getattr(columns, name)), dtype=dtype)
        sections.append((name, dtype, values.tobytes()))
    for name in _LISTS:
        values = getattr(columns, name)
        text = json.dumps(list(values) if values is not None else [], ensure_ascii=False)
        sections.append((name, "json", text.encode("utf-8")))
    header = json.dumps(
        {"count": len(columns.ids), "sections": [[n, d, len(b)] for n, d, b in sections]}
    ).encode()
    return b"".join([MAGIC, len(header).to_bytes(4, "big"), header, *(b for *_, b in sections)])


def decode(data: bytes | memoryview) -> EdgeColumns:
    """The columns `encode` wrote; `SnapshotUnreadable` if `data` is anything else."""
    view = memoryview(data)
    if bytes(view[:4]) != MAGIC or len(view) < 8:
        raise SnapshotUnreadable("not a trust graph snapshot")
    size = int.from_bytes(view[4:8], "big")
    try:
        header = json.loads(bytes(view[8 : 8 + size]))
        count = int(header["count"])
        layout = [(str(n), str(d), int(b)) for n, d, b in header["sections"]]
    except (ValueError, KeyError, TypeError) as exc:
        raise SnapshotUnreadable("damaged header") from exc
    if [n for n, _, _ in layout] != [n for n, _ in _ARRAYS] + list(_LISTS):
        raise SnapshotUnreadable("unknown sections")
    found: dict[str, Any] = {}
    at = 8 + size
    for name, dtype, length in layout:
        chunk = view[at : at + length]
        if len(chunk) != length:
            raise SnapshotUnreadable("cut short")
        at += length
        try:
            if dtype == "json":
                found[name] = json.loads(bytes(chunk).decode("utf-8"))
            else:
                found[name] = np.frombuffer(chunk, dtype=np.dtype(dtype))
        except (ValueError, TypeError) as exc:
            raise SnapshotUnreadable(f"damaged section {name}") from exc
    lengths = {len(found[name]) for name, _ in _ARRAYS} | {
        len(found[name]) for name in ("ids", "comments", "reasons")
    }
    if lengths != {count} or at != len(view):
        raise SnapshotUnreadable("sections of different lengths")
    for name, names in (("issuer", "dids"), ("subject", "dids"), ("scope", "scopes")):
        column = found[name]
        if count and (int(column.min()) < 0 or int(column.max()) >= len(found[names])):
            raise SnapshotUnreadable(f"{name} out of range")
    return EdgeColumns(**found)
