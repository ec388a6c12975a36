"""The `vouch` command line: `main` builds the parser from one module per area."""

from vouch.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
