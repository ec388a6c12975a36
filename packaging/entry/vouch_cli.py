"""Entry point of the bundled `vouch` command."""

from vouch.cli import main

raise SystemExit(main())
