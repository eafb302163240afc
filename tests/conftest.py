"""Shared fixtures: clocks, real SQLite stores in temp dirs, a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt
import logging
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CRM_DESKTOP_TZ", "Europe/Berlin")

from sqlalchemy import create_engine, text

from crm_desktop.clock import FixedClock
from crm_desktop.data.store import Store, open_store

# The real-world sample files live in ../shared/samples beside the checkout (a fresh clone
# elsewhere has none). CRM_TEST_SAMPLES points somewhere else (or at nothing, to try the
# suite as a newcomer's clone would run it).
SAMPLES = Path(
    os.environ.get("CRM_TEST_SAMPLES")
    or Path(__file__).resolve().parents[1].parent / "shared" / "samples"
)
SAMPLES_PRESENT = SAMPLES.is_dir() and any(SAMPLES.iterdir())
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
SAMPLES_REASON = f"the shared sample files are not here ({SAMPLES}); tests on them are skipped"

#: Marks a test that reads the shared sample files: skipped with a reason when they are
#: absent, except under CI, where their absence fails the run (see pytest_sessionstart).
needs_samples = pytest.mark.skipif(not SAMPLES_PRESENT, reason=SAMPLES_REASON)


def pytest_sessionstart(session: pytest.Session) -> None:
    if IN_CI and not SAMPLES_PRESENT:
        raise pytest.UsageError(f"CI=true but {SAMPLES_REASON.split(';')[0]}")


class _ErrorRecords(logging.Handler):
    """Collects ERROR (and worse) records of the program's loggers."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == "crm_desktop" or record.name.startswith("crm_desktop."):
            self.records.append(record)


@pytest.fixture(autouse=True)
def logfail(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fails a test in which a crm_desktop logger logged an ERROR: an error that only
    the log knows of is an error nobody sees. A test that provokes one on purpose says
    so with ``@pytest.mark.logs_errors``."""
    handler = _ErrorRecords()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
    if handler.records and request.node.get_closest_marker("logs_errors") is None:
        lines = "\n".join(
            f"  {r.name} {r.levelname}: {r.getMessage()}" for r in handler.records[:10]
        )
        pytest.fail(
            f"{len(handler.records)} error(s) logged (mark the test logs_errors if intended):\n"
            + lines,
            pytrace=False,
        )


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC))


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(data_dir=tmp_path / "data")
    yield store
    store.dispose()


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    url = os.environ.get("CRM_TEST_PG_URL")
    if url:
        yield url
        return
    from tests.pgserver import PgServer

    server = PgServer()
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_template(pg_server_url: str) -> str:
    """A migrated database that each test's database is copied from (fast CREATE)."""
    name = "crm_template"
    admin = create_engine(pg_server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    base = pg_server_url.rsplit("/", 1)[0]
    store = open_store(database_url=f"{base}/{name}")
    store.dispose()
    return name


@pytest.fixture
def pg_store(pg_server_url: str, pg_template: str) -> Iterator[Store]:
    """A fresh database on the test server for each test."""
    name = "crm_" + uuid.uuid4().hex[:12]
    admin = create_engine(pg_server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"'))
    base = pg_server_url.rsplit("/", 1)[0]
    store = open_store(database_url=f"{base}/{name}")
    try:
        yield store
    finally:
        store.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def store(request: pytest.FixtureRequest) -> Store:
    """Store tests run against both backends."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_store")  # type: ignore[no-any-return]
    return request.getfixturevalue("pg_store")  # type: ignore[no-any-return]
