"""Walking the app's real widgets: mnemonics, accessible names, focus chains.

Shared by the tests that check every page and dialog the same way.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenuBar,
    QWidget,
)

_MNEMONIC = re.compile(r"&(.)")


def mnemonic(text: str) -> str | None:
    """The mnemonic letter of `text` (lowercase), None when it has none ('&&' is a literal &)."""
    for match in _MNEMONIC.finditer(text.replace("&&", "")):
        return match.group(1).lower()
    return None


def shown(widget: QWidget, root: QWidget) -> bool:
    """Visible within `root` as far as `root` is concerned (root itself may be hidden)."""
    w: QWidget | None = widget
    while w is not None and w is not root:
        if w.isHidden():
            return False
        w = w.parentWidget()
    return True


def mnemonics(root: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every mnemonic shown in `root`: buttons, group boxes, labels with a
    buddy and the menu bar's menus."""
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not shown(widget, root):
            continue
        text = ""
        if isinstance(widget, QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            text = widget.title()
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text()
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                letter = mnemonic(action.text())
                if letter:
                    found.append((letter, action.text()))
            continue
        letter = mnemonic(text) if text else None
        if letter:
            found.append((letter, text))
    return found


def duplicates(found: list[tuple[str, str]]) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = {}
    for letter, text in found:
        by_letter.setdefault(letter, []).append(text)
    return {k: v for k, v in by_letter.items() if len(v) > 1}


def literal_ampersands(root: QWidget) -> list[str]:
    """Labels that would show an '&' as written: a mnemonic with no buddy to give it to."""
    bad = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if label.buddy() is None and mnemonic(text) and "<" not in text:
            bad.append(text)
    return bad


def show_without_network(window: Any, index: int) -> None:
    """Show a page; the Exchange page is walked as built, without starting its network loop
    (these checks are about widgets, and each loop started is one more to wind down)."""
    if window.pages[index] is not window.exchange_page:
        window.show_page(index)
