"""Entry point of the bundled `vouch-gui` desktop app (and of its hidden wormhole helper)."""

import sys

if sys.argv[1:2] == ["__wormhole-bridge"]:
    from vouch.exchange.wormhole.bridge import main as bridge_main

    raise SystemExit(bridge_main(sys.argv[2:]))

from vouch.gui.app import main

raise SystemExit(main())
