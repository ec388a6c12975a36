"""Fakes of the adapters' exact interfaces, shared by the unlock tests."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from vouch.unlock.polkit import PolkitAnswer
from vouch.unlock.secret_service import SecretStorageAdapter


@dataclass
class Session:
    home: Path
    runtime: Path
    address: str
    bus: subprocess.Popen[bytes]
    keyring: subprocess.Popen[bytes] | None = None

    def stop_keyring(self) -> None:
        if self.keyring is not None:
            stop_process(self.keyring)
            self.keyring = None


def stop_process(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class FakePolkit:
    """Stands in for polkit's agent, which cannot answer in CI: scripted answers, recorded calls."""

    def __init__(self, *answers: PolkitAnswer, problem: str = "") -> None:
        self.answers = list(answers)
        self.problem_text = problem
        self.calls: list[tuple[str, int]] = []

    def problem(self) -> str:
        return self.problem_text

    def check_authorization(self, action_id: str, pid: int) -> PolkitAnswer:
        self.calls.append((action_id, pid))
        return self.answers.pop(0) if self.answers else PolkitAnswer.AUTHORIZED


class SpySecrets:
    """Wraps a Secret Service adapter and records which calls reached it."""

    def __init__(self, inner: SecretStorageAdapter | None = None) -> None:
        self.inner = inner or SecretStorageAdapter()
        self.calls: list[str] = []

    def problem(self) -> str:
        return self.inner.problem()

    def store(self, attributes: dict[str, str], label: str, secret: bytes) -> None:
        self.calls.append("store")
        self.inner.store(attributes, label, secret)

    def lookup(self, attributes: dict[str, str]) -> bytes | None:
        self.calls.append("lookup")
        return self.inner.lookup(attributes)

    def delete(self, attributes: dict[str, str]) -> int:
        self.calls.append("delete")
        return self.inner.delete(attributes)
