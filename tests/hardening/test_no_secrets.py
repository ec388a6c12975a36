"""No secret ever leaves the encrypted store: not in logs, messages, crash details or files.

Every use case runs with logging at DEBUG (the CLI in real processes, the desktop app in this
one), with HOME, the XDG folders, TMPDIR and VOUCH_HOME pointed into the test's folder, so that
every file written lands there. Then every byte written, everything printed and the text of
every error raised in a failure path is searched for the passphrases, the store key, the
identity seed and the recovery phrase, in the encodings a careless log line would use.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import re
import socket
import sys
import tempfile
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import base58
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from support.cli import read_until, run_child, start_child
from vouch.core.errors import VouchError
from vouch.core.records import Level
from vouch.core.store import kdf
from vouch.flows.first_run import Step
from vouch.gui import worker
from vouch.gui.app import configure_application
from vouch.gui.dialogs import crash
from vouch.gui.dialogs.export_dialog import ExportDialog
from vouch.gui.dialogs.import_dialog import ImportDialog
from vouch.gui.main_window import MainWindow
from vouch.wallet import Wallet

PASSPHRASE = "Quokka-Zephyr-Marmalade-8841"
NEW_PASSPHRASE = "Tangerine-Oblivion-Harp-2093"
WRONG_PASSPHRASE = "Not-The-Right-One-5512"
PEER_PASSPHRASE = "peer passphrase for tests"
RUN_LENGTH = 4  # this many consecutive recovery words anywhere count as a leak


# -- the secrets and how they could appear ---------------------------------------------------


def _b64_forms(value: bytes) -> list[bytes]:
    """Base64 (standard and URL-safe) of `value` at each of the three alignments in a stream."""
    forms: list[bytes] = []
    for shift in range(3):
        for encode in (base64.b64encode, base64.urlsafe_b64encode):
            text = encode(bytes(shift) + value).rstrip(b"=")
            forms.append(text if shift == 0 else text[4:-4])
    return forms


class Secrets:
    """What must never be written anywhere, in every form that would give it away."""

    def __init__(self) -> None:
        self.forms: dict[bytes, str] = {}
        self.phrase_runs: set[tuple[str, ...]] = set()

    def add_bytes(self, name: str, value: bytes) -> None:
        forms = [value, value.hex().encode(), value.hex().upper().encode()]
        forms += [base58.b58encode(value), *_b64_forms(value)]
        for form in forms:
            self.forms[form] = name

    def add_text(self, name: str, text: str) -> None:
        for form in (text.encode(), text.encode("utf-16-le"), text.lower().encode()):
            self.forms[form] = name

    def add_phrase(self, phrase: str) -> None:
        words = phrase.lower().split()
        self.add_text("recovery phrase", " ".join(words))
        for start in range(len(words) - RUN_LENGTH + 1):
            self.phrase_runs.add(tuple(words[start : start + RUN_LENGTH]))

    def add_wallet(self, wallet: Wallet, passphrase: str) -> None:
        self.add_text("passphrase", passphrase)
        self.add_bytes("store key", wallet.store_key())
        identity = wallet.identity
        self.add_bytes("identity seed", identity.seed)
        self.add_bytes("x25519 private key", identity.x25519_private_key())
        self.add_phrase(identity.recovery_phrase)

    def leaks(self, data: bytes) -> list[str]:
        found = sorted({name for form, name in self.forms.items() if form in data})
        words = re.findall(rb"[a-z]+", data.lower())
        runs = {
            tuple(w.decode() for w in words[i : i + RUN_LENGTH])
            for i in range(len(words) - RUN_LENGTH + 1)
        }
        if runs & self.phrase_runs:
            found.append(f"{RUN_LENGTH} or more words of a recovery phrase")
        return found

    def check_text(self, label: str, text: str) -> None:
        leaked = self.leaks(text.encode("utf-8", "replace"))
        assert not leaked, f"{label} shows {leaked}: {text[:300]!r}"

    def check_tree(self, root: Path) -> int:
        """Every file under `root`; returns how many were read."""
        count = 0
        for path in sorted(root.rglob("*")):
            if path.is_file() and not path.is_symlink():
                leaked = self.leaks(path.read_bytes())
                assert not leaked, f"{path.relative_to(root)} holds {leaked}"
                count += 1
        return count


def exception_text(exc: BaseException) -> str:
    return f"{exc}\n{exc!r}\n" + "".join(traceback.format_exception(exc))


# -- keeping every file the run writes inside tmp_path ---------------------------------------


def isolate(monkeypatch: pytest.MonkeyPatch, root: Path) -> dict[str, str]:
    """Point every per-user folder into `root`; returns the environment for child processes."""
    folders = {
        "HOME": root / "home",
        "XDG_CONFIG_HOME": root / "xdg-config",
        "XDG_DATA_HOME": root / "xdg-data",
        "XDG_CACHE_HOME": root / "xdg-cache",
        "XDG_STATE_HOME": root / "xdg-state",
        "XDG_RUNTIME_DIR": root / "xdg-runtime",
        "TMPDIR": root / "tmp",
        "VOUCH_HOME": root / "default-wallet",
    }
    for name, folder in folders.items():
        if name != "VOUCH_HOME":
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setenv("VOUCH_KDF_COST", "minimal")
    for name in ("VOUCH_PASSPHRASE", "VOUCH_NEW_PASSPHRASE", "VOUCH_RECOVERY_PHRASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(tempfile, "tempdir", None)  # tempfile caches the folder it chose
    return dict(os.environ)


def _settings_path(fmt: QSettings.Format) -> str:
    probe = QSettings(fmt, QSettings.Scope.UserScope, "probe-org", "probe-app")
    return str(Path(probe.fileName()).parent.parent)


@contextmanager
def settings_in(folder: Path) -> Iterator[None]:
    """QSettings of both formats go to `folder` for the duration, then back to where they were."""
    formats = (QSettings.Format.NativeFormat, QSettings.Format.IniFormat)
    before = {fmt: _settings_path(fmt) for fmt in formats}
    for fmt in formats:
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    try:
        yield
    finally:
        for fmt, path in before.items():
            QSettings.setPath(fmt, QSettings.Scope.UserScope, path)


@contextmanager
def debug_log(path: Path) -> Iterator[None]:
    root = logging.getLogger()
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
        handler.close()


# -- the desktop app's use cases -------------------------------------------------------------


@dataclass
class GuiRun:
    home: Path
    store_keys: list[bytes] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)


def _failed_unlock(qtbot: QtBot, window: MainWindow, passphrase: str) -> str:
    page = window.unlock_page
    page.passphrase.setText(passphrase)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: page.unlock_button.isEnabled(), timeout=10_000)
    return page.message.text()


def _unlock(qtbot: QtBot, window: MainWindow, passphrase: str) -> None:
    page = window.unlock_page
    page.passphrase.setText(passphrase)
    with qtbot.waitSignal(window.session.unlocked, timeout=10_000):
        page.unlock_button.click()


def _first_run_create(qtbot: QtBot, window: MainWindow, run: GuiRun) -> None:
    page = window.first_run
    page.create_button.click()
    page.pass1.setText(PASSPHRASE)
    page.pass2.setText(PASSPHRASE)
    page.pass_next.click()
    qtbot.waitUntil(
        lambda: page.stack.currentWidget() is page.pages[Step.SHOW_PHRASE], timeout=10_000
    )
    words = [label.text().split("</b> ")[1] for label in page.word_labels]
    page.seen_button.click()
    for edit in page.quiz_edits:
        edit.setText("wrong")
    page.quiz_next.click()
    run.texts["quiz message"] = page.quiz_message.text()
    for edit, pos in zip(page.quiz_edits, page.flow.quiz, strict=True):
        edit.setText(words[pos])
    with qtbot.waitSignal(window.session.unlocked, timeout=10_000):
        page.quiz_next.click()
    run.store_keys.append(window.session.wallet.store_key())


def _reveal_phrase(qtbot: QtBot, window: MainWindow, run: GuiRun) -> None:
    window.show_page(0)
    window.me_page.phrase_button.click()
    dialog = window.me_page.dialog
    assert dialog is not None
    dialog.passphrase.setText(WRONG_PASSPHRASE)
    dialog.show_button.click()
    qtbot.waitUntil(dialog.message.isVisible, timeout=10_000)
    run.texts["phrase dialog, wrong passphrase"] = dialog.message.text()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.show_button.click()
    qtbot.waitUntil(lambda: dialog.phrase != "", timeout=10_000)
    assert dialog.words.count() == 24
    dialog.accept()


def _endorse_export_import(
    qtbot: QtBot, window: MainWindow, root: Path, monkeypatch: pytest.MonkeyPatch, run: GuiRun
) -> None:
    peer = Wallet.create(root / "peer", PEER_PASSPHRASE)
    wallet = window.session.wallet
    wallet.add_contact(peer.did, "Pat", verified=True)
    window.session.notify_changed()
    window.endorse_person(peer.did)
    endorse = window.endorse_page
    endorse.scope.setEditText("plumbing")
    endorse.comment.setText("fixed the boiler")
    qtbot.waitUntil(endorse.sign_button.isEnabled, timeout=10_000)
    endorse.sign_button.click()
    assert wallet.count_endorsements() == 1

    window.show_export(person=peer.did)
    export = next(d for d in window.dialogs if isinstance(d, ExportDialog))
    target = root / "exports" / "for-pat.vouch"
    target.parent.mkdir()
    monkeypatch.setattr(
        "vouch.gui.dialogs.export_dialog.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), ""),
    )
    export.save_button.click()
    export.copy_button.click()
    assert target.exists()
    export.close()

    peer.endorse(wallet.did, "carpentry", Level.STRONGLY)
    bundle = root / "exports" / "from-pat.vouch"
    peer.export_to_file(bundle)
    peer.lock()
    for data in (bundle.read_bytes(), "vouch:1:this-is-not-a-bundle"):
        window.import_data(data)
        dialog = next(d for d in window.dialogs if isinstance(d, ImportDialog))
        qtbot.waitUntil(lambda d=dialog: d.job is None, timeout=10_000)
        run.texts[f"import dialog {len(run.texts)}"] = dialog.summary.text() + dialog.message.text()
        if dialog.import_button.isEnabled():
            with qtbot.waitSignal(dialog.accepted, timeout=10_000):
                dialog.import_button.click()
        else:
            dialog.reject()
    assert wallet.count_endorsements() == 2


def _change_passphrase(qtbot: QtBot, window: MainWindow, run: GuiRun) -> None:
    page = window.settings_page
    window.show_page(window.pages.index(page))
    page.theme_combo.setCurrentIndex(page.theme_combo.findData("dark"))
    page.passphrase_button.click()
    dialog = page.passphrase_dialog
    dialog.old.setText(WRONG_PASSPHRASE)
    dialog.new1.setText(NEW_PASSPHRASE)
    dialog.new2.setText(NEW_PASSPHRASE)
    dialog.ok.click()
    qtbot.waitUntil(dialog.ok.isEnabled, timeout=10_000)
    run.texts["change passphrase, wrong old"] = dialog.message.text()
    dialog.old.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok.click()
    run.store_keys.append(window.session.wallet.store_key())


def _forced_crash(qtbot: QtBot, window: MainWindow, run: GuiRun) -> None:
    """A bug while the passphrase is being used: the crash dialog's details must not show it."""

    def broken(self: kdf.KdfParams, passphrase: str) -> bytes:
        raise RuntimeError("simulated fault in key derivation")

    window.lock()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kdf.KdfParams, "derive", broken)
        window.unlock_page.passphrase.setText(NEW_PASSPHRASE)
        window.unlock_page.unlock_button.click()
        qtbot.waitUntil(lambda: bool(crash._open_dialogs), timeout=10_000)
    dialog = crash._open_dialogs[-1]
    assert "simulated fault" in dialog.details
    run.texts["crash details"] = dialog.details + dialog.text.toPlainText()
    dialog.reject()


def drive_gui(
    qtbot: QtBot, qapp: QApplication, root: Path, monkeypatch: pytest.MonkeyPatch
) -> GuiRun:
    """The desktop app's use cases, through its real widgets, on a new wallet in `root`."""
    configure_application(qapp)
    monkeypatch.setattr(sys, "excepthook", crash.handle_exception)
    run = GuiRun(home=root / "gui-wallet")
    window = MainWindow(run.home)
    qtbot.addWidget(window)
    window.show()
    try:
        _first_run_create(qtbot, window, run)
        window.lock()
        run.texts["unlock, wrong passphrase"] = _failed_unlock(qtbot, window, WRONG_PASSPHRASE)
        _unlock(qtbot, window, PASSPHRASE)
        _reveal_phrase(qtbot, window, run)
        _endorse_export_import(qtbot, window, root, monkeypatch, run)
        _change_passphrase(qtbot, window, run)
        _forced_crash(qtbot, window, run)
        _unlock(qtbot, window, NEW_PASSPHRASE)
    finally:
        window.close()
        worker.wait_for_all()
    return run


def test_gui_use_cases_leak_no_secret(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    isolate(monkeypatch, tmp_path)
    (tmp_path / "logs").mkdir()
    with settings_in(tmp_path / "xdg-config"), debug_log(tmp_path / "logs" / "gui.log"):
        run = drive_gui(qtbot, qapp, tmp_path, monkeypatch)
        QSettings().sync()

    secrets = Secrets()
    with Wallet.open(run.home, NEW_PASSPHRASE) as wallet:
        secrets.add_wallet(wallet, NEW_PASSPHRASE)
    secrets.add_text("passphrase", PASSPHRASE)
    for key in run.store_keys:
        secrets.add_bytes("store key", key)

    assert list(tmp_path.rglob("*.conf")) or list(tmp_path.rglob("*.ini"))  # QSettings landed here
    assert (tmp_path / "logs" / "gui.log").exists()
    for label, text in run.texts.items():
        assert text, label
        secrets.check_text(label, text)
    out, err = capfd.readouterr()
    secrets.check_text("stdout", out)
    secrets.check_text("stderr", err)
    assert "simulated fault" in err  # the crash details went to stderr too, and were searched
    assert secrets.check_tree(tmp_path) >= 5


# -- the CLI, in real processes --------------------------------------------------------------

CLI = (
    "import logging, sys\n"
    "logging.basicConfig(level=logging.DEBUG, filename=sys.argv.pop(1),\n"
    "    format='%(asctime)s %(name)s %(levelname)s %(message)s')\n"
    "from vouch.cli import main\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)


class CliRun:
    """Runs `vouch` in child processes; every log and every output is kept under `root`."""

    def __init__(self, root: Path, env: dict[str, str]) -> None:
        self.root, self.env, self.count = root, env, 0
        (root / "logs").mkdir(exist_ok=True)
        (root / "captured").mkdir(exist_ok=True)

    def command(self, wallet: Path, *args: str) -> list[str]:
        self.count += 1
        log = self.root / "logs" / f"cli-{self.count:02d}.log"
        return [sys.executable, "-c", CLI, str(log), "--wallet", str(wallet), *args]

    def __call__(
        self, wallet: Path, passphrase: str, *args: str, ok: bool = True, **extra: str
    ) -> str:
        env = {**self.env, "VOUCH_PASSPHRASE": passphrase, **extra}
        result = run_child(self.command(wallet, *args), env, timeout=60)
        name = f"{self.count:02d}-{args[0] if args[0] != '--json' else args[1]}"
        (self.root / "captured" / f"{name}.out").write_text(result.stdout, "utf-8")
        (self.root / "captured" / f"{name}.err").write_text(result.stderr, "utf-8")
        assert (result.returncode == 0) == ok, (args, result.stderr)
        return result.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _sync_on_loopback(cli: CliRun, alice: Path, bob: Path) -> None:
    address = f"127.0.0.1:{_free_port()}"
    share = start_child(
        cli.command(alice, "share", "--listen", address, "--no-announce", "--timeout", "30"),
        {**cli.env, "VOUCH_PASSPHRASE": NEW_PASSPHRASE},
    )
    lines: list[str] = []
    try:
        lines = read_until(share, "Listening on")
        assert lines[-1].strip() == f"Listening on {address}", lines
        report = json.loads(cli(bob, PASSPHRASE, "--json", "sync", address))
        assert report["sent"] >= 1
    finally:
        share.terminate()
        rest, _ = share.communicate(timeout=10)
        (cli.root / "captured" / "share.out").write_text("".join(lines) + rest, "utf-8")


def test_cli_use_cases_leak_no_secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = isolate(monkeypatch, tmp_path)
    cli = CliRun(tmp_path, env)
    alice, bob = tmp_path / "alice", tmp_path / "bob"
    alice_did = json.loads(cli(alice, PASSPHRASE, "--json", "init"))["did"]
    bob_did = json.loads(cli(bob, PASSPHRASE, "--json", "init"))["did"]
    secrets = Secrets()
    for home in (alice, bob):
        with Wallet.open(home, PASSPHRASE) as wallet:
            secrets.add_wallet(wallet, PASSPHRASE)
            phrase = wallet.identity.recovery_phrase

    cli(alice, PASSPHRASE, "whoami")
    cli(alice, WRONG_PASSPHRASE, "whoami", ok=False)
    cli(alice, PASSPHRASE, "contact", "add", bob_did, "--name", "Bob", "--verified")
    cli(bob, PASSPHRASE, "contact", "add", alice_did, "--name", "Alice", "--verified")
    given = json.loads(
        cli(alice, PASSPHRASE, "--json", "endorse", bob_did, "--scope", "plumbing", "--level", "3")
    )
    cli(alice, PASSPHRASE, "caution", bob_did, "--scope", "driving", "--reason", "too fast")
    cli(alice, PASSPHRASE, "endorse", bob_did, "--scope", "baking", "--level", "2")
    cli(alice, PASSPHRASE, "revoke", given["id"], "--reason", "moved away")
    cli(alice, PASSPHRASE, "list")
    bundle = tmp_path / "exports" / "alice.vouch"
    bundle.parent.mkdir()
    cli(alice, PASSPHRASE, "export", "--all", "-o", str(bundle))
    cli(alice, PASSPHRASE, "export", "--all", "--text")
    cli(bob, PASSPHRASE, "import", str(bundle))
    garbage = tmp_path / "exports" / "garbage.vouch"
    garbage.write_text("vouch:1:not a bundle at all")
    cli(bob, PASSPHRASE, "import", str(garbage), ok=False)
    cli(bob, PASSPHRASE, "verify", str(bundle))
    cli(bob, PASSPHRASE, "find", "baking")
    cli(bob, PASSPHRASE, "why", bob_did)
    cli(bob, PASSPHRASE, "opinions", bob_did)
    cli(bob, PASSPHRASE, "endorse", alice_did, "--scope", "gardening", "--level", "2")
    cli(alice, PASSPHRASE, "unlock-method", "status")
    cli(alice, PASSPHRASE, "passwd", VOUCH_NEW_PASSPHRASE=NEW_PASSPHRASE)
    cli(alice, PASSPHRASE, "whoami", ok=False)
    cli(alice, NEW_PASSPHRASE, "whoami")
    _sync_on_loopback(cli, alice, bob)

    bad_phrase = _with_wrong_last_word(phrase)
    cli(tmp_path / "restored", PASSPHRASE, "restore", ok=False, VOUCH_RECOVERY_PHRASE=bad_phrase)
    secrets.add_phrase(bad_phrase)
    with Wallet.open(alice, NEW_PASSPHRASE) as wallet:
        secrets.add_wallet(wallet, NEW_PASSPHRASE)
        assert wallet.count_endorsements() >= 3

    logs = list((tmp_path / "logs").glob("cli-*.log"))
    assert len(logs) == cli.count and any(p.stat().st_size for p in logs)
    assert "DEBUG" in "".join(p.read_text() for p in logs)  # the p2p layers logged at debug
    assert secrets.check_tree(tmp_path) > 2 * cli.count


def _with_wrong_last_word(phrase: str) -> str:
    """The phrase with its last word changed: its checksum no longer holds."""
    words = phrase.split()
    return " ".join([*words[:-1], "abandon" if words[-1] != "abandon" else "ability"])


# -- errors raised in failure paths ---------------------------------------------------------


def test_errors_in_failure_paths_show_no_secret(tmp_path: Path) -> None:
    home = tmp_path / "w"
    wallet = Wallet.create(home, PASSPHRASE)
    secrets = Secrets()
    secrets.add_wallet(wallet, PASSPHRASE)
    phrase = wallet.identity.recovery_phrase
    words = phrase.split()
    wrong_word = _with_wrong_last_word(phrase)
    secrets.add_phrase(wrong_word)
    secrets.add_text("passphrase", WRONG_PASSPHRASE)

    failures = [
        lambda: Wallet.open(home, WRONG_PASSPHRASE),
        lambda: wallet.recovery_phrase(WRONG_PASSPHRASE),
        lambda: wallet.change_passphrase(WRONG_PASSPHRASE, NEW_PASSPHRASE),
        lambda: wallet.change_passphrase(PASSPHRASE, "short"),
        lambda: wallet.import_data("vouch:1:" + PASSPHRASE),
        lambda: wallet.import_data(phrase),
        lambda: wallet.endorse(phrase, "plumbing", Level.STRONGLY),
        lambda: Wallet.create(tmp_path / "r1", PASSPHRASE, recovery_phrase=wrong_word),
        lambda: Wallet.create(tmp_path / "r2", PASSPHRASE, recovery_phrase=" ".join(words[:23])),
        lambda: Wallet.create(home, PASSPHRASE),
    ]
    for index, failure in enumerate(failures):
        with pytest.raises(VouchError) as info:
            failure()
        secrets.check_text(f"failure {index}", exception_text(info.value))
    wallet.lock()
    assert not Wallet.exists(tmp_path / "r1") and not Wallet.exists(tmp_path / "r2")
    assert secrets.check_tree(tmp_path) >= 2


def test_the_search_finds_every_form(tmp_path: Path) -> None:
    """The control: each way a secret could be written is found by the search above."""
    key, seed = bytes(range(32)), bytes(range(100, 132))
    phrase = " ".join(f"word{c}" for c in "abcdefghijklmnopqrstuvwx").replace("word", "w")
    secrets = Secrets()
    secrets.add_bytes("store key", key)
    secrets.add_bytes("identity seed", seed)
    secrets.add_text("passphrase", PASSPHRASE)
    secrets.add_phrase(phrase)
    words = phrase.split()
    samples = {
        "raw": b"xx" + key + b"yy",
        "hex": f"key={key.hex()}".encode(),
        "HEX": key.hex().upper().encode(),
        "b64": b"Zm9v" + base64.b64encode(b"12" + seed),
        "b64url": base64.urlsafe_b64encode(seed),
        "b58": base58.b58encode(seed),
        "pass": f"typed {PASSPHRASE}!".encode(),
        "pass16": PASSPHRASE.encode("utf-16-le"),
        "run": " ".join(f"{n + 5}. {w}" for n, w in enumerate(words[5:9])).encode(),
    }
    for name, data in samples.items():
        assert secrets.leaks(data), name
    assert not secrets.leaks(" ".join(words[3:6]).encode())  # three words are not a leak
    (tmp_path / "log.txt").write_bytes(samples["hex"])
    with pytest.raises(AssertionError, match="store key"):
        secrets.check_tree(tmp_path)
