"""The words wormhole codes are made of, for completing a code as a person types it."""

from __future__ import annotations


def code_words() -> list[str]:
    """Every word a wormhole code may hold (the PGP word list), lower case, sorted.

    Loading it imports the wormhole library and Twisted (about 0.2 s): call it off the GUI
    thread, once.
    """
    from wormhole._wordlist import raw_words

    return sorted({word.lower() for pair in raw_words.values() for word in pair})
