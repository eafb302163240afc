"""Numbers typed the German way ("12.500,00"): parsing, formatting, the money field
and the month chooser of the sales dialogs."""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import re

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QWidget,
)

from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ValidationError
from crm_desktop.ui.format import ui_locale

CENT = decimal.Decimal("0.01")
ZERO = decimal.Decimal(0)
OK_COLOR = "#1b5e20"
MUTED_COLOR = "#666666"

# ---------------------------------------------------------------- numbers typed the German way

_GROUPED = re.compile(r"^\d{1,3}([.,' ]\d{3})+$")


def parse_decimal(
    text: str, field: str = "value", locale_decimal: str | None = None
) -> decimal.Decimal:
    """A number as people type it: "1.250,50", "1250,5", "1,250.50", "€ 1.250" or
    "1250.50". With only one kind of separator it is the decimal point, unless it
    groups thousands ("12.500" is twelve thousand five hundred in German)."""
    raw = (text or "").strip()
    clean = raw.replace("€", "").replace("EUR", "").replace("%", "")
    clean = clean.replace("\xa0", "").replace("\u202f", "").replace(" ", "").replace("'", "")
    if not clean:
        return ZERO
    point = locale_decimal or ui_locale().decimalPoint() or "."
    if "," in clean and "." in clean:
        dec = "," if clean.rfind(",") > clean.rfind(".") else "."
        clean = clean.replace("." if dec == "," else ",", "").replace(dec, ".")
    elif "," in clean or "." in clean:
        sep = "," if "," in clean else "."
        body = clean.lstrip("+-")
        if (sep != point and _GROUPED.match(body)) or (
            clean.count(sep) > 1 and _GROUPED.match(body)
        ):
            clean = clean.replace(sep, "")
        else:
            clean = clean.replace(sep, ".")
    try:
        value = decimal.Decimal(clean)
    except decimal.InvalidOperation:
        value = decimal.Decimal("NaN")
    if not value.is_finite():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not a number."), field=field, value=raw
        )
    return value


def format_number(value: decimal.Decimal | int | None, decimals: int = 2) -> str:
    """ "12.500,00" in German, "12,500.00" in English (no currency sign)."""
    if value is None:
        return ""
    return ui_locale().toString(float(value), "f", decimals)


def format_quantity(value: decimal.Decimal) -> str:
    """A quantity without needless zeros: "2", "1,5", "0,125"."""
    text = format(decimal.Decimal(value).normalize(), "f")
    decimals = len(text.split(".", 1)[1]) if "." in text else 0
    return format_number(value, decimals)


class MoneyEdit(QLineEdit):
    """An amount in euros, typed as "12.500" or "12.500,00"; shown formatted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText(format_number(ZERO))
        self.setMaxLength(24)
        self.editingFinished.connect(self._reformat)

    def amount(self, field: str = "value") -> decimal.Decimal:
        """The amount (0 when empty); a ValidationError naming ``field`` when unreadable."""
        return parse_decimal(self.text(), field).quantize(CENT)

    def set_amount(self, value: decimal.Decimal | None) -> None:
        self.setText(format_number(value) if value is not None else "")

    def _reformat(self) -> None:
        if not self.text().strip():
            return
        with contextlib.suppress(ValidationError):
            self.set_amount(self.amount())


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


class MonthCombo(QComboBox):
    """A month ("März 2027") or none; ``value()`` is the first day of it."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today.replace(day=1)
        self.set_value(None)

    @staticmethod
    def label(day: dt.date) -> str:
        loc = ui_locale()
        return f"{loc.standaloneMonthName(day.month)} {day.year}"

    def _fill(self, keep: dt.date | None) -> None:
        months = [_add_months(self._today, n) for n in range(-12, 37)]
        if keep is not None and keep.replace(day=1) not in months:
            months.append(keep.replace(day=1))
            months.sort()
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("(not set)"), None)
        for month in months:
            self.addItem(self.label(month), month.isoformat())
        self.blockSignals(False)

    def value(self) -> dt.date | None:
        data = self.currentData()
        return dt.date.fromisoformat(str(data)) if data else None

    def set_value(self, day: dt.date | None) -> None:
        self._fill(day)
        idx = self.findData(day.replace(day=1).isoformat()) if day is not None else 0
        self.setCurrentIndex(max(idx, 0))
