"""How the endorsement table looks: the model's words in the user's language, dates in the
user's format, and cautions and revoked statements marked by an icon, a word and a colour
(never by colour alone), readable in the light and the dark theme alike."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QIdentityProxyModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from vouch.core.records import Direction, Endorsement, Kind, Status
from vouch.gui.flow_words import level_words_text, status_words
from vouch.gui.icons import icon
from vouch.gui.models import COLUMNS, ENDORSEMENT_ROLE, EndorsementModel

Index = QModelIndex | QPersistentModelIndex


def header_words() -> list[str]:
    """The column titles, each one named (the first says whose statement it is)."""
    return [
        QCoreApplication.translate("StatementTable", "Whose"),
        QCoreApplication.translate("StatementTable", "From"),
        QCoreApplication.translate("StatementTable", "About"),
        QCoreApplication.translate("StatementTable", "Task"),
        QCoreApplication.translate("StatementTable", "Level"),
        QCoreApplication.translate("StatementTable", "Status"),
        QCoreApplication.translate("StatementTable", "Valid until"),
    ]


def direction_words(direction: Direction) -> str:
    return {
        Direction.GIVEN: QCoreApplication.translate("StatementTable", "I said"),
        Direction.RECEIVED: QCoreApplication.translate("StatementTable", "About me"),
        Direction.OTHERS: QCoreApplication.translate("StatementTable", "Others said"),
    }[direction]


def short_date(moment: Any) -> str:
    local = moment.astimezone()
    return QLocale().toString(
        QDate(local.year, local.month, local.day), QLocale.FormatType.ShortFormat
    )


def caution_colour() -> QColor:
    """A warm colour that reads on the window's background in either theme."""
    dark = QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    return QColor(240, 170, 60) if dark else QColor(160, 80, 0)


class StatementTableModel(QIdentityProxyModel):
    """Wraps the wallet's `EndorsementModel` without changing what it loads."""

    def __init__(self, source: EndorsementModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.source = source

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
            and 0 <= section < len(COLUMNS)
        ):
            return header_words()[section]
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.source.data(self.mapToSource(index), ENDORSEMENT_ROLE)
        if not isinstance(item, Endorsement):
            return super().data(index, role)
        key = COLUMNS[index.column()][1]
        status = self.source.status(item)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            me = self.source.names.me
            if key in ("issuer", "subject") and me and getattr(item, key) == me:
                return QCoreApplication.translate("StatementTable", "Me")
            if key == "direction":
                return direction_words(item.direction)
            if key == "level":
                return level_words_text(item)
            if key == "status":
                return status_words(status)
            if key == "valid_until":
                return short_date(item.valid_until)
        if role == Qt.ItemDataRole.DecorationRole and key == "direction":
            if status == Status.REVOKED:
                return icon("revoke")
            if item.kind == Kind.CAUTION:
                return icon("caution")
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if status in (Status.REVOKED, Status.EXPIRED):
                return QGuiApplication.palette().color(
                    QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
                )
            if item.kind == Kind.CAUTION:
                return caution_colour()
        if role == Qt.ItemDataRole.FontRole and (
            status == Status.REVOKED or item.kind == Kind.CAUTION
        ):
            font = QFont()
            font.setStrikeOut(status == Status.REVOKED)
            font.setBold(item.kind == Kind.CAUTION and status != Status.REVOKED)
            return font
        return super().data(index, role)
