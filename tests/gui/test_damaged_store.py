"""A wallet file that cannot be opened: a clear message, two ways on, and the file left alone.

Each kind of damage (a flipped byte in a data page, a cut-short file, a store from a newer
Vouch, another kind of file put in the wallet's place) must end on the unlock screen with a
message that says what is wrong, and buttons to open another wallet or to restore the identity
from its recovery phrase into a new folder. The damaged file's bytes never change.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlcipher3
from gui_helpers import PASSPHRASE, make_peer, open_window
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from vouch.core.errors import StoreTooNew
from vouch.core.records import Level
from vouch.core.store.migrations import SCHEMA_VERSION
from vouch.flows.first_run import Step
from vouch.gui.main_window import MainWindow
from vouch.gui.pages.unlock import UnlockPage
from vouch.gui.preferences import HOME_KEY
from vouch.wallet import Wallet

PAGE = 4096
NEW_PASSPHRASE = "amber violin lake forty"
Damage = Callable[[Path, bytes], None]


class Sample:
    """A locked wallet with a few pages of endorsements, and what is needed to check it."""

    def __init__(self, home: Path, key: bytes, did: str, phrase: str) -> None:
        self.home, self.key, self.did, self.phrase = home, key, did, phrase

    @property
    def db(self) -> Path:
        return self.home / "wallet.db"

    def digests(self) -> dict[str, str]:
        names = ("wallet.db", "wallet.kdf.json")
        return {n: hashlib.sha256((self.home / n).read_bytes()).hexdigest() for n in names}


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    home = tmp_path / "damaged"
    peer = make_peer(tmp_path / "peer")
    until = datetime.now(UTC) + timedelta(days=100)
    with Wallet.create(home, PASSPHRASE) as wallet:
        for n in range(25):
            wallet.endorse(
                peer.did, f"skill-{n}", Level.STRONGLY, comment="tidy " * 40, valid_until=until
            )
        sample = Sample(home, wallet.store_key(), wallet.did, wallet.recovery_phrase(PASSPHRASE))
    peer.lock()
    return sample


def _raw(db: Path, key: bytes) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(db), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def flip_data_page(db: Path, key: bytes) -> None:
    conn = _raw(db, key)
    (root,) = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'statements'"
    ).fetchone()
    conn.close()
    data = bytearray(db.read_bytes())
    data[(int(root) - 1) * PAGE + 1000] ^= 0x04
    db.write_bytes(bytes(data))


def truncate(db: Path, key: bytes) -> None:
    db.write_bytes(db.read_bytes()[: PAGE + 100])


def newer_version(db: Path, key: bytes) -> None:
    conn = _raw(db, key)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\xff\x00\x00" * 2 + b"\x00" + b"\x00\x00\xff" * 2)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def png_file(db: Path, key: bytes) -> None:
    db.write_bytes(_png())


def text_file(db: Path, key: bytes) -> None:
    db.write_text("Shopping list\n- eggs\n- flour\n" * 40, "utf-8")


DAMAGE: dict[str, Damage] = {
    "flipped-byte": flip_data_page,
    "truncated": truncate,
    "newer-version": newer_version,
    "png-file": png_file,
    "text-file": text_file,
}


@pytest.fixture(params=sorted(DAMAGE))
def damaged(request: pytest.FixtureRequest, sample: Sample) -> Iterator[tuple[str, Sample]]:
    kind = str(request.param)
    DAMAGE[kind](sample.db, sample.key)
    yield kind, sample


def _try_unlock(qtbot: QtBot, window: MainWindow, passphrase: str = PASSPHRASE) -> UnlockPage:
    page = window.unlock_page
    assert window.central.currentWidget() is page
    page.passphrase.setText(passphrase)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: not page.busy.isVisible() and page.message.isVisible(), timeout=10_000)
    return page


def _choose_folders(monkeypatch: pytest.MonkeyPatch, *folders: Path) -> None:
    chosen = iter(str(f) for f in folders)
    monkeypatch.setattr(
        "vouch.gui.pages.unlock.QFileDialog.getExistingDirectory", lambda *a, **k: next(chosen)
    )


def _assert_damage_screen(page: UnlockPage, kind: str) -> None:
    assert page.damaged
    assert page.damage_box.isVisible() and not page.form_box.isVisible()
    assert not page.unlock_button.isVisible()
    text = page.message.text()
    if kind == "newer-version":
        assert text == StoreTooNew.default_message
        assert page.title.text() == "This wallet needs a newer Vouch"
    else:
        assert "damaged" in text.lower() and "\n" not in text
        assert page.title.text() == "This wallet is damaged"
    assert "sqlcipher" not in text.lower() and "Traceback" not in text
    assert page.open_other_button.isVisible()
    assert page.open_other_button.text().replace("&", "") == "Open another wallet…"
    assert page.restore_button.isVisible()
    assert page.restore_button.text().replace("&", "") == "Restore from recovery phrase…"
    assert page.backup_button.isVisible()


def test_damage_is_explained_and_restore_goes_to_a_new_folder(
    qtbot: QtBot,
    tmp_path: Path,
    damaged: tuple[str, Sample],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kind, sample = damaged
    before = sample.digests()
    window = open_window(qtbot, sample.home)

    wrong = _try_unlock(qtbot, window, "not the passphrase at all")
    assert not wrong.damaged and "passphrase" in wrong.message.text().lower()
    page = _try_unlock(qtbot, window)
    _assert_damage_screen(page, kind)
    assert not window.session.is_unlocked
    assert sample.digests() == before

    target = tmp_path / "restored"
    target.mkdir()
    other = tmp_path / "other"
    Wallet.create(other, PASSPHRASE).lock()
    _choose_folders(monkeypatch, sample.home, other, target)
    page.restore_button.click()  # the damaged folder itself: refused
    assert "Choose an empty folder" in page.message.text() and page.damaged
    page.restore_button.click()  # a folder with a wallet in it: refused
    assert str(other) in page.message.text()
    page.restore_button.click()

    first_run = window.first_run
    assert window.central.currentWidget() is first_run
    assert first_run.stack.currentWidget() is first_run.pages[Step.RESTORE_PHRASE]
    assert first_run.home == target
    first_run.phrase_edit.setPlainText(sample.phrase)
    first_run.restore_next.click()
    first_run.pass1.setText(NEW_PASSPHRASE)
    first_run.pass2.setText(NEW_PASSPHRASE)
    with qtbot.waitSignal(window.session.unlocked, timeout=10_000):
        first_run.pass_next.click()

    assert window.session.wallet.did == sample.did
    assert window.session.home == target
    assert QSettings().value(HOME_KEY) == str(target)
    assert sample.digests() == before
    window.close()
    with Wallet.open(target, NEW_PASSPHRASE) as restored:
        assert restored.did == sample.did
    assert sample.digests() == before


def test_open_another_wallet_from_the_damage_screen(
    qtbot: QtBot, tmp_path: Path, sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    truncate(sample.db, sample.key)
    before = sample.digests()
    good = tmp_path / "good"
    with Wallet.create(good, PASSPHRASE) as wallet:
        good_did = wallet.did
    empty = tmp_path / "empty"
    empty.mkdir()
    window = open_window(qtbot, sample.home)
    page = _try_unlock(qtbot, window)
    _assert_damage_screen(page, "truncated")

    _choose_folders(monkeypatch, sample.home, empty, good)
    page.open_other_button.click()
    assert "choose another folder" in page.message.text() and page.damaged
    page.open_other_button.click()
    assert page.message.text() == f"There is no Vouch wallet in {empty}."
    page.open_other_button.click()
    assert window.session.home == good
    assert QSettings().value(HOME_KEY) == str(good)
    assert window.central.currentWidget() is page and not page.damaged
    assert page.form_box.isVisible() and page.where.text() == f"Wallet in {good}"
    with qtbot.waitSignal(window.session.unlocked, timeout=10_000):
        page.passphrase.setText(PASSPHRASE)
        page.unlock_button.click()
    assert window.session.wallet.did == good_did
    window.close()
    assert sample.digests() == before


def test_try_again_returns_to_the_passphrase(qtbot: QtBot, sample: Sample, tmp_path: Path) -> None:
    backup = sample.db.read_bytes()
    png_file(sample.db, sample.key)
    window = open_window(qtbot, sample.home)
    page = _try_unlock(qtbot, window)
    _assert_damage_screen(page, "png-file")
    window.resize(900, 640)
    shot = window.grab()
    assert not shot.isNull()
    shot.save(str(tmp_path / "damaged-store.png"))

    sample.db.write_bytes(backup)  # the user puts a backup back in place
    page.retry_button.click()
    assert not page.damaged and page.form_box.isVisible() and page.passphrase.text() == ""
    with qtbot.waitSignal(window.session.unlocked, timeout=10_000):
        page.passphrase.setText(PASSPHRASE)
        page.unlock_button.click()
    assert window.session.wallet.did == sample.did
    window.close()
