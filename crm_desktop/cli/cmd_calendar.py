"""``due`` and ``calendar export|import``: follow-ups on the command line, .ics files."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from crm_desktop.cli.context import CliContext, make_translator
from crm_desktop.clock import to_local
from crm_desktop.services import calendar as cal
from crm_desktop.services import followups as fus
from crm_desktop.services.ics_import import import_ics


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def register(sub: Any) -> None:
    p = sub.add_parser("due", help="list follow-ups that are due now or overdue")
    p.add_argument("--all-owners", action="store_true", help="also those of other owners")
    p.add_argument("--json", action="store_true", help="print the list as JSON")
    p.set_defaults(func=cmd_due)

    p = sub.add_parser("calendar", help="export or import iCalendar (.ics) files")
    csub = p.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    e = csub.add_parser("export", help="write follow-ups and appointments to an .ics file")
    e.add_argument("--out", required=True, metavar="FILE", help="the .ics file to write")
    e.add_argument("--from", dest="from_date", type=_day, metavar="YYYY-MM-DD")
    e.add_argument("--to", dest="to_date", type=_day, metavar="YYYY-MM-DD")
    e.add_argument("--all-owners", action="store_true", help="also those of other owners")
    e.add_argument("--json", action="store_true", help="print the result as JSON")
    e.set_defaults(func=cmd_export)
    i = csub.add_parser("import", help="import appointments and invitations from an .ics file")
    i.add_argument("file", metavar="FILE", help="the .ics file")
    i.add_argument("--json", action="store_true", help="print the result as JSON")
    i.set_defaults(func=cmd_import)


def _due_json(entry: fus.AgendaEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "due_at": to_local(entry.at).isoformat(),
        "kind": entry.kind.value,
        "note": entry.note,
        "person_id": entry.person_id,
        "person": entry.person,
        "company": entry.company,
        "phone": entry.phone,
    }


def _due_line(entry: fus.AgendaEntry) -> str:
    when = to_local(entry.at).strftime("%Y-%m-%d %H:%M")
    who = entry.person or entry.company or "-"
    if entry.person and entry.company:
        who = f"{entry.person} ({entry.company})"
    note = entry.note or ("contact interval reached" if entry.auto_reason else "")
    parts = [f"#{entry.id}", when, entry.kind.value, who]
    if entry.phone:
        parts.append(entry.phone)
    if note:
        parts.append(f"- {note}")
    return "  ".join(parts)


def cmd_due(ctx: CliContext, args: argparse.Namespace) -> int:
    store = ctx.store()
    owner = None if args.all_owners else store.reminder_owner
    if not store.read_only:
        with store.session() as s:
            fus.ensure_interval_followups(s, ctx.clock)
    with store.reader() as s:
        entries = fus.due_now(s, ctx.clock, owner)
    human = "\n".join(_due_line(e) for e in entries) or "Nothing is due."
    ctx.out([_due_json(e) for e in entries], human)
    return 0


def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    store = ctx.store()
    owner = None if args.all_owners else store.owner
    out = Path(args.out)
    # the events' texts ("Call …", "Company:") in the language of --lang
    translate = make_translator(getattr(ctx.args, "lang", None), "ical")
    with store.reader() as s:
        count = cal.export_calendar(
            s, out, args.from_date, args.to_date, owner, stamp=ctx.clock.now(), translate=translate
        )
    ctx.out({"path": str(out), "events": count}, f"{count} events written to {out}")
    return 0


def cmd_import(ctx: CliContext, args: argparse.Namespace) -> int:
    store = ctx.store()
    with store.session() as s:
        report = import_ics(s, Path(args.file), store.owner)
    data = report.to_json()
    lines = [
        f"{len(report.created)} created, {len(report.updated)} updated, "
        f"{len(report.cancelled)} cancelled, {len(report.skipped)} skipped"
    ]
    lines += [f"  skipped {s.title or s.uid}: {s.reason}" for s in report.skipped]
    if report.recurring:
        lines.append(f"  {len(report.recurring)} recurring series stored with their rule")
    ctx.out(data, "\n".join(lines))
    return 0
