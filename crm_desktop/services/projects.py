"""Projects: work for one or several companies, with member people, status and dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.clock import Clock
from crm_desktop.data.models import Activity, Company, Person, Project, ProjectStatus
from crm_desktop.domain import cardguard
from crm_desktop.errors import NotFoundError, ValidationError
from crm_desktop.services import versioning


@dataclass
class ProjectInput:
    name: str
    company_id: int | None = None
    status: ProjectStatus = ProjectStatus.ACTIVE
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    description: str = ""
    member_ids: list[int] = field(default_factory=list)
    opportunity_id: int | None = None


def _check_dates(start: dt.date | None, end: dt.date | None) -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError("The end date lies before the start date.", field="end_date")


def _people(session: Session, ids: Iterable[int]) -> list[Person]:
    out: list[Person] = []
    seen: set[int] = set()
    for pid in ids:
        if pid in seen:
            continue
        seen.add(pid)
        person = session.get(Person, pid)
        if person is None or person.deleted_at is not None:
            raise NotFoundError("Person {id} does not exist.", id=pid)
        out.append(person)
    return out


def create_project(session: Session, data: ProjectInput) -> Project:
    name = (data.name or "").strip()
    if not name:
        raise ValidationError("A project needs a name.", field="name")
    cardguard.guard_all({"name": name, "description": data.description})
    _check_dates(data.start_date, data.end_date)
    if data.company_id is not None:
        company = session.get(Company, data.company_id)
        if company is None or company.deleted_at is not None:
            raise NotFoundError("Company {id} does not exist.", id=data.company_id)
    project = Project(
        name=name[:200],
        company_id=data.company_id,
        status=data.status,
        start_date=data.start_date,
        end_date=data.end_date,
        description=data.description or "",
        opportunity_id=data.opportunity_id,
        members=_people(session, data.member_ids),
    )
    session.add(project)
    session.flush()
    return project


def get_project(session: Session, project_id: int) -> Project:
    project = session.get(Project, project_id)
    if project is None or project.deleted_at is not None:
        raise NotFoundError("Project {id} does not exist.", id=project_id)
    return project


PROJECT_FIELDS = {"name", "company_id", "status", "start_date", "end_date", "description"}


def update_project(
    session: Session,
    project_id: int,
    changes: dict[str, Any],
    *,
    expected_version: int | None = None,
) -> Project:
    """``expected_version``: see :mod:`crm_desktop.services.versioning`."""
    project = get_project(session, project_id)
    versioning.check(session, "project", project, expected_version)
    unknown = set(changes) - PROJECT_FIELDS
    if unknown:
        raise ValueError(f"unknown project fields: {sorted(unknown)}")
    if "name" in changes:
        changes["name"] = (changes["name"] or "").strip()[:200]
        if not changes["name"]:
            raise ValidationError("A project needs a name.", field="name")
    cardguard.guard_all({k: v for k, v in changes.items() if isinstance(v, str)})
    _check_dates(
        changes.get("start_date", project.start_date), changes.get("end_date", project.end_date)
    )
    if changes.get("company_id") is not None:
        company = session.get(Company, changes["company_id"])
        if company is None or company.deleted_at is not None:
            raise NotFoundError("Company {id} does not exist.", id=changes["company_id"])
    for key, value in changes.items():
        setattr(project, key, value)
    versioning.flush(session, "project", project)
    return project


def set_status(session: Session, project_id: int, status: ProjectStatus) -> Project:
    return update_project(session, project_id, {"status": status})


def set_members(session: Session, project_id: int, person_ids: Iterable[int]) -> Project:
    """Replace the members; people may belong to different companies."""
    project = get_project(session, project_id)
    project.members = _people(session, person_ids)
    session.flush()
    return project


def add_members(session: Session, project_id: int, person_ids: Iterable[int]) -> Project:
    project = get_project(session, project_id)
    have = {p.id for p in project.members}
    for person in _people(session, person_ids):
        if person.id not in have:
            project.members.append(person)
            have.add(person.id)
    session.flush()
    return project


def remove_member(session: Session, project_id: int, person_id: int) -> Project:
    project = get_project(session, project_id)
    project.members = [p for p in project.members if p.id != person_id]
    session.flush()
    return project


def project_companies(project: Project) -> list[Company]:
    """The companies involved: the project's own and those of its members."""
    seen: dict[int, Company] = {}
    if project.company is not None:
        seen[project.company.id] = project.company
    for person in project.members:
        if person.company is not None:
            seen.setdefault(person.company.id, person.company)
    return list(seen.values())


def project_timeline(session: Session, project_id: int) -> list[Activity]:
    """Every activity of the project across all people, newest first."""
    get_project(session, project_id)
    return list(
        session.execute(
            select(Activity)
            .where(Activity.project_id == project_id, Activity.deleted_at.is_(None))
            .order_by(Activity.occurred_at.desc(), Activity.id.desc())
        ).scalars()
    )


def delete_project(session: Session, project_id: int, *, clock: Clock) -> None:
    project = get_project(session, project_id)
    project.deleted_at = clock.now()
    session.flush()


def restore_project(session: Session, project_id: int) -> Project:
    project = session.get(Project, project_id)
    if project is None:
        raise NotFoundError("Project {id} does not exist.", id=project_id)
    project.deleted_at = None
    session.flush()
    return project
