"""Light, dark or follow-the-system appearance."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from vouch.gui.marks import QT_TRANSLATE_NOOP

DEFAULT_THEME = "system"
THEMES: tuple[tuple[str, str], ...] = (
    (DEFAULT_THEME, QT_TRANSLATE_NOOP("Theme", "Same as the system")),
    ("light", QT_TRANSLATE_NOOP("Theme", "Light")),
    ("dark", QT_TRANSLATE_NOOP("Theme", "Dark")),
)


def theme_name(label: str) -> str:
    """A label of `THEMES` in the user's language."""
    return QCoreApplication.translate("Theme", label)


def _dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(230, 230, 230)
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor(40, 40, 43),
        QPalette.ColorRole.ToolTipBase: QColor(60, 60, 64),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor(140, 140, 140),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor(55, 55, 58),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor(255, 80, 80),
        QPalette.ColorRole.Highlight: QColor(42, 130, 218),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.Link: QColor(90, 170, 255),
        QPalette.ColorRole.Mid: QColor(70, 70, 74),
        QPalette.ColorRole.Dark: QColor(25, 25, 27),
        QPalette.ColorRole.Light: QColor(80, 80, 84),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    grey = QColor(120, 120, 120)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, grey)
    return p


_state: dict[str, str] = {"theme": DEFAULT_THEME}
_following: set[int] = set()


def apply_theme(app: QApplication, theme: str) -> None:
    """Apply `system`, `light` or `dark`. The system choice follows the desktop's scheme,
    live: a change of the desktop's light or dark mode applies at once."""
    _state["theme"] = theme
    _follow_system(app)
    hints = app.styleHints()
    if theme == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(_dark_palette())
    elif theme == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
        app.setPalette(app.style().standardPalette())
    else:
        hints.unsetColorScheme()
        if hints.colorScheme() == Qt.ColorScheme.Dark:
            app.setPalette(_dark_palette())
        else:
            app.setPalette(QPalette())


def current_theme() -> str:
    return _state["theme"]


def _follow_system(app: QApplication) -> None:
    """Once per application: when the desktop switches between light and dark, re-apply the
    "same as the system" choice (an explicit light or dark choice stays as it is)."""
    if id(app) in _following:
        return
    _following.add(id(app))
    app.styleHints().colorSchemeChanged.connect(lambda scheme: _system_changed(app, scheme))


def _system_changed(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """The desktop switched between light and dark (`scheme` is what it reports now)."""
    if _state["theme"] == DEFAULT_THEME:
        app.setPalette(_dark_palette() if scheme == Qt.ColorScheme.Dark else QPalette())


def is_dark(app: QApplication | None = None) -> bool:
    palette = app.palette() if app is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128
