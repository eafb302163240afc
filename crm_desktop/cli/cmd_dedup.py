"""``crm-desktop duplicates`` and ``crm-desktop merge``."""

from __future__ import annotations

import argparse
from typing import Any

from crm_desktop.cli.context import CliContext
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ValidationError
from crm_desktop.services import dedup, merge


def register(sub: Any) -> None:
    p = sub.add_parser(
        "duplicates",
        help="list likely duplicate people and companies",
        description="List pairs of records that look like the same person or company, best first.",
    )
    p.add_argument(
        "--entity",
        choices=["people", "companies", "both"],
        default="people",
        help="what to compare",
    )
    p.add_argument(
        "--min-score",
        type=int,
        default=dedup.DEFAULT_MIN_SCORE,
        metavar="N",
        help=f"report pairs scoring at least N of 100 (default {dedup.DEFAULT_MIN_SCORE})",
    )
    p.add_argument(
        "--include-ignored", action="store_true", help="also list pairs marked as not duplicates"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_duplicates)

    m = sub.add_parser(
        "merge",
        help="merge two records (the first one is kept)",
        description="Merge DROP_ID into KEEP_ID. The kept record wins on conflicts, its empty "
        "fields are filled from the other; everything linked moves; the other goes to the trash. "
        "The merge can be undone in the window (Duplicates → Undo merge).",
    )
    m.add_argument("keep_id", type=int, metavar="KEEP_ID")
    m.add_argument("drop_id", type=int, metavar="DROP_ID")
    m.add_argument("--entity", choices=["people", "companies"], default="people")
    m.add_argument("--json", action="store_true", help="print JSON")
    m.set_defaults(func=cmd_merge)


def cmd_duplicates(ctx: CliContext, args: argparse.Namespace) -> int:
    if not 0 <= args.min_score <= 100:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The minimum score must be between 0 and 100."),
            field="min_score",
        )
    with ctx.store().reader() as s:
        pairs = dedup.find_duplicates(
            s,
            min_score=args.min_score,
            entity=args.entity,
            include_ignored=args.include_ignored,
        )
    # each pair names its group: the records that look like one person or company
    # (pairs of people and of companies are grouped apart)
    group_of: dict[tuple[str, int], list[int]] = {}
    for entity in ("person", "company"):
        for group in dedup.duplicate_groups([p for p in pairs if p.entity == entity]):
            for x in group:
                group_of[(entity, x)] = group
    data = [
        {
            "a": p.a,
            "b": p.b,
            "score": p.score,
            "reasons": list(p.reasons),
            "entity": p.entity,
            "a_name": p.a_name,
            "b_name": p.b_name,
            "group": group_of.get((p.entity, p.a)) or group_of.get((p.entity, p.b)) or [p.a, p.b],
        }
        for p in pairs
    ]
    ctx.out(data, _table(pairs))
    return 0


def _table(pairs: list[dedup.DuplicatePair]) -> str:
    if not pairs:
        return "No duplicates found."
    rows = [("score", "kind", "A", "B", "reasons")]
    for p in pairs:
        rows.append(
            (
                str(p.score),
                p.entity,
                f"{p.a} {p.a_name}",
                f"{p.b} {p.b_name}",
                "; ".join(p.reasons),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(r[:4])) + "  " + r[4] for r in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * 7)
    lines.append(f"\n{len(pairs)} pair(s).")
    return "\n".join(line.rstrip() for line in lines)


def cmd_merge(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.store().session() as s:
        if args.entity == "companies":
            result = merge.merge_companies(s, args.keep_id, args.drop_id, {}, ctx.clock)
        else:
            result = merge.merge_people(s, args.keep_id, args.drop_id, {}, ctx.clock)
    data = {
        "kept": result.keep_id,
        "dropped": result.drop_id,
        "undo_id": result.undo_id,
        "changed_fields": list(result.changed_fields),
        "moved": result.moved,
    }
    moved = sum(result.moved.values())
    ctx.out(
        data,
        f"Merged {result.drop_id} into {result.keep_id}: {len(result.changed_fields)} field(s) "
        f"filled or changed, {moved} linked record(s) moved; {result.drop_id} is in the trash.",
    )
    return 0
