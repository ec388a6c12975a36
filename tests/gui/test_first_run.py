"""First run through the real wizard: create (with the phrase quiz), restore, open a folder."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from gui_helpers import PASSPHRASE, open_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from vouch.flows.first_run import PHRASE_CONFIRMED, Step
from vouch.gui.main_window import MainWindow
from vouch.gui.pages.first_run import FirstRunPage
from vouch.wallet import Wallet


def _wizard(qtbot: QtBot, home: Path) -> tuple[MainWindow, FirstRunPage]:
    window = open_window(qtbot, home)
    page = window.first_run
    page._rng = random.Random(3)
    page.reset(home)
    assert window.central.currentWidget() is page
    return window, page


def _type_passphrase(page: FirstRunPage, first: str, second: str) -> None:
    page.pass1.setText(first)
    page.pass2.setText(second)
    page.pass_next.click()


def test_create_refuses_weak_and_mismatched_then_quizzes(qtbot: QtBot, home: Path) -> None:
    window, page = _wizard(qtbot, home)
    page.create_button.click()
    assert page.stack.currentWidget() is page.pages[Step.PASSPHRASE]

    page.pass1.setText("abc")
    assert page.strength_label.text().startswith("Very weak")
    _type_passphrase(page, "password1", "password1")
    assert page.pass_message.isVisible()
    assert "too easy to guess" in page.pass_message.text()
    # The reason is said once, under the field, not repeated in the message.
    assert "first passphrases anyone would try" in page.strength_label.text()
    assert "first passphrases anyone would try" not in page.pass_message.text()
    _type_passphrase(page, PASSPHRASE, PASSPHRASE + "x")
    assert page.pass_message.text() == "The two passphrases are not the same."
    assert not Wallet.exists(home)

    _type_passphrase(page, PASSPHRASE, PASSPHRASE)
    assert page.busy.isVisible()  # Argon2 runs off the GUI thread
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.pages[Step.SHOW_PHRASE])
    words = [label.text().split("</b> ")[1] for label in page.word_labels]
    assert len(words) == 24 and all(words)

    page.seen_button.click()
    assert page.stack.currentWidget() is page.pages[Step.QUIZ]
    for edit in page.quiz_edits:
        edit.setText("wrong")
    page.quiz_next.click()
    assert "does not match" in page.quiz_message.text()
    assert not window.session.is_unlocked

    for edit, pos in zip(page.quiz_edits, page.flow.quiz, strict=True):
        edit.setText(words[pos])
    with qtbot.waitSignal(window.session.unlocked):
        page.quiz_next.click()
    assert window.central.currentWidget() is window.workspace
    wallet = window.session.wallet
    assert wallet.get_setting(PHRASE_CONFIRMED) == "yes"
    assert wallet.recovery_phrase(PASSPHRASE) == " ".join(words)
    assert all(not label.text() for label in page.word_labels)  # the words are gone


def test_unconfirmed_phrase_is_flagged_on_me_page(qtbot: QtBot, home: Path) -> None:
    window, page = _wizard(qtbot, home)
    page.create_button.click()
    _type_passphrase(page, PASSPHRASE, PASSPHRASE)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.pages[Step.SHOW_PHRASE])
    window.close()  # quits before the quiz

    again = open_window(qtbot, home)
    assert again.central.currentWidget() is again.unlock_page
    again.unlock_page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(again.session.unlocked):
        again.unlock_page.unlock_button.click()
    again.show_page(0)
    assert again.me_page.phrase_warning.isVisible()
    again.close()


def test_restore_from_phrase_gives_the_same_identity(qtbot: QtBot, tmp_path: Path) -> None:
    original = Wallet.create(tmp_path / "original", PASSPHRASE)
    phrase, did = original.recovery_phrase(PASSPHRASE), original.did
    original.lock()
    window, page = _wizard(qtbot, tmp_path / "restored")
    page.restore_button.click()
    page.phrase_edit.setPlainText("just five words here now")
    page.restore_next.click()
    assert page.restore_message.text() == "A recovery phrase has 24 words; this has 5."
    page.phrase_edit.setPlainText(phrase.upper())
    page.restore_next.click()
    assert page.stack.currentWidget() is page.pages[Step.PASSPHRASE]
    with qtbot.waitSignal(window.session.unlocked, timeout=10_000):
        _type_passphrase(page, PASSPHRASE, PASSPHRASE)
    assert window.session.wallet.did == did
    assert window.session.wallet.get_setting(PHRASE_CONFIRMED) == "yes"


def test_restore_with_a_wrong_word_says_so_before_the_passphrase(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, page = _wizard(qtbot, tmp_path / "w")
    page.restore_button.click()
    page.phrase_edit.setPlainText(" ".join(["abandon"] * 24))  # real words, bad checksum
    page.restore_next.click()
    assert page.stack.currentWidget() is page.pages[Step.RESTORE_PHRASE]  # not on to the passphrase
    assert page.restore_message.isVisible()
    assert "do not fit together" in page.restore_message.text()
    assert not window.session.is_unlocked and not Wallet.exists(tmp_path / "w")


def test_a_mistyped_word_is_caught_as_it_is_typed(qtbot: QtBot, tmp_path: Path) -> None:
    _window, page = _wizard(qtbot, tmp_path / "w")
    page.restore_button.click()
    page.phrase_edit.setFocus()
    qtbot.keyClicks(page.phrase_edit, "abandon ability abl")
    assert not page.restore_message.isVisible()  # "abl" is still being typed
    qtbot.keyClicks(page.phrase_edit, "x ")
    assert page.restore_message.isVisible()
    assert page.restore_message.text().startswith("Word 3, “ablx”")
    for _ in range(2):
        qtbot.keyClick(page.phrase_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(page.phrase_edit, "e ")
    assert not page.restore_message.isVisible()  # "able" is a word


def test_the_recovery_words_are_offered_while_typing(qtbot: QtBot, tmp_path: Path) -> None:
    _window, page = _wizard(qtbot, tmp_path / "w")
    page.restore_button.click()
    page.phrase_edit.setFocus()
    qtbot.keyClicks(page.phrase_edit, "zo")
    completer = page.phrase_edit.completer
    offered = [
        completer.completionModel().index(r, 0).data()
        for r in range(completer.completionModel().rowCount())
    ]
    assert offered == ["zone", "zoo"]
    page.phrase_edit.insert_completion("zone")
    assert page.phrase_edit.toPlainText() == "zone "


def test_after_a_restore_from_the_phrase_the_app_says_how_to_get_endorsements_back(
    qtbot: QtBot, tmp_path: Path
) -> None:
    original = Wallet.create(tmp_path / "original", PASSPHRASE)
    phrase = original.recovery_phrase(PASSPHRASE)
    original.lock()
    window, page = _wizard(qtbot, tmp_path / "restored")
    page.restore_button.click()
    page.phrase_edit.setPlainText(phrase)
    page.restore_next.click()
    with qtbot.waitSignal(window.session.unlocked, timeout=10_000):
        _type_passphrase(page, PASSPHRASE, PASSPHRASE)
    note = window.restored_note
    assert note is not None and note.isVisible()
    assert "not in the recovery phrase" in note.text()
    assert "backup" in note.text() and "exchange" in note.text()


def test_open_existing_folder(
    qtbot: QtBot, tmp_path: Path, wallet_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, page = _wizard(qtbot, tmp_path / "empty")
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    chosen = iter([str(empty), str(wallet_home)])
    monkeypatch.setattr(
        "vouch.gui.pages.first_run.QFileDialog.getExistingDirectory",
        lambda *a, **k: next(chosen),
    )
    page.open_button.click()
    assert page.choose_message.text() == f"There is no Vouch wallet in {empty}."
    page.open_button.click()
    assert window.central.currentWidget() is window.unlock_page
    assert window.session.home == wallet_home
    assert str(wallet_home) in window.unlock_page.where.text()
