"""The pages of an open wallet, by name only: the window lists them (sidebar, Go menu) before
any page module is imported, so the locked screen shows without loading what the pages need."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication

from vouch.gui.marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from vouch.gui.pages.base import Page

PAGES = "Pages"  # the translation context of the page titles


class PageEntry(NamedTuple):  # not a dataclass: `dataclasses` is not loaded at start-up
    key: str  # also the main window's attribute: `<key>_page`
    title: str  # English; translated in the "Pages" context
    icon_name: str
    module: str
    class_name: str

    def display_title(self) -> str:
        """The page's name in the user's language."""
        return QCoreApplication.translate(PAGES, self.title)

    def page_class(self) -> type[Page]:
        """Imports the page's module (the first time) and returns its class."""
        cls: type[Page] = getattr(importlib.import_module(self.module), self.class_name)
        return cls


ENTRIES: tuple[PageEntry, ...] = (
    PageEntry("me", QT_TRANSLATE_NOOP("Pages", "Me"), "me", "vouch.gui.pages.me", "MePage"),
    PageEntry(
        "people",
        QT_TRANSLATE_NOOP("Pages", "People"),
        "people",
        "vouch.gui.pages.people",
        "PeoplePage",
    ),
    PageEntry(
        "endorse",
        QT_TRANSLATE_NOOP("Pages", "Endorse"),
        "endorse",
        "vouch.gui.pages.endorse",
        "EndorsePage",
    ),
    PageEntry(
        "endorsements",
        QT_TRANSLATE_NOOP("Pages", "Endorsements"),
        "endorsements",
        "vouch.gui.pages.endorsements",
        "EndorsementsPage",
    ),
    PageEntry(
        "find", QT_TRANSLATE_NOOP("Pages", "Find"), "find", "vouch.gui.pages.find", "FindPage"
    ),
    PageEntry(
        "exchange",
        QT_TRANSLATE_NOOP("Pages", "Exchange"),
        "exchange",
        "vouch.gui.pages.exchange",
        "ExchangePage",
    ),
    PageEntry(
        "settings",
        QT_TRANSLATE_NOOP("Pages", "Settings"),
        "settings",
        "vouch.gui.pages.settings",
        "SettingsPage",
    ),
)
BY_KEY = {entry.key: entry for entry in ENTRIES}
