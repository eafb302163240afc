"""What a printout shows, read from the store: contact sheets (a person, a company, a
ticket or a project with its whole history), a day's agenda and the pipeline list.
Plain data (no Qt, no labels): the printing layer in ``crm_desktop/ui/printing`` lays it
out and words it in the user's language.
"""

from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from crm_desktop.clock import local_zone
from crm_desktop.data.models import (
    Activity,
    Appointment,
    AppointmentStatus,
    Company,
    FollowUp,
    Person,
    Project,
    Ticket,
)
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import NotFoundError
from crm_desktop.services import pipeline
from crm_desktop.services.recurrence import occurrences
from crm_desktop.services.validation import format_phone

FactValue = str | dt.date | dt.datetime

# the keys of a sheet's facts (the printing layer has a label for each)
FACT_KEYS = (
    "company",
    "department",
    "position",
    "reports_to",
    "birth_date",
    "phone",
    "email",
    "address",
    "notes",
    "legal_form",
    "parent",
    "status",
    "priority",
    "website",
    "vat_id",
    "contacts",
    "title",
    "opened",
    "closed",
    "person",
    "description",
    "start",
    "end",
    "members",
)


@dataclass
class TimelineEntry:
    at: dt.datetime  # aware
    kind: str  # ActivityKind value
    ticket: str
    who: str
    subject: str
    text: str


@dataclass
class StatusEntry:
    at: dt.datetime
    old: str
    new: str
    by: str
    note: str


@dataclass
class Sheet:
    kind: str  # person, company, ticket, project
    title: str
    subtitle: str
    facts: list[tuple[str, FactValue]]
    activities: list[TimelineEntry]
    status_history: list[StatusEntry] = field(default_factory=list)


@dataclass
class AgendaEntry:
    at: dt.datetime
    kind: str  # "appointment" or a FollowUpKind value
    overdue: bool
    subject: str
    who: str
    extra: str  # the place of an appointment, the phone number of a follow-up


@dataclass
class PipelineLine:
    title: str
    company: str
    value: decimal.Decimal
    probability: int
    owner: str
    expected_close: dt.date | None


@dataclass
class PipelineStageLines:
    stage: str
    probability: int
    lines: list[PipelineLine]

    @property
    def total(self) -> decimal.Decimal:
        return sum((o.value for o in self.lines), decimal.Decimal(0))

    @property
    def weighted(self) -> decimal.Decimal:
        return sum(
            (o.value * o.probability / 100 for o in self.lines), decimal.Decimal(0)
        ).quantize(decimal.Decimal("0.01"))


def _facts(rows: list[tuple[str, FactValue | None]]) -> list[tuple[str, FactValue]]:
    return [(k, v) for k, v in rows if v]


def _timeline(activities: list[Activity], own_company: int | None = None) -> list[TimelineEntry]:
    """The activities as rows; on a company's sheet its own name is not repeated."""
    out = []
    for act in activities:
        who = act.person.full_name if act.person is not None else ""
        if act.company is not None and (act.company.id != own_company or not who):
            who = f"{who} ({act.company.name})" if who else act.company.name
        out.append(
            TimelineEntry(
                at=act.occurred_at,
                kind=act.kind.value,
                ticket=act.ticket.number if act.ticket is not None else "",
                who=who,
                subject=act.subject or "",
                text=act.text or "",
            )
        )
    return out


def _activities(session: Session, *conditions: object, limit: int = 5000) -> list[Activity]:
    return list(
        session.execute(
            select(Activity)
            .where(Activity.deleted_at.is_(None), *conditions)  # type: ignore[arg-type]
            .order_by(Activity.occurred_at.desc())
            .limit(limit)
        ).scalars()
    )


def person_sheet(session: Session, person_id: int) -> Sheet:
    person = session.get(Person, person_id)
    if person is None or person.deleted_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Person {id} does not exist."), id=person_id
        )
    facts = _facts(
        [
            ("company", person.company.name if person.company else ""),
            ("department", person.department.name if person.department else ""),
            ("position", person.position or ""),
            ("reports_to", person.reports_to.full_name if person.reports_to else ""),
            ("birth_date", person.birth_date),
            ("phone", ", ".join(format_phone(p.number) for p in person.phones)),
            ("email", ", ".join(e.address for e in person.emails)),
            ("address", " / ".join(a.one_line() for a in person.addresses)),
            ("notes", person.notes),
        ]
    )
    subtitle = " · ".join(
        x for x in [person.position or "", person.company.name if person.company else ""] if x
    )
    acts = _timeline(_activities(session, Activity.person_id == person_id))
    return Sheet("person", person.full_name, subtitle, facts, acts)


def company_sheet(session: Session, company_id: int) -> Sheet:
    company = session.get(Company, company_id)
    if company is None or company.deleted_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Company {id} does not exist."), id=company_id
        )
    ids = [company.id] + [b.id for b in company.branches if b.deleted_at is None]
    people = [p for p in company.people if p.deleted_at is None]
    facts = _facts(
        [
            ("legal_form", company.legal_form or ""),
            ("parent", company.parent.name if company.parent else ""),
            ("status", company.status.value),
            ("priority", company.priority.value if company.priority else ""),
            ("phone", ", ".join(format_phone(p.number) for p in company.phones)),
            ("email", ", ".join(e.address for e in company.emails)),
            ("website", company.website or ""),
            ("vat_id", company.vat_id or ""),
            ("address", " / ".join(a.one_line() for a in company.addresses)),
            ("contacts", ", ".join(p.full_name for p in people[:30])),
        ]
    )
    person_ids = select(Person.id).where(Person.company_id.in_(ids))
    acts = _activities(
        session, or_(Activity.company_id.in_(ids), Activity.person_id.in_(person_ids))
    )
    return Sheet(
        "company", company.name, company.legal_form or "", facts, _timeline(acts, company.id)
    )


def ticket_sheet(session: Session, number: str) -> Sheet:
    ticket = session.execute(
        select(Ticket).where(Ticket.number == number.strip().upper())
    ).scalar_one_or_none()
    if ticket is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Ticket {number} does not exist."), number=number
        )
    facts = _facts(
        [
            ("title", ticket.title),
            ("status", ticket.status.value),
            ("opened", ticket.opened_at),
            ("closed", ticket.closed_at),
            ("person", ticket.person.full_name if ticket.person else ""),
            ("company", ticket.company.name if ticket.company else ""),
            ("description", ticket.description),
        ]
    )
    history = [
        StatusEntry(
            ch.changed_at,
            ch.old_status.value if ch.old_status else "",
            ch.new_status.value,
            ch.changed_by or "",
            ch.note or "",
        )
        for ch in ticket.status_changes
    ]
    acts = _timeline(_activities(session, Activity.ticket_id == ticket.id))
    return Sheet("ticket", f"{ticket.number} {ticket.title}", "", facts, acts, history)


def project_sheet(session: Session, project_id: int) -> Sheet:
    project = session.get(Project, project_id)
    if project is None or project.deleted_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Project {id} does not exist."), id=project_id
        )
    facts = _facts(
        [
            ("status", project.status.value),
            ("company", project.company.name if project.company else ""),
            ("start", project.start_date),
            ("end", project.end_date),
            ("members", ", ".join(m.full_name for m in project.members)),
            ("description", project.description),
        ]
    )
    acts = _timeline(_activities(session, Activity.project_id == project_id))
    return Sheet("project", project.name, "", facts, acts)


def agenda(
    session: Session, day: dt.date, zone: str | None = None, owner: str | None = None
) -> list[AgendaEntry]:
    """The appointments of ``day`` and the follow-ups due by its end (overdue ones
    included), in time order."""
    tz = local_zone(zone)
    start = dt.datetime.combine(day, dt.time(), tzinfo=tz).astimezone(dt.UTC)
    end = start + dt.timedelta(days=1)
    follow_q = select(FollowUp).where(
        FollowUp.done_at.is_(None),
        FollowUp.cancelled_at.is_(None),
        FollowUp.due_at < end,
    )
    if owner:
        follow_q = follow_q.where(or_(FollowUp.owner.is_(None), FollowUp.owner == owner))
    follows = list(session.execute(follow_q.order_by(FollowUp.due_at)).scalars())
    # the instances of series too (an appointment that began the day before is not
    # this day's: the printout lists what starts on it)
    appts = [
        o
        for o in occurrences(
            session, start, end, Appointment.status != AppointmentStatus.CANCELLED, zone=tz
        )
        if o.start >= start
    ]
    rows = [
        AgendaEntry(
            o.start,
            "appointment",
            False,
            o.appointment.title,
            o.appointment.person.full_name if o.appointment.person else "",
            o.appointment.location or "",
        )
        for o in appts
    ]
    for f in follows:
        who = f.person.full_name if f.person else (f.company.name if f.company else "")
        phone = ""
        if f.person is not None and f.person.phones:
            phone = format_phone(f.person.phones[0].number)
        rows.append(
            AgendaEntry(f.effective_due, f.kind.value, f.effective_due < start, f.note, who, phone)
        )
    rows.sort(key=lambda r: r.at)
    return rows


def pipeline_list(session: Session) -> list[PipelineStageLines]:
    """The open opportunities per stage (the board's columns), with value,
    probability and owner."""
    out = []
    for col in pipeline.board(session):
        out.append(
            PipelineStageLines(
                col.stage.name,
                col.stage.probability,
                [
                    PipelineLine(
                        o.title,
                        o.company.name if o.company else (o.person.full_name if o.person else ""),
                        o.value,
                        o.probability,
                        o.owner or "",
                        o.expected_close,
                    )
                    for o in col.opportunities
                ],
            )
        )
    return out
