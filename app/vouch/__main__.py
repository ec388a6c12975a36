"""`python -m vouch` opens the desktop app."""

from vouch.gui.app import main

raise SystemExit(main())
