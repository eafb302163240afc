"""Logging activities (calls, meetings, e-mails, letters, visits, complaints...).

:func:`log_activity` is the one way to write a conversation log: it validates, links
the activity to its person, company, ticket, project or opportunity, plans a
follow-up when asked, and opens a ticket for a complaint or service call that has
none yet. All functions work inside the caller's session (one transaction).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from crm_desktop.clock import Clock
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Company,
    Direction,
    FollowUp,
    Opportunity,
    Person,
    Project,
    Ticket,
)
from crm_desktop.domain import cardguard
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import NotFoundError, ValidationError
from crm_desktop.services import versioning

TICKET_KINDS = (ActivityKind.COMPLAINT, ActivityKind.SERVICE_CALL)


@dataclass
class ActivityInput:
    kind: ActivityKind
    subject: str = ""
    text: str = ""
    occurred_at: dt.datetime | None = None  # None: now
    person_id: int | None = None
    company_id: int | None = None  # None: the person's company
    ticket_id: int | None = None
    ticket_number: str | None = None  # resolved to the ticket
    project_id: int | None = None
    opportunity_id: int | None = None
    direction: Direction = Direction.OUTBOUND
    channel: str | None = None
    duration_minutes: int | None = None
    location: str | None = None
    owner: str | None = None
    followup_due_at: dt.datetime | None = None
    followup_kind: ActivityKind = ActivityKind.CALL
    followup_note: str = ""


def new_followup_uid() -> str:
    return "crm-followup-" + uuid.uuid4().hex


def _aware(value: dt.datetime | None, field: str) -> None:
    if value is not None and (value.tzinfo is None or value.utcoffset() is None):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The time has no time zone; please give a complete date and time."
            ),
            field=field,
        )


def _live(session: Session, model: type[Any], obj_id: int | None, label: str) -> Any:
    if obj_id is None:
        return None
    obj = session.get(model, obj_id)
    if obj is None or getattr(obj, "deleted_at", None) is not None:
        raise NotFoundError(label + " {id} does not exist.", id=obj_id)
    return obj


def log(session: Session, data: ActivityInput, *, clock: Clock) -> Activity:
    """The window's use case: :func:`log_activity` plus its undo entry (the undo moves
    the new activity to the trash). Imports call :func:`log_activity` and write none."""
    from crm_desktop.services import undo

    activity = log_activity(session, data, clock=clock)
    label = f"New activity “{activity.subject}”" if activity.subject else "New activity"
    undo.record_created(session, "activity", int(activity.id), label, clock)
    return activity


def log_activity(session: Session, data: ActivityInput, *, clock: Clock) -> Activity:
    """Validate and write one activity (plus its follow-up and, for a complaint or
    service call without a ticket, a new ticket)."""
    from crm_desktop.services import tickets

    if data.person_id is None and data.company_id is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An activity needs a person or a company."),
            field="person_id",
        )
    cardguard.guard_all(
        {
            "subject": data.subject,
            "text": data.text,
            "location": data.location,
            "followup_note": data.followup_note,
            "channel": data.channel,
        }
    )
    _aware(data.occurred_at, "occurred_at")
    _aware(data.followup_due_at, "followup_due_at")
    if data.duration_minutes is not None and data.duration_minutes < 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The duration must not be negative."),
            field="duration_minutes",
        )
    person: Person | None = _live(session, Person, data.person_id, "Person")
    _live(session, Company, data.company_id, "Company")
    _live(session, Project, data.project_id, "Project")
    _live(session, Opportunity, data.opportunity_id, "Opportunity")
    company_id = data.company_id
    if company_id is None and person is not None:
        company_id = person.company_id

    ticket_id = data.ticket_id
    if data.ticket_number and data.ticket_number.strip():
        ticket_id = tickets.ticket_by_number(session, data.ticket_number).id
    elif ticket_id is not None:
        _live(session, Ticket, ticket_id, "Ticket")

    now = clock.now()
    occurred = (data.occurred_at or now).astimezone(dt.UTC)
    subject = (data.subject or "").strip()
    if ticket_id is None and data.kind in TICKET_KINDS:
        title = subject or (data.text or "").strip().split("\n", 1)[0][:120]
        ticket = tickets.open_ticket(
            session,
            title or ("Complaint" if data.kind == ActivityKind.COMPLAINT else "Service call"),
            data.kind,
            person_id=data.person_id,
            company_id=company_id,
            description=data.text or "",
            clock=clock,
            by=data.owner or "",
        )
        ticket.opened_at = min(occurred, now)
        ticket.status_changes[0].changed_at = ticket.opened_at
        ticket_id = ticket.id

    activity = Activity(
        kind=data.kind,
        direction=data.direction,
        channel=data.channel,
        occurred_at=occurred,
        duration_minutes=data.duration_minutes,
        subject=subject[:300],
        text=data.text or "",
        location=data.location,
        owner=data.owner,
        person_id=data.person_id,
        company_id=company_id,
        ticket_id=ticket_id,
        project_id=data.project_id,
        opportunity_id=data.opportunity_id,
    )
    session.add(activity)
    session.flush()
    if data.followup_due_at is not None:
        session.add(
            FollowUp(
                uid=new_followup_uid(),
                due_at=data.followup_due_at.astimezone(dt.UTC),
                kind=data.followup_kind,
                note=data.followup_note or "",
                owner=data.owner,
                person_id=data.person_id,
                company_id=company_id,
                activity=activity,
                ticket_id=ticket_id,
                opportunity_id=data.opportunity_id,
                project_id=data.project_id,
            )
        )
        session.flush()
    return activity


def get_activity(session: Session, activity_id: int) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None or activity.deleted_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Activity {id} does not exist."), id=activity_id
        )
    return activity


ACTIVITY_FIELDS = {
    "kind",
    "subject",
    "text",
    "occurred_at",
    "person_id",
    "company_id",
    "ticket_id",
    "project_id",
    "opportunity_id",
    "direction",
    "channel",
    "duration_minutes",
    "location",
    "owner",
}


def update_activity(
    session: Session,
    activity_id: int,
    changes: dict[str, Any],
    *,
    expected_version: int | None = None,
) -> Activity:
    """Change fields of an activity; ``changes`` maps field name to the new value.
    ``expected_version``: see :mod:`crm_desktop.services.versioning`."""
    activity = get_activity(session, activity_id)
    versioning.check(session, "activity", activity, expected_version)
    unknown = set(changes) - ACTIVITY_FIELDS
    if unknown:
        raise ValueError(f"unknown activity fields: {sorted(unknown)}")
    cardguard.guard_all({k: v for k, v in changes.items() if isinstance(v, str)})
    if "occurred_at" in changes:
        if changes["occurred_at"] is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "An activity needs a date and time."),
                field="occurred_at",
            )
        _aware(changes["occurred_at"], "occurred_at")
        changes["occurred_at"] = changes["occurred_at"].astimezone(dt.UTC)
    person_id = changes.get("person_id", activity.person_id)
    company_id = changes.get("company_id", activity.company_id)
    if person_id is None and company_id is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An activity needs a person or a company."),
            field="person_id",
        )
    for key, model, label in (
        ("person_id", Person, "Person"),
        ("company_id", Company, "Company"),
        ("ticket_id", Ticket, "Ticket"),
        ("project_id", Project, "Project"),
        ("opportunity_id", Opportunity, "Opportunity"),
    ):
        if key in changes:
            _live(session, model, changes[key], label)
    if "person_id" in changes and "company_id" not in changes and person_id is not None:
        person = session.get(Person, person_id)
        if person is not None and person.company_id is not None:
            changes["company_id"] = person.company_id
    if "subject" in changes:
        changes["subject"] = (changes["subject"] or "").strip()[:300]
    for key, value in changes.items():
        setattr(activity, key, value)
    versioning.flush(session, "activity", activity)
    return activity


def delete_activity(session: Session, activity_id: int, clock: Clock) -> None:
    """Move an activity to the trash (``deleted_at``); restore brings it back."""
    activity = get_activity(session, activity_id)
    activity.deleted_at = clock.now()
    session.flush()


def restore_activity(session: Session, activity_id: int) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Activity {id} does not exist."), id=activity_id
        )
    activity.deleted_at = None
    session.flush()
    return activity


def edit_activity(
    session: Session,
    activity_id: int,
    changes: dict[str, Any],
    clock: Clock,
    *,
    expected_version: int | None = None,
) -> Activity:
    """:func:`update_activity` as one undoable change (“Edit activity “Anruf””)."""
    from crm_desktop.services import undo

    watch = undo.RowWatch(session, "activity", activity_id)
    activity = update_activity(session, activity_id, changes, expected_version=expected_version)
    name = activity.subject or activity.kind.value
    watch.record(session, f"Edit activity “{name}”", clock, structure="occurred_at" in changes)
    return activity
