"""Importing .ics files written by real programs (Exchange, Google, Apple) and our own
invitations; broken files store nothing."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, func, select

from crm_desktop.data.models import Appointment, AppointmentStatus, appointment_attendees
from crm_desktop.data.store import Store, open_store
from crm_desktop.errors import ImportFileError
from crm_desktop.interop import ical
from crm_desktop.services import calendar as cal
from crm_desktop.services import contacts as c
from crm_desktop.services import ics_import
from tests.conftest import SAMPLES, needs_samples

ICS = SAMPLES / "ics"
BERLIN = ZoneInfo("Europe/Berlin")

# ---------------------------------------------------------------- fast stores
# A migrated SQLite template per module, copied for each test: the same real store
# file as the shared fixture, without running the migrations for every test.


@pytest.fixture(scope="module")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template") / "data"
    open_store(data_dir=folder).dispose()
    return folder


@pytest.fixture
def sqlite_store(tmp_path: Path, _sqlite_template: Path) -> Iterator[Store]:
    shutil.copytree(_sqlite_template, tmp_path / "data")
    store = open_store(data_dir=tmp_path / "data", migrate_schema=False)
    yield store
    store.dispose()


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)  # type: ignore[misc]


def _person(store: Store, email: str, given: str = "Ada", family: str = "Admin") -> int:
    with store.session() as s:
        comp = c.create_company(s, c.CompanyInput(name="ACME AG"))
        return c.create_person(
            s,
            c.PersonInput(
                given_name=given,
                family_name=family,
                company_id=comp.id,
                emails=[c.EmailInput(email)],
            ),
        ).id


def _import(
    store: Store, source: Path | bytes, owner: str | None = "anna"
) -> ics_import.ImportIcsReport:
    with store.session() as s:
        return ics_import.import_ics(s, source, owner, zone=BERLIN)


@pytest.fixture(scope="module")
def module_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(data_dir=tmp_path_factory.mktemp("ics") / "data")
    yield store
    store.dispose()


@pytest.fixture
def empty_store(module_store: Store) -> Store:
    """One store for the sample files (fast), emptied of appointments before each test."""
    with module_store.session() as s:
        s.execute(delete(appointment_attendees))
        s.execute(delete(Appointment))
    return module_store


def _only(store: Store) -> Appointment:
    with store.reader() as s:
        (ap,) = s.scalars(select(Appointment)).all()
        s.expunge(ap)
        return ap


# (file, title, start UTC, end UTC, location, recurring)
SAMPLE_EVENTS = [
    (
        "alarm_google_future.ics",
        "event with alarms",
        utc(2024, 10, 4, 18, 15),
        utc(2024, 10, 4, 19, 0),
        None,
        False,
    ),
    (
        "issue_101_icalendar_chokes_on_umlauts_in_organizer.ics",
        "wichtiger termin 1",
        utc(2013, 4, 16, 10),
        utc(2013, 4, 16, 11),
        "im büro",
        False,
    ),
    (  # Exchange CDO, a custom VTIMEZONE named "GMT +0100 (Standard) / GMT +0200 (Daylight)"
        "issue_165_missing_event.ics",
        "Sprint 25 Daily Standup",
        utc(2015, 7, 3, 8, 0),
        utc(2015, 7, 3, 8, 30),
        None,
        True,
    ),
    (  # Exchange 2010, Windows zone name, 17:00 EDT
        "issue_836_do_not_quote_tzid.ics",
        "Anonymous Test Event for TZID",
        utc(2024, 10, 28, 21, 0),
        utc(2024, 10, 28, 22, 0),
        None,
        False,
    ),
    (  # Exchange 2010, "Pacific Standard Time", 12:00 PST
        "timezone_same_start.ics",
        "Test 4",
        utc(2017, 2, 24, 20, 0),
        utc(2017, 2, 24, 20, 30),
        None,
        False,
    ),
    (  # Google, Europe/Zurich in summer time, an Apple structured location
        "x_location.ics",
        "Daily Sync",
        utc(2016, 10, 28, 12, 0),
        utc(2016, 10, 28, 12, 30),
        "Roadstar 16\n12764 Happyville\nDenmark",
        True,
    ),
]


@pytest.mark.parametrize(
    ("name", "title", "start", "end", "location", "recurring"),
    SAMPLE_EVENTS,
    ids=[e[0] for e in SAMPLE_EVENTS],
)
@needs_samples
def test_sample_files_import(
    empty_store: Store,
    name: str,
    title: str,
    start: dt.datetime,
    end: dt.datetime,
    location: str | None,
    recurring: bool,
) -> None:
    report = _import(empty_store, ICS / name)
    assert len(report.created) == 1 and not report.skipped
    ap = _only(empty_store)
    assert ap.title == title
    assert ap.start_at == start and ap.end_at == end
    assert ap.location == location
    assert ap.owner == "anna" and ap.source == "import"
    assert ap.status == AppointmentStatus.CONFIRMED
    assert bool(report.recurring) == recurring
    # importing the same file again changes nothing
    again = _import(empty_store, ICS / name)
    assert not again.created and not again.updated
    assert [s.reason for s in again.skipped] == ["Already imported (same version)."]


@needs_samples
def test_exchange_event_without_uid_gets_a_stable_one(sqlite_store: Store) -> None:
    _import(sqlite_store, ICS / "issue_165_missing_event.ics")
    uid = _only(sqlite_store).uid
    assert uid.startswith("import-") and uid.endswith("@crm-desktop")
    _import(sqlite_store, (ICS / "issue_165_missing_event.ics").read_bytes())
    assert _only(sqlite_store).uid == uid


@needs_samples
def test_organizer_with_umlauts_links_the_person(sqlite_store: Store) -> None:
    person_id = _person(sqlite_store, "Adm-Acme@MyDomain.de")
    report = _import(sqlite_store, ICS / "issue_101_icalendar_chokes_on_umlauts_in_organizer.ics")
    ap = _only(sqlite_store)
    assert ap.organizer_email == "adm-acme@mydomain.de"
    assert ap.organizer_name == "acme, ädmin"
    assert ap.person_id == person_id and ap.company_id is not None
    assert report.linked == {ap.id: person_id}


@needs_samples
def test_event_without_start_is_skipped_with_reason(sqlite_store: Store) -> None:
    person_id = _person(sqlite_store, "someone@example.com")
    report = _import(sqlite_store, ICS / "event_with_rsvp.ics")
    assert not report.created
    (skip,) = report.skipped
    assert skip.reason == "The event has no start time."
    with sqlite_store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Appointment)) == 0
    assert person_id  # the attendee exists, but there is nothing to link


def test_windows_zone_name_without_vtimezone(sqlite_store: Store) -> None:
    data = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:Microsoft Exchange Server 2010\r\n"
        "METHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:win-zone-1\r\nSUMMARY:Abstimmung\r\n"
        "DTSTART;TZID=W. Europe Standard Time:20260330T140000\r\n"
        "DTEND;TZID=W. Europe Standard Time:20260330T150000\r\n"
        "DTSTAMP:20260301T000000Z\r\n"
        "ORGANIZER;CN=Max Müller:mailto:max@mueller.example\r\n"
        "ATTENDEE;CN=Anna;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:anna@ich.example\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    _import(sqlite_store, data)
    ap = _only(sqlite_store)
    assert ap.start_at == utc(2026, 3, 30, 12)  # 14:00 CEST, the day after the switch


def test_floating_and_all_day_times_use_the_users_zone(sqlite_store: Store) -> None:
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
        b"BEGIN:VEVENT\r\nUID:floating\r\nSUMMARY:Floating\r\n"
        b"DTSTART:20261124T140000\r\nDURATION:PT45M\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:allday\r\nSUMMARY:Messe\r\n"
        b"DTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261203\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n"
    )
    report = _import(sqlite_store, data)
    assert len(report.created) == 2
    with sqlite_store.reader() as s:
        floating = s.scalar(select(Appointment).where(Appointment.uid == "floating"))
        allday = s.scalar(select(Appointment).where(Appointment.uid == "allday"))
        assert floating is not None and allday is not None
        assert floating.start_at == utc(2026, 11, 24, 13) and floating.end_at == utc(
            2026, 11, 24, 13, 45
        )
        assert allday.all_day and allday.start_at == utc(2026, 11, 30, 23)
        assert allday.end_at == utc(2026, 12, 2, 23)


def test_own_invitation_round_trip_update_cancel_reply(sqlite_store: Store, tmp_path: Path) -> None:
    """Our REQUEST, its update and its CANCEL, read by a second installation."""
    with sqlite_store.session() as s:
        ap = cal.create_appointment(
            s,
            title="Angebotsbesprechung",
            start_at=dt.datetime(2026, 12, 3, 10, tzinfo=BERLIN),
            end_at=dt.datetime(2026, 12, 3, 11, tzinfo=BERLIN),
        )
        organizer = ical.Participant("ich@beispiel.example", "Ich")
        guests = [ical.Participant("max@mueller.example", "Max Müller")]
        first = cal.invitation(ap, organizer, guests)
        moved = cal.move_appointment(
            s,
            ap.id,
            dt.datetime(2026, 12, 4, 10, tzinfo=BERLIN),
            dt.datetime(2026, 12, 4, 11, tzinfo=BERLIN),
        )
        update = cal.invitation(moved, organizer, guests)
        cancel = cal.invitation(cal.cancel_appointment(s, ap.id), organizer, guests, "CANCEL")

    other = _second_store(tmp_path)
    try:
        max_id = _person(other, "max@mueller.example", "Max", "Müller")
        assert len(_import(other, first).created) == 1
        ap2 = _only(other)
        assert ap2.person_id == max_id and ap2.sequence == 0
        assert ap2.start_at == utc(2026, 12, 3, 9)
        with other.reader() as s:
            rows = s.execute(select(appointment_attendees)).mappings().all()
        assert [(r["email"], r["name"], r["person_id"], r["partstat"]) for r in rows] == [
            ("max@mueller.example", "Max Müller", max_id, "NEEDS-ACTION")
        ]
        report = _import(other, update)
        assert report.updated == [ap2.id]
        assert _only(other).start_at == utc(2026, 12, 4, 9) and _only(other).sequence == 1
        old = _import(other, first)
        assert [s.reason for s in old.skipped] == [
            "An older version of an appointment stored here."
        ]
        assert _only(other).start_at == utc(2026, 12, 4, 9)
        report = _import(other, cancel)
        assert report.cancelled == [ap2.id]
        assert _only(other).status == AppointmentStatus.CANCELLED
        # a cancellation of something never seen is skipped, not created
        unknown = cancel.replace(b"@crm-desktop", b"@elsewhere")
        report = _import(other, unknown)
        assert not report.created and report.skipped
    finally:
        other.dispose()

    # Max answers: METHOD:REPLY with PARTSTAT=ACCEPTED updates our attendee row
    with sqlite_store.session() as s:
        ap = cal.create_appointment(
            s,
            title="Folgetermin",
            start_at=dt.datetime(2026, 12, 10, 10, tzinfo=BERLIN),
            end_at=dt.datetime(2026, 12, 10, 11, tzinfo=BERLIN),
            attendees=[ical.Participant("max@mueller.example", "Max Müller")],
        )
        uid = ap.uid
    reply = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20261201T000000Z\r\nDTSTART:20261210T090000Z\r\n"
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:Max@Mueller.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    report = _import(sqlite_store, reply)
    assert len(report.updated) == 1
    with sqlite_store.reader() as s:
        assert s.scalar(select(appointment_attendees.c.partstat)) == "ACCEPTED"


def _second_store(tmp_path: Path) -> Store:
    return open_store(data_dir=tmp_path / "second")


BROKEN = {
    "empty": b"",
    "blank": b"\r\n  \r\n",
    "not_ics": b"Name;Vorname;Telefon\r\nM\xfcller;Max;0711\r\n",
    "vcard": b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Max\r\nEND:VCARD\r\n",
    "truncated": (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nBEGIN:VEVENT\r\n"
        b"UID:trunc-1\r\nDTSTAMP:20261201T000000Z\r\nDTSTART:20261210T090000Z\r\n"
        b"DTEND:20261210T100000Z\r\nSUMMARY:Besprechung\r\nLOCATION:B\xc3\xbcro"
    ),
    "mismatched": b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
    "garbage_line": b"BEGIN:VCALENDAR\r\nthis is not a content line\r\nEND:VCALENDAR\r\n",
}


def test_broken_files_store_nothing(store: Store, tmp_path: Path) -> None:
    for case, data in sorted(BROKEN.items()):
        path = tmp_path / f"{case}.ics"
        path.write_bytes(data)
        # a good file first in the same unit of work: the error must roll it back too
        with pytest.raises(ImportFileError), store.session() as s:
            ics_import.import_ics(s, ICS / "alarm_google_future.ics", "anna")
            ics_import.import_ics(s, path, "anna")
        with store.reader() as s:
            assert s.scalar(select(func.count()).select_from(Appointment)) == 0, case


def test_missing_file_is_an_import_error(sqlite_store: Store, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError) as exc, sqlite_store.session() as s:
        ics_import.import_ics(s, tmp_path / "nope.ics")
    assert "nope.ics" in exc.value.text()
