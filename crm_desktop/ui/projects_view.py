"""Projects: every project with its customer, status, period, members and how much
was talked about it; new, edit, close/reopen and delete.

:class:`ProjectsView` is a page of the window (``Page(store, clock=…, parent=…)``): a
search field (project or customer name), a filter (open, closed, all) and a sortable
table. Double-click or Enter opens the project's timeline (every conversation on it,
across people); *Edit…* opens :class:`~crm_desktop.ui.project_dialog.ProjectDialog`.
Every save, close and delete hands the window one change record (``changesMade``);
deletes go through the window's undo (Ctrl+Z brings a project back).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock, to_local
from crm_desktop.data.models import ProjectStatus
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.services import projects as pj
from crm_desktop.services import textmatch
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.errors import error_label_text, show_error
from crm_desktop.ui.format import format_date
from crm_desktop.ui.i18n import project_status_label
from crm_desktop.ui.project_dialog import ProjectDialog

SEARCH_DELAY_MS = 250
NAME, CUSTOMER, STATUS, START, END, MEMBERS, TALKS, LAST = range(8)
STATUS_COLORS = {
    ProjectStatus.PLANNED: "#6a1b9a",
    ProjectStatus.ACTIVE: "#1565c0",
    ProjectStatus.ON_HOLD: "#ef6c00",
    ProjectStatus.DONE: "#2e7d32",
    ProjectStatus.CANCELLED: "#616161",
}


class ProjectsModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[pj.ProjectRow] = []
        self.today = dt.date.today()
        self._headers = [
            self.tr("Project"),
            self.tr("Customer"),
            self.tr("Status"),
            self.tr("Start"),
            self.tr("End"),
            self.tr("Members"),
            self.tr("Conversations"),
            self.tr("Last conversation"),
        ]
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list[pj.ProjectRow], today: dt.date) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.today = today
        if self._sort is not None:
            self._apply_sort(*self._sort)
        self.endResetModel()

    def row_of(self, project_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == project_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def _overdue(self, row: pj.ProjectRow) -> bool:
        return (
            row.end_date is not None
            and row.end_date < self.today
            and row.status not in pj.CLOSED_STATUSES
        )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == END and self._overdue(row):
                return self.tr("The end date has passed and the project is still open")
            return self._text(row, col) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (MEMBERS, TALKS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == STATUS:
                return QBrush(QColor(STATUS_COLORS.get(row.status, "#000000")))
            if col == END and self._overdue(row):
                return QBrush(QColor("#b3261e"))
        return None

    def _text(self, row: pj.ProjectRow, col: int) -> str:
        if col == NAME:
            return row.name
        if col == CUSTOMER:
            return row.company
        if col == STATUS:
            return project_status_label(row.status)
        if col == START:
            return format_date(row.start_date)
        if col == END:
            return format_date(row.end_date)
        if col == MEMBERS:
            return str(row.members)
        if col == TALKS:
            return str(row.activities)
        if col == LAST:
            return format_date(to_local(row.last_activity).date()) if row.last_activity else ""
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort(column, order)
        self.layoutChanged.emit()

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> None:
        far = dt.date.max
        moment = dt.datetime.min.replace(tzinfo=dt.UTC)
        statuses = list(ProjectStatus)

        def key(r: pj.ProjectRow) -> Any:
            name = textmatch.sort_text(r.name)
            if column == CUSTOMER:
                return (textmatch.sort_text(r.company), name)
            if column == STATUS:
                return (statuses.index(r.status), name)
            if column == START:
                return (r.start_date or far, name)
            if column == END:
                return (r.end_date or far, name)
            if column == MEMBERS:
                return (r.members, name)
            if column == TALKS:
                return (r.activities, name)
            if column == LAST:
                return (r.last_activity or moment, name)
            return (name,)

        self.rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)


class _ProjectsTable(QTableView):
    activated_row = Signal(QModelIndex)
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex())
            event.accept()
            return
        if event.key() == Qt.Key.Key_Delete and self.currentIndex().isValid():
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ProjectsView(QWidget):
    """The projects page."""

    changesMade = Signal(object)  # the Changes of a save, close or delete
    projectActivated = Signal(int)
    companyActivated = Signal(int)

    def __init__(
        self, store: Store, *, clock: Clock | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.setObjectName("projectsView")
        self.confirm: Callable[[str, str], bool] = self._confirm_dialog
        self.run_dialog: Callable[[ProjectDialog], int] = lambda dialog: dialog.exec()
        self._stale = True

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by project or customer"))
        self.search.setAccessibleName(self.tr("Search projects"))
        self.search.setClearButtonEnabled(True)
        label = QLabel(self.tr("&Find:"), self)
        label.setBuddy(self.search)
        bar.addWidget(label)
        bar.addWidget(self.search, 1)
        self.show_filter = QComboBox(self)
        self.show_filter.addItem(self.tr("Open projects"), "open")
        self.show_filter.addItem(self.tr("Closed projects"), "closed")
        self.show_filter.addItem(self.tr("All projects"), "all")
        self.show_filter.setAccessibleName(self.tr("Show"))
        bar.addWidget(self.show_filter)
        layout.addLayout(bar)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New project…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.close_button = QPushButton(self.tr("&Close project"), self)
        self.delete_button = QPushButton(self.tr("&Delete…"), self)
        for b in (self.new_button, self.edit_button, self.close_button, self.delete_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.stack = QStackedWidget(self)
        self.model = ProjectsModel(self)
        self.table = _ProjectsTable(self)
        self.table.setObjectName("projectsTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Projects"))
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.stack.addWidget(self.table)
        self.empty = QLabel(self)
        self.empty.setObjectName("projectsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(mid); font-size: 12pt;")
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.info = QLabel(self)
        self.info.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.info)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.show_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button.clicked.connect(lambda: self.new_project())
        self.edit_button.clicked.connect(lambda: self.edit_project())
        self.close_button.clicked.connect(lambda: self.toggle_closed())
        self.delete_button.clicked.connect(lambda: self.delete_project())
        self.table.doubleClicked.connect(self._activated)
        self.table.activated_row.connect(self._activated)
        self.table.delete_pressed.connect(lambda: self.delete_project())
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    # ------------------------------------------------------------ loading

    def apply_changes(self, changes: Changes) -> None:
        """Projects, their activities, members and customers; hidden, it loads when
        shown next."""
        if not changes.structure and not changes.touches(
            "projects", "activities", "companies", "people"
        ):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self.search_timer.stop()
        self._stale = False
        keep = self.current_id()
        show = str(self.show_filter.currentData())
        try:
            text = self.search.text().strip()

            def load(s: Session) -> tuple[list[pj.ProjectRow], bool]:
                rows = pj.list_projects(s, show=show, text=text)
                return rows, bool(rows) or bool(pj.list_projects(s, show="all"))

            rows, anything = ops.read(self.store, load)
        except Exception as exc:  # a damaged or lost store: the page says so, the log has it
            self.model.set_rows([], self.clock.now().date())
            self._show_empty(error_label_text(exc))
            self.info.clear()
            self._update_buttons()
            return
        self.model.set_rows(rows, to_local(self.clock.now()).date())
        if rows:
            self.stack.setCurrentWidget(self.table)
            self.table.resizeColumnsToContents()
            # the centre pane is narrow beside the tree and the timeline: names are
            # elided (the tooltip has them whole) so status and dates stay in view
            self.table.setColumnWidth(NAME, min(max(self.table.columnWidth(NAME) + 12, 160), 230))
            self.table.setColumnWidth(
                CUSTOMER, min(max(self.table.columnWidth(CUSTOMER) + 12, 120), 170)
            )
            row = self.model.row_of(keep) if keep is not None else -1
            self.table.selectRow(max(row, 0))
        elif not anything:
            self._show_empty(
                self.tr(
                    "No projects yet. “New project…” starts one; conversations logged on it "
                    "appear here, across every person involved."
                )
            )
        else:
            self._show_empty(self.tr("No project matches this search or filter."))
        if not rows:
            self.info.clear()
        elif len(rows) == 1:
            self.info.setText(self.tr("1 project"))
        else:
            self.info.setText(self.tr("{n} projects").format(n=len(rows)))
        self._update_buttons()

    def _show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def _update_buttons(self) -> None:
        row = self.current_row()
        self.edit_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        self.close_button.setEnabled(row is not None)
        if row is not None and row.status in pj.CLOSED_STATUSES:
            self.close_button.setText(self.tr("&Reopen project"))
        else:
            self.close_button.setText(self.tr("&Close project"))

    # ------------------------------------------------------------ selection

    def current_row(self) -> pj.ProjectRow | None:
        if self.stack.currentWidget() is not self.table:
            return None
        idx = self.table.currentIndex()
        if not idx.isValid() or not 0 <= idx.row() < len(self.model.rows):
            return None
        return self.model.rows[idx.row()]

    def current_id(self) -> int | None:
        row = self.current_row()
        return row.id if row is not None else None

    def select_project(self, project_id: int) -> bool:
        row = self.model.row_of(project_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def names(self) -> list[str]:
        return [r.name for r in self.model.rows]

    # ------------------------------------------------------------ actions

    def _publish(self, changes: Changes, select: int | None = None) -> None:
        self.refresh()
        if select is not None:
            self.select_project(select)
        self.changesMade.emit(changes)

    def new_project(self, company_id: int | None = None) -> int | None:
        dialog = ProjectDialog(self.store, company_id=company_id, clock=self.clock, parent=self)
        if self.run_dialog(dialog) and dialog.result_id is not None:
            self._publish(dialog.changes, dialog.result_id)
            return dialog.result_id
        return None

    def edit_project(self, project_id: int | None = None) -> bool:
        pid = project_id if project_id is not None else self.current_id()
        if pid is None:
            return False
        try:
            dialog = ProjectDialog(self.store, pid, clock=self.clock, parent=self)
        except CrmError as exc:  # deleted meanwhile
            show_error(self, exc)
            self.refresh()
            return False
        if not self.run_dialog(dialog):
            return False
        self._publish(dialog.changes, pid)
        return True

    def toggle_closed(self) -> bool:
        """Close an open project (done) or reopen a closed one (active); undoable."""
        row = self.current_row()
        if row is None:
            return False
        status = ProjectStatus.ACTIVE if row.status in pj.CLOSED_STATUSES else ProjectStatus.DONE
        try:
            result = ops.write(
                self.store, lambda s: pj.set_project_status(s, row.id, status, self.clock)
            )
        except Exception as exc:
            show_error(self, exc)
            self.refresh()
            return False
        self._sync_undo()
        self._publish(result.changes, row.id)
        return True

    def delete_project(self) -> bool:
        """Ask, then move the project to the trash (Ctrl+Z brings it back); its
        conversations stay with the people."""
        row = self.current_row()
        if row is None:
            return False
        question = self.tr(
            "Delete the project “{name}”? Its {n} conversations stay with the people; "
            "Edit → Undo brings the project back."
        ).format(name=row.name, n=row.activities)
        if not self.confirm(self.tr("Delete project"), question):
            return False
        from crm_desktop.services import undo as registry
        from crm_desktop.ui.undo import UndoManager

        manager = getattr(self.window(), "undo", None)
        label = self.tr("Delete project {name}").format(name=row.name)
        try:
            if isinstance(manager, UndoManager):
                manager.delete("project", row.id, label)  # publishes through the window
                self.refresh()
                return True
            _entry, changes = ops.write(
                self.store,
                lambda s: registry.delete_record(s, "project", row.id, label, self.clock),
            )
        except Exception as exc:
            show_error(self, exc)
            self.refresh()
            return False
        self._publish(changes)
        return True

    def _sync_undo(self) -> None:
        from crm_desktop.ui.undo import UndoManager

        manager = getattr(self.window(), "undo", None)
        if isinstance(manager, UndoManager):
            manager.sync()

    def show_customer(self) -> None:
        row = self.current_row()
        if row is not None and row.company_id is not None:
            self.companyActivated.emit(row.company_id)

    def context_actions(self) -> list[tuple[str, Callable[[], object]]]:
        row = self.current_row()
        if row is None:
            return [(self.tr("&New project…"), self.new_project)]
        actions: list[tuple[str, Callable[[], object]]] = [
            (self.tr("Show &conversations"), lambda: self.projectActivated.emit(row.id)),
            (self.tr("&Edit…"), self.edit_project),
        ]
        if row.company_id is not None:
            actions.append((self.tr("Show c&ustomer"), self.show_customer))
        actions.append(
            (
                self.tr("&Reopen project")
                if row.status in pj.CLOSED_STATUSES
                else self.tr("&Close project"),
                self.toggle_closed,
            )
        )
        actions.append((self.tr("&Delete…"), self.delete_project))
        return actions

    def _context_menu(self, pos: QPoint) -> None:
        idx = self.table.indexAt(pos)
        if idx.isValid():
            self.table.selectRow(idx.row())
        menu = QMenu(self)
        for text, slot in self.context_actions():
            menu.addAction(text, slot)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.projectActivated.emit(self.model.rows[index.row()].id)

    def _confirm_dialog(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


__all__ = ["ProjectsView"]
