"""``crm-desktop report dashboard|contact-sheet|agenda --out F.pdf``."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from crm_desktop.cli.context import CliContext
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ValidationError


def register(sub: Any) -> None:
    report = sub.add_parser(
        "report", help="print the dashboard, a contact sheet or an agenda as PDF"
    )
    rsub = report.add_subparsers(dest="report_kind", metavar="KIND", required=True)
    dash = rsub.add_parser("dashboard", help="the dashboard charts as PDF")
    dash.add_argument("--out", required=True, type=Path)
    dash.add_argument("--year", type=int, help="calendar year (default: this year)")
    dash.set_defaults(func=_dashboard)
    sheet = rsub.add_parser("contact-sheet", help="full activity history of one record as PDF")
    target = sheet.add_mutually_exclusive_group(required=True)
    target.add_argument("--person", type=int, metavar="ID")
    target.add_argument("--company", type=int, metavar="ID")
    target.add_argument("--ticket", metavar="NUMBER")
    target.add_argument("--project", type=int, metavar="ID")
    sheet.add_argument("--out", required=True, type=Path)
    sheet.set_defaults(func=_sheet)
    agenda = rsub.add_parser("agenda", help="the agenda of a day as PDF")
    agenda.add_argument("--day", help="YYYY-MM-DD (default: today)")
    agenda.add_argument("--out", required=True, type=Path)
    agenda.set_defaults(func=_agenda)


def _dashboard(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.ui.reports import dashboard_pdf

    path = dashboard_pdf(ctx.store(), args.out, ctx.clock, args.year)
    print(path)
    return 0


def _sheet(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.ui.reports import contact_sheet_pdf

    path = contact_sheet_pdf(
        ctx.store(),
        args.out,
        person_id=args.person,
        company_id=args.company,
        ticket=args.ticket,
        project_id=args.project,
        clock=ctx.clock,
    )
    print(path)
    return 0


def _agenda(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.ui.reports import agenda_pdf

    try:
        day = dt.date.fromisoformat(args.day) if args.day else ctx.clock.now().astimezone().date()
    except ValueError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not a valid date (YYYY-MM-DD)."),
            value=args.day,
        ) from exc
    print(agenda_pdf(ctx.store(), args.out, day, ctx.clock))
    return 0
