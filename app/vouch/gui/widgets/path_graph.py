"""The paths that explain a trust result as a small graph: me on the left, them on the right."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from vouch.trust.results import TrustPath

NODE_H = 28
ROW_GAP = 14
MARGIN = 12


@dataclass(frozen=True)
class Layout:
    columns: list[list[str]]  # dids per column, left to right
    edges: list[tuple[str, str, str]]  # (from, to, label)


def layout_paths(paths: tuple[TrustPath, ...]) -> Layout:
    """Place each person in the column of their shortest distance from me."""
    depth: dict[str, int] = {}
    edges: dict[tuple[str, str], str] = {}
    target = paths[0].steps[-1].subject if paths and paths[0].steps else ""
    longest = max((len(p.steps) for p in paths), default=0)
    for path in paths:
        for i, step in enumerate(path.steps):
            depth[step.issuer] = min(depth.get(step.issuer, i), i)
            edges.setdefault((step.issuer, step.subject), step.level.words)
    if target:
        depth[target] = longest
    columns: list[list[str]] = [[] for _ in range(longest + 1)]
    for did, col in depth.items():
        columns[col].append(did)
    return Layout(columns, [(a, b, label) for (a, b), label in edges.items()])


class PathGraph(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = Layout([], [])
        self._name: Callable[[str], str] = str
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Trust paths"))
        self.setMinimumHeight(80)

    def set_paths(self, paths: tuple[TrustPath, ...], name: Callable[[str], str]) -> None:
        self._layout = layout_paths(paths) if paths else Layout([], [])
        self._name = name
        descriptions = [
            " → ".join([name(p.steps[0].issuer)] + [name(s.subject) for s in p.steps])
            for p in paths
            if p.steps
        ]
        self.setAccessibleDescription("; ".join(descriptions) or self.tr("No paths"))
        self.setToolTip("\n".join(descriptions))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        rows = max((len(c) for c in self._layout.columns), default=1)
        return QSize(480, 2 * MARGIN + rows * (NODE_H + ROW_GAP))

    def _positions(self) -> dict[str, QRectF]:
        columns = self._layout.columns
        if not columns:
            return {}
        metrics = QFontMetrics(self.font())
        width = max(
            (metrics.horizontalAdvance(self._name(d)) + 20 for c in columns for d in c),
            default=60,
        )
        span = max(self.width() - 2 * MARGIN - width, 1)
        step = span / max(len(columns) - 1, 1)
        positions: dict[str, QRectF] = {}
        for col, dids in enumerate(columns):
            total = len(dids) * NODE_H + (len(dids) - 1) * ROW_GAP
            top = (self.height() - total) / 2
            for row, did in enumerate(dids):
                x = MARGIN + col * step
                y = top + row * (NODE_H + ROW_GAP)
                positions[did] = QRectF(x, y, width, NODE_H)
        return positions

    def paintEvent(self, event: QPaintEvent) -> None:
        positions = self._positions()
        if not positions:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        accent = palette.color(QPalette.ColorRole.Highlight)
        edge_pen = QPen(QColor(text.red(), text.green(), text.blue(), 150), 1.5)
        for src, dst, label in self._layout.edges:
            a, b = positions[src], positions[dst]
            start = QPointF(a.right(), a.center().y())
            end = QPointF(b.left(), b.center().y())
            curve = QPainterPath(start)
            mid = (start.x() + end.x()) / 2
            curve.cubicTo(QPointF(mid, start.y()), QPointF(mid, end.y()), end)
            painter.setPen(edge_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(curve)
            painter.setPen(text)
            small = painter.font()
            small.setPointSizeF(small.pointSizeF() * 0.8)
            painter.setFont(small)
            painter.drawText(curve.pointAtPercent(0.5) + QPointF(-20, -4), label)
            painter.setFont(self.font())
        ends = {self._layout.columns[0][0], self._layout.columns[-1][0]}
        for did, rect in positions.items():
            painter.setPen(QPen(accent, 1.5))
            fill = accent if did in ends else palette.color(QPalette.ColorRole.Base)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 8, 8)
            painter.setPen(
                palette.color(QPalette.ColorRole.HighlightedText) if did in ends else text
            )
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._name(did))
        painter.end()
