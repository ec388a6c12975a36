"""The polkit gate: the real pkcheck adapter against stand-in commands, and the answer mapping."""

from __future__ import annotations

import os
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from unlock_fakes import FakePolkit

from vouch.core.errors import UnlockCancelled, UnlockFailed, UnlockUnavailable
from vouch.unlock.linux import LinuxBackend, pam_uses_fingerprint
from vouch.unlock.polkit import ACTION_ID, POLICY_XML, PkcheckAdapter, PolkitAnswer

WALLET = "wallet-0123456789abcdef"


def _script(path: Path, exit_code: int) -> str:
    """A stand-in command that records its arguments and exits with `exit_code`."""
    log = path.with_suffix(".args")
    path.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{log}"\nexit {exit_code}\n')
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


@pytest.mark.parametrize(
    ("code", "answer"),
    [
        (0, PolkitAnswer.AUTHORIZED),
        (1, PolkitAnswer.NOT_AUTHORIZED),
        (2, PolkitAnswer.NO_AGENT),
        (3, PolkitAnswer.DISMISSED),
        (127, PolkitAnswer.ERROR),
        (126, PolkitAnswer.ERROR),
    ],
)
def test_pkcheck_exit_codes(tmp_path: Path, code: int, answer: PolkitAnswer) -> None:
    adapter = PkcheckAdapter(pkcheck=_script(tmp_path / "pkcheck", code), pkaction="/bin/true")
    assert adapter.check_authorization(ACTION_ID, os.getpid()) is answer
    args = (tmp_path / "pkcheck.args").read_text().split()
    assert args[:2] == ["--action-id", ACTION_ID]
    assert "--allow-user-interaction" in args
    pid, start, uid = args[args.index("--process") + 1].split(",")
    assert (int(pid), int(uid)) == (os.getpid(), os.getuid())
    assert int(start) > 0


def test_action_installed_or_not(tmp_path: Path) -> None:
    pkcheck = _script(tmp_path / "pkcheck", 0)
    present = PkcheckAdapter(pkcheck=pkcheck, pkaction=_script(tmp_path / "pkaction", 0))
    assert present.problem() == ""
    assert (tmp_path / "pkaction.args").read_text().split() == ["--action-id", ACTION_ID]
    missing = PkcheckAdapter(pkcheck=pkcheck, pkaction=_script(tmp_path / "pkaction2", 1))
    assert ACTION_ID in missing.problem()
    assert "not installed" in missing.problem()


def test_policy_file_declares_our_action() -> None:
    root = ET.fromstring(POLICY_XML.split("\n", 4)[4])  # after the XML and DOCTYPE lines
    action = root.find("action")
    assert action is not None
    assert action.get("id") == ACTION_ID
    defaults = action.find("defaults")
    assert defaults is not None
    assert defaults.findtext("allow_active") == "auth_self"  # asks every time, never cached
    assert defaults.findtext("allow_any") == "no"


def test_pam_fingerprint_detection(tmp_path: Path) -> None:
    with_fp = tmp_path / "a"
    with_fp.write_text("auth sufficient pam_fprintd.so\n")
    without = tmp_path / "b"
    without.write_text("auth required pam_unix.so\n")
    assert pam_uses_fingerprint((str(without), str(with_fp)))
    assert not pam_uses_fingerprint((str(without), str(tmp_path / "missing")))
    assert LinuxBackend(tmp_path, fingerprint=True).name == "fingerprint"
    assert LinuxBackend(tmp_path, fingerprint=False).name == "system password"


class _DictSecrets:
    """An in-memory Secret Service with the adapter's exact interface."""

    def __init__(self) -> None:
        self.items: dict[tuple[tuple[str, str], ...], bytes] = {}
        self.lookups = 0

    def problem(self) -> str:
        return ""

    def store(self, attributes: dict[str, str], label: str, secret: bytes) -> None:
        self.items[tuple(sorted(attributes.items()))] = secret

    def lookup(self, attributes: dict[str, str]) -> bytes | None:
        self.lookups += 1
        return self.items.get(tuple(sorted(attributes.items())))

    def delete(self, attributes: dict[str, str]) -> int:
        return 1 if self.items.pop(tuple(sorted(attributes.items())), None) else 0


@pytest.mark.parametrize(
    ("answer", "error", "words"),
    [
        (PolkitAnswer.DISMISSED, UnlockCancelled, "cancelled"),
        (PolkitAnswer.NOT_AUTHORIZED, UnlockFailed, "did not confirm"),
        (PolkitAnswer.NO_AGENT, UnlockUnavailable, "authentication agent"),
        (PolkitAnswer.ERROR, UnlockFailed, "could not check"),
    ],
)
def test_refusals_never_unlock(
    tmp_path: Path, answer: PolkitAnswer, error: type[Exception], words: str
) -> None:
    secrets = _DictSecrets()
    polkit = FakePolkit()
    backend = LinuxBackend(tmp_path, polkit=polkit, secrets=secrets)
    key = os.urandom(32)
    backend.enroll(WALLET, key)
    polkit.answers = [answer]
    with pytest.raises(error, match=words):
        backend.unlock(WALLET)
    assert secrets.lookups == 0
    assert backend.unlock(WALLET) == key  # the next, approved, attempt works
    assert secrets.lookups == 1


def test_action_missing_means_unavailable(tmp_path: Path) -> None:
    polkit = FakePolkit(problem="The polkit action org.vouch.unlock is not installed")
    backend = LinuxBackend(tmp_path, polkit=polkit, secrets=_DictSecrets())
    assert not backend.available()
    with pytest.raises(UnlockUnavailable, match="not installed"):
        backend.enroll(WALLET, os.urandom(32))
    assert polkit.calls == []
