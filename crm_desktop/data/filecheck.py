"""Checks on a SQLite file that need no SQLAlchemy (run before the window opens)."""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
KILL_ENV = "CRM_TEST_KILL_AT"


def kill_point(step: str) -> None:
    """For the kill tests: ``CRM_TEST_KILL_AT=<step>`` ends the process right here, as
    a power cut or ``kill -9`` would (no cleanup, no ``finally``)."""
    if os.environ.get(KILL_ENV) == step:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


# What a read-only connection answers when an interrupted writer left work that only a
# writer can finish: a hot rollback journal to play back, or a WAL index to rebuild.
UNSETTLED = frozenset({"SQLITE_READONLY_ROLLBACK", "SQLITE_READONLY_RECOVERY"})
UNSETTLED_READ_ONLY = (
    "a change was interrupted and must be rolled back, which needs write access to the data folder"
)


def _writable(path: Path) -> bool:
    return os.access(path.parent, os.W_OK | os.X_OK) and (
        not path.exists() or os.access(path, os.W_OK)
    )


def unsettled(exc: BaseException) -> bool:
    """``exc`` says a read-only connection met a hot journal or a WAL needing recovery."""
    return getattr(exc, "sqlite_errorname", "") in UNSETTLED


def settle(path: Path) -> None:
    """Let SQLite finish what an interrupted writer left (roll back a hot journal,
    rebuild the WAL index), as the next normal open would. Nothing committed changes."""
    con = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=10)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        con.close()


def connect_ro(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A read-only connection to ``path`` that sees the committed state.

    A process killed in the middle of a write leaves a hot journal (or a WAL index to
    rebuild); a read-only connection cannot deal with it and answers "attempt to write a
    readonly database". That is not damage: when the file can be written, it is settled
    first (:func:`settle`) and opened again. ``immutable`` reads the file as it is."""
    uri = f"file:{path}?mode=ro" + ("&immutable=1" if immutable else "")
    con = sqlite3.connect(uri, uri=True)
    if immutable:
        return con
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        con.close()
        if not unsettled(exc) or not _writable(path):
            raise
        settle(path)
        con = sqlite3.connect(uri, uri=True)
    return con


def quick_check(path: Path) -> str:
    """``PRAGMA quick_check`` on a SQLite file; returns "ok" or the first problem."""
    try:  # SQLite calls a zero-byte file a sound, empty database: it is a damaged store
        if path.is_file() and path.stat().st_size == 0:
            return "the file is empty (0 bytes)"
    except OSError:
        pass
    # a WAL store in a read-only folder: SQLite cannot make its -shm there; nobody can
    # write the file, so it is read as it is (immutable)
    immutable = path.is_file() and not _writable(path)
    journal = Path(str(path) + "-journal")
    if immutable and journal.is_file() and journal.stat().st_size > 0:
        return UNSETTLED_READ_ONLY  # read as it is, it would show a half-written change
    try:
        con = connect_ro(path, immutable=immutable)
        try:
            row = con.execute("PRAGMA quick_check").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return UNSETTLED_READ_ONLY if unsettled(exc) else str(exc)
    return str(row[0]) if row else "no answer"


def read_header(path: Path) -> bytes | None:
    """The first 100 bytes of ``path`` (None when it cannot be read)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(100)
    except OSError:
        return None
