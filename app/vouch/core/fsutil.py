"""Atomic file writes: a temp file beside the target, private permissions, fsync, rename."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from vouch.core.errors import StorageFull, VouchError


def atomic_write(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Write `data` to `path` so that readers see the old file or the whole new one."""
    directory = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        _fsync_directory(directory)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise StorageFull(
                f"The disk is full; {path.name} was not written. Free some space and try again."
            ) from exc
        raise VouchError(f"Could not write {path}: {exc.strerror or exc}.") from exc


def _fsync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
