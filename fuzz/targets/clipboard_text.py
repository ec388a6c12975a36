"""Fuzz target: pasted `vouch:1:` text (prefix, base64url, bounded inflate, then the bundle).

The first byte picks a mode. 0: the rest, read as text (lone surrogates kept), is pasted as it
is. 1: the rest is deflated and wrapped as valid text, to explore what lies behind the inflate.
"""

from __future__ import annotations

from _instrument import instrumented

with instrumented(__name__ == "__main__"):
    from _support import check_refusal, deflated_text, run_fuzzer

    from vouch.core.errors import VouchError
    from vouch.exchange import bundle as bundles
    from vouch.exchange.importing import check_items


def _as_text(data: bytes) -> str:
    try:
        return data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    mode, rest = data[0] & 1, data[1:]
    text = deflated_text(rest) if mode == 1 else _as_text(rest)
    try:
        parsed = bundles.decode_bundle(text)
    except VouchError as exc:
        check_refusal(exc)
        return
    check_items(parsed.items)


if __name__ == "__main__":
    run_fuzzer(test_one_input)
