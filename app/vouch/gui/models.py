"""Qt item models over the facade's records. The endorsement table loads lazily, page by page."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from vouch.core.identity import short_did
from vouch.core.records import Direction, Endorsement, EndorsementFilter, Kind, Status
from vouch.wallet import Wallet

Index = QModelIndex | QPersistentModelIndex
ENDORSEMENT_ROLE = Qt.ItemDataRole.UserRole + 1
LOCAL_SORT_LIMIT = 5_000  # beyond this, ordering needs Wallet.endorsements(sort=...)

DIRECTION_WORDS = {
    Direction.GIVEN: "I said",
    Direction.RECEIVED: "About me",
    Direction.OTHERS: "Others said",
}
# (header, sort key understood by Wallet.endorsements when it accepts `sort`)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("", "direction"),
    ("From", "issuer"),
    ("About", "subject"),
    ("Scope", "scope"),
    ("Level", "level"),
    ("Status", "status"),
    ("Valid until", "valid_until"),
)


def level_text(item: Endorsement) -> str:
    if item.kind == Kind.CAUTION or item.level is None:
        return "caution"
    return item.level.words


def date_text(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d")


def now_utc() -> datetime:
    return datetime.now(UTC)


def wallet_sorts(wallet: Wallet) -> bool:
    """Whether this facade can order the list itself (`sort=` and `descending=`)."""
    return "sort" in inspect.signature(wallet.endorsements).parameters


class NameBook:
    """Display names for identifiers: 'me', a petname, or a short form of the did."""

    def __init__(self, wallet: Wallet | None = None) -> None:
        self.me = wallet.did if wallet else ""
        self.names = {c.did: c.petname for c in wallet.contacts()} if wallet else {}

    def __call__(self, did: str) -> str:
        if did == self.me:
            return "me"
        return self.names.get(did) or short_did(did)


class EndorsementModel(QAbstractTableModel):
    """Endorsements matching a filter, fetched `PAGE` rows at a time as the view scrolls."""

    PAGE = 200

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wallet: Wallet | None = None
        self._filter = EndorsementFilter()
        self._rows: list[Endorsement] = []
        self._total = 0
        self._names = NameBook()
        self._now = now_utc()
        self._sort: tuple[str, bool] | None = None
        self.can_sort = False

    # -- source --------------------------------------------------------------------------
    def set_source(self, wallet: Wallet | None, flt: EndorsementFilter | None = None) -> None:
        self.beginResetModel()
        self._wallet = wallet
        if flt is not None:
            self._filter = flt
        self._rows = []
        self._now = now_utc()
        self._names = NameBook(wallet)
        self.can_sort = wallet is not None and wallet_sorts(wallet)
        self._total = wallet.count_endorsements(self._filter) if wallet else 0
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def reload(self) -> None:
        self.set_source(self._wallet)

    @property
    def total(self) -> int:
        return self._total

    @property
    def names(self) -> NameBook:
        return self._names

    def endorsement(self, row: int) -> Endorsement:
        return self._rows[row]

    # -- lazy loading ------------------------------------------------------------------
    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._wallet is None:
            return
        start = len(self._rows)
        kwargs: dict[str, Any] = {"offset": start, "limit": self.PAGE}
        if self._sort is not None and self.can_sort:
            kwargs["sort"], kwargs["descending"] = self._sort
        batch = self._wallet.endorsements(self._filter, **kwargs)
        if not batch:
            self._total = start
            return
        self.beginInsertRows(QModelIndex(), start, start + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()

    # -- table ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    def status(self, item: Endorsement) -> Status:
        return item.status(self._now)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if role == ENDORSEMENT_ROLE:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cell(item, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        return None

    def _cell(self, item: Endorsement, column: int) -> str:
        key = COLUMNS[column][1]
        if key == "direction":
            return DIRECTION_WORDS[item.direction]
        if key == "issuer":
            return self._names(item.issuer)
        if key == "subject":
            return self._names(item.subject)
        if key == "scope":
            return item.scope
        if key == "level":
            return level_text(item)
        if key == "status":
            return self.status(item).value
        return date_text(item.valid_until)

    def _tooltip(self, item: Endorsement) -> str:
        who = f"{self._names(item.issuer)} about {self._names(item.subject)}"
        extra = item.reason if item.kind == Kind.CAUTION else item.comment
        return f"{who}: {item.scope}, {level_text(item)}" + (f"\n{extra}" if extra else "")

    @property
    def sortable(self) -> bool:
        """Ordered by the wallet, or small enough to load whole and order here."""
        return self.can_sort or self._total <= LOCAL_SORT_LIMIT

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        self._sort = (COLUMNS[column][1], descending) if 0 <= column < len(COLUMNS) else None
        if self.can_sort or self._sort is None:
            self.set_source(self._wallet)
            return
        if self._total > LOCAL_SORT_LIMIT:
            return
        while self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())
        key = self._sort[0]
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=lambda item: self._sort_key(item, key), reverse=descending)
        self.layoutChanged.emit()

    def _sort_key(self, item: Endorsement, key: str) -> tuple[object, ...]:
        if key == "level":
            return (item.kind == Kind.ENDORSEMENT, int(item.level or 0))
        if key == "valid_until":
            return (item.valid_until,)
        return (self._cell(item, [k for _h, k in COLUMNS].index(key)).lower(),)
