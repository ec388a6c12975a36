"""One test per bug that fuzzing found: each input once crashed a parser with an untyped error."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from _support import (
    HOLDER,
    ISSUER,
    SUBJECT,
    bundle_bytes,
    endorsement,
    presentation,
    revocation,
    sign_presentation,
)
from noise.connection import Keypair, NoiseConnection

from conftest import store_digest
from vouch.core.canonical import canonicalize, parse_strict
from vouch.core.credentials import verify_revocation, verify_statement
from vouch.core.dataintegrity import ASSERTION, add_proof
from vouch.core.errors import InvalidBundle, NotAnEndorsement
from vouch.core.identity import Identity, did_from_public_key
from vouch.exchange import bundle as bundles
from vouch.exchange.importing import check_item
from vouch.exchange.p2p import channel as channels
from vouch.exchange.p2p.errors import IdentityMismatch
from vouch.exchange.p2p.framing import FramedStream
from vouch.wallet import Wallet

FAR_DATES = ["9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00"]
NOT_A_POINT = did_from_public_key(b"\x01" + bytes(31))  # a did:key, but no Ed25519 point


@pytest.fixture
def bob(new_wallet: Callable[..., Wallet]) -> Wallet:
    return new_wallet("bob")


def _resigned(document: dict[str, Any], **changes: Any) -> dict[str, Any]:
    unsigned = {k: v for k, v in document.items() if k != "proof"}
    return add_proof({**unsigned, **changes}, ISSUER, purpose=ASSERTION)


# Bug 1: a date-time at the edge of the calendar with an offset overflowed in `astimezone`
# (OverflowError from dataintegrity.parse_datetime), before any signature check.
@pytest.mark.parametrize("moment", FAR_DATES)
def test_a_far_proof_date_in_a_bundle_is_refused(bob: Wallet, moment: str) -> None:
    document = parse_strict(bundle_bytes())
    document["proof"]["created"] = moment
    before = store_digest(bob)
    with pytest.raises(InvalidBundle, match="signature is not valid"):
        bob.preview_import(canonicalize(document))
    assert store_digest(bob) == before


@pytest.mark.parametrize("moment", FAR_DATES)
@pytest.mark.parametrize("field", ["validFrom", "validUntil"])
def test_a_far_credential_date_is_refused(field: str, moment: str) -> None:
    signed = _resigned(endorsement(0), **{field: moment})
    with pytest.raises(NotAnEndorsement, match="date"):
        verify_statement(signed)
    assert check_item(0, signed).reason  # type: ignore[union-attr]


# Bug 2: an `@context` that is an empty list, an object, null or a number raised IndexError,
# KeyError or TypeError in credentials._issuer (reachable with any key: sign it yourself).
@pytest.mark.parametrize("context", [[], {}, None, 5, ""], ids=repr)
def test_an_odd_context_is_refused(context: object) -> None:
    statement = _resigned(endorsement(0), **{"@context": context})
    with pytest.raises(NotAnEndorsement):
        verify_statement(statement)
    withdrawal = _resigned(revocation(endorsement(0)["id"]), **{"@context": context})
    with pytest.raises(NotAnEndorsement):
        verify_revocation(withdrawal)


def test_an_odd_context_in_a_bundle_is_an_invalid_item(bob: Wallet) -> None:
    bad = _resigned(endorsement(7), **{"@context": []})
    before = store_digest(bob)
    preview = bob.preview_import(sign_presentation(presentation([bad, endorsement(8)])))
    assert [item.index for item in preview.invalid] == [0]
    assert len(preview.new) == 1
    assert store_digest(bob) == before


# Bug 3: pasted text holding a lone surrogate (possible in a str from a clipboard) raised
# UnicodeEncodeError in bundle.decode_bundle while measuring its size.
@pytest.mark.parametrize("text", ["\ud800", '{"a":"\udfff"}', "  \ud83d vouch"])
def test_pasted_text_with_a_lone_surrogate_is_refused(bob: Wallet, text: str) -> None:
    before = store_digest(bob)
    with pytest.raises(InvalidBundle):
        bob.preview_import(text)
    assert store_digest(bob) == before


# Bug 4: an integer literal of 310 to 4300 digits raised OverflowError (int to float) in
# canonical._parse_int; only longer ones were refused (by int() itself).
@pytest.mark.parametrize("digits", [309, 310, 400, 4300])
def test_a_huge_integer_literal_is_refused(bob: Wallet, digits: int) -> None:
    with pytest.raises(InvalidBundle) as info:
        parse_strict(b"1" + b"0" * (digits - 1))
    assert "not valid JSON" in getattr(info.value, "detail", "")
    real = bundle_bytes()
    hostile = real.replace(b'"vouchFormat":1', b'"vouchFormat":1' + b"0" * (digits - 1))
    before = store_digest(bob)
    with pytest.raises(InvalidBundle):
        bob.preview_import(hostile)
    assert store_digest(bob) == before


# Bug 5: an integer above 2**53 that a float holds exactly (9054740079254740992) is accepted,
# but its canonical form (JCS writes 9054740079254741000) was refused by parse_strict, so a
# stored credential holding it could no longer be read back, exported or synced.
@pytest.mark.parametrize("literal", [b"9054740079254740992", b"-9054740079254740992", b"2e20"])
def test_the_canonical_form_of_an_accepted_number_is_accepted(literal: bytes) -> None:
    value = parse_strict(literal)
    canonical = canonicalize(value)
    assert parse_strict(canonical) == value
    assert canonicalize(parse_strict(canonical)) == canonical


def test_a_stored_credential_with_a_big_number_reads_back(bob: Wallet) -> None:
    document = endorsement(9)
    unsigned = {k: v for k, v in document.items() if k != "proof"}
    claim = dict(unsigned["credentialSubject"], extra=parse_strict(b"9054740079254740992"))
    signed = add_proof({**unsigned, "credentialSubject": claim}, ISSUER, purpose=ASSERTION)
    assert bob.import_data(sign_presentation(presentation([signed]))).added == 1
    stored = bob.endorsement(signed["id"])
    assert stored is not None
    assert verify_statement(parse_strict(stored.document)).id == signed["id"]


# Bug 6 (fixed in p2p/channel.py): a hello naming a well-formed did:key whose key is not a
# curve point raised nacl's RuntimeError in _check_hello instead of IdentityMismatch.
def test_a_hello_with_an_unusable_key_is_an_identity_mismatch() -> None:
    with pytest.raises(IdentityMismatch):
        channels._check_hello(b"\x01" + NOT_A_POINT.encode(), bytes(32))


def test_a_hostile_initiator_with_an_unusable_key_is_refused() -> None:
    """Over loopback: the responder's real handshake ends with IdentityMismatch."""

    async def scenario() -> BaseException | None:
        outcome: asyncio.Future[BaseException | None] = asyncio.get_running_loop().create_future()
        responder = channels.Credentials.from_identity(HOLDER)
        served = asyncio.Event()  # the server's socket is closed: nothing is left open

        async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            stream = FramedStream(reader, writer, max_frame=65535, read_timeout=5.0)
            try:
                await channels.open_channel(stream, responder, initiator=False)
                outcome.set_result(None)
            except IdentityMismatch as exc:
                outcome.set_result(exc)
            finally:
                await stream.close()
                served.set()

        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        stream = FramedStream(reader, writer, max_frame=65535, read_timeout=5.0)
        noise = NoiseConnection.from_name(channels.PROTOCOL_NAME)
        noise.set_as_initiator()
        noise.set_prologue(channels.PROLOGUE)
        noise.set_keypair_from_private_bytes(Keypair.STATIC, SUBJECT.x25519_private_key())
        noise.start_handshake()
        await stream.write_frame(bytes(noise.write_message()))
        noise.read_message(await stream.read_frame())
        await stream.write_frame(bytes(noise.write_message(b"\x01" + NOT_A_POINT.encode())))
        result = await asyncio.wait_for(outcome, 10)
        await stream.close()
        await asyncio.wait_for(served.wait(), 10)
        server.close()
        await server.wait_closed()
        return result

    assert isinstance(asyncio.run(scenario()), IdentityMismatch)


def test_the_fixed_identities_are_distinct() -> None:
    assert len({ISSUER.did, SUBJECT.did, HOLDER.did, Identity(bytes(32)).did}) == 4
    assert bundles.decode_bundle(bundle_bytes()).presenter == HOLDER.did
