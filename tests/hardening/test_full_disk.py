"""A full disk during import and export: a clear message, the store unchanged, no half file.

Three ways to fill the disk, so the suite does not depend on one: SQLite's own SQLITE_FULL
(`PRAGMA max_page_count` on the wallet's connection), a file-size limit (RLIMIT_FSIZE) on a
`vouch` CLI process, and a real small tmpfs when this machine lets the tests mount one.
"""

from __future__ import annotations

import errno
import hashlib
import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from crash_harness import PASSPHRASE, bundle_of, signed_statements, worker_env

from support.store import page_limit
from vouch.core.errors import StorageFull, VouchError
from vouch.core.identity import Identity
from vouch.core.records import Level
from vouch.wallet import Wallet

TABLES = ("identity", "contacts", "statements", "revocations", "settings")


def store_digest(home: Path, key: bytes) -> str:
    """A digest of every row of every table, read through a separate connection."""
    conn = sqlcipher3.connect(str(home / "wallet.db"), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        digest = hashlib.sha256()
        for table in TABLES:
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid"):
                digest.update(repr(row).encode())
    finally:
        conn.close()
    return digest.hexdigest()


def make_wallet(home: Path, statements: int = 20) -> Wallet:
    wallet = Wallet.create(home, PASSPHRASE)
    wallet.import_data(bundle_of(signed_statements([Identity.generate()], statements)))
    bob = Identity.generate().did
    wallet.endorse(bob, "plumbing", Level.STRONGLY)
    wallet.add_contact(bob, "Bob")
    return wallet


def assert_free_space_message(error: VouchError) -> None:
    assert isinstance(error, StorageFull)
    assert "disk is full" in error.message and "Free some space" in error.message


def reopened_intact(home: Path, expected_digest: str) -> None:
    with Wallet.open(home, PASSPHRASE) as wallet:
        assert wallet.integrity_ok()
        key = wallet.store_key()
    assert store_digest(home, key) == expected_digest


@pytest.fixture
def big_bundle() -> bytes:
    return bundle_of(signed_statements([Identity.generate() for _ in range(3)], 500))


# -- import: SQLITE_FULL from the engine ------------------------------------------------------


def test_import_into_a_full_store_is_refused_and_changes_nothing(
    tmp_path: Path, big_bundle: bytes
) -> None:
    home = tmp_path / "w"
    with make_wallet(home) as wallet:
        before = store_digest(home, wallet.store_key())
        preview = wallet.preview_import(big_bundle)
        with page_limit(wallet, 4), pytest.raises(StorageFull) as caught:
            wallet.apply_import(preview)
        assert_free_space_message(caught.value)
        assert store_digest(home, wallet.store_key()) == before
        # The connection is not left inside a broken transaction: once there is room, it works.
        assert wallet.apply_import(preview).added == 500
    with Wallet.open(home, PASSPHRASE) as wallet:
        assert wallet.integrity_ok()
        assert wallet.count_endorsements() == 521


# -- import: the file-size limit, through the CLI -----------------------------------------------


def _limited(limit: int) -> Any:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def run_cli(home: Path, *args: str, limit: int) -> subprocess.CompletedProcess[str]:
    env = worker_env()
    env["VOUCH_PASSPHRASE"] = PASSPHRASE
    return subprocess.run(
        [sys.executable, "-m", "vouch.cli", "--wallet", str(home), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        preexec_fn=_limited(limit),
    )


@pytest.mark.parametrize("count", [500, 3000], ids=["fails-at-commit", "fails-mid-transaction"])
def test_import_past_the_file_size_limit_says_so_and_changes_nothing(
    tmp_path: Path, count: int
) -> None:
    """A file-size limit gives EFBIG, which SQLite reports as an I/O error, not as a full disk.

    500 items fail when COMMIT writes the WAL; 3000 overflow SQLite's page cache, so the write
    fails inside the transaction. Either way: one clear line, not "damaged", nothing stored.
    """
    home = tmp_path / "w"
    with make_wallet(home) as wallet:
        key = wallet.store_key()
    before = store_digest(home, key)
    bundle = tmp_path / "big.vouch"
    bundle.write_bytes(bundle_of(signed_statements([Identity.generate()], count)))
    limit = (home / "wallet.db").stat().st_size + 64 * 1024
    result = run_cli(home, "import", str(bundle), limit=limit)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == "vouch: The wallet could not save the change: disk I/O error."
    reopened_intact(home, before)


# -- export: ENOSPC in the Python write path ----------------------------------------------------


class _FillsUp:
    """A file object that writes half of what it is given, then reports a full disk."""

    def __init__(self, fd: int, mode: str) -> None:
        self._file = open(fd, mode)  # noqa: SIM115 (closed by __exit__)

    def __enter__(self) -> _FillsUp:
        return self

    def __exit__(self, *exc: object) -> None:
        self._file.close()

    def write(self, data: bytes) -> int:
        self._file.write(data[: len(data) // 2])
        self._file.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def flush(self) -> None:
        self._file.flush()

    def fileno(self) -> int:
        return int(self._file.fileno())


def test_export_when_the_disk_fills_midway_leaves_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "w"
    folder = tmp_path / "exports"
    folder.mkdir()
    with make_wallet(home) as wallet:
        before = store_digest(home, wallet.store_key())
        monkeypatch.setattr(os, "fdopen", _FillsUp)
        with pytest.raises(StorageFull) as caught:
            wallet.export_to_file(folder / "mine.vouch")
        monkeypatch.undo()
        assert_free_space_message(caught.value)
        assert list(folder.iterdir()) == []
    reopened_intact(home, before)


# -- a real small file system ---------------------------------------------------------------


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[Path]:
    """A 4 MiB tmpfs, where the machine allows mounting one (as root in most containers)."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    mount = shutil.which("mount")
    if os.geteuid() != 0 or mount is None:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def fill(folder: Path) -> Path:
    """Take every free byte of the file system that holds `folder`."""
    filler = folder / "filler"
    chunk = b"\0" * 65536
    with filler.open("wb", buffering=0) as handle:
        while True:
            try:
                handle.write(chunk)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
                break
    for size in (4096, 512, 1):  # the last partial chunks
        with filler.open("ab", buffering=0) as handle:
            try:
                while True:
                    handle.write(b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    return filler


def test_import_on_a_full_file_system(small_fs: Path, big_bundle: bytes) -> None:
    home = small_fs / "w"
    with make_wallet(home) as wallet:
        before = store_digest(home, wallet.store_key())
        preview = wallet.preview_import(big_bundle)
        filler = fill(small_fs)
        with pytest.raises(StorageFull) as caught:
            wallet.apply_import(preview)
        assert_free_space_message(caught.value)
        filler.unlink()
        assert store_digest(home, wallet.store_key()) == before
    reopened_intact(home, before)


def test_export_to_a_full_file_system(tmp_path: Path, small_fs: Path) -> None:
    home = tmp_path / "w"
    previous = small_fs / "mine.vouch"
    previous.write_bytes(b"the previous export")
    with make_wallet(home, statements=200) as wallet:
        before = store_digest(home, wallet.store_key())
        filler = fill(small_fs)
        with pytest.raises(StorageFull) as caught:
            wallet.export_to_file(previous)
        assert_free_space_message(caught.value)
        assert sorted(p.name for p in small_fs.iterdir()) == ["filler", "mine.vouch"]
        assert previous.read_bytes() == b"the previous export"
        filler.unlink()
    reopened_intact(home, before)
