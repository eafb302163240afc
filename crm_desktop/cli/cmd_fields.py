"""``fields list|define|rename|delete``: the custom fields of every person (issue #17)."""

from __future__ import annotations

import argparse
from typing import Any

from crm_desktop.cli.context import CliContext


def register(sub: Any) -> None:
    fields = sub.add_parser("fields", help="the custom fields defined for every person")
    fsub = fields.add_subparsers(dest="fields_command", metavar="ACTION", required=True)
    lst = fsub.add_parser("list", help="every defined field with its type")
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.set_defaults(func=cmd_fields_list)
    define = fsub.add_parser(
        "define",
        help="define a field, or change the type of one (undoable in the window)",
        description="TYPE is text, number, date, yesno or choice; a choice (pick-list) "
        "takes its values with --option (repeatable) or --options 'A; B; C'.",
    )
    define.add_argument("name", help="the field's name")
    define.add_argument("--type", default="text", help="text, number, date, yesno, choice")
    define.add_argument("--option", action="append", default=[], help="a pick-list value")
    define.add_argument("--options", default="", help="pick-list values, ';'-separated")
    define.add_argument("--json", action="store_true", help="print JSON")
    define.set_defaults(func=cmd_fields_define)
    rename = fsub.add_parser("rename", help="rename a field; the values move along")
    rename.add_argument("name")
    rename.add_argument("new_name")
    rename.add_argument("--json", action="store_true", help="print JSON")
    rename.set_defaults(func=cmd_fields_rename)
    delete = fsub.add_parser(
        "delete",
        help="delete a field; its values stay as free profile fields unless --remove-values",
    )
    delete.add_argument("name")
    delete.add_argument(
        "--remove-values", action="store_true", help="remove every person's value too"
    )
    delete.add_argument("--json", action="store_true", help="print JSON")
    delete.set_defaults(func=cmd_fields_delete)


def _line(f: Any) -> str:
    options = f" ({'; '.join(f.options)})" if f.options else ""
    return f"{f.name}  {f.kind}{options}"


def cmd_fields_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services import customfields

    with ctx.store().reader() as s:
        found = customfields.list_fields(s)
        counts = {f.name: customfields.count_values(s, f.name) for f in found}
    data = {"fields": [{**f.to_json(), "people": counts[f.name]} for f in found]}
    human = "\n".join(_line(f) for f in found) or "No custom field is defined."
    ctx.out(data, human)
    return 0


def cmd_fields_define(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services import customfields

    options = [*args.option, *(o for o in args.options.split(";") if o.strip())]
    kind = customfields.kind_of(args.type)
    with ctx.store().session() as s:
        change = customfields.define_field(s, args.name, kind, options, clock=ctx.clock)
    assert change.after is not None
    data = {
        "field": change.after.to_json(),
        "created": change.before is None,
        "changed": change.undo_id is not None,
        "undo_id": change.undo_id,
    }
    verb = "defined" if change.before is None else ("changed" if change.undo_id else "unchanged")
    ctx.out(data, f"{_line(change.after)}: {verb}")
    return 0


def cmd_fields_rename(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services import customfields

    with ctx.store().session() as s:
        change = customfields.rename_field(s, args.name, args.new_name, clock=ctx.clock)
    assert change.after is not None
    data = {
        "field": change.after.to_json(),
        "renamed_from": args.name,
        "values_moved": change.people,
        "undo_id": change.undo_id,
    }
    ctx.out(data, f"{args.name} → {change.after.name} ({change.people} values moved)")
    return 0


def cmd_fields_delete(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services import customfields

    with ctx.store().session() as s:
        change = customfields.delete_field(
            s, args.name, keep_values=not args.remove_values, clock=ctx.clock
        )
    data = {
        "deleted": args.name,
        "values_kept": not args.remove_values,
        "values_removed": change.people,
        "undo_id": change.undo_id,
    }
    tail = f"{change.people} values removed" if args.remove_values else "values kept"
    ctx.out(data, f"Field “{args.name}” deleted ({tail}).")
    return 0
