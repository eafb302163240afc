"""``rules show|set|reset``: the rules the user sets (pipeline stages, loss reasons,
quote follow-up, priority criteria, the new-customer opportunity, required fields,
number schemes)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from crm_desktop.cli.context import CliContext


def register(sub: Any) -> None:
    from crm_desktop.services.rules import RULES

    rules = sub.add_parser("rules", help="show and change the rules of this address book")
    rsub = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    show = rsub.add_parser("show", help="every rule with its current value")
    show.add_argument("name", nargs="?", choices=sorted(RULES), help="only this rule")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=cmd_rules_show)
    put = rsub.add_parser(
        "set",
        help="change one rule (undoable in the window)",
        description="VALUE is JSON as `rules show --json` prints it; a number scheme may be "
        "plain text and a list a ';'-separated line, e.g. "
        "rules set loss-reasons 'Preis zu hoch; Kein Budget'.",
    )
    put.add_argument("name", choices=sorted(RULES), help="the rule")
    put.add_argument("value", help="the new value")
    put.add_argument("--json", action="store_true", help="print JSON")
    put.set_defaults(func=cmd_rules_set)
    reset = rsub.add_parser("reset", help="back to the built-in default (undoable)")
    reset.add_argument("name", choices=sorted(RULES), help="the rule")
    reset.add_argument("--json", action="store_true", help="print JSON")
    reset.set_defaults(func=cmd_rules_reset)


def _text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def cmd_rules_show(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services import rules

    with ctx.store().reader() as s:
        data = rules.show(s)
    if args.name:
        data = {args.name: data[args.name]}
    width = max(len(n) for n in data)
    human = "\n".join(f"{name:<{width}}  {_text(value)}" for name, value in data.items())
    ctx.out(data, human)
    return 0


def _report(ctx: CliContext, change: Any) -> int:
    data = {
        "rule": change.name,
        "before": change.before,
        "after": change.after,
        "changed": change.undo_id is not None,
        "undo_id": change.undo_id,
    }
    if change.undo_id is None:
        human = f"{change.name}: unchanged"
    else:
        human = f"{change.name}: {_text(change.before)} → {_text(change.after)}"
    ctx.out(data, human)
    return 0


def cmd_rules_set(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services import rules

    value = rules.parse_value(args.name, args.value)
    with ctx.store().session() as s:
        change = rules.set_rule(s, args.name, value, ctx.clock)
    return _report(ctx, change)


def cmd_rules_reset(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services import rules

    with ctx.store().session() as s:
        change = rules.reset_rule(s, args.name, ctx.clock)
    return _report(ctx, change)
