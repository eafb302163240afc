"""Small read look-ups the ui needs (issue #16: no queries in ``ui/``).

Each function takes the caller's open session and returns plain values or frozen
dataclasses, never ORM objects: the window checks that a record still exists, finds
the company of a department, the number of a ticket, the departments of a company for
a picker, and so on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.data.models import (
    Company,
    Department,
    Opportunity,
    OpportunityStatus,
    Person,
    Project,
    ProjectStatus,
    Tag,
    Ticket,
)

_MODELS: dict[str, Any] = {
    "person": Person,
    "company": Company,
    "ticket": Ticket,
    "project": Project,
}

_CHUNK = 900  # below SQLite's bound-parameter limit


def record_exists(session: Session, kind: str, ref_id: int) -> bool:
    """True when the person, company, ticket or project is there and not in the trash.
    A department counts as there (it has no trash); other kinds are not."""
    model = _MODELS.get(kind)
    if model is None:
        return kind == "department"
    obj = session.get(model, ref_id)
    return obj is not None and getattr(obj, "deleted_at", None) is None


def department_company(session: Session, department_id: int) -> int | None:
    dept = session.get(Department, department_id)
    return dept.company_id if dept is not None else None


def company_and_department(
    session: Session, kind: str, ref_id: int
) -> tuple[int | None, int | None]:
    """The company and department a company, department or person belongs to."""
    if kind == "company":
        return ref_id, None
    if kind == "department":
        dept = session.get(Department, ref_id)
        return (dept.company_id, dept.id) if dept is not None else (None, None)
    if kind == "person":
        person = session.get(Person, ref_id)
        if person is not None:
            return person.company_id, person.department_id
    return None, None


def person_company(session: Session, person_id: int) -> int | None:
    person = session.get(Person, person_id)
    return person.company_id if person is not None else None


def company_parent(session: Session, company_id: int) -> int | None:
    company = session.get(Company, company_id)
    return company.parent_id if company is not None else None


def company_owner(session: Session, company_id: int) -> str | None:
    company = session.get(Company, company_id)
    return company.owner if company is not None and company.owner else None


def ticket_number(session: Session, ticket_id: int) -> str | None:
    ticket = session.get(Ticket, ticket_id)
    return ticket.number if ticket is not None else None


def ticket_label(session: Session, ticket_id: int) -> str | None:
    """ "T-2026-0001 Heater broken" (None when there is no such ticket)."""
    ticket = session.get(Ticket, ticket_id)
    return f"{ticket.number} {ticket.title}" if ticket is not None else None


@dataclass(frozen=True, slots=True)
class ProjectFacts:
    id: int
    name: str
    description: str
    status: ProjectStatus
    company_name: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    members: tuple[str, ...]


def project_facts(session: Session, project_id: int) -> ProjectFacts | None:
    project = session.get(Project, project_id)
    if project is None:
        return None
    return ProjectFacts(
        id=project.id,
        name=project.name,
        description=project.description or "",
        status=project.status,
        company_name=project.company.name if project.company else None,
        start_date=project.start_date,
        end_date=project.end_date,
        members=tuple(m.full_name for m in project.members),
    )


def record_name(session: Session, key: str, rid: int) -> str:
    """The name of a linked record (``company_id``/``parent_id``, ``department_id``,
    else a person) for a compare table; the id as text when it is gone."""
    if key in ("company_id", "parent_id"):
        comp = session.get(Company, rid)
        return comp.name if comp is not None else str(rid)
    if key == "department_id":
        dept = session.get(Department, rid)
        return dept.name if dept is not None else str(rid)
    person = session.get(Person, rid)
    return person.full_name if person is not None else str(rid)


def stored_version(session: Session, kind: str, rid: int) -> int | None:
    """The version a person or company has now (the one a next save builds on)."""
    model: Any = {"person": Person, "company": Company}[kind]
    version = session.execute(select(model.version).where(model.id == rid)).scalar_one_or_none()
    return int(version) if version is not None else None


def departments(session: Session, company_id: int) -> list[tuple[int, str]]:
    """(id, name) of the company's departments, by name."""
    rows = session.execute(
        select(Department.id, Department.name)
        .where(Department.company_id == company_id)
        .order_by(Department.name)
    ).all()
    return [(int(did), str(name)) for did, name in rows]


@dataclass(frozen=True, slots=True)
class LinkChoice:
    """A project or opportunity an activity can be linked to."""

    id: int
    name: str
    company_id: int | None


def open_projects(session: Session, keep_id: int | None = None) -> list[LinkChoice]:
    """Projects that are neither done nor cancelled (plus ``keep_id``), by name."""
    rows = session.execute(
        select(Project.id, Project.name, Project.company_id)
        .where(
            Project.deleted_at.is_(None),
            Project.status.not_in([ProjectStatus.DONE, ProjectStatus.CANCELLED])
            | (Project.id == (keep_id or -1)),
        )
        .order_by(Project.name)
    ).all()
    return [LinkChoice(r[0], r[1], r[2]) for r in rows]


def open_opportunities(session: Session, keep_id: int | None = None) -> list[LinkChoice]:
    """Open opportunities (plus ``keep_id``), by title."""
    rows = session.execute(
        select(Opportunity.id, Opportunity.title, Opportunity.company_id)
        .where(
            Opportunity.deleted_at.is_(None),
            (Opportunity.status == OpportunityStatus.OPEN) | (Opportunity.id == (keep_id or -1)),
        )
        .order_by(Opportunity.title)
    ).all()
    return [LinkChoice(r[0], r[1], r[2]) for r in rows]


def _distinct(session: Session, column: Any) -> list[str]:
    return [
        str(v)
        for v in session.execute(
            select(column).where(column.is_not(None)).distinct().order_by(column)
        ).scalars()
        if v
    ]


def owner_names(session: Session) -> list[str]:
    """Every owner typed on an opportunity, then on a company (for a completer)."""
    return _distinct(session, Opportunity.owner) + _distinct(session, Company.owner)


def opportunity_sources(session: Session) -> list[str]:
    return _distinct(session, Opportunity.source)


def company_names(session: Session, ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted(set(ids))
    out: dict[int, str] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        rows = session.execute(select(Company.id, Company.name).where(Company.id.in_(chunk)))
        out.update({int(cid): str(name) for cid, name in rows})
    return out


def company_named(session: Session, name: str) -> tuple[int, str] | None:
    """A live company whose name is ``name`` (any case): (id, stored name)."""
    hit = session.execute(
        select(Company.id, Company.name)
        .where(Company.deleted_at.is_(None), func.lower(Company.name) == name.lower())
        .limit(1)
    ).first()
    return (int(hit[0]), str(hit[1])) if hit is not None else None


def tag_names(session: Session) -> list[str]:
    return [str(n) for n in session.execute(select(Tag.name).order_by(Tag.name)).scalars()]


def companies_of_people(session: Session, person_ids: list[int]) -> list[int]:
    """The companies the given people work for, sorted."""
    out: set[int] = set()
    for start in range(0, len(person_ids), _CHUNK):
        chunk = person_ids[start : start + _CHUNK]
        out |= {
            cid
            for cid in session.execute(
                select(Person.company_id).where(Person.id.in_(chunk))
            ).scalars()
            if cid is not None
        }
    return sorted(out)


@dataclass(frozen=True, slots=True)
class PersonCard:
    """A person as a duplicate warning names them."""

    id: int
    full_name: str
    birth_date: dt.date | None
    company_name: str | None
    email: str | None


def person_cards(session: Session, ids: Iterable[int]) -> list[PersonCard]:
    """The live people among ``ids``, in that order."""
    out: list[PersonCard] = []
    for pid in ids:
        p = session.get(Person, pid)
        if p is None or p.deleted_at is not None:
            continue
        out.append(
            PersonCard(
                id=p.id,
                full_name=p.full_name,
                birth_date=p.birth_date,
                company_name=p.company.name if p.company is not None else None,
                email=p.emails[0].address if p.emails else None,
            )
        )
    return out
