"""``crm-desktop report dashboard|contact-sheet|agenda|targets|pipeline --out F.pdf``,
``crm-desktop report contacts [--from D --to D] [--owner O] [--json] [--out F.pdf]``.

With ``--json`` a report prints ``{"path": …, "pages": …}`` instead of the path."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from crm_desktop.cli.context import CliContext
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ValidationError


def register(sub: Any) -> None:
    report = sub.add_parser(
        "report",
        help="print the dashboard, a contact sheet, an agenda, target/actual or the pipeline as PDF",
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
    targets = rsub.add_parser("targets", help="target and actual revenue of a year as PDF")
    targets.add_argument("--out", required=True, type=Path)
    targets.add_argument("--year", type=int, help="calendar year (default: this year)")
    targets.set_defaults(func=_targets)
    pipe = rsub.add_parser("pipeline", help="the open opportunities per stage as PDF")
    pipe.add_argument("--out", required=True, type=Path)
    pipe.set_defaults(func=_pipeline)
    contacts = rsub.add_parser(
        "contacts",
        help="contact intervals: planned vs done contacts per person for a period",
    )
    contacts.add_argument("--from", dest="start", metavar="D", help="YYYY-MM-DD (default: 1 Jan)")
    contacts.add_argument("--to", dest="end", metavar="D", help="YYYY-MM-DD (default: today)")
    contacts.add_argument("--owner", metavar="O", help="only the people of this owner")
    contacts.add_argument("--out", type=Path, help="also print the report as PDF to this file")
    contacts.add_argument(
        "--json",
        action="store_true",
        help="print the rows as JSON (id, name, kind, interval_days, planned, done, behind, "
        "last_contact)",
    )
    contacts.set_defaults(func=_contacts)
    for parser in (dash, sheet, agenda, targets, pipe):
        parser.add_argument(
            "--json", action="store_true", help='print {"path": …, "pages": …} instead of the path'
        )


def _lang(ctx: CliContext) -> str | None:
    """The printout's language: ``--lang`` (its translation is installed), else the
    application's locale."""
    from crm_desktop.ui.reports import ensure_app

    app = ensure_app()
    lang: str | None = getattr(ctx.args, "lang", None)
    if lang:
        from crm_desktop.app import install_translators

        install_translators(app, lang)
    return lang


def _done(args: argparse.Namespace, printed: Any) -> int:
    if getattr(args, "json", False):
        print(json.dumps({"path": str(printed.path), "pages": printed.pages}))
    else:
        print(printed.path)
    return 0


def _dashboard(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.ui.reports import print_dashboard

    lang = _lang(ctx)
    return _done(args, print_dashboard(ctx.store(), args.out, ctx.clock, args.year, lang))


def _date(value: str | None, default: dt.date) -> dt.date:
    if not value:
        return default
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not a valid date (YYYY-MM-DD)."),
            value=value,
        ) from exc


def _contacts(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services import contact_report as cr

    first, today = cr.default_period(ctx.clock)
    start, end = _date(args.start, first), _date(args.end, today)
    cr.check_period(start, end)
    with ctx.store().reader() as s:
        rows = cr.contact_plan(s, start, end, args.owner)
    printed = None
    if args.out:
        from crm_desktop.ui.reports import print_contact_plan

        lang = _lang(ctx)
        printed = print_contact_plan(ctx.store(), args.out, start, end, args.owner, ctx.clock, lang)
    if args.json:
        print(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        last = r.last_contact.date().isoformat() if r.last_contact else "-"
        print(
            f"{r.person_id}\t{r.name}\t{r.kind.value if r.kind else '*'}\t"
            f"{r.interval_days}\t{r.planned}\t{r.done}\t{r.behind}\t{last}"
        )
    if printed is not None:
        print(printed.path)
    return 0


def _sheet(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.ui.reports import print_contact_sheet

    lang = _lang(ctx)
    printed = print_contact_sheet(
        ctx.store(),
        args.out,
        person_id=args.person,
        company_id=args.company,
        ticket=args.ticket,
        project_id=args.project,
        clock=ctx.clock,
        lang=lang,
    )
    return _done(args, printed)


def _agenda(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.ui.reports import print_agenda

    try:
        day = dt.date.fromisoformat(args.day) if args.day else ctx.clock.now().astimezone().date()
    except ValueError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not a valid date (YYYY-MM-DD)."),
            value=args.day,
        ) from exc
    lang = _lang(ctx)
    return _done(args, print_agenda(ctx.store(), args.out, day, ctx.clock, lang))


def _targets(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.ui.reports import print_targets

    lang = _lang(ctx)
    return _done(args, print_targets(ctx.store(), args.out, ctx.clock, args.year, lang))


def _pipeline(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.ui.reports import print_pipeline

    lang = _lang(ctx)
    return _done(args, print_pipeline(ctx.store(), args.out, ctx.clock, lang))
