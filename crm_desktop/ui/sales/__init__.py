"""Sales dialogs, one module per section: numbers typed the German way
(:mod:`.numbers`), the customer picker (:mod:`.customers`), the opportunity dialog
(:mod:`.opportunity`), the lines of an order (:mod:`.order_lines`) and the order
dialog (:mod:`.order`)."""

from __future__ import annotations

from crm_desktop.ui.sales.customers import (
    CustomerPicker,
)
from crm_desktop.ui.sales.numbers import (
    CENT,
    MUTED_COLOR,
    OK_COLOR,
    ZERO,
    MoneyEdit,
    MonthCombo,
    format_number,
    format_quantity,
    parse_decimal,
)
from crm_desktop.ui.sales.opportunity import (
    ROLE_ID,
    ROLE_KIND,
    ROLE_PATH,
    OpportunityDialog,
)
from crm_desktop.ui.sales.order import (
    NOTICE_STYLE,
    ORDER_STATUS_LABELS,
    OrderDialog,
)
from crm_desktop.ui.sales.order_lines import (
    COLUMNS,
    NUMERIC,
    LineRow,
    LinesErrors,
    OrderLinesModel,
)

__all__ = [
    "CENT",
    "COLUMNS",
    "MUTED_COLOR",
    "NOTICE_STYLE",
    "NUMERIC",
    "OK_COLOR",
    "ORDER_STATUS_LABELS",
    "ROLE_ID",
    "ROLE_KIND",
    "ROLE_PATH",
    "ZERO",
    "CustomerPicker",
    "LineRow",
    "LinesErrors",
    "MoneyEdit",
    "MonthCombo",
    "OpportunityDialog",
    "OrderDialog",
    "OrderLinesModel",
    "format_number",
    "format_quantity",
    "parse_decimal",
]
