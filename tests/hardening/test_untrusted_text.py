"""Text other people wrote is shown as text: never as markup, never as a link.

Petnames (a peer's paired name becomes one), comments, reasons and revocation reasons arrive
in bundles and syncs. A QLabel renders its text as rich text when it merely looks like markup,
so a comment could bring its own bold text, images and a link that opens on a click. Every
place that shows such text beside our own markup must show the characters as written. The
control runs the same tests on the code before the fix (see `support.baseline`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from support.baseline import assertion_failures, baseline_outcomes
from vouch.core import credentials as creds
from vouch.core.records import Level
from vouch.exchange import bundle as bundles
from vouch.gui import worker
from vouch.gui.dialogs.import_dialog import ImportDialog
from vouch.gui.pages.endorsements import EndorsementsPage
from vouch.gui.pages.find import FindPage
from vouch.gui.session import Session
from vouch.wallet import Wallet

PASSPHRASE = "untrusted text test passphrase"
COMMENT = 'Great <b>work</b> <a href="https://evil.example/">claim your prize</a>'
REASON = '<img src="https://evil.example/pixel.png"><a href="https://evil.example/">Details</a>'
PETNAME = 'Mal<a href="https://evil.example/">lory</a>'


def shown(label: QLabel) -> str:
    """What a person reads in `label`: markup rendered the way the label renders it."""
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield
    worker.wait_for_all()


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    """My wallet, holding what Mallory (a contact named by her own pairing) said."""
    me = Wallet.create(tmp_path / "me", PASSPHRASE)
    mallory = Wallet.create(tmp_path / "mallory", PASSPHRASE)
    carol = Wallet.create(tmp_path / "carol", PASSPHRASE)
    me.add_contact(mallory.did, PETNAME)
    me.endorse(mallory.did, "plumbing", Level.COMPLETELY)
    given = mallory.endorse(carol.did, "plumbing", Level.STRONGLY, comment=COMMENT)
    mallory.caution(me.did, "plumbing", REASON)
    mallory.revoke(given.id, REASON)
    mallory.endorse(carol.did, "plumbing", Level.MOST_THINGS, comment=COMMENT)
    me.import_data(mallory.export_bundle())
    mallory.lock()
    carol.lock()
    session = Session(tmp_path / "me")
    session.open(me)
    yield session
    session.lock()


def details_shown(page: EndorsementsPage) -> list[str]:
    """The details label for every statement in the list, each selected in turn."""
    texts = []
    for row in range(page.model.rowCount()):
        page.view.selectRow(row)
        texts.append(shown(page.summary))
    return texts


def test_endorsement_details_show_comments_reasons_and_names_as_written(
    qtbot: QtBot, session: Session
) -> None:
    page = EndorsementsPage(session)
    qtbot.addWidget(page)
    page.refresh()
    details = "\n".join(details_shown(page))
    assert f"Comment: {COMMENT}" in details
    assert REASON in details  # the caution's reason and the revocation's reason
    assert PETNAME in details


def test_the_import_preview_shows_the_presenter_as_written(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    mallory = Wallet.open(tmp_path / "mallory", PASSPHRASE)
    fresh = creds.unsigned_statement(
        mallory.did, session.wallet.did, "cooking", level=Level.STRONGLY
    )
    data = bundles.encode_bundle(mallory.identity, [creds.sign_statement(fresh, mallory.identity)])
    mallory.lock()
    dialog = ImportDialog(session, data)
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert shown(dialog.summary).startswith(f"From {PETNAME}: ")


def test_why_someone_is_found_shows_their_name_as_written(qtbot: QtBot, session: Session) -> None:
    page = FindPage(session)
    qtbot.addWidget(page)
    page.query.setEditText("plumbing")
    page.search()
    qtbot.waitUntil(lambda: bool(page.results), timeout=10_000)
    mallory = session.wallet.contacts()[0].did
    row = [r.did for r in page.results].index(mallory)
    page.tree.setCurrentItem(page.tree.topLevelItem(row))
    assert shown(page.explain_title).startswith(f"Why {PETNAME}: ")


def test_list_tooltips_show_comments_and_names_as_written(qtbot: QtBot, session: Session) -> None:
    page = EndorsementsPage(session)
    qtbot.addWidget(page)
    page.refresh()
    tips = []
    for row in range(page.model.rowCount()):
        tip = page.model.data(page.model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
        document = QTextDocument()
        document.setHtml(str(tip))  # a tooltip that looks like markup is shown as markup
        tips.append(document.toPlainText())
    assert any(COMMENT in tip for tip in tips)
    assert any(PETNAME in tip for tip in tips)


def test_messages_show_names_in_them_as_written(qtbot: QtBot) -> None:
    from vouch.gui.messages import InlineMessage

    message = InlineMessage()
    qtbot.addWidget(message)
    message.error(f"{PETNAME!r} could be any of two people.")
    assert shown(message) == f"{PETNAME!r} could be any of two people."


ATTACKS = [
    "test_endorsement_details_show_comments_reasons_and_names_as_written",
    "test_the_import_preview_shows_the_presenter_as_written",
    "test_why_someone_is_found_shows_their_name_as_written",
    "test_list_tooltips_show_comments_and_names_as_written",
    "test_messages_show_names_in_them_as_written",
]


def test_control_the_code_before_the_fix_rendered_their_markup(tmp_path: Path) -> None:
    outcomes = baseline_outcomes(Path(__file__), ATTACKS, tmp_path)
    assert set(assertion_failures(outcomes)) == set(ATTACKS), outcomes
