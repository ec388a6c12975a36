"""`python -m vouch.cli`: the same as the `vouch` command."""

from vouch.cli.main import main

raise SystemExit(main())
