"""``check``, ``backup`` and ``restore``: the store's health and its backups."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path
from typing import Any

from crm_desktop.cli.context import CliContext
from crm_desktop.errors import StoreError
from crm_desktop.services import backup as bk


def register(sub: Any) -> None:
    p = sub.add_parser("check", help="check the store for damage (integrity and schema)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "backup", help="write a verified backup now (the path is the last line printed)"
    )
    p.add_argument("--list", action="store_true", help="list the backups with what they hold")
    p.add_argument(
        "--kind",
        choices=["manual", "daily", "weekly", "monthly"],
        default="manual",
        help="kind of the new backup (default: manual)",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="replace the store with a backup")
    p.add_argument("file", metavar="FILE", help="the backup file")
    p.add_argument("--yes", action="store_true", help="really replace the current store")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_restore)


def _human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"  # pragma: no cover


def _describe(info: bk.BackupInfo) -> str:
    from crm_desktop.clock import to_local

    when = to_local(info.created).strftime("%Y-%m-%d %H:%M")
    if info.counts is None:
        held = "unreadable"
    else:
        c = info.counts
        held = f"{c['people']} people, {c['companies']} companies, {c['activities']} activities"
    return f"{when}  {info.kind:<11}  {_human_size(info.size):>9}  {held}  {info.path}"


def cmd_backup(ctx: CliContext, args: argparse.Namespace) -> int:
    paths = ctx.paths
    if ctx.database_url:
        raise StoreError(bk.PG_MESSAGE)
    if args.list:
        infos = bk.list_backups(paths)
        human = "\n".join(_describe(i) for i in infos) or "No backups yet."
        ctx.out([i.as_dict() for i in infos], human)
        return 0
    if not paths.db_path.is_file():
        ctx.store()  # creates an empty store, so the first backup has something to hold
    target = bk.make_backup(paths, args.kind, clock=ctx.clock)
    bk.rotate(paths)
    info = bk.backup_info(target)
    ctx.out(info.as_dict(), f"Backup written and verified.\n{target}")
    return 0


def cmd_restore(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services.instance import acquire

    if ctx.database_url:
        raise StoreError(bk.PG_MESSAGE)
    paths = ctx.paths
    source = Path(args.file).expanduser()
    if not source.is_absolute() and not source.exists():
        candidate = paths.backup_dir / source
        if candidate.exists():
            source = candidate
    info = bk.verify_backup(source)
    if not args.yes:
        ctx.out(
            {"backup": info.as_dict(), "restored": False},
            "This backup holds:\n" + _describe(info),
        )
        sys.stderr.write(
            "crm-desktop: nothing was changed. Add --yes to replace the current store "
            "with this backup (the current store is kept as a pre-restore backup).\n"
        )
        return 1
    with acquire(paths):  # not while the program has this folder open
        aside = bk.restore(paths, source, clock=ctx.clock)
    data = {"backup": info.as_dict(), "restored": True, "kept_aside": str(aside) if aside else None}
    human = f"Restored {source}."
    if aside:
        human += f"\nThe previous store was kept as {aside}"
    ctx.out(data, human)
    return 0


def _sqlite_revision(path: Path) -> str | None:
    from crm_desktop.data import fileguard

    # a read-only folder cannot hold the -shm SQLite needs: read the file as it is
    extra = "" if fileguard.writable(path.parent, path) else "&immutable=1"
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro{extra}", uri=True)
        try:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return None
    return str(row[0]) if row else None


def _damage(paths_hint: Any, detail: str) -> StoreError:
    good = bk.newest_good_backup(paths_hint)
    if good is None:
        return StoreError(
            "The store is damaged ({detail}). There is no good backup to restore.",
            detail=detail,
        )
    return StoreError(
        "The store is damaged ({detail}). The newest good backup is {backup}; "
        "restore it with: crm-desktop restore {backup} --yes",
        detail=detail,
        backup=str(good.path),
    )


def cmd_check(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.data import migrate

    head = migrate.head_revision()
    if ctx.database_url:
        from sqlalchemy.exc import SQLAlchemyError

        from crm_desktop.data.engine import make_engine

        engine = make_engine(ctx.database_url)
        try:
            revision = migrate.current_revision(engine)
        except SQLAlchemyError as exc:
            raise StoreError(
                "The PostgreSQL store cannot be reached: {detail}",
                detail=str(getattr(exc, "orig", None) or exc),
            ) from exc
        finally:
            engine.dispose()
        result = {"kind": "PostgreSQL", "integrity": "not checked (server)", "revision": revision}
        if revision != head:
            raise StoreError(
                "The PostgreSQL store is at schema revision {rev}, this program needs {head}.",
                rev=str(revision),
                head=head,
            )
        ctx.out(
            result | {"ok": True}, f"PostgreSQL store reachable, schema revision {revision}: ok"
        )
        return 0
    paths = ctx.paths
    db = paths.db_path
    if not db.is_file():
        raise StoreError("There is no store at {path} yet.", path=str(db))
    integrity = bk.integrity_check(db, immutable=False)
    if integrity != "ok":
        raise _damage(paths, integrity)
    revision = _sqlite_revision(db)
    if revision is None:
        raise _damage(paths, "no schema revision recorded")
    result = {"kind": "SQLite", "path": str(db), "integrity": integrity, "revision": revision}
    known = _known_revisions()
    if revision not in known:
        raise StoreError(
            "The store has schema revision {rev}, which this version of the program does not "
            "know (written by a newer version?).",
            rev=revision,
        )
    note = "" if revision == head else f" (will be upgraded to {head} at the next start)"
    ctx.out(result | {"ok": True}, f"{db}: integrity ok, schema revision {revision}{note}")
    return 0


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    from crm_desktop.data.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}
