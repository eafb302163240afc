"""iCalendar (RFC 5545 / iTIP RFC 5546): write events, invitations and ``mailto:``
links, and read calendar files from Outlook/Exchange, Google and Apple.

Built on the ``icalendar`` library, from and to plain dataclasses only: a
:class:`CalendarItem` per event to write, a :class:`ParsedEvent` per event read.
What they are in the store (follow-ups, appointments, attendees) is the business
of :mod:`crm_desktop.services.calendar` (export, invitations) and
:mod:`crm_desktop.services.ics_import` (import).

Export writes local times with a TZID and a matching VTIMEZONE generated from
zoneinfo (Outlook and Apple both want one), a stable UID per item, DTSTAMP,
SEQUENCE, STATUS and a DISPLAY alarm 15 minutes before. Parsing resolves Windows
zone names ("W. Europe Standard Time") and custom VTIMEZONE definitions through
icalendar's zone provider and gives times in UTC.

Human texts here (kind labels, the reminder text) are English source strings;
pass ``translate`` to localise them (the GUI passes Qt's).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

import icalendar

from crm_desktop import __version__
from crm_desktop.clock import local_zone
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.domain.kinds import ActivityKind, AppointmentStatus
from crm_desktop.errors import ImportFileError, ValidationError

PRODID = f"-//CRM Desktop//crm-desktop {__version__}//EN"
#: The reminder written with an event unless the item says otherwise.
DEFAULT_ALARM = dt.timedelta(minutes=15)

Translate = Callable[[str], str]
Method = Literal["REQUEST", "CANCEL"]


def _identity(text: str) -> str:
    return text


# English source texts for kinds; the GUI's translate() localises them (context "ical").
KIND_LABELS: dict[ActivityKind, str] = {
    ActivityKind.CALL: QT_TRANSLATE_NOOP("ical", "Call"),
    ActivityKind.MEETING: QT_TRANSLATE_NOOP("ical", "Meeting"),
    ActivityKind.EMAIL: QT_TRANSLATE_NOOP("ical", "E-mail"),
    ActivityKind.LETTER: QT_TRANSLATE_NOOP("ical", "Letter"),
    ActivityKind.VISIT: QT_TRANSLATE_NOOP("ical", "Visit"),
    ActivityKind.COMPLAINT: QT_TRANSLATE_NOOP("ical", "Complaint"),
    ActivityKind.SERVICE_CALL: QT_TRANSLATE_NOOP("ical", "Service call"),
    ActivityKind.NOTE: QT_TRANSLATE_NOOP("ical", "Note"),
}


# ---------------------------------------------------------------- export


@dataclass(frozen=True)
class CalendarItem:
    """One VEVENT to write, independent of where it came from."""

    uid: str
    summary: str
    start: dt.datetime
    end: dt.datetime
    all_day: bool = False
    description: str = ""
    location: str | None = None
    sequence: int = 0
    status: Literal["CONFIRMED", "TENTATIVE", "CANCELLED"] = "CONFIRMED"
    alarm_before: dt.timedelta | None = DEFAULT_ALARM
    categories: tuple[str, ...] = ()
    created: dt.datetime | None = None
    last_modified: dt.datetime | None = None
    #: a series: its RRULE/RDATE/EXDATE lines (EXDATE/RDATE in UTC or as dates)
    recurrence: tuple[str, ...] = ()
    #: an instance of a series moved on its own: the original start (RECURRENCE-ID)
    recurrence_id: dt.datetime | None = None
    organizer: Participant | None = None


@dataclass(frozen=True)
class Participant:
    email: str
    name: str = ""
    role: str = "REQ-PARTICIPANT"  # or OPT-PARTICIPANT, CHAIR

    @classmethod
    def of(cls, value: Participant | str) -> Participant:
        return value if isinstance(value, Participant) else cls(email=value)


_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class _Transition:
    local: dt.datetime  # naive wall-clock time under the offset before the change
    before: dt.timedelta
    after: dt.timedelta
    name: str
    dst: bool


def _transitions(zone: ZoneInfo, year: int) -> list[_Transition]:
    """The offset changes of ``zone`` in ``year`` (found by scanning, to the minute)."""
    out: list[_Transition] = []
    moment = dt.datetime(year, 1, 1, tzinfo=dt.UTC)
    end = dt.datetime(year + 1, 1, 1, tzinfo=dt.UTC)
    before = moment.astimezone(zone).utcoffset()
    day = dt.timedelta(days=1)
    while moment < end:
        nxt = moment + day
        after = nxt.astimezone(zone).utcoffset()
        if after != before:
            lo, hi = moment, nxt  # offset(lo) == before, offset(hi) != before
            while hi - lo > dt.timedelta(minutes=1):
                mid = (lo + (hi - lo) / 2).replace(second=0, microsecond=0)
                if mid <= lo:
                    mid = lo + dt.timedelta(minutes=1)
                if mid.astimezone(zone).utcoffset() == before:
                    lo = mid
                else:
                    hi = mid
            local = hi.astimezone(zone)
            assert before is not None and after is not None
            out.append(
                _Transition(
                    local=(hi + before).replace(tzinfo=None),
                    before=before,
                    after=after,
                    name=local.tzname() or "",
                    dst=bool(local.dst()),
                )
            )
            before = after
        moment = nxt
    return out


def _byday(day: dt.datetime) -> set[str]:
    wd = _WEEKDAYS[day.weekday()]
    found = {f"{(day.day - 1) // 7 + 1}{wd}"}
    if (day + dt.timedelta(days=7)).month != day.month:
        found.add(f"-1{wd}")
    return found


def _rrule_vtimezone(zone: ZoneInfo, first: int, last: int) -> icalendar.Timezone | None:
    """A compact VTIMEZONE with yearly RRULEs (the form Outlook, Apple and Google write),
    or None when the zone's rules changed within the years needed."""
    years = range(first, last + 1)
    per_year = [_transitions(zone, y) for y in years]
    tz = icalendar.Timezone()
    tz.add("TZID", zone.key)
    if all(not t for t in per_year):
        moment = dt.datetime(first, 1, 1, 12, tzinfo=zone)
        offset = moment.utcoffset()
        std = icalendar.TimezoneStandard()
        std.add("DTSTART", dt.datetime(1970, 1, 1))
        std.add("TZOFFSETFROM", offset)
        std.add("TZOFFSETTO", offset)
        std.add("TZNAME", moment.tzname() or zone.key)
        tz.add_component(std)
        return tz
    if any(len(t) != 2 for t in per_year):
        return None
    for index in (0, 1):
        changes = [t[index] for t in per_year]
        head = changes[0]
        same = all(
            (c.local.month, c.local.time(), c.before, c.after, c.dst)
            == (head.local.month, head.local.time(), head.before, head.after, head.dst)
            for c in changes
        )
        if not same:
            return None
        common = set.intersection(*(_byday(c.local) for c in changes))
        if not common:
            return None
        byday = sorted(common)[0]  # "-1SU" sorts before "5SU"
        sub = icalendar.TimezoneDaylight() if head.dst else icalendar.TimezoneStandard()
        sub.add("DTSTART", head.local)
        sub.add("RRULE", {"FREQ": "YEARLY", "BYMONTH": head.local.month, "BYDAY": byday})
        sub.add("TZOFFSETFROM", head.before)
        sub.add("TZOFFSETTO", head.after)
        sub.add("TZNAME", head.name)
        tz.add_component(sub)
    return tz


def _vtimezone(zone: ZoneInfo, items: Sequence[CalendarItem]) -> icalendar.Timezone:
    years = [i.start.astimezone(zone).year for i in items] or [dt.date.today().year]
    first, last = max(1971, min(years) - 1), min(2037, max(years) + 1)
    if last < first:
        last = first
    compact = _rrule_vtimezone(zone, first, last)
    if compact is not None:
        return compact
    # the rules changed in between: list every transition (RDATE form)
    return icalendar.Timezone.from_tzinfo(
        zone, zone.key, dt.date(first, 1, 1), dt.date(last + 1, 1, 1)
    )


def _rule_value(text: str, zone: ZoneInfo, all_day: bool) -> dt.date | dt.datetime:
    """An EXDATE/RDATE value as stored (UTC "…Z" or a date) in the export's zone."""
    text = text.strip()
    if len(text) == 8:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    moment = dt.datetime.strptime(text.rstrip("Z"), "%Y%m%dT%H%M%S").replace(tzinfo=dt.UTC)
    local = moment.astimezone(zone)
    return local.date() if all_day else local


def _add_recurrence(ev: icalendar.Event, item: CalendarItem, zone: ZoneInfo) -> None:
    for line in item.recurrence:
        head, _, value = line.partition(":")
        name = head.split(";")[0].strip().upper()
        if name == "RRULE":
            ev.add("RRULE", icalendar.vRecur.from_ical(value))
        elif name in ("EXDATE", "RDATE") and value.strip():
            values = [_rule_value(v, zone, item.all_day) for v in value.split(",")]
            ev.add(name, values)
    if item.recurrence_id is not None:
        rec = item.recurrence_id.astimezone(zone)
        ev.add("RECURRENCE-ID", rec.date() if item.all_day else rec)


def _event(
    item: CalendarItem, zone: ZoneInfo, stamp: dt.datetime, translate: Translate
) -> icalendar.Event:
    ev = icalendar.Event()
    ev.add("UID", item.uid)
    ev.add("DTSTAMP", stamp.astimezone(dt.UTC))
    if item.all_day:
        start_day = item.start.astimezone(zone).date()
        end_day = item.end.astimezone(zone).date()
        if end_day <= start_day:
            end_day = start_day + dt.timedelta(days=1)
        ev.add("DTSTART", start_day)
        ev.add("DTEND", end_day)
        ev.add("TRANSP", "TRANSPARENT")
    else:
        ev.add("DTSTART", item.start.astimezone(zone))
        ev.add("DTEND", item.end.astimezone(zone))
    ev.add("SUMMARY", item.summary)
    if item.description:
        ev.add("DESCRIPTION", item.description)
    if item.location:
        ev.add("LOCATION", item.location)
    _add_recurrence(ev, item, zone)
    if item.organizer is not None and item.organizer.email:
        ev.add("ORGANIZER", _address(item.organizer, organizer=True))
    ev.add("SEQUENCE", item.sequence)
    ev.add("STATUS", item.status)
    if item.categories:
        ev.add("CATEGORIES", list(item.categories))
    if item.created is not None:
        ev.add("CREATED", item.created.astimezone(dt.UTC))
    if item.last_modified is not None:
        ev.add("LAST-MODIFIED", item.last_modified.astimezone(dt.UTC))
    if item.alarm_before is not None and item.status != "CANCELLED":
        alarm = icalendar.Alarm()
        alarm.add("ACTION", "DISPLAY")
        alarm.add("DESCRIPTION", item.summary or translate(QT_TRANSLATE_NOOP("ical", "Reminder")))
        alarm.add("TRIGGER", -item.alarm_before)
        ev.add_component(alarm)
    return ev


def build_calendar(
    items: Iterable[CalendarItem],
    *,
    zone: ZoneInfo | None = None,
    stamp: dt.datetime | None = None,
    method: str | None = "PUBLISH",
    name: str | None = None,
    translate: Translate = _identity,
) -> icalendar.Calendar:
    """A VCALENDAR holding ``items``, with the VTIMEZONE of ``zone`` (the user's zone).

    ``METHOD:PUBLISH`` is written only when an item names its organizer (RFC 5546
    §3.2.1 wants one); a plain calendar file then has no METHOD at all."""
    zone = zone or local_zone()
    stamp = stamp or dt.datetime.now(dt.UTC)
    items = list(items)
    if method == "PUBLISH" and not any(i.organizer is not None for i in items):
        method = None
    cal = icalendar.Calendar()
    cal.add("PRODID", PRODID)
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
    if method:
        cal.add("METHOD", method)
    if name:
        cal.add("X-WR-CALNAME", name)
        cal.add("X-WR-TIMEZONE", zone.key)
    if any(not i.all_day for i in items):
        cal.add_component(_vtimezone(zone, items))
    for item in items:
        cal.add_component(_event(item, zone, stamp, translate))
    return cal


def to_ics(
    items: Iterable[CalendarItem],
    *,
    zone: ZoneInfo | None = None,
    stamp: dt.datetime | None = None,
    method: str | None = "PUBLISH",
    name: str | None = None,
    translate: Translate = _identity,
) -> bytes:
    cal = build_calendar(
        items, zone=zone, stamp=stamp, method=method, name=name, translate=translate
    )
    data: bytes = cal.to_ical()
    return data


def _address(p: Participant, *, organizer: bool) -> icalendar.vCalAddress:
    addr = icalendar.vCalAddress(f"mailto:{p.email}")
    if p.name:
        addr.params["CN"] = icalendar.vText(p.name)
    if not organizer:
        addr.params["ROLE"] = icalendar.vText(p.role)
        addr.params["PARTSTAT"] = icalendar.vText("NEEDS-ACTION")
        addr.params["RSVP"] = icalendar.vText("TRUE")
        addr.params["CUTYPE"] = icalendar.vText("INDIVIDUAL")
    return addr


def invitation(
    item: CalendarItem,
    organizer: Participant | str,
    attendees: Sequence[Participant | str],
    method: Method = "REQUEST",
    *,
    zone: ZoneInfo | None = None,
    stamp: dt.datetime | None = None,
    translate: Translate = _identity,
) -> bytes:
    """An iTIP invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL) of ``item``.

    A moved meeting is sent again as REQUEST with the same UID and a higher
    SEQUENCE; a cancellation carries STATUS:CANCELLED.
    """
    if method not in ("REQUEST", "CANCEL"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown invitation method: {method}"), method=method
        )
    org = Participant.of(organizer)
    people = [Participant.of(a) for a in attendees]
    if not people:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An invitation needs at least one attendee."),
            field="attendees",
        )
    item = replace(item, organizer=None)  # written below, with the attendees
    if method == "CANCEL":
        item = replace(item, status="CANCELLED")
    cal = build_calendar([item], zone=zone, stamp=stamp, method=method, translate=translate)
    ev = cal.walk("VEVENT")[0]
    ev.add("ORGANIZER", _address(org, organizer=True))
    for person in people:
        ev.add("ATTENDEE", _address(person, organizer=False))
    data: bytes = cal.to_ical()
    return data


def mailto_url(attendees: Sequence[Participant | str], subject: str, body: str = "") -> str:
    """A ``mailto:`` URL (RFC 6068) for "Send invitation" in the user's mail program."""
    to = ",".join(urllib.parse.quote(Participant.of(a).email, safe="@") for a in attendees)
    query: list[str] = []
    if subject:
        query.append("subject=" + urllib.parse.quote(subject, safe=""))
    if body:
        crlf = body.replace("\r\n", "\n").replace("\n", "\r\n")
        query.append("body=" + urllib.parse.quote(crlf, safe=""))
    return f"mailto:{to}" + (("?" + "&".join(query)) if query else "")


# ---------------------------------------------------------------- import


@dataclass
class ParsedEvent:
    """One VEVENT as read: times in UTC, ``problem`` set when it cannot be stored."""

    uid: str
    title: str
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    all_day: bool = False
    location: str | None = None
    description: str = ""
    sequence: int = 0
    status: AppointmentStatus = AppointmentStatus.CONFIRMED
    organizer: tuple[str, str] | None = None  # (email, name)
    attendees: list[tuple[str, str, str]] = field(default_factory=list)  # email, name, partstat
    recurring: bool = False
    problem: str | None = None
    #: a series: DTSTART (with its TZID), RRULE, RDATE and EXDATE lines
    #: (see :mod:`crm_desktop.services.recurrence`)
    recurrence: str | None = None
    #: an instance of a series (RECURRENCE-ID): the series' UID and the original start
    series_uid: str | None = None
    recurrence_id: dt.datetime | None = None
    dtstamp: dt.datetime | None = None


_BEGIN_END = re.compile(r"^(BEGIN|END):([A-Za-z0-9-]+)\s*$", re.IGNORECASE)


def _read(path_or_bytes: str | Path | bytes) -> str:
    if isinstance(path_or_bytes, bytes):
        raw = path_or_bytes
    else:
        path = Path(path_or_bytes)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ImportFileError(
                QT_TRANSLATE_NOOP("errors", "The file {path} cannot be read: {detail}"),
                path=str(path),
                detail=exc.strerror or str(exc),
            ) from exc
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError(
        QT_TRANSLATE_NOOP("errors", "The calendar file has an unknown text encoding.")
    )  # pragma: no cover


def _check_structure(text: str) -> None:
    """Refuse what is not iCalendar, and files cut off in the middle."""
    lines = [ln for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if ln.strip()]
    if not lines:
        raise ImportFileError(QT_TRANSLATE_NOOP("errors", "The calendar file is empty."))
    first = lines[0].strip().upper()
    if first not in ("BEGIN:VCALENDAR", "BEGIN:VEVENT"):
        raise ImportFileError(QT_TRANSLATE_NOOP("errors", "This is not an iCalendar (.ics) file."))
    stack: list[str] = []
    for ln in lines:
        m = _BEGIN_END.match(ln.strip())
        if not m:
            continue
        word, name = m.group(1).upper(), m.group(2).upper()
        if word == "BEGIN":
            stack.append(name)
        elif not stack or stack.pop() != name:
            raise ImportFileError(
                QT_TRANSLATE_NOOP(
                    "errors", "The calendar file is damaged: END:{name} does not match."
                ),
                name=name,
            )
    if stack:
        raise ImportFileError(
            QT_TRANSLATE_NOOP("errors", "The calendar file is incomplete (it ends inside {name})."),
            name=stack[-1],
        )


def _email_of(value: Any) -> str:
    text = str(value or "").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    return text.strip().lower()


def _param(value: Any, name: str) -> str:
    params = getattr(value, "params", None)
    if not params:
        return ""
    return str(params.get(name, "") or "")


def _to_utc(value: dt.date | dt.datetime, zone: ZoneInfo) -> tuple[dt.datetime, bool]:
    """(UTC moment, is all-day). Floating times are read in the user's zone."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
            value = value.replace(tzinfo=zone)
        return value.astimezone(dt.UTC), False
    return dt.datetime.combine(value, dt.time(0), tzinfo=zone).astimezone(dt.UTC), True


def _synthetic_uid(start: dt.datetime | None, title: str, organizer: str) -> str:
    basis = f"{start.isoformat() if start else ''}|{title}|{organizer}"
    return "import-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:32] + "@crm-desktop"


def _parse_event(ev: icalendar.Component, method: str, zone: ZoneInfo) -> ParsedEvent:
    title = str(ev.get("SUMMARY", "") or "").strip()
    parsed = ParsedEvent(uid="", title=title[:300])
    org = ev.get("ORGANIZER")
    if org is not None and _email_of(org):
        parsed.organizer = (_email_of(org), _param(org, "CN"))
    raw_att = ev.get("ATTENDEE")
    for att in raw_att if isinstance(raw_att, list) else [raw_att] if raw_att else []:
        email = _email_of(att)
        if email:
            parsed.attendees.append(
                (email, _param(att, "CN"), _param(att, "PARTSTAT").upper() or "NEEDS-ACTION")
            )
    start_prop = ev.get("DTSTART")
    if start_prop is None:
        parsed.problem = "The event has no start time."
    else:
        try:
            parsed.start, parsed.all_day = _to_utc(start_prop.dt, zone)
        except (AttributeError, TypeError, ValueError, OverflowError):
            parsed.problem = "The start time cannot be read."
    if parsed.start is not None:
        end: dt.datetime | None = None
        try:
            if ev.get("DTEND") is not None:
                end, _ = _to_utc(ev.get("DTEND").dt, zone)
            elif ev.get("DURATION") is not None:
                end = parsed.start + ev.get("DURATION").dt
        except (AttributeError, TypeError, ValueError, OverflowError):
            parsed.problem = QT_TRANSLATE_NOOP("ical", "The end time cannot be read.")
            end = None
        if ev.get("DTEND") is not None and end is None and parsed.problem is None:
            parsed.problem = QT_TRANSLATE_NOOP("ical", "The end time cannot be read.")
        if end is not None and end < parsed.start:
            parsed.problem = QT_TRANSLATE_NOOP("ical", "The end lies before the start.")
        if end is None or end <= parsed.start:
            end = parsed.start + (dt.timedelta(days=1) if parsed.all_day else dt.timedelta(0))
        parsed.end = end
    uid = str(ev.get("UID", "") or "").strip()
    if not uid:
        uid = _synthetic_uid(parsed.start, title, parsed.organizer[0] if parsed.organizer else "")
    recid = ev.get("RECURRENCE-ID")
    if recid is not None:
        parsed.series_uid = uid[:300]
        try:
            rec_at, _ = _to_utc(recid.dt, zone)
            parsed.recurrence_id = rec_at
            uid = f"{uid}/{rec_at:%Y%m%dT%H%M%SZ}"
        except (AttributeError, TypeError, ValueError):
            uid = f"{uid}/{recid}"
    parsed.uid = uid[:300]
    loc = str(ev.get("LOCATION", "") or "").strip()
    parsed.location = loc[:300] or None
    parsed.description = str(ev.get("DESCRIPTION", "") or "").strip()
    try:
        parsed.sequence = int(ev.get("SEQUENCE", 0) or 0)
    except (TypeError, ValueError):
        parsed.sequence = 0
    status = str(ev.get("STATUS", "") or "").upper()
    if method == "CANCEL" or status == "CANCELLED":
        parsed.status = AppointmentStatus.CANCELLED
    elif status == "TENTATIVE":
        parsed.status = AppointmentStatus.TENTATIVE
    parsed.recurring = ev.get("RRULE") is not None or ev.get("RDATE") is not None
    stamp = ev.get("DTSTAMP")
    if stamp is not None:
        with contextlib.suppress(AttributeError, TypeError, ValueError, OverflowError):
            parsed.dtstamp, _ = _to_utc(stamp.dt, dt.UTC)  # type: ignore[arg-type]
    if parsed.recurring and start_prop is not None and parsed.problem is None:
        try:
            parsed.recurrence = _recurrence_text(ev, start_prop.dt, zone)
        except (AttributeError, TypeError, ValueError, OverflowError, KeyError):
            parsed.recurrence = None  # stored as its first date, as listed in the report
    return parsed


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _date_values(prop: Any) -> list[dt.date | dt.datetime]:
    """The values of EXDATE/RDATE properties (one or several, each a list)."""
    out: list[dt.date | dt.datetime] = []
    for item in _as_list(prop):
        for v in getattr(item, "dts", []):
            value = v.dt
            if isinstance(value, tuple):  # an RDATE period: its start
                value = value[0]
            if isinstance(value, dt.date):
                out.append(value)
    return out


def _utc_text(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def rule_text(
    start: dt.datetime | dt.date,
    rules: Sequence[str],
    *,
    rdates: Iterable[dt.datetime | dt.date] = (),
    exdates: Iterable[dt.datetime | dt.date] = (),
    zone: ZoneInfo | None = None,
) -> str:
    """The stored text of a series starting at ``start`` (an aware time keeps its zone's
    name; a floating time is read in ``zone``; a date makes an all-day series)."""
    zone = zone or local_zone()
    lines: list[str] = []
    all_day = not isinstance(start, dt.datetime)
    if isinstance(start, dt.datetime):
        if start.tzinfo is None or start.utcoffset() is None:
            start = start.replace(tzinfo=zone)
        key = getattr(start.tzinfo, "key", None)
        if start.tzinfo is dt.UTC or key in ("UTC", "Etc/UTC"):
            lines.append(f"DTSTART:{_utc_text(start)}")
        else:
            if not key:  # a custom VTIMEZONE: the user's zone keeps the wall time
                start, key = start.astimezone(zone), zone.key
            lines.append(f"DTSTART;TZID={key}:{start.replace(tzinfo=None):%Y%m%dT%H%M%S}")
    else:
        lines.append(f"DTSTART:{start:%Y%m%d}")
    lines += [f"RRULE:{r}" for r in rules]

    def value(v: dt.datetime | dt.date) -> str:
        if all_day:
            day = v.date() if isinstance(v, dt.datetime) else v
            return f"{day:%Y%m%d}"
        if not isinstance(v, dt.datetime):
            v = dt.datetime.combine(
                v, start.time() if isinstance(start, dt.datetime) else dt.time()
            )
        if v.tzinfo is None or v.utcoffset() is None:
            v = v.replace(tzinfo=start.tzinfo if isinstance(start, dt.datetime) else zone)
        return _utc_text(v)

    lines += [f"RDATE:{value(v)}" for v in rdates]
    lines += [f"EXDATE:{value(v)}" for v in exdates]
    return "\n".join(lines)


def _recur(prop: Any) -> icalendar.vRecur:
    """An RRULE as read; a sloppy one ("BYDAY=MO, TU", as Exchange 2010 wrote) is read
    again without its blanks."""
    try:
        return icalendar.vRecur(dict(prop))
    except (
        AttributeError,
        TypeError,
        ValueError,
        KeyError,
        icalendar.error.BrokenCalendarProperty,
    ):
        raw = prop.to_ical()
        text = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
        fixed: icalendar.vRecur = icalendar.vRecur.from_ical(
            "".join(text.replace("\\", "").split())
        )
        return fixed


def _recurrence_text(ev: icalendar.Component, start: Any, zone: ZoneInfo) -> str:
    """The series as stored: DTSTART keeps its zone name, UNTIL is made UTC for a
    timed series (Apple writes it floating at times), EXDATE/RDATE become UTC."""
    all_day = not isinstance(start, dt.datetime)
    aware = start
    if isinstance(start, dt.datetime) and (start.tzinfo is None or start.utcoffset() is None):
        aware = start.replace(tzinfo=zone)
    rules: list[str] = []
    for prop in _as_list(ev.get("RRULE")):
        rule = _recur(prop)
        until = rule.get("UNTIL")
        if until:
            value = until[0] if isinstance(until, list) else until
            if all_day and isinstance(value, dt.datetime):
                value = value.date()
            elif not all_day and not isinstance(value, dt.datetime):
                value = dt.datetime.combine(value, dt.time(23, 59, 59), tzinfo=aware.tzinfo)
            elif not all_day and (value.tzinfo is None or value.utcoffset() is None):
                value = value.replace(tzinfo=aware.tzinfo)
            if isinstance(value, dt.datetime):
                value = value.astimezone(dt.UTC)
            rule["UNTIL"] = [value]
        rules.append(rule.to_ical().decode("ascii"))  # type: ignore[no-untyped-call]
    return rule_text(
        start,
        rules,
        rdates=_date_values(ev.get("RDATE")),
        exdates=_date_values(ev.get("EXDATE")),
        zone=zone,
    )


def parse_ics(
    path_or_bytes: str | Path | bytes, zone: ZoneInfo | None = None
) -> tuple[str, list[ParsedEvent]]:
    """(METHOD, events) of a calendar file; raises ImportFileError when unreadable."""
    zone = zone or local_zone()
    text = _read(path_or_bytes)
    _check_structure(text)
    try:
        components = icalendar.Calendar.from_ical(text, multiple=True)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise ImportFileError(
            QT_TRANSLATE_NOOP("errors", "The calendar file is damaged: {detail}"), detail=str(exc)
        ) from exc
    events: list[ParsedEvent] = []
    method = ""
    for comp in components:
        if comp.name == "VCALENDAR":
            method = str(comp.get("METHOD", "") or "").upper() or method
        elif comp.name != "VEVENT":
            raise ImportFileError(
                QT_TRANSLATE_NOOP("errors", "This is not an iCalendar (.ics) file.")
            )
    for comp in components:
        comp_method = str(comp.get("METHOD", "") or "").upper() if comp.name == "VCALENDAR" else ""
        for ev in comp.walk("VEVENT"):
            events.append(_parse_event(ev, comp_method or method, zone))
    return method, events
