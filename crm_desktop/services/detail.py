"""What a company's or person's detail pane lists (issue #16: no queries in ``ui/``).

The pane reads the record itself through :func:`contacts.get_company` /
:func:`contacts.get_person` and its history through :func:`timeline.overview`; the
lists on its tabs come from here as typed rows: tickets, projects and opportunities,
and a company's people grouped by department.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from crm_desktop.data.models import (
    CompanyStatus,
    Opportunity,
    OpportunityStatus,
    Person,
    Project,
    ProjectStatus,
    Ticket,
    TicketStatus,
    project_members,
)
from crm_desktop.services import contacts


@dataclass(frozen=True, slots=True)
class TicketRow:
    id: int
    title: str
    number: str
    status: TicketStatus
    opened_at: dt.datetime


@dataclass(frozen=True, slots=True)
class ProjectRow:
    id: int
    name: str
    status: ProjectStatus
    start_date: dt.date | None
    end_date: dt.date | None


@dataclass(frozen=True, slots=True)
class OpportunityRow:
    id: int
    title: str
    stage_name: str
    status: OpportunityStatus
    value: decimal.Decimal
    currency: str
    expected_close: dt.date | None


@dataclass(frozen=True, slots=True)
class Related:
    """The tickets, projects and opportunities of a company or person."""

    tickets: tuple[TicketRow, ...]
    projects: tuple[ProjectRow, ...]
    opportunities: tuple[OpportunityRow, ...]


def _tickets(session: Session, where: ColumnElement[bool]) -> tuple[TicketRow, ...]:
    rows = session.execute(
        select(Ticket).where(where, Ticket.deleted_at.is_(None)).order_by(Ticket.opened_at.desc())
    ).scalars()
    return tuple(TicketRow(t.id, t.title, t.number, t.status, t.opened_at) for t in rows)


def _project_rows(projects: Iterable[Project]) -> tuple[ProjectRow, ...]:
    return tuple(ProjectRow(p.id, p.name, p.status, p.start_date, p.end_date) for p in projects)


def _opportunities(session: Session, where: ColumnElement[bool]) -> tuple[OpportunityRow, ...]:
    rows = session.execute(
        select(Opportunity)
        .where(where, Opportunity.deleted_at.is_(None))
        .order_by(Opportunity.expected_close)
    ).scalars()
    return tuple(
        OpportunityRow(
            o.id,
            o.title,
            o.stage.name if o.stage is not None else "",
            o.status,
            o.value,
            o.currency,
            o.expected_close,
        )
        for o in rows
    )


def company_related(session: Session, company_id: int) -> Related:
    projects = session.execute(
        select(Project)
        .where(Project.company_id == company_id, Project.deleted_at.is_(None))
        .order_by(Project.name)
    ).scalars()
    return Related(
        tickets=_tickets(session, Ticket.company_id == company_id),
        projects=_project_rows(projects),
        opportunities=_opportunities(session, Opportunity.company_id == company_id),
    )


def person_related(session: Session, person_id: int) -> Related:
    """The person's tickets and opportunities, and the projects they are a member of."""
    projects = session.execute(
        select(Project)
        .join(project_members, project_members.c.project_id == Project.id)
        .where(project_members.c.person_id == person_id, Project.deleted_at.is_(None))
        .order_by(Project.name)
    ).scalars()
    return Related(
        tickets=_tickets(session, Ticket.person_id == person_id),
        projects=_project_rows(projects),
        opportunities=_opportunities(session, Opportunity.person_id == person_id),
    )


@dataclass(frozen=True, slots=True)
class PersonRow:
    id: int
    full_name: str
    position: str
    phone: str  # the first number as stored ("" when none)
    department_id: int | None


@dataclass(frozen=True, slots=True)
class DepartmentGroup:
    id: int
    name: str
    people: tuple[PersonRow, ...]


@dataclass(frozen=True, slots=True)
class CompanyPeople:
    """A company's live people by name, and the same people grouped by department
    (departments by name; ``loose`` are those without one)."""

    people: tuple[PersonRow, ...]
    groups: tuple[DepartmentGroup, ...]
    loose: tuple[PersonRow, ...]

    @property
    def total(self) -> int:
        return len(self.people)


def _by_name(p: Person) -> tuple[str, str]:
    return (p.family_name.lower(), p.given_name.lower())


def company_people(session: Session, company_id: int) -> CompanyPeople:
    company = contacts.get_company(session, company_id)
    live = sorted((p for p in company.people if p.deleted_at is None), key=_by_name)
    rows = tuple(
        PersonRow(
            p.id,
            p.full_name,
            p.position or "",
            p.phones[0].number if p.phones else "",
            p.department_id,
        )
        for p in live
    )
    groups = tuple(
        DepartmentGroup(d.id, d.name, tuple(r for r in rows if r.department_id == d.id))
        for d in sorted(company.departments, key=lambda d: d.name.lower())
    )
    loose = tuple(r for r in rows if r.department_id is None)
    return CompanyPeople(rows, groups, loose)


@dataclass(frozen=True, slots=True)
class BranchRow:
    id: int
    name: str
    city: str
    status: CompanyStatus


def company_branches(session: Session, company_id: int) -> tuple[BranchRow, ...]:
    """The company's live branches by name, with the city of their first address."""
    company = contacts.get_company(session, company_id)
    live = sorted(
        (b for b in company.branches if b.deleted_at is None), key=lambda b: b.name.lower()
    )
    return tuple(
        BranchRow(b.id, b.name, (b.addresses[0].city or "") if b.addresses else "", b.status)
        for b in live
    )


@dataclass(frozen=True, slots=True)
class Colleague:
    id: int
    full_name: str
    position: str
    department: str


@dataclass(frozen=True, slots=True)
class PersonRelations:
    """Whom the person reports to (id, name), who reports to them and their colleagues
    in the same company (live people, by name)."""

    boss: tuple[int, str] | None
    subordinates: tuple[Colleague, ...]
    colleagues: tuple[Colleague, ...]


def _colleague(p: Person) -> Colleague:
    return Colleague(p.id, p.full_name, p.position or "", p.department.name if p.department else "")


def person_relations(session: Session, person_id: int) -> PersonRelations:
    p = contacts.get_person(session, person_id)
    boss = p.reports_to if p.reports_to is not None and p.reports_to.deleted_at is None else None
    subs = sorted((x for x in p.subordinates if x.deleted_at is None), key=_by_name)
    company = p.company if p.company is not None and p.company.deleted_at is None else None
    colleagues: list[Person] = []
    if company is not None:
        colleagues = sorted(
            (x for x in company.people if x.deleted_at is None and x.id != p.id), key=_by_name
        )
    return PersonRelations(
        boss=(boss.id, boss.full_name) if boss is not None else None,
        subordinates=tuple(_colleague(x) for x in subs),
        colleagues=tuple(_colleague(x) for x in colleagues),
    )


__all__ = [
    "BranchRow",
    "Colleague",
    "CompanyPeople",
    "DepartmentGroup",
    "OpportunityRow",
    "PersonRelations",
    "PersonRow",
    "ProjectRow",
    "Related",
    "TicketRow",
    "company_branches",
    "company_people",
    "company_related",
    "person_related",
    "person_relations",
]
