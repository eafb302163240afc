"""``import-mail``: e-mails (``.eml`` files, mbox files, folders of them) into the timeline."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from crm_desktop.cli.context import CliContext


def register(sub: Any) -> None:
    p = sub.add_parser(
        "import-mail",
        help="read e-mails (.eml, mbox, folders) into the timeline as e-mail activities",
        description="Each mail is matched to a stored person by address (from: inbound, "
        "to: outbound); a ticket number in the subject links the ticket; attachments "
        "are kept as documents. A mail read before (same Message-ID) is skipped. "
        "Mails nobody stored has are listed, not imported, unless --person, --company "
        "or --ticket says where they belong.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help=".eml or mbox files, or folders")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--person", type=int, metavar="ID", help="link every mail to this person")
    which.add_argument("--company", type=int, metavar="ID", help="... to this company")
    which.add_argument("--ticket", metavar="NUMBER", help="... to this ticket")
    p.add_argument(
        "--me",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="an address of your own (mails from it are outbound); may be repeated",
    )
    p.add_argument("--dry-run", action="store_true", help="check everything, store nothing")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_import_mail)


class _DryRun(Exception):
    """Leaves the unit of work without committing: a dry run stores nothing."""

    def __init__(self, report: Any) -> None:
        super().__init__("dry run")
        self.report = report


def _run(store: Any, args: argparse.Namespace, ctx: CliContext) -> Any:
    from crm_desktop.services import mailimport
    from crm_desktop.services.tickets import ticket_by_number

    with store.session() as s:
        ticket_id = ticket_by_number(s, args.ticket).id if args.ticket else None
        target = mailimport.Target(
            person_id=args.person, company_id=args.company, ticket_id=ticket_id
        )
        report = mailimport.import_paths(
            s,
            [Path(f) for f in args.files],
            clock=ctx.clock,
            target=target,
            own_addresses=args.me,
            owner=store.owner,
        )
        if args.dry_run:
            raise _DryRun(report)
    return report


def cmd_import_mail(ctx: CliContext, args: argparse.Namespace) -> int:
    store = ctx.store()
    try:
        report = _run(store, args, ctx)
    except _DryRun as done:
        report = done.report
    data = report.to_dict()
    data["dry_run"] = bool(args.dry_run)
    lines = [
        f"{len(report.imported)} e-mails read into the timeline"
        + (" (dry run: nothing stored)" if args.dry_run else "")
        + f", {report.attachments} attachments kept, {len(report.duplicates)} already there."
    ]
    for item in data["unmatched"]:
        lines.append(
            f"{item['source']}: nobody stored has {', '.join(item['addresses']) or 'no address'}"
            f" ({item['subject'] or 'no subject'})"
        )
    for item in data["rejected"]:
        lines.append(f"{item['source']}: not read: {item['reason']}")
    ctx.out(data, "\n".join(lines))
    return 0
