"""``check``, ``backup`` and ``restore``: the store's health and its backups."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from crm_desktop.cli.context import CliContext
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
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
        from crm_desktop.services.storecheck import has_sqlite_header

        held = "unreadable" if has_sqlite_header(info.path) else "encrypted"
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
    from crm_desktop.services import storecheck

    if not paths.db_path.is_file():
        ctx.store()  # creates an empty store, so the first backup has something to hold
    else:
        health, notes = storecheck.prepare(paths)  # damage: what ``check`` says
        ctx.note(notes)
        if health.state in ("missing", "unreadable"):
            ctx.prepared = health
            ctx.store()  # created, or an unreadable file opened with the passphrase
            ctx.close()
    passphrase = None
    if storecheck.looks_encrypted(paths.db_path):
        passphrase = ctx._encryption_passphrase(paths)
        if not passphrase:
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The store is encrypted; give the passphrase (in CRM_DESKTOP_PASSPHRASE) "
                    "to back it up. Its backups are encrypted with the same passphrase.",
                )
            )
    target = bk.make_backup(paths, args.kind, clock=ctx.clock, passphrase=passphrase)
    bk.rotate(paths)
    info = bk.backup_info(target)
    note = " (encrypted)" if passphrase else ""
    ctx.out(info.as_dict(), f"Backup written and verified{note}.\n{target}")
    return 0


def _encrypted_backup_info(ctx: CliContext, source: Path) -> tuple[bk.BackupInfo, str]:
    """The preview of an encrypted backup, read with the passphrase."""
    from crm_desktop.services import crypto

    passphrase = ctx._encryption_passphrase(ctx.paths)
    if not passphrase:
        raise StoreError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The backup {path} is encrypted; give its passphrase (in CRM_DESKTOP_PASSPHRASE) "
                "to restore it.",
            ),
            path=str(source),
        )
    try:
        counts = crypto._verify(source, passphrase)
    except StoreError as exc:
        raise StoreError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The backup {path} cannot be opened with this passphrase, or it is damaged; "
                "it was not restored.",
            ),
            path=str(source),
        ) from exc
    plain = bk.backup_info(source)
    info = bk.BackupInfo(
        path=plain.path,
        created=plain.created,
        kind=plain.kind,
        size=plain.size,
        counts={k: counts.get(k, 0) for k in ("people", "companies", "activities")},
        revision=plain.revision,
    )
    return info, passphrase


def cmd_restore(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services import storecheck
    from crm_desktop.services.instance import acquire

    if ctx.database_url:
        raise StoreError(bk.PG_MESSAGE)
    paths = ctx.paths
    ctx.note(storecheck.recover_unless_busy(paths))
    source = Path(args.file).expanduser()
    if not source.is_absolute() and not source.exists():
        candidate = paths.backup_dir / source
        if candidate.exists():
            source = candidate
    passphrase: str | None = None
    if source.is_file() and not storecheck.has_sqlite_header(source):
        info, passphrase = _encrypted_backup_info(ctx, source)
    else:
        info = bk.verify_backup(source)
    drops_encryption = passphrase is None and storecheck.looks_encrypted(paths.db_path)
    warning = QT_TRANSLATE_NOOP(
        "errors",
        "The current store is encrypted and this backup is NOT: the restored store is "
        "not encrypted (encrypt it again with: crm-desktop encrypt).",
    )
    if not args.yes:
        ctx.out(
            {"backup": info.as_dict(), "restored": False, "encrypted": passphrase is not None},
            "This backup holds:\n" + _describe(info),
        )
        if drops_encryption:
            sys.stderr.write(f"crm-desktop: {ctx.translate(warning)}\n")
        sys.stderr.write(
            "crm-desktop: nothing was changed. Add --yes to replace the current store "
            "with this backup (the current store is kept as a pre-restore backup).\n"
        )
        return 1
    with acquire(paths):  # not while the program has this folder open
        if passphrase is not None:
            from crm_desktop.services import crypto

            aside = crypto.restore_encrypted(paths, source, passphrase, clock=ctx.clock)
        else:
            aside = bk.restore(paths, source, clock=ctx.clock)
    data = {
        "backup": info.as_dict(),
        "restored": True,
        "kept_aside": str(aside) if aside else None,
        "encrypted": passphrase is not None,
    }
    human = f"Restored {source}."
    if aside:
        human += f"\nThe previous store was kept as {aside}"
    if drops_encryption:
        human += "\n" + ctx.translate(warning)
    ctx.out(data, human)
    return 0


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
                QT_TRANSLATE_NOOP("errors", "The PostgreSQL store cannot be reached: {detail}"),
                detail=str(getattr(exc, "orig", None) or exc),
            ) from exc
        finally:
            engine.dispose()
        result = {"kind": "PostgreSQL", "integrity": "not checked (server)", "revision": revision}
        if revision != head:
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The PostgreSQL store is at schema revision {rev}, this program needs {head}.",
                ),
                rev=str(revision),
                head=head,
            )
        ctx.out(
            result | {"ok": True}, f"PostgreSQL store reachable, schema revision {revision}: ok"
        )
        return 0
    return _check_file(ctx)


def _check_file(ctx: CliContext) -> int:
    from crm_desktop.data import migrate
    from crm_desktop.services import storecheck

    head = migrate.head_revision()
    paths = ctx.paths
    db = paths.db_path
    ctx.note(storecheck.recover_unless_busy(paths))
    if not db.is_file():
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "There is no store at {path} yet."), path=str(db)
        )
    health = storecheck.settle_zero_byte(paths, storecheck.examine(db, full=True))
    encrypted = False
    if health.state == "empty":
        ctx.out(
            {"kind": "SQLite", "path": str(db), "ok": True, "empty": True},
            f"{db}: holds no data yet (its first start was interrupted); it is created "
            "afresh at the next start.",
        )
        return 0
    if health.state == "damaged":
        raise storecheck.restore_hint(paths, health.detail, encrypted=storecheck.has_marker(db))
    if health.state in ("encrypted", "unreadable"):
        passphrase = ctx._encryption_passphrase(paths)
        if not passphrase:
            if health.state == "unreadable":
                raise storecheck.unreadable_error(paths)
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The store is encrypted; give the passphrase (in CRM_DESKTOP_PASSPHRASE) "
                    "to check it.",
                ),
                reason="encrypted",
            )
        try:
            health_enc = storecheck.encrypted_health(db, passphrase)
        except StoreError as exc:
            if health.state == "unreadable":
                raise storecheck.unreadable_error(paths) from exc
            raise storecheck.wrong_passphrase_error(paths) from exc
        if health.state == "unreadable":
            storecheck.write_marker(db)  # it opens with the passphrase: encrypted
        if health_enc.state == "damaged":
            raise storecheck.restore_hint(
                paths, health_enc.detail, encrypted=True, passphrase=passphrase
            )
        health, encrypted = health_enc, True
    revision = health.revision
    assert revision is not None
    integrity = "ok"
    result = {
        "kind": "SQLite",
        "path": str(db),
        "integrity": integrity,
        "revision": revision,
        "encrypted": encrypted,
    }
    known = _known_revisions()
    if revision not in known:
        raise StoreError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The store has schema revision {rev}, which this version of the program does not "
                "know (written by a newer version?).",
            ),
            rev=revision,
        )
    note = "" if revision == head else f" (will be upgraded to {head} at the next start)"
    state = "encrypted, healthy" if encrypted else "integrity ok"
    ctx.out(result | {"ok": True}, f"{db}: {state}, schema revision {revision}{note}")
    return 0


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    from crm_desktop.data.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}
