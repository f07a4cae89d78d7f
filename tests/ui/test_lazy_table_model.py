"""The paged table model: valid for Qt's model tester, fetches pages on demand, restarts on reload."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from cdss.ui.models.lazy_table_model import ROW_ROLE, Column, LazyTableModel


@dataclass(frozen=True)
class Item:
    id: int
    name: str


class Source:
    def __init__(self, n: int) -> None:
        self.items = [Item(i, f"item {i}") for i in range(n)]
        self.pages: list[tuple[int, int]] = []

    def fetch(self, offset: int, limit: int) -> list[Item]:
        self.pages.append((offset, limit))
        return self.items[offset:offset + limit]

    def count(self) -> int:
        return len(self.items)


COLUMNS = [Column(lambda: "Id", lambda r: r.id, alignment=Qt.AlignmentFlag.AlignRight),
           Column(lambda: "Name", lambda r: r.name, tooltip=lambda r: f"tooltip {r.id}")]


def test_model_passes_qt_model_tester(qtmodeltester):
    source = Source(250)
    model = LazyTableModel(COLUMNS, source.fetch, source.count, page_size=40)
    qtmodeltester.check(model, force_py=True)


def test_pages_are_fetched_only_when_asked(qtbot):
    source = Source(250)
    model = LazyTableModel(COLUMNS, source.fetch, source.count, page_size=100)
    assert model.rowCount() == 100 and model.total == 250
    assert source.pages == [(0, 100)]
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 250 and not model.canFetchMore()
    assert source.pages == [(0, 100), (100, 100), (200, 100)]
    index = model.index(42, 1)
    assert model.data(index) == "item 42"
    assert model.data(index, ROW_ROLE) == Item(42, "item 42")
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "tooltip 42"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Name"


def test_reload_with_a_new_query_starts_over(qtbot):
    source, other = Source(250), Source(3)
    model = LazyTableModel(COLUMNS, source.fetch, source.count, page_size=100)
    model.fetchMore()
    model.reload(other.fetch, other.count)
    assert model.rowCount() == 3 and not model.canFetchMore()
    empty = Source(0)
    model.reload(empty.fetch, empty.count)
    assert model.rowCount() == 0 and empty.pages == []


def test_a_view_scrolling_to_the_end_pulls_more_rows(qtbot):
    source = Source(1000)
    model = LazyTableModel(COLUMNS, source.fetch, source.count, page_size=50)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > 50, timeout=3000)
