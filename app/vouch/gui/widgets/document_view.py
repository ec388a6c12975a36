"""A signed document, one click away: a "Show the signed document" toggle over the JSON-LD,
laid out the same way everywhere (indented by two, monospace, never wrapped mid-word)."""

from __future__ import annotations

import json

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)


def pretty_document(text: str) -> str:
    """`text` indented by two spaces when it is JSON, else as it came."""
    try:
        return json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    except ValueError:
        return text


class DocumentView(QWidget):
    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toggle = QPushButton(self.tr("Show the signed &document"))
        self.toggle.setCheckable(True)
        self.toggle.setToolTip(self.tr("The exact JSON-LD document that is signed"))
        self.toggle.toggled.connect(self._toggled)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(accessible_name)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.hide()
        row = QHBoxLayout()
        row.addWidget(self.toggle)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.text, 1)
        self._layout: QBoxLayout | None = None
        self._spacer: QSpacerItem | None = None
        self._toggled(False)

    def place_in(self, layout: QBoxLayout) -> None:
        """Add to `layout`: closed, it takes only the toggle's height and the spare height
        stays below it; open, the document takes the spare height."""
        self._layout = layout
        layout.addWidget(self, 0)
        self._spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
        layout.addItem(self._spacer)
        self._toggled(self.toggle.isChecked())

    def _toggled(self, on: bool) -> None:
        self.text.setVisible(on)
        self.setSizePolicy(
            QSizePolicy.Policy.Preferred,
            QSizePolicy.Policy.Expanding if on else QSizePolicy.Policy.Maximum,
        )
        if self._layout is not None and self._spacer is not None:
            self._layout.setStretchFactor(self, 1 if on else 0)
            self._spacer.changeSize(
                0,
                0,
                QSizePolicy.Policy.Minimum,
                QSizePolicy.Policy.Minimum if on else QSizePolicy.Policy.Expanding,
            )
            self._layout.invalidate()
        self.toggle.setText(
            self.tr("Hide the signed &document") if on else self.tr("Show the signed &document")
        )

    def set_document(self, text: str) -> None:
        self.text.setPlainText(pretty_document(text) if text else "")
        self.toggle.setEnabled(bool(text))

    def clear(self) -> None:
        self.set_document("")

    def document(self) -> str:
        return self.text.toPlainText()
