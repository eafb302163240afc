"""``ticket show|list``, ``orders export``, ``priorities recompute|set|history``."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from crm_desktop.cli.context import CliContext
from crm_desktop.clock import to_local
from crm_desktop.data.models import Activity, Ticket
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.domain.kinds import Priority
from crm_desktop.errors import ValidationError

if TYPE_CHECKING:
    from crm_desktop.services.priority import HistoryEntry


def register(sub: Any) -> None:
    ticket = sub.add_parser("ticket", help="show a ticket with its conversation, list open tickets")
    tsub = ticket.add_subparsers(dest="ticket_command", metavar="ACTION", required=True)
    show = tsub.add_parser("show", help="a ticket and all its activities across people")
    show.add_argument("number", metavar="NUMBER", help="ticket number, e.g. T-2026-00042")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=cmd_ticket_show)
    lst = tsub.add_parser("list", help="open tickets with their age in days")
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.set_defaults(func=cmd_ticket_list)

    orders = sub.add_parser("orders", help="export orders for invoicing, warehouse, production")
    osub = orders.add_subparsers(dest="orders_command", metavar="ACTION", required=True)
    exp = osub.add_parser(
        "export", help="write orders as CSV or JSON (schema: resources/order-export.schema.json)"
    )
    exp.add_argument("--format", choices=["csv", "json"], default="csv", dest="fmt")
    exp.add_argument("--out", required=True, metavar="FILE", help="file to write")
    exp.add_argument("--from", dest="from_date", metavar="YYYY-MM-DD", help="first order date")
    exp.add_argument("--to", dest="to_date", metavar="YYYY-MM-DD", help="last order date")
    exp.add_argument("--json", action="store_true", help="print the result as JSON")
    exp.set_defaults(func=cmd_orders_export)

    prio = sub.add_parser("priorities", help="A/B/C customer priorities")
    psub = prio.add_subparsers(dest="priorities_command", metavar="ACTION", required=True)
    rec = psub.add_parser("recompute", help="recompute A/B/C from the configured criteria")
    rec.add_argument("--json", action="store_true", help="print JSON")
    rec.set_defaults(func=cmd_priorities_recompute)
    pset = psub.add_parser(
        "set", help="set a priority by hand (--keep: the automatic run leaves it alone)"
    )
    _record_option(pset)
    pset.add_argument(
        "--priority", required=True, choices=[*(p.value for p in Priority), "none"], help="A, B, C"
    )
    keep = pset.add_mutually_exclusive_group()
    keep.add_argument(
        "--keep", action="store_true", help="keep it: the automatic run does not change it"
    )
    keep.add_argument(
        "--release", action="store_true", help="hand the record back to the automatic run"
    )
    pset.add_argument("--json", action="store_true", help="print JSON")
    pset.set_defaults(func=cmd_priorities_set)
    hist = psub.add_parser("history", help="the priority history of a company or a person")
    _record_option(hist)
    hist.add_argument("--json", action="store_true", help="print JSON")
    hist.set_defaults(func=cmd_priorities_history)


def _record_option(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--company", type=int, metavar="ID", help="company id")
    which.add_argument("--person", type=int, metavar="ID", help="person id")


def _iso(moment: dt.datetime | None) -> str | None:
    return to_local(moment).isoformat() if moment is not None else None


def _when(moment: dt.datetime | None) -> str:
    return to_local(moment).strftime("%d.%m.%Y %H:%M") if moment is not None else "-"


def ticket_data(ticket: Ticket, activities: list[Activity]) -> dict[str, Any]:
    return {
        "ticket": {
            "number": ticket.number,
            "title": ticket.title,
            "status": ticket.status.value,
            "kind": ticket.kind.value,
            "opened_at": _iso(ticket.opened_at),
            "closed_at": _iso(ticket.closed_at),
            "person_id": ticket.person_id,
            "company_id": ticket.company_id,
            "description": ticket.description,
            "history": [
                {
                    "from": c.old_status.value if c.old_status else None,
                    "to": c.new_status.value,
                    "at": _iso(c.changed_at),
                    "by": c.changed_by,
                    "note": c.note,
                }
                for c in ticket.status_changes
            ],
        },
        "activities": [
            {
                "id": a.id,
                "kind": a.kind.value,
                "direction": a.direction.value,
                "occurred_at": _iso(a.occurred_at),
                "person_id": a.person_id,
                "person": a.person.full_name if a.person is not None else None,
                "subject": a.subject,
                "text": a.text,
            }
            for a in activities
        ],
    }


def cmd_ticket_show(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services.tickets import ticket_timeline

    with ctx.store().reader() as s:
        ticket, acts = ticket_timeline(s, args.number)
        data = ticket_data(ticket, acts)
        human = _ticket_text(ticket, acts)
    ctx.out(data, human)
    return 0


def _ticket_text(ticket: Ticket, acts: list[Activity]) -> str:
    who = ticket.person.full_name if ticket.person else ""
    company = ticket.company.name if ticket.company else ""
    closed = f"   closed {_when(ticket.closed_at)}" if ticket.closed_at else ""
    lines = [
        f"{ticket.number}  {ticket.title}",
        f"Status: {ticket.status.value}   opened {_when(ticket.opened_at)}{closed}",
    ]
    if who or company:
        lines.append("Customer: " + ", ".join(x for x in (who, company) if x))
    lines.append("History:")
    for c in ticket.status_changes:
        note = f" – {c.note}" if c.note else ""
        by = f" ({c.changed_by})" if c.changed_by else ""
        old = c.old_status.value if c.old_status else "new"
        lines.append(f"  {_when(c.changed_at)}  {old} → {c.new_status.value}{by}{note}")
    lines.append(f"Activities ({len(acts)}):")
    for a in acts:
        person = a.person.full_name if a.person is not None else "-"
        lines.append(f"  {_when(a.occurred_at)}  {a.kind.value:<12} {person}: {a.subject}")
    return "\n".join(lines)


def cmd_ticket_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services.tickets import open_tickets

    with ctx.store().reader() as s:
        rows = open_tickets(s, ctx.clock)
    data = [
        {
            "number": r.number,
            "title": r.title,
            "status": r.status.value,
            "opened_at": _iso(r.opened_at),
            "age_days": r.age_days,
            "person_id": r.person_id,
            "person": r.person or None,
            "company_id": r.company_id,
            "company": r.company or None,
        }
        for r in rows
    ]
    if not rows:
        human = "No open tickets."
    else:
        human = "\n".join(
            f"{r.number:<14} {r.age_days:>4} d  {r.status.value:<9} {r.title}"
            + (
                f"  ({', '.join(x for x in (r.person, r.company) if x)})"
                if r.person or r.company
                else ""
            )
            for r in rows
        )
    ctx.out(data, human)
    return 0


def _date(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not a date (YYYY-MM-DD) for {name}."),
            field=name,
            value=value,
            name=name,
        ) from exc


def cmd_orders_export(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services.orders import export_orders

    start = _date(args.from_date, "--from")
    end = _date(args.to_date, "--to")
    with ctx.store().reader() as s:
        count = export_orders(s, args.fmt, args.out, start, end, clock=ctx.clock)
    ctx.out(
        {"exported": count, "format": args.fmt, "path": str(args.out)},
        f"{count} orders written to {args.out}",
    )
    return 0


def cmd_priorities_recompute(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services.priority import recompute_priorities

    with ctx.store().session() as s:
        changes = recompute_priorities(s, ctx.clock)
        data = [
            {
                "entity": c.entity,
                "id": c.id,
                "name": c.name,
                "old": c.old.value if c.old else None,
                "new": c.new.value,
                "reason": c.reason,
            }
            for c in changes
        ]
    human = (
        "\n".join(f"{c['name']}: {c['old'] or '-'} → {c['new']}" for c in data)
        + f"\n{len(data)} priorities changed."
        if data
        else "No priority changed."
    )
    ctx.out(data, human)
    return 0


def _history_json(entry: HistoryEntry) -> dict[str, object]:
    return {
        "changed_at": _iso(entry.changed_at),
        "old": entry.old.value if entry.old else None,
        "new": entry.new.value if entry.new else None,
        "source": entry.source,
        "kept": entry.kept,
        "figures": entry.figures,
        "reason": entry.reason,
    }


def cmd_priorities_set(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services import priority as svc

    entity: svc.Entity = "company" if args.company is not None else "person"
    record_id = int(args.company if args.company is not None else args.person)
    value = None if args.priority == "none" else Priority(args.priority)
    with ctx.store().session() as s:
        keep = bool(args.keep) or (not args.release and svc.is_locked(s, entity, record_id))
        entry = svc.set_priority(s, entity, record_id, value, keep=keep, clock=ctx.clock)
    data = {
        "entity": entity,
        "id": record_id,
        "priority": value.value if value else None,
        "kept": keep,
        "changed": entry is not None,
    }
    state = "kept by hand" if keep else "automatic"
    ctx.out(data, f"{entity} {record_id}: priority {args.priority} ({state})")
    return 0


def cmd_priorities_history(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services import priority as svc

    entity: svc.Entity = "company" if args.company is not None else "person"
    record_id = int(args.company if args.company is not None else args.person)
    with ctx.store().reader() as s:
        entries = svc.history(s, entity, record_id)
        locked = svc.is_locked(s, entity, record_id)
    data = {
        "entity": entity,
        "id": record_id,
        "kept": locked,
        "history": [_history_json(e) for e in entries],
    }
    lines = [
        f"{_when(e.changed_at)}  {e.old.value if e.old else '-'} → "
        f"{e.new.value if e.new else '-'}  {e.reason}"
        for e in entries
    ]
    human = "\n".join(lines) if lines else "No priority change recorded."
    if locked:
        human += "\nThe priority is kept by hand."
    ctx.out(data, human)
    return 0
