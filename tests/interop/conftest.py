"""The reference-stack tests run only when asked for (`make interop` sets VOUCH_INTEROP=1):
they need node and, the first time, the npm registry."""

from __future__ import annotations

import os

# Not collected at all otherwise: `make test` neither runs nor counts them.
collect_ignore_glob = [] if os.environ.get("VOUCH_INTEROP") == "1" else ["test_*.py"]
