"""Backups: one encrypted, versioned file holding the whole wallet, and restoring it.

A backup file is

    magic "VOUCHBACKUP\\n" | version (1 byte) | header length (4 bytes, big-endian) | header
    | the store, still encrypted page by page under its key | HMAC-SHA256 (32 bytes)

The header is JSON with the key-derivation parameters of the passphrase valid when the backup
was made (salt, cost, key-check value: the same text as the wallet's own parameter file), the
time it was made, and the store's length. Nothing in it names anybody: the did, petnames and
comments are inside the encrypted store. The HMAC, keyed from the store key, covers every byte
before it, so a truncated or altered file is refused before anything is written. Restoring goes
into a folder that holds no wallet yet, through a staging folder, and never overwrites a wallet.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import secrets
import shutil
import struct
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Self

from vouch.core.errors import (
    CorruptStore,
    InvalidBackup,
    StorageFull,
    VouchError,
    WalletExists,
)
from vouch.core.store.snapshot import copy_store
from vouch.wallet import changelog
from vouch.wallet.core import OsKeyKeeper, WalletCore, serialised
from vouch.wallet.home import WalletFiles, derive_key

MAGIC = b"VOUCHBACKUP\n"
FORMAT_VERSION = 1
MAX_HEADER_BYTES = 64 * 1024
MAC_BYTES = 32
_LENGTH = struct.Struct(">I")
_MAC_LABEL = b"vouch/backup/mac/1"
_CHUNK = 1024 * 1024
BACKUP_SUFFIX = ".vouchbackup"
# Automatic backups: wallet settings (no folder: off), and the names they give their files.
AUTO_FOLDER = "backup/folder"
AUTO_KEEP = "backup/keep"
AUTO_LAST = "backup/last"  # ISO time of the last automatic or "Back up now" backup
DEFAULT_KEEP = 5
_AUTO_NAME = re.compile(r"vouch-\d{4}-\d{2}-\d{2}-\d{6}-[0-9a-f]{4}" + re.escape(BACKUP_SUFFIX))


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    size: int


def _mac_key(store_key: bytes) -> bytes:
    return hmac.new(store_key, _MAC_LABEL, hashlib.sha256).digest()


class BackupUseCases(WalletCore):
    @serialised  # no passphrase change between copying the store and reading its parameters
    def backup(self, path: Path) -> BackupInfo:
        """Write a backup of the whole wallet to `path` atomically: the old file or the new."""
        key = self.store_key()
        created = datetime.now(UTC).replace(microsecond=0)
        _remove_leftovers(Path(path), self.home)
        with tempfile.TemporaryDirectory(prefix=".vouch-backup-", dir=self.home) as scratch:
            copy = Path(scratch) / "store.db"
            copy_store(self._files.db, key, copy)
            kdf_text = self._files.kdf.read_text("utf-8")
            header = json.dumps(
                {
                    "format": FORMAT_VERSION,
                    "created": created.isoformat(),
                    "kdf": json.loads(kdf_text),
                    "store_bytes": copy.stat().st_size,
                },
                sort_keys=True,
            ).encode("utf-8")
            _write_atomically(Path(path), header, copy, _mac_key(key))
        return BackupInfo(Path(path), created, Path(path).stat().st_size)

    @serialised
    def auto_backup(self, folder: Path, keep: int = DEFAULT_KEEP) -> BackupInfo:
        """A new backup in `folder`; of the files named as Vouch names them, the newest `keep` stay.

        Other files in the folder are never touched. The time is kept in the wallet's settings.
        """
        info = self.backup(Path(folder) / new_backup_name())
        prune_backups(Path(folder), keep)
        self.set_setting(AUTO_LAST, info.created.isoformat())
        return info

    @classmethod
    def restore_backup(
        cls,
        backup: Path,
        home: Path,
        passphrase: str,
        *,
        os_unlock: OsKeyKeeper | None = None,
    ) -> Self:
        """A new wallet in `home` (which holds none) from `backup`, returned unlocked."""
        if WalletFiles(home).exists():
            raise WalletExists(f"A wallet already exists in {home}; restore into an empty folder.")
        made_home = not home.exists()
        try:
            home.mkdir(parents=True, exist_ok=True, mode=0o700)
            staging = Path(tempfile.mkdtemp(prefix=".restoring-", dir=home))
        except OSError as exc:
            raise VouchError(f"Cannot use the folder {home}: {exc.strerror or exc}.") from exc
        try:
            key = _unpack(Path(backup), WalletFiles(staging), passphrase)
            _check_opens(cls.open_with_key(staging, key, os_unlock=os_unlock))
            _move_into(WalletFiles(staging), WalletFiles(home))
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            if made_home:  # a failed restore leaves no trace, not even the folder it made
                with contextlib.suppress(OSError):
                    home.rmdir()
            raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        wallet = cls.open_with_key(home, key, os_unlock=os_unlock)
        with wallet._database.transaction() as conn:
            changelog.new_device_id(conn)  # the original device may live on: this is another
        return wallet


def _remove_leftovers(path: Path, home: Path) -> None:
    """Temporary files of a backup that was killed midway (never a finished backup)."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()
    for scratch in home.glob(".vouch-backup-*"):
        shutil.rmtree(scratch, ignore_errors=True)


def _check_opens(wallet: WalletCore) -> None:
    """The staged store opens under its key, migrates, and reads back whole."""
    try:
        if not wallet.integrity_ok():
            raise InvalidBackup("The wallet inside this backup is damaged; nothing was restored.")
    finally:
        wallet.lock()


def _write_atomically(path: Path, header: bytes, store: Path, mac_key: bytes) -> None:
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise VouchError(f"Cannot write to {path.parent}: {exc.strerror or exc}.") from exc
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as out, store.open("rb") as source:
            mac = hmac.new(mac_key, digestmod=hashlib.sha256)
            for part in (MAGIC, bytes([FORMAT_VERSION]), _LENGTH.pack(len(header)), header):
                _put(out, mac, part)
            while chunk := source.read(_CHUNK):
                _put(out, mac, chunk)
            out.write(mac.digest())
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno == 28:
            raise StorageFull("The disk is full; the backup was not written.") from exc
        raise VouchError(f"Could not write {path}: {exc.strerror or exc}.") from exc


def _put(out: IO[bytes], mac: Any, data: bytes) -> None:
    out.write(data)
    mac.update(data)


def _unpack(backup: Path, files: WalletFiles, passphrase: str) -> bytes:
    """Check `backup` and write its store and parameters into `files`; returns the store key."""
    try:
        handle = backup.open("rb")
    except OSError as exc:
        raise InvalidBackup(f"Cannot read {backup}: {exc.strerror or exc}.") from exc
    with handle:
        header, header_bytes = _read_header(handle)
        size = backup.stat().st_size
        start = handle.tell()
        if size != start + header["store_bytes"] + MAC_BYTES:
            raise InvalidBackup("This backup is incomplete (it was cut short) or damaged.")
        files.kdf.write_text(json.dumps(header["kdf"]), "utf-8")
        key = derive_key(files, passphrase)  # WrongPassphrase: the one valid at backup time
        mac = hmac.new(_mac_key(key), digestmod=hashlib.sha256)
        mac.update(MAGIC + bytes([FORMAT_VERSION]) + _LENGTH.pack(len(header_bytes)))
        mac.update(header_bytes)
        fd = os.open(files.db, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            remaining = header["store_bytes"]
            while remaining:
                chunk = handle.read(min(_CHUNK, remaining))
                if not chunk:
                    raise InvalidBackup("This backup is incomplete (it was cut short).")
                _put(out, mac, chunk)
                remaining -= len(chunk)
            out.flush()
            os.fsync(out.fileno())
        if not hmac.compare_digest(mac.digest(), handle.read(MAC_BYTES)):
            raise InvalidBackup("This backup was altered or damaged; nothing was restored.")
    return key


def _read_header(handle: IO[bytes]) -> tuple[dict[str, Any], bytes]:
    lead = handle.read(len(MAGIC) + 1 + _LENGTH.size)
    if len(lead) < len(MAGIC) + 1 + _LENGTH.size or not lead.startswith(MAGIC):
        raise InvalidBackup()
    version = lead[len(MAGIC)]
    if version != FORMAT_VERSION:
        raise InvalidBackup("This backup was made by a newer version of Vouch; please update.")
    (length,) = _LENGTH.unpack(lead[len(MAGIC) + 1 :])
    if length > MAX_HEADER_BYTES:
        raise InvalidBackup()
    header_bytes = handle.read(length)
    try:
        header = json.loads(header_bytes)
        valid = (
            isinstance(header, dict)
            and header.get("format") == FORMAT_VERSION
            and isinstance(header.get("kdf"), dict)
            and isinstance(header.get("store_bytes"), int)
            and header["store_bytes"] > 0
        )
    except ValueError as exc:
        raise InvalidBackup() from exc
    if not valid:
        raise InvalidBackup()
    return header, header_bytes


def _move_into(staging: WalletFiles, home: WalletFiles) -> None:
    """Move the checked store, then its parameters, into the wallet folder."""
    if home.exists():
        raise WalletExists(f"A wallet appeared in {home.home} meanwhile; nothing was restored.")
    try:
        os.replace(staging.db, home.db)
        os.replace(staging.kdf, home.kdf)
    except OSError as exc:
        with contextlib.suppress(OSError):
            home.db.unlink()
        raise VouchError(f"Could not restore into {home.home}: {exc.strerror or exc}.") from exc
    if not home.db.exists():
        raise CorruptStore("The restored wallet is missing.")


def prune_backups(folder: Path, keep: int) -> list[Path]:
    """Remove all but the newest `keep` (at least one) of Vouch's backups in `folder`."""
    own = [p for p in folder.iterdir() if _AUTO_NAME.fullmatch(p.name) and p.is_file()]
    own.sort(key=lambda p: (p.name[: -len(BACKUP_SUFFIX) - 5], p.stat().st_mtime_ns), reverse=True)
    removed = []
    for old in own[max(keep, 1) :]:
        with contextlib.suppress(OSError):
            old.unlink()
            removed.append(old)
    return removed


def new_backup_name() -> str:
    """A file name for a backup made now (no identifying text in it)."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d-%H%M%S")
    return f"vouch-{stamp}-{secrets.token_hex(2)}{BACKUP_SUFFIX}"
