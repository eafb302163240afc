"""Tickets: complaints and service cases with a human number and a status workflow.

Numbers come from the configurable scheme (default ``T-{year}-{seq:05d}``) and a
:class:`NumberSequence` row per name and year, incremented inside the caller's
transaction (row locked with ``SELECT ... FOR UPDATE`` on PostgreSQL). A number once
drawn is never handed out again, not even after its ticket was deleted.

Workflow: open → waiting → solved → closed; solved or closed tickets can be
reopened. Every change leaves a :class:`TicketStatusChange` (who, when, note).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from crm_desktop.clock import Clock, to_local
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Company,
    NumberSequence,
    Person,
    Priority,
    Ticket,
    TicketStatus,
    TicketStatusChange,
)
from crm_desktop.domain import cardguard
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ConflictError, NotFoundError, ValidationError
from crm_desktop.services import settings as cfg
from crm_desktop.services import versioning

TICKET_SEQUENCE = "ticket"

ALLOWED: dict[TicketStatus, tuple[TicketStatus, ...]] = {
    TicketStatus.OPEN: (TicketStatus.WAITING, TicketStatus.SOLVED),
    TicketStatus.WAITING: (TicketStatus.OPEN, TicketStatus.SOLVED),
    TicketStatus.SOLVED: (TicketStatus.CLOSED, TicketStatus.REOPENED),
    TicketStatus.CLOSED: (TicketStatus.REOPENED,),
    TicketStatus.REOPENED: (TicketStatus.WAITING, TicketStatus.SOLVED),
}
OPEN_STATES = (TicketStatus.OPEN, TicketStatus.WAITING, TicketStatus.REOPENED)


# ---------------------------------------------------------------- numbers


def draw_sequence(session: Session, name: str, period: str) -> int:
    """The next value of the counter ``name`` for ``period``; never hands out a value twice."""
    values = {"name": name, "period": period, "last_value": 0}
    if session.get_bind().dialect.name == "postgresql":
        session.execute(pg_insert(NumberSequence).values(**values).on_conflict_do_nothing())
    else:
        session.execute(sqlite_insert(NumberSequence).values(**values).on_conflict_do_nothing())
    row = session.execute(
        select(NumberSequence)
        .where(NumberSequence.name == name, NumberSequence.period == period)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one()
    row.last_value += 1
    session.flush()
    return row.last_value


def next_number(
    session: Session, sequence: str, scheme: str, moment: dt.datetime, model: type[object]
) -> str:
    """Draw numbers from ``sequence`` until one is free in ``model.number`` (a changed scheme
    could otherwise collide with an old number)."""
    year = to_local(moment).year
    period = str(year) if "{year" in scheme else "all"
    column = model.number  # type: ignore[attr-defined]
    while True:
        seq = draw_sequence(session, sequence, period)
        number = scheme.format(year=year, seq=seq)
        taken = session.scalar(select(func.count()).select_from(model).where(column == number))
        if not taken:
            return number


def _normal(number: str) -> str:
    return re.sub(r"\s+", "", number or "").upper()


# ---------------------------------------------------------------- open, look up


def _check_party(session: Session, person_id: int | None, company_id: int | None) -> None:
    if person_id is not None:
        person = session.get(Person, person_id)
        if person is None or person.deleted_at is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Person {id} does not exist."), id=person_id
            )
    if company_id is not None:
        company = session.get(Company, company_id)
        if company is None or company.deleted_at is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Company {id} does not exist."), id=company_id
            )


def open_ticket(
    session: Session,
    title: str,
    kind: ActivityKind = ActivityKind.COMPLAINT,
    *,
    person_id: int | None = None,
    company_id: int | None = None,
    description: str = "",
    clock: Clock,
    by: str = "",
    priority: Priority | None = None,
) -> Ticket:
    """Open a ticket with the next number of the configured scheme."""
    clean = (title or "").strip()
    if not clean:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A ticket needs a title."), field="title")
    if person_id is None and company_id is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A ticket needs a person or a company."), field="person_id"
        )
    cardguard.guard_all({"title": clean, "description": description})
    _check_party(session, person_id, company_id)
    if company_id is None and person_id is not None:
        person = session.get(Person, person_id)
        company_id = person.company_id if person is not None else None
    now = clock.now()
    number = next_number(session, TICKET_SEQUENCE, cfg.ticket_scheme(session), now, Ticket)
    ticket = Ticket(
        number=number,
        title=clean[:200],
        kind=kind,
        status=TicketStatus.OPEN,
        person_id=person_id,
        company_id=company_id,
        priority=priority,
        description=description or "",
        opened_at=now,
    )
    ticket.status_changes.append(
        TicketStatusChange(
            old_status=None, new_status=TicketStatus.OPEN, changed_at=now, changed_by=by
        )
    )
    session.add(ticket)
    session.flush()
    return ticket


def get_ticket(session: Session, ticket_id: int) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None or ticket.deleted_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Ticket {id} does not exist."), id=ticket_id
        )
    return ticket


def find_ticket(session: Session, number: str) -> Ticket | None:
    """The ticket with this number, ignoring case and spaces; ``T-2026-42`` also finds
    ``T-2026-00042`` when the running number is unambiguous."""
    wanted = _normal(number)
    if not wanted:
        return None
    query = select(Ticket).where(
        func.upper(func.replace(Ticket.number, " ", "")) == wanted, Ticket.deleted_at.is_(None)
    )
    ticket = session.execute(query).scalars().first()
    if ticket is not None:
        return ticket
    match = re.fullmatch(r"([A-Z]*)-?(\d{4})-?0*(\d+)", wanted)
    if match is None:
        return None
    prefix, year, seq = match.groups()
    candidate = cfg.ticket_scheme(session).format(year=int(year), seq=int(seq))
    if prefix and not _normal(candidate).startswith(prefix):
        return None
    return (
        session.execute(
            select(Ticket).where(
                func.upper(Ticket.number) == _normal(candidate), Ticket.deleted_at.is_(None)
            )
        )
        .scalars()
        .first()
    )


def ticket_by_number(session: Session, number: str) -> Ticket:
    ticket = find_ticket(session, number)
    if ticket is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no ticket {number}."),
            number=(number or "").strip(),
        )
    return ticket


# ---------------------------------------------------------------- workflow


def allowed_transitions(status: TicketStatus) -> tuple[TicketStatus, ...]:
    return ALLOWED.get(status, ())


def change_status(
    session: Session,
    ticket_id: int,
    new_status: TicketStatus,
    *,
    clock: Clock,
    by: str = "",
    note: str = "",
) -> Ticket:
    ticket = get_ticket(session, ticket_id)
    old = ticket.status
    if new_status not in allowed_transitions(old):
        raise ConflictError(
            QT_TRANSLATE_NOOP("errors", "Ticket {number} cannot go from “{old}” to “{new}”."),
            number=ticket.number,
            old=old.value,
            new=new_status.value,
        )
    cardguard.guard(note, "note")
    now = clock.now()
    ticket.status = new_status
    if new_status == TicketStatus.CLOSED:
        ticket.closed_at = now
    elif new_status == TicketStatus.REOPENED:
        ticket.closed_at = None
    ticket.status_changes.append(
        TicketStatusChange(
            old_status=old, new_status=new_status, changed_at=now, changed_by=by, note=note or ""
        )
    )
    session.flush()
    return ticket


def update_ticket(
    session: Session,
    ticket_id: int,
    *,
    title: str | None = None,
    description: str | None = None,
    priority: Priority | None = None,
    expected_version: int | None = None,
) -> Ticket:
    """``expected_version``: see :mod:`crm_desktop.services.versioning`."""
    ticket = get_ticket(session, ticket_id)
    versioning.check(session, "ticket", ticket, expected_version)
    if title is not None:
        clean = title.strip()
        if not clean:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A ticket needs a title."), field="title"
            )
        cardguard.guard(clean, "title")
        ticket.title = clean[:200]
    if description is not None:
        cardguard.guard(description, "description")
        ticket.description = description
    if priority is not None:
        ticket.priority = priority
    versioning.flush(session, "ticket", ticket)
    return ticket


def delete_ticket(session: Session, ticket_id: int, *, clock: Clock) -> None:
    """Move a ticket to the trash; its number stays used."""
    ticket = get_ticket(session, ticket_id)
    ticket.deleted_at = clock.now()
    session.flush()


def restore_ticket(session: Session, ticket_id: int) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Ticket {id} does not exist."), id=ticket_id
        )
    ticket.deleted_at = None
    session.flush()
    return ticket


# ---------------------------------------------------------------- reading


def ticket_activities(session: Session, ticket_id: int) -> list[Activity]:
    return list(
        session.execute(
            select(Activity)
            .where(Activity.ticket_id == ticket_id, Activity.deleted_at.is_(None))
            .order_by(Activity.occurred_at.desc(), Activity.id.desc())
        ).scalars()
    )


def ticket_timeline(session: Session, number: str) -> tuple[Ticket, list[Activity]]:
    """The ticket and every conversation log of the case, across people, newest first."""
    ticket = ticket_by_number(session, number)
    return ticket, ticket_activities(session, ticket.id)


@dataclass(frozen=True)
class OpenTicketRow:
    id: int
    number: str
    title: str
    status: TicketStatus
    kind: ActivityKind
    opened_at: dt.datetime
    age_days: int
    person_id: int | None
    person: str
    company_id: int | None
    company: str
    last_activity_at: dt.datetime | None


def open_tickets(session: Session, clock: Clock) -> list[OpenTicketRow]:
    """Tickets that still need work (open, waiting, reopened), oldest first, with age."""
    last = (
        select(Activity.ticket_id, func.max(Activity.occurred_at).label("last_at"))
        .where(Activity.ticket_id.is_not(None), Activity.deleted_at.is_(None))
        .group_by(Activity.ticket_id)
        .subquery()
    )
    rows = session.execute(
        select(Ticket, Person, Company, last.c.last_at)
        .outerjoin(Person, Person.id == Ticket.person_id)
        .outerjoin(Company, Company.id == Ticket.company_id)
        .outerjoin(last, last.c.ticket_id == Ticket.id)
        .where(Ticket.status.in_(OPEN_STATES), Ticket.deleted_at.is_(None))
        .order_by(Ticket.opened_at, Ticket.id)
    ).all()
    today = to_local(clock.now()).date()
    out = []
    for ticket, person, company, last_at in rows:
        last_moment = last_at
        if isinstance(last_moment, dt.datetime) and last_moment.tzinfo is None:
            last_moment = last_moment.replace(tzinfo=dt.UTC)
        out.append(
            OpenTicketRow(
                id=ticket.id,
                number=ticket.number,
                title=ticket.title,
                status=ticket.status,
                kind=ticket.kind,
                opened_at=ticket.opened_at,
                age_days=(today - to_local(ticket.opened_at).date()).days,
                person_id=ticket.person_id,
                person=person.full_name if person is not None else "",
                company_id=ticket.company_id,
                company=company.name if company is not None else "",
                last_activity_at=last_moment,
            )
        )
    return out


# ---------------------------------------------------------------- undoable use cases of the window

_STATUS_VERBS = {TicketStatus.CLOSED: "Close", TicketStatus.REOPENED: "Reopen"}


def set_status(
    session: Session,
    ticket_id: int,
    new_status: TicketStatus,
    *,
    clock: Clock,
    by: str = "",
    note: str = "",
) -> Ticket:
    """:func:`change_status` as one undoable change (“Close ticket T-2026-0001”)."""
    from crm_desktop.services import undo

    watch = undo.RowWatch(session, "ticket", ticket_id)
    ticket = change_status(session, ticket_id, new_status, clock=clock, by=by, note=note)
    verb = _STATUS_VERBS.get(new_status)
    label = (
        f"{verb} ticket {ticket.number}"
        if verb
        else f"Set ticket {ticket.number} to {new_status.value}"
    )
    watch.record(session, label, clock, structure=True)
    return ticket


def edit_ticket(
    session: Session,
    ticket_id: int,
    *,
    clock: Clock,
    title: str | None = None,
    description: str | None = None,
    priority: Priority | None = None,
    expected_version: int | None = None,
) -> Ticket:
    """:func:`update_ticket` as one undoable change."""
    from crm_desktop.services import undo

    watch = undo.RowWatch(session, "ticket", ticket_id)
    ticket = update_ticket(
        session,
        ticket_id,
        title=title,
        description=description,
        priority=priority,
        expected_version=expected_version,
    )
    watch.record(session, f"Edit ticket {ticket.number}", clock, structure=title is not None)
    return ticket
