"""Widgets shared by the detail panes: a list of related records, a label/value form."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QIcon, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.detail.sections import _MUTED, _muted
from crm_desktop.ui.forms import (
    LinkLabel,
)
from crm_desktop.ui.undo import LIST_KINDS, RowDelete

# ---------------------------------------------------------------- building blocks


class RecordList(QWidget):
    """A read-only table (or tree with groups) of records; Enter or double-click
    activates the record's id. Shows a sentence instead of an empty table."""

    recordActivated = Signal(str, int)  # kind, id
    deleteRequested = Signal(str, int)  # a ticket, project or opportunity row's "Delete…"

    def __init__(
        self,
        headers: Sequence[str],
        empty_text: str,
        parent: QWidget | None = None,
        *,
        compact: bool = False,
        max_rows: int = 8,
        stretch: int = 0,
    ) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.compact = compact
        self.max_rows = max_rows
        self.stretch = stretch
        self.model = QStandardItemModel(0, len(headers), self)
        self.model.setHorizontalHeaderLabels(self.headers)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.header().setStretchLastSection(False)
        self.view.activated.connect(self._activated)
        self.row_delete = RowDelete(self.view, self._deletable_at)
        self.row_delete.requested.connect(self.deleteRequested)
        self.empty = QLabel(empty_text, self)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(_MUTED)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)

    def _row(
        self, kind: str, rid: int, cells: Sequence[str], icon: QIcon | None = None
    ) -> list[QStandardItem]:
        items = [QStandardItem(c) for c in cells]
        items[0].setData((kind, rid), Qt.ItemDataRole.UserRole)
        if icon is not None:
            items[0].setIcon(icon)
        return items

    def set_rows(
        self,
        kind: str,
        rows: Sequence[tuple[int, Sequence[str]]],
        icons: Sequence[QIcon] | None = None,
    ) -> None:
        self.model.removeRows(0, self.model.rowCount())
        self.view.setRootIsDecorated(False)
        for i, (rid, cells) in enumerate(rows):
            self.model.appendRow(self._row(kind, rid, cells, icons[i] if icons else None))
        self._finish(bool(rows))

    def set_groups(
        self, groups: Sequence[tuple[str, str, int | None, Sequence[tuple[int, Sequence[str]]]]]
    ) -> None:
        """Groups of rows: (group text, group kind, group id, [(id, cells)]); rows are
        people (kind "person")."""
        self.model.removeRows(0, self.model.rowCount())
        self.view.setRootIsDecorated(True)
        any_rows = False
        for text, gkind, gid, rows in groups:
            head = QStandardItem(text)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            if gid is not None:
                head.setData((gkind, gid), Qt.ItemDataRole.UserRole)
            fill = [QStandardItem("") for _ in self.headers[1:]]
            for rid, cells in rows:
                head.appendRow(self._row("person", rid, cells))
            self.model.appendRow([head, *fill])
            any_rows = any_rows or bool(rows) or gid is not None
        self.view.expandAll()
        self._finish(any_rows)

    def _finish(self, has_rows: bool) -> None:
        for col in range(len(self.headers)):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if col == self.stretch
                else QHeaderView.ResizeMode.ResizeToContents
            )
            self.view.header().setSectionResizeMode(col, mode)
        self.stack.setCurrentWidget(self.view if has_rows else self.empty)
        if not has_rows:
            height = self.empty.sizeHint().height() + 8
        elif self.compact:
            visible = self.model.rowCount() + sum(
                self.model.item(r, 0).rowCount() for r in range(self.model.rowCount())
            )
            row_h = self.view.sizeHintForRow(0)
            if row_h <= 0:
                row_h = self.fontMetrics().height() + 4
            height = (
                self.view.header().sizeHint().height()
                + row_h * min(max(visible, 1), self.max_rows)
                + 2 * self.view.frameWidth()
                + 2
            )
        else:
            height = 16777215
        self.stack.setMaximumHeight(height)
        self.setMaximumHeight(height)
        self.stack.setMinimumHeight(min(height, 400) if self.compact or not has_rows else 0)

    def row_count(self) -> int:
        return self.model.rowCount()

    def ids(self) -> list[int]:
        out = []
        for r in range(self.model.rowCount()):
            data = self.model.item(r, 0).data(Qt.ItemDataRole.UserRole)
            if data:
                out.append(int(data[1]))
        return out

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        data = index.sibling(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        if data:
            self.recordActivated.emit(str(data[0]), int(data[1]))

    def _deletable_at(self, index: QModelIndex | QPersistentModelIndex) -> tuple[str, int] | None:
        data = index.sibling(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        return (str(data[0]), int(data[1])) if data and data[0] in LIST_KINDS else None


class InfoForm(QWidget):
    """Label/value rows of read-only values (rich text, links allowed)."""

    linkActivated = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(8)
        self.values: dict[str, LinkLabel] = {}

    def add(self, key: str, label: str) -> LinkLabel:
        value = LinkLabel("", self)
        value.internalLink.connect(self.linkActivated)
        name = QLabel(label, self)
        name.setStyleSheet(_MUTED)
        self.form.addRow(name, value)
        self.values[key] = value
        return value

    def set(self, key: str, html_text: str, *, hide_empty: bool = False) -> None:
        value = self.values[key]
        if not html_text:
            value.setText(_muted("—"))
            self.form.setRowVisible(value, not hide_empty)
            return
        value.setText(html_text)
        self.form.setRowVisible(value, True)

    def text(self, key: str) -> str:
        return self.values[key].text()
