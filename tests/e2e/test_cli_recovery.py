"""Social recovery as real processes: an owner, three guardians, a lost device, a new one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from support.cli import one_line_error, run_vouch
from vouch.core.identity import Identity, seed_from_recovery_phrase
from vouch.core.recovery.envelope import open_envelope, read_envelope

NAMES = ("ann", "bob", "cyd")


def vouch(wallet: Path, *args: str, input: str | None = None) -> Any:
    result = run_vouch("--json", *args, wallet=wallet, input=input, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _init(home: Path) -> tuple[str, str]:
    made = vouch(home, "init", "--show-phrase")
    assert isinstance(made, dict)
    return made["did"], made["recovery_phrase"]


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, object]:
    """The owner handed 2-of-3 shares to three contacts, who each imported theirs."""
    owner = tmp_path / "owner"
    did, phrase = _init(owner)
    guardians = {}
    for name in NAMES:
        gdid, gphrase = _init(tmp_path / name)
        guardians[name] = (tmp_path / name, gdid, gphrase)
        vouch(owner, "contact", "add", gdid, "--name", name.title())
    out = tmp_path / "shares"
    made = vouch(owner, "guardians", "set", "--threshold", "2", "Ann", "Bob", "Cyd", "-o", str(out))
    assert isinstance(made, dict)
    assert (made["threshold"], made["shares"]) == (2, 3)
    assert "cannot be taken back" in made["warning"]
    for name in NAMES:
        kept = vouch(guardians[name][0], "import", str(out / f"{name.title()}.vouchshare"))
        assert isinstance(kept, dict)
        assert (kept["share_for"], kept["threshold"]) == (did, 2)
    return {"owner": owner, "did": did, "phrase": phrase, "guardians": guardians, "out": out}


def test_two_of_three_guardians_give_the_identity_back(
    setup: dict[str, object], tmp_path: Path
) -> None:
    owner, did = setup["owner"], setup["did"]
    guardians = setup["guardians"]
    assert isinstance(owner, Path) and isinstance(guardians, dict)
    listed = vouch(owner, "guardians", "list")
    assert isinstance(listed, list) and len(listed) == 1
    assert sorted(g["name"] for g in listed[0]["guardians"]) == ["Ann", "Bob", "Cyd"]
    held = vouch(guardians["ann"][0], "guardians", "held")
    assert isinstance(held, list)
    assert [(h["owner"], h["petname"], h["threshold"]) for h in held] == [(did, None, 2)]

    shutil.rmtree(owner)  # the device is lost
    new = tmp_path / "new-device"
    started = vouch(new, "recover", "start", "--for", str(did))
    assert isinstance(started, dict)
    line = started["request"]
    assert line.startswith("vouch:recover:") and len(started["check_words"].split()) == 5
    answers = []
    for name in ("ann", "cyd"):
        answer = tmp_path / f"{name}.answer"
        refused = run_vouch(
            "recover", "help", line, "-o", str(answer), wallet=guardians[name][0], input="n\n"
        )
        assert refused.returncode == 1 and "Traceback" not in refused.stderr
        assert (
            refused.stderr.strip().splitlines()[-1] == "vouch: Not answered; nothing was written."
        )
        assert "in person" in refused.stderr or "call them" in refused.stderr
        assert not answer.exists()
        helped = run_vouch(
            "recover", "help", line, "-o", str(answer), wallet=guardians[name][0], input="y\n"
        )
        assert helped.returncode == 0, helped.stderr
        assert started["check_words"] in helped.stderr
        answers.append(str(answer))
    too_few = run_vouch("recover", "finish", answers[0], wallet=new)
    assert "1 of the 2 needed" in one_line_error(too_few)
    finished = vouch(new, "recover", "finish", *answers)
    assert isinstance(finished, dict) and finished["did"] == did
    whoami = vouch(new, "whoami")
    assert isinstance(whoami, dict) and whoami["did"] == did
    assert not (new / "recovery-pending.json").exists()


def test_the_guardians_files_hold_nothing_secret_but_the_sealed_share(
    setup: dict[str, object], tmp_path: Path
) -> None:
    guardians, out, phrase = setup["guardians"], setup["out"], setup["phrase"]
    assert isinstance(guardians, dict) and isinstance(out, Path) and isinstance(phrase, str)
    seed = seed_from_recovery_phrase(phrase)
    secrets = [seed.hex(), phrase, " ".join(phrase.split()[:4])]
    for name in NAMES:
        home, _gdid, gphrase = guardians[name]
        file = out / f"{name.title()}.vouchshare"
        words = open_envelope(
            read_envelope(file.read_bytes()), Identity(seed_from_recovery_phrase(gphrase))
        )
        assert len(words.split()) == 33  # the share opens, for its guardian
        share_secrets = [*secrets, words, " ".join(words.split()[4:8])]
        for path in [file, *home.rglob("*")]:
            if path.is_file():
                data = path.read_bytes()
                for secret in share_secrets:
                    assert secret.encode() not in data, (path, secret[:12])
                    assert bytes.fromhex(seed.hex()) not in data
        document = json.loads(file.read_text())
        others = [guardians[n][1] for n in NAMES if n != name]
        assert all(other not in file.read_text() for other in others)
        assert set(document) == {
            "type",
            "version",
            "owner",
            "guardian",
            "threshold",
            "index",
            "split",
            "created",
            "sealed",
            "signature",
        }


def test_bad_share_files_are_refused_with_one_line(
    setup: dict[str, object], tmp_path: Path
) -> None:
    guardians, out = setup["guardians"], setup["out"]
    assert isinstance(guardians, dict) and isinstance(out, Path)
    bob = guardians["bob"][0]
    refused = run_vouch("import", str(out / "Ann.vouchshare"), wallet=bob)
    assert "someone else" in one_line_error(refused)
    tampered = tmp_path / "t.vouchshare"
    document = json.loads((out / "Bob.vouchshare").read_text())
    document["threshold"] = 3
    tampered.write_text(json.dumps(document))
    assert "altered" in one_line_error(run_vouch("import", str(tampered), wallet=bob))
    garbage = tmp_path / "g.vouchshare"
    garbage.write_bytes(b"\x00garbage")
    assert "share file" in one_line_error(run_vouch("import", str(garbage), wallet=bob))
    held = vouch(bob, "guardians", "held")
    assert isinstance(held, list) and len(held) == 1  # only the genuine share, from setup


def test_guardians_set_refuses_bad_choices(setup: dict[str, object]) -> None:
    owner = setup["owner"]
    assert isinstance(owner, Path)
    out = str(owner.parent / "more")
    for args, message in [
        (["--threshold", "1", "Ann", "Bob"], "at least 2"),
        (["--threshold", "3", "Ann", "Bob"], "more than the number"),
        (["--threshold", "2", "Ann", "Ann"], "named twice"),
        (["--threshold", "2", "Ann", "Nobody"], "Nobody"),
    ]:
        refused = run_vouch("guardians", "set", *args, "-o", out, wallet=owner)
        assert message in one_line_error(refused)
    listed = vouch(owner, "guardians", "list")
    assert isinstance(listed, list) and len(listed) == 1
