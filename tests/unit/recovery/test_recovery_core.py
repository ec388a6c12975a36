"""Split, envelopes, requests, answers and combining, attacked one at a time.

Every attack test runs the untampered input first (the positive control), then the attack.
"""

from __future__ import annotations

import base64
import itertools
import json
import os

import nacl.public
import pytest
from recovery_helpers import CREATED, Request, Split, hand_out, make_request

from vouch.core.canonical import canonicalize
from vouch.core.identity import Identity
from vouch.core.recovery import answer, combine, slip39
from vouch.core.recovery.envelope import (
    MAX_SHARE_BYTES,
    looks_like_share,
    open_envelope,
    read_envelope,
)
from vouch.core.recovery.errors import (
    InvalidRecoveryAnswer,
    InvalidRecoveryRequest,
    InvalidShare,
    RecoveryFailed,
)
from vouch.core.recovery.request import parse_request


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _opened(req: Request, answers: list[bytes]) -> list[answer.OpenedShare]:
    return [s for a in answers for s in answer.open_answer(a, req.request, req.private_key)]


# -- any K of N -------------------------------------------------------------------------------


@pytest.mark.parametrize(("threshold", "count"), [(2, 2), (2, 3), (3, 5), (4, 6)])
def test_any_k_of_n_answers_give_the_same_did(threshold: int, count: int) -> None:
    owner = Identity.generate()
    made = hand_out(owner, [Identity.generate() for _ in range(count)], threshold)
    req = make_request(owner.did)
    answers = [req.answer(made, i) for i in range(count)]
    for chosen in itertools.combinations(range(count), threshold):
        shares = _opened(req, [answers[i] for i in chosen])
        assert combine.recover_seed(shares, owner.did) == owner.seed


def test_more_than_k_answers_also_work(split: Split, request_for: Request) -> None:
    shares = _opened(request_for, [request_for.answer(split, i) for i in range(5)])
    assert combine.recover_seed(shares, split.owner.did) == split.owner.seed


@pytest.mark.parametrize("chosen", list(itertools.combinations(range(5), 2)))
def test_k_minus_one_answers_say_how_many_are_missing(
    split: Split, request_for: Request, chosen: tuple[int, ...]
) -> None:
    shares = _opened(request_for, [request_for.answer(split, i) for i in chosen])
    with pytest.raises(RecoveryFailed, match="2 of the 3 needed"):
        combine.recover_seed(shares, split.owner.did)


def test_the_same_answer_twice_counts_once(split: Split, request_for: Request) -> None:
    one, two = request_for.answer(split, 0), request_for.answer(split, 1)
    shares = _opened(request_for, [one, one, two])
    with pytest.raises(RecoveryFailed, match="2 of the 3 needed"):
        combine.recover_seed(shares, split.owner.did)
    shares += _opened(request_for, [request_for.answer(split, 2)])
    assert combine.recover_seed(shares, split.owner.did) == split.owner.seed


def test_no_answers_at_all(split: Split) -> None:
    with pytest.raises(RecoveryFailed, match="No answers"):
        combine.recover_seed([], split.owner.did)


def test_split_limits() -> None:
    seed = os.urandom(32)
    assert len(slip39.split_seed(seed, 2, 16)) == 16
    for threshold, count in [(1, 3), (4, 3), (2, 17)]:
        with pytest.raises(ValueError):
            slip39.split_seed(seed, threshold, count)


# -- mixing hand-outs -------------------------------------------------------------------------


def test_answers_from_two_hand_outs_do_not_mix(
    owner: Identity, guardians: list[Identity], split: Split, request_for: Request
) -> None:
    other = hand_out(owner, guardians, 3)
    same = _opened(request_for, [request_for.answer(split, i) for i in (0, 1, 2)])
    assert combine.recover_seed(same, owner.did) == owner.seed  # control
    mixed = _opened(
        request_for,
        [request_for.answer(split, 0), request_for.answer(split, 1), request_for.answer(other, 2)],
    )
    with pytest.raises(RecoveryFailed, match="2 different hand-outs"):
        combine.recover_seed(mixed, owner.did)


def test_slip39_itself_refuses_shares_of_two_splits(split: Split) -> None:
    other = slip39.split_seed(split.owner.seed, 3, 5)
    assert slip39.combine_shares(split.words[:3]) == split.owner.seed  # control
    with pytest.raises(RecoveryFailed):
        slip39.combine_shares([split.words[0], split.words[1], other[2]])


def test_shares_of_another_seed_are_refused_by_the_did_check(
    split: Split, request_for: Request
) -> None:
    stranger = Identity.generate()
    shares = _opened(request_for, [request_for.answer(split, i) for i in range(3)])
    assert combine.recover_seed(shares, split.owner.did) == split.owner.seed  # control
    with pytest.raises(RecoveryFailed, match="another identity"):
        combine.recover_seed(shares, stranger.did)


# -- the share's words ------------------------------------------------------------------------


def test_a_one_word_typo_breaks_the_checksum(split: Split) -> None:
    words = split.words[0].split()
    assert slip39.read_share(" ".join(words)).index == 1  # control
    words[10] = "academic" if words[10] != "academic" else "acid"
    with pytest.raises(InvalidShare, match="checksum"):
        slip39.read_share(" ".join(words))
    with pytest.raises(RecoveryFailed):
        slip39.combine_shares([" ".join(words), *split.words[1:3]])


def test_a_typo_inside_an_answer_is_refused(split: Split, request_for: Request) -> None:
    def answer_with(words: str) -> bytes:
        inner = {
            "request": request_for.request.request_id,
            "split": split.envelopes[0].split,
            "index": 1,
            "words": words,
        }
        box = nacl.public.SealedBox(nacl.public.PublicKey(request_for.request.public_key))
        return json.dumps(
            {
                "type": "vouch-recover-answer",
                "version": 1,
                "request": request_for.request.request_id,
                "did": split.owner.did,
                "guardian": split.guardians[0].did,
                "shares": [
                    {
                        "envelope": split.envelopes[0].document,
                        "sealed": _b64(bytes(box.encrypt(canonicalize(inner)))),
                    }
                ],
            }
        ).encode()

    assert len(_opened(request_for, [answer_with(split.words[0])])) == 1  # control
    words = split.words[0].split()
    words[5] = "acid" if words[5] != "acid" else "academic"
    with pytest.raises(InvalidRecoveryAnswer, match="checksum"):
        _opened(request_for, [answer_with(" ".join(words))])
    with pytest.raises(InvalidRecoveryAnswer, match="does not match its envelope"):
        _opened(request_for, [answer_with(split.words[1])])


# -- envelopes --------------------------------------------------------------------------------


def test_only_the_guardian_it_was_sealed_to_opens_a_share(split: Split) -> None:
    envelope = read_envelope(split.envelopes[0].to_bytes())
    assert open_envelope(envelope, split.guardians[0]) == split.words[0]  # control
    with pytest.raises(InvalidShare, match="someone else"):
        open_envelope(envelope, split.guardians[1])


def test_a_share_sealed_to_another_guardian_does_not_open(split: Split) -> None:
    """The envelope names guardian 0, but its box was sealed to guardian 1 (by the owner)."""
    document = dict(split.envelopes[1].document)
    document["guardian"] = split.guardians[0].did
    document.pop("signature")
    from vouch.core.recovery import envelope as module

    document["signature"] = _b64(split.owner.sign(module._signing_input(document)))
    envelope = read_envelope(json.dumps(document).encode())
    with pytest.raises(InvalidShare, match="cannot be opened"):
        open_envelope(envelope, split.guardians[0])


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("threshold", 2),
        ("index", 5),
        ("owner", Identity.generate().did),
        ("created", CREATED[:-3] + "06Z"),
        ("split", "00" * 16),
    ],
)
def test_a_tampered_envelope_fails_its_signature(split: Split, field: str, value: object) -> None:
    document = dict(split.envelopes[0].document)
    assert read_envelope(json.dumps(document).encode()).index == 1  # control
    document[field] = value
    with pytest.raises(InvalidShare, match="altered"):
        read_envelope(json.dumps(document).encode())


def test_a_tampered_sealed_box_fails_the_signature(split: Split) -> None:
    document = dict(split.envelopes[0].document)
    sealed = bytearray(base64.urlsafe_b64decode(document["sealed"] + "=="))
    sealed[-1] ^= 1
    document["sealed"] = _b64(bytes(sealed))
    with pytest.raises(InvalidShare, match="altered"):
        read_envelope(json.dumps(document).encode())


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"garbage",
        b"\xff\xfe\x00",
        b"[]",
        b'{"type": "vouch-share"}',
        b'{"type": "vouch-share", "version": 2}',
        b"{" * 100_000,
        b'{"type": "vouch-share", "version": 1, "x": "' + b"a" * MAX_SHARE_BYTES + b'"}',
    ],
)
def test_garbage_and_oversize_share_files_are_refused(split: Split, data: bytes) -> None:
    assert read_envelope(split.envelopes[0].to_bytes()).index == 1  # control
    with pytest.raises(InvalidShare):
        read_envelope(data)


def test_an_extra_field_is_refused(split: Split) -> None:
    document = dict(split.envelopes[0].document, note="hello")
    with pytest.raises(InvalidShare, match="unexpected"):
        read_envelope(json.dumps(document).encode())


def test_share_files_are_recognised(split: Split) -> None:
    assert looks_like_share(split.envelopes[0].to_bytes())
    assert not looks_like_share(b'{"type": "vouch-bundle"}')


def _shows_words(data: str, words: str) -> bool:
    """Whether any value of the envelope is one of the share's words, or two of them in a row
    appear anywhere. Keys are left out: "type", "owner" and "index" are SLIP-39 words too."""
    values = {str(value) for value in json.loads(data).values()}
    listed = words.split()
    return bool(values.intersection(listed)) or any(
        f"{first} {second}" in data for first, second in itertools.pairwise(listed)
    )


def test_the_envelope_does_not_show_the_words(split: Split) -> None:
    data = split.envelopes[0].to_bytes().decode()
    assert not _shows_words(data, split.words[0])
    for note in (split.words[0].split()[5], f"words: {split.words[0]}"):  # the controls
        assert _shows_words(json.dumps(dict(json.loads(data), note=note)), split.words[0])
    assert split.words[0] not in data
    assert split.owner.seed.hex() not in data
    assert all(g.did not in data for g in split.guardians[1:])


# -- requests and answers ---------------------------------------------------------------------


def test_a_request_line_reads_back(request_for: Request) -> None:
    again = parse_request("  " + request_for.request.line + "\n")
    assert again == request_for.request
    assert len(again.check_words.split()) == 5


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "vouch:recover:",
        "vouch:recover:!!!!",
        "vouch:recover:" + _b64(b"[1]"),
        "vouch:recover:" + _b64(b'{"type":"vouch-recover-request","version":1}'),
        "vouch:recover:" + "A" * 5000,
    ],
)
def test_garbage_requests_are_refused(text: str) -> None:
    with pytest.raises(InvalidRecoveryRequest):
        parse_request(text)


def test_an_answer_for_another_request_fails(split: Split, request_for: Request) -> None:
    other = make_request(split.owner.did)
    made_for_other = other.answer(split, 0)
    assert len(_opened(other, [made_for_other])) == 1  # control
    with pytest.raises(InvalidRecoveryAnswer, match="another recovery request"):
        _opened(request_for, [made_for_other])
    # The same answer with its request id changed to ours still does not open here.
    relabelled = json.loads(made_for_other)
    relabelled["request"] = request_for.request.request_id
    with pytest.raises(InvalidRecoveryAnswer, match="does not open on this device"):
        _opened(request_for, [json.dumps(relabelled).encode()])


def test_an_answer_resealed_for_our_key_but_another_request_id_fails(
    split: Split, request_for: Request
) -> None:
    """Someone who knows our public key re-seals a share made for their own request."""
    twin = make_request(split.owner.did)
    forged_request = type(request_for.request)(
        split.owner.did,
        twin.request.request_id,
        request_for.request.public_key,
        request_for.request.created,
        dict(twin.request.document),
    )
    forged = answer.make_answer(forged_request, split.guardians[0], [split.envelopes[0]])
    value = json.loads(forged)
    value["request"] = request_for.request.request_id
    with pytest.raises(InvalidRecoveryAnswer, match="another recovery request"):
        _opened(request_for, [json.dumps(value).encode()])


def test_an_answer_with_a_tampered_envelope_fails(split: Split, request_for: Request) -> None:
    value = json.loads(request_for.answer(split, 0))
    assert len(_opened(request_for, [json.dumps(value).encode()])) == 1  # control
    value["shares"][0]["envelope"]["threshold"] = 2
    with pytest.raises(InvalidRecoveryAnswer, match="altered"):
        _opened(request_for, [json.dumps(value).encode()])


@pytest.mark.parametrize(
    "data", [b"", b"nonsense", b"{}", b"[" * 10_000, b" " * (answer.MAX_ANSWER_BYTES + 1)]
)
def test_garbage_and_oversize_answers_are_refused(
    split: Split, request_for: Request, data: bytes
) -> None:
    assert len(_opened(request_for, [request_for.answer(split, 0)])) == 1  # control
    with pytest.raises(InvalidRecoveryAnswer):
        _opened(request_for, [data])
