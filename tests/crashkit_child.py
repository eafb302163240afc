"""The child process of the kill harness (:mod:`tests.crashkit`): the real command line.

Started as ``python -m tests.crashkit_child``, it imports the program (the CLI with all
its sub-commands, SQLAlchemy, Alembic, the services) and says ``ready`` on stdout. Then
it reads one JSON line from stdin -- ``{"argv": [...], "env": {...}, "cwd": "..."}`` --
and runs ``crm_desktop.cli.main.main(argv)``, exactly what ``crm-desktop ...`` runs.
Importing first keeps the kill moments inside the command's work instead of the
interpreter's start (which touches no file).

Two things differ from a plain ``crm-desktop`` run, both so that an uninterrupted run on
a copy writes exactly the same rows as any other (its signature is the "after" of the
kill test):

* the clock is frozen at :data:`FROZEN` (``SystemClock`` and the column default
  ``utcnow``), so ``created_at``, ``deleted_at``, undo entries and demo dates agree;
* three sub-commands the window has and the command line has not: ``bulk-set``,
  ``bulk-delete`` (one transaction over the selected people, with its undo entry, as
  the window's bulk actions) and ``undo`` (Edit > Undo of the newest entry); and
  ``split-delete``, a deliberately wrong bulk delete in two transactions, which the
  harness's own test must see fail.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import json
import os
import sys
from pathlib import Path
from typing import Any

FROZEN = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
MODULE = "tests.crashkit_child"


def freeze_clock() -> None:
    from crm_desktop import clock
    from crm_desktop.data import base

    def _now(self: object) -> dt.datetime:
        return FROZEN

    clock.SystemClock.now = _now  # type: ignore[method-assign]
    # the column defaults hold the function itself: give it a body that returns FROZEN
    base.__dict__["_CRASHKIT_FROZEN"] = FROZEN
    base.utcnow.__code__ = _frozen_utcnow.__code__


def _frozen_utcnow() -> dt.datetime:  # runs with crm_desktop.data.base's globals
    frozen: dt.datetime = _CRASHKIT_FROZEN  # type: ignore[name-defined] # noqa: F821
    return frozen


def register(sub: Any) -> None:
    p = sub.add_parser("bulk-set", help="(test) set a field on people in one bulk change")
    p.add_argument("field")
    p.add_argument("value")
    p.add_argument("--every", type=int, default=1, help="every n-th live person")
    p.set_defaults(func=_bulk_set)
    p = sub.add_parser("bulk-delete", help="(test) move people to the trash in one change")
    p.add_argument("--every", type=int, default=1, help="every n-th live person")
    p.set_defaults(func=_bulk_delete)
    p = sub.add_parser("split-delete", help="(test) a WRONG bulk delete: two transactions")
    p.set_defaults(func=_split_delete)
    p = sub.add_parser("undo", help="(test) undo the newest undoable change")
    p.set_defaults(func=_undo)


def _ids(session: Any, every: int) -> list[int]:
    from sqlalchemy import select

    from crm_desktop.data.models import Person

    rows = session.execute(
        select(Person.id).where(Person.deleted_at.is_(None)).order_by(Person.id)
    ).scalars()
    return [int(i) for n, i in enumerate(rows) if n % every == 0]


def _bulk_set(ctx: Any, args: argparse.Namespace) -> int:
    from crm_desktop.services import bulk

    with ctx.store().session() as s:
        result = bulk.set_field(s, "person", _ids(s, args.every), args.field, args.value, ctx.clock)
    print(result.label)
    return 0


def _bulk_delete(ctx: Any, args: argparse.Namespace) -> int:
    from crm_desktop.services import bulk

    with ctx.store().session() as s:
        result = bulk.delete_many(s, "person", _ids(s, args.every), ctx.clock)
    print(result.label)
    return 0


def _split_delete(ctx: Any, args: argparse.Namespace) -> int:
    """What the kill test must catch: half the people deleted, committed, a pause, the
    other half -- a kill in the pause leaves a state that is neither before nor after.
    The file ``half-committed`` in the working folder says when the pause begins."""
    import time

    from crm_desktop.services import bulk

    store = ctx.store()
    with store.session() as s:
        ids = _ids(s, 1)
    with store.session() as s:
        bulk.delete_many(s, "person", ids[: len(ids) // 2], ctx.clock)
    Path("half-committed").touch()  # in the cwd: the harness kills it now
    time.sleep(1.0)
    with store.session() as s:
        bulk.delete_many(s, "person", ids[len(ids) // 2 :], ctx.clock)
    return 0


def _undo(ctx: Any, args: argparse.Namespace) -> int:
    from crm_desktop.services import bulk

    with ctx.store().session() as s:
        label = bulk.undo_last(s, ctx.clock)
    print(label or "nothing to undo")
    return 0 if label else 1


PRELOAD = (
    "alembic.command",
    "alembic.script",
    "crm_desktop.data.store",
    "crm_desktop.interop",
    "crm_desktop.services.backup",
    "crm_desktop.services.bulk",
    "crm_desktop.services.demo",
    "crm_desktop.services.importer",
    "crm_desktop.services.merge",
    "crm_desktop.services.search",
    "crm_desktop.services.storecheck",
    "crm_desktop.services.crypto",
)


def _preload() -> None:
    """What the commands import lazily, imported before the start signal."""
    for name in PRELOAD:
        with contextlib.suppress(ImportError):  # crypto: without the crypto extra
            importlib.import_module(name)


def main() -> None:
    from crm_desktop.cli import main as cli

    freeze_clock()
    if MODULE not in cli.COMMAND_MODULES:
        cli.COMMAND_MODULES.append(MODULE)
    _preload()
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    job = json.loads(sys.stdin.readline())
    os.environ.update(job.get("env", {}))
    if job.get("cwd"):
        os.chdir(job["cwd"])
    code = cli.main(job["argv"])
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
