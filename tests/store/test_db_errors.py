"""Database errors become expected errors by the driver's code, not its message text:
provoked for real on a SQLite file (locked, full, constraint)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from crm_desktop.data.store import Store, error_kind, store_error
from crm_desktop.errors import ConflictError, StoreError


def _provoke(url: str, *statements: str) -> DBAPIError:
    engine = create_engine(url, connect_args={"timeout": 0})
    try:
        with engine.connect() as conn:
            for statement in statements[:-1]:
                conn.execute(text(statement))
            with pytest.raises(DBAPIError) as info:
                conn.execute(text(statements[-1]))
            return info.value
    finally:
        engine.dispose()


def test_locked_file_is_a_busy_store(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("CREATE TABLE t (a INTEGER)")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        exc = _provoke(f"sqlite:///{db}", "SELECT * FROM t")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert exc.orig.sqlite_errorname == "SQLITE_BUSY"  # type: ignore[union-attr]
    assert error_kind(exc) == "locked"
    err = store_error(exc)
    assert isinstance(err, StoreError)
    assert "busy" in err.text()


def test_full_disk_by_page_limit(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    exc = _provoke(
        f"sqlite:///{db}",
        "CREATE TABLE t (a TEXT)",
        "PRAGMA max_page_count = 3",
        "INSERT INTO t SELECT hex(randomblob(4000)) FROM "
        "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) "
        "SELECT i FROM n)",
    )
    assert exc.orig.sqlite_errorname == "SQLITE_FULL"  # type: ignore[union-attr]
    err = store_error(exc)
    assert isinstance(err, StoreError)
    assert err.text().startswith("The disk is full.")


def test_constraint_violation_is_a_conflict(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    exc = _provoke(
        f"sqlite:///{db}",
        "CREATE TABLE t (a INTEGER UNIQUE)",
        "INSERT INTO t VALUES (1)",
        "INSERT INTO t VALUES (1)",
    )
    assert exc.orig.sqlite_errorname == "SQLITE_CONSTRAINT_UNIQUE"  # type: ignore[union-attr]
    err = store_error(exc)
    assert isinstance(err, ConflictError)
    assert "conflicts with data already in the store" in err.text()


def test_the_code_wins_over_the_message(tmp_path: Path) -> None:
    """A message that mentions "locked" but a code that says the disk is full."""
    orig = sqlite3.OperationalError("row locked somewhere")
    orig.sqlite_errorcode = 13  # type: ignore[attr-defined]
    exc = DBAPIError("INSERT", {}, orig)
    assert error_kind(exc) == "full"


def test_postgres_sqlstate() -> None:
    class PgError(Exception):
        def __init__(self, state: str) -> None:
            super().__init__("ERROR: something")  # no hint in the text
            self.sqlstate = state

    assert error_kind(DBAPIError("x", {}, PgError("53100"))) == "full"
    assert error_kind(DBAPIError("x", {}, PgError("55P03"))) == "locked"
    assert error_kind(DBAPIError("x", {}, PgError("23505"))) == "constraint"
    assert error_kind(DBAPIError("x", {}, PgError("42P01"))) is None


def test_a_locked_store_says_busy(sqlite_store: Store) -> None:
    assert sqlite_store.url.startswith("sqlite")
    path = sqlite_store.url.split("///", 1)[1]
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError) as info, sqlite_store.session() as s:
            s.execute(text("PRAGMA busy_timeout = 0"))
            s.execute(text("UPDATE companies SET name = name"))
        assert "busy" in info.value.text()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
