"""SVG icons from the installed `vouch.resources` package, tinted to follow the theme."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer

if TYPE_CHECKING:  # importlib.resources costs 4 ms at start-up
    from importlib.resources.abc import Traversable

_SIZES = (16, 20, 24, 32, 48)


def resources_root() -> Traversable:
    """The installed `vouch.resources` package (a source checkout's folder if not installed).

    Its folder is used directly where it is one (an installed wheel, an editable install, the
    packaged app): `importlib.resources` and its readers cost 4 ms at every start."""
    try:
        import vouch.resources
    except ModuleNotFoundError:
        source = Path(__file__).resolve().parents[3] / "resources"
        if source.is_dir():
            return source
        raise
    folder = Path(vouch.resources.__file__ or "").parent
    if (folder / "icons").is_dir():
        return folder
    import importlib.resources  # a package that is not a folder (a zip, say)

    return importlib.resources.files("vouch.resources")


@cache
def _svg_bytes(name: str) -> bytes:
    root = resources_root()
    path = root / f"{name}.svg" if name == "vouch" else root / "icons" / f"{name}.svg"
    return path.read_bytes()


def _render(data: bytes, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(data))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def _tinted(name: str, color: QColor) -> bytes:
    return _svg_bytes(name).replace(b"currentColor", color.name().encode("ascii"))


class _ThemedEngine(QIconEngine):
    """Renders the SVG at paint time in the current palette's text colour, so icons follow
    a switch between light and dark without being rebuilt."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        palette = QGuiApplication.palette()
        group = (
            QPalette.ColorGroup.Disabled
            if mode == QIcon.Mode.Disabled
            else QPalette.ColorGroup.Normal
        )
        role = (
            QPalette.ColorRole.HighlightedText
            if mode == QIcon.Mode.Selected
            else QPalette.ColorRole.WindowText
        )
        data = _tinted(self._name, palette.color(group, role))
        return _render(data, max(1, min(size.width(), size.height())))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.drawPixmap(rect, self.pixmap(rect.size(), mode, state))

    def clone(self) -> QIconEngine:
        return _ThemedEngine(self._name)


def icon(name: str) -> QIcon:
    """A themed icon: strokes take the palette's text colour (dimmer when disabled)."""
    _svg_bytes(name)  # fail early on a missing icon
    return QIcon(_ThemedEngine(name))


@cache  # one icon for the window, the locked screen and message boxes
def app_icon() -> QIcon:
    result = QIcon()
    data = _svg_bytes("vouch")
    for size in (*_SIZES, 64, 128, 256):
        result.addPixmap(_render(data, size))
    return result
