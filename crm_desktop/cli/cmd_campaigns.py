"""``crm-desktop campaign export``: a selection for a mail merge or as vCards;
``campaign segment save|list|delete``: selections kept under a name to run again."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from crm_desktop.cli.context import CliContext
from crm_desktop.data.models import CompanyStatus, Priority
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ValidationError
from crm_desktop.services import campaigns
from crm_desktop.services.customfields import list_fields, normalise_terms, parse_assignments


def register(sub: Any) -> None:
    camp = sub.add_parser("campaign", help="select people and export them for a campaign")
    csub = camp.add_subparsers(dest="campaign_cmd", metavar="ACTION", required=True)
    exp = csub.add_parser("export", help="export a selection (CSV mail merge or vCard) and log it")
    exp.add_argument("--name", required=True, help="campaign name (logged on each person)")
    exp.add_argument("--format", choices=["csv", "vcard"], default="csv")
    exp.add_argument("--out", required=True, type=Path)
    _selection_options(exp)
    exp.add_argument(
        "--segment", metavar="NAME", help="run a saved selection (other options add to it)"
    )
    exp.add_argument("--no-log", action="store_true", help="do not record the campaign")
    exp.add_argument("--json", action="store_true")
    exp.set_defaults(func=_export)

    seg = csub.add_parser("segment", help="selections saved under a name")
    ssub = seg.add_subparsers(dest="segment_cmd", metavar="ACTION", required=True)
    save = ssub.add_parser("save", help="save a selection under a name (replaces one of that name)")
    save.add_argument("name")
    _selection_options(save)
    save.add_argument("--json", action="store_true")
    save.set_defaults(func=_segment_save)
    lst = ssub.add_parser("list", help="the saved selections")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=_segment_list)
    rm = ssub.add_parser("delete", help="delete a saved selection")
    rm.add_argument("name")
    rm.add_argument("--json", action="store_true")
    rm.set_defaults(func=_segment_delete)


def _selection_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tag", action="append", default=[], help="people with this tag (repeatable)")
    p.add_argument(
        "--status", action="append", default=[], choices=[s.value for s in CompanyStatus]
    )
    p.add_argument("--priority", action="append", default=[], choices=[p.value for p in Priority])
    p.add_argument(
        "--company",
        action="append",
        type=int,
        default=[],
        metavar="ID",
        help="people of this company and of every branch below it (repeatable)",
    )
    p.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="people whose custom field NAME has VALUE (repeatable)",
    )
    p.add_argument("--postcode-from")
    p.add_argument("--postcode-to")
    p.add_argument("--not-contacted-since", metavar="YYYY-MM-DD")
    consent = p.add_mutually_exclusive_group()
    consent.add_argument(
        "--opt-in",
        action="store_true",
        help="only people with a recorded opt-in (the default; kept for older scripts)",
    )
    consent.add_argument(
        "--without-opt-in",
        action="store_true",
        help="also people without a recorded opt-in (never those who withdrew consent)",
    )


def _since(args: argparse.Namespace) -> dt.datetime | None:
    if not args.not_contacted_since:
        return None
    try:
        day = dt.date.fromisoformat(args.not_contacted_since)
    except ValueError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not a valid date (YYYY-MM-DD)."),
            value=args.not_contacted_since,
        ) from exc
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def _selection(
    args: argparse.Namespace, base: campaigns.Selection | None = None
) -> campaigns.Selection:
    """The selection the options describe, added to ``base`` (a saved segment)."""
    sel = base or campaigns.Selection()
    since = _since(args)
    return campaigns.Selection(
        tags=[*sel.tags, *args.tag],
        statuses=[*sel.statuses, *(CompanyStatus(s) for s in args.status)],
        priorities=[*sel.priorities, *(Priority(p) for p in args.priority)],
        company_ids=[*sel.company_ids, *args.company],
        postcode_from=args.postcode_from or sel.postcode_from,
        postcode_to=args.postcode_to or sel.postcode_to,
        last_contact_before=since or sel.last_contact_before,
        last_contact_after=sel.last_contact_after,
        require_opt_in=False
        if args.without_opt_in
        else (True if args.opt_in else sel.require_opt_in),
        with_email_only=sel.with_email_only,
        fields={**sel.fields, **parse_assignments(args.field)},
    )


def _segment_json(seg: campaigns.Segment) -> dict[str, Any]:
    return {"id": seg.id, "name": seg.name, "selection": seg.selection.to_dict()}


def _segment_save(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.store().session() as s:
        seg = campaigns.save_segment(s, args.name, _selection(args), ctx.clock)
    ctx.out(_segment_json(seg), f"Selection “{seg.name}” saved.")
    return 0


def _segment_list(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.store().reader() as s:
        found = campaigns.segments(s)
    human = "\n".join(seg.name for seg in found) or "No saved selection."
    ctx.out([_segment_json(seg) for seg in found], human)
    return 0


def _segment_delete(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.store().session() as s:
        campaigns.delete_segment(s, args.name)
    ctx.out({"deleted": args.name}, f"Selection “{args.name}” deleted.")
    return 0


def _export(ctx: CliContext, args: argparse.Namespace) -> int:
    store = ctx.store()
    with store.session() as s:
        base = campaigns.load_segment(s, args.segment).selection if args.segment else None
        sel = _selection(args, base)
        if sel.fields:  # "Messe=ja" finds the stored "yes"
            sel.fields = normalise_terms(list_fields(s), sel.fields)
        result = campaigns.select_people(s, sel)
        if args.format == "csv":
            n = campaigns.export_mail_merge(s, result.person_ids, args.out)
        else:
            n = campaigns.export_vcards(s, result.person_ids, args.out)
        campaign_id = None
        if not args.no_log:
            campaign_id = campaigns.create_campaign(
                s,
                args.name,
                result.person_ids,
                ctx.clock,
                owner=store.owner,
                criteria={**sel.to_dict(), "segment": args.segment},
            ).id
    data = {
        "exported": n,
        "excluded_withdrawn_consent": result.excluded_withdrawn,
        "excluded_without_opt_in": result.excluded_no_opt_in,
        "campaign_id": campaign_id,
        "out": str(args.out),
    }
    human = f"{n} people exported to {args.out}; {result.excluded_withdrawn} left out because they withdrew marketing consent"
    if sel.require_opt_in:
        human += f", {result.excluded_no_opt_in} without a recorded opt-in"
    ctx.out(data, human)
    return 0
