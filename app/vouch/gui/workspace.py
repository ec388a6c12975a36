"""The open wallet's side of the window: the sidebar and the pages, built when first needed.

The sidebar is listed from `pages.catalog` at once (it costs nothing); the pages themselves,
and everything they import (the exchange runtime, the trust engine's views, QR codes), are
built the first time the wallet is being unlocked, so the locked screen shows without them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QWidget,
)

from vouch.gui.icons import icon
from vouch.gui.pages.base import Page
from vouch.gui.pages.catalog import ENTRIES
from vouch.gui.session import Session


class Workspace(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.nav = QListWidget()
        self.stack = QStackedWidget()
        self._pages: list[Page] | None = None
        self._on_built: list[Callable[[list[Page]], None]] = []
        self._fill_nav()
        self.nav.currentRowChanged.connect(self._show_row)
        layout = QHBoxLayout(self)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)

    def _fill_nav(self) -> None:
        nav = self.nav
        nav.setAccessibleName(self.tr("Pages"))
        nav.setIconSize(QSize(22, 22))
        nav.setSpacing(2)
        nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for index, entry in enumerate(ENTRIES, 1):
            title = entry.display_title()
            item = QListWidgetItem(icon(entry.icon_name), title)
            item.setToolTip(self.tr("{title} (Ctrl+{index})").format(title=title, index=index))
            nav.addItem(item)
        self._fit_nav()

    def _fit_nav(self) -> None:
        """The sidebar is exactly as wide as its longest page name needs (in any language),
        and keeps that width when the window narrows: names are never cut."""
        nav = self.nav
        metrics = nav.fontMetrics()
        longest = max(
            (metrics.horizontalAdvance(nav.item(r).text()) for r in range(nav.count())),
            default=0,
        )
        width = longest + nav.iconSize().width() + 2 * nav.spacing() + 44
        nav.setFixedWidth(width)

    def when_built(self, callback: Callable[[list[Page]], None]) -> None:
        """Call `callback(pages)` once the pages exist (at once if they already do)."""
        if self._pages is not None:
            callback(self._pages)
        else:
            self._on_built.append(callback)

    @property
    def is_built(self) -> bool:
        return self._pages is not None

    def built_pages(self) -> list[Page]:
        """The pages whether built or not yet: an empty list before they are (for shutting down)."""
        return list(self._pages or [])

    def pages(self) -> list[Page]:
        """The pages, in sidebar order; builds them the first time."""
        if self._pages is None:
            self._pages = [entry.page_class()(self.session) for entry in ENTRIES]
            for page in self._pages:
                self.stack.addWidget(page)
            self.stack.setCurrentIndex(max(self.nav.currentRow(), 0))
            callbacks, self._on_built = self._on_built, []
            for callback in callbacks:
                callback(self._pages)
        return self._pages

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.pages()
            self.stack.setCurrentIndex(row)
