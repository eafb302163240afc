"""Merge two people or two companies into one, and undo such a merge.

For each scalar field the user picks the side that wins (default: the kept record);
an empty winner is filled from the other side, so nothing is lost by default. Notes
of both sides are joined unless the user picks one. Phones, e-mails, addresses, bank
accounts and tags are united without exact duplicates; everything that points at the
dropped record (activities, follow-ups, tickets, opportunities, orders, appointments,
documents, project and campaign memberships, people reporting to them, branches,
departments, employees...) moves to the kept one. The references are found from the
schema itself, so a table added later moves too. The dropped record goes to the trash.

Each merge writes an :class:`UndoEntry` (``merge-people`` / ``merge-companies``) with
the old field values and the primary keys of every moved row; :func:`undo_merge`
restores the dropped record and moves back exactly those rows. Everything happens in
the caller's session: one transaction.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Column, Table, and_, delete, func, select, update
from sqlalchemy.orm import Session

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data import search_sync
from crm_desktop.data.base import Base
from crm_desktop.data.models import (
    Company,
    Department,
    Person,
    PriorityChange,
    UndoEntry,
)
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ConflictError, NotFoundError, ValidationError
from crm_desktop.services.contacts import audit

Side = Literal["keep", "drop"]

ACTION_PEOPLE = "merge-people"
ACTION_COMPANIES = "merge-companies"

# the fields the user can choose between, in the order the comparison shows them
PERSON_FIELDS: tuple[str, ...] = (
    "salutation",
    "title",
    "given_name",
    "family_name",
    "nickname",
    "birth_date",
    "position",
    "company_id",
    "department_id",
    "reports_to_id",
    "occupation",
    "marital_status",
    "hobbies",
    "profile_fields",
    "consent",
    "contact_interval_days",
    "contact_interval_kind",
    "priority",
    "payment_terms",
    "owner",
    "vcard_uid",
    "photo",
    "notes",
)
CONSENT_FIELDS = ("consent_marketing", "consent_at", "consent_source", "consent_withdrawn_at")

COMPANY_FIELDS: tuple[str, ...] = (
    "name",
    "legal_form",
    "parent_id",
    "status",
    "status_reason",
    "customer_since",
    "priority",
    "website",
    "vat_id",
    "register_court",
    "register_number",
    "managing_directors",
    "payment_terms",
    "owner",
    "notes",
)

# owned lists that are united without exact duplicates: table → identifying columns
_UNITED: dict[str, tuple[str, ...]] = {
    "phones": ("number",),
    "emails": ("address",),
    "addresses": ("street", "postcode", "city", "country"),
    "bank_accounts": ("iban",),
}
# history that stays with the record it was written for (it goes to the trash with it)
_NOT_MOVED = {"priority_changes", "search_documents"}


@dataclass(frozen=True)
class MergeResult:
    keep_id: int
    drop_id: int
    undo_id: int
    changed_fields: tuple[str, ...]
    moved: dict[str, int] = field(default_factory=dict)  # "table.column" → rows moved


# ---------------------------------------------------------------- values in the payload


def _dump(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, decimal.Decimal):
        return {"$dec": str(value)}
    if isinstance(value, bytes):
        return {"$b64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, dict):
        return {"$dict": {str(k): _dump(v) for k, v in value.items()}}
    raise TypeError(f"cannot keep {type(value).__name__} in an undo entry")


def _load(column: Column[Any], raw: Any) -> Any:
    if isinstance(raw, dict):
        if "$dt" in raw:
            return dt.datetime.fromisoformat(raw["$dt"])
        if "$date" in raw:
            return dt.date.fromisoformat(raw["$date"])
        if "$dec" in raw:
            return decimal.Decimal(raw["$dec"])
        if "$b64" in raw:
            return base64.b64decode(raw["$b64"])
        if "$dict" in raw:
            return {k: v for k, v in raw["$dict"].items()}
    enum_class = getattr(column.type, "enum_class", None)
    if raw is not None and enum_class is not None:
        return enum_class(raw)
    return raw


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == {} or value == b""


# ---------------------------------------------------------------- moving references


def _references(table_name: str) -> list[tuple[Table, Column[Any]]]:
    """Every (table, column) with a foreign key to ``table_name``."""
    out: list[tuple[Table, Column[Any]]] = []
    for table in Base.metadata.sorted_tables:
        if table.name in _NOT_MOVED:
            continue
        for fk in table.foreign_keys:
            if fk.column.table.name == table_name and fk.parent.table is table:
                out.append((table, fk.parent))
    return out


def _key_cols(table: Table, col: Column[Any]) -> list[Column[Any]]:
    return [c for c in table.primary_key.columns if c is not col]


def _rows_where(keys: list[Column[Any]], rows: list[list[Any]]) -> Any:
    if len(keys) == 1:
        return keys[0].in_([r[0] for r in rows])
    from sqlalchemy import or_

    return or_(*(and_(*(k == v for k, v in zip(keys, r, strict=True))) for r in rows))


def _move_rows(
    session: Session,
    table: Table,
    col: Column[Any],
    old: int,
    new: int,
    *,
    skip_rows: Iterable[tuple[Any, ...]] = (),
) -> dict[str, Any] | None:
    """Point the rows of ``table`` whose ``col`` is ``old`` at ``new``; return the record."""
    keys = _key_cols(table, col)
    if not keys:
        return None
    rows = [list(r) for r in session.execute(select(*keys).where(col == old))]
    skip = {tuple(r) for r in skip_rows}
    if col.primary_key:  # an association row: do not link twice
        skip |= {tuple(r) for r in session.execute(select(*keys).where(col == new))}
    rows = [r for r in rows if tuple(r) not in skip]
    if not rows:
        return None
    for start in range(0, len(rows), 500):
        chunk = rows[start : start + 500]
        session.execute(
            update(table).where(col == old, _rows_where(keys, chunk)).values({col.name: new})
        )
    return {
        "table": table.name,
        "column": col.name,
        "from": old,
        "to": new,
        "keys": [k.name for k in keys],
        "rows": rows,
    }


def _duplicate_rows(
    session: Session, table: Table, col: Column[Any], keep: int, drop: int
) -> list[tuple[Any, ...]]:
    """Primary keys of the dropped side's rows that the kept side already has."""
    ident = _UNITED[table.name]

    def norm(values: Iterable[Any]) -> tuple[str, ...]:
        return tuple(" ".join(str(v or "").split()).lower() for v in values)

    idcol = table.c["id"]
    have = {
        norm(r) for r in session.execute(select(*(table.c[c] for c in ident)).where(col == keep))
    }
    out: list[tuple[Any, ...]] = []
    seen: set[tuple[str, ...]] = set()
    for row in session.execute(
        select(idcol, *(table.c[c] for c in ident)).where(col == drop).order_by(idcol)
    ):
        key = norm(row[1:])
        if key in have or key in seen:
            out.append((row[0],))
        seen.add(key)
    return out


def _move_all(
    session: Session,
    target: str,
    keep: int,
    drop: int,
    special: set[tuple[str, str]],
) -> list[dict[str, Any]]:
    moved: list[dict[str, Any]] = []
    for table, col in _references(target):
        if (table.name, col.name) in special:
            continue
        skip: list[tuple[Any, ...]] = []
        if table.name in _UNITED:
            skip = _duplicate_rows(session, table, col, keep, drop)
        record = _move_rows(session, table, col, drop, keep, skip_rows=skip)
        if record is not None:
            moved.append(record)
    return moved


# ---------------------------------------------------------------- field choices


def _check_choices(choices: dict[str, str] | None, allowed: tuple[str, ...]) -> dict[str, Side]:
    out: dict[str, Side] = {}
    for key, side in (choices or {}).items():
        if key not in allowed:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "“{value}” is not a field that can be merged."),
                value=key,
            )
        if side not in ("keep", "drop"):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "Choose “keep” or “drop” for {field_name}, not “{value}”."
                ),
                field=key,
                field_name=key,
                value=side,
            )
        out[key] = side  # type: ignore[assignment]
    return out


def _pick(keep_val: Any, drop_val: Any, side: Side) -> Any:
    win, other = (keep_val, drop_val) if side == "keep" else (drop_val, keep_val)
    return other if _empty(win) else win


def _set(obj: Any, name: str, value: Any, before: dict[str, Any]) -> None:
    current = getattr(obj, name)
    if current != value:
        before.setdefault(name, _dump(current))
        setattr(obj, name, value)


def _join_notes(a: str, b: str) -> str:
    a, b = (a or "").strip(), (b or "").strip()
    if not a or not b or a == b:
        return a or b
    if b in a:
        return a
    return f"{a}\n\n---\n{b}"


def _consent_moment(p: Person) -> dt.datetime:
    stamps = [s for s in (p.consent_at, p.consent_withdrawn_at) if s is not None]
    return max(stamps) if stamps else dt.datetime.min.replace(tzinfo=dt.UTC)


# ---------------------------------------------------------------- people


def _live_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.deleted_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Person {id} does not exist."), id=person_id
        )
    return person


def merge_people(
    session: Session,
    keep_id: int,
    drop_id: int,
    field_choices: dict[str, str] | None = None,
    clock: Clock | None = None,
) -> MergeResult:
    """Merge person ``drop_id`` into ``keep_id``; the dropped person goes to the trash."""
    clock = clock or SystemClock()
    if keep_id == drop_id:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A person cannot be merged with itself."))
    choices = _check_choices(field_choices, PERSON_FIELDS)
    keep = _live_person(session, keep_id)
    drop = _live_person(session, drop_id)
    session.flush()
    before: dict[str, Any] = {}

    for name in PERSON_FIELDS:
        if name in ("consent", "department_id", "reports_to_id", "notes", "profile_fields"):
            continue
        _set(
            keep,
            name,
            _pick(getattr(keep, name), getattr(drop, name), choices.get(name, "keep")),
            before,
        )

    # the department must belong to the chosen company
    def fits(dept_id: int | None) -> bool:
        dept = session.get(Department, dept_id) if dept_id is not None else None
        return dept is not None and dept.company_id == keep.company_id

    dept_side = choices.get("department_id", choices.get("company_id", "keep"))
    dept_id = _pick(keep.department_id, drop.department_id, dept_side)
    if not fits(dept_id):
        alt = drop.department_id if dept_id == keep.department_id else keep.department_id
        dept_id = alt if fits(alt) else None
    _set(keep, "department_id", dept_id, before)
    # reporting line: never to oneself or to the dropped person
    boss = _pick(keep.reports_to_id, drop.reports_to_id, choices.get("reports_to_id", "keep"))
    if boss in (keep_id, drop_id):
        alt_boss = drop.reports_to_id if boss == keep.reports_to_id else keep.reports_to_id
        boss = alt_boss if alt_boss not in (keep_id, drop_id) else None
    _set(keep, "reports_to_id", boss, before)
    # profile fields: united, the chosen side wins per key
    side = choices.get("profile_fields", "keep")
    winner, loser = (keep, drop) if side == "keep" else (drop, keep)
    _set(
        keep,
        "profile_fields",
        {**(loser.profile_fields or {}), **(winner.profile_fields or {})},
        before,
    )
    # marketing consent: the newest decision unless the user picked a side
    if "consent" in choices:
        source = drop if choices["consent"] == "drop" else keep
    else:
        source = drop if _consent_moment(drop) > _consent_moment(keep) else keep
    for name in CONSENT_FIELDS:
        _set(keep, name, getattr(source, name), before)
    if "notes" in choices:
        notes = _pick(keep.notes, drop.notes, choices["notes"])
    else:
        notes = _join_notes(keep.notes, drop.notes)
    _set(keep, "notes", notes or "", before)
    session.flush()

    moved = _move_all(session, "people", keep_id, drop_id, {("people", "reports_to_id")})
    people = Person.__table__
    assert isinstance(people, Table)
    subordinates = _move_rows(
        session,
        people,
        people.c["reports_to_id"],
        drop_id,
        keep_id,
        skip_rows=[(keep_id,)],
    )
    if subordinates is not None:
        moved.append(subordinates)
    session.expire_all()
    keep = _live_person(session, keep_id)
    drop = session.get_one(Person, drop_id)
    _break_loop(keep, "reports_to", before)
    drop.deleted_at = clock.now()
    after = {name: _dump(getattr(keep, name)) for name in before}
    entry = UndoEntry(
        at=clock.now(),
        label=f"Merge person {drop_id} into {keep_id}",
        action=ACTION_PEOPLE,
        payload={
            "entity": "person",
            "keep_id": keep_id,
            "drop_id": drop_id,
            "before": before,
            "after": after,
            "moved": moved,
            "created": [],
        },
    )
    from crm_desktop.services.undo import end_redo

    end_redo(session)  # a new change ends the redo stack
    session.add(entry)
    audit(session, "merged", "person", keep_id, dropped=drop_id)
    session.flush()
    search_sync.sync_objects(session, [keep], [drop])
    return MergeResult(
        keep_id=keep_id,
        drop_id=drop_id,
        undo_id=entry.id,
        changed_fields=tuple(before),
        moved={f"{m['table']}.{m['column']}": len(m["rows"]) for m in moved},
    )


def _break_loop(obj: Any, relation: str, before: dict[str, Any]) -> None:
    """After moving, ``obj`` may sit in a loop (A → B → A): cut it at ``obj``."""
    seen = {obj.id}
    current = getattr(obj, relation)
    while current is not None:
        if current.id in seen:
            _set(obj, f"{relation}_id", None, before)
            return
        seen.add(current.id)
        current = getattr(current, relation)


# ---------------------------------------------------------------- companies


def _live_company(session: Session, company_id: int) -> Company:
    company = session.get(Company, company_id)
    if company is None or company.deleted_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Company {id} does not exist."), id=company_id
        )
    return company


def merge_companies(
    session: Session,
    keep_id: int,
    drop_id: int,
    field_choices: dict[str, str] | None = None,
    clock: Clock | None = None,
) -> MergeResult:
    """Merge company ``drop_id`` into ``keep_id``: people, departments, branches,
    activities, tickets, opportunities, orders... move; the dropped one goes to the trash."""
    clock = clock or SystemClock()
    if keep_id == drop_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A company cannot be merged with itself.")
        )
    choices = _check_choices(field_choices, COMPANY_FIELDS)
    keep = _live_company(session, keep_id)
    drop = _live_company(session, drop_id)
    session.flush()
    before: dict[str, Any] = {}
    old_priority = keep.priority
    for name in COMPANY_FIELDS:
        if name in ("parent_id", "notes"):
            continue
        _set(
            keep,
            name,
            _pick(getattr(keep, name), getattr(drop, name), choices.get(name, "keep")),
            before,
        )
    parent = _pick(keep.parent_id, drop.parent_id, choices.get("parent_id", "keep"))
    if parent in (keep_id, drop_id):
        other = drop.parent_id if parent == keep.parent_id else keep.parent_id
        parent = other if other not in (keep_id, drop_id) else None
    _set(keep, "parent_id", parent, before)
    if "notes" in choices:
        notes = _pick(keep.notes, drop.notes, choices["notes"])
    else:
        notes = _join_notes(keep.notes, drop.notes)
    _set(keep, "notes", notes or "", before)
    created: list[dict[str, Any]] = []
    if keep.priority != old_priority:
        change = PriorityChange(
            company_id=keep_id,
            old=old_priority,
            new=keep.priority,
            reason="merged",
            changed_at=clock.now(),
        )
        session.add(change)
        session.flush()
        created.append({"table": "priority_changes", "id": change.id})
    session.flush()

    moved: list[dict[str, Any]] = []
    # departments with a name the kept company has already: their people move over
    keep_depts = {
        name.lower(): did
        for did, name in session.execute(
            select(Department.id, Department.name).where(Department.company_id == keep_id)
        )
    }
    clashing: list[tuple[int]] = []
    people = Person.__table__
    assert isinstance(people, Table)
    for did, name in session.execute(
        select(Department.id, Department.name).where(Department.company_id == drop_id)
    ).all():
        target = keep_depts.get(name.lower())
        if target is not None:
            clashing.append((did,))
            record = _move_rows(session, people, people.c["department_id"], did, target)
            if record is not None:
                moved.append(record)
    departments = Department.__table__
    assert isinstance(departments, Table)
    record = _move_rows(
        session, departments, departments.c["company_id"], drop_id, keep_id, skip_rows=clashing
    )
    if record is not None:
        moved.append(record)
    companies = Company.__table__
    assert isinstance(companies, Table)
    record = _move_rows(
        session, companies, companies.c["parent_id"], drop_id, keep_id, skip_rows=[(keep_id,)]
    )
    if record is not None:
        moved.append(record)
    moved += _move_all(
        session,
        "companies",
        keep_id,
        drop_id,
        {("departments", "company_id"), ("companies", "parent_id")},
    )
    session.expire_all()
    keep = _live_company(session, keep_id)
    drop = session.get_one(Company, drop_id)
    _break_loop(keep, "parent", before)
    drop.deleted_at = clock.now()
    after = {name: _dump(getattr(keep, name)) for name in before}
    entry = UndoEntry(
        at=clock.now(),
        label=f"Merge company {drop_id} into {keep_id}",
        action=ACTION_COMPANIES,
        payload={
            "entity": "company",
            "keep_id": keep_id,
            "drop_id": drop_id,
            "before": before,
            "after": after,
            "moved": moved,
            "created": created,
        },
    )
    from crm_desktop.services.undo import end_redo

    end_redo(session)  # a new change ends the redo stack
    session.add(entry)
    audit(session, "merged", "company", keep_id, dropped=drop_id)
    session.flush()
    moved_people = [m for m in moved if m["table"] == "people" and m["column"] == "company_id"]
    employees = [
        p
        for m in moved_people
        for p in session.scalars(select(Person).where(Person.id.in_([r[0] for r in m["rows"]])))
    ]
    search_sync.sync_objects(session, [keep, *employees], [drop])
    return MergeResult(
        keep_id=keep_id,
        drop_id=drop_id,
        undo_id=entry.id,
        changed_fields=tuple(before),
        moved={f"{m['table']}.{m['column']}": len(m["rows"]) for m in moved},
    )


# ---------------------------------------------------------------- undo


def undo_merge(session: Session, undo_entry_id: int, clock: Clock | None = None) -> int:
    """Undo a merge: the dropped record comes back from the trash, every moved row goes
    back, and the kept record's fields return to their old values (unless edited since).
    Returns the id of the restored record."""
    clock = clock or SystemClock()
    entry = session.get(UndoEntry, undo_entry_id)
    if entry is None or entry.action not in (ACTION_PEOPLE, ACTION_COMPANIES):
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no merge {id} to undo."), id=undo_entry_id
        )
    if entry.undone_at is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "This merge has already been undone."))
    drop_id = apply_undo(session, entry.action, entry.payload)
    entry.undone_at = clock.now()
    session.flush()
    return drop_id


def apply_undo(session: Session, action: str, payload: dict[str, Any]) -> int:
    """The work of :func:`undo_merge` on a merge's payload (the undo registry's handler
    calls it; marking the entry undone is the caller's). Returns the restored id."""
    model: type[Person] | type[Company] = Person if action == ACTION_PEOPLE else Company
    keep_id, drop_id = int(payload["keep_id"]), int(payload["drop_id"])
    keep = session.get(model, keep_id)
    drop = session.get(model, drop_id)
    if drop is None or keep is None:
        raise ConflictError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The merged records were removed from the trash for good; the merge cannot be undone.",
            )
        )
    if getattr(drop, "anonymized_at", None) is not None or (
        getattr(keep, "anonymized_at", None) is not None
    ):  # an erased person never comes back (GDPR Art. 17)
        raise ConflictError(
            QT_TRANSLATE_NOOP("errors", "The person was anonymised; the merge cannot be undone.")
        )
    session.flush()
    for record in reversed(payload["moved"]):
        table = Base.metadata.tables[record["table"]]
        col = table.c[record["column"]]
        keys = [table.c[k] for k in record["keys"]]
        rows = record["rows"]
        for start in range(0, len(rows), 500):
            chunk = rows[start : start + 500]
            session.execute(
                update(table)
                .where(col == record["to"], _rows_where(keys, chunk))
                .values({col.name: record["from"]})
            )
    for item in payload.get("created", []):
        table = Base.metadata.tables[item["table"]]
        session.execute(delete(table).where(table.c["id"] == item["id"]))
    session.expire_all()
    kept: Any = session.get_one(model, keep_id)
    restored: Any = session.get_one(model, drop_id)
    columns = model.__table__.c  # type: ignore[attr-defined]
    for name, old in payload["before"].items():
        if _dump(getattr(kept, name)) == payload["after"].get(name):
            setattr(kept, name, _load(columns[name], old))
    restored.deleted_at = None
    audit(session, "merge-undone", payload["entity"], keep_id, restored=drop_id)
    session.flush()
    search_sync.sync_objects(session, [kept, restored], [])
    return drop_id


def last_merge(session: Session) -> UndoEntry | None:
    """The newest merge that has not been undone."""
    return session.scalars(
        select(UndoEntry)
        .where(
            UndoEntry.action.in_([ACTION_PEOPLE, ACTION_COMPANIES]),
            UndoEntry.undone_at.is_(None),
        )
        .order_by(UndoEntry.at.desc(), UndoEntry.id.desc())
        .limit(1)
    ).first()


def merge_count(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(UndoEntry)
            .where(UndoEntry.action.in_([ACTION_PEOPLE, ACTION_COMPANIES]))
        )
        or 0
    )
