"""Printouts as PDF (QPdfWriter): the dashboard, contact sheets and a day's agenda."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.store import Store
from crm_desktop.services import analytics, sheets
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops


def ensure_app() -> QApplication:
    """A QApplication for headless rendering (offscreen when there is no display)."""
    app = QApplication.instance()
    if app is None:
        if (
            not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY")
            and sys.platform.startswith("linux")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([sys.argv[0] if sys.argv else "crm-desktop"])
    assert isinstance(app, QApplication)
    return app


def _tr(text: str) -> str:
    return QCoreApplication.translate("Sheets", text)


def html_to_pdf(html: str, path: Path, title: str = "") -> Path:
    ensure_app()
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("CRM Desktop")
    doc = QTextDocument()
    doc.setHtml(html)
    # lay the text out on the printable width of the page (not a screen default)
    page = writer.pageLayout().paintRect(QPageLayout.Unit.Point).size()
    doc.setPageSize(QSizeF(page.width() * 96 / 72, page.height() * 96 / 72))
    doc.print_(writer)
    return path


def contact_sheet_pdf(
    store: Store,
    path: Path,
    *,
    person_id: int | None = None,
    company_id: int | None = None,
    ticket: str | None = None,
    project_id: int | None = None,
    clock: Clock | None = None,
) -> Path:
    now = (clock or SystemClock()).now()

    def sheet(s: Session) -> str:
        if person_id is not None:
            return sheets.person_sheet(s, person_id, now, _tr)
        if company_id is not None:
            return sheets.company_sheet(s, company_id, now, _tr)
        if ticket is not None:
            return sheets.ticket_sheet(s, ticket, now, _tr)
        if project_id is not None:
            return sheets.project_sheet(s, project_id, now, _tr)
        raise ValueError("person_id, company_id, ticket or project_id is required")

    html = ops.read(store, sheet)
    return html_to_pdf(html, path, QCoreApplication.translate("Sheets", "Contact sheet"))


def agenda_pdf(store: Store, path: Path, day: dt.date, clock: Clock | None = None) -> Path:
    now = (clock or SystemClock()).now()
    html = ops.read(store, lambda s: sheets.agenda_sheet(s, day, now, _tr, owner=store.owner))
    return html_to_pdf(html, path, QCoreApplication.translate("Sheets", "Agenda"))


def dashboard_pdf(
    store: Store, path: Path, clock: Clock | None = None, year: int | None = None
) -> Path:
    ensure_app()
    from crm_desktop.ui.dashboard import DashboardWidget

    clock = clock or SystemClock()
    widget = DashboardWidget(store, clock)
    if year is not None:
        for i in range(widget.period_box.count()):
            kind, value = widget.period_box.itemData(i)
            if kind == "year" and value == year:
                widget.period_box.setCurrentIndex(i)
                break
    widget.resize(1400, 2000)
    widget.load_now()
    period = widget.period()
    title = QCoreApplication.translate("Sheets", "Dashboard {start} – {end}").format(
        start=period.start.strftime("%d.%m.%Y"), end=period.end.strftime("%d.%m.%Y")
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    widget.render_pdf(path, title)
    widget.deleteLater()
    return path


__all__ = ["agenda_pdf", "analytics", "contact_sheet_pdf", "dashboard_pdf", "html_to_pdf"]
