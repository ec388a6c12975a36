"""What every page of the main window shares."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QGuiApplication, QPalette, QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from vouch.gui.session import Session


class Page(QWidget):
    """A page refreshes from the wallet when shown after a change, and empties on lock."""

    title = ""
    icon_name = ""
    key = ""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._stale = True
        self.setAccessibleName(self.title)
        session.changed.connect(self._on_changed)
        session.unlocked.connect(self._on_changed)
        session.locked.connect(self._on_locked)

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


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


class MutedLabel(QLabel):
    """Explanatory text, a little softer than the main text in any theme."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self._tint()

    def _tint(self) -> None:
        palette = QGuiApplication.palette()
        color = palette.color(QPalette.ColorRole.WindowText)
        color.setAlphaF(0.72)
        palette.setColor(QPalette.ColorRole.WindowText, color)
        self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._tint()


def muted(text: str) -> QLabel:
    return MutedLabel(text)
