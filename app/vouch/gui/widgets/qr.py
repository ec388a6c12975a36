"""A QR code drawn with QPainter from segno's module matrix."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRectF, QSize, Qt
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
        self.setAccessibleName("QR code")
        self.setMinimumSize(160, 160)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self._text = text
        if text:
            code = segno.make(text, error="m", micro=False)
            self._matrix = [[bool(v) for v in row] for row in code.matrix]
        else:
            self._matrix = []
        self.setAccessibleDescription(f"QR code of: {text}" if text else "empty")
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

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._matrix:
            return
        side = min(self.width(), self.height())
        count = len(self._matrix) + 2 * QUIET_ZONE
        cell = side / count
        left = (self.width() - side) / 2
        top = (self.height() - side) / 2
        painter = QPainter(self)
        painter.fillRect(QRectF(left, top, side, side), QColor("white"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for y, row in enumerate(self._matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.drawRect(
                        QRectF(
                            left + (x + QUIET_ZONE) * cell,
                            top + (y + QUIET_ZONE) * cell,
                            cell + 0.5,
                            cell + 0.5,
                        )
                    )
        painter.end()
