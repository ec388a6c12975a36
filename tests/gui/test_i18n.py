"""The app in the user's language: every GUI string marked for translation, a complete French
translation, the language chosen from the system or in Settings, English when a translation
is missing."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import open_window, unlock
from i18n_check import unmarked
from PySide6.QtCore import QDate, QLocale
from pytestqt.qtbot import QtBot
from ui_walk import duplicates, mnemonics, show_without_network

from vouch.gui import i18n
from vouch.gui.main_window import MainWindow
from vouch.gui.preferences import Preferences

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "app" / "vouch" / "gui"
I18N = ROOT / "resources" / "i18n"
FRENCH = I18N / "vouch_fr.ts"
TOOLS = Path(sys.executable).parent
# Files still being written by other work: their strings are checked once they land.
PENDING: frozenset[str] = frozenset()
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?n")


def _tool(name: str) -> Path:
    path = TOOLS / name
    if not path.exists():
        pytest.skip(f"{name} is not installed")
    return path


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


@pytest.fixture
def french_qm(tmp_path: Path) -> Path:
    """vouch_fr.qm built from the .ts source, as the install does."""
    folder = tmp_path / "i18n"
    folder.mkdir()
    subprocess.run(
        [str(_tool("pyside6-lrelease")), str(FRENCH), "-qm", str(folder / "vouch_fr.qm")],
        check=True,
        capture_output=True,
    )
    return folder


@pytest.fixture
def back_to_english() -> Iterator[None]:
    yield
    i18n.install("en")


def test_every_gui_string_is_marked_for_translation() -> None:
    found = unmarked(GUI, ROOT / "app", PENDING)
    assert not found, "\n".join(str(f) for f in found)


def test_the_checker_finds_an_unmarked_string(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "label.setText('Hello there')\n"
        "label.setText(self.tr('Marked'))\n"
        "QPushButton(icon('x'), f'Save {name}')\n"
        "box.setToolTip(name)\n"
    )
    found = unmarked(tmp_path, tmp_path)
    assert [(f.line, f.text) for f in found] == [(1, "Hello there"), (3, "Save ")]


def test_the_french_translation_is_complete_and_keeps_every_placeholder() -> None:
    messages = _messages(FRENCH)
    assert len(messages) > 500
    problems = []
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"unfinished: {source!r}")
            continue
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.iter("numerusform")]
        else:
            forms = [translation.text or ""]
        for form in forms:
            if not form.strip():
                problems.append(f"empty: {source!r}")
            if sorted(PLACEHOLDER.findall(form.replace("%Ln", "%n"))) != sorted(
                PLACEHOLDER.findall(source.replace("%Ln", "%n"))
            ) and not (message.get("numerus") == "yes" and "%n" not in form):
                problems.append(f"placeholders differ: {source!r} -> {form!r}")
            if ("&" in source.replace("&&", "")) != ("&" in form.replace("&&", "")):
                problems.append(f"mnemonic lost or added: {source!r} -> {form!r}")
    assert not problems, "\n".join(problems)


def test_the_french_file_has_every_marked_string(tmp_path: Path) -> None:
    """A fresh extraction finds nothing that vouch_fr.ts lacks (run lupdate, then translate)."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in GUI.rglob("*.py"))
    subprocess.run(
        [str(_tool("pyside6-lupdate")), *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    wanted = {(m.findtext("source"), m.get("numerus") == "yes") for m in _messages(fresh)}
    have = {(m.findtext("source"), m.get("numerus") == "yes") for m in _messages(FRENCH)}
    assert not wanted - have, sorted(str(s) for s in wanted - have)


def test_the_language_follows_the_system_unless_chosen() -> None:
    assert i18n.language_for("system", QLocale("fr_CA")) == "fr"
    assert i18n.language_for("system", QLocale("de_DE")) == "en"  # not translated: English
    assert i18n.language_for("en", QLocale("fr_FR")) == "en"
    assert i18n.language_for("fr", QLocale("en_GB")) == "fr"


def test_the_app_speaks_french(
    qtbot: QtBot, wallet_home: Path, french_qm: Path, back_to_english: None
) -> None:
    assert i18n.install("fr", french_qm) == "fr"
    assert QLocale().language() == QLocale.Language.French
    window = open_window(qtbot, wallet_home)
    assert window.windowTitle() == "Verrouillé"
    assert window.unlock_page.unlock_button.text() == "Déverr&ouiller"
    unlock(qtbot, window)
    titles = [window.nav.item(r).text() for r in range(window.nav.count())]
    assert titles == [
        "Moi",
        "Personnes",
        "Recommander",
        "Recommandations",
        "Trouver",
        "Échanger",
        "Réglages",
    ]
    page = window.endorsements_page
    window.show_page(window.pages.index(page))
    assert page.count_label.text().startswith("Aucune déclaration")
    assert page.tr("%Ln statements", "", 2) == "2 déclarations"
    assert page.tr("%Ln statements", "", 1) == "1 déclaration"
    assert page.tr("%Ln statements", "", 12000) == f"{QLocale().toString(12000)} déclarations"
    # Dates in French order and words.
    endorse = window.endorse_page
    endorse.until.setDate(QDate(2031, 11, 28))
    assert endorse.until.text() == QLocale().toString(
        QDate(2031, 11, 28), endorse.until.displayFormat()
    )
    assert "2031" in endorse.until.text()
    # French mnemonics do not clash either.
    menu = mnemonics(window.menuBar())
    for index, shown_page in enumerate(window.pages):
        show_without_network(window, index)
        found = mnemonics(shown_page) + menu
        assert not duplicates(found), (shown_page.display_title(), duplicates(found))
    window.close()


def test_a_missing_translation_shows_english(
    qtbot: QtBot, wallet_home: Path, tmp_path: Path, back_to_english: None
) -> None:
    empty = tmp_path / "no-translations"
    empty.mkdir()
    i18n.install("fr", empty)  # no vouch_fr.qm there: nothing breaks
    assert not i18n.has_translation("fr", empty)
    window = open_window(qtbot, wallet_home)
    assert window.unlock_page.unlock_button.text() == "&Unlock"
    window.close()


def test_settings_offers_the_languages_and_remembers_the_choice(
    qtbot: QtBot, window: MainWindow, back_to_english: None
) -> None:
    page = window.settings_page
    window.show_page(window.pages.index(page))
    combo = page.language_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["system", "en", "fr"]
    assert combo.itemText(2) == "Français"  # each language named in its own words
    combo.setCurrentIndex(2)
    assert Preferences().language == "fr"
    assert page.message.isVisible()
    combo.setCurrentIndex(0)
    assert Preferences().language == "system"


def test_the_makefile_line_builds_what_the_app_loads(tmp_path: Path) -> None:
    """`pyside6-lrelease resources/i18n/vouch_fr.ts` gives the file the app looks for."""
    target = tmp_path / "i18n"
    shutil.copytree(I18N, target, ignore=shutil.ignore_patterns("*.qm"))
    for ts in sorted(target.glob("*.ts")):
        subprocess.run([str(_tool("pyside6-lrelease")), str(ts)], check=True, capture_output=True)
    assert i18n.has_translation("fr", target) and i18n.has_translation("en", target)
