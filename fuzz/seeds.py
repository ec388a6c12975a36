"""Write the seed corpus: valid documents and known-interesting inputs for every target.

`python fuzz/seeds.py` (re)writes fuzz/corpus/<target>/seed-*; files atheris found are kept.
The samples are deterministic, so running it twice changes nothing.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "targets"))

import _support as s  # noqa: E402

from vouch.core.canonical import canonicalize  # noqa: E402
from vouch.core.identity import did_from_public_key  # noqa: E402
from vouch.exchange.p2p.framing import HEADER  # noqa: E402

CORPUS = HERE / "corpus"
HOSTILE = HERE.parent / "tests" / "fixtures" / "hostile"


def _framed(messages: list[bytes]) -> bytes:
    return b"".join(len(m).to_bytes(2, "big") + m for m in messages)


def _json_seeds() -> list[bytes]:
    endorsement = canonicalize(s.endorsement())
    return [
        endorsement,
        s.bundle_bytes(),
        b'{"a":1,"a":2}',
        b"[" * 33 + b"]" * 33,
        b'{"a":' * 40 + b"1" + b"}" * 40,
        b"1e400",
        b"-0.0",
        b"9007199254740993",
        b"123456789012345678901234567890",
        b"1" + b"0" * 400,
        b"9054740079254740992",
        b"[1" + b"0" * 5000 + b"]",
        b'"\\ud800"',
        b'{"\\ud800":"\\udfff\\u0000"}',
        b'"\\u0000"',
        b"\xef\xbb\xbf{}",
        b"NaN",
        b'{"a":[1,2,{"b":null}],"c":true}',
        b'"\xed\xa0\x80"',
        endorsement[: len(endorsement) // 2],
    ]


def _credential_seeds() -> list[bytes]:
    first = s.endorsement()
    unsigned = {k: v for k, v in first.items() if k != "proof"}
    documents = [first, s.caution(), s.revocation(first["id"])]
    seeds = [b"\x00" + canonicalize(d) for d in documents]
    seeds += [b"\x01" + canonicalize(d) for d in [*documents, unsigned]]
    late = dict(unsigned, validUntil="9999-12-31T23:59:59-01:00")
    seeds.append(b"\x01" + canonicalize(late))
    seeds.append(b"\x01" + canonicalize(dict(unsigned, **{"@context": []})))
    seeds.append(b"\x00" + s.bundle_bytes())
    return seeds


def _bundle_seeds() -> list[bytes]:
    first = s.endorsement()
    seeds = [b"\x00" + s.bundle_bytes(), b"\x00" + s.bundle_bytes([])]
    seeds.append(b"\x01" + canonicalize(s.presentation([first, s.caution()])))
    seeds.append(b"\x01" + canonicalize(s.presentation([first, 1, "x", None, [first]])))
    seeds += [b"\x00" + path.read_bytes() for path in sorted(HOSTILE.iterdir())]
    return seeds


def _text_seeds() -> list[bytes]:
    text = s.clipboard_text(s.bundle_bytes()).encode()
    return [
        b"\x00" + text,
        b"\x00" + text[: len(text) // 2],
        b"\x00" + text + b"AAAA",
        b"\x00vouch:1:\xed\xa0\x80",
        b"\x00  vouch:1:eJw=\n",
        b"\x01" + s.bundle_bytes(),
        b"\x01" + b"\x00" * 4096,
    ]


def _frame_seeds() -> list[bytes]:
    bad_point = did_from_public_key(b"\x01" + bytes(31))
    chunk = b"\x01\x00\x05hello" + b"\x00\x00\x03end"
    return [
        b"\x00" + HEADER.pack(5) + b"hello" + HEADER.pack(0),
        b"\x00" + HEADER.pack(300 * 1024 * 1024) + b"x",
        b"\x00" + HEADER.pack(10) + b"short",
        b"\x01" + HEADER.pack(32) + bytes(32) + HEADER.pack(48) + bytes(48),
        b"\x02" + chunk,
        b"\x02" + b"\x07\x00\x01x",
        b"\x02" + b"\x01\x0b\xf0" + b"a" * 3056 + b"\x00\x00\x01b",
        b"\x03\x01" + s.SUBJECT.did.encode(),
        b"\x03\x01" + bad_point.encode(),
        b"\x03\x02" + s.SUBJECT.did.encode(),
        b"\x03\x01\xff\xfe",
    ]


def _reconcile_seeds() -> list[bytes]:
    messages = s.reconcile_messages()
    seeds = [_framed(messages[1::2]), _framed(messages[::2])]
    seeds += [_framed([m]) for m in messages[:6]]
    seeds += [_framed([b"\x01"]), _framed([b"\x02"])]
    seeds.append(_framed([b"\x01\x00\x00\x02\xff\xff\xff\xff"]))
    return seeds


def _session_seeds() -> list[bytes]:
    for_initiator, for_responder = s.session_messages()
    return [
        b"\x01" + _framed(for_initiator),
        b"\x00" + _framed(for_responder),
        b"\x00" + _framed([b"\x04"]),
        b"\x01" + _framed([b"\x02" + bytes(32), b"\x03\x05hello"]),
    ]


SEEDS = {
    "canonical_json": _json_seeds,
    "credential": _credential_seeds,
    "bundle_file": _bundle_seeds,
    "clipboard_text": _text_seeds,
    "p2p_frame": _frame_seeds,
    "reconcile_message": _reconcile_seeds,
    "sync_session": _session_seeds,
}


def write_seeds(corpus: Path = CORPUS) -> int:
    written = 0
    for target, make in SEEDS.items():
        folder = corpus / target
        folder.mkdir(parents=True, exist_ok=True)
        for data in make():
            name = "seed-" + hashlib.sha1(data).hexdigest()[:16]
            (folder / name).write_bytes(data)
            written += 1
    return written


if __name__ == "__main__":
    print(f"{write_seeds()} seed files in {CORPUS}")
