"""Printouts laid out for paper: a small page engine (QPainter on QPdfWriter) with
header, footer "Page x of y", text, KPI blocks, tables that continue across pages and
vector charts; and the printouts built on it (contact sheet, agenda, dashboard,
target/actual, pipeline list)."""

from crm_desktop.ui.printing.charts import Chart, Series
from crm_desktop.ui.printing.engine import (
    Band,
    Document,
    Heading,
    Kpis,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    render,
)
from crm_desktop.ui.printing.printouts import Fmt, locale_for, save

__all__ = [
    "Band",
    "Chart",
    "Document",
    "Fmt",
    "Heading",
    "Kpis",
    "PageBreak",
    "Paragraph",
    "Series",
    "Spacer",
    "Table",
    "locale_for",
    "render",
    "save",
]
