"""The bulk writer: rows with precomputed ids, buffered and written in large batches
through light Core tables (on SQLite straight to the driver), number sequences,
the progress count, and the fast settings of the one-off load."""

from __future__ import annotations

import datetime as dt
import decimal
import json
import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Integer, Table, column, func, insert, select, table, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.sql.expression import TableClause

from crm_desktop.clock import Clock, local_zone
from crm_desktop.data import guard
from crm_desktop.data import models as m
from crm_desktop.data.base import Base
from crm_desktop.services.demo.common import (
    _T,
    BATCH,
    HISTORY_DAYS,
    DemoSummary,
    Progress,
    _tb,
)
from crm_desktop.services.demo.words import (
    FAMILY_NAMES,
    LEGAL_FORMS,
)


class _Light:
    """Core tables without type processing: values are prepared once per dialect."""

    def __init__(self, sqlite: bool) -> None:
        self.sqlite = sqlite
        self.tables: dict[str, TableClause] = {}

    def __call__(self, t: Table) -> TableClause:
        light = self.tables.get(t.name)
        if light is None:
            light = table(t.name, *[column(c.name) for c in t.columns])
            self.tables[t.name] = light
        return light

    def ts(self, moment: dt.datetime | None) -> Any:
        """``moment`` is naive UTC or aware."""
        if moment is None:
            return None
        if moment.tzinfo is not None:
            moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
        if self.sqlite:
            if moment.microsecond:
                return moment.isoformat(" ")
            return moment.isoformat(" ") + ".000000"
        return moment.replace(tzinfo=dt.UTC)

    def date(self, day: dt.date | None) -> Any:
        if day is None:
            return None
        return day.isoformat() if self.sqlite else day

    def money(self, value: decimal.Decimal) -> Any:
        return float(value) if self.sqlite else value

    def json(self, value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)


class _Writer:
    """The generator's state, its row buffers and its clock (the record rooms build on it)."""

    def __init__(
        self,
        conn: Connection,
        people: int,
        seed: int,
        clock: Clock,
        progress: Progress | None,
        owner: str,
    ) -> None:
        self.conn = conn
        self.n_people = people
        self.rng = random.Random(seed)
        self.clock = clock
        self.progress_cb = progress
        self.owner = owner
        self.sqlite = conn.dialect.name == "sqlite"
        self.light = _Light(self.sqlite)
        self.summary = DemoSummary()
        self.buffers: dict[str, list[dict[str, Any]]] = {}
        self.done = 0
        self.total = max(1, people * 23)  # people, their documents, ~2x10 per person
        self.stop = False
        self.zone = local_zone()
        self.now = clock.now().astimezone(dt.UTC)
        self.now_naive = self.now.replace(tzinfo=None)
        self.today = self.now.astimezone(self.zone).date()
        # calendar: local working days of the last years, as naive UTC of local midnight
        first = self.today - dt.timedelta(days=HISTORY_DAYS)
        self.day_dates: list[dt.date] = []
        self.day_base: list[dt.datetime] = []
        for i in range(HISTORY_DAYS):
            day = first + dt.timedelta(days=i)
            if day.weekday() >= 5:
                continue
            noon = dt.datetime.combine(day, dt.time(12), tzinfo=self.zone)
            base = noon.astimezone(dt.UTC).replace(tzinfo=None) - dt.timedelta(hours=12)
            self.day_dates.append(day)
            self.day_base.append(base)
        self.slots = [dt.timedelta(minutes=7 * 60 + 30 + 5 * i) for i in range(126)]  # 7:30-18:00
        # ids
        self.next_id: dict[str, int] = {}
        self.sql_cache: dict[tuple[str, tuple[str, ...]], str] = {}
        self.pending_activities: list[tuple[Any, ...]] = []
        self.interval_of: dict[int, int] = {}  # person id → contact interval (days)
        self.next_activity_id = 0
        # expanded weighted lists for fast uniform picks
        self.family_pool = [name for name, w in FAMILY_NAMES for _ in range(w)]
        self.legal_pool = [name for name, w in LEGAL_FORMS for _ in range(w)]
        self.person_docs: list[tuple[int, str, str]] = []
        self.company_docs: list[tuple[int, str, str]] = []
        self.other_docs: list[tuple[str, int, str, str]] = []
        # per company facts used later
        self.companies: list[dict[str, Any]] = []
        self.people_of: dict[int, list[int]] = {}
        self.person_info: dict[
            int, tuple[str, int | None, str]
        ] = {}  # id -> (name ref, company, email)
        self.freelancers: list[int] = []
        self.consenting: list[int] = []
        self.quote_numbers: list[tuple[int, str]] = []  # (opportunity id, quote number)
        self.ticket_numbers: list[tuple[int, str, int | None, int | None]] = []
        self.won: list[dict[str, Any]] = []

    def new_id(self, t: Table) -> int:
        value = self.next_id.get(t.name)
        if value is None:
            current = self.conn.execute(select(func.max(t.c.id))).scalar()
            value = int(current or 0) + 1
        self.next_id[t.name] = value + 1
        return value

    def add(self, t: Table, row: dict[str, Any]) -> None:
        buf = self.buffers.setdefault(t.name, [])
        buf.append(row)
        if len(buf) >= BATCH:
            # parents first: a full buffer of phones must not outrun its people
            for parent in Base.metadata.sorted_tables:
                self.flush(parent)
                if parent.name == t.name:
                    break

    def flush(self, t: Table) -> None:
        buf = self.buffers.get(t.name)
        if buf:
            self.write(t, buf)
            self.buffers[t.name] = []

    def write(self, t: Table, rows: list[dict[str, Any]]) -> None:
        """One executemany. On SQLite the statement is compiled by SQLAlchemy once and
        the rows go to the driver as tuples (no per-row parameter processing); elsewhere
        it is a Core ``insert()`` with the list of dicts (insertmanyvalues)."""
        if not self.sqlite:
            self.conn.execute(insert(self.light(t)), rows)
            return
        keys = list(rows[0])
        sql = self.sql_cache.get((t.name, tuple(keys)))
        if sql is None:
            stmt = insert(self.light(t)).compile(dialect=self.conn.dialect, column_keys=keys)
            sql = str(stmt)
            self.sql_cache[(t.name, tuple(keys))] = sql
        guard.check_rows(t, rows)  # the driver's executemany bypasses the Core check
        self.conn.exec_driver_sql(sql, [tuple(r[k] for k in keys) for r in rows])

    def write_tuples(self, t: Table, keys: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        if not self.sqlite:
            self.conn.execute(
                insert(self.light(t)), [dict(zip(keys, r, strict=True)) for r in rows]
            )
            return
        sql = self.sql_cache.get((t.name, tuple(keys)))
        if sql is None:
            stmt = insert(self.light(t)).compile(dialect=self.conn.dialect, column_keys=list(keys))
            sql = self.sql_cache[(t.name, tuple(keys))] = str(stmt)
        guard.check_tuples(t, keys, rows)
        self.conn.exec_driver_sql(sql, rows)

    def flush_all(self, *tables: Table) -> None:
        for t in tables:
            self.flush(t)

    def tick(self, amount: int) -> None:
        self.done = min(self.total - 1, self.done + amount)
        if self.progress_cb is not None:
            self.progress_cb(self.done, self.total)

    def pick(self, seq: Sequence[_T]) -> _T:
        return seq[int(self.rng.random() * len(seq))]

    def past_moment(self, max_days: int = HISTORY_DAYS, min_days: int = 1) -> dt.datetime:
        """A naive-UTC business-hours moment between ``max_days`` and ``min_days`` ago."""
        n = len(self.day_base)
        lo = max(0, n - max_days * 5 // 7)
        hi = max(lo + 1, n - max(0, min_days - 1) * 5 // 7)
        i = lo + int(self.rng.random() * (hi - lo))
        return self.day_base[i] + self.slots[int(self.rng.random() * 126)]

    def local_at(self, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=self.zone).astimezone(dt.UTC)

    def sequences(self, name: str) -> dict[str, int]:
        t = _tb(m.NumberSequence)
        rows = self.conn.execute(select(t.c.period, t.c.last_value).where(t.c.name == name)).all()
        self.seq_existing = getattr(self, "seq_existing", set()) | {(name, p) for p, _ in rows}
        return {p: v for p, v in rows}

    def store_sequences(self, name: str, values: dict[str, int]) -> None:
        t = _tb(m.NumberSequence)
        for period, value in values.items():
            if (name, period) in self.seq_existing:
                self.conn.execute(
                    update(t).where(t.c.name == name, t.c.period == period).values(last_value=value)
                )
            else:
                self.conn.execute(insert(t).values(name=name, period=period, last_value=value))


@contextmanager
def _fts_bulk_mode(conn: Connection) -> Iterator[None]:
    """Fewer, larger FTS5 segment merges while a million documents come in (about
    twice as fast); the defaults (automerge 4, crisismerge 16) are set again after."""
    if conn.dialect.name != "sqlite":
        yield
        return
    conn.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES('automerge', 0)")
    conn.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES('crisismerge', 64)")
    yield
    conn.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES('automerge', 4)")
    conn.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES('crisismerge', 16)")


def _sync_pg_sequences(conn: Connection) -> None:
    """Explicit ids bypass PostgreSQL's serial sequences: move them past the data."""
    for t in Base.metadata.sorted_tables:
        if "id" not in t.c or not t.c.id.primary_key or not isinstance(t.c.id.type, Integer):
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{t.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {t.name}), 0) + 1, false) "
                f"WHERE pg_get_serial_sequence('{t.name}', 'id') IS NOT NULL"
            )
        )


@contextmanager
def _bulk_pragmas(raw: Any, sqlite: bool) -> Iterator[None]:
    """Fast, not crash-safe settings for the one-off load (the load is one transaction)."""
    if not sqlite:
        yield
        return
    cur = raw.cursor()
    cur.execute("PRAGMA synchronous=OFF")
    cur.execute("PRAGMA cache_size=-262144")
    cur.execute("PRAGMA temp_store=MEMORY")
    try:
        yield
    finally:
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA cache_size=-2000")
        cur.execute("PRAGMA temp_store=DEFAULT")
        cur.close()
