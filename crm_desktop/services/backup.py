"""Backups of the SQLite store: make, verify, rotate, list, restore.

Every backup is written with SQLite's online backup API (a consistent copy even
while the program has the store open, including what still sits in the WAL)
into a temporary file in :attr:`AppPaths.backup_dir`, checked with
``PRAGMA integrity_check`` and only then renamed to its final name::

    crm-20261123T090000Z-daily.sqlite3
    crm-20261123T090000Z-pre-upgrade-rev0001.sqlite3

The timestamp is UTC; the kind is one of :data:`KINDS`. A backup that fails its
check is deleted and a :class:`StoreError` is raised; a full disk or a read-only
folder gives a clear :class:`StoreError` and never touches the store itself or
the backups already there.

Rotation (grandfather-father-son): per day, ISO week and month only the newest
backup of that kind counts; 7 days, 4 weeks and 12 months are kept by default.
Manual, pre-upgrade and pre-restore backups are kept until the user deletes
them, except that only the newest 10 of each kind stay (configurable, ``None``
keeps all).

PostgreSQL stores are not backed up here: use ``pg_dump`` (the functions raise a
:class:`StoreError` saying so when given a ``database_url``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import os
import re
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from crm_desktop.clock import Clock, SystemClock, local_zone
from crm_desktop.config import AppPaths
from crm_desktop.data import filecheck, fileguard
from crm_desktop.data.filecheck import kill_point
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import StoreError

BackupKind = Literal["daily", "weekly", "monthly", "manual", "pre-upgrade", "pre-restore"]
KINDS: tuple[BackupKind, ...] = (
    "daily",
    "weekly",
    "monthly",
    "manual",
    "pre-upgrade",
    "pre-restore",
)
AUTO_KINDS: tuple[BackupKind, ...] = ("daily", "weekly", "monthly")

_NAME = re.compile(
    r"^crm-(?P<ts>\d{8}T\d{6}Z)-(?P<kind>daily|weekly|monthly|manual|pre-upgrade|pre-restore)"
    r"(?:-rev(?P<rev>[A-Za-z0-9_]+))?(?:-(?P<n>\d+))?\.sqlite3$"
)
_STAMP = "%Y%m%dT%H%M%SZ"
log = logging.getLogger("crm_desktop.backup")
_PARTIAL_PREFIX = ".crm-partial-"

PG_MESSAGE = (
    "Backups of a PostgreSQL store are made on the server, not by this program: "
    "use pg_dump (for example: pg_dump --format=custom --file=crm.dump DBNAME) "
    "and pg_restore to bring one back."
)


@dataclass(frozen=True)
class RetentionPolicy:
    """How many backups rotation keeps; ``None`` keeps all of that kind."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    manual: int | None = 10
    pre_upgrade: int | None = 10
    pre_restore: int | None = 10


DEFAULT_POLICY = RetentionPolicy()


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and a preview of what it holds."""

    path: Path
    created: dt.datetime  # aware, UTC
    kind: BackupKind
    size: int
    counts: dict[str, int] | None = field(default=None)  # people, companies, activities
    revision: str | None = None  # schema revision (from the file, else from the name)

    def as_dict(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "file": self.path.name,
            "created": self.created.isoformat(),
            "kind": self.kind,
            "size": self.size,
            "counts": self.counts,
            "revision": self.revision,
        }


# ---------------------------------------------------------------- helpers


def _refuse_server(database_url: str | None) -> None:
    if database_url:
        raise StoreError(PG_MESSAGE)


def _store_error(exc: BaseException, where: Path) -> StoreError:
    """A human StoreError for an OSError or sqlite3 error while writing to ``where``."""
    text = str(exc).lower()
    code = exc.errno if isinstance(exc, OSError) else None
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG) or "full" in text:
        return StoreError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The disk holding {path} is full. The backup was not written; "
                "your data and earlier backups are unchanged. Free some space and try again.",
            ),
            path=str(where),
            reason="full",
        )
    if (
        code in (errno.EROFS, errno.EACCES, errno.EPERM)
        or "readonly" in text
        or ("unable to open" in text)
    ):
        return StoreError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The folder {path} cannot be written (read-only or no permission). "
                "The backup was not written; your data is unchanged.",
            ),
            path=str(where),
            reason="read-only",
        )
    return StoreError(
        QT_TRANSLATE_NOOP(
            "errors", "The backup to {path} failed: {detail}. Your data is unchanged."
        ),
        path=str(where),
        detail=str(exc),
        reason="other",
    )


def _connect_ro(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    return filecheck.connect_ro(path, immutable=immutable)


def integrity_check(path: Path, *, immutable: bool = True) -> str:
    """``PRAGMA integrity_check`` on a SQLite file: "ok" or the problems found."""
    if not path.is_file():
        return "file not found"
    if fileguard.is_empty_file(path):  # SQLite would call it a sound, empty database
        return "the file is empty (0 bytes)"
    try:
        con = _connect_ro(path, immutable=immutable)
        try:
            rows = con.execute("PRAGMA integrity_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if immutable or fileguard.writable(path.parent, path):
            return str(exc)
        # a WAL store in a read-only folder: SQLite cannot make its -shm; nobody can
        # write the file there, so it is read as it is
        return integrity_check(path, immutable=True)
    problems = [str(r[0]) for r in rows]
    if problems == ["ok"]:
        return "ok"
    return "; ".join(problems[:5]) or "no answer"


def _read_preview(
    path: Path, *, immutable: bool = True
) -> tuple[dict[str, int] | None, str | None]:
    """Record counts and schema revision held in a backup file (None when unreadable).
    ``immutable=False`` for the live store (its WAL is read too)."""
    try:
        con = _connect_ro(path, immutable=immutable)
    except sqlite3.DatabaseError:
        return None, None
    try:
        counts: dict[str, int] | None = {}
        try:
            for key, table in (
                ("people", "people"),
                ("companies", "companies"),
                ("activities", "activities"),
            ):
                row = con.execute(
                    f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL"
                ).fetchone()
                assert counts is not None
                counts[key] = int(row[0])
        except sqlite3.DatabaseError:
            counts = None
        try:
            rev_row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = str(rev_row[0]) if rev_row else None
        except sqlite3.DatabaseError:
            revision = None
        return counts, revision
    finally:
        con.close()


def _parse_name(path: Path) -> tuple[dt.datetime, BackupKind, str | None] | None:
    m = _NAME.match(path.name)
    if m is None:
        return None
    created = dt.datetime.strptime(m["ts"], _STAMP).replace(tzinfo=dt.UTC)
    kind: BackupKind = m["kind"]  # type: ignore[assignment]
    return created, kind, m["rev"]


def _target_name(backup_dir: Path, moment: dt.datetime, kind: BackupKind, rev: str | None) -> Path:
    stem = f"crm-{moment.astimezone(dt.UTC).strftime(_STAMP)}-{kind}"
    if rev:
        stem += "-rev" + re.sub(r"[^A-Za-z0-9_]", "_", rev)
    candidate = backup_dir / f"{stem}.sqlite3"
    n = 2
    while candidate.exists():
        candidate = backup_dir / f"{stem}-{n}.sqlite3"
        n += 1
    return candidate


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":  # pragma: no cover - Windows has no directory fsync
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _sqlite_copy(source: Path, target: Path) -> None:
    """Online backup of ``source`` into the new file ``target`` (rollback journal mode)."""
    src = filecheck.connect_ro(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            # a copy of a WAL store is WAL too; backups are single files
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _is_encrypted(path: Path) -> bool:
    # never open() the live file while this process has it open (fileguard)
    return fileguard.looks_encrypted(path)


def _holds_records(counts: dict[str, int] | None) -> bool:
    return counts is not None and any(counts.values())


def _remove_partials(backup_dir: Path) -> None:
    for leftover in backup_dir.glob(_PARTIAL_PREFIX + "*"):
        with contextlib.suppress(OSError):
            leftover.unlink()


# ---------------------------------------------------------------- making backups


def make_backup(
    paths: AppPaths,
    kind: BackupKind = "manual",
    *,
    clock: Clock | None = None,
    revision: str | None = None,
    database_url: str | None = None,
    verify: bool = True,
    passphrase: str | None = None,
) -> Path:
    """Write a verified backup of the store and return its path (an encrypted store:
    an encrypted backup, with ``passphrase``)."""
    _refuse_server(database_url)
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    source = paths.db_path
    if not source.is_file():
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "There is no store to back up yet at {path}."),
            path=str(source),
        )
    if fileguard.is_empty_file(source):  # damaged: never a backup that rotates good ones away
        raise fileguard.empty_file_error(source)
    if _is_encrypted(source):
        if passphrase:  # an encrypted backup, same passphrase
            from crm_desktop.services.crypto import backup_encrypted

            return backup_encrypted(paths, passphrase, kind, clock=clock)
        raise StoreError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The store is encrypted; its backups are made with the passphrase "
                "(give it in the window or in CRM_DESKTOP_PASSPHRASE).",
            )
        )
    moment = (clock or SystemClock()).now()
    backup_dir = paths.backup_dir
    try:
        backup_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise _store_error(exc, backup_dir) from exc
    _remove_partials(backup_dir)
    partial = backup_dir / f"{_PARTIAL_PREFIX}{uuid.uuid4().hex}.sqlite3"
    # a restore or encryption under way in another program: wait a moment, or say so
    guard = None if fileguard.in_use(source) else fileguard.SharedLock(source)
    try:
        try:
            if guard is not None:
                guard.ensure()
            fileguard.create_private(partial)  # backups hold personal data: 0600
            _sqlite_copy(source, partial)
            _fsync_file(partial)
            kill_point("backup-copied")
        except (OSError, sqlite3.Error) as exc:
            raise _store_error(exc, backup_dir) from exc
        if verify:
            result = integrity_check(partial)
            if result != "ok":
                log.error("backup failed its integrity check (kind %s)", kind)
                raise StoreError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "The backup failed its integrity check ({detail}) and was deleted. "
                        "The store itself may be damaged: run “crm-desktop check”.",
                    ),
                    detail=result,
                )
        target = _target_name(backup_dir, moment, kind, revision)
        try:
            os.replace(partial, target)
        except OSError as exc:
            raise _store_error(exc, backup_dir) from exc
        _fsync_dir(backup_dir)
        log.info("backup written: %s", target.name)
        return target
    finally:
        if guard is not None:
            guard.release()
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
            Path(str(partial) + "-journal").unlink(missing_ok=True)


def backup_before_upgrade(
    paths: AppPaths, clock: Clock | None = None
) -> Callable[[str | None], None]:
    """The hook ``open_store`` calls before upgrading the schema of an existing store:
    it writes a verified ``pre-upgrade`` backup named with the old revision."""

    def hook(old_revision: str | None) -> None:
        if not paths.db_path.is_file():
            return
        make_backup(paths, "pre-upgrade", clock=clock, revision=old_revision or "none")

    return hook


def _local_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(local_zone()).date()


def auto_backup(
    paths: AppPaths,
    clock: Clock,
    when: Literal["start", "quit"] = "start",
    *,
    policy: RetentionPolicy = DEFAULT_POLICY,
    database_url: str | None = None,
    passphrase: str | None = None,
) -> Path | None:
    """The automatic backups: at the first start of a (local) day and on quit.

    At start the new file is a ``monthly`` when this month has none yet, a
    ``weekly`` when this ISO week has none, else a ``daily``; nothing is written
    when an automatic backup of today already exists. On quit a ``daily`` is
    always written (rotation keeps the newest of each day). Returns the new file
    or None. Rotation runs afterwards.
    """
    if database_url or not paths.db_path.is_file() or fileguard.is_empty_file(paths.db_path):
        return None
    now = clock.now()
    today = _local_day(now)
    scanned = _scan(paths)
    if scanned and not _holds_records(_read_preview(paths.db_path, immutable=False)[0]):
        # an empty store (a damaged file recreated, a wrong folder) must never push the
        # backups that hold data out of the rotation
        for info in scanned:
            if _holds_records(_read_preview(info.path)[0]):
                log.warning("automatic backup skipped: the store is empty, backups are not")
                return None
    existing = [b for b in scanned if b.kind in AUTO_KINDS]
    kind: BackupKind = "daily"
    if when == "start":
        if any(_local_day(b.created) == today for b in existing):
            return None
        month = (today.year, today.month)
        week = today.isocalendar()[:2]
        local = [(b.kind, _local_day(b.created)) for b in existing]
        if not any(k == "monthly" and (d.year, d.month) == month for k, d in local):
            kind = "monthly"
        elif not any(k in ("weekly", "monthly") and d.isocalendar()[:2] == week for k, d in local):
            kind = "weekly"
    elif when != "quit":
        raise ValueError(f"when must be 'start' or 'quit', not {when!r}")
    made = make_backup(paths, kind, clock=clock, passphrase=passphrase)
    rotate(paths, policy)
    return made


# ---------------------------------------------------------------- listing and rotation


def _scan(paths: AppPaths) -> list[BackupInfo]:
    """Backups by name only (no file reads), newest first."""
    out: list[BackupInfo] = []
    try:
        entries = list(paths.backup_dir.iterdir())
    except OSError:
        return []
    for path in entries:
        parsed = _parse_name(path)
        if parsed is None or not path.is_file():
            continue
        created, kind, rev = parsed
        try:
            size = path.stat().st_size
        except OSError:
            continue
        out.append(BackupInfo(path=path, created=created, kind=kind, size=size, revision=rev))
    out.sort(key=_order, reverse=True)
    return out


def _order(info: BackupInfo) -> tuple[dt.datetime, int, str]:
    m = _NAME.match(info.path.name)
    return (info.created, int(m["n"]) if m and m["n"] else 1, info.path.name)


def list_backups(paths: AppPaths, *, preview: bool = True) -> list[BackupInfo]:
    """All backups, newest first; with ``preview`` the record counts read from each file."""
    infos = _scan(paths)
    if not preview:
        return infos
    out = []
    for info in infos:
        counts, revision = _read_preview(info.path)
        out.append(
            BackupInfo(
                path=info.path,
                created=info.created,
                kind=info.kind,
                size=info.size,
                counts=counts,
                revision=revision or info.revision,
            )
        )
    return out


def backup_info(path: Path) -> BackupInfo:
    """The preview of one backup file (any name; kind "manual" when unknown)."""
    if not path.is_file():
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "The backup file {path} does not exist."), path=str(path)
        )
    parsed = _parse_name(path)
    stat = path.stat()
    if parsed is not None:
        created, kind, rev = parsed
    else:
        created = dt.datetime.fromtimestamp(stat.st_mtime, dt.UTC).replace(microsecond=0)
        kind, rev = "manual", None
    counts, revision = _read_preview(path)
    return BackupInfo(
        path=path,
        created=created,
        kind=kind,
        size=stat.st_size,
        counts=counts,
        revision=revision or rev,
    )


def _keep_newest_groups(
    infos: Iterable[BackupInfo], key: Callable[[BackupInfo], object], keep: int
) -> tuple[set[Path], set[Path]]:
    """Newest backup per group, for the newest ``keep`` groups: (kept, dropped)."""
    kept: set[Path] = set()
    dropped: set[Path] = set()
    groups: list[object] = []
    for info in infos:  # newest first
        group = key(info)
        if group in groups:
            dropped.add(info.path)
            continue
        groups.append(group)
        (kept if len(groups) <= keep else dropped).add(info.path)
    return kept, dropped


def rotate(paths: AppPaths, policy: RetentionPolicy = DEFAULT_POLICY) -> list[Path]:
    """Delete the backups the policy no longer keeps; returns the deleted files."""
    infos = _scan(paths)
    by_kind: dict[str, list[BackupInfo]] = {k: [] for k in KINDS}
    for info in infos:
        by_kind[info.kind].append(info)
    drop: set[Path] = set()

    def day(b: BackupInfo) -> object:
        return _local_day(b.created)

    def week(b: BackupInfo) -> object:
        return _local_day(b.created).isocalendar()[:2]

    def month(b: BackupInfo) -> object:
        d = _local_day(b.created)
        return (d.year, d.month)

    for kind, key, keep in (
        ("daily", day, policy.daily),
        ("weekly", week, policy.weekly),
        ("monthly", month, policy.monthly),
    ):
        drop |= _keep_newest_groups(by_kind[kind], key, keep)[1]
    for kind, limit in (
        ("manual", policy.manual),
        ("pre-upgrade", policy.pre_upgrade),
        ("pre-restore", policy.pre_restore),
    ):
        if limit is not None:
            drop |= {b.path for b in by_kind[kind][limit:]}
    deleted = []
    for path in sorted(drop):
        try:
            path.unlink()
        except OSError:
            continue
        deleted.append(path)
    return deleted


def delete_backup(paths: AppPaths, path: Path) -> None:
    """Delete one backup file (only files inside the backup folder)."""
    target = path.resolve()
    if target.parent != paths.backup_dir.resolve() or _parse_name(target) is None:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "{path} is not a backup of this store."), path=str(path)
        )
    try:
        target.unlink()
    except OSError as exc:
        raise _store_error(exc, target.parent) from exc


def newest_good_backup(paths: AppPaths) -> BackupInfo | None:
    """The newest backup that passes ``PRAGMA integrity_check`` (None when there is none)."""
    for info in _scan(paths):
        if integrity_check(info.path) == "ok":
            return backup_info(info.path)
    return None


# ---------------------------------------------------------------- restore


def verify_backup(path: Path) -> BackupInfo:
    """Check that ``path`` is a sound CRM store; return its preview or raise StoreError."""
    if not path.is_file():
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "The backup file {path} does not exist."), path=str(path)
        )
    result = integrity_check(path)
    if result != "ok":
        raise StoreError(
            QT_TRANSLATE_NOOP(
                "errors", "The backup {path} is damaged ({detail}); it was not restored."
            ),
            path=str(path),
            detail=result,
        )
    info = backup_info(path)
    if info.counts is None or info.revision is None:
        raise StoreError(
            QT_TRANSLATE_NOOP(
                "errors", "{path} is not a backup of this program (no contacts tables in it)."
            ),
            path=str(path),
        )
    return info


def _keep_aside(paths: AppPaths, clock: Clock) -> Path:
    """Save the current store as a ``pre-restore`` backup, even when it is damaged."""
    try:
        return make_backup(paths, "pre-restore", clock=clock, verify=False)
    except StoreError as exc:
        if paths.db_path.is_file() and exc.params.get("reason") in ("other", "damaged", None):
            # unreadable for SQLite: keep the raw bytes (file and WAL) instead
            target = _target_name(paths.backup_dir, clock.now(), "pre-restore", None)
            try:
                shutil.copy2(paths.db_path, target)
                wal = Path(str(paths.db_path) + "-wal")
                if wal.is_file():
                    shutil.copy2(wal, Path(str(target) + "-wal"))
            except OSError as copy_exc:
                with contextlib.suppress(OSError):
                    target.unlink(missing_ok=True)
                raise _store_error(copy_exc, paths.backup_dir) from copy_exc
            return target
        raise


def restore(
    paths: AppPaths,
    backup_file: Path,
    *,
    clock: Clock | None = None,
    database_url: str | None = None,
) -> Path | None:
    """Replace the store with ``backup_file``.

    The backup is verified first; then the current store is kept aside as a
    ``pre-restore`` backup (its path is returned; None when there was no store),
    and the file is swapped in atomically (``os.replace``), removing the old
    ``-wal``/``-shm`` files so nothing stale is replayed. Close the store
    (``Store.dispose()``) before calling this.

    The whole operation holds the store exclusively (:func:`fileguard.exclusive`):
    it is refused while another program has the store open, and others cannot
    open it meanwhile. What sits in the WAL is checkpointed into the file before
    the pre-restore copy is made, so that copy holds every committed change.
    """
    _refuse_server(database_url)
    clock = clock or SystemClock()
    backup_file = Path(backup_file)
    verify_backup(backup_file)
    db = paths.db_path
    try:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _store_error(exc, paths.data_dir) from exc
    # no other program may have the store open while its file is replaced (an import
    # running meanwhile would write into the file that is thrown away)
    with fileguard.exclusive(db, "restore"):
        aside = _restore_locked(paths, backup_file, clock)
    log.info(
        "restored %s; previous store kept as %s", backup_file.name, aside.name if aside else "-"
    )
    return aside


def _restore_locked(paths: AppPaths, backup_file: Path, clock: Clock) -> Path | None:
    db = paths.db_path
    aside: Path | None = None
    if db.is_file():
        # what sits in the WAL is committed data: write it into the file first, so the
        # pre-restore copy holds it (when that fails, _keep_aside copies file and WAL)
        if not _is_encrypted(db):
            fileguard.checkpoint(db)
        aside = _keep_aside(paths, clock)
    incoming = paths.data_dir / f"{_PARTIAL_PREFIX}restore-{uuid.uuid4().hex}.sqlite3"
    try:
        try:
            fileguard.create_private(incoming)
            shutil.copyfile(backup_file, incoming)
            _fsync_file(incoming)
        except OSError as exc:
            raise _store_error(exc, paths.data_dir) from exc
        if integrity_check(incoming) != "ok":  # the copy itself went wrong
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "errors", "The copy of the backup is damaged; nothing was restored."
                )
            )
        from crm_desktop.services import storecheck

        kill_point("restore-copied")
        try:
            # from here on a restore cut short is finished at the next start
            storecheck.write_restore_intent(paths, incoming, encrypted=False)
            kill_point("restore-intent")
            # the old WAL must not be replayed onto the restored file
            storecheck.finish_restore_swap(paths, incoming, encrypted=False)
        except OSError as exc:
            raise _store_error(exc, paths.data_dir) from exc
        fileguard.forget_header(db)
        _fsync_dir(paths.data_dir)
    finally:
        with contextlib.suppress(OSError):
            incoming.unlink(missing_ok=True)
    return aside
