"""Entry point of the bundled `vouch` command (and of its hidden wormhole helper)."""

import multiprocessing
import sys

multiprocessing.freeze_support()  # a worker process of a big import runs its task and ends

if sys.argv[1:2] == ["__wormhole-bridge"]:
    from vouch.exchange.wormhole.bridge import main as bridge_main

    raise SystemExit(bridge_main(sys.argv[2:]))

from vouch.exchange.importing import allow_frozen_workers

allow_frozen_workers()

from vouch.cli import main

raise SystemExit(main())
