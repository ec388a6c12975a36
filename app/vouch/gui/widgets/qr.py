"""A QR code drawn with QPainter from segno's module matrix."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4
MAX_QR_BYTES = 2_000  # beyond this, a code gets too dense to scan from a screen


class QrWidget(QWidget):
    """Always dark modules on white (scanners need it, whatever the theme)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix: list[list[bool]] = []
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("QR code"))
        self.setMinimumSize(160, 160)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self._text = text
        if text:
            code = segno.make(text, error="m", micro=False)
            self._matrix = [[bool(v) for v in row] for row in code.matrix]
        else:
            self._matrix = []
        self.setAccessibleDescription(
            self.tr("QR code of: {text}").format(text=text) if text else self.tr("empty")
        )
        self.update()

    @property
    def text(self) -> str:
        return self._text

    @property
    def modules(self) -> int:
        return len(self._matrix)

    def sizeHint(self) -> QSize:
        return QSize(240, 240)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def module_pixels(self) -> int:
        """Whole pixels per module at the current size (0 when empty): every module is drawn
        the same size, with the quiet zone around them, so the code stays crisp to scan."""
        if not self._matrix:
            return 0
        count = len(self._matrix) + 2 * QUIET_ZONE
        return max(1, min(self.width(), self.height()) // count)

    def fit(self, *, smallest: int = 3, largest: int = 8, max_side: int = 480) -> None:
        """Take a fixed size that is a whole number of pixels per module, as large as fits
        in `max_side` (between `smallest` and `largest` pixels per module)."""
        if not self._matrix:
            return
        count = len(self._matrix) + 2 * QUIET_ZONE
        pixels = max(smallest, min(largest, max_side // count))
        self.setFixedSize(count * pixels, count * pixels)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._matrix:
            return
        count = len(self._matrix) + 2 * QUIET_ZONE
        pixels = self.module_pixels()
        side = pixels * count
        left = (self.width() - side) // 2
        top = (self.height() - side) // 2
        painter = QPainter(self)
        painter.fillRect(QRect(left, top, side, side), QColor("white"))
        black = QColor("black")
        for y, row in enumerate(self._matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(
                        QRect(
                            left + (x + QUIET_ZONE) * pixels,
                            top + (y + QUIET_ZONE) * pixels,
                            pixels,
                            pixels,
                        ),
                        black,
                    )
        painter.end()
