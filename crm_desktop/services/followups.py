"""Follow-ups (Wiedervorlagen): create, find what is due, snooze, reschedule, done.

All functions take an open session; the caller owns the unit of work. Times are
aware datetimes (UTC in the store). "Due" means the *effective* due moment:
``snoozed_until`` when set, else ``due_at``.

Owner rule (team backend): a follow-up or appointment without an owner is
everybody's; one with an owner is only shown to that owner. Passing
``owner=None`` to a query means "no filter".

Notification bookkeeping: ``notified_at`` records when a reminder was shown. An
item needs a (new) reminder while it is open and ``notified_at`` is empty or older
than its effective due moment (a snooze or reschedule therefore rings again). An
item that came due while the program was closed has never been notified and so
rings at the next start; one that rang but was not handled stays in the agenda as
overdue, it does not ring a second time.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, TypedDict
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from crm_desktop.clock import Clock, SystemClock, local_zone
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Appointment,
    AppointmentStatus,
    Company,
    FollowUp,
    Opportunity,
    Person,
    Phone,
    Project,
    Ticket,
    display_name,
)
from crm_desktop.domain import cardguard
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ConflictError, NotFoundError, ValidationError
from crm_desktop.services.recurrence import Occurrence, occurrences

#: How long before an appointment its reminder rings (and the exported VALARM).
APPOINTMENT_LEAD = dt.timedelta(minutes=15)
#: The reason stored on follow-ups created by :func:`ensure_interval_followups`.
INTERVAL_REASON = "interval"

SnoozePreset = Literal["10min", "1h", "tomorrow"]
SNOOZE_PRESETS: tuple[SnoozePreset, ...] = ("10min", "1h", "tomorrow")
TOMORROW_HOUR = 9

EntryType = Literal["followup", "appointment"]


# ---------------------------------------------------------------- result rows


@dataclass(frozen=True)
class AgendaEntry:
    """One line of the agenda or one reminder: a follow-up or an appointment.

    Detached from any session, so the GUI can keep it after the session closed.
    ``at`` is the effective due moment (follow-ups) or the start (appointments), UTC.
    """

    type: EntryType
    id: int
    uid: str
    at: dt.datetime
    kind: ActivityKind
    note: str
    person_id: int | None = None
    person: str = ""
    company_id: int | None = None
    company: str = ""
    phone: str | None = None
    last_activity: str = ""
    end_at: dt.datetime | None = None
    location: str | None = None
    overdue: bool = False
    snoozed: bool = False
    auto_reason: str | None = None
    all_day: bool = False

    @property
    def key(self) -> tuple[str, int]:
        return (self.type, self.id)

    @property
    def reminder_at(self) -> dt.datetime:
        """When the reminder for this entry rings."""
        if self.type == "appointment" and not self.all_day:
            return self.at - APPOINTMENT_LEAD
        return self.at

    def to_json(self) -> dict[str, object]:
        return {
            "type": self.type,
            "id": self.id,
            "due_at": self.at.isoformat(),
            "kind": self.kind.value,
            "note": self.note,
            "person_id": self.person_id,
            "person": self.person,
            "company_id": self.company_id,
            "company": self.company,
            "phone": self.phone,
            "overdue": self.overdue,
        }


# ---------------------------------------------------------------- helpers


def _aware(value: dt.datetime, field: str) -> dt.datetime:
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The time needs a time zone."), field=field
        )
    return value.astimezone(dt.UTC)


def _effective_due() -> ColumnElement[dt.datetime]:
    return func.coalesce(FollowUp.snoozed_until, FollowUp.due_at).label("effective_due")


def _owner_filter(
    column: InstrumentedAttribute[str | None], owner: str | None
) -> list[ColumnElement[bool]]:
    if owner is None:
        return []
    return [or_(column.is_(None), column == owner)]


def _open_followups(owner: str | None) -> list[ColumnElement[bool]]:
    return [
        FollowUp.done_at.is_(None),
        FollowUp.cancelled_at.is_(None),
        or_(FollowUp.person_id.is_(None), Person.deleted_at.is_(None)),
        *_owner_filter(FollowUp.owner, owner),
    ]


def new_uid() -> str:
    """A stable, globally unique iCalendar UID."""
    return f"{uuid.uuid4()}@crm-desktop"


def get_followup(session: Session, followup_id: int) -> FollowUp:
    fu = session.get(FollowUp, followup_id)
    if fu is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Follow-up {id} does not exist."), id=followup_id
        )
    return fu


def _open(session: Session, followup_id: int) -> FollowUp:
    fu = get_followup(session, followup_id)
    if fu.cancelled_at is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "This follow-up was cancelled."))
    if fu.done_at is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "This follow-up is already done."))
    return fu


# ---------------------------------------------------------------- create


def create_followup(
    session: Session,
    *,
    due_at: dt.datetime,
    kind: ActivityKind | str = ActivityKind.CALL,
    note: str = "",
    person_id: int | None = None,
    company_id: int | None = None,
    activity_id: int | None = None,
    ticket_id: int | None = None,
    opportunity_id: int | None = None,
    project_id: int | None = None,
    owner: str | None = None,
    auto_reason: str | None = None,
) -> FollowUp:
    """Create an open follow-up. The company is taken from the person when not given."""
    due = _aware(due_at, "due_at")
    try:
        kind = ActivityKind(kind)
    except ValueError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown kind of follow-up: {kind}"),
            field="kind",
            kind=kind,
        ) from exc
    note = (note or "").strip()
    cardguard.guard(note, "note")
    if person_id is not None:
        person = session.get(Person, person_id)
        if person is None or person.deleted_at is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The person does not exist."), field="person_id"
            )
        if company_id is None:
            company_id = person.company_id
    if company_id is not None:
        comp = session.get(Company, company_id)
        if comp is None or comp.deleted_at is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The company does not exist."), field="company_id"
            )
    for model, value, name in (
        (Activity, activity_id, "activity_id"),
        (Ticket, ticket_id, "ticket_id"),
        (Opportunity, opportunity_id, "opportunity_id"),
        (Project, project_id, "project_id"),
    ):
        if value is not None and session.get(model, value) is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The linked record does not exist."), field=name
            )
    fu = FollowUp(
        uid=new_uid(),
        due_at=due,
        kind=kind,
        note=note,
        owner=owner,
        person_id=person_id,
        company_id=company_id,
        activity_id=activity_id,
        ticket_id=ticket_id,
        opportunity_id=opportunity_id,
        project_id=project_id,
        auto_reason=auto_reason,
        sequence=0,
    )
    session.add(fu)
    session.flush()
    return fu


# ---------------------------------------------------------------- entries


def _first_phones(
    session: Session, person_ids: set[int], company_ids: set[int]
) -> dict[tuple[str, int], str]:
    """{("person"|"company", id): first E.164 number}."""
    found: dict[tuple[str, int], str] = {}
    if person_ids:
        rows = session.execute(
            select(Phone.person_id, Phone.number)
            .where(Phone.person_id.in_(person_ids))
            .order_by(Phone.id)
        )
        for pid, number in rows:
            if pid is not None:
                found.setdefault(("person", pid), number)
    if company_ids:
        rows = session.execute(
            select(Phone.company_id, Phone.number)
            .where(Phone.company_id.in_(company_ids))
            .order_by(Phone.id)
        )
        for cid, number in rows:
            if cid is not None:
                found.setdefault(("company", cid), number)
    return found


def _last_activities(session: Session, person_ids: set[int]) -> dict[int, str]:
    if not person_ids:
        return {}
    latest = (
        select(Activity.person_id, func.max(Activity.occurred_at).label("last"))
        .where(Activity.person_id.in_(person_ids), Activity.deleted_at.is_(None))
        .group_by(Activity.person_id)
        .subquery()
    )
    rows = session.execute(
        select(Activity.person_id, Activity.subject, Activity.text, Activity.id)
        .join(
            latest,
            and_(
                Activity.person_id == latest.c.person_id,
                Activity.occurred_at == latest.c.last,
            ),
        )
        .where(Activity.deleted_at.is_(None))
        .order_by(Activity.id)
    )
    out: dict[int, str] = {}
    for pid, subject, text, _aid in rows:
        if pid is None:
            continue
        parts = [p.strip() for p in (subject or "", text or "") if p and p.strip()]
        summary = (
            ": ".join(parts)
            if len(parts) == 2 and parts[0] != parts[1]
            else parts[0]
            if parts
            else ""
        )
        out[pid] = " ".join(summary.split())[:200]
    return out


class _Links(TypedDict):
    person_id: int | None
    person: str
    company_id: int | None
    company: str
    phone: str | None
    last_activity: str


def _entries(
    session: Session,
    followups: Sequence[FollowUp],
    appointments: Sequence[Appointment | Occurrence],
    now: dt.datetime | None,
) -> list[AgendaEntry]:
    instances = [a if isinstance(a, Occurrence) else Occurrence.single(a) for a in appointments]
    links = [(x.person_id, x.company_id) for x in followups] + [
        (o.appointment.person_id, o.appointment.company_id) for o in instances
    ]
    person_ids = {p for p, _ in links if p is not None}
    company_ids = {c for _, c in links if c is not None}
    # names only, as plain rows: the Today page at 100k people lists thousands of entries
    people: dict[int, tuple[str, int | None]] = {}
    if person_ids:
        rows = session.execute(
            select(
                Person.id,
                Person.title,
                Person.given_name,
                Person.family_name,
                Person.nickname,
                Person.company_id,
            ).where(Person.id.in_(person_ids))
        )
        for pid, title, given, family, nickname, person_company in rows:
            people[pid] = (display_name(title, given, family, nickname), person_company)
    company_ids |= {c for _, c in people.values() if c is not None}
    companies: dict[int, str] = {}
    if company_ids:
        named = session.execute(select(Company.id, Company.name).where(Company.id.in_(company_ids)))
        for company_id, name in named:
            companies[company_id] = name
    phones = _first_phones(session, person_ids, company_ids)
    last = _last_activities(session, person_ids)

    def common(pid: int | None, cid: int | None) -> _Links:
        person = people.get(pid) if pid is not None else None
        if cid is None and person is not None:
            cid = person[1]
        company = companies.get(cid) if cid is not None else None
        phone = phones.get(("person", pid)) if pid is not None else None
        if phone is None and cid is not None:
            phone = phones.get(("company", cid))
        return _Links(
            {
                "person_id": pid,
                "person": person[0] if person is not None else "",
                "company_id": cid,
                "company": company if company is not None else "",
                "phone": phone,
                "last_activity": last.get(pid, "") if pid is not None else "",
            }
        )

    out: list[AgendaEntry] = []
    for fu in followups:
        at = fu.effective_due
        out.append(
            AgendaEntry(
                type="followup",
                id=fu.id,
                uid=fu.uid,
                at=at,
                kind=fu.kind,
                note=fu.note,
                overdue=now is not None and at < now,
                snoozed=fu.snoozed_until is not None,
                auto_reason=fu.auto_reason,
                **common(fu.person_id, fu.company_id),
            )
        )
    for occ in instances:
        ap = occ.appointment
        out.append(
            AgendaEntry(
                type="appointment",
                id=ap.id,
                uid=ap.uid,
                at=occ.start,
                end_at=occ.end,
                kind=ap.kind,
                note=ap.title,
                location=ap.location,
                all_day=ap.all_day,
                overdue=False,
                **common(ap.person_id, ap.company_id),
            )
        )
    out.sort(key=lambda e: (e.at, e.type, e.id))
    return out


def entries_for(
    session: Session,
    followups: Sequence[FollowUp] = (),
    appointments: Sequence[Appointment | Occurrence] = (),
    now: dt.datetime | None = None,
) -> list[AgendaEntry]:
    """Agenda entries (names, phone, last activity) for the given records (an
    :class:`~crm_desktop.services.recurrence.Occurrence` gives its own start and end)."""
    return _entries(session, followups, appointments, now)


# ---------------------------------------------------------------- queries


def _due_followups(
    session: Session, now: dt.datetime, owner: str | None, unnotified_only: bool
) -> list[FollowUp]:
    eff = func.coalesce(FollowUp.snoozed_until, FollowUp.due_at)
    conditions = [*_open_followups(owner), eff <= now]
    if unnotified_only:
        conditions.append(or_(FollowUp.notified_at.is_(None), FollowUp.notified_at < eff))
    stmt = (
        select(FollowUp)
        .outerjoin(Person, FollowUp.person_id == Person.id)
        .where(*conditions)
        .order_by(eff, FollowUp.id)
    )
    return list(session.scalars(stmt))


def due_now(
    session: Session,
    clock: Clock,
    owner: str | None = None,
    *,
    unnotified_only: bool = False,
) -> list[AgendaEntry]:
    """Open follow-ups whose effective due moment has come (due and overdue)."""
    now = clock.now()
    return _entries(session, _due_followups(session, now, owner, unnotified_only), [], now)


def _appointments_query(owner: str | None) -> list[ColumnElement[bool]]:
    return [
        Appointment.status != AppointmentStatus.CANCELLED,
        or_(Appointment.person_id.is_(None), Person.deleted_at.is_(None)),
        *_owner_filter(Appointment.owner, owner),
    ]


def reminders_due(session: Session, clock: Clock, owner: str | None = None) -> list[AgendaEntry]:
    """What should ring now and has not rung yet: due follow-ups, and appointments
    starting within :data:`APPOINTMENT_LEAD` (until they end)."""
    now = clock.now()
    fus = _due_followups(session, now, owner, unnotified_only=True)
    apps = [
        occ
        for occ in occurrences(
            session,
            now,
            now + APPOINTMENT_LEAD + dt.timedelta(microseconds=1),
            *_appointments_query(owner),
            Appointment.all_day.is_(False),
        )
        if _unrung(occ)
    ]
    return _entries(session, fus, apps, now)


def _unrung(occ: Occurrence) -> bool:
    """Whether the reminder of this instance has not rung: a single appointment rings
    once; an instance of a series when the series last rang before this one's time."""
    notified = occ.appointment.notified_at
    if notified is None:
        return True
    if occ.appointment.recurrence is None:
        return False
    return _as_utc(notified) < occ.start - APPOINTMENT_LEAD


#: How far ahead :func:`next_due_at` looks for the next instance of a series.
SERIES_HORIZON = dt.timedelta(days=400)


def next_due_at(
    session: Session, after: dt.datetime, owner: str | None = None
) -> dt.datetime | None:
    """The next moment after ``after`` at which something rings (for arming one timer)."""
    after = _aware(after, "after")
    eff = func.coalesce(FollowUp.snoozed_until, FollowUp.due_at)
    fu_next = session.execute(
        select(func.min(eff))
        .select_from(FollowUp)
        .outerjoin(Person, FollowUp.person_id == Person.id)
        .where(*_open_followups(owner), eff > after)
    ).scalar_one_or_none()
    ap_next = session.execute(
        select(func.min(Appointment.start_at))
        .select_from(Appointment)
        .outerjoin(Person, Appointment.person_id == Person.id)
        .where(
            *_appointments_query(owner),
            Appointment.all_day.is_(False),
            Appointment.notified_at.is_(None),
            Appointment.recurrence.is_(None),
            Appointment.start_at > after + APPOINTMENT_LEAD,
        )
    ).scalar_one_or_none()
    # series: their next instance within the horizon (expanded only there)
    if session.scalar(
        select(func.count()).select_from(Appointment).where(Appointment.recurrence.is_not(None))
    ):
        lo = after + APPOINTMENT_LEAD + dt.timedelta(microseconds=1)
        for occ in occurrences(
            session,
            lo,
            lo + SERIES_HORIZON,
            *_appointments_query(owner),
            Appointment.all_day.is_(False),
            Appointment.recurrence.is_not(None),
        ):
            if occ.start >= lo and _unrung(occ):
                ap_next = occ.start if ap_next is None else min(_as_utc(ap_next), occ.start)
                break
    candidates: list[dt.datetime] = []
    if fu_next is not None:
        candidates.append(_as_utc(fu_next))
    if ap_next is not None:
        candidates.append(_as_utc(ap_next) - APPOINTMENT_LEAD)
    return min(candidates) if candidates else None


def day_bounds(
    day_from: dt.date, day_to: dt.date, zone: ZoneInfo | None = None
) -> tuple[dt.datetime, dt.datetime]:
    """[start of day_from, start of the day after day_to) in the user's zone, as UTC."""
    zone = zone or local_zone()
    start = dt.datetime.combine(day_from, dt.time(0), tzinfo=zone).astimezone(dt.UTC)
    end = dt.datetime.combine(day_to + dt.timedelta(days=1), dt.time(0), tzinfo=zone)
    return start, end.astimezone(dt.UTC)


def agenda(
    session: Session,
    day_from: dt.date,
    day_to: dt.date,
    owner: str | None = None,
    *,
    zone: ZoneInfo | None = None,
    now: dt.datetime | None = None,
    include_overdue: bool = True,
) -> list[AgendaEntry]:
    """Follow-ups and appointments from ``day_from`` to ``day_to`` (local days, inclusive).

    With ``include_overdue`` open follow-ups due before ``day_from`` are listed too
    (flagged ``overdue``; "overdue" is measured against ``now``, default the start
    of ``day_from``).
    """
    if day_to < day_from:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The end date lies before the start date."), field="day_to"
        )
    start, end = day_bounds(day_from, day_to, zone)
    now = now or start
    eff = func.coalesce(FollowUp.snoozed_until, FollowUp.due_at)
    window = [eff < end] if include_overdue else [eff >= start, eff < end]
    fus = list(
        session.scalars(
            select(FollowUp)
            .outerjoin(Person, FollowUp.person_id == Person.id)
            .where(*_open_followups(owner), *window)
            .order_by(eff, FollowUp.id)
        )
    )
    apps = occurrences(session, start, end, *_appointments_query(owner), zone=zone)
    return _entries(session, fus, apps, now)


# ---------------------------------------------------------------- actions


def mark_done(session: Session, followup_id: int, clock: Clock) -> FollowUp:
    """Close a follow-up as done. Doing it twice changes nothing."""
    fu = get_followup(session, followup_id)
    if fu.cancelled_at is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "This follow-up was cancelled."))
    if fu.done_at is None:
        fu.done_at = clock.now()
        session.flush()
    return fu


def snooze(session: Session, followup_id: int, until: dt.datetime) -> FollowUp:
    """Push the reminder to ``until``; the original due date stays for the record."""
    fu = _open(session, followup_id)
    fu.snoozed_until = _aware(until, "until")
    fu.notified_at = None
    session.flush()
    return fu


def snooze_target(
    preset: SnoozePreset | str, now: dt.datetime, zone: ZoneInfo | None = None
) -> dt.datetime:
    """The moment a snooze preset points to: "10min", "1h", or "tomorrow" (09:00 local)."""
    now = _aware(now, "now")
    if preset == "10min":
        return now + dt.timedelta(minutes=10)
    if preset == "1h":
        return now + dt.timedelta(hours=1)
    if preset == "tomorrow":
        zone = zone or local_zone()
        day = now.astimezone(zone).date() + dt.timedelta(days=1)
        return dt.datetime.combine(day, dt.time(TOMORROW_HOUR), tzinfo=zone).astimezone(dt.UTC)
    raise ValidationError(
        QT_TRANSLATE_NOOP("errors", "Unknown snooze choice: {preset}"),
        field="preset",
        preset=preset,
    )


def reschedule(session: Session, followup_id: int, new_due: dt.datetime) -> FollowUp:
    """Move a follow-up to a new due moment (a new iCalendar SEQUENCE)."""
    fu = _open(session, followup_id)
    fu.due_at = _aware(new_due, "due_at")
    fu.snoozed_until = None
    fu.notified_at = None
    fu.sequence = (fu.sequence or 0) + 1
    session.flush()
    return fu


def cancel(session: Session, followup_id: int, clock: Clock | None = None) -> FollowUp:
    """Cancel a follow-up (kept for the record, exported as STATUS:CANCELLED)."""
    fu = get_followup(session, followup_id)
    if fu.done_at is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "This follow-up is already done."))
    if fu.cancelled_at is None:
        fu.cancelled_at = (clock or SystemClock()).now()
        fu.sequence = (fu.sequence or 0) + 1
        session.flush()
    return fu


def mark_notified(
    session: Session, followup_id: int, at: dt.datetime, *, appointment: bool = False
) -> None:
    """Record that the reminder for a follow-up (or appointment) was shown."""
    at = _aware(at, "at")
    if appointment:
        ap = session.get(Appointment, followup_id)
        if ap is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Appointment {id} does not exist."), id=followup_id
            )
        ap.notified_at = at
    else:
        get_followup(session, followup_id).notified_at = at
    session.flush()


def mark_entries_notified(
    session: Session, entries: Iterable[AgendaEntry], at: dt.datetime
) -> None:
    for entry in entries:
        mark_notified(session, entry.id, at, appointment=entry.type == "appointment")


# ---------------------------------------------------------------- contact intervals


def ensure_interval_followups(session: Session, clock: Clock) -> list[FollowUp]:
    """Give every person whose contact interval has run out one open follow-up.

    The interval counts from the last activity with the person, the last interval
    follow-up done, or the person's creation, whichever is latest. While an
    interval follow-up is open no second one is made.
    """
    now = clock.now()
    # only people with a rhythm: their last contacts come from the (person, time) index
    rhythmic = select(Person.id).where(
        Person.contact_interval_days.is_not(None), Person.deleted_at.is_(None)
    )
    last_activity = (
        select(Activity.person_id, func.max(Activity.occurred_at).label("last"))
        .where(Activity.deleted_at.is_(None), Activity.person_id.in_(rhythmic))
        .group_by(Activity.person_id)
        .subquery()
    )
    last_done = (
        select(FollowUp.person_id, func.max(FollowUp.done_at).label("done"))
        .where(FollowUp.auto_reason == INTERVAL_REASON, FollowUp.done_at.is_not(None))
        .group_by(FollowUp.person_id)
        .subquery()
    )
    open_interval = select(FollowUp.id).where(
        FollowUp.person_id == Person.id,
        FollowUp.auto_reason == INTERVAL_REASON,
        FollowUp.done_at.is_(None),
        FollowUp.cancelled_at.is_(None),
    )
    rows = session.execute(
        select(
            Person.id,
            Person.created_at,
            Person.contact_interval_days,
            Person.contact_interval_kind,
            Person.owner,
            last_activity.c.last,
            last_done.c.done,
        )
        .outerjoin(last_activity, last_activity.c.person_id == Person.id)
        .outerjoin(last_done, last_done.c.person_id == Person.id)
        .where(
            Person.contact_interval_days.is_not(None),
            Person.contact_interval_days > 0,
            Person.deleted_at.is_(None),
            Person.anonymized_at.is_(None),
            ~open_interval.exists(),
        )
        .order_by(Person.id)
    ).all()
    created: list[FollowUp] = []
    for person_id, created_at, interval, interval_kind, owner, last, done in rows:
        moments = [created_at] + [_as_utc(v) for v in (last, done) if v is not None]
        since = max(m for m in moments if m is not None)
        due = since + dt.timedelta(days=interval or 0)
        if due > now:
            continue
        created.append(
            create_followup(
                session,
                due_at=due,
                kind=interval_kind or ActivityKind.CALL,
                note="",
                person_id=person_id,
                owner=owner,
                auto_reason=INTERVAL_REASON,
            )
        )
    return created


def _as_utc(value: dt.datetime | str) -> dt.datetime:
    if isinstance(value, str):  # aggregates over SQLite come back as text
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


# ---------------------------------------------------------------- undoable use cases of the window


def complete(session: Session, followup_id: int, clock: Clock) -> FollowUp:
    """:func:`mark_done` as one undoable change (from Today, the agenda, the notice)."""
    from crm_desktop.services import undo

    watch = undo.RowWatch(session, "followup", followup_id)
    fu = mark_done(session, followup_id, clock)
    watch.record(session, "Mark follow-up done", clock, structure=True)
    return fu


def postpone(session: Session, followup_id: int, until: dt.datetime, clock: Clock) -> FollowUp:
    """:func:`snooze` as one undoable change."""
    from crm_desktop.services import undo

    watch = undo.RowWatch(session, "followup", followup_id)
    fu = snooze(session, followup_id, until)
    watch.record(session, "Snooze follow-up", clock, structure=True)
    return fu


def move_due(session: Session, followup_id: int, new_due: dt.datetime, clock: Clock) -> FollowUp:
    """:func:`reschedule` as one undoable change."""
    from crm_desktop.services import undo

    watch = undo.RowWatch(session, "followup", followup_id)
    fu = reschedule(session, followup_id, new_due)
    watch.record(session, "Reschedule follow-up", clock, structure=True)
    return fu


def call_off(session: Session, followup_id: int, clock: Clock) -> FollowUp:
    """:func:`cancel` as one undoable change."""
    from crm_desktop.services import undo

    watch = undo.RowWatch(session, "followup", followup_id)
    fu = cancel(session, followup_id, clock)
    watch.record(session, "Cancel follow-up", clock, structure=True)
    return fu


def plan(
    session: Session,
    *,
    due_at: dt.datetime,
    kind: ActivityKind,
    note: str,
    person_id: int,
    owner: str | None,
    clock: Clock,
) -> FollowUp:
    """:func:`create_followup` from the follow-up dialog as one undoable change (the
    undo cancels it, the redo takes the cancellation back)."""
    from crm_desktop.services import undo

    fu = create_followup(
        session, due_at=due_at, kind=kind, note=note, person_id=person_id, owner=owner
    )
    undo.record_created(session, "followup", fu.id, "Plan follow-up", clock)
    return fu
