"""The one undo registry: every undoable change writes one ``UndoEntry`` and is taken
back (and done again) by the handler registered for its action.

An entry holds a typed payload (a small dataclass with ``to_dict``/``from_dict``), so
an undo survives a restart. Handlers take ``(session, payload, clock)`` and return the
:class:`Changes` record of what they touched. A payload that cannot be read is never
a crash: :func:`stack` drops such entries with a log line, :func:`undo` refuses them.
Only plain values leave a session here (no ORM objects).

The undo stack is every entry not undone, newest first; the redo stack is the undone
entries newer than every entry not undone (a new change ends the redo stack).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from crm_desktop.clock import Clock, FixedClock
from crm_desktop.data.models import UndoEntry
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ConflictError, NotFoundError
from crm_desktop.services.changes import Changes

log = logging.getLogger("crm_desktop.services.undo")

DELETE_KINDS = ("person", "company", "activity", "ticket", "project", "opportunity", "order")
# records whose creation is taken back (to the trash; a follow-up is cancelled)
CREATE_KINDS = (
    "person",
    "activity",
    "ticket",
    "project",
    "opportunity",
    "order",
    "followup",
    "appointment",
)
EDIT_KINDS = ("person", "company")


class Payload(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


P = TypeVar("P", bound=Payload)
Fn = Callable[[Session, Any, Clock], Changes]


@dataclass(frozen=True)
class Handler(Generic[P]):
    parse: Callable[[dict[str, Any]], P]
    undo: Callable[[Session, P, Clock], Changes]
    redo: Callable[[Session, P, Clock], Changes] | None = None
    # why the entry cannot be applied any more (None: it can)
    check: Callable[[Session, P], str | None] | None = None


_HANDLERS: dict[str, Handler[Any]] = {}


def register(
    action: str,
    *,
    parse: Callable[[dict[str, Any]], P],
    undo: Callable[[Session, P, Clock], Changes],
    redo: Callable[[Session, P, Clock], Changes] | None = None,
    check: Callable[[Session, P], str | None] | None = None,
) -> None:
    _HANDLERS[action] = Handler(parse, undo, redo, check)


def handler(action: str) -> Handler[Any] | None:
    return _HANDLERS.get(action)


@dataclass(frozen=True)
class UndoResult:
    entry_id: int
    action: str
    label: str
    changes: Changes
    kind: str = ""  # the one record it was about, when there is one
    ref_id: int = 0


@dataclass(frozen=True)
class StackItem:
    """One entry as the stacks list it (plain values)."""

    id: int
    at: dt.datetime
    action: str
    label: str
    payload: dict[str, Any] = field(default_factory=dict)
    can_redo: bool = True


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _int(value: Any, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{name} is not a number: {value!r}")
    return value


def _ints(value: Any, name: str) -> list[int]:
    if not isinstance(value, list):
        raise ValueError(f"{name} is not a list")
    return [int(v) for v in value]


def _moment(raw: Any) -> dt.datetime:
    return _aware(dt.datetime.fromisoformat(str(raw)))


# ---------------------------------------------------------------- recording


def record(
    session: Session,
    *,
    action: str,
    label: str,
    payload: Payload | dict[str, Any],
    clock: Clock,
) -> int:
    """Write one undo entry in the caller's transaction; returns its id."""
    data = payload if isinstance(payload, dict) else payload.to_dict()
    end_redo(session)
    entry = UndoEntry(at=clock.now(), label=label[:200], action=action, payload=data)
    session.add(entry)
    session.flush()
    return int(entry.id)


ENDED = "_redo_ended"  # payload mark: a newer change ended this entry's redo


def end_redo(session: Session) -> None:
    """A new change ends the redo stack: its entries are marked, never redone."""
    newest_live = session.scalar(
        select(func.max(UndoEntry.id)).where(UndoEntry.undone_at.is_(None))
    )
    query = select(UndoEntry).where(UndoEntry.undone_at.is_not(None))
    if newest_live is not None:
        query = query.where(UndoEntry.id > newest_live)
    for entry in session.execute(query).scalars():
        if isinstance(entry.payload, dict) and not entry.payload.get(ENDED):
            entry.payload = {**entry.payload, ENDED: True}


# ---------------------------------------------------------------- undo / redo


def _load(session: Session, entry_id: int) -> tuple[UndoEntry, Handler[Any], Any]:
    entry = session.get(UndoEntry, entry_id)
    if entry is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is nothing to undo with id {id}."), id=entry_id
        )
    found = _HANDLERS.get(entry.action)
    if found is None:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "This change cannot be undone."))
    try:
        payload = found.parse(dict(entry.payload or {}))
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        log.warning("undo: entry %s unreadable: %s", entry_id, exc)
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "This change cannot be undone.")) from exc
    return entry, found, payload


def _result(entry_id: int, action: str, label: str, payload: Any, changes: Changes) -> UndoResult:
    kind = str(getattr(payload, "kind", "") or getattr(payload, "entity", "") or "")
    ref = getattr(payload, "id", None) or getattr(payload, "keep_id", None) or 0
    return UndoResult(entry_id, action, label, changes, kind, int(ref))


def undo(session: Session, entry_id: int, clock: Clock) -> UndoResult:
    """Take back one change."""
    entry, found, payload = _load(session, entry_id)
    if entry.undone_at is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "This change has already been undone."))
    action, label = str(entry.action), str(entry.label)
    changes = found.undo(session, payload, clock)
    entry = session.get_one(UndoEntry, entry_id)  # a handler may have expired it
    entry.payload = payload.to_dict()
    entry.undone_at = clock.now()
    session.flush()
    log.info("undo: %s (%s) undone: %s", entry_id, action, changes.describe())
    return _result(entry_id, action, label, payload, changes)


def redo(session: Session, entry_id: int, clock: Clock) -> UndoResult:
    """Do an undone change again."""
    entry, found, payload = _load(session, entry_id)
    if entry.undone_at is None:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "This change has not been undone."))
    if found.redo is None or (entry.payload or {}).get(ENDED):
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "This change cannot be done again."))
    action, label = str(entry.action), str(entry.label)
    changes = found.redo(session, payload, clock)
    entry = session.get_one(UndoEntry, entry_id)
    entry.payload = payload.to_dict()
    entry.undone_at = None
    session.flush()
    log.info("undo: %s (%s) redone: %s", entry_id, action, changes.describe())
    return _result(entry_id, action, label, payload, changes)


def _readable(
    session: Session, entry_id: int, action: str, raw: Any, *, check: bool = True
) -> bool:
    found = _HANDLERS.get(action)
    if found is None:
        log.warning("undo: entry %s dropped, unknown action %r", entry_id, action)
        return False
    try:
        payload = found.parse(dict(raw) if isinstance(raw, dict) else _not_a_dict())
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        log.warning("undo: entry %s dropped, unreadable: %s", entry_id, exc)
        return False
    if check and found.check is not None:
        why = found.check(session, payload)
        if why:
            log.warning("undo: entry %s dropped, %s", entry_id, why)
            return False
    return True


def _not_a_dict() -> dict[str, Any]:
    raise ValueError(QT_TRANSLATE_NOOP("errors", "payload is not an object"))


def stack(
    session: Session,
    limit: int = 20,
    *,
    since: dt.datetime | None = None,
    drop: list[int] | None = None,
) -> list[StackItem]:
    """Undoable entries, newest first. Entries that cannot be applied any more are
    left out with a log line (their ids go to ``drop`` when given)."""
    query = select(UndoEntry.id, UndoEntry.at, UndoEntry.action, UndoEntry.label).add_columns(
        UndoEntry.payload
    )
    query = query.where(UndoEntry.undone_at.is_(None))
    if since is not None:
        query = query.where(UndoEntry.at >= since)
    rows = session.execute(query.order_by(UndoEntry.id.desc()).limit(limit)).all()
    out: list[StackItem] = []
    for rid, at, action, label, raw in rows:
        if not _readable(session, int(rid), str(action), raw):
            if drop is not None:
                drop.append(int(rid))
            continue
        can_redo = _HANDLERS[str(action)].redo is not None
        out.append(StackItem(int(rid), _aware(at), str(action), str(label), dict(raw), can_redo))
    return out


def redo_stack(session: Session, limit: int = 20) -> list[StackItem]:
    """Undone entries that can be done again, the next one first."""
    newest_live = session.scalar(
        select(func.max(UndoEntry.id)).where(UndoEntry.undone_at.is_(None))
    )
    query = select(UndoEntry.id, UndoEntry.at, UndoEntry.action, UndoEntry.label).add_columns(
        UndoEntry.payload
    )
    query = query.where(UndoEntry.undone_at.is_not(None))
    if newest_live is not None:
        query = query.where(UndoEntry.id > newest_live)
    rows = session.execute(query.order_by(UndoEntry.id.asc())).all()
    out: list[StackItem] = []
    for rid, at, action, label, raw in rows:
        if len(out) >= limit:
            break
        if not out and isinstance(raw, dict) and raw.get(ENDED):
            continue  # undone before a newer change: below the redo stack, never redone
        found = _HANDLERS.get(str(action))
        if found is None or found.redo is None or not isinstance(raw, dict) or raw.get(ENDED):
            break  # the redo stack ends at one that cannot be redone
        if not _readable(session, int(rid), str(action), raw, check=False):
            break
        out.append(StackItem(int(rid), _aware(at), str(action), str(label), dict(raw)))
    return out


def undo_last(session: Session, clock: Clock) -> UndoResult | None:
    top = stack(session, 1)
    return undo(session, top[0].id, clock) if top else None


def redo_last(session: Session, clock: Clock) -> UndoResult | None:
    top = redo_stack(session, 1)
    return redo(session, top[0].id, clock) if top else None


def drop(session: Session, entry_ids: list[int]) -> None:
    if entry_ids:
        session.execute(delete(UndoEntry).where(UndoEntry.id.in_(entry_ids)))


# ---------------------------------------------------------------- delete


def _models() -> dict[str, Any]:
    from crm_desktop.data.models import (
        Activity,
        Company,
        Opportunity,
        Order,
        Person,
        Project,
        Ticket,
    )

    return {
        "person": Person,
        "company": Company,
        "activity": Activity,
        "ticket": Ticket,
        "project": Project,
        "opportunity": Opportunity,
        "order": Order,
    }


@dataclass
class DeletePayload:
    kind: str
    id: int
    deleted_at: dt.datetime

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "deleted_at": self.deleted_at.isoformat()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DeletePayload:
        kind = data.get("kind")
        if kind not in DELETE_KINDS:
            raise ValueError(f"no record kind {kind!r}")
        return cls(str(kind), _int(data.get("id"), "id"), _moment(data.get("deleted_at")))


def _do_delete(session: Session, kind: str, ref_id: int, clock: Clock) -> dt.datetime:
    """Delete and return ``deleted_at`` exactly as the store keeps it (read back after
    the flush: a restore matches the company's people by it, whatever the backend
    rounds). The clock is read once, so a company and its people share one moment."""
    from crm_desktop.services import activities, contacts, orders, pipeline, projects, tickets

    once = FixedClock(clock.now())
    if kind == "person":
        contacts.delete_person(session, ref_id, clock=once)
    elif kind == "company":
        contacts.delete_company(session, ref_id, clock=once)
    elif kind == "activity":
        activities.delete_activity(session, ref_id, once)
    elif kind == "ticket":
        tickets.delete_ticket(session, ref_id, clock=once)
    elif kind == "project":
        projects.delete_project(session, ref_id, clock=once)
    elif kind == "opportunity":
        pipeline.delete_opportunity(session, ref_id, clock=once)
    elif kind == "order":
        orders.delete_order(session, ref_id, clock=once)
    else:
        raise ValueError(f"cannot delete {kind}")
    session.flush()
    model = _models()[kind]
    stored = session.execute(select(model.deleted_at).where(model.id == ref_id)).scalar_one()
    return _aware(stored) if isinstance(stored, dt.datetime) else once.now()


def _company_batch(session: Session, company_id: int, stamp: dt.datetime) -> Changes:
    from crm_desktop.data.models import Company, Person

    people = session.execute(select(Person.id).where(Person.deleted_at == stamp)).scalars()
    companies = session.execute(select(Company.id).where(Company.deleted_at == stamp)).scalars()
    return Changes.of("company", company_id, *companies, structure=True) | Changes.of(
        "person", *people
    )


def _undo_delete(session: Session, p: DeletePayload, clock: Clock) -> Changes:
    from crm_desktop.data.models import Company
    from crm_desktop.services import activities, contacts, orders, pipeline, projects, tickets

    if p.kind == "company":
        current = session.execute(select(Company.deleted_at).where(Company.id == p.id)).first()
        stamp = p.deleted_at
        if current is not None and current[0] is not None:
            stored = _aware(current[0])
            if stored != stamp and abs(stored - stamp) < dt.timedelta(seconds=1):
                # an entry whose moment is a little off the stored one: the company's
                # own stamp names its delete batch
                log.info("undo: company %s restored by its stored deletion moment", p.id)
                stamp = current[0]
        changes = _company_batch(session, p.id, current[0] if current and current[0] else stamp)
        contacts.restore_company(session, p.id, current[0] if current and current[0] else stamp)
        return changes
    restore: dict[str, Callable[[Session, int], Any]] = {
        "person": contacts.restore_person,
        "activity": activities.restore_activity,
        "ticket": tickets.restore_ticket,
        "project": projects.restore_project,
        "opportunity": pipeline.restore_opportunity,
        "order": orders.restore_order,
    }
    restore[p.kind](session, p.id)
    return Changes.of(p.kind, p.id, structure=True)


def _redo_delete(session: Session, p: DeletePayload, clock: Clock) -> Changes:
    p.deleted_at = _do_delete(session, p.kind, p.id, clock)
    if p.kind == "company":
        return _company_batch(session, p.id, p.deleted_at)
    return Changes.of(p.kind, p.id, structure=True)


def _check_delete(session: Session, p: DeletePayload) -> str | None:
    model = _models()[p.kind]
    current = session.execute(select(model.deleted_at).where(model.id == p.id)).first()
    if current is None:
        return f"{p.kind} {p.id} is gone"
    if current[0] is None:
        return f"{p.kind} {p.id} is no longer in the trash"
    return None


@dataclass
class CreatePayload:
    """A record the window created: the undo moves it to the trash, the redo brings it
    back (``deleted_at`` the moment of the undo's delete)."""

    kind: str
    id: int
    deleted_at: dt.datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "id": self.id}
        if self.deleted_at is not None:
            out["deleted_at"] = self.deleted_at.isoformat()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CreatePayload:
        kind = data.get("kind")
        if kind not in CREATE_KINDS:
            raise ValueError(f"no created kind {kind!r}")
        raw = data.get("deleted_at")
        return cls(str(kind), _int(data.get("id"), "id"), _moment(raw) if raw else None)


def record_created(session: Session, kind: str, ref_id: int, label: str, clock: Clock) -> int:
    """Write the undo entry of a record just created, in the caller's transaction."""
    payload = CreatePayload(kind, ref_id)
    CreatePayload.from_dict(payload.to_dict())  # a kind that cannot be taken back: now
    return record(session, action="create", label=label, payload=payload, clock=clock)


def _undo_create(session: Session, p: CreatePayload, clock: Clock) -> Changes:
    if p.kind == "followup":
        return _cancel_created_followup(session, p, clock)
    if p.kind == "appointment":
        return _set_created_appointment(session, p, clock, cancelled=True)
    model = _models()[p.kind]
    row = session.execute(select(model.deleted_at).where(model.id == p.id)).first()
    if row is None or row[0] is not None:
        raise ConflictError(ROW_GONE)
    p.deleted_at = _do_delete(session, p.kind, p.id, clock)
    return Changes.of(p.kind, p.id, structure=True)


def _redo_create(session: Session, p: CreatePayload, clock: Clock) -> Changes:
    if p.kind == "followup":
        return _uncancel_created_followup(session, p, clock)
    if p.kind == "appointment":
        return _set_created_appointment(session, p, clock, cancelled=False)
    model = _models()[p.kind]
    row = session.execute(select(model.deleted_at).where(model.id == p.id)).first()
    if row is None or row[0] is None:
        raise ConflictError(ROW_GONE)
    _undo_delete(session, DeletePayload(p.kind, p.id, _aware(row[0])), clock)
    p.deleted_at = None
    return Changes.of(p.kind, p.id, structure=True)


def _cancel_created_followup(session: Session, p: CreatePayload, clock: Clock) -> Changes:
    """A follow-up has no trash: the undo of planning it cancels it (kept for the
    record, as every cancelled one), the redo takes the cancellation back."""
    from crm_desktop.data.models import FollowUp

    fu = session.get(FollowUp, p.id)
    if fu is None or fu.cancelled_at is not None:
        raise ConflictError(ROW_GONE)
    if fu.done_at is not None:
        raise ConflictError(EDIT_OVERTAKEN)
    fu.cancelled_at = clock.now()
    fu.sequence = (fu.sequence or 0) + 1
    session.flush()
    p.deleted_at = _aware(fu.cancelled_at)
    return _followup_changes(fu)


def _uncancel_created_followup(session: Session, p: CreatePayload, clock: Clock) -> Changes:
    from crm_desktop.data.models import FollowUp

    fu = session.get(FollowUp, p.id)
    if fu is None or fu.cancelled_at is None:
        raise ConflictError(ROW_GONE)
    fu.cancelled_at = None
    fu.sequence = (fu.sequence or 0) + 1
    session.flush()
    p.deleted_at = None
    return _followup_changes(fu)


def _set_created_appointment(
    session: Session, p: CreatePayload, clock: Clock, *, cancelled: bool
) -> Changes:
    """An appointment has no trash either: the undo of making it cancels it, the redo
    makes it confirmed again; SEQUENCE counts on both ways."""
    from crm_desktop.data.models import Appointment, AppointmentStatus

    ap = session.get(Appointment, p.id)
    if ap is None or (ap.status == AppointmentStatus.CANCELLED) == cancelled:
        raise ConflictError(ROW_GONE)
    ap.status = AppointmentStatus.CANCELLED if cancelled else AppointmentStatus.CONFIRMED
    ap.sequence = (ap.sequence or 0) + 1
    ap.updated_at = clock.now()
    session.flush()
    p.deleted_at = clock.now() if cancelled else None
    return Changes.of("appointment", p.id, structure=True) | Changes.of("person", ap.person_id)


def _followup_changes(fu: Any) -> Changes:
    return (
        Changes.of("followup", int(fu.id), structure=True)
        | Changes.of("person", fu.person_id)
        | Changes.of("company", fu.company_id)
    )


def _check_create(session: Session, p: CreatePayload) -> str | None:
    if p.kind == "followup":
        from crm_desktop.data.models import FollowUp

        fu = session.get(FollowUp, p.id)
        if fu is None:
            return f"followup {p.id} is gone"
        return None if fu.cancelled_at is None else f"followup {p.id} is cancelled"
    if p.kind == "appointment":
        from crm_desktop.data.models import Appointment, AppointmentStatus

        ap = session.get(Appointment, p.id)
        if ap is None:
            return f"appointment {p.id} is gone"
        return None if ap.status != AppointmentStatus.CANCELLED else "it is cancelled"
    model = _models()[p.kind]
    row = session.execute(select(model.deleted_at).where(model.id == p.id)).first()
    if row is None:
        return f"{p.kind} {p.id} is gone"
    if row[0] is not None:
        return f"{p.kind} {p.id} is in the trash"
    return None


register(
    "create",
    parse=CreatePayload.from_dict,
    undo=_undo_create,
    redo=_redo_create,
    check=_check_create,
)


@dataclass(frozen=True)
class RecordName:
    """How a record is named when its delete is asked for: a ticket by its number and
    title, a project or an opportunity by its name (plain values)."""

    kind: str
    id: int
    name: str
    number: str = ""  # a ticket's number


def describe(session: Session, kind: str, ref_id: int) -> RecordName | None:
    """The name of a ticket, project or opportunity not in the trash; None when it is
    gone or deleted (or of another kind)."""
    from crm_desktop.data.models import Opportunity, Project, Ticket

    if kind == "ticket":
        row = session.execute(
            select(Ticket.number, Ticket.title).where(
                Ticket.id == ref_id, Ticket.deleted_at.is_(None)
            )
        ).first()
        return RecordName(kind, ref_id, str(row[1]), str(row[0])) if row else None
    if kind == "project":
        query = select(Project.name).where(Project.id == ref_id, Project.deleted_at.is_(None))
    elif kind == "opportunity":
        query = select(Opportunity.title).where(
            Opportunity.id == ref_id, Opportunity.deleted_at.is_(None)
        )
    else:
        return None
    name = session.execute(query).scalar_one_or_none()
    return RecordName(kind, ref_id, str(name)) if name is not None else None


def delete_record(
    session: Session, kind: str, ref_id: int, label: str, clock: Clock
) -> tuple[int, Changes]:
    """Move a record to the trash and write its undo entry, in the caller's
    transaction. Returns the entry id and what changed."""
    if kind not in DELETE_KINDS:
        raise ValueError(f"cannot delete {kind}")
    stamp = _do_delete(session, kind, ref_id, clock)
    payload = DeletePayload(kind, ref_id, stamp)
    entry_id = record(session, action="delete", label=label, payload=payload, clock=clock)
    if kind == "company":
        return entry_id, _company_batch(session, ref_id, stamp)
    return entry_id, Changes.of(kind, ref_id, structure=True)


register(
    "delete",
    parse=DeletePayload.from_dict,
    undo=_undo_delete,
    redo=_redo_delete,
    check=_check_delete,
)


# ---------------------------------------------------------------- edit of a person or company

_CHILDREN = ("phones", "emails", "addresses", "bank_accounts")
_SKIP = {"id", "person_id", "company_id"}
_CONSENT = ("consent_marketing", "consent_at", "consent_source", "consent_withdrawn_at")


def _edit_model(kind: str) -> Any:
    from crm_desktop.data.models import Company, Person

    if kind not in EDIT_KINDS:
        raise ValueError(f"no edit of {kind}")
    return Person if kind == "person" else Company


def _fields(kind: str) -> tuple[str, ...]:
    from crm_desktop.services import contacts

    if kind == "person":
        return (*sorted(contacts.PERSON_FIELDS), *_CONSENT)
    return tuple(sorted(contacts.COMPANY_FIELDS))


def snapshot(session: Session, kind: str, ref_id: int) -> dict[str, Any]:
    """A person's or company's editable values as plain JSON values (fields, phones,
    e-mails, addresses, bank accounts, tags): the before/after of an edit."""
    from crm_desktop.services.merge import _dump

    model = _edit_model(kind)
    obj = session.get_one(model, ref_id)
    session.flush()
    out: dict[str, Any] = {name: _dump(getattr(obj, name)) for name in _fields(kind)}
    for rel in _CHILDREN:
        items = []
        for child in getattr(obj, rel):
            cols = child.__table__.c
            items.append(
                {c.name: _dump(getattr(child, c.name)) for c in cols if c.name not in _SKIP}
            )
        out[rel] = items
    out["tags"] = sorted(t.name for t in obj.tags)
    return out


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return [k for k in after if before.get(k) != after[k]]


@dataclass
class EditPayload:
    kind: str
    id: int
    before: dict[str, Any]
    after: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "before": self.before, "after": self.after}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EditPayload:
        kind = data.get("kind")
        if kind not in EDIT_KINDS:
            raise ValueError(f"no record kind {kind!r}")
        before, after = data.get("before"), data.get("after")
        if not isinstance(before, dict) or not isinstance(after, dict):
            raise ValueError(QT_TRANSLATE_NOOP("errors", "before/after are not objects"))
        return cls(str(kind), _int(data.get("id"), "id"), before, after)


def _apply(session: Session, kind: str, ref_id: int, values: dict[str, Any], clock: Clock) -> None:
    from crm_desktop.services import contacts, versioning
    from crm_desktop.services.merge import _load

    model = _edit_model(kind)
    obj = session.get(model, ref_id)
    if obj is None or obj.deleted_at is not None:
        raise ConflictError(
            QT_TRANSLATE_NOOP(
                "errors", "The record is no longer there; the change cannot be undone."
            )
        )
    columns = model.__table__.c
    rels = obj.__mapper__.relationships
    for name, raw in values.items():
        if name == "tags":
            contacts.set_tags(session, obj, list(raw))
        elif name in _CHILDREN:
            child_model = rels[name].mapper.class_
            child_cols = child_model.__table__.c
            setattr(
                obj,
                name,
                [
                    child_model(**{k: _load(child_cols[k], v) for k, v in item.items()})
                    for item in raw
                ],
            )
        else:
            setattr(obj, name, _load(columns[name], raw))
    obj.updated_at = clock.now()
    versioning.flush(session, kind, obj)


def _same(a: Any, b: Any) -> bool:
    """Two snapshot values alike: moments by the instant (a zone written as +01:00
    reads back as UTC), amounts by the number, lists and objects item by item."""
    if isinstance(a, dict) and isinstance(b, dict):
        if "$dt" in a and "$dt" in b:
            try:
                return _moment(a["$dt"]) == _moment(b["$dt"])
            except ValueError:
                return bool(a == b)
        if "$dec" in a and "$dec" in b:
            try:
                return Decimal(str(a["$dec"])) == Decimal(str(b["$dec"]))
            except ArithmeticError:
                return bool(a == b)
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def changed_since(session: Session, kind: str, ref_id: int, expected: dict[str, Any]) -> list[str]:
    """The fields of ``expected`` whose stored value is no longer the expected one
    (a save after the recorded edit changed them)."""
    now = snapshot(session, kind, ref_id)
    return [name for name, value in expected.items() if not _same(now.get(name), value)]


EDIT_OVERTAKEN = QT_TRANSLATE_NOOP(
    "errors",
    "The record was changed again after this change; undoing it now would "
    "overwrite that later change. Nothing was changed.",
)


def _refuse_if_changed(session: Session, p: EditPayload, expected: dict[str, Any]) -> None:
    """An undo (redo) writes the values of before (after) the edit: only while the
    record still holds what the edit left (what the undo left), never over a later
    save of someone else or of another window."""
    obj = session.get(_edit_model(p.kind), p.id)
    if obj is None or obj.deleted_at is not None:
        raise ConflictError(
            QT_TRANSLATE_NOOP(
                "errors", "The record is no longer there; the change cannot be undone."
            )
        )
    names = changed_since(session, p.kind, p.id, expected)
    if names:
        log.info("undo: %s %s changed meanwhile (%s): refused", p.kind, p.id, ", ".join(names))
        raise ConflictError(EDIT_OVERTAKEN)


def _undo_edit(session: Session, p: EditPayload, clock: Clock) -> Changes:
    _refuse_if_changed(session, p, p.after)
    _apply(session, p.kind, p.id, p.before, clock)
    return Changes.of(p.kind, p.id)


def _redo_edit(session: Session, p: EditPayload, clock: Clock) -> Changes:
    _refuse_if_changed(session, p, p.before)
    _apply(session, p.kind, p.id, p.after, clock)
    return Changes.of(p.kind, p.id)


def _check_edit(session: Session, p: EditPayload) -> str | None:
    """Whether the entry is offered at all (the stack leaves out an entry whose record
    is gone). A record changed after the edit is refused when undone
    (:func:`_refuse_if_changed`), not left out here: an older edit below a newer one of
    the same record differs from the record until the newer one is undone."""
    obj = session.get(_edit_model(p.kind), p.id)
    if obj is None:
        return f"{p.kind} {p.id} is gone"
    return None


def record_edit(
    session: Session,
    kind: str,
    ref_id: int,
    before: dict[str, Any],
    after: dict[str, Any],
    label: str,
    clock: Clock,
) -> int | None:
    """Write the undo entry of an edit (only the changed values are kept); None when
    nothing changed."""
    names = changed_fields(before, after)
    if not names:
        return None
    payload = EditPayload(
        kind, ref_id, {k: before.get(k) for k in names}, {k: after[k] for k in names}
    )
    return record(session, action="edit", label=label, payload=payload, clock=clock)


register("edit", parse=EditPayload.from_dict, undo=_undo_edit, redo=_redo_edit, check=_check_edit)


# ---------------------------------------------------------------- bulk changes


@dataclass
class BulkTagPayload:
    entity: str
    tag_id: int
    tag: str
    ids: list[int]

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity, "tag_id": self.tag_id, "tag": self.tag, "ids": self.ids}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BulkTagPayload:
        entity = str(data.get("entity", "person"))
        if entity not in ("person", "company"):
            raise ValueError(f"no entity {entity!r}")
        return cls(
            entity,
            _int(data.get("tag_id"), "tag_id"),
            str(data.get("tag", "")),
            _ints(data.get("ids", []), "ids"),
        )


def _untag(session: Session, p: BulkTagPayload) -> None:
    from crm_desktop.services.bulk import TAG_TABLES

    table, col = TAG_TABLES[p.entity]
    for start in range(0, len(p.ids), 900):
        session.execute(
            delete(table).where(table.c.tag_id == p.tag_id, col.in_(p.ids[start : start + 900]))
        )


def _tag(session: Session, p: BulkTagPayload) -> None:
    from crm_desktop.services.bulk import TAG_TABLES

    table, col = TAG_TABLES[p.entity]
    rows = [{col.name: i, "tag_id": p.tag_id} for i in p.ids]
    if rows:
        _untag(session, p)  # never twice
        session.execute(insert(table), rows)


def _tag_changes(p: BulkTagPayload) -> Changes:
    return Changes.of(p.entity, *p.ids)


def _undo_tag(session: Session, p: BulkTagPayload, clock: Clock) -> Changes:
    _untag(session, p)
    return _tag_changes(p)


def _redo_tag(session: Session, p: BulkTagPayload, clock: Clock) -> Changes:
    _tag(session, p)
    return _tag_changes(p)


register("bulk-tag", parse=BulkTagPayload.from_dict, undo=_undo_tag, redo=_redo_tag)
register("bulk-untag", parse=BulkTagPayload.from_dict, undo=_redo_tag, redo=_undo_tag)


@dataclass
class BulkSetPayload:
    entity: str
    field: str
    value: Any
    old: dict[str, Any]
    created_opportunities: list[int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "field": self.field,
            "value": self.value,
            "old": self.old,
            "created_opportunities": self.created_opportunities,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BulkSetPayload:
        from crm_desktop.services.bulk import SETTABLE

        entity = str(data.get("entity", "person"))
        name = str(data.get("field"))
        if name not in SETTABLE or entity not in SETTABLE[name][0]:
            raise ValueError(f"no bulk field {name!r} of {entity!r}")
        old = data.get("old", {})
        if not isinstance(old, dict):
            raise ValueError(QT_TRANSLATE_NOOP("errors", "old is not an object"))
        return cls(
            entity,
            name,
            data.get("value"),
            {str(k): v for k, v in old.items()},
            _ints(data.get("created_opportunities", []), "created_opportunities"),
        )


def _undo_set(session: Session, p: BulkSetPayload, clock: Clock) -> Changes:
    from crm_desktop.data.models import Opportunity
    from crm_desktop.services.bulk import ENTITIES, SETTABLE

    model = ENTITIES[p.entity]
    conv = SETTABLE[p.field][1]
    for rid, old in p.old.items():
        value = conv(old) if old is not None else None
        session.execute(update(model).where(model.id == int(rid)).values({p.field: value}))
    changes = Changes.of(p.entity, *(int(k) for k in p.old))
    if p.created_opportunities:  # marked deleted, as the opportunity list deletes them
        session.execute(
            update(Opportunity)
            .where(Opportunity.id.in_(p.created_opportunities), Opportunity.deleted_at.is_(None))
            .values(deleted_at=clock.now())
        )
        changes = changes | Changes.of("opportunity", *p.created_opportunities, structure=True)
    return changes


def _redo_set(session: Session, p: BulkSetPayload, clock: Clock) -> Changes:
    from crm_desktop.data.models import Opportunity
    from crm_desktop.services.bulk import ENTITIES, SETTABLE

    model = ENTITIES[p.entity]
    value = SETTABLE[p.field][1](p.value) if p.value is not None else None
    ids = [int(k) for k in p.old]
    for start in range(0, len(ids), 900):
        session.execute(
            update(model).where(model.id.in_(ids[start : start + 900])).values({p.field: value})
        )
    changes = Changes.of(p.entity, *ids)
    if p.created_opportunities:
        session.execute(
            update(Opportunity)
            .where(Opportunity.id.in_(p.created_opportunities))
            .values(deleted_at=None)
        )
        changes = changes | Changes.of("opportunity", *p.created_opportunities, structure=True)
    return changes


register("bulk-set", parse=BulkSetPayload.from_dict, undo=_undo_set, redo=_redo_set)


@dataclass
class BulkDeletePayload:
    entity: str
    ids: list[int]
    at: dt.datetime

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity, "ids": self.ids, "at": self.at.isoformat()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BulkDeletePayload:
        entity = str(data.get("entity", "person"))
        if entity not in ("person", "company"):
            raise ValueError(f"no entity {entity!r}")
        raw = data.get("at")
        at = _moment(raw) if raw else dt.datetime.now(dt.UTC)
        return cls(entity, _ints(data.get("ids", []), "ids"), at)


def _set_deleted(session: Session, p: BulkDeletePayload, value: dt.datetime | None) -> Changes:
    from crm_desktop.data.models import SearchDocument
    from crm_desktop.services.bulk import ENTITIES, _reindex

    model = ENTITIES[p.entity]
    for start in range(0, len(p.ids), 900):
        chunk = p.ids[start : start + 900]
        session.execute(update(model).where(model.id.in_(chunk)).values(deleted_at=value))
        if value is not None:
            session.execute(
                delete(SearchDocument).where(
                    SearchDocument.kind == p.entity, SearchDocument.ref_id.in_(chunk)
                )
            )
    if value is None:
        _reindex(session, p.entity, p.ids)
    return Changes.of(p.entity, *p.ids, structure=True)


def _undo_bulk_delete(session: Session, p: BulkDeletePayload, clock: Clock) -> Changes:
    return _set_deleted(session, p, None)


def _redo_bulk_delete(session: Session, p: BulkDeletePayload, clock: Clock) -> Changes:
    p.at = clock.now()
    return _set_deleted(session, p, p.at)


register(
    "bulk-delete", parse=BulkDeletePayload.from_dict, undo=_undo_bulk_delete, redo=_redo_bulk_delete
)


# ---------------------------------------------------------------- merge


@dataclass
class MergePayload:
    action: str
    entity: str
    keep_id: int
    drop_id: int
    raw: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return self.raw

    @classmethod
    def parser(cls, action: str) -> Callable[[dict[str, Any]], MergePayload]:
        def parse(data: dict[str, Any]) -> MergePayload:
            for key in ("before", "after", "moved"):
                if key not in data:
                    raise ValueError(f"no {key}")
            return cls(
                action,
                str(data.get("entity", "")),
                _int(data.get("keep_id"), "keep_id"),
                _int(data.get("drop_id"), "drop_id"),
                data,
            )

        return parse


def _undo_merge(session: Session, p: MergePayload, clock: Clock) -> Changes:
    from crm_desktop.services import merge

    merge.apply_undo(session, p.action, p.raw)
    return Changes.all()  # rows of many tables went back


for _action in ("merge-people", "merge-companies"):
    register(_action, parse=MergePayload.parser(_action), undo=_undo_merge)


# ---------------------------------------------------------------- edit of one row (no child lists)

ROW_KINDS = (
    "activity",
    "ticket",
    "opportunity",
    "order",
    "appointment",
    "followup",
    "department",
    "document",
    "company",
    "project",
)
# columns an undo never writes back: keys and the bookkeeping of every save
_ROW_SKIP = frozenset({"id", "version", "created_at", "updated_at", "updated_by", "created_by"})

# an iCalendar SEQUENCE only goes up: an undo (redo) counts it on instead of back
_ROW_SEQUENCE = {"appointment": "sequence", "followup": "sequence"}

# refusals after which an entry is never offered again (the window drops it, so the
# next Undo goes on with the older changes); handlers of other modules add theirs
FINAL_REFUSALS: set[str] = set()  # the messages (CrmError.message)

ROW_GONE = QT_TRANSLATE_NOOP(
    "errors", "The record is no longer there; the change cannot be undone."
)
WON_PROJECT_USED = QT_TRANSLATE_NOOP(
    "errors",
    "The project “{name}” got new entries since the opportunity was won; undoing the win "
    "would leave them without their project. Nothing was changed.",
)


def _row_model(kind: str) -> Any:
    from crm_desktop.data.models import (
        Activity,
        Appointment,
        Company,
        Department,
        Document,
        FollowUp,
        Opportunity,
        Order,
        Project,
        Ticket,
    )

    models: dict[str, Any] = {
        "activity": Activity,
        "ticket": Ticket,
        "opportunity": Opportunity,
        "order": Order,
        "appointment": Appointment,
        "followup": FollowUp,
        "department": Department,
        "document": Document,
        "company": Company,
        "project": Project,
    }
    if kind not in models:
        raise ValueError(f"no row edit of {kind}")
    return models[kind]


def row_values(session: Session, kind: str, ref_id: int) -> dict[str, Any]:
    """Every plain column of one row as JSON values (read from the store, so updates
    made past the ORM count too)."""
    from crm_desktop.services.merge import _dump

    table = _row_model(kind).__table__
    session.flush()
    row = session.execute(select(table).where(table.c.id == ref_id)).mappings().first()
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no {kind} {id}."), kind=kind, id=ref_id
        )
    return {str(k): _dump(v) for k, v in row.items() if k not in _ROW_SKIP}


@dataclass
class RowChange:
    """The changed columns of one row: their values before and after; ``person_id``
    the person the row belongs to (so that erasing her data finds the entry)."""

    kind: str
    id: int
    before: dict[str, Any]
    after: dict[str, Any]
    person_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {"kind": self.kind, "id": self.id, "before": self.before, "after": self.after}
        return out if self.person_id is None else {**out, "person_id": self.person_id}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RowChange:
        kind = data.get("kind")
        if kind not in ROW_KINDS:
            raise ValueError(f"no row kind {kind!r}")
        before, after = data.get("before"), data.get("after")
        if not isinstance(before, dict) or not isinstance(after, dict):
            raise ValueError(QT_TRANSLATE_NOOP("errors", "before/after are not objects"))
        if set(before) != set(after):
            raise ValueError(QT_TRANSLATE_NOOP("errors", "before/after name other columns"))
        columns = _row_model(str(kind)).__table__.c
        unknown = [n for n in after if n not in columns or n in _ROW_SKIP]
        if unknown:
            raise ValueError(f"no columns {unknown!r} of {kind}")
        owner = data.get("person_id")
        return cls(
            str(kind),
            _int(data.get("id"), "id"),
            before,
            after,
            None if owner is None else _int(owner, "person_id"),
        )


def _list_table(kind: str, name: str) -> tuple[Any, str, str]:
    """The child table of a record's list, its key column to the record and the column
    its order is kept by."""
    from crm_desktop.data.models import OrderLine, appointment_attendees

    lists: dict[tuple[str, str], tuple[Any, str, str]] = {
        ("order", "lines"): (OrderLine.__table__, "order_id", "position"),
        ("appointment", "attendees"): (appointment_attendees, "appointment_id", "id"),
    }
    if (kind, name) not in lists:
        raise ValueError(f"no list {name!r} of {kind}")
    return lists[(kind, name)]


def list_values(session: Session, kind: str, ref_id: int, name: str) -> list[dict[str, Any]]:
    """The rows of one child list of a record (an order's lines, an appointment's
    attendees) as JSON values, in their order; without their keys."""
    from crm_desktop.services.merge import _dump

    table, key, order = _list_table(kind, name)
    session.flush()
    rows = session.execute(
        select(table).where(table.c[key] == ref_id).order_by(table.c[order], table.c.id)
    ).mappings()
    return [{str(k): _dump(v) for k, v in row.items() if k not in ("id", key)} for row in rows]


@dataclass
class ListChange:
    """One child list of a record before and after a change (every row: a list is
    written back whole)."""

    name: str
    before: list[dict[str, Any]]
    after: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "before": self.before, "after": self.after}

    @classmethod
    def from_dict(cls, kind: str, data: dict[str, Any]) -> ListChange:
        name = str(data.get("name", ""))
        table, key, _order = _list_table(kind, name)
        before, after = data.get("before"), data.get("after")
        if not isinstance(before, list) or not isinstance(after, list):
            raise ValueError(QT_TRANSLATE_NOOP("errors", "list before/after are not lists"))
        for row in (*before, *after):
            if not isinstance(row, dict):
                raise ValueError(QT_TRANSLATE_NOOP("errors", "a list row is not an object"))
            unknown = [n for n in row if n not in table.c or n in ("id", key)]
            if unknown:
                raise ValueError(f"no columns {unknown!r} in the {name} of {kind}")
        return cls(name, list(before), list(after))


def _write_list(
    session: Session, kind: str, ref_id: int, name: str, rows: list[dict[str, Any]]
) -> None:
    from crm_desktop.services.merge import _load

    table, key, _order = _list_table(kind, name)
    session.flush()
    session.execute(delete(table).where(table.c[key] == ref_id))
    if rows:
        session.execute(
            insert(table),
            [{key: ref_id, **{n: _load(table.c[n], v) for n, v in row.items()}} for row in rows],
        )
    obj = session.get(_row_model(kind), ref_id)
    if obj is not None and name in obj.__mapper__.relationships:
        session.expire(obj, [name])


@dataclass
class RowEditPayload:
    """An edit of one record without child lists (``kind``/``id``/``before``/``after``),
    with the rows the same use case changed beside it (``also``: an opportunity's
    quotes and follow-ups, its company) and the records it created (``created``: the
    project of a won opportunity; the undo moves it to the trash, the redo brings it
    back). ``structure``: the change moves the record in or out of lists."""

    kind: str
    id: int
    before: dict[str, Any]
    after: dict[str, Any]
    also: list[RowChange] = field(default_factory=list)
    created: list[tuple[str, int]] = field(default_factory=list)
    structure: bool = False
    person_id: int | None = None
    lists: list[ListChange] = field(default_factory=list)  # child lists of the record

    @property
    def rows(self) -> list[RowChange]:
        return [RowChange(self.kind, self.id, self.before, self.after), *self.also]

    def to_dict(self) -> dict[str, Any]:
        main = RowChange(self.kind, self.id, self.before, self.after, self.person_id)
        return {
            **main.to_dict(),
            "also": [c.to_dict() for c in self.also],
            "created": [{"kind": k, "id": i} for k, i in self.created],
            "structure": self.structure,
            **({"lists": [c.to_dict() for c in self.lists]} if self.lists else {}),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RowEditPayload:
        main = RowChange.from_dict(data)
        also = data.get("also", [])
        created = data.get("created", [])
        lists = data.get("lists", [])
        if not isinstance(also, list) or not isinstance(created, list):
            raise ValueError(QT_TRANSLATE_NOOP("errors", "also/created are not lists"))
        if not isinstance(lists, list):
            raise ValueError(QT_TRANSLATE_NOOP("errors", "lists is not a list"))
        made = []
        for item in created:
            if not isinstance(item, dict) or item.get("kind") != "project":
                raise ValueError(f"cannot take back a created {item!r}")
            made.append(("project", _int(item.get("id"), "created id")))
        return cls(
            main.kind,
            main.id,
            main.before,
            main.after,
            [RowChange.from_dict(dict(c)) for c in also],
            made,
            bool(data.get("structure", False)),
            main.person_id,
            [ListChange.from_dict(main.kind, dict(c)) for c in lists],
        )


# what else a row edit of a kind writes when undone or redone: ``(session, id, from,
# to, clock)`` with the values it leaves and the ones it writes (a ticket's history)
ROW_HOOKS: dict[str, Callable[[Session, int, dict[str, Any], dict[str, Any], Clock], None]] = {}


class RowWatch:
    """Values of rows before a use case changes them; :meth:`record` writes the one
    undo entry of what the use case changed."""

    def __init__(
        self, session: Session, kind: str, ref_id: int, *, lists: tuple[str, ...] = ()
    ) -> None:
        self.kind, self.id = kind, ref_id
        self._before: dict[tuple[str, int], dict[str, Any]] = {}
        self._lists = {name: list_values(session, kind, ref_id, name) for name in lists}
        self.add(session, kind, ref_id)

    def list_diff(self, session: Session) -> list[ListChange]:
        """The watched child lists that changed."""
        out = []
        for name, before in self._lists.items():
            after = list_values(session, self.kind, self.id, name)
            if not _same(before, after):
                out.append(ListChange(name, before, after))
        return out

    def add(self, session: Session, kind: str, *ids: int | None) -> RowWatch:
        for ref in ids:
            if ref is not None and (kind, int(ref)) not in self._before:
                self._before[(kind, int(ref))] = row_values(session, kind, int(ref))
        return self

    def diff(self, session: Session) -> list[RowChange]:
        out: list[RowChange] = []
        for (kind, ref), before in self._before.items():
            after = row_values(session, kind, ref)
            skip = _ROW_SEQUENCE.get(kind)
            names = [n for n in after if n != skip and not _same(before.get(n), after[n])]
            if names or (kind, ref) == (self.kind, self.id):
                owner = after.get("person_id")
                out.append(
                    RowChange(
                        kind,
                        ref,
                        {n: before.get(n) for n in names},
                        {n: after[n] for n in names},
                        owner if isinstance(owner, int) else None,
                    )
                )
        return out

    def record(
        self,
        session: Session,
        label: str,
        clock: Clock,
        *,
        created: list[tuple[str, int]] | None = None,
        structure: bool = False,
    ) -> int | None:
        """Write the entry (None when nothing changed)."""
        rows = self.diff(session)
        main, also = rows[0], rows[1:]
        lists = self.list_diff(session)
        if not main.after and not also and not created and not lists:
            return None
        payload = RowEditPayload(
            self.kind,
            self.id,
            main.before,
            main.after,
            also,
            list(created or []),
            structure,
            main.person_id,
            lists,
        )
        return record(session, action="row-edit", label=label, payload=payload, clock=clock)


def _overtaken(session: Session, rows: list[RowChange], *, undoing: bool) -> list[str]:
    out = []
    for c in rows:
        if not c.after:
            continue
        try:
            now = row_values(session, c.kind, c.id)
        except NotFoundError:
            raise ConflictError(ROW_GONE) from None
        expected = c.after if undoing else c.before
        out += [f"{c.kind} {c.id} {n}" for n, v in expected.items() if not _same(now.get(n), v)]
    return out


def _write_row(session: Session, c: RowChange, values: dict[str, Any], clock: Clock) -> None:
    from crm_desktop.services import versioning
    from crm_desktop.services.merge import _load

    model = _row_model(c.kind)
    obj = session.get(model, c.id)
    if obj is None:
        raise ConflictError(ROW_GONE)
    session.refresh(obj)  # updates past the ORM (a won opportunity's quotes) count
    columns = model.__table__.c
    for name, raw in values.items():
        setattr(obj, name, _load(columns[name], raw))
    sequence = _ROW_SEQUENCE.get(c.kind)
    if sequence is not None and values:
        setattr(obj, sequence, (getattr(obj, sequence) or 0) + 1)
    if "updated_at" in columns:
        obj.updated_at = clock.now()
    versioning.flush(session, c.kind, obj)


def _project_used(session: Session, p: RowEditPayload, project_id: int) -> str | None:
    """The name of a created project that got entries of its own since (None: none)."""
    from crm_desktop.data.models import Activity, Appointment, Document, FollowUp, Project

    moved = {(c.kind, c.id) for c in p.also}
    for kind, model in (
        ("activity", Activity),
        ("document", Document),
        ("followup", FollowUp),
        ("appointment", Appointment),
    ):
        query = select(model.id).where(model.project_id == project_id)
        if hasattr(model, "deleted_at"):
            query = query.where(model.deleted_at.is_(None))
        if any((kind, int(i)) not in moved for i in session.execute(query).scalars()):
            name = session.scalar(select(Project.name).where(Project.id == project_id))
            return str(name or project_id)
    return None


def _row_changes(p: RowEditPayload) -> Changes:
    changes = Changes.of(p.kind, p.id, structure=p.structure)
    for c in p.also:
        if c.kind != "document":  # documents show with their opportunity or project
            changes = changes | Changes.of(c.kind, c.id)
    for kind, ref in p.created:
        changes = changes | Changes.of(kind, ref, structure=True)
    return changes


def _refuse_row(session: Session, p: RowEditPayload, *, undoing: bool) -> None:
    model = _row_model(p.kind)
    deleted = getattr(model, "deleted_at", None)
    if deleted is not None:
        row = session.execute(select(deleted).where(model.id == p.id)).first()
        if row is None or row[0] is not None:
            raise ConflictError(ROW_GONE)
    names = _overtaken(session, p.rows, undoing=undoing)
    for c in p.lists:
        expected = c.after if undoing else c.before
        if not _same(list_values(session, p.kind, p.id, c.name), expected):
            names.append(f"{p.kind} {p.id} {c.name}")
    if names:
        log.info("undo: %s %s changed meanwhile (%s): refused", p.kind, p.id, ", ".join(names))
        raise ConflictError(EDIT_OVERTAKEN)


def _apply_rows(session: Session, p: RowEditPayload, clock: Clock, *, undoing: bool) -> None:
    for c in p.rows:
        if c.after:
            _write_row(session, c, c.before if undoing else c.after, clock)
    for lc in p.lists:
        _write_list(session, p.kind, p.id, lc.name, lc.before if undoing else lc.after)
    sequence = _ROW_SEQUENCE.get(p.kind)
    if p.lists and not p.after and sequence is not None:  # new attendees: a new version
        obj = session.get_one(_row_model(p.kind), p.id)
        setattr(obj, sequence, (getattr(obj, sequence) or 0) + 1)
        session.flush()
    hook = ROW_HOOKS.get(p.kind)
    if hook is not None and p.after:
        old, new = (p.after, p.before) if undoing else (p.before, p.after)
        hook(session, p.id, old, new, clock)


def _undo_row(session: Session, p: RowEditPayload, clock: Clock) -> Changes:
    from crm_desktop.services import projects

    _refuse_row(session, p, undoing=True)
    for _kind, ref in p.created:
        name = _project_used(session, p, ref)
        if name is not None:
            raise ConflictError(WON_PROJECT_USED, name=name)
    _apply_rows(session, p, clock, undoing=True)
    for _kind, ref in p.created:
        projects.delete_project(session, ref, clock=clock)
    session.flush()
    return _row_changes(p)


def _redo_row(session: Session, p: RowEditPayload, clock: Clock) -> Changes:
    from crm_desktop.services import projects

    _refuse_row(session, p, undoing=False)
    for _kind, ref in p.created:
        projects.restore_project(session, ref)
    _apply_rows(session, p, clock, undoing=False)
    session.flush()
    return _row_changes(p)


def _check_row(session: Session, p: RowEditPayload) -> str | None:
    """Offered while the record is there; a later change (or a won project used since)
    is refused when undone, with a message, and then dropped (:data:`FINAL_REFUSALS`)."""
    model = _row_model(p.kind)
    if session.get(model, p.id) is None:
        return f"{p.kind} {p.id} is gone"
    return None


def _ticket_history(
    session: Session, ticket_id: int, old: dict[str, Any], new: dict[str, Any], clock: Clock
) -> None:
    """An undone (redone) status change stays in the ticket's history as one more change."""
    from crm_desktop.data.models import Ticket, TicketStatus, TicketStatusChange

    if "status" not in new or old.get("status") == new.get("status"):
        return
    ticket = session.get_one(Ticket, ticket_id)
    ticket.status_changes.append(
        TicketStatusChange(
            old_status=TicketStatus(old["status"]),
            new_status=TicketStatus(new["status"]),
            changed_at=clock.now(),
            changed_by="",
            note="",
        )
    )
    session.flush()


ROW_HOOKS["ticket"] = _ticket_history


FINAL_REFUSALS.update({EDIT_OVERTAKEN, WON_PROJECT_USED})

register(
    "row-edit", parse=RowEditPayload.from_dict, undo=_undo_row, redo=_redo_row, check=_check_row
)


__all__ = [
    "DELETE_KINDS",
    "EDIT_OVERTAKEN",
    "ROW_KINDS",
    "BulkDeletePayload",
    "BulkSetPayload",
    "BulkTagPayload",
    "CreatePayload",
    "DeletePayload",
    "EditPayload",
    "ListChange",
    "MergePayload",
    "RecordName",
    "RowChange",
    "RowEditPayload",
    "RowWatch",
    "StackItem",
    "UndoResult",
    "changed_fields",
    "changed_since",
    "delete_record",
    "describe",
    "list_values",
    "record",
    "record_created",
    "record_edit",
    "redo",
    "redo_last",
    "redo_stack",
    "register",
    "row_values",
    "snapshot",
    "stack",
    "undo",
    "undo_last",
]

# handlers kept beside their use case register when imported; importing them here keeps
# the registry complete whoever imports it first (an entry must never be "unknown")
from crm_desktop.services import contacts as _contacts  # noqa: E402
from crm_desktop.services import departments as _departments  # noqa: E402
from crm_desktop.services import mailimport as _mailimport  # noqa: E402, F401
from crm_desktop.services import projects as _projects  # noqa: E402, F401
from crm_desktop.services import rules as _rules  # noqa: E402, F401

_contacts.register_undo()
from crm_desktop.services import customfields as _customfields  # noqa: E402, F401

_departments.register_undo()
