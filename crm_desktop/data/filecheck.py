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


def quick_check(path: Path) -> str:
    """``PRAGMA quick_check`` on a SQLite file; returns "ok" or the first problem."""
    try:  # SQLite calls a zero-byte file a sound, empty database: it is a damaged store
        if path.is_file() and path.stat().st_size == 0:
            return "the file is empty (0 bytes)"
    except OSError:
        pass
    # a WAL store in a read-only folder: SQLite cannot make its -shm there; nobody can
    # write the file, so it is read as it is (immutable)
    writable = os.access(path.parent, os.W_OK) and os.access(path, os.W_OK)
    extra = "" if writable or not path.is_file() else "&immutable=1"
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro{extra}", uri=True)
        try:
            row = con.execute("PRAGMA quick_check").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return str(row[0]) if row else "no answer"


def read_header(path: Path) -> bytes | None:
    """The first 100 bytes of ``path`` (None when it cannot be read)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(100)
    except OSError:
        return None
