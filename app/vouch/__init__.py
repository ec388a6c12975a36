"""Vouch: a local-first trust wallet."""

__version__ = "0.1.0"
