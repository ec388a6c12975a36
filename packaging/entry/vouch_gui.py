"""Entry point of the bundled `vouch-gui` desktop app."""

from vouch.gui.app import main

raise SystemExit(main())
