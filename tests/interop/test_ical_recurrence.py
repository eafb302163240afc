"""Recurring appointments (issue #19): series from Outlook, Google and Apple are stored with
their rule, expanded within the window asked for (EXDATE, moved and cancelled instances,
local wall time across summer time), written back as RRULE/EXDATE, and the import follows
RFC 5546's SEQUENCE/DTSTAMP rule and reports broken end times."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from sqlalchemy import select

from crm_desktop.data.models import Appointment
from crm_desktop.data.store import Store, open_store
from crm_desktop.interop import ical
from crm_desktop.services import calendar as cal
from crm_desktop.services import followups as fus
from crm_desktop.services import ics_import, recurrence, sheets
from tests.conftest import SAMPLES, needs_samples

FIXTURES = Path(__file__).parent / "fixtures" / "ics"
BERLIN = ZoneInfo("Europe/Berlin")
OUTLOOK_UID = "040000008200E00074C5B7101A82E00800000000outlook-weekly"


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)  # type: ignore[misc]


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template") / "data"
    open_store(data_dir=folder).dispose()
    return folder


@pytest.fixture
def store(tmp_path: Path, _template: Path) -> Iterator[Store]:
    shutil.copytree(_template, tmp_path / "data")
    s = open_store(data_dir=tmp_path / "data", migrate_schema=False)
    yield s
    s.dispose()


def _import(store: Store, source: Path | bytes) -> ics_import.ImportIcsReport:
    with store.session() as s:
        return ics_import.import_ics(s, source, "anna", zone=BERLIN)


def _agenda(store: Store, first: dt.date, last: dt.date) -> list[fus.AgendaEntry]:
    with store.reader() as s:
        return [
            e
            for e in fus.agenda(s, first, last, "anna", zone=BERLIN, include_overdue=False)
            if e.type == "appointment"
        ]


# ---------------------------------------------------------------- import and agenda


def test_outlook_weekly_with_exdate_and_moved_instance(store: Store) -> None:
    report = _import(store, FIXTURES / "outlook_weekly_exdate_moved.ics")
    assert len(report.created) == 2 and not report.skipped
    with store.reader() as s:
        series = s.scalar(select(Appointment).where(Appointment.uid == OUTLOOK_UID))
        assert series is not None and series.recurrence is not None
        # the Windows zone name resolved; the rule keeps the zone's name for the wall time
        assert series.recurrence.startswith("DTSTART;TZID=Europe/Berlin:20260302T090000")
        assert "RRULE:FREQ=WEEKLY;COUNT=8;BYDAY=MO" in series.recurrence
        moved = s.scalar(select(Appointment).where(Appointment.series_id == series.id))
        assert moved is not None and moved.recurrence_id == utc(2026, 3, 23, 8)
    entries = _agenda(store, dt.date(2026, 3, 1), dt.date(2026, 4, 30))
    starts = [e.at for e in entries]
    assert starts == [
        utc(2026, 3, 2, 8),
        utc(2026, 3, 9, 8),
        # 16 March: EXDATE; 23 March moved to Tuesday afternoon
        utc(2026, 3, 24, 13),
        utc(2026, 3, 30, 7),  # summer time: still 09:00 in Berlin
        utc(2026, 4, 6, 7),
        utc(2026, 4, 13, 7),
        utc(2026, 4, 20, 7),
    ]
    assert entries[2].note == "Jour fixe Vertrieb (verschoben)"
    assert all(e.end_at is not None and e.end_at - e.at == dt.timedelta(hours=1) for e in entries)
    # COUNT=8 ends the series
    assert _agenda(store, dt.date(2026, 4, 21), dt.date(2026, 12, 31)) == []


def test_cancelled_instance_leaves_the_agenda(store: Store) -> None:
    _import(store, FIXTURES / "outlook_weekly_exdate_moved.ics")
    cancel = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook//EN\r\n"
        "METHOD:CANCEL\r\nBEGIN:VEVENT\r\n"
        f"UID:{OUTLOOK_UID}\r\nRECURRENCE-ID:20260330T070000Z\r\n"
        "DTSTAMP:20260301T100000Z\r\nDTSTART:20260330T070000Z\r\nDTEND:20260330T080000Z\r\n"
        "SUMMARY:Jour fixe Vertrieb\r\nSEQUENCE:1\r\nSTATUS:CANCELLED\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    report = _import(store, cancel)
    assert len(report.cancelled) == 1, report.skipped
    starts = [e.at for e in _agenda(store, dt.date(2026, 3, 28), dt.date(2026, 4, 7))]
    assert starts == [utc(2026, 4, 6, 7)]


def test_google_yearly_holidays_every_year(store: Store) -> None:
    report = _import(store, FIXTURES / "google_holidays_yearly.ics")
    assert len(report.created) == 2 and len(report.recurring) == 2
    days = [
        (e.note, e.at.astimezone(BERLIN).date(), e.all_day)
        for e in _agenda(store, dt.date(2026, 1, 1), dt.date(2028, 12, 31))
    ]
    assert days == [
        ("Tag der Deutschen Einheit", dt.date(2026, 10, 3), True),
        ("1. Weihnachtstag", dt.date(2026, 12, 25), True),
        ("Tag der Deutschen Einheit", dt.date(2027, 10, 3), True),  # UNTIL=20271003
        ("1. Weihnachtstag", dt.date(2027, 12, 25), True),
        ("1. Weihnachtstag", dt.date(2028, 12, 25), True),
    ]


def test_apple_weekly_across_dst_with_until(store: Store) -> None:
    _import(store, FIXTURES / "apple_weekly_dst_until.ics")
    entries = _agenda(store, dt.date(2026, 3, 1), dt.date(2026, 5, 31))
    assert [e.at for e in entries] == [
        utc(2026, 3, 18, 8),
        utc(2026, 3, 25, 8),
        utc(2026, 4, 1, 7),  # after the change to summer time: 09:00 local still
    ]
    assert {e.at.astimezone(BERLIN).time() for e in entries} == {dt.time(9)}


def test_unbounded_rule_expands_only_in_the_window(store: Store) -> None:
    _import(store, FIXTURES / "google_holidays_yearly.ics")
    with store.reader() as s:
        found = recurrence.occurrences(s, utc(2500, 1, 1), utc(2501, 1, 1))
    assert [o.start.astimezone(BERLIN).date() for o in found] == [dt.date(2500, 12, 25)]


def test_reminders_ring_for_each_instance(store: Store) -> None:
    _import(store, FIXTURES / "apple_weekly_dst_until.ics")

    class At:
        def __init__(self, now: dt.datetime) -> None:
            self._now = now

        def now(self) -> dt.datetime:
            return self._now

    first = utc(2026, 3, 18, 7, 50)
    with store.session() as s:
        due = fus.reminders_due(s, At(first), "anna")  # type: ignore[arg-type]
        assert [e.at for e in due] == [utc(2026, 3, 18, 8)]
        fus.mark_entries_notified(s, due, first)
    with store.reader() as s:
        assert fus.reminders_due(s, At(first), "anna") == []  # type: ignore[arg-type]
        assert fus.next_due_at(s, first, "anna") == utc(2026, 3, 25, 8) - fus.APPOINTMENT_LEAD
        week = fus.reminders_due(s, At(utc(2026, 3, 25, 7, 50)), "anna")  # type: ignore[arg-type]
        assert [e.at for e in week] == [utc(2026, 3, 25, 8)]


def test_printed_agenda_lists_the_instance(store: Store) -> None:
    _import(store, FIXTURES / "outlook_weekly_exdate_moved.ics")
    with store.reader() as s:
        day = sheets.agenda(s, dt.date(2026, 3, 30), "Europe/Berlin")
        skipped = sheets.agenda(s, dt.date(2026, 3, 16), "Europe/Berlin")
    assert [(r.at, r.subject) for r in day if r.kind == "appointment"] == [
        (utc(2026, 3, 30, 7), "Jour fixe Vertrieb")
    ]
    assert [r for r in skipped if r.kind == "appointment"] == []


# ---------------------------------------------------------------- export round trip


def test_export_writes_the_rule_back_and_icalendar_reads_it(store: Store, tmp_path: Path) -> None:
    _import(store, FIXTURES / "outlook_weekly_exdate_moved.ics")
    _import(store, FIXTURES / "google_holidays_yearly.ics")
    out = tmp_path / "out.ics"
    with store.reader() as s:
        cal.export_calendar(
            s,
            out,
            dt.date(2026, 3, 1),
            dt.date(2026, 12, 31),
            "anna",
            BERLIN,
            stamp=utc(2026, 3, 1),
        )
    parsed = icalendar.Calendar.from_ical(out.read_bytes())
    events = parsed.walk("VEVENT")
    weekly = [e for e in events if str(e["UID"]) == OUTLOOK_UID]
    assert len(weekly) == 2  # the series and its moved instance, not the expansion
    series = next(e for e in weekly if e.get("RECURRENCE-ID") is None)
    moved = next(e for e in weekly if e.get("RECURRENCE-ID") is not None)
    assert series["RRULE"]["FREQ"] == ["WEEKLY"] and series["RRULE"]["COUNT"] == [8]
    exdates = [d.dt for d in series["EXDATE"].dts]
    assert exdates == [dt.datetime(2026, 3, 16, 9, tzinfo=BERLIN)]
    assert moved["RECURRENCE-ID"].dt == dt.datetime(2026, 3, 23, 9, tzinfo=BERLIN)
    assert moved["DTSTART"].dt == dt.datetime(2026, 3, 24, 14, tzinfo=BERLIN)
    # an ORGANIZER is there: METHOD:PUBLISH is allowed
    assert str(parsed["METHOD"]) == "PUBLISH"
    christmas = next(e for e in events if "christmas" in str(e["UID"]))
    assert christmas["DTSTART"].dt == dt.date(2009, 12, 25)
    assert christmas["RRULE"]["FREQ"] == ["YEARLY"]
    # and it comes back in as the same series (same version: skipped)
    again = _import(store, out.read_bytes())
    assert not again.created


def test_round_trip_through_a_fresh_store(store: Store, tmp_path: Path, _template: Path) -> None:
    _import(store, FIXTURES / "apple_weekly_dst_until.ics")
    out = tmp_path / "apple.ics"
    with store.reader() as s:
        cal.export_calendar(s, out, owner="anna", zone=BERLIN, stamp=utc(2026, 3, 1))
    shutil.copytree(_template, tmp_path / "other")
    other = open_store(data_dir=tmp_path / "other", migrate_schema=False)
    try:
        _import(other, out)
        assert [e.at for e in _agenda(other, dt.date(2026, 3, 1), dt.date(2026, 5, 31))] == [
            utc(2026, 3, 18, 8),
            utc(2026, 3, 25, 8),
            utc(2026, 4, 1, 7),
        ]
    finally:
        other.dispose()


def test_no_method_without_organizer() -> None:
    item = ical.CalendarItem(
        uid="x@test", summary="Call", start=utc(2026, 3, 1, 9), end=utc(2026, 3, 1, 10)
    )
    assert b"METHOD" not in ical.to_ics([item], zone=BERLIN)
    with_org = ical.CalendarItem(
        uid="y@test",
        summary="Call",
        start=utc(2026, 3, 1, 9),
        end=utc(2026, 3, 1, 10),
        organizer=ical.Participant("anna@example.com", "Anna"),
    )
    data = ical.to_ics([with_org], zone=BERLIN)
    assert b"METHOD:PUBLISH" in data and b"ORGANIZER" in data


def test_feed_texts_in_the_users_language(store: Store, tmp_path: Path) -> None:
    from crm_desktop.services import contacts as c

    with store.session() as s:
        comp = c.create_company(s, c.CompanyInput(name="ACME AG"))
        person = c.create_person(
            s, c.PersonInput(given_name="Ada", family_name="Admin", company_id=comp.id)
        )
        cal.create_appointment(
            s,
            title="Besuch",
            start_at=utc(2026, 3, 3, 9),
            end_at=utc(2026, 3, 3, 10),
            person_id=person.id,
            owner="anna",
        )
    german = {"Company": "Firma", "Person": "Person"}
    path = tmp_path / "feed.ics"
    cal.write_subscription(
        store, path, owner="anna", zone=BERLIN, translate=lambda t: german.get(t, t)
    )
    text = path.read_bytes().decode()
    assert "Firma: ACME AG" in text and "Company:" not in text


# ---------------------------------------------------------------- import rules


def _version(sequence: int, stamp: str, title: str) -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\n"
        "UID:seq@example.com\r\n"
        f"DTSTAMP:{stamp}\r\nSEQUENCE:{sequence}\r\nSUMMARY:{title}\r\n"
        "DTSTART:20260310T090000Z\r\nDTEND:20260310T100000Z\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


def test_equal_sequence_later_dtstamp_updates_older_is_skipped(store: Store) -> None:
    assert _import(store, _version(2, "20260301T100000Z", "First")).created
    later = _import(store, _version(2, "20260302T100000Z", "Later"))
    assert len(later.updated) == 1
    older = _import(store, _version(2, "20260301T120000Z", "Older"))
    assert not older.updated
    assert older.skipped[0].reason == "An older version of an appointment stored here."
    same = _import(store, _version(2, "20260302T100000Z", "Same"))
    assert same.skipped[0].reason == "Already imported (same version)."
    lower = _import(store, _version(1, "20260309T100000Z", "Lower"))
    assert lower.skipped[0].reason == "An older version of an appointment stored here."
    with store.reader() as s:
        ap = s.scalar(select(Appointment).where(Appointment.uid == "seq@example.com"))
        assert ap is not None and ap.title == "Later"


def test_broken_dtend_is_reported_not_stored(store: Store) -> None:
    report = _import(store, FIXTURES / "broken_dtend.ics")
    assert len(report.created) == 1
    reasons = {s.title: s.reason for s in report.skipped}
    assert reasons == {
        "End before start": "The end lies before the start.",
        "Unreadable end": "The end time cannot be read.",
    }
    with store.reader() as s:
        titles = list(s.scalars(select(Appointment.title)))
    assert titles == ["Fine"]
    assert report.to_json()["skipped"][0]["reason"]


# ---------------------------------------------------------------- shared samples


RECURRING_SAMPLES = (
    sorted(p for p in (SAMPLES / "ics").glob("*.ics") if b"RRULE" in p.read_bytes())
    if (SAMPLES / "ics").is_dir()
    else []
)


@needs_samples
def test_shared_recurring_samples_expand(store: Store) -> None:
    if not RECURRING_SAMPLES:
        pytest.skip("no recurring .ics among the shared samples")
    for path in RECURRING_SAMPLES:
        report = _import(store, path)
        with store.reader() as s:
            for ap_id in report.recurring:
                ap = s.get(Appointment, ap_id)
                assert ap is not None and ap.recurrence, path.name
                found = recurrence.occurrences(s, ap.start_at, ap.start_at + dt.timedelta(days=60))
                mine = [o for o in found if o.appointment.id == ap_id]
                assert mine and mine[0].start == ap.start_at, path.name


def test_moving_a_series_moves_its_rule(store: Store) -> None:
    report = _import(store, FIXTURES / "apple_weekly_dst_until.ics")
    with store.session() as s:
        cal.move_appointment(
            s, report.created[0], utc(2026, 3, 18, 9), utc(2026, 3, 18, 9, 30)
        )  # 10:00 in Berlin
    entries = _agenda(store, dt.date(2026, 3, 1), dt.date(2026, 5, 31))
    assert [e.at.astimezone(BERLIN).strftime("%m-%d %H:%M") for e in entries] == [
        "03-18 10:00",
        "03-25 10:00",
        "04-01 10:00",
    ]
