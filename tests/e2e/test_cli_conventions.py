"""Everyday command-line conventions: options anywhere, people by name, completion, version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import vouch
from support.cli import run_vouch


@pytest.fixture(scope="module")
def wallets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """Alice knows Dana and two people both called Sam."""
    root = tmp_path_factory.mktemp("people")
    made: dict[str, tuple[Path, str]] = {}
    for name in ("alice", "dana", "sam1", "sam2"):
        result = run_vouch("--json", "init", wallet=root / name)
        assert result.returncode == 0, result.stderr
        made[name] = (root / name, json.loads(result.stdout)["did"])
    alice = made["alice"][0]
    for name, petname in (("dana", "Dana"), ("sam1", "Sam"), ("sam2", "sam")):
        added = run_vouch("contact", "add", made[name][1], "--name", petname, wallet=alice)
        assert added.returncode == 0, added.stderr
    return made


def test_common_options_go_before_or_after_the_command(
    wallets: dict[str, tuple[Path, str]],
) -> None:
    alice, _ = wallets["alice"]
    before = run_vouch("--wallet", str(alice), "--json", "list", "--received")
    after = run_vouch("list", "--received", "--json", "--wallet", str(alice))
    assert before.returncode == after.returncode == 0, before.stderr + after.stderr
    assert json.loads(before.stdout) == json.loads(after.stdout) == []
    nested = run_vouch("contact", "list", "--json", wallet=alice)
    assert {c["petname"] for c in json.loads(nested.stdout)} == {"Dana", "Sam", "sam"}


def test_a_person_can_be_named_by_petname_or_did_prefix(
    wallets: dict[str, tuple[Path, str]],
) -> None:
    alice, _ = wallets["alice"]
    dana = wallets["dana"][1]
    by_name = run_vouch(
        "--json", "endorse", "dana", "--scope", "plumbing", "--level", "3", wallet=alice
    )
    assert by_name.returncode == 0, by_name.stderr
    assert json.loads(by_name.stdout)["subject"] == dana
    prefix = dana[: len("did:key:") + 12]
    by_prefix = run_vouch("--json", "why", prefix, wallet=alice)
    assert by_prefix.returncode == 0, by_prefix.stderr


def test_an_ambiguous_name_lists_the_candidates(wallets: dict[str, tuple[Path, str]]) -> None:
    alice, _ = wallets["alice"]
    result = run_vouch("endorse", "Sam", "--scope", "cooking", "--level", "1", wallet=alice)
    assert result.returncode == 1
    assert wallets["sam1"][1] in result.stderr and wallets["sam2"][1] in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_name_says_what_a_person_may_be(wallets: dict[str, tuple[Path, str]]) -> None:
    alice, _ = wallets["alice"]
    result = run_vouch("endorse", "Zed", "--scope", "cooking", "--level", "1", wallet=alice)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "vouch: Nobody called 'Zed': give a contact's name, the start of their did:key, "
        "or the whole did:key."
    )


def test_version_and_exit_codes_are_documented() -> None:
    version = run_vouch("--version")
    assert version.returncode == 0 and version.stdout.strip() == f"vouch {vouch.__version__}"
    for args in (("--help",), ("endorse", "--help")):
        shown = run_vouch(*args)
        assert "exit codes:" in shown.stdout and "130" in shown.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_code_is_printed_for_each_shell(shell: str) -> None:
    result = run_vouch("completion", shell)
    assert result.returncode == 0 and "vouch" in result.stdout and "_ARGCOMPLETE" in result.stdout


def complete(line: str, tmp_path: Path, wallet: Path, **extra: str) -> list[str]:
    """What the shell would offer for `line` (argcomplete's protocol, as a real child)."""
    out = tmp_path / "completions"
    result = run_vouch(
        wallet=None,
        _ARGCOMPLETE="1",
        _ARGCOMPLETE_IFS="\n",
        COMP_LINE=line,
        COMP_POINT=str(len(line)),
        _ARGCOMPLETE_STDOUT_FILENAME=str(out),
        VOUCH_HOME=str(wallet),
        **extra,
    )
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    return [word.strip() for word in text.split("\n")] if text else []


def test_completion_offers_commands_petnames_and_tasks(
    wallets: dict[str, tuple[Path, str]], tmp_path: Path
) -> None:
    alice, _ = wallets["alice"]
    assert "endorse" in complete("vouch end", tmp_path, alice)
    assert complete("vouch endorse Da", tmp_path, alice) == ["Dana"]
    run_vouch("endorse", "Dana", "--scope", "home/roofing", "--level", "2", wallet=alice)
    assert "home/roofing" in complete("vouch find home/r", tmp_path, alice)


def test_find_by_the_word_and_did_you_mean(wallets: dict[str, tuple[Path, str]]) -> None:
    alice, _ = wallets["alice"]
    dana = wallets["dana"][1]
    run_vouch("endorse", "Dana", "--scope", "garden/hedges", "--level", "3", wallet=alice)
    found = run_vouch("--json", "find", "hedges", wallet=alice)
    assert found.returncode == 0, found.stderr
    assert [(r["did"], r["scope"]) for r in json.loads(found.stdout)] == [(dana, "garden/hedges")]
    misspelt = run_vouch("find", "hedgez", wallet=alice)
    assert misspelt.returncode == 0
    assert "Did you mean 'garden/hedges'" in misspelt.stdout
