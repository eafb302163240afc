"""Revenue targets against actual revenue, month by month.

:class:`TargetsView` shows one year: for each month the targets for existing and
new customers (edited in place, typed the German way: "12.500" or "12.500,00"),
beside them the actual net revenue from orders (existing / new customers, see
:func:`crm_desktop.services.targets.actual_revenue`) and the difference — green
when the month reached its target, red when it fell short; months still to come
are grey. A total row sums the year. *Spread a yearly target…* breaks a yearly
figure into months, evenly or shaped like last year's revenue.
"""

from __future__ import annotations

import decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock, to_local
from crm_desktop.data.store import Store
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import CrmError, ValidationError
from crm_desktop.services import analytics as an
from crm_desktop.services import targets as svc
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.format import format_money, ui_locale
from crm_desktop.ui.forms import ERROR_COLOR, ErrorLabel
from crm_desktop.ui.i18n import translate_error
from crm_desktop.ui.sales import MoneyEdit, format_number, parse_decimal

ZERO = decimal.Decimal("0.00")
GOOD = QColor("#1b5e20")
BAD = QColor(ERROR_COLOR)
FUTURE = QColor("#8a8a8a")
TOTAL_BG = QColor("#eef1f5")
ACTUAL_BG = QColor("#f7f9f7")

# columns
MONTH, T_EXISTING, T_NEW, T_TOTAL, A_EXISTING, A_NEW, A_TOTAL, DIFF = range(8)
EDITABLE = {T_EXISTING: "existing", T_NEW: "new"}


class TargetsModel(QAbstractTableModel):
    """Twelve months and a total row; the two target columns are editable and saved
    at once (one unit of work per edit)."""

    failed = Signal(str)
    saved = Signal()

    def __init__(self, store: Store, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.year = to_local(clock.now()).year
        self.owner: str | None = None  # None: the whole team's targets
        self.rows: list[svc.TargetRow] = []
        self._headers = [
            self.tr("Month"),
            self.tr("Target\nexisting customers"),
            self.tr("Target\nnew customers"),
            self.tr("Target\ntotal"),
            self.tr("Actual\nexisting customers"),
            self.tr("Actual\nnew customers"),
            self.tr("Actual\ntotal"),
            self.tr("Difference"),
        ]

    def load(self, year: int | None = None) -> None:
        self.beginResetModel()
        if year is not None:
            self.year = year
        year, owner = self.year, self.owner
        self.rows = ops.read(self.store, lambda s: svc.target_report(s, year, owner))
        self.endResetModel()

    # ------------------------------------------------------------ figures

    def month_state(self, month: int) -> int:
        """-1 past, 0 current, 1 still to come (compared with today)."""
        today = to_local(self.clock.now()).date()
        key, now = (self.year, month), (today.year, today.month)
        return (key > now) - (key < now)

    def totals(self) -> tuple[decimal.Decimal, ...]:
        def total(fn: Any) -> decimal.Decimal:
            return sum((fn(r) for r in self.rows), ZERO)

        return (
            total(lambda r: r.target.existing),
            total(lambda r: r.target.new),
            total(lambda r: r.target.total),
            total(lambda r: r.actual.existing),
            total(lambda r: r.actual.new),
            total(lambda r: r.actual.total),
            total(lambda r: r.gap),
        )

    def year_to_date(self) -> tuple[decimal.Decimal, decimal.Decimal]:
        """(actual, target) of the months up to the current one."""
        rows = [r for r in self.rows if self.month_state(r.month) <= 0]
        return (
            sum((r.actual.total for r in rows), ZERO),
            sum((r.target.total for r in rows), ZERO),
        )

    def value(self, row: int, col: int) -> decimal.Decimal | None:
        if row == 12:
            return self.totals()[col - 1] if col else None
        r = self.rows[row]
        return {
            T_EXISTING: r.target.existing,
            T_NEW: r.target.new,
            T_TOTAL: r.target.total,
            A_EXISTING: r.actual.existing,
            A_NEW: r.actual.new,
            A_TOTAL: r.actual.total,
            DIFF: r.gap,
        }.get(col)

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.rows else 13

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.row() < 12 and index.column() in EDITABLE:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        total_row = row == 12
        if role == Qt.ItemDataRole.DisplayRole:
            if col == MONTH:
                if total_row:
                    return self.tr("Year {year}").format(year=self.year)
                return ui_locale().standaloneMonthName(row + 1)
            amount = self.value(row, col)
            if amount is None:
                return ""
            text = format_money(amount)
            if col == DIFF and amount > 0:
                text = "+" + text
            return text
        if role == Qt.ItemDataRole.EditRole:
            amount = self.value(row, col)
            return format_number(amount) if amount is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and col != MONTH:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if total_row or col in (T_TOTAL, A_TOTAL, DIFF):
                font.setBold(True)
            if not total_row and col == MONTH and self.month_state(row + 1) == 0:
                font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == DIFF:
                amount = self.value(row, col) or ZERO
                if not total_row and self.month_state(row + 1) > 0:
                    return QBrush(FUTURE)
                return QBrush(GOOD if amount >= 0 else BAD)
            if not total_row and col >= A_EXISTING and self.month_state(row + 1) > 0:
                return QBrush(FUTURE)
        if role == Qt.ItemDataRole.BackgroundRole:
            if total_row:
                return QBrush(TOTAL_BG)
            if col in (A_EXISTING, A_NEW, A_TOTAL):
                return QBrush(ACTUAL_BG)
        if role == Qt.ItemDataRole.ToolTipRole and col in EDITABLE and not total_row:
            return self.tr("Double-click or start typing to change the target.")
        if role == Qt.ItemDataRole.AccessibleTextRole and col == DIFF:
            amount = self.value(row, col) or ZERO
            word = self.tr("ahead of target") if amount >= 0 else self.tr("behind target")
            return f"{format_money(amount)} {word}"
        return None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        month = index.row() + 1
        which = EDITABLE[index.column()]
        current = self.rows[index.row()].target
        field = "existing_customers" if which == "existing" else "new_customers"
        try:
            amount = parse_decimal(str(value or ""), field)
            ops.write(
                self.store,
                lambda s: svc.set_month_target(
                    s,
                    self.year,
                    month,
                    amount if which == "existing" else current.existing,
                    amount if which == "new" else current.new,
                    self.owner,
                ),
            )
        except CrmError as exc:
            self.failed.emit(translate_error(exc))
            return False
        self.load()
        self.saved.emit()
        return True


class SpreadDialog(QDialog):
    """A yearly target for existing and new customers, broken into months."""

    EVENLY = "evenly"
    LAST_YEAR = "last_year"

    def __init__(
        self,
        year: int,
        existing: decimal.Decimal,
        new: decimal.Decimal,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Spread a yearly target"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The yearly targets for {year} are broken into months; this replaces the "
                "monthly targets of {year}."
            ).format(year=year)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.existing = MoneyEdit()
        self.existing.set_amount(existing)
        form.addRow(self.tr("&Existing customers (€):"), self.existing)
        self.new = MoneyEdit()
        self.new.set_amount(new)
        form.addRow(self.tr("&New customers (€):"), self.new)
        self.how = QComboBox()
        self.how.addItem(self.tr("Evenly (one twelfth a month)"), self.EVENLY)
        self.how.addItem(self.tr("Like last year's revenue (seasonal)"), self.LAST_YEAR)
        form.addRow(self.tr("&Distribute:"), self.how)
        layout.addLayout(form)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Spread"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def amounts(self) -> tuple[decimal.Decimal, decimal.Decimal]:
        return self.existing.amount("existing_customers"), self.new.amount("new_customers")

    def accept(self) -> None:
        try:
            self.amounts()
        except ValidationError as exc:
            self.error.set_error(translate_error(exc))
            return
        super().accept()


class TargetsView(QWidget):
    """Revenue targets and actual revenue of one year, month by month."""

    changed = Signal(object)  # the Changes of a saved target

    def __init__(
        self, store: Store, clock: Clock | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.model = TargetsModel(store, self.clock, self)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Revenue targets"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        top.addWidget(title)
        top.addSpacing(16)
        year_label = QLabel(self.tr("&Year:"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self.model.year)
        self.year.setAccelerated(True)
        year_label.setBuddy(self.year)
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addSpacing(16)
        owner_label = QLabel(self.tr("O&wner:"))
        self.owner_box = QComboBox()
        self.owner_box.setEditable(True)  # a new owner's first target is typed in
        self.owner_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.owner_box.setMinimumContentsLength(16)
        self.owner_box.setToolTip(
            self.tr(
                "Whose targets: the whole team's, or one owner's against the revenue of "
                "the customers that owner looks after."
            )
        )
        owner_label.setBuddy(self.owner_box)
        top.addWidget(owner_label)
        top.addWidget(self.owner_box)
        top.addStretch(1)
        self.spread_button = QPushButton(self.tr("&Spread a yearly target…"))
        self.spread_button.clicked.connect(lambda: self.spread())
        top.addWidget(self.spread_button)
        layout.addLayout(top)

        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Targets and actual revenue per month"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MONTH, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(110)
        layout.addWidget(self.table, 1)

        self.info = QLabel(
            self.tr(
                "Targets: double-click or type to change (e.g. 12.500). Actual revenue: net "
                "order totals; new customers are those whose first order falls in the year."
            )
        )
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #666666;")
        layout.addWidget(self.info)

        self.model.failed.connect(self._failed)
        self.model.saved.connect(self._saved)
        self.year.valueChanged.connect(self.show_year)
        self._fill_owners()
        self.owner_box.activated.connect(lambda _i: self._owner_chosen())
        line = self.owner_box.lineEdit()
        if line is not None:
            line.editingFinished.connect(self._owner_chosen)
        self.refresh()

    # ------------------------------------------------------------ data

    def apply_changes(self, changes: Changes) -> None:
        """Targets against the revenue of orders and won deals.
        Hidden, it loads when it is shown next."""
        if self.isVisible() and changes.touches("orders", "opportunities", "settings"):
            self.refresh()

    def _fill_owners(self) -> None:
        current = self.model.owner
        names = ops.read(self.store, an.owners)
        self.owner_box.blockSignals(True)
        self.owner_box.clear()
        self.owner_box.addItem(self.tr("Whole team"), None)
        for name in names:
            self.owner_box.addItem(name, name)
        self.owner_box.setCurrentIndex(max(0, self.owner_box.findData(current)))
        if current and self.owner_box.findData(current) < 0:
            self.owner_box.addItem(current, current)
            self.owner_box.setCurrentIndex(self.owner_box.count() - 1)
        self.owner_box.blockSignals(False)

    def _owner_chosen(self) -> None:
        text = self.owner_box.currentText().strip()
        index = self.owner_box.findText(text)
        owner = self.owner_box.itemData(index) if index >= 0 else (text or None)
        self.show_owner(owner)

    def show_owner(self, owner: str | None) -> None:
        """Show one owner's targets (None: the whole team's)."""
        owner = (owner or "").strip() or None
        if owner == self.model.owner:
            return
        self.model.owner = owner
        self._fill_owners()
        self.refresh()

    def refresh(self) -> None:
        self.model.load(self.year.value())
        self._update_summary()

    def show_year(self, year: int) -> None:
        if self.year.value() != year:
            self.year.setValue(year)  # comes back here through valueChanged
            return
        self.refresh()

    def _update_summary(self) -> None:
        actual, target = self.model.year_to_date()
        totals = self.model.totals()
        year_target, year_actual = totals[2], totals[5]
        parts = []
        if target > 0:
            share = int((actual * 100 / target).to_integral_value(decimal.ROUND_HALF_UP))
            color = GOOD.name() if actual >= target else BAD.name()
            parts.append(
                self.tr(
                    "Year to date: {actual} of {target} (<b style='color:{color}'>{share} %</b>)"
                ).format(
                    actual=format_money(actual),
                    target=format_money(target),
                    color=color,
                    share=share,
                )
            )
        parts.append(
            self.tr("Year {year}: {actual} of {target}").format(
                year=self.model.year,
                actual=format_money(year_actual),
                target=format_money(year_target),
            )
        )
        self.summary.setText(" · ".join(parts))

    def _failed(self, text: str) -> None:
        self.info.setStyleSheet(f"color: {ERROR_COLOR};")
        self.info.setText(text)

    def _saved(self) -> None:
        self.info.setStyleSheet("color: #1b5e20;")
        self.info.setText(self.tr("Target saved."))
        self._update_summary()
        self.changed.emit(Changes(settings=True))  # targets are the user's plan

    def set_target(self, month: int, existing: str | None = None, new: str | None = None) -> bool:
        """Type into the table as a user would (tests, keyboard paths)."""
        ok = True
        if existing is not None:
            ok &= self.model.setData(self.model.index(month - 1, T_EXISTING), existing)
        if new is not None:
            ok &= self.model.setData(self.model.index(month - 1, T_NEW), new)
        return ok

    # ------------------------------------------------------------ spreading

    def spread_dialog(self) -> SpreadDialog:
        totals = self.model.totals()
        return SpreadDialog(self.model.year, totals[0], totals[1], self)

    def spread(self, dialog: SpreadDialog | None = None) -> bool:
        dlg = dialog or self.spread_dialog()
        if dialog is None and dlg.exec() != QDialog.DialogCode.Accepted:
            return False
        if dialog is not None and dlg.result() != QDialog.DialogCode.Accepted:
            return False
        year, owner = self.model.year, self.model.owner
        try:
            existing, new = dlg.amounts()
            follow_last_year = dlg.how.currentData() == SpreadDialog.LAST_YEAR

            def spread(s: Session) -> None:
                weights: list[decimal.Decimal | int] | None = None
                if follow_last_year:
                    last = svc.actual_revenue(s, year - 1, owner)
                    weights = [m.total for m in last]
                    if sum(weights) <= 0:
                        raise ValidationError(
                            QT_TRANSLATE_NOOP(
                                "errors",
                                "There was no revenue in {year} to follow; spread evenly instead.",
                            ),
                            field="weights",
                            year=year - 1,
                        )
                svc.set_year_targets(s, year, existing, new, weights, owner)

            ops.write(self.store, spread, sender=self, changes=Changes(settings=True))
        except CrmError as exc:
            self._failed(translate_error(exc))
            return False
        self.refresh()
        self.info.setStyleSheet("color: #1b5e20;")
        self.info.setText(
            self.tr("The targets of {year} were spread over the months.").format(year=year)
        )
        return True
