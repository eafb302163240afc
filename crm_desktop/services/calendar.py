"""Appointments, calendar export and the calendar subscription file.

``export_calendar`` writes follow-ups and appointments as one .ics file. The
subscription file (``AppPaths.calendar_path``) is the same export of everything
open, rewritten atomically (temp file + ``os.replace``) so that a calendar
program subscribed to it never reads half a file; :func:`install_subscription`
keeps it current after every commit that touched follow-ups or appointments.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from sqlalchemy import delete, event, func, insert, or_, select
from sqlalchemy.orm import Session

from crm_desktop.clock import Clock, SystemClock, local_zone
from crm_desktop.data.models import (
    ActivityKind,
    Appointment,
    AppointmentStatus,
    Company,
    Email,
    FollowUp,
    Opportunity,
    Person,
    Project,
    Ticket,
    appointment_attendees,
)
from crm_desktop.data.search_sync import touches
from crm_desktop.data.store import Store
from crm_desktop.domain import cardguard
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ConflictError, NotFoundError, ValidationError
from crm_desktop.interop import ical
from crm_desktop.services import followups as fus
from crm_desktop.services import recurrence as rules

log = logging.getLogger(__name__)

Translate = Callable[[str], str]


# the labels of an event's description, written where lupdate sees them (not in f-strings)
_LABEL_TICKET = QT_TRANSLATE_NOOP("ical", "Ticket")
_LABEL_OPPORTUNITY = QT_TRANSLATE_NOOP("ical", "Opportunity")
_LABEL_PROJECT = QT_TRANSLATE_NOOP("ical", "Project")
_LABEL_PERSON = QT_TRANSLATE_NOOP("ical", "Person")
_LABEL_COMPANY = QT_TRANSLATE_NOOP("ical", "Company")
_LABEL_PHONE = QT_TRANSLATE_NOOP("ical", "Phone")


def _identity(text: str) -> str:
    return text


# ---------------------------------------------------------------- appointments


def _aware(value: dt.datetime, field: str) -> dt.datetime:
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The time needs a time zone."), field=field
        )
    return value.astimezone(dt.UTC)


def get_appointment(session: Session, appointment_id: int) -> Appointment:
    ap = session.get(Appointment, appointment_id)
    if ap is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Appointment {id} does not exist."), id=appointment_id
        )
    return ap


def _guard_participants(people: Sequence[ical.Participant]) -> None:
    """No card number in an attendee's or the organizer's name or address."""
    for p in people:
        cardguard.guard(p.name, "attendee")
        cardguard.guard(p.email, "email")


def create_appointment(
    session: Session,
    *,
    title: str,
    start_at: dt.datetime,
    end_at: dt.datetime,
    kind: ActivityKind = ActivityKind.MEETING,
    location: str | None = None,
    description: str = "",
    person_id: int | None = None,
    company_id: int | None = None,
    owner: str | None = None,
    all_day: bool = False,
    attendees: Sequence[ical.Participant] = (),
) -> Appointment:
    title = (title or "").strip()
    if not title:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An appointment needs a title."), field="title"
        )
    start, end = _aware(start_at, "start_at"), _aware(end_at, "end_at")
    if end < start:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The end lies before the start."), field="end_at"
        )
    cardguard.guard_all({"title": title, "description": description, "location": location})
    _guard_participants(attendees)
    if person_id is not None:
        person = session.get(Person, person_id)
        if person is None or person.deleted_at is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The person does not exist."), field="person_id"
            )
        company_id = company_id if company_id is not None else person.company_id
    ap = Appointment(
        uid=fus.new_uid(),
        title=title[:300],
        start_at=start,
        end_at=end,
        all_day=all_day,
        kind=kind,
        location=(location or "").strip() or None,
        description=description or "",
        person_id=person_id,
        company_id=company_id,
        owner=owner,
        sequence=0,
        source="local",
        status=AppointmentStatus.CONFIRMED,
    )
    session.add(ap)
    session.flush()
    if attendees:
        session.execute(
            insert(appointment_attendees),
            [
                {
                    "appointment_id": ap.id,
                    "person_id": None,
                    "email": a.email,
                    "name": a.name,
                    "partstat": "NEEDS-ACTION",
                }
                for a in attendees
            ],
        )
    return ap


def move_appointment(
    session: Session, appointment_id: int, start_at: dt.datetime, end_at: dt.datetime
) -> Appointment:
    """Move an appointment; the new SEQUENCE makes invitations an update, not a copy."""
    ap = get_appointment(session, appointment_id)
    if ap.status == AppointmentStatus.CANCELLED:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "This appointment was cancelled."))
    start, end = _aware(start_at, "start_at"), _aware(end_at, "end_at")
    if end < start:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The end lies before the start."), field="end_at"
        )
    if ap.recurrence:  # a series: its rule starts at the new time too
        ap.recurrence = rules.moved(ap.recurrence, start)
    ap.start_at, ap.end_at = start, end
    ap.sequence = (ap.sequence or 0) + 1
    ap.notified_at = None
    session.flush()
    return ap


def cancel_appointment(session: Session, appointment_id: int) -> Appointment:
    ap = get_appointment(session, appointment_id)
    if ap.status != AppointmentStatus.CANCELLED:
        ap.status = AppointmentStatus.CANCELLED
        ap.sequence = (ap.sequence or 0) + 1
        session.flush()
    return ap


def attendees_of(session: Session, appointment_id: int) -> list[ical.Participant]:
    rows = session.execute(
        select(appointment_attendees.c.email, appointment_attendees.c.name)
        .where(appointment_attendees.c.appointment_id == appointment_id)
        .order_by(appointment_attendees.c.id)
    )
    return [ical.Participant(email=e, name=n or "") for e, n in rows]


def attendee_answers(session: Session, appointment_id: int) -> list[tuple[ical.Participant, str]]:
    """The attendees in the order they were added, each with their answer (PARTSTAT)."""
    rows = session.execute(
        select(
            appointment_attendees.c.email,
            appointment_attendees.c.name,
            appointment_attendees.c.partstat,
        )
        .where(appointment_attendees.c.appointment_id == appointment_id)
        .order_by(appointment_attendees.c.id)
    )
    return [(ical.Participant(email=e, name=n or ""), p) for e, n, p in rows]


def set_organizer(
    session: Session, appointment_id: int, organizer: ical.Participant
) -> Appointment:
    """Store who organises the appointment (its e-mail and name; empty ones as NULL)
    and return the appointment as stored."""
    ap = get_appointment(session, appointment_id)
    ap.organizer_email = organizer.email or None
    ap.organizer_name = organizer.name or None
    session.flush()
    return ap


def stored(session: Session, appointment_id: int) -> Appointment:
    """The appointment with every pending change written (sequence, times), e.g. for
    the invitation file that follows a save."""
    session.flush()
    return get_appointment(session, appointment_id)


def set_attendees(
    session: Session, appointment_id: int, attendees: Sequence[ical.Participant]
) -> bool:
    """Replace the attendee list of an appointment (answers already received are kept
    for addresses that stay; attendees are linked to the person with that address).
    True when the set of addresses changed."""
    get_appointment(session, appointment_id)
    table = appointment_attendees
    old = {
        str(e).lower(): (str(n or ""), str(p or "NEEDS-ACTION"))
        for e, n, p in session.execute(
            select(table.c.email, table.c.name, table.c.partstat).where(
                table.c.appointment_id == appointment_id
            )
        )
    }
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for a in attendees:
        key = a.email.strip().lower()
        if not key or key in seen:
            continue
        seen.add(key)
        rows.append(
            {
                "appointment_id": appointment_id,
                "person_id": None,
                "email": a.email.strip()[:254],
                "name": (a.name or old.get(key, ("", ""))[0])[:200],
                "partstat": old.get(key, ("", "NEEDS-ACTION"))[1][:20],
            }
        )
    if seen:
        linked = session.execute(
            select(func.lower(Email.address), Email.person_id)
            .join(Person, Email.person_id == Person.id)
            .where(func.lower(Email.address).in_(seen), Person.deleted_at.is_(None))
            .order_by(Email.id)
        )
        people: dict[str, int] = {}
        for addr, pid in linked:
            people.setdefault(str(addr), int(pid))
        for row in rows:
            row["person_id"] = people.get(row["email"].lower())
    session.execute(delete(table).where(table.c.appointment_id == appointment_id))
    if rows:
        session.execute(insert(table), rows)
    return seen != set(old)


def update_appointment(
    session: Session,
    appointment_id: int,
    *,
    title: str,
    location: str | None = None,
    description: str = "",
    person_id: int | None = None,
    all_day: bool = False,
    organizer: ical.Participant | None = None,
    attendees: Sequence[ical.Participant] | None = None,
    bump_sequence: bool = True,
) -> bool:
    """Change what an appointment is about (its time: :func:`move_appointment`).

    Returns True when something the participants see changed (title, location,
    description, all-day, the attendee list); then SEQUENCE goes up (unless
    ``bump_sequence`` is False, e.g. because a move in the same unit of work
    raised it already), so that a new invitation updates the old one.
    """
    ap = get_appointment(session, appointment_id)
    if ap.status == AppointmentStatus.CANCELLED:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "This appointment was cancelled."))
    title = (title or "").strip()
    if not title:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An appointment needs a title."), field="title"
        )
    cardguard.guard_all({"title": title, "description": description, "location": location})
    _guard_participants([*(attendees or ()), *([organizer] if organizer else [])])
    if person_id is not None and person_id != ap.person_id:
        person = session.get(Person, person_id)
        if person is None or person.deleted_at is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The person does not exist."), field="person_id"
            )
        ap.company_id = person.company_id
    ap.person_id = person_id
    new_location = (location or "").strip() or None
    significant = (
        ap.title != title[:300]
        or ap.location != new_location
        or (ap.description or "") != (description or "")
        or bool(ap.all_day) != all_day
    )
    ap.title = title[:300]
    ap.location = new_location
    ap.description = description or ""
    ap.all_day = all_day
    if organizer is not None:
        ap.organizer_email = organizer.email or None
        ap.organizer_name = organizer.name or None
    if attendees is not None:
        significant = set_attendees(session, appointment_id, attendees) or significant
    if significant and bump_sequence:
        ap.sequence = (ap.sequence or 0) + 1
    session.flush()
    return significant


def edit_appointment(
    session: Session,
    appointment_id: int,
    *,
    clock: Clock,
    move_to: tuple[dt.datetime, dt.datetime] | None = None,
    title: str,
    location: str | None = None,
    description: str = "",
    person_id: int | None = None,
    all_day: bool = False,
    organizer: ical.Participant | None = None,
    attendees: Sequence[ical.Participant] | None = None,
) -> bool:
    """Save the appointment dialog of a stored appointment (its time when ``move_to``
    is given, then :func:`update_appointment`) as one undoable change, its list of
    attendees included. Returns what :func:`update_appointment` returns."""
    from crm_desktop.services import undo

    watch = undo.RowWatch(session, "appointment", appointment_id, lists=("attendees",))
    people_before = attendee_answers(session, appointment_id)
    if move_to is not None:
        move_appointment(session, appointment_id, *move_to)
    changed = update_appointment(
        session,
        appointment_id,
        title=title,
        location=location,
        description=description,
        person_id=person_id,
        all_day=all_day,
        organizer=organizer,
        attendees=attendees,
        bump_sequence=move_to is None,
    )
    name = get_appointment(session, appointment_id).title
    if attendee_answers(session, appointment_id) == people_before:
        label = f"Edit appointment “{name}”"
    else:
        label = f"Change attendees of “{name}”"
    watch.record(session, label, clock, structure=move_to is not None)
    return changed


def new_appointment(
    session: Session,
    *,
    clock: Clock,
    title: str,
    start_at: dt.datetime,
    end_at: dt.datetime,
    organizer: ical.Participant,
    attendees: Sequence[ical.Participant] = (),
    **details: Any,
) -> Appointment:
    """:func:`create_appointment` with its organizer and attendees, from the appointment
    dialog, as one undoable change: an appointment has no trash, so the undo cancels
    it (kept for the record, SEQUENCE up), the redo makes it confirmed again."""
    from crm_desktop.services import undo

    ap = create_appointment(session, title=title, start_at=start_at, end_at=end_at, **details)
    set_organizer(session, ap.id, organizer)
    set_attendees(session, ap.id, attendees)
    undo.record_created(session, "appointment", ap.id, f"New appointment “{ap.title}”", clock)
    return ap


def call_off(
    session: Session,
    appointment_id: int,
    clock: Clock,
    *,
    organizer: ical.Participant | None = None,
) -> Appointment:
    """:func:`cancel_appointment` (and the organizer the cancellation goes out with) as
    one undoable change: the undo makes it confirmed again, SEQUENCE counts on."""
    from crm_desktop.services import undo

    watch = undo.RowWatch(session, "appointment", appointment_id)
    ap = cancel_appointment(session, appointment_id)
    if organizer is not None:
        ap = set_organizer(session, ap.id, organizer)
    watch.record(session, f"Cancel appointment “{ap.title}”", clock, structure=True)
    return ap


# ---------------------------------------------------------------- export


def _context_lines(session: Session, fu: FollowUp, translate: Translate) -> list[str]:
    lines: list[str] = []
    if fu.ticket_id is not None and (t := session.get(Ticket, fu.ticket_id)) is not None:
        lines.append(translate(_LABEL_TICKET) + f": {t.number} {t.title}")
    if fu.opportunity_id is not None and (o := session.get(Opportunity, fu.opportunity_id)):
        lines.append(translate(_LABEL_OPPORTUNITY) + f": {o.title}")
    if fu.project_id is not None and (p := session.get(Project, fu.project_id)) is not None:
        lines.append(translate(_LABEL_PROJECT) + f": {p.name}")
    return lines


# ---------------------------------------------------------------- calendar items

#: How long a follow-up lasts in a calendar program.
FOLLOWUP_DURATION = dt.timedelta(minutes=15)


def _who(entry: fus.AgendaEntry) -> str:
    if entry.person and entry.company:
        return f"{entry.person} ({entry.company})"
    return entry.person or entry.company


def _description(entry: fus.AgendaEntry, context: Sequence[str], translate: Translate) -> str:
    lines: list[str] = []
    if entry.type == "followup" and entry.note:
        lines += [entry.note, ""]
    if entry.type == "appointment" and entry.note:
        pass  # the title is the summary already
    if entry.person:
        lines.append(translate(_LABEL_PERSON) + f": {entry.person}")
    if entry.company:
        lines.append(translate(_LABEL_COMPANY) + f": {entry.company}")
    if entry.phone:
        lines.append(translate(_LABEL_PHONE) + f": {entry.phone}")
    lines += list(context)
    if entry.last_activity:
        label = translate(QT_TRANSLATE_NOOP("ical", "Last contact"))
        lines.append(f"{label}: {entry.last_activity}")
    return "\n".join(lines).strip()


def followup_item(
    fu: FollowUp,
    entry: fus.AgendaEntry,
    *,
    context: Sequence[str] = (),
    translate: Translate = _identity,
) -> ical.CalendarItem:
    """A follow-up as a short event at its (effective) due time."""
    label = translate(ical.KIND_LABELS.get(fu.kind, QT_TRANSLATE_NOOP("ical", "Follow-up")))
    who = _who(entry)
    note = fu.note or (
        translate(QT_TRANSLATE_NOOP("ical", "Contact interval reached"))
        if fu.auto_reason == "interval"
        else ""
    )
    summary = " ".join(x for x in (label, who) if x)
    if note:
        summary = f"{summary}: {note}"
    start = fu.effective_due
    return ical.CalendarItem(
        uid=fu.uid,
        summary=summary,
        start=start,
        end=start + FOLLOWUP_DURATION,
        description=_description(entry, context, translate),
        sequence=fu.sequence or 0,
        status="CANCELLED" if fu.cancelled_at is not None else "CONFIRMED",
        alarm_before=fus.APPOINTMENT_LEAD,
        categories=(translate(QT_TRANSLATE_NOOP("ical", "Follow-up")),),
        created=fu.created_at,
        last_modified=fu.updated_at,
    )


def appointment_item(
    ap: Appointment,
    entry: fus.AgendaEntry | None = None,
    *,
    context: Sequence[str] = (),
    translate: Translate = _identity,
    series_uid: str | None = None,
    exdates: Sequence[dt.datetime] = (),
) -> ical.CalendarItem:
    """An appointment as one VEVENT: a series with its RRULE/RDATE/EXDATE (``exdates``:
    instances cancelled on their own, added as EXDATE), an instance moved on its own
    under the series' UID (``series_uid``) with its RECURRENCE-ID."""
    desc = ap.description or ""
    if entry is not None:
        extra = _description(entry, context, translate)
        desc = "\n\n".join(x for x in (desc.strip(), extra) if x)
    status: Literal["CONFIRMED", "TENTATIVE", "CANCELLED"] = {
        AppointmentStatus.CONFIRMED: "CONFIRMED",
        AppointmentStatus.TENTATIVE: "TENTATIVE",
        AppointmentStatus.CANCELLED: "CANCELLED",
    }[ap.status]  # type: ignore[assignment]
    recurrence = tuple(rules.rule_lines(ap.recurrence))
    if exdates and recurrence:
        if ap.all_day:
            days = sorted({d.astimezone(local_zone()).date() for d in exdates})
            values = [f"{d:%Y%m%d}" for d in days]
        else:
            values = [f"{d.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}" for d in sorted(exdates)]
        recurrence += tuple(f"EXDATE:{v}" for v in values)
    organizer = (
        ical.Participant(ap.organizer_email, ap.organizer_name or "")
        if ap.organizer_email
        else None
    )
    return ical.CalendarItem(
        uid=series_uid or ap.uid,
        summary=ap.title,
        start=ap.start_at,
        end=max(ap.end_at, ap.start_at),
        all_day=ap.all_day,
        description=desc,
        location=ap.location,
        sequence=ap.sequence or 0,
        status=status,
        alarm_before=None if ap.all_day else fus.APPOINTMENT_LEAD,
        created=ap.created_at,
        last_modified=ap.updated_at,
        recurrence=recurrence,
        recurrence_id=ap.recurrence_id if series_uid else None,
        organizer=organizer,
    )


def invitation(
    appointment: Appointment,
    organizer: ical.Participant | str,
    attendees: Sequence[ical.Participant | str],
    method: ical.Method = "REQUEST",
    *,
    zone: ZoneInfo | None = None,
    stamp: dt.datetime | None = None,
    translate: Translate = _identity,
) -> bytes:
    """The iTIP invitation (REQUEST) or cancellation (CANCEL) of a stored appointment.

    A moved meeting is sent again as REQUEST with the same UID and the higher
    SEQUENCE :func:`update_appointment` gave it.
    """
    return ical.invitation(
        appointment_item(appointment, translate=translate),
        organizer,
        attendees,
        method,
        zone=zone,
        stamp=stamp,
        translate=translate,
    )


def calendar_items(
    session: Session,
    *,
    from_date: dt.date | None = None,
    to_date: dt.date | None = None,
    owner: str | None = None,
    zone: ZoneInfo | None = None,
    include_cancelled: bool = False,
    translate: Translate = _identity,
) -> list[ical.CalendarItem]:
    """Open follow-ups and appointments (in the local-day window, when given)."""
    zone = zone or local_zone()
    start = end = None
    if from_date is not None:
        start = fus.day_bounds(from_date, from_date, zone)[0]
    if to_date is not None:
        end = fus.day_bounds(to_date, to_date, zone)[1]
    if start is not None and end is not None and end <= start:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The end date lies before the start date."), field="to"
        )

    eff = func.coalesce(FollowUp.snoozed_until, FollowUp.due_at)
    fq = (
        select(FollowUp)
        .outerjoin(Person, FollowUp.person_id == Person.id)
        .where(
            FollowUp.done_at.is_(None),
            or_(FollowUp.person_id.is_(None), Person.deleted_at.is_(None)),
        )
        .order_by(eff, FollowUp.id)
    )
    if not include_cancelled:
        fq = fq.where(FollowUp.cancelled_at.is_(None))
    aq = (
        select(Appointment)
        .outerjoin(Person, Appointment.person_id == Person.id)
        .where(or_(Appointment.person_id.is_(None), Person.deleted_at.is_(None)))
        .order_by(Appointment.start_at, Appointment.id)
    )
    if not include_cancelled:
        aq = aq.where(Appointment.status != AppointmentStatus.CANCELLED)
    if owner is not None:
        fq = fq.where(or_(FollowUp.owner.is_(None), FollowUp.owner == owner))
        aq = aq.where(or_(Appointment.owner.is_(None), Appointment.owner == owner))
    if start is not None:
        fq = fq.where(eff >= start)
    if end is not None:
        fq = fq.where(eff < end)
    followups = list(session.scalars(fq))
    appointments = _window(session, aq, start, end)
    entries = {e.key: e for e in fus.entries_for(session, followups, appointments)}
    items: list[ical.CalendarItem] = []
    for fu in followups:
        items.append(
            followup_item(
                fu,
                entries[("followup", fu.id)],
                context=_context_lines(session, fu, translate),
                translate=translate,
            )
        )
    # a series is written once with its rule (not its expansion); an instance moved on
    # its own follows it under the series' UID, a cancelled one becomes an EXDATE
    by_id = {ap.id: ap for ap in appointments}
    cancelled: dict[int, list[dt.datetime]] = {}
    moved: set[int] = set()
    if any(ap.recurrence for ap in appointments):
        overrides = session.scalars(
            select(Appointment).where(
                Appointment.series_id.in_([a.id for a in appointments if a.recurrence]),
                Appointment.recurrence_id.is_not(None),
            )
        )
        for ov in overrides:
            if ov.status == AppointmentStatus.CANCELLED and ov.recurrence_id is not None:
                cancelled.setdefault(int(ov.series_id or 0), []).append(ov.recurrence_id)
                moved.add(ov.id)
    for ap in appointments:
        if ap.id in moved and not include_cancelled:
            continue
        master = by_id.get(ap.series_id) if ap.series_id is not None else None
        if ap.id in moved and master is not None:
            continue  # an EXDATE of its series
        items.append(
            appointment_item(
                ap,
                entries[("appointment", ap.id)],
                translate=translate,
                series_uid=master.uid if master is not None and master.recurrence else None,
                exdates=cancelled.get(ap.id, ()),
            )
        )
    items.sort(key=lambda i: (i.start, i.uid))
    return items


def _window(
    session: Session,
    query: Any,
    start: dt.datetime | None,
    end: dt.datetime | None,
) -> list[Appointment]:
    """The appointments of ``query`` that meet [start, end): single ones by their
    times, a series when one of its instances (or an instance moved on its own) does."""
    if start is None and end is None:
        return list(session.scalars(query))
    lo = start or dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
    hi = end or dt.datetime(2200, 1, 1, tzinfo=dt.UTC)
    singles = query.where(Appointment.recurrence.is_(None), Appointment.end_at >= lo)
    singles = singles.where(Appointment.start_at < hi)
    found = list(session.scalars(singles))
    series = list(
        session.scalars(query.where(Appointment.recurrence.is_not(None), Appointment.start_at < hi))
    )
    moved_in = {a.series_id for a in found if a.series_id is not None}
    for ap in series:
        length = max(ap.end_at - ap.start_at, dt.timedelta(0))
        if ap.id in moved_in or rules.expand(ap.recurrence or "", lo - length, hi):
            found.append(ap)
    found.sort(key=lambda a: (a.start_at, a.id))
    return found


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def export_calendar(
    session: Session,
    out_path: str | os.PathLike[str],
    from_date: dt.date | None = None,
    to_date: dt.date | None = None,
    owner: str | None = None,
    zone: ZoneInfo | None = None,
    *,
    stamp: dt.datetime | None = None,
    translate: Translate = _identity,
) -> int:
    """Write open follow-ups and appointments to ``out_path``; returns the event count."""
    zone = zone or local_zone()
    items = calendar_items(
        session,
        from_date=from_date,
        to_date=to_date,
        owner=owner,
        zone=zone,
        translate=translate,
    )
    data = ical.to_ics(items, zone=zone, stamp=stamp, translate=translate)
    _atomic_write(Path(out_path), data)
    return len(items)


def write_subscription(
    store: Store,
    path: str | os.PathLike[str],
    *,
    owner: str | None = None,
    zone: ZoneInfo | None = None,
    clock: Clock | None = None,
    translate: Translate = _identity,
) -> int:
    """Rewrite the subscription file atomically: everything open, cancellations included
    (so that subscribed calendars drop them). ``owner`` defaults to the store's owner."""
    zone = zone or local_zone()
    owner = owner if owner is not None else store.owner
    stamp = (clock or SystemClock()).now()
    with store.reader() as session:
        items = calendar_items(
            session, owner=owner, zone=zone, include_cancelled=True, translate=translate
        )
    data = ical.to_ics(items, zone=zone, stamp=stamp, name="CRM Desktop", translate=translate)
    _atomic_write(Path(path), data)
    return len(items)


class SubscriptionWriter:
    """Keeps the subscription file current: after every commit that added, changed or
    removed a follow-up or appointment (or the names of their people and companies), the
    file is rewritten. Call :meth:`close` to stop.

    With ``background=True`` (the window) the file is written by a worker thread, a
    moment after the commit and once for a burst of commits: on a large store the file
    takes seconds to write, and saving a person must not wait for it."""

    WATCHED = (FollowUp, Appointment, Person, Company)
    # what the calendar shows of people and companies (a priority change is not in it)
    NAME_ATTRIBUTES: dict[type, tuple[str, ...]] = {
        Person: ("title", "given_name", "family_name", "nickname", "company_id", "deleted_at"),
        Company: ("name", "deleted_at"),
    }
    DELAY = 1.0  # seconds a background write waits for more commits

    def __init__(
        self,
        store: Store,
        path: str | os.PathLike[str],
        *,
        owner: str | None = None,
        zone: ZoneInfo | None = None,
        clock: Clock | None = None,
        translate: Translate = _identity,
        background: bool = False,
    ) -> None:
        self.store = store
        self.path = Path(path)
        self.owner = owner
        self.zone = zone
        self.clock = clock
        self.translate = translate
        self.background = background
        self.writes = 0
        self.last_error: Exception | None = None
        self._lock = threading.Lock()
        self._pending = False
        self._worker: threading.Thread | None = None
        self._closed = False
        event.listen(store.factory, "after_flush", self._after_flush)
        event.listen(store.factory, "after_commit", self._after_commit)

    def _after_flush(self, session: Session, _ctx: Any) -> None:
        for obj in [*session.new, *session.deleted]:
            if isinstance(obj, self.WATCHED):
                session.info["calendar_dirty"] = True
                return
        for obj in session.dirty:
            if isinstance(obj, self.WATCHED) and touches(obj, self.NAME_ATTRIBUTES):
                session.info["calendar_dirty"] = True
                return

    def _after_commit(self, session: Session) -> None:
        if not session.info.pop("calendar_dirty", False):
            return
        self.request()

    def request(self) -> None:
        """Write now, or (in the background) soon."""
        if not self.background:
            self.write()
            return
        with self._lock:
            if self._closed:
                return
            self._pending = True
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(
                    target=self._work, name="calendar-subscription", daemon=True
                )
                self._worker.start()

    def _work(self) -> None:
        while True:
            time.sleep(self.DELAY)  # let a burst of commits pass
            with self._lock:
                if not self._pending or self._closed:
                    self._worker = None
                    return
                self._pending = False
            self.write()

    def wait(self, timeout: float = 30.0) -> bool:
        """Until no background write is due or running (tests, quitting); True when idle."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                worker = self._worker
                idle = not self._pending and (worker is None or not worker.is_alive())
            if idle:
                return True
            time.sleep(0.05)
        return False

    def write(self) -> None:
        try:
            write_subscription(
                self.store,
                self.path,
                owner=self.owner,
                zone=self.zone,
                clock=self.clock,
                translate=self.translate,
            )
            self.writes += 1
            self.last_error = None
        except Exception as exc:  # never let a calendar file break a save
            self.last_error = exc
            log.warning("calendar subscription not written: %s", exc)

    def close(self) -> None:
        event.remove(self.store.factory, "after_flush", self._after_flush)
        event.remove(self.store.factory, "after_commit", self._after_commit)
        with self._lock:
            self._closed = True
            self._pending = False


def install_subscription(
    store: Store, path: str | os.PathLike[str], **kwargs: Any
) -> SubscriptionWriter:
    """Write the subscription file now (in the background with ``background=True``)
    and after every relevant change."""
    writer = SubscriptionWriter(store, path, **kwargs)
    writer.request()
    return writer
