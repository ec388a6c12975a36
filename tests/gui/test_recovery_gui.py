"""Social recovery in the desktop app: real widgets offscreen, real wallets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import OTHER_PASSPHRASE, PASSPHRASE
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from vouch.gui.dialogs.help_recover import HelpRecoverDialog
from vouch.gui.dialogs.recover import RecoverDialog
from vouch.gui.main_window import MainWindow
from vouch.gui.widgets.guardians import GuardiansPanel
from vouch.wallet import Wallet, start_recovery


@pytest.fixture
def people(tmp_path: Path) -> Iterator[tuple[Wallet, list[Wallet]]]:
    owner = Wallet.create(tmp_path / "owner", PASSPHRASE)
    guardians = [Wallet.create(tmp_path / f"g{i}", PASSPHRASE) for i in range(3)]
    for i, g in enumerate(guardians):
        owner.add_contact(g.did, f"Guardian {i}")
    yield owner, guardians
    for wallet in (owner, *guardians):
        wallet.lock()


def test_the_panel_hands_out_shares_to_the_ticked_contacts(
    qtbot: QtBot, people: tuple[Wallet, list[Wallet]], tmp_path: Path
) -> None:
    owner, guardians = people
    panel = GuardiansPanel(owner)
    qtbot.addWidget(panel)
    assert not panel.hand_out_button.isEnabled()
    assert "cannot be taken back" in panel.warning.text()
    panel.check([g.did for g in guardians[:2]])
    assert panel.threshold.value() == 2 and panel.threshold.maximum() == 2
    panel.check([g.did for g in guardians])
    assert panel.threshold.value() == 3 and panel.hand_out_button.isEnabled()
    panel.threshold.setValue(2)
    made = panel.hand_out(tmp_path / "out")
    assert made is not None and len(made.files) == 3
    assert panel.splits.count() == 1 and "2 of 3" in panel.splits.item(0).text()
    assert panel.message.text().startswith("✓")


def test_help_dialog_saves_an_answer_only_after_the_check(
    qtbot: QtBot, people: tuple[Wallet, list[Wallet]], tmp_path: Path
) -> None:
    owner, guardians = people
    made = owner.hand_out_shares([g.did for g in guardians], 2, tmp_path / "out")
    guardians[0].import_share(made.files[0].read_bytes())
    started = start_recovery(tmp_path / "new", owner.did, PASSPHRASE)
    dialog = HelpRecoverDialog(guardians[0])
    qtbot.addWidget(dialog)
    dialog.request_edit.setPlainText("nonsense")
    assert dialog.message.is_error and not dialog.save_button.isEnabled()
    dialog.request_edit.setPlainText(started.line)
    assert dialog.words.text() == started.check_words
    assert not dialog.save_button.isEnabled()
    assert dialog.save(tmp_path / "a.vouchanswer") is None
    dialog.confirmed.setChecked(True)
    assert dialog.save_button.isEnabled()
    assert dialog.save(tmp_path / "a.vouchanswer") == tmp_path / "a.vouchanswer"


def test_recover_dialog_from_request_to_wallet(
    qtbot: QtBot, people: tuple[Wallet, list[Wallet]], tmp_path: Path
) -> None:
    owner, guardians = people
    made = owner.hand_out_shares([g.did for g in guardians], 2, tmp_path / "out")
    for g, file in zip(guardians, made.files, strict=True):
        g.import_share(file.read_bytes())
    home = tmp_path / "new"
    dialog = RecoverDialog(home)
    qtbot.addWidget(dialog)
    assert not dialog.start_box.isHidden() and dialog.request_box.isHidden()
    dialog.did_edit.setText(owner.did)
    dialog.new_passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.started is not None, timeout=10_000)
    assert dialog.request_box.isVisibleTo(dialog) and dialog.qr.modules > 0
    line = dialog.line_view.toPlainText()
    dialog.copy()
    assert QGuiApplication.clipboard().text() == line
    assert not dialog.finish_button.isEnabled()
    answers = []
    for i in (0, 2):
        path = tmp_path / f"{i}.vouchanswer"
        path.write_bytes(guardians[i].answer_recovery(line))
        answers.append(path)
    assert dialog.add_answer(answers[0])
    assert dialog.progress.text() == "1 of 2 answers" and not dialog.finish_button.isEnabled()
    garbage = tmp_path / "g.vouchanswer"
    garbage.write_bytes(b"garbage")
    assert not dialog.add_answer(garbage) and dialog.message.is_error
    assert dialog.add_answer(answers[1])
    assert dialog.progress.text() == "2 of 2 answers" and dialog.finish_button.isEnabled()
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.recovered, timeout=10_000) as signal:
        qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    recovered = signal.args[0]
    assert recovered.did == owner.did
    recovered.lock()
    # A dialog opened again in a folder with a request under way shows that request.
    other = tmp_path / "other"
    made_here = start_recovery(other, owner.did, PASSPHRASE)
    again = RecoverDialog(other)
    qtbot.addWidget(again)
    assert again.line_view.toPlainText() == made_here.line


def test_a_share_file_opened_in_the_app_is_kept_and_people_say_whom_i_guard(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a .vouchshare goes to the guardian's wallet, not to the import preview."""
    me = window.session.wallet
    others = [Wallet.create(tmp_path / f"g{n}", OTHER_PASSPHRASE) for n in range(2)]
    owner = Wallet.create(tmp_path / "owner", OTHER_PASSPHRASE)
    try:
        guardians = [me.did, *(w.did for w in others)]
        for n, did in enumerate(guardians):
            owner.add_contact(did, f"Guardian {n}")
        me.add_contact(owner.did, "Olga")
        handed = owner.hand_out_shares(guardians, 2, tmp_path / "shares")
        said: list[str] = []
        monkeypatch.setattr(window, "_imported", said.append)
        window.import_data(handed.files[0].read_bytes())
        assert said and "Olga" in said[0] and "2 needed" in said[0]
        assert [s.owner for s in me.held_shares()] == [owner.did]
        people = window.people_page
        window.show_page(window.pages.index(people))
        people.refresh()
        assert people.guarding.isVisible() and "Olga (2 needed)" in people.guarding.text()
        assert people.help_recover_button.isVisible()
        me_page = window.me_page
        window.show_page(window.pages.index(me_page))
        assert me_page.guardians is not None and me_page.guardians.wallet is me
        assert me_page.guardians.people.count() == 1  # my one contact may be a guardian
        # A share sealed to someone else is refused with a message, and nothing is kept.
        warned: list[str] = []
        monkeypatch.setattr(
            "vouch.gui.main_window.QMessageBox.warning", lambda *a, **_k: warned.append(a[2])
        )
        window.import_data(handed.files[1].read_bytes())
        assert warned and len(me.held_shares()) == 1
    finally:
        for wallet in (*others, owner):
            wallet.lock()
