"""Checks on a SQLite file that need no SQLAlchemy (run before the window opens)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def quick_check(path: Path) -> str:
    """``PRAGMA quick_check`` on a SQLite file; returns "ok" or the first problem."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("PRAGMA quick_check").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return str(row[0]) if row else "no answer"
