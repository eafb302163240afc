"""``demo-data`` (write the German demo data set) and ``search`` (global search)."""

from __future__ import annotations

import argparse
import sys
import time

from crm_desktop.cli.context import CliContext
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = sub.add_parser(
        "demo-data",
        help="fill an empty store with a realistic German demo data set",
        description="Fill an empty store with companies, people, activities, tickets, "
        "projects, opportunities, orders and follow-ups (deterministic for a seed).",
    )
    demo.add_argument(
        "--people", type=int, default=1000, metavar="N", help="number of people (default 1000)"
    )
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    demo.add_argument(
        "--force", action="store_true", help="add the demo data even if the store is not empty"
    )
    demo.add_argument("--json", action="store_true", help="print the summary as JSON")
    demo.set_defaults(func=run_demo)

    find = sub.add_parser(
        "search", help="search people, companies, activities, tickets, orders, projects"
    )
    find.add_argument("text", help="what to look for (prefixes, typos and ticket numbers work)")
    find.add_argument(
        "--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)"
    )
    find.add_argument(
        "--kind",
        action="append",
        choices=["person", "company", "ticket", "order", "project", "activity"],
        help="only this kind (repeatable)",
    )
    find.add_argument("--json", action="store_true", help="print the hits as JSON")
    find.set_defaults(func=run_search)


class _Progress:
    """A one-line progress display on stderr (only when stderr is a terminal)."""

    def __init__(self) -> None:
        self.shown = -1
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // max(1, total)
        if percent == self.shown:
            return
        self.shown = percent
        if self.tty:
            sys.stderr.write(f"\rdemo data: {percent:3d} %")
            if done >= total:
                sys.stderr.write("\n")
        elif percent % 10 == 0:
            sys.stderr.write(f"demo data: {percent} %\n")
        sys.stderr.flush()


def run_demo(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.errors import ValidationError
    from crm_desktop.services.demo import generate

    if args.people < 1:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The number of people must be at least 1."), field="people"
        )
    store = ctx.store()
    started = time.perf_counter()
    summary = generate(
        store, args.people, seed=args.seed, clock=ctx.clock, progress=_Progress(), force=args.force
    )
    seconds = round(time.perf_counter() - started, 2)
    data = summary.as_dict()
    data["seconds"] = seconds
    lines = [f"Demo data written in {seconds:.1f} s ({store.kind_label}):"]
    lines += [
        f"  {key.replace('_', ' ')}: {value}" for key, value in data.items() if key != "seconds"
    ]
    ctx.out(data, "\n".join(lines))
    return 0


def run_search(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services.search import search

    store = ctx.store()
    with store.reader() as session:
        hits = search(session, args.text, limit=max(1, args.limit), kinds=args.kind)
    data = [hit.as_dict() for hit in hits]
    if not hits:
        human = "Nothing found."
    else:
        width = max(len(h.kind) for h in hits)
        human = "\n".join(
            f"{h.kind:<{width}}  {h.ref_id:>7}  {h.title}"
            + (f"  ({h.subtitle})" if h.subtitle else "")
            for h in hits
        )
    ctx.out(data, human)
    return 0
