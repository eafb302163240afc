"""The order dialog: customer, date, status, lines with the totals, the new-customer
flag (automatic by default) and notes; saved through
:func:`services.orders.new_order` / :func:`services.orders.save_order` (one undoable
change each, its lines included) with the errors shown at the field or line they
belong to. An invoiced order opens read-only except its status."""

from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock, to_local
from crm_desktop.data.store import Store
from crm_desktop.errors import ValidationError
from crm_desktop.services import lookups
from crm_desktop.services import orders as order_svc
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.format import format_money
from crm_desktop.ui.forms import (
    ERROR_COLOR,
    FORM_STYLE,
    Banner,
    DateEdit,
    ErrorLabel,
    ErrorRouter,
    FormPage,
    collect,
    plain_text,
    save_with_errors,
    shortcut,
)
from crm_desktop.ui.i18n import (
    QT_TRANSLATE_NOOP,
)
from crm_desktop.ui.sales.customers import (
    CustomerPicker,
)
from crm_desktop.ui.sales.numbers import (
    format_number,
    format_quantity,
)
from crm_desktop.ui.sales.order_lines import (
    COLUMNS,
    LineRow,
    LinesErrors,
    OrderLinesModel,
)

ORDER_STATUS_LABELS = {
    "open": QT_TRANSLATE_NOOP("OrderDialog", "Open"),
    "delivered": QT_TRANSLATE_NOOP("OrderDialog", "Delivered"),
    "invoiced": QT_TRANSLATE_NOOP("OrderDialog", "Invoiced"),
    "cancelled": QT_TRANSLATE_NOOP("OrderDialog", "Cancelled"),
}


NOTICE_STYLE = (
    "QFrame#banner { background: #fff8e1; border: 1px solid #ffe082; border-radius: 4px; }"
    " QLabel { color: #5d4200; }"
)


@dataclass
class _LoadedOrder:
    """An order as the dialog opened it (what an invoiced order sends back unchanged)."""

    number: str
    company_id: int | None
    person_id: int | None
    order_date: dt.date
    status: str
    currency: str
    notes: str
    is_new_customer: bool
    lines: list[order_svc.OrderLineInput]
    version: int | None = None  # a save on an older version is refused (a colleague saved)


class OrderDialog(QDialog):
    """Enter an order with its lines, or change one (``order_id``)."""

    changed = Signal(object)  # the Changes of a save

    def __init__(
        self,
        store: Store,
        company_id: int | None = None,
        person_id: int | None = None,
        clock: Clock | None = None,
        parent: QWidget | None = None,
        *,
        order_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.order_id = order_id
        self.loaded: _LoadedOrder | None = None
        self.result_id: int | None = None
        self.result_number: str | None = None
        self.setWindowTitle(self.tr("New order"))
        self.setStyleSheet(
            FORM_STYLE + f' QTableView[invalid="true"] {{ border: 1px solid {ERROR_COLOR}; }}'
        )
        today = to_local(self.clock.now()).date()
        layout = QVBoxLayout(self)
        self.banner = Banner(self)
        layout.addWidget(self.banner)

        self.page = FormPage()
        self.customer = CustomerPicker(self.page, self)
        self.page.add_field(
            "company_id",
            self.tr("&Customer:"),
            self.customer.company,
            self.tr("A company, or leave it empty and choose a private customer below."),
        )
        self.page.add_field("person_id", self.tr("Contact &person:"), self.customer.person)
        top = QWidget()
        tl = QHBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        self.date = DateEdit()
        self.date.set_date(today)
        self.date.setMaximumWidth(140)
        tl.addWidget(self.date)
        status_label = QLabel(self.tr("S&tatus:"))
        self.status = QComboBox()
        for key in order_svc.ORDER_STATUSES:
            self.status.addItem(self.tr(ORDER_STATUS_LABELS[key]), key)
        status_label.setBuddy(self.status)
        tl.addSpacing(12)
        tl.addWidget(status_label)
        tl.addWidget(self.status)
        new_label = QLabel(self.tr("New c&ustomer:"))
        self.new_customer = QComboBox()
        self.new_customer.addItem(self.tr("Automatic"), None)
        self.new_customer.addItem(self.tr("Yes"), True)
        self.new_customer.addItem(self.tr("No"), False)
        new_label.setBuddy(self.new_customer)
        tl.addSpacing(12)
        tl.addWidget(new_label)
        tl.addWidget(self.new_customer)
        tl.addStretch(1)
        top.setFocusProxy(self.date)
        self.page.add_field("order_date", self.tr("&Date:"), top)
        layout.addWidget(self.page)

        # lines
        head = QHBoxLayout()
        lines_label = QLabel(self.tr("<b>Lines</b>"))
        head.addWidget(lines_label)
        head.addStretch(1)
        self.add_button = QPushButton(self.tr("&Add line"))
        self.remove_button = QPushButton(self.tr("&Remove line"))
        for b in (self.add_button, self.remove_button):
            b.setAutoDefault(False)
            head.addWidget(b)
        layout.addLayout(head)
        self.lines = OrderLinesModel(self)
        self.table = QTableView()
        self.table.setModel(self.lines)
        lines_label.setBuddy(self.table)
        self.table.setAccessibleName(self.tr("Order lines"))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 90), (2, 80), (3, 60), (4, 110), (5, 60), (6, 110)):
            self.table.setColumnWidth(col, width)
        self.table.verticalHeader().setDefaultSectionSize(26)
        layout.addWidget(self.table, 1)
        self.lines_error = ErrorLabel(self)
        layout.addWidget(self.lines_error)
        self.totals = QLabel()
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.totals)

        notes_page = FormPage()
        self.notes = plain_text(self, 3)
        notes_page.add_field("notes", self.tr("&Notes:"), self.notes)
        layout.addWidget(notes_page)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Save order"))
        save.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut(seq, self, self.save)

        self.router = ErrorRouter(self.banner)
        self.router.add(
            self.page, notes_page, LinesErrors(self.table, self.lines, self.lines_error)
        )
        self.add_button.clicked.connect(self.add_line)
        self.remove_button.clicked.connect(self.remove_line)
        self.lines.totalsChanged.connect(self._update_totals)
        self.customer.company.currentIndexChanged.connect(lambda _i: self._update_auto())
        self.customer.person.currentIndexChanged.connect(lambda _i: self._update_auto())
        self.date.editingFinished.connect(self._update_auto)
        if order_id is not None:
            self._load(order_id)
        else:
            self.customer.load(store, company_id, person_id)
            self.lines.add_row()
        self._update_totals()
        self._update_auto()
        self.resize(880, 640)
        if self.locked:
            self.status.setFocus()
        else:
            self.customer.company.setFocus()

    # ------------------------------------------------------------ an existing order

    @property
    def locked(self) -> bool:
        """An invoiced order: only its status can change."""
        return self.loaded is not None and self.loaded.status == "invoiced"

    def _load(self, order_id: int) -> None:
        def read(s: Session) -> _LoadedOrder:
            order = order_svc.get_order(s, order_id)
            return _LoadedOrder(
                number=order.number,
                company_id=order.company_id,
                person_id=order.person_id,
                order_date=order.order_date,
                status=order.status,
                currency=order.currency,
                notes=order.notes or "",
                is_new_customer=bool(order.is_new_customer),
                lines=[
                    order_svc.OrderLineInput(
                        description=ln.description,
                        quantity=decimal.Decimal(ln.quantity),
                        unit_price=decimal.Decimal(ln.unit_price),
                        unit=ln.unit,
                        sku=ln.sku,
                        vat_rate=decimal.Decimal(ln.vat_rate),
                    )
                    for ln in order.lines
                ],
                version=order.version,
            )

        loaded = self.loaded = ops.read(self.store, read)
        self.setWindowTitle(self.tr("Order {number}").format(number=loaded.number))
        self.customer.load(self.store, loaded.company_id, loaded.person_id)
        self.date.set_date(loaded.order_date)
        idx = self.status.findData(loaded.status)
        if idx >= 0:
            self.status.setCurrentIndex(idx)
        self.new_customer.setCurrentIndex(self.new_customer.findData(loaded.is_new_customer))
        self.notes.setPlainText(loaded.notes)
        for line in loaded.lines:
            self.lines.add_row(
                LineRow(
                    sku=line.sku or "",
                    description=line.description,
                    quantity=format_quantity(line.quantity),
                    unit=line.unit,
                    unit_price=format_number(line.unit_price),
                    vat=format_quantity(line.vat_rate),
                )
            )
        if not self.lines.rows:
            self.lines.add_row()
        if self.locked:
            self._lock()

    def _lock(self) -> None:
        """Show an invoiced order read-only, except its status."""
        self.lines.locked = True
        self.customer.company.setEnabled(False)
        self.customer.person.setEnabled(False)
        self.date.setEnabled(False)
        self.new_customer.setEnabled(False)
        self.notes.setReadOnly(True)
        self.notes.setStyleSheet("QPlainTextEdit { background: palette(window); }")
        self.add_button.setEnabled(False)
        self.remove_button.setEnabled(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._show_lock_note()

    def _show_lock_note(self) -> None:
        self.banner.setStyleSheet(NOTICE_STYLE)
        self.banner.set_message(
            self.tr(
                "This order is invoiced, so only its status can change. To correct"
                " anything else, set the status back, save, and open the order again."
            )
        )

    # ------------------------------------------------------------ lines

    def add_line(self) -> int:
        pos = self.lines.add_row()
        self.table.setCurrentIndex(self.lines.index(pos, 1))
        self.table.setFocus()
        return pos

    def remove_line(self) -> None:
        idx = self.table.currentIndex()
        pos = idx.row() if idx.isValid() else len(self.lines.rows) - 1
        self.lines.remove_row(pos)
        if not self.lines.rows:
            self.lines.add_row()

    def set_line(self, pos: int, **values: str) -> None:
        """Type into line ``pos`` (used by tests and the quick paths)."""
        while len(self.lines.rows) <= pos:
            self.lines.add_row()
        for key, text in values.items():
            self.lines.setData(self.lines.index(pos, COLUMNS.index(key)), text)

    def _update_totals(self) -> None:
        net, vat = self.lines.totals()
        self.totals.setText(
            self.tr("Net {net} · VAT {vat} · <b>Total {gross}</b>").format(
                net=format_money(net), vat=format_money(vat), gross=format_money(net + vat)
            )
        )

    def _update_auto(self) -> None:
        """Show what "Automatic" means for the customer and date chosen."""
        company_id = self.customer.company.current_id()
        person_id = self.customer.person.current_id()
        text = self.tr("Automatic")
        if company_id is not None or person_id is not None:
            try:
                day = self.date.date_value("order_date")
            except ValidationError:
                day = None
            day = day or to_local(self.clock.now()).date()

            def earlier_order(s: Session) -> bool:
                cid = company_id
                if cid is None and person_id is not None:
                    cid = lookups.person_company(s, person_id)
                return order_svc.has_earlier_order(s, cid, person_id, day)

            earlier = ops.read(self.store, earlier_order)
            text = (
                self.tr("Automatic (no: ordered before)")
                if earlier
                else self.tr("Automatic (yes: first order)")
            )
        self.new_customer.setItemText(0, text)

    # ------------------------------------------------------------ saving

    def save(self) -> None:
        self.table.setCurrentIndex(QModelIndex())  # commit an open cell editor
        rid = self._save_status() if self.locked else self._save_all()
        if rid is None or rid < 0:
            if self.locked and not self.banner.text():
                self._show_lock_note()
            return
        self.result_id = rid
        self.changed.emit(Changes.of("order", rid, structure=True))
        self.accept()

    def _save_all(self) -> int | None:
        self.lines.drop_empty()
        items, parse_errors = self.lines.inputs()
        if len(self.lines.rows) == 1 and self.lines.rows[0].is_empty():
            items = []

        def work(session: Session, errors: list[ValidationError]) -> int:
            company_id, person_id = self.customer.ids(errors)
            order_date = collect(errors, self.date.date_value, "order_date")
            if errors:
                return -1
            data = order_svc.OrderInput(
                company_id=company_id,
                person_id=person_id,
                lines=items,
                order_date=order_date,
                status=str(self.status.currentData()),
                notes=self.notes.toPlainText().strip(),
                is_new_customer=self.new_customer.currentData(),
            )
            if self.order_id is None:
                order = collect(errors, order_svc.new_order, session, data, clock=self.clock)
            else:
                data.currency = self.loaded.currency if self.loaded is not None else "EUR"
                order = collect(
                    errors,
                    order_svc.save_order,
                    session,
                    self.order_id,
                    data,
                    clock=self.clock,
                    expected_version=self.loaded.version if self.loaded is not None else None,
                )
            if order is None:
                return -1
            self.result_number = order.number
            return int(order.id)

        return save_with_errors(self.store, self.router, work, parse_errors)

    def _save_status(self) -> int | None:
        """An invoiced order: the order as loaded, with the status chosen."""
        loaded = self.loaded
        assert loaded is not None and self.order_id is not None
        order_id = self.order_id

        def work(session: Session, errors: list[ValidationError]) -> int:
            data = order_svc.OrderInput(
                company_id=loaded.company_id,
                person_id=loaded.person_id,
                lines=list(loaded.lines),
                order_date=loaded.order_date,
                status=str(self.status.currentData()),
                currency=loaded.currency,
                notes=loaded.notes,
                is_new_customer=loaded.is_new_customer,
            )
            order = collect(
                errors,
                order_svc.save_order,
                session,
                order_id,
                data,
                clock=self.clock,
                expected_version=loaded.version,
            )
            if order is None:
                return -1
            self.result_number = order.number
            return int(order.id)

        return save_with_errors(self.store, self.router, work)
