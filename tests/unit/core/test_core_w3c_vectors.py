"""Known answers from the W3C `eddsa-jcs-2022` test vectors (kept in tests/vectors/)."""

from __future__ import annotations

import copy
import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import base58
import pytest

from vouch.core.canonical import canonicalize, canonicalize_reference
from vouch.core.dataintegrity import sign_with_config, verify_proof
from vouch.core.errors import InvalidProof
from vouch.core.identity import ED25519_PRIV_MULTICODEC, Identity, multibase_ed25519_public

VECTORS = Path(__file__).resolve().parents[2] / "vectors"
REPO = Path(__file__).resolve().parents[3]


def _text(name: str) -> str:
    return (VECTORS / name).read_text("utf-8").strip()


def _json(name: str) -> Any:
    return json.loads((VECTORS / name).read_text("utf-8"))


def _vector_identity() -> Identity:
    private = _json("keyPair.json")["privateKeyMultibase"]
    raw = base58.b58decode(private[1:])
    assert private.startswith("z") and raw[:2] == ED25519_PRIV_MULTICODEC and len(raw) == 34
    return Identity(raw[2:])


def test_key_pair_matches() -> None:
    identity = _vector_identity()
    assert (
        multibase_ed25519_public(identity.public_key) == _json("keyPair.json")["publicKeyMultibase"]
    )


def test_canonical_document() -> None:
    expected = _text("canonDocJCS.txt").encode()
    assert canonicalize(_json("unsigned.json")) == expected
    assert canonicalize_reference(_json("unsigned.json")) == expected


def test_canonical_proof_configuration() -> None:
    assert canonicalize(_json("proofConfigJCS.json")) == _text("proofCanonJCS.txt").encode()


def test_hashes() -> None:
    doc_hash = hashlib.sha256(canonicalize(_json("unsigned.json"))).hexdigest()
    proof_hash = hashlib.sha256(canonicalize(_json("proofConfigJCS.json"))).hexdigest()
    assert doc_hash == _text("docHashJCS.txt")
    assert proof_hash == _text("proofHashJCS.txt")
    assert proof_hash + doc_hash == _text("combinedHashJCS.txt")


def test_signing_gives_the_published_signature() -> None:
    proof_value = sign_with_config(
        _json("unsigned.json"), _json("proofConfigJCS.json"), _vector_identity()
    )
    assert proof_value == _text("sigBTC58JCS.txt")
    assert base58.b58decode(proof_value[1:]).hex() == _text("sigHexJCS.txt")


def test_signed_vector_passes_layer_one() -> None:
    verified = verify_proof(_json("signedJCS.json"))
    assert verified.signer == "did:key:" + _json("keyPair.json")["publicKeyMultibase"]
    assert verified.purpose == "assertionMethod"
    assert verified.created.isoformat() == "2023-02-24T23:36:38+00:00"


def _edits() -> list[tuple[str, Any]]:
    """(description, edited copy) for a change to every field of the signed vector."""
    signed = _json("signedJCS.json")
    edits: list[tuple[str, Any]] = []
    for key in signed:
        if key == "proof":
            continue
        changed = copy.deepcopy(signed)
        changed[key] = _alter(changed[key])
        edits.append((f"document.{key}", changed))
        removed = copy.deepcopy(signed)
        del removed[key]
        edits.append((f"without document.{key}", removed))
    for key in signed["proof"]:
        changed = copy.deepcopy(signed)
        changed["proof"][key] = _alter(changed["proof"][key])
        edits.append((f"proof.{key}", changed))
    for key in signed["credentialSubject"]:
        changed = copy.deepcopy(signed)
        changed["credentialSubject"][key] += "x"
        edits.append((f"credentialSubject.{key}", changed))
    added = copy.deepcopy(signed)
    added["extra"] = True
    edits.append(("an added field", added))
    return edits


def _alter(value: Any) -> Any:
    if isinstance(value, str):
        return value[:-1] + ("A" if value[-1] != "A" else "B")
    if isinstance(value, list):
        return [*value[:-1], value[-1] + "x"]
    if isinstance(value, dict):
        return {**value, "extra": "x"}
    raise AssertionError(value)


@pytest.mark.parametrize(("what", "edited"), _edits(), ids=[e[0] for e in _edits()])
def test_any_single_edit_breaks_the_proof(what: str, edited: Any) -> None:
    with pytest.raises(InvalidProof):
        verify_proof(edited)


@pytest.mark.parametrize("position", range(1, 88, 3))
def test_a_flipped_character_in_the_proof_value_breaks_it(position: int) -> None:
    signed = _json("signedJCS.json")
    value = signed["proof"]["proofValue"]
    alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    position = min(position, len(value) - 1)
    replacement = alphabet[(alphabet.index(value[position]) + 1) % 58]
    signed["proof"]["proofValue"] = value[:position] + replacement + value[position + 1 :]
    with pytest.raises(InvalidProof):
        verify_proof(signed)


def test_cli_verify_says_valid_proof_but_not_an_endorsement() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vouch.cli", "verify", str(VECTORS / "signedJCS.json")],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 1
    assert "proof is valid" in result.stdout
    assert "not a Vouch endorsement" in result.stdout
    assert "Traceback" not in result.stderr


def test_cli_verify_json_reports_the_layers() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vouch.cli", "--json", "verify", str(VECTORS / "signedJCS.json")],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert report["proof_valid"] is True
    assert report["statement_valid"] is False
    assert report["kind"] == "credential"
