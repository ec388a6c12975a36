"""Coverage instrumentation for the code under test, only when a target runs under atheris.

Imported before anything else by each target, so that `vouch` (and the pure-Python libraries
it parses with) are loaded instrumented. In-process use (the smoke test) loads them plainly.
"""

from __future__ import annotations

import contextlib
from contextlib import AbstractContextManager

INSTRUMENTED = ["vouch", "_support", "rfc8785", "base58", "noise"]


def instrumented(active: bool) -> AbstractContextManager[object]:
    if not active:
        return contextlib.nullcontext()
    import atheris

    return atheris.instrument_imports(include=INSTRUMENTED)  # type: ignore[no-any-return]
