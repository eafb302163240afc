"""``import`` and ``export``: contacts from vCard/CSV files, data out as JSON/CSV/vCard."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from crm_desktop.cli.context import CliContext
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import CrmError, ImportFileError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "import",
        help="import contacts from vCard (.vcf) or CSV files, one transaction per file",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="vCard or CSV files")
    p.add_argument("--dry-run", action="store_true", help="check everything, store nothing")
    p.add_argument(
        "--on-duplicate",
        choices=["create", "skip", "merge"],
        default="create",
        help="what to do with people already stored (default: create; the very "
        "same record is never copied)",
    )
    p.add_argument("--json", action="store_true", help="print the reports as JSON")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="export data as JSON, CSV or vCard")
    p.add_argument("--format", choices=["json", "csv", "vcard"], required=True)
    p.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    p.add_argument(
        "--entity",
        choices=["people", "companies", "activities"],
        default="people",
        help="what a CSV holds (default: people)",
    )
    p.add_argument(
        "--layout",
        choices=["standard", "full"],
        default="standard",
        help="CSV of people: standard (one phone of each kind, two e-mails, one address) "
        "or full (every e-mail, phone and address in numbered columns; the import reads "
        "it back without loss)",
    )
    p.add_argument(
        "--vcard-version",
        choices=["3.0", "4.0"],
        default="3.0",
        help="default: 3.0 (Outlook does not read 4.0)",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_export)


def cmd_import(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services.importer import import_file

    store = ctx.store()
    reports: list[dict[str, Any]] = []
    texts: list[str] = []
    failed = False
    for name in args.files:
        try:
            report = import_file(
                store,
                Path(name),
                dry_run=args.dry_run,
                on_duplicate=args.on_duplicate,
                clock=ctx.clock,
                region=ctx.phone_region,
            )
        except ImportFileError as exc:
            failed = True
            reports.append({"source": name, "error": exc.text()})
            texts.append(f"{name}: not imported: {exc.text()}")
            if not ctx.json:
                sys.stderr.write(f"crm-desktop: {name}: {exc.text()}\n")
            continue
        reports.append(report.as_dict())
        texts.append(report.summary_text(ctx.tr))
    human = "\n".join(t for t in texts if "not imported" not in t)
    if ctx.json:
        ctx.out(reports)
    elif human:
        print(human)
    return 1 if failed else 0


def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services import exporter

    out = Path(args.out)
    store = ctx.store()
    with store.reader() as session:
        if args.format == "json":
            data = exporter.export_json(session)
            tmp = out.with_name(out.name + ".part")
            try:
                tmp.write_text(
                    json.dumps(data, ensure_ascii=False, indent=2, default=str),
                    encoding="utf-8",
                )
                tmp.replace(out)
            except OSError as exc:
                tmp.unlink(missing_ok=True)
                raise CrmError(
                    QT_TRANSLATE_NOOP("errors", "The file {path} cannot be written: {detail}"),
                    path=str(out),
                    detail=exc.strerror or str(exc),
                ) from exc
            count = sum(len(v) for v in data.values())
            what = "records"
        elif args.format == "csv":
            count = exporter.export_csv(session, args.entity, out, layout=args.layout)
            what = args.entity
        else:
            count = exporter.export_vcard(session, out, version=args.vcard_version)
            what = "people"
    ctx.out(
        {"format": args.format, "out": str(out), "count": count, "entity": what},
        f"{count} {what} written to {out}",
    )
    return 0
