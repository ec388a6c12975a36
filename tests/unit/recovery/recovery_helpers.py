"""Hand-outs and requests made with the real recovery code, for the recovery tests."""

from __future__ import annotations

import os
from dataclasses import dataclass

import nacl.public

from vouch.core.identity import Identity
from vouch.core.recovery import slip39
from vouch.core.recovery.answer import make_answer
from vouch.core.recovery.envelope import Envelope, make_envelope
from vouch.core.recovery.request import RecoveryRequest, new_request

CREATED = "2026-01-02T03:04:05Z"


@dataclass
class Split:
    owner: Identity
    guardians: list[Identity]
    envelopes: list[Envelope]
    words: list[str]  # the shares' words, in the clear (only tests see them)


def hand_out(owner: Identity, guardians: list[Identity], threshold: int) -> Split:
    split_id = os.urandom(16).hex()
    words = slip39.split_seed(owner.seed, threshold, len(guardians))
    made = [
        make_envelope(
            owner,
            g.did,
            words[i],
            threshold=threshold,
            index=i + 1,
            split=split_id,
            created=CREATED,
        )
        for i, g in enumerate(guardians)
    ]
    return Split(owner, guardians, made, words)


@dataclass
class Request:
    request: RecoveryRequest
    private_key: bytes

    def answer(self, split: Split, i: int) -> bytes:
        return make_answer(self.request, split.guardians[i], [split.envelopes[i]])


def make_request(did: str) -> Request:
    key = nacl.public.PrivateKey.generate()
    return Request(new_request(did, bytes(key.public_key), CREATED), bytes(key))
