"""The Today view's content: what a sole trader should look at first every morning.

Follow-ups due today and overdue, today's appointments, birthdays and company
anniversaries this week, people overdue for contact, open tickets by age, and
opportunities expected to close this month. Every row carries the ids it opens.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from crm_desktop.clock import Clock, local_zone
from crm_desktop.data.models import (
    Company,
    Opportunity,
    OpportunityStatus,
    Person,
)
from crm_desktop.interop.records import has_year
from crm_desktop.services import analytics, followups, tickets
from crm_desktop.services.followups import AgendaEntry
from crm_desktop.services.tickets import OpenTicketRow


@dataclass(frozen=True)
class Occasion:
    """A birthday of a person or an anniversary of a company as customer."""

    kind: str  # "birthday" | "anniversary"
    day: dt.date  # this year's date
    years: int
    person_id: int | None
    company_id: int | None
    name: str
    company: str


@dataclass(frozen=True)
class ClosingOpportunity:
    id: int
    title: str
    company_id: int | None
    company: str
    value: float
    probability: int
    expected_close: dt.date
    stage: str


@dataclass
class Today:
    day: dt.date
    followups: list[AgendaEntry] = field(default_factory=list)  # overdue first
    appointments: list[AgendaEntry] = field(default_factory=list)
    occasions: list[Occasion] = field(default_factory=list)
    overdue_contacts: list[analytics.OverdueContact] = field(default_factory=list)
    open_tickets: list[OpenTicketRow] = field(default_factory=list)
    closing: list[ClosingOpportunity] = field(default_factory=list)

    @property
    def due_count(self) -> int:
        return len(self.followups)


def _occasions(session: Session, today: dt.date, days: int = 7) -> list[Occasion]:
    dates = [today + dt.timedelta(days=i) for i in range(days)]
    pairs = {(d.month, d.day) for d in dates}
    months = sorted({m for m, _d in pairs})
    out: list[Occasion] = []
    rows = session.execute(
        select(
            Person.id,
            Person.given_name,
            Person.family_name,
            Person.birth_date,
            Company.id,
            Company.name,
        )
        .outerjoin(Company, Company.id == Person.company_id)
        .where(
            Person.deleted_at.is_(None),
            Person.birth_date.is_not(None),
            extract("month", Person.birth_date).in_(months),
        )
    ).all()
    for pid, given, family, born, cid, cname in rows:
        if born is not None and (born.month, born.day) in pairs:
            day = next(d for d in dates if (d.month, d.day) == (born.month, born.day))
            out.append(
                Occasion(
                    "birthday",
                    day,
                    day.year - born.year if has_year(born) else 0,  # 0: year unknown
                    pid,
                    cid,
                    f"{given} {family}".strip(),
                    cname or "",
                )
            )
    companies = session.execute(
        select(Company.id, Company.name, Company.customer_since).where(
            Company.deleted_at.is_(None),
            Company.customer_since.is_not(None),
            extract("month", Company.customer_since).in_(months),
        )
    ).all()
    for cid, name, since in companies:
        if since is not None and (since.month, since.day) in pairs:
            day = next(d for d in dates if (d.month, d.day) == (since.month, since.day))
            years = day.year - since.year
            if years > 0:
                out.append(Occasion("anniversary", day, years, None, cid, name, name))
    out.sort(key=lambda o: (o.day, o.name))
    return out


def _closing(session: Session, today: dt.date) -> list[ClosingOpportunity]:
    start = today.replace(day=1)
    end = (start + dt.timedelta(days=32)).replace(day=1)
    opps = session.execute(
        select(Opportunity)
        .where(
            Opportunity.deleted_at.is_(None),
            Opportunity.status == OpportunityStatus.OPEN,
            Opportunity.expected_close >= start,
            Opportunity.expected_close < end,
        )
        .order_by(Opportunity.expected_close, Opportunity.value.desc())
        .limit(100)
    ).scalars()
    return [
        ClosingOpportunity(
            o.id,
            o.title,
            o.company_id,
            o.company.name if o.company else "",
            float(o.value),
            o.probability,
            o.expected_close,  # type: ignore[arg-type]
            o.stage.name if o.stage else "",
        )
        for o in opps
    ]


def today_overview(
    session: Session, clock: Clock, owner: str | None = None, zone_name: str | None = None
) -> Today:
    zone = local_zone(zone_name)
    now = clock.now()
    day = now.astimezone(zone).date()
    entries = followups.agenda(session, day, day, owner, zone=zone, now=now)
    result = Today(day=day)
    result.followups = [e for e in entries if e.type == "followup"]
    result.followups.sort(key=lambda e: (not e.overdue, e.at))
    result.appointments = [e for e in entries if e.type == "appointment"]
    result.occasions = _occasions(session, day)
    result.overdue_contacts = analytics.overdue_contacts(session, clock, owner, limit=30)
    result.open_tickets = sorted(tickets.open_tickets(session, clock), key=lambda t: -t.age_days)[
        :30
    ]
    result.closing = _closing(session, day)
    return result
