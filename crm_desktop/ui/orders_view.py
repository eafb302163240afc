"""Orders: every order entered, to find, open, change and delete.

:class:`OrdersView` – a search field (order number or customer, searched as typed), a
status filter and a sortable table (number, date, customer, contact person, status,
net total, currency), newest first. Double-click or Enter opens the order in
:class:`~crm_desktop.ui.sales.order.OrderDialog`; *Delete…* moves it to the trash
after asking. The context menu also shows the customer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
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

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.services import orders as order_svc
from crm_desktop.services import textmatch
from crm_desktop.services import undo as undo_registry
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.format import format_date, format_money
from crm_desktop.ui.i18n import translate_error
from crm_desktop.ui.sales import ORDER_STATUS_LABELS, OrderDialog

ORDER_ID = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 250
STATUS_COLORS = {
    "open": "#1565c0",
    "delivered": "#2e7d32",
    "invoiced": "#616161",
    "cancelled": "#b3261e",
}

NUMBER, DATE, CUSTOMER, CONTACT, STATUS, NET, CURRENCY = range(7)


def status_label(status: str) -> str:
    """The translated name of an order status (the dialog's labels)."""
    label = ORDER_STATUS_LABELS.get(status)
    return QCoreApplication.translate("OrderDialog", label) if label else status


class OrdersModel(QAbstractTableModel):
    """Light order rows (:class:`~crm_desktop.services.orders.OrderRow`), sortable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[order_svc.OrderRow] = []
        self._headers = [
            self.tr("Number"),
            self.tr("Date"),
            self.tr("Customer"),
            self.tr("Contact person"),
            self.tr("Status"),
            self.tr("Net total"),
            self.tr("Currency"),
        ]
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list[order_svc.OrderRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        if self._sort is not None:
            self._apply_sort(*self._sort)
        self.endResetModel()

    def row_of(self, order_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == order_id), -1)

    # Qt model
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == NET:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (CUSTOMER, CONTACT):
            text = self._text(row, col)
            return text or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == NET:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == STATUS:
            color = STATUS_COLORS.get(row.status)
            return QBrush(QColor(color)) if color else None
        if role == ORDER_ID:
            return row.id
        return None

    def _text(self, row: order_svc.OrderRow, col: int) -> str:
        if col == NUMBER:
            return row.number
        if col == DATE:
            return format_date(row.order_date)
        if col == CUSTOMER:
            return row.customer
        if col == CONTACT:
            return row.person if row.company_id is not None else ""
        if col == STATUS:
            return status_label(row.status)
        if col == NET:
            return format_money(row.total_net, row.currency)
        if col == CURRENCY:
            return row.currency
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort(column, order)
        self.layoutChanged.emit()

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> None:
        statuses = list(order_svc.ORDER_STATUSES)

        def key(r: order_svc.OrderRow) -> Any:
            # the date (newest first) and the number break ties in every column
            tie = (r.order_date, r.number)
            if column == NUMBER:
                return (r.number,)
            if column == DATE:
                return tie
            if column == CUSTOMER:
                return (textmatch.sort_text(r.customer), *tie)
            if column == CONTACT:
                return (textmatch.sort_text(self._text(r, CONTACT)), *tie)
            if column == STATUS:
                rank = statuses.index(r.status) if r.status in statuses else len(statuses)
                return (rank, *tie)
            if column == NET:
                return (r.total_net, *tie)
            if column == CURRENCY:
                return (r.currency, *tie)
            return tie

        self.rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)


class _OrdersTable(QTableView):
    """The order table; Enter opens the current order."""

    activated_row = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class OrdersView(QWidget):
    """Every order: search, status filter, a sortable table; open, new and delete."""

    changed = Signal(object)  # the Changes of a save or delete
    companyActivated = Signal(int)
    personActivated = Signal(int)

    def __init__(
        self, store: Store, parent: QWidget | None = None, clock: Clock | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.confirm: Callable[[str, str], bool] = self._confirm_dialog
        # shows the order dialog and returns its result (tests drive the dialog instead)
        self.run_dialog: Callable[[OrderDialog], int] = lambda dialog: dialog.exec()
        self.limit = 500
        self.error: CrmError | None = None

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by order number or customer"))
        self.search.setAccessibleName(self.tr("Search orders"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&Find:"))
        search_label.setBuddy(self.search)
        bar.addWidget(search_label)
        bar.addWidget(self.search, 1)
        status_label_widget = QLabel(self.tr("S&tatus:"))
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for key in order_svc.ORDER_STATUSES:
            self.status.addItem(status_label(key), key)
        self.status.setAccessibleName(self.tr("Status"))
        status_label_widget.setBuddy(self.status)
        bar.addSpacing(8)
        bar.addWidget(status_label_widget)
        bar.addWidget(self.status)
        layout.addLayout(bar)
        # the buttons in a row of their own: the centre pane is narrow beside the tree
        # and the timeline, and the search field keeps its room
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New order…"))
        self.open_button = QPushButton(self.tr("&Open…"))
        self.delete_button = QPushButton(self.tr("&Delete…"))
        for b in (self.new_button, self.open_button, self.delete_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.stack = QStackedWidget()
        self.model = OrdersModel(self)
        self.table = _OrdersTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Orders"))
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(100)  # widths from the first rows
        self.stack.addWidget(self.table)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(mid); font-size: 12pt;")
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.info = QLabel()
        self.info.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.info)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.search.returnPressed.connect(self.refresh)
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button.clicked.connect(self.new_order)
        self.open_button.clicked.connect(lambda: self.open_order())
        self.delete_button.clicked.connect(lambda: self.delete_order())
        self.table.doubleClicked.connect(self._activated)
        self.table.activated_row.connect(self._activated)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    # ------------------------------------------------------------ data

    def filter_text(self) -> str:
        return self.search.text().strip()

    def status_filter(self) -> str | None:
        data = self.status.currentData()
        return str(data) if data else None

    def apply_changes(self, changes: Changes) -> None:
        """Orders and the customers they name.
        Hidden, it loads when it is shown next."""
        if self.isVisible() and changes.touches("orders", "companies", "people"):
            self.refresh()

    def refresh(self) -> None:
        """Load the orders matching the search and status (keeps the current order)."""
        self.search_timer.stop()
        keep = self.current_id()
        text, status = self.filter_text(), self.status_filter()
        try:

            def load(s: Session) -> tuple[list[order_svc.OrderRow], bool]:
                found = order_svc.list_orders(s, text=text or None, status=status, limit=self.limit)
                return found, bool(found) or bool(order_svc.list_orders(s, limit=1))

            rows, any_order = ops.read(self.store, load)
        except CrmError as exc:
            self.error = exc
            self.model.set_rows([])
            self._show_empty(translate_error(exc))
            self.info.clear()
            self._update_buttons()
            return
        self.error = None
        self.model.set_rows(rows)
        if rows:
            self.stack.setCurrentWidget(self.table)
            self._size_columns()
            row = self.model.row_of(keep) if keep is not None else -1
            self.table.selectRow(max(row, 0))
        elif not any_order:
            self._show_empty(
                self.tr("No orders yet. Sales → New order… enters one, or use the button above.")
            )
        else:
            self._show_empty(
                self.tr(
                    "No order matches this search. Clear the search field or choose"
                    " “{all}” to see every order."
                ).format(all=self.status.itemText(0))
            )
        self._update_info(len(rows))
        self._update_buttons()

    def _show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def _update_info(self, count: int) -> None:
        if count == 0:
            self.info.clear()
        elif count >= self.limit:
            self.info.setText(
                self.tr("The newest {count} orders are shown; search to find older ones.").format(
                    count=count
                )
            )
        elif count == 1:
            self.info.setText(self.tr("1 order"))
        else:
            self.info.setText(self.tr("{count} orders").format(count=count))

    def _size_columns(self) -> None:
        self.table.resizeColumnsToContents()
        # the customer is what people look for: room for it first (long names are elided
        # with a tooltip), the contact person after it; the table scrolls sideways
        self.table.setColumnWidth(
            CUSTOMER, min(max(self.table.columnWidth(CUSTOMER) + 12, 160), 280)
        )
        self.table.setColumnWidth(CONTACT, min(self.table.columnWidth(CONTACT) + 12, 200))
        self.table.setColumnWidth(NUMBER, self.table.columnWidth(NUMBER) + 12)
        self.table.setColumnWidth(NET, max(self.table.columnWidth(NET) + 12, 110))

    def _update_buttons(self) -> None:
        has = self.current_id() is not None
        self.open_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # ------------------------------------------------------------ selection

    def current_row(self) -> order_svc.OrderRow | None:
        if self.stack.currentWidget() is not self.table:
            return None
        idx = self.table.currentIndex()
        if not idx.isValid() or not 0 <= idx.row() < len(self.model.rows):
            return None
        return self.model.rows[idx.row()]

    def current_id(self) -> int | None:
        row = self.current_row()
        return row.id if row is not None else None

    def select_order(self, order_id: int) -> bool:
        row = self.model.row_of(order_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    def numbers(self) -> list[str]:
        """The order numbers in display order."""
        return [r.number for r in self.model.rows]

    # ------------------------------------------------------------ actions

    def make_dialog(self, order_id: int | None = None) -> OrderDialog:
        """The order dialog for ``order_id`` (a new order without one)."""
        if order_id is None:
            return OrderDialog(self.store, clock=self.clock, parent=self)
        return OrderDialog(self.store, order_id=order_id, clock=self.clock, parent=self)

    def new_order(self) -> None:
        dialog = self.make_dialog()
        if self.run_dialog(dialog) and dialog.result_id is not None:
            self._saved(dialog.result_id)

    def open_order(self, order_id: int | None = None) -> bool:
        """Open the order (the current one without an id); True when it was saved."""
        oid = order_id if order_id is not None else self.current_id()
        if oid is None:
            return False
        try:
            dialog = self.make_dialog(oid)
        except CrmError as exc:  # deleted meanwhile
            self._warn(exc)
            self.refresh()
            return False
        if not self.run_dialog(dialog):
            return False
        self._saved(oid)
        return True

    def _saved(self, order_id: int) -> None:
        self.refresh()
        self.select_order(order_id)
        self.changed.emit(Changes.of("order", order_id, structure=True))

    def delete_order(self, order_id: int | None = None) -> bool:
        """Ask, then move the order to the trash; True when it was deleted."""
        row = self.current_row() if order_id is None else None
        if order_id is not None:
            row = next((r for r in self.model.rows if r.id == order_id), None)
        if row is None:
            return False
        question = self.tr(
            "Move order {number} ({customer}, {total}) to the trash? Its number is not"
            " given out again."
        ).format(
            number=row.number,
            customer=row.customer or "–",
            total=format_money(row.total_net, row.currency),
        )
        if not self.confirm(self.tr("Delete order"), question):
            return False
        from crm_desktop.ui.undo import UndoManager

        manager = getattr(self.window(), "undo", None)
        try:
            if isinstance(manager, UndoManager):  # in the window: Ctrl+Z brings it back
                label = self.tr("Delete order {number}").format(number=row.number)
                manager.delete("order", row.id, label)  # the window publishes it
                self.refresh()
                return True
            label = self.tr("Delete order {number}").format(number=row.number)
            ops.write(  # undoable there too: the window's stack reads the entry
                self.store,
                lambda s: undo_registry.delete_record(s, "order", row.id, label, self.clock),
                sender=self,
                changes=Changes.of("order", row.id, structure=True),
            )
        except CrmError as exc:
            self._warn(exc)
            self.refresh()
            return False
        self.refresh()
        return True

    def show_customer(self) -> None:
        row = self.current_row()
        if row is None:
            return
        if row.company_id is not None:
            self.companyActivated.emit(row.company_id)
        elif row.person_id is not None:
            self.personActivated.emit(row.person_id)

    def show_contact(self) -> None:
        row = self.current_row()
        if row is not None and row.person_id is not None:
            self.personActivated.emit(row.person_id)

    def context_actions(self) -> list[tuple[str, Callable[[], object]]]:
        """The context menu of the current order as (text, action)."""
        row = self.current_row()
        if row is None:
            return [(self.tr("&New order…"), self.new_order)]
        actions: list[tuple[str, Callable[[], object]]] = [
            (self.tr("&Open…"), self.open_order),
        ]
        if row.company_id is not None or row.person_id is not None:
            actions.append((self.tr("Show &customer"), self.show_customer))
        if row.company_id is not None and row.person_id is not None:
            actions.append((self.tr("Show contact &person"), self.show_contact))
        actions.append((self.tr("&Delete…"), self.delete_order))
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
            self.open_order(self.model.rows[index.row()].id)

    # ------------------------------------------------------------ messages

    def _warn(self, exc: CrmError) -> None:
        show_error(self, exc, title=self.tr("Not possible"))

    def _confirm_dialog(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


__all__ = ["OrdersModel", "OrdersView", "status_label"]
