"""Import iCalendar files into the store: invitations, updates, cancellations, replies.

:mod:`crm_desktop.interop.ical` reads the file into :class:`~crm_desktop.interop.ical.
ParsedEvent` records; this module matches them to stored appointments by UID, links
each to the person whose e-mail address is the organizer's or an attendee's, keeps
payment card numbers out (:mod:`crm_desktop.domain.cardguard`) and reports what it
skipped and why (English source texts, translated by the GUI).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from crm_desktop.clock import local_zone
from crm_desktop.data.models import (
    ActivityKind,
    Appointment,
    AppointmentStatus,
    Email,
    Person,
    appointment_attendees,
)
from crm_desktop.domain import cardguard
from crm_desktop.errors import CardNumberError
from crm_desktop.interop import ical
from crm_desktop.interop.ical import ParsedEvent

__all__ = ["ImportIcsReport", "SkippedEvent", "import_ics"]


@dataclass(frozen=True)
class SkippedEvent:
    uid: str
    title: str
    reason: str  # English source text, translated by the GUI


@dataclass
class ImportIcsReport:
    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    cancelled: list[int] = field(default_factory=list)
    skipped: list[SkippedEvent] = field(default_factory=list)
    recurring: list[int] = field(default_factory=list)  # series stored with their rule
    linked: dict[int, int] = field(default_factory=dict)  # appointment id -> person id

    def to_json(self) -> dict[str, Any]:
        return {
            "created": len(self.created),
            "updated": len(self.updated),
            "cancelled": len(self.cancelled),
            "skipped": [s.__dict__ for s in self.skipped],
            "recurring": len(self.recurring),
            "linked": len(self.linked),
            "appointment_ids": self.created + self.updated + self.cancelled,
        }


def _people_by_email(session: Session, emails: set[str]) -> dict[str, Person]:
    if not emails:
        return {}
    rows = session.execute(
        select(func.lower(Email.address), Person)
        .join(Person, Email.person_id == Person.id)
        .where(func.lower(Email.address).in_(emails), Person.deleted_at.is_(None))
        .order_by(Email.id)
    )
    out: dict[str, Person] = {}
    for addr, person in rows:
        out.setdefault(addr, person)
    return out


def _apply(
    ap: Appointment, p: ParsedEvent, person: Person | None, issues: list[SkippedEvent]
) -> None:
    assert p.start is not None and p.end is not None
    description = p.description
    try:
        cardguard.guard_all({"title": p.title, "description": description, "location": p.location})
    except CardNumberError:
        issues.append(
            SkippedEvent(
                p.uid,
                p.title,
                "The description held a payment card number and was left out.",
            )
        )
        description = ""
        if cardguard.find_card_number(p.title) or cardguard.find_card_number(p.location or ""):
            raise
    ap.title = p.title
    ap.start_at = p.start
    ap.end_at = p.end
    ap.all_day = p.all_day
    ap.location = p.location
    ap.description = description
    ap.sequence = p.sequence
    ap.status = p.status
    ap.dtstamp = p.dtstamp
    ap.recurrence = p.recurrence
    ap.recurrence_id = p.recurrence_id
    ap.organizer_email = p.organizer[0] if p.organizer else None
    organizer_name = (p.organizer[1] or None) if p.organizer else None
    if cardguard.find_card_number(organizer_name) or cardguard.find_card_number(ap.organizer_email):
        issues.append(
            SkippedEvent(
                p.uid, p.title, "The organizer held a payment card number and was left out."
            )
        )
        organizer_name = None
        ap.organizer_email = None
    ap.organizer_name = organizer_name
    if person is not None:
        ap.person_id = person.id
        ap.company_id = person.company_id


def _replace_attendees(
    session: Session,
    appointment_id: int,
    p: ParsedEvent,
    people: dict[str, Person],
    issues: list[SkippedEvent] | None = None,
) -> None:
    session.execute(
        delete(appointment_attendees).where(
            appointment_attendees.c.appointment_id == appointment_id
        )
    )
    seen: set[str] = set()
    rows = []
    for email, name, partstat in p.attendees:
        if email in seen:
            continue
        seen.add(email)
        if cardguard.find_card_number(email):
            if issues is not None:
                issues.append(
                    SkippedEvent(
                        p.uid, p.title, "An attendee held a payment card number and was left out."
                    )
                )
            continue
        if cardguard.find_card_number(name):
            if issues is not None:
                issues.append(
                    SkippedEvent(
                        p.uid,
                        p.title,
                        "An attendee's name held a payment card number and was left out.",
                    )
                )
            name = ""
        person = people.get(email)
        rows.append(
            {
                "appointment_id": appointment_id,
                "person_id": person.id if person is not None else None,
                "email": email[:254],
                "name": (name or (person.full_name if person is not None else ""))[:200],
                "partstat": (partstat or "NEEDS-ACTION")[:20],
            }
        )
    if rows:
        session.execute(insert(appointment_attendees), rows)


def _apply_reply(session: Session, p: ParsedEvent, report: ImportIcsReport) -> None:
    """METHOD:REPLY: an attendee answered our invitation; store the answer."""
    ap = session.scalar(select(Appointment).where(Appointment.uid == p.uid))
    if ap is None:
        report.skipped.append(SkippedEvent(p.uid, p.title, "A reply to an unknown appointment."))
        return
    changed = False
    for email, _name, partstat in p.attendees:
        result = session.execute(
            appointment_attendees.update()
            .where(
                appointment_attendees.c.appointment_id == ap.id,
                func.lower(appointment_attendees.c.email) == email,
            )
            .values(partstat=partstat[:20])
        )
        changed = changed or bool(getattr(result, "rowcount", 0))
    if changed:
        report.updated.append(ap.id)
    else:
        report.skipped.append(SkippedEvent(p.uid, p.title, "The reply names no attendee of ours."))


def _series_of(session: Session, p: ParsedEvent) -> Appointment | None:
    """The stored series an instance (RECURRENCE-ID) belongs to."""
    if p.series_uid is None or p.recurrence_id is None:
        return None
    return session.scalar(
        select(Appointment).where(
            Appointment.uid == p.series_uid, Appointment.recurrence.is_not(None)
        )
    )


def _outdated(p: ParsedEvent, ap: Appointment, cancelled: bool) -> str | None:
    """Why ``p`` does not replace the stored version ``ap`` (None: it does).

    RFC 5546 §2.1.5: the higher SEQUENCE wins; with equal SEQUENCE the later DTSTAMP.
    Without both DTSTAMPs an equal SEQUENCE is the same version (a cancellation of it
    still cancels)."""
    stored = ap.sequence or 0
    if p.sequence < stored:
        return "An older version of an appointment stored here."
    if p.sequence > stored:
        return None
    if p.dtstamp is not None and ap.dtstamp is not None:
        theirs, ours = p.dtstamp, ap.dtstamp
        if ours.tzinfo is None:
            ours = ours.replace(tzinfo=theirs.tzinfo)
        if theirs > ours:
            return None
        if theirs < ours:
            return "An older version of an appointment stored here."
    if cancelled:
        return None
    return "Already imported (same version)."


def import_ics(
    session: Session,
    path_or_bytes: str | Path | bytes,
    owner: str | None = None,
    *,
    zone: ZoneInfo | None = None,
) -> ImportIcsReport:
    """Import the events of an .ics file as appointments.

    An event is matched by UID: a higher SEQUENCE updates the stored appointment, and
    so does the same SEQUENCE with a later DTSTAMP (RFC 5546 §2.1.5); a cancellation
    (METHOD:CANCEL or STATUS:CANCELLED) cancels it, the same or an older version is
    skipped. A series keeps its rule (RRULE/RDATE/EXDATE); an instance with a
    RECURRENCE-ID is its own row linked to the series (a cancelled one, too: it takes
    the instance out). An event whose end cannot be read or lies before its start is
    reported, not stored. A file that cannot be read raises ImportFileError before
    anything is written.
    """
    zone = zone or local_zone()
    method, events = ical.parse_ics(path_or_bytes, zone)
    report = ImportIcsReport()
    emails = {e for p in events for e, _n, _s in p.attendees}
    emails |= {p.organizer[0] for p in events if p.organizer}
    people = _people_by_email(session, emails)
    # the series before their moved instances, which link to them
    events = sorted(events, key=lambda e: e.recurrence_id is not None)
    for p in events:
        if method == "REPLY":
            _apply_reply(session, p, report)
            continue
        if p.problem is not None or p.start is None:
            report.skipped.append(SkippedEvent(p.uid, p.title, p.problem or "No start time."))
            continue
        person: Person | None = None
        for email in ([p.organizer[0]] if p.organizer else []) + [a[0] for a in p.attendees]:
            if email in people:
                person = people[email]
                break
        existing = session.scalar(select(Appointment).where(Appointment.uid == p.uid))
        cancelled = p.status == AppointmentStatus.CANCELLED
        series = _series_of(session, p)
        if existing is None:
            if cancelled and series is None:
                report.skipped.append(
                    SkippedEvent(
                        p.uid, p.title, "A cancellation of an appointment not stored here."
                    )
                )
                continue
            ap = Appointment(uid=p.uid, owner=owner, source="import", kind=ActivityKind.MEETING)
            _apply(ap, p, person, report.skipped)
            if series is not None:
                ap.series_id = series.id
                ap.owner = series.owner
                if person is None and series.person_id is not None:
                    ap.person_id, ap.company_id = series.person_id, series.company_id
            session.add(ap)
            session.flush()
            (report.cancelled if cancelled else report.created).append(ap.id)
        else:
            ap = existing
            reason = _outdated(p, ap, cancelled)
            if reason is not None:
                report.skipped.append(SkippedEvent(p.uid, p.title, reason))
                continue
            if cancelled and ap.status == AppointmentStatus.CANCELLED:
                report.skipped.append(SkippedEvent(p.uid, p.title, "Already cancelled."))
                continue
            _apply(ap, p, person or ap.person, report.skipped)
            session.flush()
            (report.cancelled if cancelled else report.updated).append(ap.id)
        if p.attendees or existing is None:
            _replace_attendees(session, ap.id, p, people, report.skipped)
        if ap.person_id is not None:
            report.linked[ap.id] = ap.person_id
        if p.recurring:
            report.recurring.append(ap.id)
    session.flush()
    return report
