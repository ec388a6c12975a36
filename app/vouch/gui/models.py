"""Qt item models over the facade's records. The endorsement table loads lazily, page by page."""

from __future__ import annotations

from collections import OrderedDict
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from vouch.core.identity import short_did
from vouch.core.records import Direction, Endorsement, EndorsementFilter, Kind, Status
from vouch.gui.text import escaped
from vouch.wallet import Wallet

Index = QModelIndex | QPersistentModelIndex
ENDORSEMENT_ROLE = Qt.ItemDataRole.UserRole + 1

DIRECTION_WORDS = {
    Direction.GIVEN: "I said",
    Direction.RECEIVED: "About me",
    Direction.OTHERS: "Others said",
}
# (header, sort key of Wallet.endorsements / Wallet.endorsement_keys)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("", "direction"),
    ("From", "issuer"),
    ("About", "subject"),
    ("Task", "scope"),
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


class NameBook:
    """Display names for identifiers: "Me", a petname, or a short form of the did."""

    def __init__(self, wallet: Wallet | None = None) -> None:
        self.me = wallet.did if wallet else ""
        self.names = {c.did: c.petname for c in wallet.contacts()} if wallet else {}

    def __call__(self, did: str) -> str:
        if did == self.me:
            return QCoreApplication.translate("NameBook", "Me")
        return self.names.get(did) or short_did(did)


_ROLES = frozenset(
    (
        ENDORSEMENT_ROLE,
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
    )
)


class EndorsementModel(QAbstractTableModel):
    """Endorsements matching a filter, in the wallet's order, read a window at a time.

    The wallet hands over the ordered keys of every matching row (cheap: no documents); the
    rows themselves are read `PAGE` at a time when the view shows them, and only the last
    `CACHED_PAGES` pages are kept. Sorting and filtering always run in the store.
    """

    PAGE = 200
    CACHED_PAGES = 32

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wallet: Wallet | None = None
        self._filter = EndorsementFilter()
        self._keys: list[int] = []
        self._pages: OrderedDict[int, list[Endorsement | None]] = OrderedDict()
        self._names = NameBook()
        self._now = now_utc()
        self._sort: tuple[str, bool] | None = None

    # -- source --------------------------------------------------------------------------
    def set_source(self, wallet: Wallet | None, flt: EndorsementFilter | None = None) -> None:
        self.beginResetModel()
        self._wallet = wallet
        if flt is not None:
            self._filter = flt
        self._pages.clear()
        self._now = now_utc()
        self._names = NameBook(wallet)
        sort, descending = self._sort if self._sort is not None else (None, False)
        self._keys = (
            wallet.endorsement_keys(self._filter, sort=sort, descending=descending)
            if wallet
            else []
        )
        self.endResetModel()

    @property
    def total(self) -> int:
        return len(self._keys)

    @property
    def names(self) -> NameBook:
        return self._names

    @property
    def sort_key(self) -> tuple[str, bool] | None:
        """(key, descending) the list is ordered by, or None for newest first."""
        return self._sort

    def endorsement(self, row: int) -> Endorsement:
        item = self._item(row)
        if item is None:
            raise IndexError(row)
        return item

    def cached_pages(self) -> int:
        return len(self._pages)

    # -- windowed loading ----------------------------------------------------------------
    def _item(self, row: int) -> Endorsement | None:
        if not 0 <= row < len(self._keys):
            return None
        number, place = divmod(row, self.PAGE)
        page = self._pages.get(number)
        if page is None:
            page = self._load(number)
        else:
            self._pages.move_to_end(number)
        return page[place] if place < len(page) else None

    def _load(self, number: int) -> list[Endorsement | None]:
        keys = self._keys[number * self.PAGE : (number + 1) * self.PAGE]
        found = self._wallet.endorsements_by_key(keys) if self._wallet is not None else {}
        page = [found.get(key) for key in keys]
        self._pages[number] = page
        while len(self._pages) > self.CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    # -- table ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

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
        # The view asks for a dozen roles per cell at every paint; only these have an answer,
        # so the others are turned away before any row is looked up.
        if role not in _ROLES or not index.isValid():
            return None
        item = self._item(index.row())
        if item is None:
            return None
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
        lines = [f"{who}: {item.scope}, {level_text(item)}"] + ([extra] if extra else [])
        # A tooltip is rich text as soon as it looks like markup: escape what others wrote.
        return "<p>" + "<br>".join(escaped(line) for line in lines) + "</p>"

    @property
    def sortable(self) -> bool:
        """Every column sorts, in the store, whatever the number of rows."""
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        wanted = (COLUMNS[column][1], descending) if 0 <= column < len(COLUMNS) else None
        if wanted == self._sort:
            return  # the view asks twice for one header click: one query is enough
        self._sort = wanted
        self.set_source(self._wallet)

    def clear_sort(self) -> None:
        """Back to newest first (the next `set_source` applies it)."""
        self._sort = None
