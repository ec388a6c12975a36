"""Choosing a backend, and running without the optional platform packages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from vouch.core.errors import UnlockUnavailable
from vouch.unlock import MemoryBackend, UnlockBackend, UnsupportedBackend, choose_backend
from vouch.unlock.linux import LinuxBackend
from vouch.unlock.macos import MacBackend
from vouch.unlock.windows import WindowsHelloBackend

WALLET = "wallet-0123456789abcdef"


@pytest.mark.parametrize(
    ("platform", "cls", "name"),
    [
        ("darwin", MacBackend, "Touch ID"),
        ("win32", WindowsHelloBackend, "Windows Hello"),
        ("linux", LinuxBackend, None),
        ("sunos5", UnsupportedBackend, "system unlock"),
    ],
)
def test_choose_backend(tmp_path: Path, platform: str, cls: type, name: str | None) -> None:
    backend = choose_backend(tmp_path, platform=platform)
    assert isinstance(backend, cls)
    assert isinstance(backend, UnlockBackend)
    if name is not None:
        assert backend.name == name
    if platform != "linux":
        # Not this machine's platform: never available, and says why.
        assert not backend.available()
        assert backend.unavailable_reason()
        with pytest.raises(UnlockUnavailable):
            backend.enroll(WALLET, os.urandom(32))
        assert not backend.is_enrolled(WALLET)
        backend.forget(WALLET)


def test_memory_backend_is_an_unlock_backend() -> None:
    assert isinstance(MemoryBackend(), UnlockBackend)


def test_linux_without_secretstorage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "secretstorage", None)
    backend = LinuxBackend(tmp_path, polkit=_NoProblemPolkit())
    assert not backend.available()
    assert "vouch[linux-unlock]" in backend.unavailable_reason()
    with pytest.raises(UnlockUnavailable, match="linux-unlock"):
        backend.enroll(WALLET, os.urandom(32))


def test_linux_without_polkit_action(tmp_path: Path) -> None:
    from vouch.unlock.polkit import PkcheckAdapter

    backend = LinuxBackend(
        tmp_path,
        polkit=PkcheckAdapter(pkcheck="/nonexistent/pkcheck", pkaction="/nonexistent/pkaction"),
    )
    assert not backend.available()
    assert "polkit" in backend.unavailable_reason()


def test_importing_the_package_imports_no_platform_library() -> None:
    code = (
        "import sys, vouch.unlock, vouch.unlock.linux, vouch.unlock.macos, vouch.unlock.windows\n"
        "bad = [m for m in ('secretstorage', 'jeepney', 'Security', 'LocalAuthentication',"
        " 'objc', 'winrt', 'PySide6') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


class _NoProblemPolkit:
    def problem(self) -> str:
        return ""

    def check_authorization(self, action_id: str, pid: int) -> object:
        raise AssertionError("must not be asked when the backend is unavailable")
