"""The app in the user's language: Qt translators for Vouch's own words and for Qt's.

The `.qm` files are built from the `.ts` sources in resources/i18n at install time (see
docs/TRANSLATING.md) and read from the installed `vouch.resources` package. A language whose
`.qm` is missing is not an error: the app shows English.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from vouch.gui.icons import resources_root

if TYPE_CHECKING:  # importlib.resources costs 4 ms at start-up
    from importlib.resources.abc import Traversable

SYSTEM = "system"
# (key, the language's name in that language): the names are never translated.
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("en", "English"),
    ("fr", "Français"),
)

_installed: list[QTranslator] = []
_buffers: dict[int, bytes] = {}  # a translator loaded from memory reads that memory later


def translations_dir() -> Traversable:
    return resources_root() / "i18n"


def language_for(choice: str, system: QLocale | None = None) -> str:
    """The language to show for a Settings choice ("system", "en", "fr", ...)."""
    known = dict(LANGUAGES)
    if choice in known:
        return choice
    locale = system if system is not None else QLocale.system()
    for name in locale.uiLanguages():
        code = name.replace("-", "_").split("_")[0].lower()
        if code in known:
            return code
    return "en"


def _load(translator: QTranslator, folder: Traversable | Path, name: str) -> bool:
    path = folder / name
    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError, OSError):
        return False
    if not translator.load(data):
        return False
    _buffers[id(translator)] = data
    return True


def install(choice: str, folder: Traversable | Path | None = None) -> str:
    """Show the app in the chosen language (replacing the one shown); returns its code.

    Dates and numbers follow that language too (`QLocale.setDefault`)."""
    app = QCoreApplication.instance()
    language = language_for(choice)
    while _installed:
        translator = _installed.pop()
        if app is not None:
            QCoreApplication.removeTranslator(translator)
        _buffers.pop(id(translator), None)
        translator.deleteLater()
    system = QLocale.system()
    locale = system if system.name().startswith(language) else QLocale(language)
    QLocale.setDefault(locale)
    if app is None:
        return language
    source = folder if folder is not None else translations_dir()
    ours = QTranslator(app)
    if _load(ours, source, f"vouch_{language}.qm"):
        QCoreApplication.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and qt.load(QLocale(language), "qtbase", "_", qt_folder):
        QCoreApplication.installTranslator(qt)
        _installed.append(qt)
    return language


def has_translation(language: str, folder: Traversable | Path | None = None) -> bool:
    source = folder if folder is not None else translations_dir()
    try:
        return (source / f"vouch_{language}.qm").is_file()
    except OSError:
        return False
