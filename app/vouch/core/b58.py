"""Decoding base58btc quickly: every proof value and every did:key of an import is decoded.

Encoding stays with the `base58` package (`identity.multibase_ed25519_public`); decoding is
here because the package's byte conversion was the slowest step of checking a proof, and
because it is strict: a character outside the alphabet (the package strips trailing
whitespace) is an error.
"""

from __future__ import annotations

_B58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_VALUES = {char: index for index, char in enumerate(_B58_ALPHABET)}


def b58decode(text: str) -> bytes:
    """Bitcoin base58, as the `base58` package decodes it (leading '1's are zero bytes), in
    one pass: the package's byte conversion is the slowest step of checking a proof."""
    number = 0
    try:
        for char in text:
            number = number * 58 + _B58_VALUES[char]
    except KeyError as exc:
        raise ValueError("not a base58 character") from exc
    zeros = len(text) - len(text.lstrip("1"))
    return bytes(zeros) + number.to_bytes((number.bit_length() + 7) // 8, "big")
