"""Keeping `None`, `True` and `False` alive under a Qt binding that drops references to them.

Some PySide6 builds (6.12.0, stable-ABI wheels, seen on Python 3.11) treat these singletons as
immortal, as they are from Python 3.12 on: every call to a method returning nothing hands back
`None` without a new reference, and every `Signal.emit` does the same with `True`. On Python
3.11 each such call therefore takes one reference away for good; after a long session (or at
exit, when the interpreter drops its own references) the count reaches zero and the
interpreter aborts with "Fatal Python error: none_dealloc" (or "bool_dealloc").

`guard()` measures the binding once and, where it loses references on an interpreter whose
singletons are not immortal, gives each singleton a reserve of references no session can use
up: the state Python 3.12 starts in. Elsewhere it changes nothing.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

RESERVE = 1 << 40  # references added to each singleton: far beyond any session's calls
_PROBES = 64
_guarded = False


class _Probe(QObject):
    ping = Signal()


def _immortal_singletons() -> bool:
    """True from Python 3.12 on (PEP 683), where None and the booleans are immortal."""
    return sys.version_info >= (3, 12)


def references_lost() -> dict[str, int]:
    """How many references to None and to True `_PROBES` calls of each kind take away."""
    probe = _Probe()
    before_none = sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
    lost_none = before_none - sys.getrefcount(None)
    before_true = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    lost_true = before_true - sys.getrefcount(True)
    probe.deleteLater()
    return {"None": lost_none, "True": lost_true}


def binding_loses_references() -> bool:
    if _immortal_singletons() or sys.implementation.name != "cpython":
        return False
    lost = references_lost()
    return any(count >= _PROBES // 2 for count in lost.values())


def guard() -> bool:
    """Protect the singletons when the binding needs it; True when a reserve was added."""
    global _guarded
    if _guarded:
        return True
    if not binding_loses_references():
        return False
    for singleton in (None, True, False):
        # CPython keeps an object's reference count in its first field (`ob_refcnt`).
        ctypes.c_ssize_t.from_address(id(singleton)).value += RESERVE
    _guarded = True
    return True


def guarded() -> bool:
    return _guarded
