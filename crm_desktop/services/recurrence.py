"""Recurring appointments: the one place that turns stored appointments into occurrences.

A series is one :class:`~crm_desktop.data.models.Appointment` row whose ``recurrence``
holds iCalendar lines::

    DTSTART;TZID=Europe/Berlin:20260105T090000
    RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260330T070000Z
    EXDATE:20260119T080000Z

The DTSTART keeps the zone's name, so an expansion keeps the local wall time across a
change to or from summer time; EXDATE/RDATE are written in UTC (all-day series: plain
dates). A moved or cancelled instance is its own row with ``series_id`` (the series'
row) and ``recurrence_id`` (the instance's original start, UTC); it replaces that
instance. The expansion uses python-dateutil's ``rrulestr`` and only ever within the
window asked for, so an unbounded RRULE costs what the window holds.

Every reader of appointments (agenda, Today, reminders, printouts, the calendar
export's window) goes through :func:`occurrences`.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import rrule
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from crm_desktop.clock import local_zone
from crm_desktop.data.models import Appointment, Person
from crm_desktop.interop.ical import rule_text

log = logging.getLogger(__name__)

__all__ = ["Occurrence", "expand", "occurrences", "rule_lines", "rule_text"]

#: No series yields more occurrences than this in one window (a guard against FREQ=SECONDLY).
MAX_PER_SERIES = 5000


@dataclass(frozen=True)
class Occurrence:
    """One instance of an appointment in a window: a single appointment, an instance of
    a series (``recurrence_id`` its start as the rule gives it), or an override row."""

    appointment: Appointment
    start: dt.datetime
    end: dt.datetime
    recurrence_id: dt.datetime | None = None

    @classmethod
    def single(cls, ap: Appointment) -> Occurrence:
        return cls(ap, ap.start_at, max(ap.end_at, ap.start_at), ap.recurrence_id)


def _zone_of(name: str) -> dt.tzinfo:
    if name.upper() in ("UTC", "Z", "GMT"):
        return dt.UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return local_zone()


def rule_lines(text: str | None) -> list[str]:
    """The RRULE/RDATE/EXDATE lines of a stored series (what an export writes back)."""
    return [
        ln.strip()
        for ln in (text or "").splitlines()
        if ln.strip() and not ln.strip().upper().startswith("DTSTART")
    ]


def moved(text: str, new_start: dt.datetime, *, zone: ZoneInfo | None = None) -> str:
    """The series ``text`` starting at ``new_start`` instead (the appointment was moved):
    DTSTART in the series' own zone, the rule and its exceptions kept."""
    lines = text.splitlines()
    out: list[str] = []
    for line in lines:
        if not line.upper().startswith("DTSTART"):
            out.append(line)
            continue
        head = line.split(":", 1)[0]
        if ";TZID=" in head.upper():
            tz = _zone_of(head.split("=", 1)[1])
            out.append(f"{head}:{new_start.astimezone(tz).replace(tzinfo=None):%Y%m%dT%H%M%S}")
        elif line.strip().endswith("Z"):
            out.append(f"DTSTART:{_utc_text(new_start)}")
        else:
            out.append(f"DTSTART:{new_start.astimezone(zone or local_zone()):%Y%m%d}")
    return "\n".join(out)


def _utc_text(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _set(text: str) -> tuple[rrule.rruleset, bool]:
    """The rule set and whether the series is all-day (floating dates)."""
    head = next((ln for ln in text.splitlines() if ln.upper().startswith("DTSTART")), "")
    all_day = ";TZID=" not in head.upper() and not head.strip().endswith("Z")
    rules = rrule.rrulestr(text, forceset=True, tzids=_zone_of)
    assert isinstance(rules, rrule.rruleset)
    return rules, all_day


def expand(
    text: str,
    start: dt.datetime,
    end: dt.datetime,
    *,
    zone: ZoneInfo | None = None,
    limit: int = MAX_PER_SERIES,
) -> list[dt.datetime]:
    """The starts (UTC) of the series ``text`` in [start, end). An all-day series'
    dates start at midnight in ``zone``. An unreadable rule gives nothing (logged)."""
    zone = zone or local_zone()
    try:
        rules, all_day = _set(text)
        if all_day:
            lo = start.astimezone(zone).replace(tzinfo=None) - dt.timedelta(days=1)
            hi = end.astimezone(zone).replace(tzinfo=None)
        else:
            lo, hi = start, end
        out: list[dt.datetime] = []
        for moment in rules.xafter(lo, inc=True):
            if moment >= hi:
                break
            utc = (
                moment.replace(tzinfo=zone).astimezone(dt.UTC)
                if moment.tzinfo is None
                else moment.astimezone(dt.UTC)
            )
            if start <= utc < end:
                out.append(utc)
            if len(out) >= limit:
                log.warning("series expansion stopped after %d occurrences", limit)
                break
        return out
    except (ValueError, TypeError, OverflowError) as exc:
        log.warning("recurrence rule cannot be expanded (%s): %r", exc, text[:200])
        return []


def _aware(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def occurrences(
    session: Session,
    start: dt.datetime,
    end: dt.datetime,
    *where: ColumnElement[bool],
    zone: ZoneInfo | None = None,
) -> list[Occurrence]:
    """The appointments that overlap [start, end), a series once per instance in the
    window (its overrides in place of the instances they replace; EXDATEs left out).

    ``where`` narrows the rows (status, owner, ``Person.deleted_at`` — the query joins
    the appointment's person); an override that ``where`` leaves out (a cancelled
    instance, say) still removes the instance it replaces.
    """
    start, end = _aware(start), _aware(end)
    base = select(Appointment).outerjoin(Person, Appointment.person_id == Person.id).where(*where)
    singles = list(
        session.scalars(
            base.where(
                Appointment.recurrence.is_(None),
                Appointment.start_at < end,
                Appointment.end_at > start,
            ).order_by(Appointment.start_at, Appointment.id)
        )
    )
    out = [Occurrence.single(ap) for ap in singles]
    series = list(
        session.scalars(
            base.where(Appointment.recurrence.is_not(None), Appointment.start_at < end).order_by(
                Appointment.start_at, Appointment.id
            )
        )
    )
    if series:
        replaced: dict[int, set[dt.datetime]] = {}
        rows = session.execute(
            select(Appointment.series_id, Appointment.recurrence_id).where(
                Appointment.series_id.in_([s.id for s in series]),
                Appointment.recurrence_id.is_not(None),
            )
        )
        for series_id, rec in rows:
            if series_id is not None and rec is not None:
                replaced.setdefault(int(series_id), set()).add(_aware(rec))
        for ap in series:
            length = max(ap.end_at - ap.start_at, dt.timedelta(0))
            gone = replaced.get(ap.id, set())
            for at in expand(ap.recurrence or "", start - length, end, zone=zone):
                if at in gone or not (at + length > start):
                    continue
                out.append(Occurrence(ap, at, at + length, at))
    out.sort(key=lambda o: (o.start, o.appointment.id))
    return out
