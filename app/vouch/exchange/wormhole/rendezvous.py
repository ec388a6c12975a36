"""Codes two wallets that already know each other can compute alone, to meet again later.

For a contact met before, both wallets derive the same wormhole code from a secret only the two
of them have (X25519 between their identity keys), their two dids and the current time slot.
Both choosing "Sync now" with each other in the same few minutes meet on that code; nobody else
can compute it, and the mailbox server sees a nameplate that changes every slot and links to
nothing. The PAKE still runs, so a server that guessed a nameplate learns nothing either.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from nacl.bindings import crypto_scalarmult

from vouch.core.identity import Identity, x25519_public_from_did

SLOT_SECONDS = 300
_INFO = b"vouch/rendezvous/1"
_NAMEPLATE_BASE = 10_000_000  # eight digits, far above the small numbers servers hand out
_NAMEPLATE_SPAN = 90_000_000


@dataclass(frozen=True)
class Rendezvous:
    """Where and as whom to meet one contact in one time slot."""

    code: str
    invite: bool  # this side listens for the subchannel (and is the Noise responder)
    slot: int


def slot_at(moment: float) -> int:
    return int(moment // SLOT_SECONDS)


def seconds_left_in_slot(moment: float) -> float:
    return SLOT_SECONDS - (moment % SLOT_SECONDS)


def shared_secret(identity: Identity, peer_did: str) -> bytes:
    """X25519 of my identity key and theirs: the same bytes on both sides, for nobody else."""
    point = crypto_scalarmult(identity.x25519_private_key(), x25519_public_from_did(peer_did))
    if not any(point):
        raise ValueError("a degenerate shared secret")
    return bytes(point)


def rendezvous(
    identity: Identity, peer_did: str, moment: float, devices: tuple[str, str] | None = None
) -> Rendezvous:
    """The code for meeting `peer_did` in the slot of `moment` (the same on both sides).

    Two devices of one wallet (`peer_did` is my own did) tell themselves apart by their device
    ids, `devices` = (mine, theirs): those go into the salt, and the lower one listens.
    """
    slot = slot_at(moment)
    low, high = sorted((identity.did, peer_did))
    parties = f"{low}\n{high}"
    invite = identity.did == low
    if devices is not None:
        first, second = sorted(devices)
        parties += f"\n{first}\n{second}"
        invite = devices[0] == first
    salt = hashlib.sha256(parties.encode("ascii")).digest()
    material = HKDF(
        algorithm=hashes.SHA256(),
        length=20,
        salt=salt,
        info=_INFO + slot.to_bytes(8, "big"),
    ).derive(shared_secret(identity, peer_did))
    nameplate = _NAMEPLATE_BASE + int.from_bytes(material[:4], "big") % _NAMEPLATE_SPAN
    words = [material[i : i + 4].hex() for i in range(4, 20, 4)]
    return Rendezvous(f"{nameplate}-{'-'.join(words)}", invite, slot)
