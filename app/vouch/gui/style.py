"""One set of icons: the app's line icons in message boxes, and no stock icons on dialog
buttons (the platform's fallback icons did not match the rest of the app)."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QWidget,
)

from vouch.gui.icons import app_icon, icon

_MESSAGE_ICONS = {
    QStyle.StandardPixmap.SP_MessageBoxWarning: "caution",
    QStyle.StandardPixmap.SP_MessageBoxCritical: "caution",
    QStyle.StandardPixmap.SP_MessageBoxInformation: "verified",
}


class VouchStyle(QProxyStyle):
    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return super().styleHint(hint, option, widget, returnData)

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
        return super().standardIcon(standardIcon, option, widget)


def install(app: QApplication) -> None:
    """Use the app's style (once): the platform's style, with the app's icons."""
    if not isinstance(app.style(), VouchStyle):
        app.setStyle(VouchStyle())
