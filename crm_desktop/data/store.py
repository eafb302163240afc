"""A store: one database (SQLite file or PostgreSQL server) with its session factory."""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from crm_desktop.data import fileguard, migrate
from crm_desktop.data.engine import make_engine, make_session_factory, sqlite_url
from crm_desktop.data.filecheck import quick_check as quick_check
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ConflictError, CrmError, StoreError


def current_user() -> str:
    try:
        return os.environ.get("CRM_DESKTOP_USER") or getpass.getuser()
    except Exception:  # pragma: no cover - no user name on this system
        return "user"


@dataclass
class Store:
    url: str
    engine: Engine
    factory: sessionmaker[Session]
    path: Path | None = None  # the SQLite file, None for a server
    owner: str = field(default_factory=current_user)
    read_only: bool = False
    # the shared lock every process holding the SQLite file open keeps (fileguard)
    file_lock: fileguard.SharedLock | None = None
    # what the user should know about this store (read-only folder, a WAL set aside)
    notes: list[StoreError] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._read_engine = self.engine.execution_options(crm_read_only=True)
        lock = self.file_lock
        if lock is not None:
            # a disposed store that is used again (the window after a restore) takes
            # its shared lock again with its first new connection
            event.listen(self.engine, "connect", lambda *_: lock.ensure(), insert=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def reminder_owner(self) -> str | None:
        """Whose follow-ups ring, fill Today and the agenda: on a team server the
        signed-in user's (owners are logins there); on a local file, which has one user,
        every follow-up (None) — an owner there is a name of the team, such as the
        opportunity's owner a quote follow-up takes, not a login."""
        return None if self.is_sqlite else self.owner

    @property
    def kind_label(self) -> str:
        return "SQLite" if self.is_sqlite else "PostgreSQL"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls back on error."""
        if self.read_only:
            for note in self.notes:
                if note.params.get("reason") == "read-only":
                    raise StoreError(note.message, **note.params)
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "errors", "This store is open read-only; changes are not possible."
                )
            )
        try:
            with self.factory.begin() as session:
                yield session
        except OperationalError as exc:
            raise _store_error(exc) from exc

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for reading only; never commits and never takes the write lock."""
        session = self.factory(bind=self._read_engine)
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
        if self.file_lock is not None:
            self.file_lock.release()


# SQLite primary result codes (extended codes carry them in the low byte)
SQLITE_READONLY = 8
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_FULL = 13
SQLITE_CONSTRAINT = 19
# PostgreSQL SQLSTATEs
PG_DISK_FULL = "53100"
PG_READ_ONLY = "25006"
PG_LOCK_NOT_AVAILABLE = "55P03"
PG_INTEGRITY_CLASS = "23"

_DISK_FULL = QT_TRANSLATE_NOOP(
    "errors", "The disk is full. Nothing was changed; free some space and try again."
)
_READ_ONLY = QT_TRANSLATE_NOOP("errors", "The data folder is read-only. Nothing was changed.")
_LOCKED = QT_TRANSLATE_NOOP(
    "errors", "The store is busy (locked by another program). Try again in a moment."
)
_CONSTRAINT = QT_TRANSLATE_NOOP(
    "errors", "The change conflicts with data already in the store. Nothing was changed."
)


def error_kind(exc: BaseException) -> str | None:
    """``"full"``, ``"read-only"``, ``"locked"`` or ``"constraint"`` from the driver's
    error code (sqlite3's ``sqlite_errorcode``, psycopg's SQLSTATE); the message text
    only when the driver gives no code."""
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        primary = code & 0xFF
        return {
            SQLITE_FULL: "full",
            SQLITE_READONLY: "read-only",
            SQLITE_BUSY: "locked",
            SQLITE_LOCKED: "locked",
            SQLITE_CONSTRAINT: "constraint",
        }.get(primary)
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if isinstance(state, str) and state:
        if state == PG_DISK_FULL:
            return "full"
        if state == PG_READ_ONLY:
            return "read-only"
        if state == PG_LOCK_NOT_AVAILABLE:
            return "locked"
        if state.startswith(PG_INTEGRITY_CLASS):
            return "constraint"
        return None
    # fallback: a driver without codes
    low = str(orig).lower()
    if ("disk" in low and "full" in low) or "no space" in low:
        return "full"
    if "readonly" in low or "read-only" in low:
        return "read-only"
    if "locked" in low:
        return "locked"
    if "constraint" in low:
        return "constraint"
    return None


def _store_error(exc: DBAPIError) -> CrmError:
    """The expected error a database error stands for (by its code, see error_kind)."""
    kind = error_kind(exc)
    if kind == "full":
        return StoreError(_DISK_FULL, reason="full")
    if kind == "read-only":
        return StoreError(_READ_ONLY, reason="read-only")
    if kind == "locked":
        return StoreError(_LOCKED, reason="locked")
    if kind == "constraint":
        return ConflictError(_CONSTRAINT, reason="constraint")
    msg = str(exc.orig) if exc.orig is not None else str(exc)
    return StoreError(
        QT_TRANSLATE_NOOP("errors", "The store could not be written: {detail}"), detail=msg
    )


store_error = _store_error


def open_store(
    *,
    data_dir: Path | None = None,
    database_url: str | None = None,
    migrate_schema: bool = True,
    before_upgrade: Callable[[str | None], None] | None = None,
    read_only: bool = False,
) -> Store:
    """Open (and create or upgrade) the store in ``data_dir`` or at ``database_url``."""
    path: Path | None = None
    file_lock: fileguard.SharedLock | None = None
    notes: list[StoreError] = []
    if database_url:
        url = database_url
    else:
        if data_dir is None:
            raise ValueError(QT_TRANSLATE_NOOP("errors", "data_dir or database_url is required"))
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                QT_TRANSLATE_NOOP("errors", "The data folder {path} cannot be created: {detail}"),
                path=str(data_dir),
                detail=exc.strerror or str(exc),
            ) from exc
        path = data_dir / "crm.sqlite3"
        file_lock, read_only = _guard_file(data_dir, path, read_only, notes)
        url = sqlite_url(path)
        if read_only:
            url = f"sqlite:///file:{path}?mode=ro&uri=true"
    engine = make_engine(url)
    try:
        with fileguard.private_files():  # a new file and its WAL/SHM: 0600
            engine = _first_connection(engine, url, path, read_only)
    except OperationalError as exc:
        engine.dispose()
        if file_lock is not None:
            file_lock.release()
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "The store cannot be opened: {detail}"),
            detail=str(exc.orig or exc),
        ) from exc
    if migrate_schema and not read_only:
        try:
            migrate.upgrade(engine, before_upgrade=before_upgrade)
        except (OperationalError, StoreError) as exc:
            engine.dispose()
            if file_lock is not None:
                file_lock.release()
            if isinstance(exc, StoreError):
                raise
            raise _store_error(exc) from exc
    if path is not None and not read_only:
        _refresh_statistics(engine, path)
    return Store(
        url=url,
        engine=engine,
        factory=make_session_factory(engine),
        path=path,
        read_only=read_only,
        file_lock=file_lock,
        notes=notes,
    )


def _guard_file(
    data_dir: Path, path: Path, read_only: bool, notes: list[StoreError]
) -> tuple[fileguard.SharedLock, bool]:
    """Before this process's first connection: refuse an empty file, notice a
    read-only folder, set a foreign WAL aside (only when nobody else has the store
    open), make the files private, and take the shared lock (fileguard)."""
    if fileguard.is_empty_file(path):
        # a zero-byte file is a damaged store, never a new one (SQLite would
        # silently initialise it, and the first backup of it would rotate good ones away)
        raise fileguard.empty_file_error(path)
    if not fileguard.writable(data_dir, path):
        if not path.exists():
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The data folder {path} is read-only, and there is no store in it yet.",
                ),
                path=str(data_dir),
            )
        read_only = True
        notes.append(
            StoreError(
                QT_TRANSLATE_NOOP(
                    "errors", "The data folder is read-only: changes cannot be saved."
                ),
                reason="read-only",
            )
        )
    lock = fileguard.SharedLock(path)
    moved = None
    if not read_only:
        with fileguard.alone(path) as nobody_else:
            if nobody_else:  # never touch a WAL another process may be using
                try:
                    moved = fileguard.set_aside_foreign_wal(path)
                except OSError:  # pragma: no cover - left for SQLite to judge
                    moved = None
        if moved is not None:
            notes.append(
                StoreError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "A WAL file that does not belong to the data file was set aside as {path}.",
                    ),
                    path=str(moved),
                    reason="foreign-wal",
                )
            )
    if not read_only:
        fileguard.tighten_permissions(data_dir, path)
    lock.ensure()
    return lock, read_only


def _first_connection(engine: Engine, url: str, path: Path | None, read_only: bool) -> Engine:
    """Connect once (errors surface here). A WAL store in a read-only folder whose
    ``-shm`` cannot be created opens ``immutable`` instead (nobody can write it)."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return engine
    except OperationalError:
        if not read_only or path is None:
            raise
    engine.dispose()
    engine = make_engine(f"sqlite:///file:{path}?mode=ro&immutable=1&uri=true")
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return engine


def _refresh_statistics(engine: Engine, path: Path) -> None:
    """Give SQLite's planner table statistics once the store has grown (ANALYZE), and
    let it refresh them when needed (PRAGMA optimize). Without statistics it may pick
    an index that filters nothing (e.g. ``deleted_at``) on a large store."""
    try:
        with engine.begin() as conn:
            has_stats = conn.execute(
                text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
            ).first()
            if has_stats is None and path.stat().st_size > 4 * 2**20:
                conn.exec_driver_sql("ANALYZE")
            else:
                conn.exec_driver_sql("PRAGMA optimize")
    except (OperationalError, OSError):  # a busy or read-only store works without
        pass
