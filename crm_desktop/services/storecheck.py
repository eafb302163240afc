"""The store's health before any command or the window uses it, in one place.

:func:`prepare` runs first on every start (window and command line): it finishes or
rolls back what an interrupted ``encrypt``, ``restore`` or ``backup`` left behind
(:func:`recover`), throws away a store whose very first creation was interrupted
(no schema, no data), and turns damage into one :class:`StoreError` that says what
``crm-desktop check`` says: what is wrong, the newest good backup and how to restore
it. :func:`error_for` does the same for a ``DatabaseError`` met later, when a query
reaches a damaged page.

A file without SQLite header is either encrypted (SQLCipher) or damaged; only the
passphrase can tell. ``encrypt`` writes a marker beside the data file
(``crm.sqlite3.encrypted``) and ``decrypt`` removes it, so that an encrypted store is
called encrypted, and garbage "not readable: encrypted or damaged".
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from crm_desktop.config import AppPaths
from crm_desktop.data.filecheck import SQLITE_HEADER, connect_ro, quick_check, read_header
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import CrmError, StoreError

log = logging.getLogger("crm_desktop.storecheck")

MARKER_SUFFIX = ".encrypted"
RESTORE_INTENT = ".crm-restore-intent.json"
_DATA_LEFTOVERS = (".crm-encrypting-*", ".crm-decrypting-*", ".crm-partial-restore-*")

# what SQLite says, in words the user's language has (translated as "description")
DESCRIPTIONS = {
    "database disk image is malformed": QT_TRANSLATE_NOOP("errors", "the file is malformed"),
    "file is not a database": QT_TRANSLATE_NOOP("errors", "the file is not a database"),
}


EMPTY_FILE = "the file is empty (0 bytes)"


def settle_zero_byte(paths: AppPaths, health: Health) -> Health:
    """A zero-byte data file holds nothing. With a good backup beside it, it is damage
    (the backup is offered, never rotated away); without one it is a store whose first
    start was cut short, created afresh."""
    if (
        health.state == "damaged"
        and health.detail == EMPTY_FILE
        and newest_good_backup(paths, encrypted=has_marker(paths.db_path)) is None
    ):
        return Health("empty")
    return health


@dataclass(frozen=True)
class Health:
    """``state``: missing, ok, empty (first creation interrupted), encrypted,
    unreadable (no SQLite header, no marker), damaged."""

    state: str
    detail: str = ""
    revision: str | None = None


def marker_path(db: Path) -> Path:
    return db.with_name(db.name + MARKER_SUFFIX)


def has_marker(db: Path) -> bool:
    return marker_path(db).is_file()


def write_marker(db: Path) -> None:
    marker = marker_path(db)
    marker.write_text(
        "This store is encrypted (SQLCipher); it opens with its passphrase.\n", encoding="utf-8"
    )
    with open(marker, "rb") as fh:
        os.fsync(fh.fileno())


def remove_marker(db: Path) -> None:
    with contextlib.suppress(OSError):
        marker_path(db).unlink(missing_ok=True)


def has_sqlite_header(db: Path) -> bool:
    head = read_header(db)
    return head is not None and head[:16] == SQLITE_HEADER


def looks_encrypted(db: Path) -> bool:
    """The data file is (or claims to be) encrypted: no SQLite header and the marker."""
    head = read_header(db)
    return bool(head) and head is not None and head[:16] != SQLITE_HEADER and has_marker(db)


def _connect_ro(db: Path) -> sqlite3.Connection:
    """A read-only connection; a read-only folder cannot hold the -shm: read the file
    as it is. A hot journal left by a killed writer is settled first (filecheck)."""
    from crm_desktop.data import fileguard

    return connect_ro(db, immutable=not fileguard.writable(db.parent, db))


def sqlite_revision(db: Path) -> str | None:
    try:
        con = _connect_ro(db)
        try:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return None
    return str(row[0]) if row else None


def holds_rows(db: Path) -> bool:
    """Whether any table of the file has a row (True when that cannot be read)."""
    try:
        con = _connect_ro(db)
        try:
            tables = [
                str(r[0])
                for r in con.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'"
                )
            ]
            for table in tables:
                quoted = table.replace('"', '""')
                if con.execute(f'SELECT 1 FROM "{quoted}" LIMIT 1').fetchone() is not None:
                    return True
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return True
    return False


def examine(db: Path, *, integrity: bool = True, full: bool = False) -> Health:
    """What state the SQLite file ``db`` is in. ``integrity``: run ``quick_check``
    (``full``: the slower ``integrity_check``); without, only the header and the
    schema revision are read."""
    if not db.exists():
        return Health("missing")
    head = read_header(db)
    if head is None:
        return Health("damaged", QT_TRANSLATE_NOOP("errors", "the file cannot be read"))
    if not head:  # SQLite would take it for a sound, empty database: it is not
        return Health("damaged", EMPTY_FILE)
    if head[:16] != SQLITE_HEADER:
        if not any(head[:16]):
            return Health("damaged", QT_TRANSLATE_NOOP("errors", "the file header is destroyed"))
        if has_marker(db):
            return Health("encrypted")
        return Health("unreadable")
    if integrity:
        if full:
            from crm_desktop.services.backup import integrity_check

            result = integrity_check(db, immutable=False)
        else:
            result = quick_check(db)
        if result != "ok":
            return Health("damaged", _foreign_wal(db) or result)
    revision = sqlite_revision(db)
    if revision is None:
        if not holds_rows(db):
            return Health("empty")
        return Health(
            "damaged",
            _foreign_wal(db) or QT_TRANSLATE_NOOP("errors", "no schema revision recorded"),
        )
    return Health("ok", revision=revision)


def _foreign_wal(db: Path) -> str | None:
    """The description when the file alone is sound and only its -wal spoils it (a WAL
    left by another database, copied in beside it)."""
    wal = Path(str(db) + "-wal")
    if not wal.is_file() or wal.stat().st_size == 0:
        return None
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro&immutable=1", uri=True)  # ignores the WAL
        try:
            sound = con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return None
    if sound and row is not None:
        return QT_TRANSLATE_NOOP(
            "errors", "the file crm.sqlite3-wal beside it does not belong to it"
        )
    return None


# ---------------------------------------------------------------- messages


def _description(detail: str) -> str:
    return DESCRIPTIONS.get(detail, detail)


@dataclass(frozen=True)
class GoodBackup:
    path: Path
    plain: bool  # a plaintext backup (for an encrypted store: restoring drops encryption)


def newest_good_backup(
    paths: AppPaths, *, encrypted: bool = False, passphrase: str | None = None
) -> GoodBackup | None:
    """The newest backup that passes its check. For an encrypted store an encrypted
    backup is preferred (checked with the passphrase when it is known); a plaintext
    one is only named when there is no encrypted one, and marked as such."""
    from crm_desktop.services import backup as bk

    if not encrypted:
        info = bk.newest_good_backup(paths)
        return GoodBackup(info.path, True) if info is not None else None
    plain: Path | None = None
    for info in bk._scan(paths):
        if has_sqlite_header(info.path):
            if plain is None and bk.integrity_check(info.path) == "ok":
                plain = info.path
            continue
        if passphrase:
            from crm_desktop.services import crypto

            try:
                crypto._verify(info.path, passphrase)
            except StoreError:
                continue
        return GoodBackup(info.path, False)
    return GoodBackup(plain, True) if plain is not None else None


def restore_hint(
    paths: AppPaths,
    description: str,
    *,
    encrypted: bool = False,
    passphrase: str | None = None,
) -> StoreError:
    """The store is damaged: what, the newest good backup and the restore command."""
    good = newest_good_backup(paths, encrypted=encrypted, passphrase=passphrase)
    if good is None:
        return StoreError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The store is damaged ({description}). There is no good backup to restore.",
            ),
            description=_description(description),
            reason="damaged",
        )
    if encrypted and good.plain:
        return StoreError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The store is damaged ({description}). The newest good backup is {backup}, "
                "which is NOT encrypted: restoring it removes the encryption (encrypt again "
                "afterwards). Restore it with: crm-desktop restore {backup} --yes",
            ),
            description=_description(description),
            backup=str(good.path),
            reason="damaged",
        )
    return StoreError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The store is damaged ({description}). The newest good backup is {backup}; "
            "restore it with: crm-desktop restore {backup} --yes",
        ),
        description=_description(description),
        backup=str(good.path),
        reason="damaged",
    )


def unreadable_error(paths: AppPaths) -> StoreError:
    good = newest_good_backup(paths)
    if good is None:
        return StoreError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The data file is not a readable database: it is either encrypted (give the "
                "passphrase in the window or in CRM_DESKTOP_PASSPHRASE) or damaged, and there "
                "is no good backup to restore.",
            ),
            reason="unreadable",
        )
    return StoreError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The data file is not a readable database: it is either encrypted (give the "
            "passphrase in the window or in CRM_DESKTOP_PASSPHRASE) or damaged (restore the "
            "newest good backup with: crm-desktop restore {backup} --yes).",
        ),
        backup=str(good.path),
        reason="unreadable",
    )


def wrong_passphrase_error(paths: AppPaths) -> StoreError:
    good = newest_good_backup(paths, encrypted=True)
    if good is None or good.plain:
        return StoreError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The data file cannot be opened: wrong passphrase, or the file is damaged.",
            ),
            reason="passphrase",
        )
    return StoreError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The data file cannot be opened: wrong passphrase, or the file is damaged (then "
            "restore the newest backup with: crm-desktop restore {backup} --yes).",
        ),
        backup=str(good.path),
        reason="passphrase",
    )


_BUGS = {"IntegrityError", "ProgrammingError", "InterfaceError", "DataError", "NotSupportedError"}


def is_database_error(exc: BaseException) -> bool:
    """sqlite3's, sqlcipher3's or SQLAlchemy's DatabaseError (by class name: the
    drivers do not share a base class) as a damaged or unreadable file gives it; not
    the kinds a bug gives (a broken constraint, wrong SQL)."""
    names = {cls.__name__ for cls in type(exc).__mro__}
    orig = getattr(exc, "orig", None)
    if orig is not None:
        names |= {cls.__name__ for cls in type(orig).__mro__}
    return "DatabaseError" in names and not names & _BUGS


def error_for(paths: AppPaths, exc: BaseException, *, passphrase: str | None = None) -> StoreError:
    """The message for a DatabaseError met while a command or the window was working:
    the store's damage (as ``check`` reports it) or, when the file is sound, what the
    database said."""
    detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    db = paths.db_path
    try:
        health = examine(db, full=True)
    except Exception:  # the original problem is reported instead
        health = Health("damaged", detail)
    if health.state == "damaged":
        return restore_hint(
            paths, health.detail or detail, encrypted=has_marker(db), passphrase=passphrase
        )
    if health.state == "unreadable":
        return unreadable_error(paths)
    if health.state == "encrypted":
        return restore_hint(paths, detail, encrypted=True, passphrase=passphrase)
    if "malformed" in detail or "not a database" in detail:
        return restore_hint(paths, detail)
    return StoreError(
        QT_TRANSLATE_NOOP("errors", "The store could not be read: {detail}"), detail=detail
    )


# ---------------------------------------------------------------- interrupted work


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError:
        log.warning("cannot remove %s", path.name)
        return False
    for suffix in ("-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(str(path) + suffix).unlink(missing_ok=True)
    return True


def write_restore_intent(paths: AppPaths, incoming: Path, encrypted: bool) -> Path:
    """Written once the copy of a backup is complete and checked, removed after the
    swap: a restore interrupted in between is finished at the next start."""
    intent = paths.data_dir / RESTORE_INTENT
    tmp = intent.with_name(intent.name + ".tmp")
    tmp.write_text(json.dumps({"incoming": incoming.name, "encrypted": encrypted}), "utf-8")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, intent)
    return intent


def finish_restore_swap(paths: AppPaths, incoming: Path, encrypted: bool) -> None:
    """Swap the checked copy in: no old WAL is replayed onto it; the marker follows."""
    db = paths.db_path
    if encrypted:
        write_marker(db)
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    os.replace(incoming, db)
    if not encrypted:
        remove_marker(db)
    with contextlib.suppress(OSError):
        (paths.data_dir / RESTORE_INTENT).unlink(missing_ok=True)


def recover(paths: AppPaths) -> list[CrmError]:
    """Finish or roll back what an interrupted encrypt, decrypt, restore or backup
    left; returns notes for the user (empty when nothing was left)."""
    notes: list[CrmError] = []
    data_dir, db = paths.data_dir, paths.db_path
    if not data_dir.is_dir():
        return notes
    intent = data_dir / RESTORE_INTENT
    with contextlib.suppress(OSError):
        (data_dir / (RESTORE_INTENT + ".tmp")).unlink(missing_ok=True)
    if intent.is_file():
        try:
            wanted = json.loads(intent.read_text("utf-8"))
            incoming = data_dir / str(wanted["incoming"])
            encrypted = bool(wanted.get("encrypted"))
        except (OSError, ValueError, KeyError, TypeError):
            incoming, encrypted = data_dir / "-", False
        if incoming.is_file() and incoming.name.startswith(".crm-partial-restore-"):
            finish_restore_swap(paths, incoming, encrypted)
            notes.append(
                CrmError(QT_TRANSLATE_NOOP("errors", "An interrupted restore was finished."))
            )
        else:
            with contextlib.suppress(OSError):
                intent.unlink()
    rolled_back = False
    encrypting = False
    for pattern in _DATA_LEFTOVERS:
        for leftover in data_dir.glob(pattern):
            if leftover.name.endswith(("-journal", "-wal", "-shm")):
                continue
            if _unlink(leftover):
                rolled_back = True
                encrypting |= leftover.name.startswith((".crm-encrypting-", ".crm-decrypting-"))
    for leftover in list(data_dir.glob(".crm-*-journal")) + list(data_dir.glob(".crm-*-wal")):
        with contextlib.suppress(OSError):
            leftover.unlink()
    if paths.backup_dir.is_dir():
        for leftover in paths.backup_dir.glob(".crm-partial-*"):
            with contextlib.suppress(OSError):
                leftover.unlink()
    if has_marker(db) and (not db.exists() or has_sqlite_header(db)):
        remove_marker(db)  # an encryption that never got to swap, or a finished decrypt
    if rolled_back:
        if encrypting:
            notes.append(
                CrmError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "An interrupted encryption or decryption was rolled back; the data "
                        "file is unchanged.",
                    )
                )
            )
        else:
            notes.append(
                CrmError(
                    QT_TRANSLATE_NOOP(
                        "errors", "An interrupted restore was rolled back; the store is unchanged."
                    )
                )
            )
    return notes


def discard_empty(paths: AppPaths) -> CrmError:
    """A store whose first creation was interrupted holds nothing: start it afresh."""
    db = paths.db_path
    _unlink(db)
    log.warning("a store without schema and without data was created again")
    return CrmError(
        QT_TRANSLATE_NOOP(
            "errors", "The store's first start had been interrupted; it was created again."
        )
    )


def recover_unless_busy(paths: AppPaths) -> list[CrmError]:
    """:func:`recover` when no other process (the window, an encrypt or restore under
    way) has the data folder open; that one has done or does it itself."""
    from crm_desktop.services import instance

    if not paths.data_dir.is_dir():
        return []
    try:
        lock = instance.acquire(paths)
    except (instance.AlreadyRunning, StoreError):
        return []
    try:
        return recover(paths)
    finally:
        lock.release()


QUICK_CHECK_LIMIT = 64 * 2**20  # larger files: header and schema only at start


def prepare(
    paths: AppPaths,
    *,
    integrity: bool | None = None,
    locked: bool = False,
) -> tuple[Health, list[CrmError]]:
    """Run before the store is opened: recovery, then the damage check. Raises the
    StoreError that ``check`` would report; returns the health (``encrypted`` and
    ``unreadable`` need the passphrase) and notes for the user.
    ``locked``: the caller holds the instance lock. ``integrity``: run quick_check
    (default: for files up to 64 MB)."""
    notes = recover(paths) if locked else recover_unless_busy(paths)
    if integrity is None:
        try:
            integrity = paths.db_path.stat().st_size <= QUICK_CHECK_LIMIT
        except OSError:
            integrity = True
    health = settle_zero_byte(paths, examine(paths.db_path, integrity=integrity))
    if health.state == "empty":
        notes.append(discard_empty(paths))
        health = Health("missing")
    elif health.state == "damaged":
        raise restore_hint(paths, health.detail, encrypted=has_marker(paths.db_path))
    return health, notes


def encrypted_health(db: Path, passphrase: str) -> Health:
    """``integrity_check`` and schema revision of an encrypted file, with its passphrase
    (raises StoreError when the passphrase does not open it)."""
    from crm_desktop.services import crypto

    con = crypto.connect(db, passphrase)
    try:
        try:
            rows = [str(r[0]) for r in con.execute("PRAGMA integrity_check").fetchall()]
        except Exception as exc:  # sqlcipher3's own DatabaseError
            return Health("damaged", str(exc))
        if rows != ["ok"]:
            return Health("damaged", "; ".join(rows[:5]) or "no answer")
        try:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        except Exception:
            row = None
    finally:
        con.close()
    if row is None:
        return Health("damaged", QT_TRANSLATE_NOOP("errors", "no schema revision recorded"))
    return Health("encrypted", revision=str(row[0]))
