"""``departments list|rename|delete|move``: the departments of companies."""

from __future__ import annotations

import argparse
from typing import Any

from crm_desktop.cli.context import CliContext


def register(sub: Any) -> None:
    deps = sub.add_parser("departments", help="list, rename, delete departments; move people")
    dsub = deps.add_subparsers(dest="departments_command", metavar="ACTION", required=True)
    lst = dsub.add_parser("list", help="departments with their people count")
    lst.add_argument("--company", type=int, metavar="ID", help="only this company")
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.set_defaults(func=cmd_list)
    ren = dsub.add_parser("rename", help="rename a department")
    ren.add_argument("id", type=int, metavar="ID", help="department id")
    ren.add_argument("name", metavar="NAME", help="the new name")
    ren.add_argument("--json", action="store_true", help="print JSON")
    ren.set_defaults(func=cmd_rename)
    dele = dsub.add_parser("delete", help="delete a department (its people stay in the company)")
    dele.add_argument("id", type=int, metavar="ID", help="department id")
    dele.add_argument("--json", action="store_true", help="print JSON")
    dele.set_defaults(func=cmd_delete)
    mov = dsub.add_parser("move", help="move people into a department (or out of theirs)")
    mov.add_argument("people", type=int, nargs="+", metavar="PERSON", help="person ids")
    target = mov.add_mutually_exclusive_group(required=True)
    target.add_argument("--to", type=int, metavar="ID", help="department id")
    target.add_argument("--none", action="store_true", help="out of their department")
    mov.add_argument("--json", action="store_true", help="print JSON")
    mov.set_defaults(func=cmd_move)


def _changed(changes: Any) -> dict[str, Any]:
    return {
        "departments": sorted(changes.departments),
        "people": sorted(changes.people),
    }


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services import departments as svc

    with ctx.store().reader() as s:
        rows = svc.list_departments(s, args.company)
    data = [
        {
            "id": d.id,
            "company_id": d.company_id,
            "company": d.company,
            "name": d.name,
            "parent_id": d.parent_id,
            "head_id": d.head_id,
            "head": d.head or None,
            "people": d.people,
        }
        for d in rows
    ]
    lines = [f"{d.id:>5}  {d.company} / {d.name}  ({d.people})" for d in rows]
    ctx.out(data, "\n".join(lines) if lines else "No departments.")
    return 0


def cmd_rename(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services import departments as svc

    with ctx.store().session() as s:
        changes = svc.rename_department(s, args.id, args.name, ctx.clock)
    ctx.out({"id": args.id, "name": args.name.strip(), **_changed(changes)}, "Renamed.")
    return 0


def cmd_delete(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services import departments as svc

    with ctx.store().session() as s:
        changes = svc.delete_department(s, args.id, ctx.clock)
    data = {"id": args.id, "deleted": True, **_changed(changes)}
    ctx.out(data, f"Deleted; {len(changes.people)} people stay in the company.")
    return 0


def cmd_move(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services import departments as svc

    target = None if args.none else int(args.to)
    with ctx.store().session() as s:
        changes = svc.move_people(s, list(args.people), target, ctx.clock)
    data = {"department_id": target, **_changed(changes)}
    ctx.out(data, f"Moved {len(changes.people)} people.")
    return 0
