"""The `vouch` command as a subprocess: two people exchange, revoke, verify and restore."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from mnemonic import Mnemonic

from support.cli import PASSPHRASE, one_line_error, run_vouch


@dataclass
class Person:
    home: Path
    passphrase: str = PASSPHRASE

    def run(
        self, *args: str, passphrase: str | None = None, **env: str
    ) -> subprocess.CompletedProcess[str]:
        return run_vouch(*args, wallet=self.home, passphrase=passphrase or self.passphrase, **env)

    def json(self, *args: str) -> Any:
        result = self.run("--json", *args)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)


@pytest.fixture
def alice(tmp_path: Path) -> Person:
    person = Person(tmp_path / "alice")
    person.json("init")
    return person


@pytest.fixture
def bob(tmp_path: Path) -> Person:
    person = Person(tmp_path / "bob")
    person.json("init")
    return person


def test_exchange_revoke_and_verify(alice: Person, bob: Person, tmp_path: Path) -> None:
    bob_did = bob.json("whoami")["did"]
    alice_did = alice.json("whoami")["did"]
    endorsement = alice.json(
        "endorse", bob_did, "--scope", "home/plumbing", "--level", "3", "--comment", "Fixed it"
    )
    assert endorsement["level"] == 3 and endorsement["issuer"] == alice_did
    bundle = tmp_path / "alice.vouch"
    assert alice.json("export", "--all", "-o", str(bundle))["items"] == 1

    dry = bob.json("import", str(bundle), "--dry-run")
    assert (dry["new"], dry["dry_run"], dry["from"]) == (1, True, alice_did)
    assert bob.json("list") == []

    done = bob.json("import", str(bundle))
    assert done["added"] == 1
    listed = bob.json("list", "--received")
    assert [e["id"] for e in listed] == [endorsement["id"]]
    assert listed[0]["status"] == "valid"

    verified = run_vouch("verify", str(bundle))
    assert verified.returncode == 0, verified.stdout
    assert "Valid bundle" in verified.stdout
    assert run_vouch("--json", "verify", str(bundle)).returncode == 0

    revocation = alice.json("revoke", endorsement["id"], "--reason", "Retired")
    assert revocation["target_id"] == endorsement["id"]
    again = tmp_path / "alice-2.vouch"
    alice.json("export", "--all", "-o", str(again))
    summary = bob.json("import", str(again))
    assert (summary["revocations"], summary["duplicates"], summary["new"]) == (1, 1, 0)
    listed = bob.json("list")
    assert listed[0]["status"] == "revoked"
    assert listed[0]["revocation_reason"] == "Retired"


def test_import_from_clipboard_text_on_stdin(alice: Person, bob: Person) -> None:
    bob_did = bob.json("whoami")["did"]
    alice.json("endorse", bob_did, "--scope", "cooking", "--level", "completely")
    text = alice.run("export", "--text")
    assert text.returncode == 0 and text.stdout.startswith("vouch:1:")
    result = run_vouch("--json", "import", "-", wallet=bob.home, input=text.stdout)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["added"] == 1


def test_wrong_passphrase_is_one_line(alice: Person) -> None:
    line = one_line_error(alice.run("whoami", passphrase="not the right one"))
    assert "passphrase" in line.lower()


def test_missing_wallet_is_one_line(tmp_path: Path) -> None:
    one_line_error(run_vouch("--wallet", str(tmp_path / "nobody"), "whoami"))


def test_restore_from_phrase_gives_the_same_did(tmp_path: Path) -> None:
    original = Person(tmp_path / "original")
    created = original.json("init", "--show-phrase")
    phrase = created["recovery_phrase"]
    assert len(phrase.split()) == 24
    restored = run_vouch(
        "--wallet", str(tmp_path / "restored"), "--json", "restore", VOUCH_RECOVERY_PHRASE=phrase
    )
    assert restored.returncode == 0, restored.stderr
    data = json.loads(restored.stdout)
    assert data["did"] == created["did"]
    assert data["safety_code"] == created["safety_code"]


def _swapped_with_a_bad_checksum(words: list[str]) -> list[str]:
    """The phrase with two neighbouring words swapped, the first such swap that BIP39's checksum
    catches: one swap in 256 gives another valid phrase (another identity), which no checksum
    can tell from the intended one."""
    for first in range(len(words) - 1):
        swapped = [*words]
        swapped[first], swapped[first + 1] = words[first + 1], words[first]
        if swapped != words and not Mnemonic("english").check(" ".join(swapped)):
            return swapped
    raise AssertionError("no swap of neighbouring words breaks this phrase's checksum")


def test_restore_with_a_typo_is_one_line(tmp_path: Path) -> None:
    created = Person(tmp_path / "original").json("init", "--show-phrase")
    words = _swapped_with_a_bad_checksum(created["recovery_phrase"].split())
    result = run_vouch(
        "--wallet", str(tmp_path / "restored"), "restore", VOUCH_RECOVERY_PHRASE=" ".join(words)
    )
    one_line_error(result)
    assert not (tmp_path / "restored" / "wallet.db").exists()


def test_verify_of_a_tampered_file_fails(alice: Person, bob: Person, tmp_path: Path) -> None:
    bob_did = bob.json("whoami")["did"]
    alice.json("endorse", bob_did, "--scope", "plumbing", "--level", "2")
    bundle = tmp_path / "b.vouch"
    alice.json("export", "--all", "-o", str(bundle))
    tampered = tmp_path / "t.vouch"
    tampered.write_bytes(bundle.read_bytes().replace(b'"level":2', b'"level":4'))
    assert tampered.read_bytes() != bundle.read_bytes()
    result = run_vouch("verify", str(tampered))
    assert result.returncode == 1
    assert "Invalid" in result.stdout
    assert "Traceback" not in result.stderr
    report = json.loads(run_vouch("--json", "verify", str(tampered)).stdout)
    assert report["proof_valid"] is False
    garbage = tmp_path / "g.vouch"
    garbage.write_bytes(b"\x00\x01 not json")
    one_line_error(run_vouch("verify", str(garbage)))


def test_json_outputs_parse(alice: Person, bob: Person, tmp_path: Path) -> None:
    bob_did = bob.json("whoami")["did"]
    assert alice.json("contact", "add", bob_did, "--name", "Bob", "--verified")["petname"] == "Bob"
    assert alice.json("contact", "list")[0]["did"] == bob_did
    caution = alice.json("caution", bob_did, "--scope", "finance", "--reason", "Kept a deposit")
    assert caution["kind"] == "caution" and caution["level"] is None
    assert alice.json("list", "--given")[0]["kind"] == "caution"
    assert len(alice.json("phrase")["recovery_phrase"].split()) == 24
    assert alice.json("contact", "remove", bob_did) == {"removed": bob_did}


def test_passwd_then_old_passphrase_fails(alice: Person) -> None:
    result = alice.run("passwd", VOUCH_NEW_PASSPHRASE="a brand new passphrase")
    assert result.returncode == 0, result.stderr
    one_line_error(alice.run("whoami"))
    assert alice.run("whoami", passphrase="a brand new passphrase").returncode == 0


def test_a_damaged_file_speaks_of_files_and_verbose_says_more(
    alice: Person, tmp_path: Path
) -> None:
    damaged = tmp_path / "damaged.json"
    damaged.write_bytes(b'{"type": ')
    line = one_line_error(alice.run("import", str(damaged)))
    assert line == "vouch: This isn't a Vouch file, or it is damaged."
    verbose = alice.run("import", "--verbose", str(damaged))
    assert verbose.returncode == 1
    assert "details: The file is not valid JSON" in verbose.stderr
    assert verbose.stderr.strip().endswith("This isn't a Vouch file, or it is damaged.")


def test_a_single_credential_file_is_imported(alice: Person, bob: Person, tmp_path: Path) -> None:
    bob_did = bob.json("whoami")["did"]
    alice.json("endorse", bob_did, "--scope", "cooking", "--level", "2")
    bundle = tmp_path / "a.vouch"
    alice.json("export", "--all", "-o", str(bundle))
    single = tmp_path / "one.json"
    single.write_text(json.dumps(json.loads(bundle.read_bytes())["verifiableCredential"][0]))
    assert run_vouch("verify", str(single)).returncode == 0
    summary = bob.json("import", str(single))
    assert (summary["from"], summary["new"], summary["added"]) == (None, 1, 1)


def test_hostile_import_is_one_line(alice: Person, tmp_path: Path) -> None:
    deep = tmp_path / "deep.vouch"
    deep.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    one_line_error(alice.run("import", str(deep)))
    assert alice.json("list") == []


def test_damaged_store_is_one_line(alice: Person) -> None:
    (alice.home / "wallet.db").write_bytes(os.urandom(5 * 4096))
    line = one_line_error(alice.run("whoami"))
    assert "damaged" in line
