"""Social recovery: guardians who each keep a share of the identity seed.

As an owner, I hand out one share file per guardian (`hand_out_shares`) and keep a record of
to whom (never the shares). As a guardian, I keep the envelopes I was given (`import_share`)
and answer a recovery request for their owner (`answer_recovery`) after checking with that
person by voice or in person. A share, once given, cannot be taken back: a new hand-out does
not make the old shares useless (same seed).
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Sequence
from pathlib import Path

from vouch.core.errors import InvalidDid, InvalidInput, NotFound, VouchError
from vouch.core.fsutil import atomic_write
from vouch.core.identity import public_key_from_did, x25519_public_from_did
from vouch.core.recovery import answer, slip39, wire
from vouch.core.recovery import envelope as envelopes
from vouch.core.recovery.errors import InvalidShare
from vouch.core.recovery.records import (
    GuardianSplit,
    HandOut,
    HeldShare,
    HelpRequest,
    ImportedShare,
)
from vouch.core.recovery.request import RecoveryRequest, parse_request
from vouch.core.store import queries, recovery_queries
from vouch.core.store.queries import dt
from vouch.wallet import changelog
from vouch.wallet.core import WalletCore, serialised

CANNOT_TAKE_BACK = (
    "A share, once given, cannot be taken back: a new hand-out does not make earlier shares "
    "useless. If guardians may be compromised, make a new identity instead."
)
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class GuardianUseCases(WalletCore):
    """Hand out shares of the seed, keep shares for others, answer recovery requests."""

    # -- as the owner -----------------------------------------------------------------------
    @serialised
    def hand_out_shares(self, guardians: Sequence[str], threshold: int, folder: Path) -> HandOut:
        """Split the seed K of N and write one `.vouchshare` file per guardian into `folder`.

        Nothing is recorded unless every file was written; files already in `folder` are
        never overwritten.
        """
        chosen = self._check_guardians(guardians, threshold)
        names = self._file_names(chosen)
        targets = [folder / name for name in names]
        taken = [path for path in targets if path.exists()]
        if taken:
            raise InvalidInput(f"{taken[0]} already exists; choose another folder.")
        created = wire.now_text()
        split_id = os.urandom(16).hex()
        words = slip39.split_seed(self.identity.seed, threshold, len(chosen))
        made = [
            envelopes.make_envelope(
                self.identity,
                guardian,
                words[i],
                threshold=threshold,
                index=i + 1,
                split=split_id,
                created=created,
            )
            for i, guardian in enumerate(chosen)
        ]
        del words
        self._write_files(folder, targets, [e.to_bytes() for e in made])
        moment = made[0].created.timestamp()
        try:
            with self._database.transaction() as conn:
                recovery_queries.insert_split(conn, split_id, chosen, threshold, moment)
        except BaseException:
            _remove(targets)  # unrecorded shares would be shares nobody knows were given
            raise
        split = GuardianSplit(split_id, threshold, len(chosen), dt(moment), tuple(chosen))
        return HandOut(split, tuple(targets))

    def _check_guardians(self, guardians: Sequence[str], threshold: int) -> list[str]:
        chosen = [g.strip() for g in guardians]
        for did in chosen:
            try:
                public_key_from_did(did)
                x25519_public_from_did(did)
            except InvalidDid as exc:
                raise InvalidInput(f"{did!r} cannot be a guardian: {exc.message}") from exc
        if self.did in chosen:
            raise InvalidInput("You cannot be your own guardian.")
        if len(set(chosen)) != len(chosen):
            raise InvalidInput("The same person is named twice; each guardian keeps one share.")
        count = len(chosen)
        if count > slip39.MAX_SHARES:
            raise InvalidInput(f"At most {slip39.MAX_SHARES} guardians.")
        if threshold < slip39.MIN_THRESHOLD:
            raise InvalidInput(
                f"The threshold must be at least {slip39.MIN_THRESHOLD}: with 1, any single "
                "guardian could take your identity."
            )
        if threshold > count:
            raise InvalidInput(
                f"The threshold ({threshold}) is more than the number of guardians ({count})."
            )
        return chosen

    def _file_names(self, guardians: Sequence[str]) -> list[str]:
        petnames = queries.petnames(self._database.conn)
        names: list[str] = []
        for did in guardians:
            base = _UNSAFE_NAME.sub("-", petnames.get(did, "")).strip("-.")[:40]
            base = base or did.removeprefix("did:key:")[-12:]
            name, n = base, 2
            while f"{name}{envelopes.SHARE_SUFFIX}".casefold() in {x.casefold() for x in names}:
                name, n = f"{base}-{n}", n + 1
            names.append(f"{name}{envelopes.SHARE_SUFFIX}")
        return names

    @staticmethod
    def _write_files(folder: Path, targets: Sequence[Path], contents: Sequence[bytes]) -> None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise VouchError(f"Cannot create {folder}: {exc.strerror}.") from exc
        written: list[Path] = []
        try:
            for path, data in zip(targets, contents, strict=True):
                atomic_write(path, data)
                written.append(path)
        except BaseException:
            _remove(written)
            raise

    @serialised
    def guardian_splits(self) -> list[GuardianSplit]:
        """Every hand-out of shares, newest first."""
        return recovery_queries.splits(self._database.conn)

    # -- as a guardian ----------------------------------------------------------------------
    @serialised
    def import_share(self, data: bytes) -> ImportedShare:
        """Keep a share file handed to this wallet, after checking it opens and is signed."""
        envelope = envelopes.read_envelope(data)
        if envelope.owner == self.did:
            raise InvalidShare("This is a share of your own identity: give it to its guardian.")
        envelopes.open_envelope(envelope, self.identity)
        received = time.time()
        with self._database.transaction() as conn:
            added = recovery_queries.insert_held_share(
                conn,
                envelope.owner,
                envelope.split,
                envelope.threshold,
                envelope.to_bytes().decode("utf-8").strip(),
                received,
            )
            if added:  # every device of this wallet keeps it too (wallet.devices)
                kept = recovery_queries.held_envelope(conn, envelope.owner, envelope.split)
                key = changelog.share_key(envelope.owner, envelope.split)
                changelog.record_change(conn, key, kept)
        held = next(
            h
            for h in self.held_shares()
            if h.owner == envelope.owner and h.split_id == envelope.split
        )
        return ImportedShare(held, already_held=not added)

    @serialised
    def held_shares(self) -> list[HeldShare]:
        """The shares this wallet keeps for others, newest first."""
        petnames = queries.petnames(self._database.conn)
        return [
            HeldShare(owner, petnames.get(owner), threshold, split_id, dt(received))
            for owner, split_id, threshold, received in recovery_queries.held_shares(
                self._database.conn
            )
        ]

    @serialised
    def read_recovery_request(self, text: str) -> HelpRequest:
        """What a request asks, to show before answering; `NotFound` if I hold no share."""
        request = parse_request(text)
        held = self._held_for(request)
        return HelpRequest(
            request.did,
            queries.petnames(self._database.conn).get(request.did),
            request.request_id,
            request.check_words,
            request.created,
            len(held),
        )

    @serialised
    def answer_recovery(self, text: str) -> bytes:
        """The answer file for a request: every share I hold for its did, sealed to it.

        Call only after the person confirmed the request by voice or in person.
        """
        request = parse_request(text)
        return answer.make_answer(request, self.identity, self._held_for(request))

    @serialised
    def write_recovery_answer(self, text: str, path: Path) -> Path:
        atomic_write(path, self.answer_recovery(text))
        return path

    def _held_for(self, request: RecoveryRequest) -> list[envelopes.Envelope]:
        stored = recovery_queries.held_envelopes(self._database.conn, request.did)
        if not stored:
            raise NotFound(f"This wallet holds no share for {self._name_of(request.did)}.")
        return [envelopes.read_envelope(text.encode("utf-8")) for text in stored]

    def _name_of(self, did: str) -> str:
        petname = queries.petnames(self._database.conn).get(did)
        return petname or did


def _remove(paths: Sequence[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
