"""Projects: work for one or several companies, with member people, status and dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.clock import Clock
from crm_desktop.data.models import (
    Activity,
    Company,
    Person,
    Project,
    ProjectStatus,
    project_members,
)
from crm_desktop.domain import cardguard
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ConflictError, NotFoundError, ValidationError
from crm_desktop.services import textmatch, undo, versioning
from crm_desktop.services.changes import Changes


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
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The end date lies before the start date."),
            field="end_date",
        )


def _people(session: Session, ids: Iterable[int]) -> list[Person]:
    out: list[Person] = []
    seen: set[int] = set()
    for pid in ids:
        if pid in seen:
            continue
        seen.add(pid)
        person = session.get(Person, pid)
        if person is None or person.deleted_at is not None:
            raise NotFoundError(QT_TRANSLATE_NOOP("errors", "Person {id} does not exist."), id=pid)
        out.append(person)
    return out


def create_project(session: Session, data: ProjectInput) -> Project:
    name = (data.name or "").strip()
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A project needs a name."), field="name")
    cardguard.guard_all({"name": name, "description": data.description})
    _check_dates(data.start_date, data.end_date)
    if data.company_id is not None:
        company = session.get(Company, data.company_id)
        if company is None or company.deleted_at is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Company {id} does not exist."), id=data.company_id
            )
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
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Project {id} does not exist."), id=project_id
        )
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
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A project needs a name."), field="name"
            )
    cardguard.guard_all({k: v for k, v in changes.items() if isinstance(v, str)})
    _check_dates(
        changes.get("start_date", project.start_date), changes.get("end_date", project.end_date)
    )
    if changes.get("company_id") is not None:
        company = session.get(Company, changes["company_id"])
        if company is None or company.deleted_at is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Company {id} does not exist."),
                id=changes["company_id"],
            )
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
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Project {id} does not exist."), id=project_id
        )
    project.deleted_at = None
    session.flush()
    return project


# ---------------------------------------------------------------- the projects page

OPEN_STATUSES = (ProjectStatus.PLANNED, ProjectStatus.ACTIVE, ProjectStatus.ON_HOLD)
CLOSED_STATUSES = (ProjectStatus.DONE, ProjectStatus.CANCELLED)


@dataclass(frozen=True)
class ProjectRow:
    """One line of the projects page (plain values)."""

    id: int
    name: str
    status: ProjectStatus
    company_id: int | None
    company: str
    start_date: dt.date | None
    end_date: dt.date | None
    members: int
    activities: int
    last_activity: dt.datetime | None


def list_projects(session: Session, *, show: str = "open", text: str = "") -> list[ProjectRow]:
    """Projects for the page: ``show`` is "open" (planned, active, on hold), "closed"
    (done, cancelled) or "all"; ``text`` filters by project or company name. Open
    projects first by end date, then by name."""
    acts = (
        select(
            Activity.project_id.label("pid"),
            func.count(Activity.id).label("n"),
            func.max(Activity.occurred_at).label("last"),
        )
        .where(Activity.deleted_at.is_(None), Activity.project_id.is_not(None))
        .group_by(Activity.project_id)
        .subquery()
    )
    members = (
        select(project_members.c.project_id.label("pid"), func.count().label("n"))
        .select_from(project_members.join(Person, Person.id == project_members.c.person_id))
        .where(Person.deleted_at.is_(None))
        .group_by(project_members.c.project_id)
        .subquery()
    )
    query = (
        select(Project, Company.name, members.c.n, acts.c.n, acts.c.last)
        .outerjoin(Company, Company.id == Project.company_id)
        .outerjoin(members, members.c.pid == Project.id)
        .outerjoin(acts, acts.c.pid == Project.id)
        .where(Project.deleted_at.is_(None))
    )
    if show == "open":
        query = query.where(Project.status.in_(OPEN_STATUSES))
    elif show == "closed":
        query = query.where(Project.status.in_(CLOSED_STATUSES))
    elif show != "all":
        raise ValueError(f"show is open, closed or all, not {show!r}")
    for word in text.split():
        query = query.where(
            textmatch.contains(Project.name, word) | textmatch.contains(Company.name, word)
        )
    rows = [
        ProjectRow(
            id=p.id,
            name=p.name,
            status=p.status,
            company_id=p.company_id,
            company=company or "",
            start_date=p.start_date,
            end_date=p.end_date,
            members=int(n_members or 0),
            activities=int(n_acts or 0),
            last_activity=last,
        )
        for p, company, n_members, n_acts, last in session.execute(query)
    ]
    rows.sort(
        key=lambda r: (
            r.status in CLOSED_STATUSES,
            r.end_date is None,
            r.end_date or dt.date.max,
            r.name.casefold(),
        )
    )
    return rows


@dataclass
class ProjectForm:
    """What the project editor shows and saves (``id`` None: a new project)."""

    name: str = ""
    company_id: int | None = None
    status: ProjectStatus = ProjectStatus.ACTIVE
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    description: str = ""
    member_ids: list[int] = field(default_factory=list)
    id: int | None = None
    version: int | None = None
    members: list[tuple[int, str]] = field(default_factory=list)  # (id, label) for display


def load_form(session: Session, project_id: int) -> ProjectForm:
    from crm_desktop.services import pickers

    project = get_project(session, project_id)
    members = [m for m in project.members if m.deleted_at is None]
    labels = []
    for m in members:
        choice = pickers.person(session, m.id)
        labels.append((m.id, choice.label if choice is not None else m.full_name))
    return ProjectForm(
        name=project.name,
        company_id=project.company_id,
        status=project.status,
        start_date=project.start_date,
        end_date=project.end_date,
        description=project.description or "",
        member_ids=[m.id for m in members],
        id=project.id,
        version=int(project.version),
        members=labels,
    )


@dataclass(frozen=True)
class ProjectSaved:
    project_id: int
    created: bool
    changes: Changes
    undo_id: int | None = None


def _values(project: Project) -> dict[str, Any]:
    return {
        "name": project.name,
        "company_id": project.company_id,
        "status": project.status.value,
        "start_date": project.start_date.isoformat() if project.start_date else None,
        "end_date": project.end_date.isoformat() if project.end_date else None,
        "description": project.description or "",
        "member_ids": sorted(m.id for m in project.members if m.deleted_at is None),
    }


def save_project(session: Session, form: ProjectForm, clock: Clock) -> ProjectSaved:
    """Create or edit a project with its members in one unit of work. An edit is one
    undo entry; ``form.version`` guards against a save by someone else since."""
    companies: set[int | None] = {form.company_id}
    if form.id is None:
        project = create_project(
            session,
            ProjectInput(
                name=form.name,
                company_id=form.company_id,
                status=form.status,
                start_date=form.start_date,
                end_date=form.end_date,
                description=form.description,
                member_ids=form.member_ids,
            ),
        )
        return ProjectSaved(
            project.id,
            True,
            Changes.of("project", project.id, structure=True) | Changes.of("company", *companies),
        )
    before_project = get_project(session, form.id)
    companies.add(before_project.company_id)
    before = _values(before_project)
    update_project(
        session,
        form.id,
        {
            "name": form.name,
            "company_id": form.company_id,
            "status": form.status,
            "start_date": form.start_date,
            "end_date": form.end_date,
            "description": form.description,
        },
        expected_version=form.version,
    )
    project = set_members(session, form.id, form.member_ids)
    after = _values(project)
    names = [k for k in after if before[k] != after[k]]
    entry = None
    if names:
        entry = undo.record(
            session,
            action="project-edit",
            label=f"Edit project {project.name}",
            payload=ProjectEditPayload(
                project.id, {k: before[k] for k in names}, {k: after[k] for k in names}
            ),
            clock=clock,
        )
    return ProjectSaved(
        project.id,
        False,
        Changes.of("project", project.id, structure="status" in names or "name" in names)
        | Changes.of("company", *companies),
        entry,
    )


def set_project_status(
    session: Session, project_id: int, status: ProjectStatus, clock: Clock
) -> ProjectSaved:
    """Close (done, cancelled) or reopen a project from the page; undoable."""
    form = load_form(session, project_id)
    form.status = status
    form.version = None  # the page acts on what it shows now
    return save_project(session, form, clock)


def group_projects(session: Session, company_id: int | None) -> list[tuple[int, str]]:
    """Open projects of a company's whole group (its parent company, the parent's
    branches and its own branches), for logging from a person of the group on a
    branch's project: (id, "Name — Company")."""
    if company_id is None:
        return []
    ids = group_company_ids(session, company_id)
    rows = session.execute(
        select(Project.id, Project.name, Company.name)
        .outerjoin(Company, Company.id == Project.company_id)
        .where(
            Project.deleted_at.is_(None),
            Project.status.in_(OPEN_STATUSES),
            Project.company_id.in_(ids),
        )
        .order_by(Project.name)
    )
    return [(pid, f"{name} — {company}" if company else name) for pid, name, company in rows]


def group_company_ids(session: Session, company_id: int) -> list[int]:
    """Every company of the group ``company_id`` belongs to: from its topmost parent
    down through all branches."""
    from crm_desktop.services.timeline import company_subtree_ids

    root, seen = company_id, {company_id}
    while True:
        parent = session.scalar(select(Company.parent_id).where(Company.id == root))
        if parent is None or parent in seen:
            break
        seen.add(parent)
        root = parent
    return company_subtree_ids(session, root)


# ---------------------------------------------------------------- undo of an edit


@dataclass(frozen=True)
class ProjectEditPayload:
    id: int
    before: dict[str, Any]
    after: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "before": self.before, "after": self.after}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProjectEditPayload:
        before, after = data.get("before"), data.get("after")
        if not isinstance(before, dict) or not isinstance(after, dict):
            raise ValueError(QT_TRANSLATE_NOOP("errors", "before/after are not objects"))
        return cls(int(data["id"]), before, after)

    @property
    def kind(self) -> str:
        return "project"


def _apply_values(session: Session, project_id: int, values: dict[str, Any]) -> Changes:
    project = session.get(Project, project_id)
    if project is None or project.deleted_at is not None:
        raise ConflictError(
            QT_TRANSLATE_NOOP(
                "errors", "The project is no longer there; the change cannot be undone."
            )
        )
    old_company = project.company_id
    for name, raw in values.items():
        if name == "member_ids":
            project.members = [
                p
                for p in (session.get(Person, int(i)) for i in raw)
                if p is not None and p.deleted_at is None
            ]
        elif name == "status":
            project.status = ProjectStatus(raw)
        elif name in ("start_date", "end_date"):
            setattr(project, name, dt.date.fromisoformat(raw) if raw else None)
        else:
            setattr(project, name, raw)
    versioning.flush(session, "project", project)
    return Changes.of("project", project_id, structure=True) | Changes.of(
        "company", old_company, project.company_id
    )


def _check_project_edit(session: Session, p: ProjectEditPayload) -> str | None:
    project = session.get(Project, p.id)
    if project is None or project.deleted_at is not None:
        return QT_TRANSLATE_NOOP("errors", "The project is no longer there.")
    now = _values(project)
    if any(now.get(k) != v for k, v in p.after.items()):
        return QT_TRANSLATE_NOOP(
            "errors", "The project was changed again since; undo the later change first."
        )
    return None


def _undo_project_edit(session: Session, p: ProjectEditPayload, clock: Clock) -> Changes:
    problem = _check_project_edit(session, p)
    if problem is not None:
        raise ConflictError(problem)
    return _apply_values(session, p.id, p.before)


def _redo_project_edit(session: Session, p: ProjectEditPayload, clock: Clock) -> Changes:
    return _apply_values(session, p.id, p.after)


undo.register(
    "project-edit",
    parse=ProjectEditPayload.from_dict,
    undo=_undo_project_edit,
    redo=_redo_project_edit,
    check=_check_project_edit,
)
