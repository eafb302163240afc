"""Engines and sessions: SQLite (default, one file) or a PostgreSQL server URL."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from crm_desktop.data import guard, search_sync
from crm_desktop.services import textmatch

DB_FILENAME = "crm.sqlite3"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _sqlite_on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # pysqlite's own transaction handling is replaced by explicit BEGIN below so
    # that SAVEPOINTs and "BEGIN IMMEDIATE" behave (SQLAlchemy docs, pysqlite).
    dbapi_conn.isolation_level = None
    textmatch.register_sqlite_functions(dbapi_conn)  # crm_fold(): name search
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA synchronous=NORMAL")
    with contextlib.suppress(sqlite3.OperationalError):  # read-only media: keep the journal
        cur.execute("PRAGMA journal_mode=WAL")
    cur.close()


def _sqlite_on_begin(conn: Any) -> None:
    # A unit of work takes the write lock at the start (IMMEDIATE): it never fails
    # half-way because another process wrote in between. Readers (Store.reader) use a
    # deferred BEGIN so that they never block a writer.
    if conn.get_execution_options().get("crm_read_only"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """Create an engine for ``url`` with the pragmas and listeners this program needs."""
    if url.startswith("sqlite"):
        engine = create_engine(url, echo=echo, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
    else:
        if url.startswith("postgresql://") or url.startswith("postgres://"):
            url = "postgresql+psycopg://" + url.split("://", 1)[1]
        engine = create_engine(url, echo=echo, pool_pre_ping=True)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    factory = sessionmaker(bind=engine, expire_on_commit=False, future=True)
    search_sync.install(factory)
    guard.install(factory)
    return factory


@contextmanager
def unit_of_work(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One session per user action: commit on success, roll back on any error."""
    with factory.begin() as session:
        yield session
