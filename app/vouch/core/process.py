"""Process hardening at start-up: a crash must not write the seed or the store key to disk.

A core file holds the whole memory of the process, with the unlocked identity seed and the
store key in it. Every entry point (`vouch`, `vouch-gui`, the signature-check helper) calls
`disable_core_dumps` first: the core-file size limit goes to zero (soft and hard, so nothing
later in the process can raise it again), and on Linux the process is marked not dumpable,
which also covers a `core_pattern` that pipes cores to a handler and keeps other processes of
the same user from attaching a debugger to read its memory.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


def disable_core_dumps() -> None:
    """No core file, ever, for this process. Never fails: where a step is not offered it is
    skipped (the core-size limit does not exist on Windows; `prctl` is Linux only)."""
    _no_core_size()
    if sys.platform.startswith("linux"):
        _prctl(PR_SET_DUMPABLE, 0)


def core_dumps_disabled() -> bool:
    """True when this process can write no core file (for checks and tests)."""
    limit = _core_limit()
    if limit is not None and limit != (0, 0):
        return False
    if sys.platform.startswith("linux"):
        return _prctl(PR_GET_DUMPABLE, 0) == 0
    return limit is not None


def _no_core_size() -> None:
    try:
        import resource
    except ImportError:  # Windows
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _core_limit() -> tuple[int, int] | None:
    try:
        import resource
    except ImportError:
        return None
    return resource.getrlimit(resource.RLIMIT_CORE)


def _prctl(option: int, value: int) -> int | None:
    """`prctl(option, value)`, or None where the C library has none.

    `CDLL(None)` is the running program, whose symbols include the C library's: no search for
    the library file (`ctypes.util.find_library` runs `ldconfig` in a child process)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        call = libc.prctl
    except (OSError, AttributeError):
        return None
    call.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    call.restype = ctypes.c_int
    return int(call(option, value, 0, 0, 0))
