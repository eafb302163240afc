"""Bulk INSERTs: a Core executemany, on SQLite the rows straight to the driver."""

from __future__ import annotations

import operator
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from crm_desktop.data import guard


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


_NOTHING = object()


def _core_insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Core ``insert()`` executemany, one per run of rows with the same keys (in order)."""
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or rows[i].keys() != rows[start].keys():
            session.execute(insert(table), rows[start:i])
            start = i


def _insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Bulk INSERT of ``rows`` (normally all with the same keys) in the session's
    transaction.

    PostgreSQL (and anything else) goes through a Core ``insert()`` executemany, which
    SQLAlchemy batches into multi-row VALUES. On SQLite that path spends more time on
    its per-row parameter handling than SQLite spends storing the rows, so there the
    rows go to the driver's ``executemany`` directly: the columns' own bind processors
    (enums, dates, JSON, booleans) convert the values and scalar column defaults fill
    the columns the rows leave out, exactly as the Core insert would. A column with a
    callable default that the rows leave out falls back to the Core insert.
    """
    if not rows:
        return
    conn = session.connection()
    dialect = conn.dialect
    keys = list(rows[0])
    if (
        dialect.name != "sqlite"
        or dialect.paramstyle != "qmark"  # Core inserts: checked by crm_desktop.data.guard
        or any(len(r) != len(keys) for r in rows)  # rows of different shapes
    ):
        _core_insert(session, table, rows)
        return
    guard.check_rows(table, rows)  # the driver's executemany bypasses the Core check
    extra: list[tuple[str, Any]] = []
    for column in table.columns:
        if column.key in rows[0] or column.default is None:
            continue
        default = column.default
        if not getattr(default, "is_scalar", False):
            _core_insert(session, table, rows)
            return
        extra.append((column.key, getattr(default, "arg", None)))
    columns = [table.c[k] for k in keys] + [table.c[k] for k, _v in extra]
    getter = operator.itemgetter(*keys)
    single = len(keys) == 1  # itemgetter of one key gives the value, not a tuple
    try:
        data = [[getter(r)] for r in rows] if single else [list(getter(r)) for r in rows]
    except KeyError:  # rows of different shapes
        _core_insert(session, table, rows)
        return
    if extra:
        constants = [val for _k, val in extra]
        for row in data:
            row.extend(constants)
    for i, column in enumerate(columns):
        process = column.type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            # runs of the very same value (now, None, an enum member) convert once
            last_in: Any = _NOTHING
            last_out: Any = None
            for row in data:
                value = row[i]
                if value is not last_in:
                    last_in, last_out = value, process(value)
                row[i] = last_out
    prep = dialect.identifier_preparer
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        prep.format_table(table),
        ", ".join(prep.format_column(c) for c in columns),
        ", ".join("?" for _c in columns),
    )
    conn.exec_driver_sql(sql, [tuple(row) for row in data])
