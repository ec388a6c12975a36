"""One set of icons: the app's line icons in message boxes, and no stock icons on dialog
buttons (the platform's fallback icons did not match the rest of the app)."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)

from vouch.gui.icons import app_icon, icon

_MESSAGE_ICONS = {
    QStyle.StandardPixmap.SP_MessageBoxWarning: "caution",
    QStyle.StandardPixmap.SP_MessageBoxCritical: "caution",
    QStyle.StandardPixmap.SP_MessageBoxInformation: "verified",
}


# What a dialog's buttons ask the style for where the platform puts icons on them (KDE does).
_DIALOG_BUTTON_ICONS = frozenset(
    pixmap
    for name, pixmap in QStyle.StandardPixmap.__members__.items()
    if name.startswith("SP_Dialog") and name.endswith("Button")
)


class VouchStyle(QProxyStyle):
    """The platform's style with the app's icons in message boxes and none on dialog buttons.

    Only `standardIcon` is overridden (a dialog's buttons take their icons from it, so an
    empty icon there is no icon). Overriding `styleHint` instead would do the same through
    `SH_DialogButtonBox_ButtonsHaveIcons`, but Qt calls it hundreds of times while a window
    is built, each call into Python converting the style option it passes (the first calls
    created Python types for 26 kinds of options): 5 ms of every start."""

    def standardIcon(
        self,
        standardIcon: QStyle.StandardPixmap,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        name = _MESSAGE_ICONS.get(standardIcon)
        if name is not None:
            return icon(name)
        if standardIcon == QStyle.StandardPixmap.SP_MessageBoxQuestion:
            return app_icon()
        if standardIcon in _DIALOG_BUTTON_ICONS:
            return QIcon()
        return super().standardIcon(standardIcon, option, widget)


def install(app: QApplication) -> None:
    """Use the app's style (once): the platform's style, with the app's icons."""
    if not isinstance(app.style(), VouchStyle):
        app.setStyle(VouchStyle())
