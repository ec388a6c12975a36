"""Positive controls: run a hardening test's attack against the code from before its fix.

A test that plays an attack proves little if it would pass anyway. `baseline_outcomes` takes
`app/` from `BASELINE` (the last commit before the hardening these tests cover) out of git
into a temporary folder and runs the named tests there, in a child pytest, so a control can
assert that they fail on that code with an assertion (the attack worked), not with an import
error. The child runs without the suite's conftest files (they may need what the old code
lacks): the tests it runs use only their own fixtures and the facade both versions share.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

BASELINE = "8976d97c83e6fefb3b9e21c2361b55f2ecb78c2a"
ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"


@dataclass(frozen=True)
class Outcomes:
    passed: frozenset[str]
    failed: dict[str, str]  # test name -> the first line of its failure
    errors: dict[str, str]  # test name -> the first line of its error (not an assertion)


def baseline_app(folder: Path) -> Path:
    """`app/` of BASELINE extracted under `folder`; skips where git or the commit is missing."""
    target = folder / "baseline"
    if (target / "app").is_dir():
        return target / "app"
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("the positive control needs the git history")
    target.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        [git, "-C", str(ROOT), "archive", BASELINE, "app"], capture_output=True, timeout=120
    )
    if archive.returncode != 0:
        pytest.skip(f"the positive control needs commit {BASELINE[:8]}")
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target / "app"


def baseline_outcomes(test_file: Path, names: list[str], folder: Path) -> Outcomes:
    """Run `names` (test functions of `test_file`, all their parameters) on BASELINE's code."""
    app = baseline_app(folder)
    report = folder / f"{test_file.stem}-baseline.xml"
    env = dict(os.environ)
    env.update(
        PYTHONPATH=os.pathsep.join([str(app), str(TESTS), str(test_file.parent)]),
        VOUCH_TEST_FAST_KDF="1",  # the old code's switch for a cheap key derivation
        VOUCH_KDF_COST="minimal",
        QT_QPA_PLATFORM="offscreen",
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "--noconftest",
            "-p",
            "no:cacheprovider",
            f"--junitxml={report}",
            *[f"{test_file}::{name}" for name in names],
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return _read_report(report)


def _read_report(report: Path) -> Outcomes:
    passed: set[str] = set()
    failed: dict[str, str] = {}
    errors: dict[str, str] = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        name = case.get("name", "")
        failure, error = case.find("failure"), case.find("error")
        if failure is not None:
            failed[name] = _first_line(failure.get("message"))
        elif error is not None:
            errors[name] = _first_line(error.get("message"))
        elif case.find("skipped") is None:
            passed.add(name)
    return Outcomes(frozenset(passed), failed, errors)


def _first_line(text: str | None) -> str:
    lines = (text or "").splitlines()
    return lines[0] if lines else ""


def assertion_failures(outcomes: Outcomes) -> dict[str, str]:
    """The tests that failed on an assertion: the attack got through on the old code."""
    return {
        name: message
        for name, message in outcomes.failed.items()
        if message.startswith(("AssertionError", "assert "))
    }
