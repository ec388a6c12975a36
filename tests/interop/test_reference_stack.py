"""Vouch against an independent implementation: Digital Bazaar's VC 2.0 stack on node.

Both ways: the reference stack verifies a credential and a bundle Vouch signed (and refuses a
changed one), and Vouch imports a credential the reference stack signed (issuer as an object,
its types in another order with one more, a proof without `created`). The exact versions are
in package.json and package-lock.json; they are installed into a cache folder
(VOUCH_INTEROP_CACHE, default ~/.cache/vouch-interop) with `npm ci`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from vouch.core import credentials as creds
from vouch.core.identity import Identity
from vouch.core.records import Level
from vouch.exchange.bundle import encode_bundle
from vouch.wallet import Wallet, verify_document

HERE = Path(__file__).parent
VOCABULARY = HERE.parents[1] / "app" / "vouch" / "vocab" / "v1.jsonld"
ALICE = Identity(bytes([1]) * 32)
BOB = Identity(bytes([2]) * 32)
UNREACHABLE = ("ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ETIMEDOUT", "ECONNRESET", "network")


def _cache() -> Path:
    default = Path.home() / ".cache" / "vouch-interop"
    return Path(os.environ.get("VOUCH_INTEROP_CACHE", default))


@pytest.fixture(scope="module")
def stack() -> Path:
    """A folder with the script and its pinned packages installed."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.fail("node and npm are needed for the reference-stack tests")
    folder = _cache()
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json", "reference.mjs"):
        shutil.copyfile(HERE / name, folder / name)
    installed = subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if installed.returncode != 0:
        if any(word in installed.stderr for word in UNREACHABLE):
            pytest.skip(f"npm cannot reach the registry: {installed.stderr.strip()[-300:]}")
        pytest.fail(f"npm ci failed:\n{installed.stderr[-2000:]}")
    return folder


def _node(stack: Path, command: str, argument: str) -> Any:
    result = subprocess.run(
        ["node", str(stack / "reference.mjs"), command, argument],
        env={**os.environ, "VOUCH_VOCABULARY": str(VOCABULARY)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _statement() -> dict[str, Any]:
    unsigned = creds.unsigned_statement(
        ALICE.did, BOB.did, "home/plumbing", level=Level.STRONGLY, comment="Fixed the boiler"
    )
    return creds.sign_statement(unsigned, ALICE)


def _file(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_the_reference_stack_verifies_a_vouch_credential(stack: Path, tmp_path: Path) -> None:
    path = _file(tmp_path, "vc.json", json.dumps(_statement()).encode())
    assert _node(stack, "verify-credential", path) == {"verified": True, "error": ""}


def test_the_reference_stack_refuses_a_changed_vouch_credential(
    stack: Path, tmp_path: Path
) -> None:
    changed = _statement()
    changed["credentialSubject"]["level"] = 4
    path = _file(tmp_path, "vc.json", json.dumps(changed).encode())
    assert _node(stack, "verify-credential", path)["verified"] is False


def test_the_reference_stack_verifies_a_vouch_bundle(stack: Path, tmp_path: Path) -> None:
    path = _file(tmp_path, "bundle.vouch", encode_bundle(ALICE, [_statement()]))
    assert _node(stack, "verify-presentation", path) == {"verified": True, "error": ""}


def test_vouch_imports_what_the_reference_stack_signs(
    stack: Path, new_wallet: Callable[..., Wallet]
) -> None:
    bob = new_wallet("bob")
    signed = _node(stack, "sign-credential", bob.did)
    assert isinstance(signed["issuer"], dict) and "created" not in signed["proof"]
    assert signed["type"][0] != "VerifiableCredential"
    data = json.dumps(signed).encode()
    report = verify_document(data)
    assert (report.kind, report.proof_valid, report.statement_valid) == ("endorsement", True, True)
    preview = bob.preview_import(data)
    assert [e.issuer for e in preview.new] == [signed["issuer"]["id"]]
    assert not preview.invalid
    assert bob.apply_import(preview).added == 1
