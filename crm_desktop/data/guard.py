"""The card guard at the storage boundary: no payment card number reaches a table.

The services check their fields first (with a message naming the field as the user
sees it); this module is the net under them. It checks every text value written:

- ORM objects: a ``before_flush`` listener looks at every String/Text/JSON column of
  new objects and at the changed ones of dirty objects (a value stored before, even
  one the guard would refuse today, never blocks an edit of another field);
- Core statements: a ``before_execute`` listener looks at the rows of every
  ``insert()``/``update()`` of the CRM's tables (attendees, campaign members, the
  importer's and the demo generator's bulk rows on PostgreSQL);
- rows handed to the driver directly (the SQLite fast paths of the importer and the
  demo generator) are checked by :func:`check_rows`, which those paths call.

What a column holds decides how it is read (see :mod:`crm_desktop.services.cardguard`:
a valid phone number or IBAN is never a card). Identifiers (``uid`` columns) may be
hexadecimal, so digits glued to letters count as part of the identifier there. The
search index and undo payloads are copies of values already checked, and are skipped.
A refusal raises :class:`~crm_desktop.errors.CardNumberError` naming the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

from sqlalchemy import JSON, Engine, Enum, String, Table, Text, event
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapper, Session, sessionmaker
from sqlalchemy.sql.dml import Insert, Update
from sqlalchemy.sql.elements import BindParameter

from crm_desktop.data.base import Base
from crm_desktop.domain import cardguard

Mode = Literal["text", "id", "json"]

# copies of values already checked: the search index (built from guarded fields; its
# concatenations are not what a user typed) and undo payloads (snapshots of stored rows)
SKIPPED = {"search_documents", "undo_entries"}
# identifiers that may be hexadecimal (uuid4().hex, hashes of imported events)
IDENTIFIERS = {("followups", "uid"), ("appointments", "uid"), ("people", "vcard_uid")}
# the field names messages use, where the column name alone would say too little
FIELD_NAMES = {
    ("tags", "name"): "tags",
    ("phones", "number"): "phone",
    ("emails", "address"): "email",
    ("appointment_attendees", "name"): "attendee",
    ("appointment_attendees", "email"): "email",
    ("people", "profile_fields"): "profile",
    ("bank_accounts", "bank_name"): "bank_name",
}

_Columns = dict[str, tuple[str, Mode]]  # column key → (field name, mode)
_TABLES: dict[str, _Columns] = {}


def _columns(table: Table) -> _Columns:
    cols = _TABLES.get(table.name)
    if cols is None:
        cols = {}
        if table.name not in SKIPPED and table.metadata is Base.metadata:
            for column in table.columns:
                kind = column.type
                mode: Mode
                if isinstance(kind, Enum):
                    continue
                if isinstance(kind, JSON):
                    mode = "json"
                elif isinstance(kind, (String, Text)):
                    mode = "id" if (table.name, column.key) in IDENTIFIERS else "text"
                else:
                    continue
                name = FIELD_NAMES.get((table.name, column.key), column.key)
                cols[column.key] = (name, mode)
        _TABLES[table.name] = cols
    return cols


# ---------------------------------------------------------------- checking values


def check_value(field: str, value: Any, mode: Mode = "text") -> None:
    """Raise :class:`CardNumberError` when ``value`` (a text, or JSON data) holds a
    payment card number."""
    if value is None:
        return
    if isinstance(value, str):
        masked = cardguard.find_card_number(value, identifier=mode == "id")
        if masked is not None:
            raise cardguard.card_error(field, masked)
    elif mode == "json":
        _check_json(field, value)


def _check_json(field: str, value: Any) -> None:
    if isinstance(value, str):
        check_value(field, value)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            sub = f"{field}.{key}"
            check_value(sub, str(key))
            _check_json(sub, item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _check_json(field, item)


def _may_hold_card(values: list[Any]) -> bool:
    """Quick look over a row: without 13 digits in all its texts it holds no card."""
    if not all(isinstance(v, str) for v in values):
        return True  # JSON data (dicts, lists) and the like: look at each value
    return cardguard.enough_digits("\n".join(values))


def check_row(table: Table, row: Mapping[Any, Any]) -> None:
    cols = _columns(table)
    if not cols:
        return
    items = [(getattr(k, "key", k), v) for k, v in row.items()]
    guarded = [(cols[k], v) for k, v in items if k in cols and v is not None]
    if not guarded or not _may_hold_card([v for _c, v in guarded]):
        return
    for (name, mode), value in guarded:
        check_value(name, value, mode)


def _table_of(table: Any) -> Table | None:
    if isinstance(table, Table):
        return table
    return Base.metadata.tables.get(getattr(table, "name", ""))


def check_rows(table: Any, rows: Iterable[Mapping[Any, Any]]) -> None:
    """Check rows about to be written by a bulk INSERT (dicts keyed by column key)."""
    table = _table_of(table)
    if table is None or not _columns(table):
        return
    for row in rows:
        check_row(table, row)


def check_tuples(table: Any, keys: Iterable[str], rows: Iterable[Iterable[Any]]) -> None:
    """:func:`check_rows` for rows given as tuples in the order of ``keys``."""
    names = list(keys)
    table = _table_of(table)
    if table is None or not _columns(table):
        return
    for row in rows:
        check_row(table, dict(zip(names, row, strict=True)))


# ---------------------------------------------------------------- ORM objects


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    new, dirty = session.new, session.dirty
    for obj in list(new) + list(dirty):
        state = sa_inspect(obj)
        mapper: Mapper[Any] = state.mapper
        table = mapper.local_table
        if not isinstance(table, Table):  # pragma: no cover - every model has a table
            continue
        cols = _columns(table)
        if not cols:
            continue
        if obj in new:
            keys: Iterable[str] = state.dict.keys()
        else:
            keys = state.committed_state.keys()
        for key in list(keys):
            prop = mapper.attrs.get(key)
            columns = getattr(prop, "columns", None)
            if not columns:
                continue
            spec = cols.get(columns[0].key)
            if spec is None:
                continue
            check_value(spec[0], state.dict.get(key), spec[1])


# ---------------------------------------------------------------- Core statements


def _before_execute(
    _conn: Connection,
    clauseelement: Any,
    multiparams: Any,
    params: Any,
    _options: Any,
) -> None:
    if not isinstance(clauseelement, (Insert, Update)):
        return
    table = _table_of(clauseelement.table)  # also a lightweight table() of that name
    if table is None or not _columns(table):
        return
    values = getattr(clauseelement, "_values", None)
    if values:
        check_row(
            table,
            {
                getattr(k, "key", k): (v.value if isinstance(v, BindParameter) else None)
                for k, v in values.items()
            },
        )
    for rows in getattr(clauseelement, "_multi_values", ()) or ():
        for row in rows:
            if isinstance(row, Mapping):
                check_row(
                    table,
                    {
                        getattr(k, "key", k): (v.value if isinstance(v, BindParameter) else v)
                        for k, v in row.items()
                    },
                )
    for row in multiparams or ():
        if isinstance(row, Mapping):
            check_row(table, row)
    if isinstance(params, Mapping) and params:
        check_row(table, params)


def install(factory: sessionmaker[Session]) -> None:
    """Check the ORM objects of every flush of ``factory``'s sessions, and the rows of
    every Core INSERT/UPDATE run on its engine."""
    event.listen(factory, "before_flush", _before_flush)
    engine = factory.kw.get("bind")
    if isinstance(engine, Engine):
        install_engine(engine)


def install_engine(engine: Engine) -> None:
    """Check the rows of every Core INSERT/UPDATE run on ``engine``."""
    if not event.contains(engine, "before_execute", _before_execute):
        event.listen(engine, "before_execute", _before_execute)
