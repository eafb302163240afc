"""``crm-desktop campaign export``: a selection for a mail merge or as vCards."""

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


def register(sub: Any) -> None:
    camp = sub.add_parser("campaign", help="select people and export them for a campaign")
    csub = camp.add_subparsers(dest="campaign_cmd", metavar="ACTION", required=True)
    exp = csub.add_parser("export", help="export a selection (CSV mail merge or vCard) and log it")
    exp.add_argument("--name", required=True, help="campaign name (logged on each person)")
    exp.add_argument("--format", choices=["csv", "vcard"], default="csv")
    exp.add_argument("--out", required=True, type=Path)
    exp.add_argument("--tag", action="append", default=[], help="people with this tag (repeatable)")
    exp.add_argument(
        "--status", action="append", default=[], choices=[s.value for s in CompanyStatus]
    )
    exp.add_argument("--priority", action="append", default=[], choices=[p.value for p in Priority])
    exp.add_argument("--company", action="append", type=int, default=[], metavar="ID")
    exp.add_argument("--postcode-from")
    exp.add_argument("--postcode-to")
    exp.add_argument("--not-contacted-since", metavar="YYYY-MM-DD")
    exp.add_argument("--opt-in", action="store_true", help="only people with a recorded opt-in")
    exp.add_argument("--no-log", action="store_true", help="do not record the campaign")
    exp.add_argument("--json", action="store_true")
    exp.set_defaults(func=_export)


def _export(ctx: CliContext, args: argparse.Namespace) -> int:
    since = None
    if args.not_contacted_since:
        try:
            day = dt.date.fromisoformat(args.not_contacted_since)
        except ValueError as exc:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "“{value}” is not a valid date (YYYY-MM-DD)."),
                value=args.not_contacted_since,
            ) from exc
        since = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
    sel = campaigns.Selection(
        tags=args.tag,
        statuses=[CompanyStatus(s) for s in args.status],
        priorities=[Priority(p) for p in args.priority],
        company_ids=args.company,
        postcode_from=args.postcode_from,
        postcode_to=args.postcode_to,
        last_contact_before=since,
        require_opt_in=args.opt_in,
    )
    store = ctx.store()
    with store.session() as s:
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
                criteria={
                    k: v
                    for k, v in vars(args).items()
                    if k in {"tag", "status", "priority", "postcode_from", "postcode_to", "opt_in"}
                },
            ).id
    data = {
        "exported": n,
        "excluded_withdrawn_consent": result.excluded_withdrawn,
        "excluded_without_opt_in": result.excluded_no_opt_in,
        "campaign_id": campaign_id,
        "out": str(args.out),
    }
    human = f"{n} people exported to {args.out}; {result.excluded_withdrawn} left out because they withdrew marketing consent"
    if args.opt_in:
        human += f", {result.excluded_no_opt_in} without opt-in"
    ctx.out(data, human)
    return 0
