"""What every page of the main window shares."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QGuiApplication, QPalette, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from vouch.gui.pages.catalog import BY_KEY, PAGES
from vouch.gui.session import Session


class Page(QWidget):
    """A page refreshes from the wallet when shown after a change, and empties on lock."""

    key = ""  # its entry in `catalog`, which names it and gives its icon
    title = ""
    icon_name = ""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        entry = BY_KEY.get(cls.key)
        if entry is not None:
            cls.title, cls.icon_name = entry.title, entry.icon_name

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._stale = True
        self.setAccessibleName(self.display_title())
        session.changed.connect(self._on_changed)
        session.unlocked.connect(self._on_changed)
        session.locked.connect(self._on_locked)

    def display_title(self) -> str:
        """The page's name in the user's language (`title` is the English key)."""
        return QCoreApplication.translate(PAGES, self.title)

    def _on_changed(self) -> None:
        self._stale = True
        if self.isVisible() and self.session.is_unlocked:
            self._reload()

    def _on_locked(self) -> None:
        self._stale = True
        self.clear()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.session.is_unlocked:
            self._reload()

    def _reload(self) -> None:
        self._stale = False
        self.refresh()

    def refresh(self) -> None:
        """Fill the page from the wallet."""

    def clear(self) -> None:
        """Forget everything shown (the wallet was locked)."""

    def stop_timers(self) -> None:
        """Stop this page's timers (the app is quitting): none may fire into a closing window."""
        for timer in self.findChildren(QTimer):
            timer.stop()


def scrolling_layout(page: QWidget, name: str) -> QVBoxLayout:
    """The layout of a page that scrolls rather than make the window tall; `name` is the
    scroll area's accessible name."""
    content = QWidget()
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    scroll.setAccessibleName(name)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return QVBoxLayout(content)


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


class MutedLabel(QLabel):
    """Explanatory text, a little softer than the main text in any theme.

    The tint is worked out from the application's palette, and again whenever that palette
    changes (a theme chosen in Settings, or the desktop switching between light and dark):
    Qt tells each widget through a PaletteChange."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self._tinting = False
        self._tint()

    def _tint(self) -> None:
        color = QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
        color.setAlphaF(0.72)
        if self.palette().color(QPalette.ColorRole.WindowText) == color:
            return
        palette = QPalette()  # only the text colour is set here; the rest follows the parent
        palette.setResolveMask(0)
        palette.setColor(QPalette.ColorRole.WindowText, color)
        self._tinting = True
        try:
            self.setPalette(palette)
        finally:
            self._tinting = False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        changes = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if event.type() in changes and not self._tinting:
            self._tint()


def muted(text: str) -> QLabel:
    return MutedLabel(text)
