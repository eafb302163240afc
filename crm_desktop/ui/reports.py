"""Printouts as PDF: contact sheets, a day's agenda, the dashboard, target/actual and
the pipeline list, laid out for A4 by :mod:`crm_desktop.ui.printing`.

Each ``*_pdf`` function returns the written path; the ``print_*`` functions return a
:class:`Printed` (path and page count). ``lang`` picks the language of dates and money
("de", "en"; default: the application's locale); the texts come from the installed
translation.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from crm_desktop.clock import Clock, SystemClock, local_zone
from crm_desktop.data.store import Store
from crm_desktop.services import analytics, contact_report, sheets, targets
from crm_desktop.ui import ops
from crm_desktop.ui.printing import printouts
from crm_desktop.ui.printing.engine import Document, Kpis, Paragraph, Table
from crm_desktop.ui.printing.printouts import Fmt, locale_for


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


@dataclass(frozen=True)
class Printed:
    path: Path
    pages: int


def _fmt(lang: str | None) -> Fmt:
    return Fmt(locale_for(lang))


def print_contact_sheet(
    store: Store,
    path: Path,
    *,
    person_id: int | None = None,
    company_id: int | None = None,
    ticket: str | None = None,
    project_id: int | None = None,
    clock: Clock | None = None,
    lang: str | None = None,
) -> Printed:
    ensure_app()
    now = (clock or SystemClock()).now()
    if person_id is not None:
        sheet = ops.read(store, lambda s: sheets.person_sheet(s, person_id))
    elif company_id is not None:
        sheet = ops.read(store, lambda s: sheets.company_sheet(s, company_id))
    elif ticket is not None:
        sheet = ops.read(store, lambda s: sheets.ticket_sheet(s, ticket))
    elif project_id is not None:
        sheet = ops.read(store, lambda s: sheets.project_sheet(s, project_id))
    else:
        raise ValueError("person_id, company_id, ticket or project_id is required")
    doc = printouts.sheet_document(sheet, _fmt(lang), now)
    return Printed(path, printouts.save(doc, path))


def print_agenda(
    store: Store, path: Path, day: dt.date, clock: Clock | None = None, lang: str | None = None
) -> Printed:
    ensure_app()
    now = (clock or SystemClock()).now()
    entries = ops.read(store, lambda s: sheets.agenda(s, day, owner=store.owner))
    doc = printouts.agenda_document(entries, day, _fmt(lang), now)
    return Printed(path, printouts.save(doc, path))


def print_dashboard(
    store: Store,
    path: Path,
    clock: Clock | None = None,
    year: int | None = None,
    lang: str | None = None,
) -> Printed:
    ensure_app()
    clock = clock or SystemClock()
    now = clock.now()
    period = analytics.Period.year(year or now.astimezone(local_zone()).year)
    board = ops.read(store, lambda s: analytics.dashboard(s, period, clock))
    doc = printouts.dashboard_document(board, _fmt(lang), now)
    return Printed(path, printouts.save(doc, path))


def print_targets(
    store: Store,
    path: Path,
    clock: Clock | None = None,
    year: int | None = None,
    lang: str | None = None,
) -> Printed:
    ensure_app()
    now = (clock or SystemClock()).now()
    the_year = year or now.astimezone(local_zone()).year
    rows = ops.read(store, lambda s: targets.target_report(s, the_year, owner=None))  # the team
    doc = printouts.targets_document(rows, the_year, _fmt(lang), now)
    return Printed(path, printouts.save(doc, path))


def print_pipeline(
    store: Store, path: Path, clock: Clock | None = None, lang: str | None = None
) -> Printed:
    ensure_app()
    now = (clock or SystemClock()).now()
    stages = ops.read(store, sheets.pipeline_list)
    doc = printouts.pipeline_document(stages, _fmt(lang), now)
    return Printed(path, printouts.save(doc, path))


def contact_plan_document(
    rows: list[contact_report.ContactPlanRow],
    start: dt.date,
    end: dt.date,
    owner: str | None,
    fmt: Fmt,
    now: dt.datetime,
) -> Document:
    """Contact intervals, target against actual: planned, done and missing contacts per
    person of the period, the most behind first."""
    period = f"{fmt.date(start)} – {fmt.date(end)}"
    if owner:
        period += " · " + QCoreApplication.translate("Printout", "Owner: {owner}").format(
            owner=owner
        )
    doc = Document(
        QCoreApplication.translate("Printout", "Contact intervals: target and actual"),
        period,
        printouts._printed(fmt, now),
    )
    planned = sum(r.planned for r in rows)
    done = sum(min(r.done, r.planned) for r in rows)
    doc.add(
        Kpis(
            [
                (QCoreApplication.translate("Printout", "People with a rhythm"), str(len(rows))),
                (
                    QCoreApplication.translate("Printout", "Planned contacts done"),
                    QCoreApplication.translate("Printout", "{done} of {planned}").format(
                        done=done, planned=planned
                    ),
                ),
                (
                    QCoreApplication.translate("Printout", "People behind"),
                    str(sum(1 for r in rows if r.behind)),
                ),
            ]
        )
    )
    if not rows:
        doc.add(
            Paragraph(
                QCoreApplication.translate(
                    "Printout", "Nobody has a contact interval in this selection."
                ),
                muted=True,
            )
        )
        return doc
    any_kind = QCoreApplication.translate("Printout", "any")
    doc.add(
        Table(
            [
                QCoreApplication.translate("Printout", "Name"),
                QCoreApplication.translate("Printout", "Company"),
                QCoreApplication.translate("Printout", "Contact via"),
                QCoreApplication.translate("Printout", "Every"),
                QCoreApplication.translate("Printout", "Planned"),
                QCoreApplication.translate("Printout", "Done"),
                QCoreApplication.translate("Printout", "Behind"),
                QCoreApplication.translate("Printout", "Last contact"),
            ],
            [
                [
                    r.name,
                    r.company or "",
                    printouts._kind_label(r.kind.value) if r.kind else any_kind,
                    QCoreApplication.translate("Printout", "1 day")
                    if r.interval_days == 1
                    else QCoreApplication.translate("Printout", "{days} days").format(
                        days=r.interval_days
                    ),
                    str(r.planned),
                    str(r.done),
                    str(r.behind) if r.behind else "—",
                    fmt.date(fmt.local(r.last_contact).date()) if r.last_contact else "—",
                ]
                for r in rows
            ],
            align="lllrrrrl",
            total=[
                QCoreApplication.translate("Printout", "Total"),
                "",
                "",
                "",
                str(planned),
                str(sum(r.done for r in rows)),
                str(sum(r.behind for r in rows)),
                "",
            ],
        )
    )
    return doc


def print_contact_plan(
    store: Store,
    path: Path,
    start: dt.date,
    end: dt.date,
    owner: str | None = None,
    clock: Clock | None = None,
    lang: str | None = None,
) -> Printed:
    """The contact-interval report (planned vs done contacts) of a period as PDF."""
    ensure_app()
    now = (clock or SystemClock()).now()
    rows = ops.read(store, lambda s: contact_report.contact_plan(s, start, end, owner))
    doc = contact_plan_document(rows, start, end, owner, _fmt(lang), now)
    return Printed(path, printouts.save(doc, path))


def contact_sheet_pdf(
    store: Store,
    path: Path,
    *,
    person_id: int | None = None,
    company_id: int | None = None,
    ticket: str | None = None,
    project_id: int | None = None,
    clock: Clock | None = None,
    lang: str | None = None,
) -> Path:
    return print_contact_sheet(
        store,
        path,
        person_id=person_id,
        company_id=company_id,
        ticket=ticket,
        project_id=project_id,
        clock=clock,
        lang=lang,
    ).path


def agenda_pdf(
    store: Store, path: Path, day: dt.date, clock: Clock | None = None, lang: str | None = None
) -> Path:
    return print_agenda(store, path, day, clock, lang).path


def dashboard_pdf(
    store: Store,
    path: Path,
    clock: Clock | None = None,
    year: int | None = None,
    lang: str | None = None,
) -> Path:
    return print_dashboard(store, path, clock, year, lang).path


def targets_pdf(
    store: Store,
    path: Path,
    clock: Clock | None = None,
    year: int | None = None,
    lang: str | None = None,
) -> Path:
    return print_targets(store, path, clock, year, lang).path


def pipeline_pdf(
    store: Store, path: Path, clock: Clock | None = None, lang: str | None = None
) -> Path:
    return print_pipeline(store, path, clock, lang).path


__all__ = [
    "Printed",
    "agenda_pdf",
    "contact_plan_document",
    "contact_sheet_pdf",
    "dashboard_pdf",
    "pipeline_pdf",
    "print_agenda",
    "print_contact_plan",
    "print_contact_sheet",
    "print_dashboard",
    "print_pipeline",
    "print_targets",
    "targets_pdf",
]
