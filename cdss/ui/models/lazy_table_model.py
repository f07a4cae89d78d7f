"""A table model that fetches its rows page by page from a service, for lists of thousands of rows.

Qt asks ``canFetchMore``/``fetchMore`` as the view scrolls, so the first page appears at once and later pages load
only when someone scrolls to them. Rows are plain (frozen) data objects; columns say how to show them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
AnyIndex = QModelIndex | QPersistentModelIndex

#: The role under which a view or delegate gets the whole row object.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column(Generic[Row]):
    title: Callable[[], str]  # called on every header request, so a language switch shows at once
    display: Callable[[Row], Any]
    tooltip: Callable[[Row], str | None] | None = None
    alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class LazyTableModel(QAbstractTableModel, Generic[Row]):
    def __init__(self, columns: Sequence[Column[Row]], fetch_page: Callable[[int, int], Sequence[Row]],
                 count: Callable[[], int], page_size: int = 100, parent=None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._fetch_page = fetch_page
        self._count = count
        self._page_size = page_size
        self._rows: list[Row] = []
        self._total = 0
        self.reload()

    # -- loading -------------------------------------------------------------------------------------------------
    def reload(self, fetch_page: Callable[[int, int], Sequence[Row]] | None = None,
               count: Callable[[], int] | None = None) -> None:
        """Start over (e.g. for a new search), keeping only the first page."""
        self.beginResetModel()
        if fetch_page is not None:
            self._fetch_page = fetch_page
        if count is not None:
            self._count = count
        self._total = self._count()
        self._rows = list(self._fetch_page(0, self._page_size)) if self._total else []
        self.endResetModel()

    @property
    def total(self) -> int:
        """How many rows exist in all, fetched or not."""
        return self._total

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt signature
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008, N802 - Qt signature
        if parent.isValid():
            return
        page = list(self._fetch_page(len(self._rows), self._page_size))
        if not page:  # the data shrank since counting: stop asking
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # -- Qt model interface --------------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.display(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment.value)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt signature
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].title()
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def retranslate(self) -> None:
        """Tell views the header texts changed (after a language switch)."""
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
