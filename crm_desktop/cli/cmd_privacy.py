"""``privacy``: GDPR tools (export a person's data, anonymise, consent, retention)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from crm_desktop.cli.context import CliContext
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import CrmError, ValidationError
from crm_desktop.services import privacy


def register(sub: Any) -> None:
    p = sub.add_parser("privacy", help="GDPR tools: export, anonymise, consent, retention")
    psub = p.add_subparsers(dest="privacy_command", metavar="ACTION", parser_class=type(p))
    p.set_defaults(func=_need_action(p))

    e = psub.add_parser("export", help="write everything stored about a person (JSON or HTML)")
    e.add_argument("--person", type=int, required=True, metavar="ID", help="the person's id")
    e.add_argument("--out", required=True, metavar="FILE", help="F.json or F.html")
    e.add_argument("--lang", choices=["de", "en"], default="de", help="language of the HTML")
    e.add_argument("--json", action="store_true", help="print a JSON summary")
    e.set_defaults(func=cmd_export)

    a = psub.add_parser("anonymise", aliases=["anonymize"], help="erase a person's personal data")
    a.add_argument("--person", type=int, required=True, metavar="ID", help="the person's id")
    a.add_argument("--yes", action="store_true", help="really erase (cannot be undone)")
    a.add_argument("--json", action="store_true", help="print the result as JSON")
    a.set_defaults(func=cmd_anonymise)

    w = psub.add_parser("withdraw", help="record that a person withdrew marketing consent")
    w.add_argument("--person", type=int, required=True, metavar="ID", help="the person's id")
    w.add_argument("--source", help="how the withdrawal arrived (e.g. e-mail of 2026-11-20)")
    w.add_argument("--json", action="store_true", help="print the result as JSON")
    w.set_defaults(func=cmd_withdraw)

    r = psub.add_parser("retention", help="people without any activity for N years")
    r.add_argument("--years", type=int, default=3, help="years without activity (default 3)")
    r.add_argument("--json", action="store_true", help="print the list as JSON")
    r.set_defaults(func=cmd_retention)


def _need_action(parser: argparse.ArgumentParser) -> Any:
    def handler(ctx: CliContext, args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return 2

    return handler


def _write_atomically(path: Path, content: str) -> None:
    tmp = path.with_name(f".{path.name}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(content, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CrmError(
            QT_TRANSLATE_NOOP("errors", "The file {path} cannot be written: {detail}"),
            path=str(path),
            detail=exc.strerror or str(exc),
        ) from exc


def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    suffix = out.suffix.lower()
    if suffix not in (".json", ".html", ".htm"):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The output file must end in .json or .html, not “{suffix}”."
            ),
            field="out",
            suffix=suffix or out.name,
        )
    with ctx.store().reader() as s:
        data = privacy.export_person_data(s, args.person, clock=ctx.clock)
    if suffix == ".json":
        content = json.dumps(data, ensure_ascii=False, indent=2)
    else:
        content = privacy.render_person_html(data, lang=args.lang)
    _write_atomically(out, content)
    ctx.out(
        {"person": args.person, "file": str(out), "format": suffix.lstrip(".")},
        f"Wrote everything stored about person {args.person} to {out}",
    )
    return 0


def cmd_anonymise(ctx: CliContext, args: argparse.Namespace) -> int:
    store = ctx.store()
    if not args.yes:
        with store.reader() as s:
            data = privacy.export_person_data(s, args.person, clock=ctx.clock)
        p = data["person"]
        name = " ".join(x for x in (p.get("given_name"), p.get("family_name")) if x)
        sys.stderr.write(
            f"crm-desktop: this erases the personal data of person {args.person} ({name}: "
            f"{len(data['activities'])} activities keep only kind and date). "
            "It cannot be undone. Add --yes to do it.\n"
        )
        return 1
    report = privacy.erase_person(store, args.person, ctx.clock, actor=store.owner, paths=ctx.paths)
    ctx.out(report.as_dict(), _anonymise_text(report))
    return 0


_UNREACHED_TEXT = {
    "document-file": "a file a document of hers points to: {path}",
    "exported-files": "files exported earlier (JSON, HTML, CSV, vCard, calendar files): "
    "the program does not keep track of them",
}


def _anonymise_text(report: privacy.ErasureReport) -> str:
    from crm_desktop.clock import to_local

    r = report.result
    lines = [
        f"Person {r.person_id} anonymised ({r.activities} activities blanked).",
        f"  merged duplicates anonymised: {len(r.duplicates)}",
        f"  attendee rows anonymised: {r.attendees}",
        f"  undo entries removed: {r.undo_entries}",
        f"  mentions in other records replaced: {r.mentions_scrubbed}",
        f"  search index cleaned: {'yes' if report.search_index_optimized else 'no'}",
        f"  database file rewritten: {'yes' if report.database_compacted else 'no'}",
        f"  calendar file rewritten: {'yes' if report.calendar_rewritten else 'no'}",
        f"  invitation files removed: {report.invitations_removed}",
        f"  log files cleaned: {report.log_files_scrubbed}",
        "Not reached (erase or rotate them yourself):",
    ]
    for item in report.not_reached:
        if item.kind == "backup":
            when = to_local(item.created).strftime("%Y-%m-%d %H:%M") if item.created else "?"
            lines.append(f"  - backup of {when}: {item.path}")
        else:
            lines.append("  - " + _UNREACHED_TEXT.get(item.kind, item.kind).format(path=item.path))
    return "\n".join(lines)


def cmd_withdraw(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.store().session() as s:
        person = privacy.withdraw_consent(s, args.person, ctx.clock, source=args.source)
        when = person.consent_withdrawn_at
    ctx.out(
        {"person": args.person, "consent_withdrawn_at": when.isoformat() if when else None},
        f"Marketing consent of person {args.person} withdrawn.",
    )
    return 0


def cmd_retention(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.clock import to_local

    if args.years < 1:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "--years must be at least 1."), field="years"
        )
    with ctx.store().reader() as s:
        rows = privacy.retention_candidates(s, ctx.clock, years=args.years)
    lines = []
    for r in rows:
        last = to_local(r.last_activity).strftime("%Y-%m-%d") if r.last_activity else "never"
        lines.append(f"{r.person_id:>6}  {last:<10}  {r.name}")
    human = (
        f"{len(rows)} people without activity for {args.years} years:\n" + "\n".join(lines)
        if rows
        else f"No one without activity for {args.years} years."
    )
    ctx.out([r.as_dict() for r in rows], human)
    return 0
