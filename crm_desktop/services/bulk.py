"""Bulk changes on many people or companies: tag, untag, set a field, delete.

Each bulk change is one transaction and writes one :class:`UndoEntry` holding exactly
what it changed (old values per record), so Edit ▸ Undo can take it back — several
steps back, and across restarts. Deleted records go to the trash
(``deleted_at``), which can be restored or emptied.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from crm_desktop.clock import Clock
from crm_desktop.data.models import (
    Company,
    CompanyStatus,
    ImportBatch,
    Order,
    Person,
    Priority,
    Tag,
    company_tags,
    person_tags,
)
from crm_desktop.domain import cardguard
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import NotFoundError, ValidationError
from crm_desktop.services.contacts import audit, get_tags

if TYPE_CHECKING:
    from crm_desktop.services.undo import StackItem

ENTITIES: dict[str, type[Person] | type[Company]] = {"person": Person, "company": Company}
TAG_TABLES = {
    "person": (person_tags, person_tags.c.person_id),
    "company": (company_tags, company_tags.c.company_id),
}

# field → (entities it applies to, converter)
SETTABLE: dict[str, tuple[tuple[str, ...], Any]] = {
    "status": (("company",), CompanyStatus),
    "priority": (("person", "company"), lambda v: Priority(v) if v else None),
    "owner": (("person", "company"), lambda v: (str(v).strip() or None) if v is not None else None),
    "consent_marketing": (("person",), bool),
    "contact_interval_days": (("person",), lambda v: int(v) if v not in (None, "") else None),
    "needs_review": (("person", "company"), bool),
}


@dataclass
class BulkResult:
    changed: int
    undo_id: int | None
    label: str


def _check(entity: str, ids: list[int]) -> type[Person] | type[Company]:
    if entity not in ENTITIES:
        raise ValueError(entity)
    if not ids:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Nothing is selected."), field="selection"
        )
    return ENTITIES[entity]


def _record(
    session: Session, clock: Clock, label: str, action: str, payload: dict[str, Any]
) -> int:
    from crm_desktop.services import undo as registry

    return registry.record(session, action=action, label=label, payload=payload, clock=clock)


def _live_ids(session: Session, model: type[Person] | type[Company], ids: list[int]) -> list[int]:
    out: list[int] = []
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        out += (
            session.execute(select(model.id).where(model.id.in_(chunk), model.deleted_at.is_(None)))
            .scalars()
            .all()
        )
    return out


def tag(session: Session, entity: str, ids: list[int], name: str, clock: Clock) -> BulkResult:
    _check(entity, ids)
    if not name.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The tag needs a name."), field="tag")
    the_tag = get_tags(session, [name])[0]
    session.flush()
    table, col = TAG_TABLES[entity]
    live = _live_ids(session, ENTITIES[entity], ids)
    have = set(
        session.execute(select(col).where(table.c.tag_id == the_tag.id, col.in_(live))).scalars()
    )
    new = [i for i in live if i not in have]
    if new:
        key = col.name
        session.execute(insert(table), [{key: i, "tag_id": the_tag.id} for i in new])
    label = f"Tag “{the_tag.name}” added to {len(new)}"
    undo = _record(
        session,
        clock,
        label,
        "bulk-tag",
        {"entity": entity, "tag_id": the_tag.id, "tag": the_tag.name, "ids": new},
    )
    audit(session, "bulk-tag", entity, None, count=len(new))
    return BulkResult(len(new), undo, label)


def untag(session: Session, entity: str, ids: list[int], name: str, clock: Clock) -> BulkResult:
    _check(entity, ids)
    the_tag = session.execute(select(Tag).where(Tag.name == name.strip())).scalar_one_or_none()
    if the_tag is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "There is no tag “{name}”."), name=name)
    table, col = TAG_TABLES[entity]
    had = list(
        session.execute(select(col).where(table.c.tag_id == the_tag.id, col.in_(ids))).scalars()
    )
    if had:
        session.execute(delete(table).where(table.c.tag_id == the_tag.id, col.in_(had)))
    label = f"Tag “{the_tag.name}” removed from {len(had)}"
    undo = _record(
        session,
        clock,
        label,
        "bulk-untag",
        {"entity": entity, "tag_id": the_tag.id, "tag": the_tag.name, "ids": had},
    )
    return BulkResult(len(had), undo, label)


def set_field(
    session: Session, entity: str, ids: list[int], field: str, value: Any, clock: Clock
) -> BulkResult:
    model = _check(entity, ids)
    if field not in SETTABLE or entity not in SETTABLE[field][0]:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{name}” cannot be changed in bulk here."),
            field="field",
            name=field,
        )
    try:
        new_value = SETTABLE[field][1](value)
    except (ValueError, TypeError) as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not a valid value."), field=field, value=value
        ) from exc
    if isinstance(new_value, str):
        cardguard.guard(new_value, field)
    column = getattr(model, field)
    live = _live_ids(session, model, ids)
    old: dict[str, Any] = {}
    for start in range(0, len(live), 900):
        chunk = live[start : start + 900]
        for rid, val in session.execute(select(model.id, column).where(model.id.in_(chunk))):
            old[str(rid)] = val.value if hasattr(val, "value") else val
    stored = new_value.value if hasattr(new_value, "value") else new_value
    changed_ids = [int(k) for k, v in old.items() if v != stored]
    for start in range(0, len(changed_ids), 900):
        chunk = changed_ids[start : start + 900]
        values: dict[str, Any] = {field: new_value}
        if field == "consent_marketing":
            values["consent_at" if new_value else "consent_withdrawn_at"] = clock.now()
        session.execute(update(model).where(model.id.in_(chunk)).values(**values))
    label = f"{field} set to {stored} for {len(changed_ids)}"
    created: list[int] = []
    if entity == "company" and field == "status" and new_value == CompanyStatus.CUSTOMER:
        from crm_desktop.services.contacts import became_customer

        created = became_customer(session, changed_ids, clock=clock)
    undo = _record(
        session,
        clock,
        label,
        "bulk-set",
        {
            "entity": entity,
            "field": field,
            "value": stored,
            "old": {k: v for k, v in old.items() if int(k) in set(changed_ids)},
            # the automatic new-customer opportunities go again with an undo
            "created_opportunities": created,
        },
    )
    audit(session, "bulk-set", entity, None, field=field, count=len(changed_ids))
    return BulkResult(len(changed_ids), undo, label)


def delete_many(session: Session, entity: str, ids: list[int], clock: Clock) -> BulkResult:
    model = _check(entity, ids)
    live = _live_ids(session, model, ids)
    stamp = clock.now()
    for start in range(0, len(live), 900):
        chunk = live[start : start + 900]
        session.execute(update(model).where(model.id.in_(chunk)).values(deleted_at=stamp))
        # keep the search index in step (Core updates bypass the ORM listener)
        from crm_desktop.data.models import SearchDocument

        session.execute(
            delete(SearchDocument).where(
                SearchDocument.kind == entity, SearchDocument.ref_id.in_(chunk)
            )
        )
    label = f"{len(live)} moved to the trash"
    undo = _record(
        session,
        clock,
        label,
        "bulk-delete",
        {"entity": entity, "ids": live, "at": stamp.isoformat()},
    )
    audit(session, "bulk-delete", entity, None, count=len(live))
    return BulkResult(len(live), undo, label)


def _reindex(session: Session, entity: str, ids: list[int]) -> None:
    from crm_desktop.data import search_sync

    model = ENTITIES[entity]
    for start in range(0, len(ids), 500):
        objs = (
            session.execute(select(model).where(model.id.in_(ids[start : start + 500])))
            .scalars()
            .all()
        )
        search_sync.sync_objects(session, list(objs), [])


def undo(session: Session, entry_id: int, clock: Clock) -> str:
    """Take back one change (bulk, merge, delete, edit) through the undo registry.
    Returns its label."""
    from crm_desktop.services import undo as registry

    return registry.undo(session, entry_id, clock).label


def undo_stack(session: Session, limit: int = 20) -> list[StackItem]:
    """Undoable changes, newest first (plain values)."""
    from crm_desktop.services import undo as registry

    return registry.stack(session, limit)


def undo_last(session: Session, clock: Clock) -> str | None:
    from crm_desktop.services import undo as registry

    done = registry.undo_last(session, clock)
    return done.label if done is not None else None


# ---------------------------------------------------------------- trash and last import


@dataclass
class TrashItem:
    entity: str
    id: int
    label: str
    deleted_at: dt.datetime


def trash(session: Session, limit: int = 1000) -> list[TrashItem]:
    people = session.execute(
        select(Person.id, Person.given_name, Person.family_name, Person.deleted_at)
        .where(Person.deleted_at.is_not(None))
        .order_by(Person.deleted_at.desc())
        .limit(limit)
    ).all()
    companies = session.execute(
        select(Company.id, Company.name, Company.deleted_at)
        .where(Company.deleted_at.is_not(None))
        .order_by(Company.deleted_at.desc())
        .limit(limit)
    ).all()
    orders = session.execute(
        select(Order.id, Order.number, Company.name, Person.given_name, Person.family_name)
        .add_columns(Order.deleted_at)
        .outerjoin(Company, Order.company_id == Company.id)
        .outerjoin(Person, Order.person_id == Person.id)
        .where(Order.deleted_at.is_not(None))
        .order_by(Order.deleted_at.desc())
        .limit(limit)
    ).all()
    items = [TrashItem("person", r[0], f"{r[1]} {r[2]}".strip(), r[3]) for r in people if r[3]]
    items += [TrashItem("company", r[0], r[1], r[2]) for r in companies if r[2]]
    for oid, number, company, given, family, deleted in orders:
        customer = company or f"{given or ''} {family or ''}".strip()
        label = f"{number} ({customer})" if customer else number
        items.append(TrashItem("order", oid, label, deleted))
    items.sort(key=lambda t: t.deleted_at, reverse=True)
    return items


def restore(session: Session, entity: str, ids: list[int]) -> int:
    if entity == "order":  # orders are not in the search index
        session.execute(update(Order).where(Order.id.in_(ids)).values(deleted_at=None))
        return len(ids)
    model = ENTITIES[entity]
    session.execute(update(model).where(model.id.in_(ids)).values(deleted_at=None))
    _reindex(session, entity, ids)
    return len(ids)


def last_import(session: Session) -> tuple[ImportBatch | None, list[int]]:
    """The most recent import and the people it created (the "last import" set)."""
    batch = session.execute(
        select(ImportBatch).order_by(ImportBatch.id.desc()).limit(1)
    ).scalar_one_or_none()
    if batch is None:
        return None, []
    ids = list(
        session.execute(
            select(Person.id).where(Person.import_batch_id == batch.id, Person.deleted_at.is_(None))
        ).scalars()
    )
    return batch, ids


def count_live(session: Session, entity: str) -> int:
    model = ENTITIES[entity]
    return int(
        session.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None)))
        or 0
    )
