"""The lines of an order as the order dialog edits them: SKU, description, quantity,
unit, unit price, VAT and the net per line, with the errors marked at their cell."""

from __future__ import annotations

import contextlib
import decimal
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QTableView,
    QWidget,
)

from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ValidationError
from crm_desktop.services import orders as order_svc
from crm_desktop.ui.forms import (
    ErrorLabel,
    set_invalid,
)
from crm_desktop.ui.sales.numbers import (
    CENT,
    ZERO,
    format_number,
    format_quantity,
    parse_decimal,
)

# ---------------------------------------------------------------- order lines


@dataclass
class LineRow:
    sku: str = ""
    description: str = ""
    quantity: str = "1"
    unit: str = "Stk"
    unit_price: str = ""
    vat: str = "19"
    error: str = ""
    bad: set[str] = field(default_factory=set)

    def is_empty(self) -> bool:
        return not (self.sku.strip() or self.description.strip() or self.unit_price.strip())


COLUMNS = ("sku", "description", "quantity", "unit", "unit_price", "vat", "net")
NUMERIC = {"quantity", "unit_price", "vat", "net"}


class OrderLinesModel(QAbstractTableModel):
    """The lines of an order being typed: editable texts, parsed the German way."""

    totalsChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[LineRow] = []
        self.locked = False  # an invoiced order: the lines are shown, not edited
        self._headers = [
            self.tr("SKU"),
            self.tr("Description"),
            self.tr("Quantity"),
            self.tr("Unit"),
            self.tr("Unit price (€)"),
            self.tr("VAT %"),
            self.tr("Net (€)"),
        ]

    # numbers
    @staticmethod
    def number(row: LineRow, key: str) -> decimal.Decimal | None:
        text = getattr(row, key)
        if key in ("unit_price",) and not text.strip():
            return ZERO
        try:
            return parse_decimal(text, key)
        except ValidationError:
            return None

    def net(self, row: LineRow) -> decimal.Decimal | None:
        qty, price = self.number(row, "quantity"), self.number(row, "unit_price")
        if qty is None or price is None:
            return None
        return (qty.quantize(decimal.Decimal("0.001")) * price.quantize(CENT)).quantize(CENT)

    def totals(self) -> tuple[decimal.Decimal, decimal.Decimal]:
        """(net, VAT) of the readable, non-empty lines."""
        net_total, vat_total = ZERO, ZERO
        for row in self.rows:
            if row.is_empty():
                continue
            net, vat = self.net(row), self.number(row, "vat")
            if net is None:
                continue
            net_total += net
            if vat is not None:
                vat_total += (net * vat / 100).quantize(CENT, rounding=decimal.ROUND_HALF_UP)
        return net_total, vat_total

    # Qt model
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return str(section + 1)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if COLUMNS[index.column()] != "net" and not self.locked:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and key in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "net":
                if row.is_empty():
                    return ""
                net = self.net(row)
                return format_number(net) if net is not None else "?"
            text = getattr(row, key)
            if key in NUMERIC and text.strip():
                num = self.number(row, key)
                if num is not None:
                    return format_quantity(num) if key != "unit_price" else format_number(num)
            return text
        if role == Qt.ItemDataRole.EditRole:
            return getattr(row, key) if key != "net" else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if key in row.bad or (key in NUMERIC and key != "net" and self._unreadable(row, key)):
                return QBrush(QColor("#fdecea"))
            if key == "net":
                return QBrush(QColor("#f3f3f3"))
        if role == Qt.ItemDataRole.ToolTipRole and row.error:
            return row.error
        return None

    def _unreadable(self, row: LineRow, key: str) -> bool:
        return bool(getattr(row, key).strip()) and self.number(row, key) is None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.locked:
            return False
        key = COLUMNS[index.column()]
        if key == "net":
            return False
        row = self.rows[index.row()]
        text = "" if value is None else str(value)
        if key in NUMERIC and text.strip():
            num = None
            with contextlib.suppress(ValidationError):
                num = parse_decimal(text, key)
            if num is not None:  # keep it the way it is shown
                text = format_number(num) if key == "unit_price" else format_quantity(num)
        setattr(row, key, text)
        row.bad.discard(key)
        row.error = ""
        last = self.index(index.row(), len(COLUMNS) - 1)
        self.dataChanged.emit(self.index(index.row(), 0), last)
        self.totalsChanged.emit()
        return True

    def add_row(self, row: LineRow | None = None) -> int:
        pos = len(self.rows)
        self.beginInsertRows(QModelIndex(), pos, pos)
        self.rows.append(row or LineRow())
        self.endInsertRows()
        self.totalsChanged.emit()
        return pos

    def remove_row(self, pos: int) -> None:
        if not 0 <= pos < len(self.rows):
            return
        self.beginRemoveRows(QModelIndex(), pos, pos)
        del self.rows[pos]
        self.endRemoveRows()
        self.totalsChanged.emit()

    def drop_empty(self) -> None:
        for pos in reversed(range(len(self.rows))):
            if self.rows[pos].is_empty() and len(self.rows) > 1:
                self.remove_row(pos)

    def mark(self, pos: int, text: str, keys: set[str] | None = None) -> None:
        if not 0 <= pos < len(self.rows):
            return
        row = self.rows[pos]
        row.error = f"{row.error}\n{text}".strip() if row.error else text
        row.bad |= keys or {"description"}
        self.dataChanged.emit(self.index(pos, 0), self.index(pos, len(COLUMNS) - 1))

    def clear_marks(self) -> None:
        for row in self.rows:
            row.error, row.bad = "", set()
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1)
            )

    def inputs(self) -> tuple[list[order_svc.OrderLineInput], list[ValidationError]]:
        """The lines for the service, and the numbers that could not be read."""
        out: list[order_svc.OrderLineInput] = []
        errors: list[ValidationError] = []
        for i, row in enumerate(self.rows):
            values: dict[str, decimal.Decimal] = {}
            for key in ("quantity", "unit_price", "vat"):
                text = getattr(row, key)
                try:
                    values[key] = parse_decimal(text, key) if text.strip() else ZERO
                except ValidationError:
                    errors.append(
                        ValidationError(
                            QT_TRANSLATE_NOOP("errors", "Line {pos}: “{value}” is not a number."),
                            field=f"lines.{i}.{key}",
                            pos=i + 1,
                            value=text,
                        )
                    )
            if not row.quantity.strip():
                values["quantity"] = ZERO
            out.append(
                order_svc.OrderLineInput(
                    description=row.description,
                    quantity=values.get("quantity", ZERO),
                    unit_price=values.get("unit_price", ZERO),
                    unit=row.unit.strip() or "Stk",
                    sku=row.sku.strip() or None,
                    vat_rate=values.get("vat", ZERO),
                )
            )
        return out, errors


class LinesErrors:
    """Error target for "lines" and "lines.N…": a message under the table, the line red."""

    def __init__(self, view: QTableView, model: OrderLinesModel, label: ErrorLabel) -> None:
        self.view, self.model, self.label = view, model, label

    def show_field_error(self, key: str, text: str) -> QWidget | None:
        if key != "lines" and not key.startswith("lines."):
            return None
        parts = key.split(".")
        if len(parts) >= 2 and parts[1].isdigit():
            sub = {parts[2]} if len(parts) > 2 else None
            self.model.mark(int(parts[1]), text, sub)
        self.label.add_error(text)
        set_invalid(self.view, True)
        return self.view

    def clear_errors(self) -> None:
        self.label.set_error(None)
        self.model.clear_marks()
        set_invalid(self.view, False)
