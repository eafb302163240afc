"""The activity timeline of a person, department, company (with its branches), ticket
or project: newest first, one page at a time (keyset paging on ``occurred_at, id``).

The Qt side (``ui/timeline.py``) groups the entries by day and asks for the next page
when the user scrolls; nothing here reads more than one page of activities.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, literal_column, or_, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.clock import Clock, local_zone
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Company,
    Direction,
    FollowUp,
    Person,
    Project,
    Ticket,
)
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import NotFoundError, ValidationError

PAGE_SIZE = 100
SUMMARY_LENGTH = 160


@dataclass(frozen=True)
class Scope:
    """Whose timeline: exactly one of the ids, or none for all activities."""

    person_id: int | None = None
    company_id: int | None = None
    department_id: int | None = None
    ticket_id: int | None = None
    project_id: int | None = None

    @property
    def is_all(self) -> bool:
        return all(
            x is None
            for x in (
                self.person_id,
                self.company_id,
                self.department_id,
                self.ticket_id,
                self.project_id,
            )
        )


class Period(enum.StrEnum):
    ALL = "all"
    TODAY = "today"
    WEEK = "7d"
    MONTH = "30d"
    QUARTER = "90d"
    YEAR = "365d"


@dataclass(frozen=True)
class TimelineFilter:
    kinds: frozenset[ActivityKind] = frozenset()  # empty: every kind
    ticket_id: int | None = None
    project_id: int | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None

    @property
    def is_empty(self) -> bool:
        return self == TimelineFilter()


@dataclass(frozen=True)
class TimelineKey:
    """Where a page ends; the next page starts strictly after it."""

    occurred_at: dt.datetime
    activity_id: int


@dataclass
class FollowUpInfo:
    id: int
    due_at: dt.datetime
    kind: ActivityKind
    note: str
    done: bool
    cancelled: bool


@dataclass
class TimelineEntry:
    activity_id: int
    kind: ActivityKind
    direction: Direction
    occurred_at: dt.datetime
    subject: str
    text: str
    person_id: int | None
    person_name: str
    company_id: int | None
    company_name: str
    ticket_id: int | None
    ticket_number: str
    project_id: int | None
    project_name: str
    duration_minutes: int | None = None
    location: str | None = None
    owner: str | None = None
    followups: list[FollowUpInfo] = field(default_factory=list)

    @property
    def key(self) -> TimelineKey:
        return TimelineKey(self.occurred_at, self.activity_id)

    @property
    def summary(self) -> str:
        """The subject, else the first non-empty line of the text (shortened)."""
        return summarize(self.subject, self.text)

    @property
    def open_followup(self) -> FollowUpInfo | None:
        for f in self.followups:
            if not f.done and not f.cancelled:
                return f
        return None


def summarize(subject: str, text: str, length: int = SUMMARY_LENGTH) -> str:
    line = (subject or "").strip()
    if not line:
        line = next((ln.strip() for ln in (text or "").splitlines() if ln.strip()), "")
    if len(line) > length:
        line = line[: length - 1].rstrip() + "…"
    return line


# ---------------------------------------------------------------- scope → SQL


def company_subtree_ids(session: Session, company_id: int) -> list[int]:
    """The company and all its branches (any depth)."""
    sub = (
        select(Company.id.label("cid")).where(Company.id == company_id).cte("tree", recursive=True)
    )
    child = aliased(Company)
    sub = sub.union(select(child.id).where(child.parent_id == sub.c.cid))
    return [int(x) for x in session.execute(select(sub.c.cid)).scalars()]


def _scope_clause(session: Session, scope: Scope) -> ColumnElement[bool] | None:
    if scope.person_id is not None:
        return Activity.person_id == scope.person_id
    if scope.department_id is not None:
        people = select(Person.id).where(Person.department_id == scope.department_id)
        return Activity.person_id.in_(people)
    if scope.company_id is not None:
        # log_activity links every activity to the person's company at the time, so the
        # company's people's activities carry its id (history stays where it happened)
        ids = company_subtree_ids(session, scope.company_id)
        if len(ids) == 1:
            return Activity.company_id == ids[0]
        return Activity.company_id.in_(ids)
    if scope.ticket_id is not None:
        return Activity.ticket_id == scope.ticket_id
    if scope.project_id is not None:
        return Activity.project_id == scope.project_id
    return None


def _live(session: Session) -> ColumnElement[bool]:
    """``deleted_at IS NULL`` without letting SQLite pick the (useless, almost every row
    is NULL) ``deleted_at`` index over the scope's own index: the unary ``+`` hides it."""
    if session.get_bind().dialect.name == "sqlite":
        return literal_column("+activities.deleted_at").is_(None)
    return Activity.deleted_at.is_(None)


def _filter_clauses(flt: TimelineFilter) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if flt.kinds:
        out.append(Activity.kind.in_(sorted(flt.kinds)))
    if flt.ticket_id is not None:
        out.append(Activity.ticket_id == flt.ticket_id)
    if flt.project_id is not None:
        out.append(Activity.project_id == flt.project_id)
    if flt.since is not None:
        out.append(Activity.occurred_at >= flt.since)
    if flt.until is not None:
        out.append(Activity.occurred_at < flt.until)
    return out


def period_bounds(
    period: Period | str, now: dt.datetime, zone: ZoneInfo | None = None
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """(since, until) in UTC for a period ending now; days start at local midnight."""
    period = Period(period)
    if period is Period.ALL:
        return None, None
    tz = zone or local_zone()
    local_now = now.astimezone(tz)
    midnight = local_now.replace(hour=0, minute=0, second=0, microsecond=0)
    days = {Period.TODAY: 0, Period.WEEK: 6, Period.MONTH: 29, Period.QUARTER: 89, Period.YEAR: 364}
    start = midnight - dt.timedelta(days=days[period])
    return start.astimezone(dt.UTC), None


# ---------------------------------------------------------------- queries


def timeline_page(
    session: Session,
    scope: Scope,
    flt: TimelineFilter | None = None,
    *,
    after: TimelineKey | None = None,
    limit: int = PAGE_SIZE,
) -> list[TimelineEntry]:
    """One page of the timeline, newest first, starting after ``after``."""
    if limit < 1:
        raise ValueError(QT_TRANSLATE_NOOP("errors", "limit must be positive"))
    where: list[ColumnElement[bool]] = [_live(session)]
    where.extend(_filter_clauses(flt or TimelineFilter()))
    if after is not None:
        where.append(Activity.occurred_at <= after.occurred_at)  # an index range
        where.append(
            or_(
                Activity.occurred_at < after.occurred_at,
                and_(Activity.occurred_at == after.occurred_at, Activity.id < after.activity_id),
            )
        )
    clause = _scope_clause(session, scope)
    if clause is not None:
        where.append(clause)
    return _fetch(session, where, limit)


def _fetch(session: Session, where: list[ColumnElement[bool]], limit: int) -> list[TimelineEntry]:
    stmt = (
        # plain columns, not ORM entities: a page loads without identity-map overhead
        select(
            Activity.id,
            Activity.kind,
            Activity.direction,
            Activity.occurred_at,
            Activity.subject,
            Activity.text,
            Activity.person_id,
            Activity.company_id,
            Activity.ticket_id,
            Activity.project_id,
            Activity.duration_minutes,
            Activity.location,
            Activity.owner,
            Person.title,
            Person.given_name,
            Person.family_name,
            Person.nickname,
            Company.name.label("company_name"),
            Ticket.number,
            Project.name.label("project_name"),
        )
        .outerjoin(Person, Person.id == Activity.person_id)
        .outerjoin(Company, Company.id == Activity.company_id)
        .outerjoin(Ticket, Ticket.id == Activity.ticket_id)
        .outerjoin(Project, Project.id == Activity.project_id)
        .where(*where)
        .order_by(Activity.occurred_at.desc(), Activity.id.desc())
        .limit(limit)
    )
    entries: list[TimelineEntry] = []
    for act in session.execute(stmt):
        name = " ".join(
            p for p in (act.title or "", act.given_name or "", act.family_name or "") if p
        )
        nick, company, ticket_no, project = (
            act.nickname,
            act.company_name,
            act.number,
            act.project_name,
        )
        entries.append(
            TimelineEntry(
                activity_id=act.id,
                kind=act.kind,
                direction=act.direction,
                occurred_at=act.occurred_at,
                subject=act.subject or "",
                text=act.text or "",
                person_id=act.person_id,
                person_name=name or (nick or ""),
                company_id=act.company_id,
                company_name=company or "",
                ticket_id=act.ticket_id,
                ticket_number=ticket_no or "",
                project_id=act.project_id,
                project_name=project or "",
                duration_minutes=act.duration_minutes,
                location=act.location,
                owner=act.owner,
            )
        )
    _attach_followups(session, entries)
    return entries


def _attach_followups(session: Session, entries: list[TimelineEntry]) -> None:
    by_id = {e.activity_id: e for e in entries}
    if not by_id:
        return
    rows = session.execute(
        select(FollowUp)
        .where(FollowUp.activity_id.in_(list(by_id)))
        .order_by(FollowUp.due_at, FollowUp.id)
    ).scalars()
    for f in rows:
        assert f.activity_id is not None
        by_id[f.activity_id].followups.append(_followup_info(f))


def _followup_info(f: FollowUp) -> FollowUpInfo:
    return FollowUpInfo(
        id=f.id,
        due_at=f.effective_due,
        kind=f.kind,
        note=f.note or "",
        done=f.done_at is not None,
        cancelled=f.cancelled_at is not None,
    )


def entry(session: Session, activity_id: int) -> TimelineEntry:
    """One activity as a timeline entry (full text, follow-ups)."""
    act = session.get(Activity, activity_id)
    if act is None or act.deleted_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Activity {id} does not exist."), id=activity_id
        )
    return _fetch(session, [Activity.id == activity_id], 1)[0]


def count_activities(session: Session, scope: Scope, flt: TimelineFilter | None = None) -> int:
    where: list[ColumnElement[bool]] = [_live(session)]
    clause = _scope_clause(session, scope)
    if clause is not None:
        where.append(clause)
    where.extend(_filter_clauses(flt or TimelineFilter()))
    return int(session.scalar(select(func.count()).select_from(Activity).where(*where)) or 0)


def open_followups(session: Session, scope: Scope, *, limit: int = 20) -> list[FollowUpInfo]:
    """Follow-ups still to do for the scope (person or company tree), soonest first."""
    where: list[ColumnElement[bool]] = [FollowUp.done_at.is_(None), FollowUp.cancelled_at.is_(None)]
    if scope.person_id is not None:
        where.append(FollowUp.person_id == scope.person_id)
    elif scope.company_id is not None:
        ids = company_subtree_ids(session, scope.company_id)
        where.append(
            or_(
                FollowUp.company_id.in_(ids),
                FollowUp.person_id.in_(select(Person.id).where(Person.company_id.in_(ids))),
            )
        )
    elif scope.ticket_id is not None:
        where.append(FollowUp.ticket_id == scope.ticket_id)
    elif scope.project_id is not None:
        where.append(FollowUp.project_id == scope.project_id)
    elif scope.department_id is not None:
        where.append(
            FollowUp.person_id.in_(
                select(Person.id).where(Person.department_id == scope.department_id)
            )
        )
    rows = session.execute(
        select(FollowUp)
        .where(*where)
        .order_by(func.coalesce(FollowUp.snoozed_until, FollowUp.due_at), FollowUp.id)
        .limit(limit)
    ).scalars()
    return [_followup_info(f) for f in rows]


@dataclass
class Overview:
    """What a record's overview shows about its history: the newest activities, the
    last contact (the newest one not in the future) and the next open follow-up, for
    the same scope the timeline shows (a company with its branches and their people)."""

    recent: list[TimelineEntry]
    last_contact: TimelineEntry | None
    next_followup: FollowUpInfo | None


def overview(session: Session, scope: Scope, now: dt.datetime, *, limit: int = 6) -> Overview:
    recent = timeline_page(session, scope, limit=limit)
    past = [e for e in recent if e.occurred_at <= now]
    last = past[0] if past else None
    if last is None and len(recent) == limit:  # only planned ones among the newest
        where: list[ColumnElement[bool]] = [_live(session), Activity.occurred_at <= now]
        clause = _scope_clause(session, scope)
        if clause is not None:
            where.append(clause)
        found = _fetch(session, where, 1)
        last = found[0] if found else None
    due = open_followups(session, scope, limit=1)
    return Overview(recent=recent, last_contact=last, next_followup=due[0] if due else None)


# ---------------------------------------------------------------- quick entry


QUICK_KINDS = (ActivityKind.CALL, ActivityKind.NOTE)


def quick_log(
    session: Session,
    scope: Scope,
    kind: ActivityKind,
    text: str,
    *,
    clock: Clock,
    followup_due_at: dt.datetime | None = None,
    owner: str | None = None,
) -> int:
    """Log a call or note typed into the quick entry line; returns the activity id.

    The first line becomes the subject. A follow-up (``followup_due_at``) is planned
    with the same kind. Goes through ``services.activities.log_activity``.
    """
    from crm_desktop.services.activities import ActivityInput, log

    body = (text or "").strip()
    if not body:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Please type what was said or done."), field="text"
        )
    person_id = scope.person_id
    company_id = scope.company_id
    if person_id is None and company_id is None:
        if scope.ticket_id is not None:
            ticket = session.get(Ticket, scope.ticket_id)
            if ticket is not None:
                person_id, company_id = ticket.person_id, ticket.company_id
        elif scope.project_id is not None:
            project = session.get(Project, scope.project_id)
            if project is not None:
                company_id = project.company_id
    if person_id is None and company_id is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Select a person or a company first."), field="person_id"
        )
    if followup_due_at is not None and followup_due_at <= clock.now():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The follow-up must be in the future."),
            field="followup_due_at",
        )
    lines = body.splitlines()
    subject = summarize(lines[0], "", 300)
    data = ActivityInput(
        kind=kind,
        subject=subject,
        text=body,
        person_id=person_id,
        company_id=company_id,
        ticket_id=scope.ticket_id,
        project_id=scope.project_id,
        owner=owner,
        followup_due_at=followup_due_at,
        followup_kind=kind if kind in QUICK_KINDS else ActivityKind.CALL,
        followup_note=subject,
    )
    activity = log(session, data, clock=clock)
    return int(activity.id)


def kinds_in(values: Iterable[str]) -> frozenset[ActivityKind]:
    return frozenset(ActivityKind(v) for v in values)


def scope_tickets(session: Session, scope: Scope, *, limit: int = 50) -> list[tuple[int, str]]:
    """(id, "number title") of the tickets that appear in the scope, newest first."""
    where: list[ColumnElement[bool]] = [
        _live(session),
        Activity.ticket_id.is_not(None),
    ]
    clause = _scope_clause(session, scope)
    if clause is not None:
        where.append(clause)
    ids = select(Activity.ticket_id).where(*where).distinct().limit(limit * 4).subquery()
    rows = session.execute(
        select(Ticket.id, Ticket.number, Ticket.title)
        .where(Ticket.id.in_(select(ids.c.ticket_id)), Ticket.deleted_at.is_(None))
        .order_by(Ticket.opened_at.desc(), Ticket.id.desc())
        .limit(limit)
    ).all()
    return [(int(r.id), f"{r.number} {r.title}".strip()) for r in rows]


def scope_projects(session: Session, scope: Scope, *, limit: int = 50) -> list[tuple[int, str]]:
    """(id, name) of the projects that appear in the scope."""
    where: list[ColumnElement[bool]] = [
        _live(session),
        Activity.project_id.is_not(None),
    ]
    clause = _scope_clause(session, scope)
    if clause is not None:
        where.append(clause)
    ids = select(Activity.project_id).where(*where).distinct().limit(limit * 4).subquery()
    rows = session.execute(
        select(Project.id, Project.name)
        .where(Project.id.in_(select(ids.c.project_id)), Project.deleted_at.is_(None))
        .order_by(Project.name, Project.id)
        .limit(limit)
    ).all()
    return [(int(r.id), str(r.name)) for r in rows]


def scope_title(session: Session, scope: Scope) -> str:
    """A short name of the scope for headers ("Müller GmbH", "T-2026-00042 …")."""
    if scope.person_id is not None:
        person = session.get(Person, scope.person_id)
        return person.full_name if person is not None else ""
    if scope.company_id is not None:
        company = session.get(Company, scope.company_id)
        return company.name if company is not None else ""
    if scope.ticket_id is not None:
        ticket = session.get(Ticket, scope.ticket_id)
        return f"{ticket.number} {ticket.title}" if ticket is not None else ""
    if scope.project_id is not None:
        project = session.get(Project, scope.project_id)
        return project.name if project is not None else ""
    if scope.department_id is not None:
        from crm_desktop.data.models import Department

        dept = session.get(Department, scope.department_id)
        return dept.name if dept is not None else ""
    return ""
