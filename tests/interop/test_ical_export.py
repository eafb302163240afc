"""iCalendar export and invitations: checked by icalendar, vobject, the ``ics`` package
and a real CalDAV server (Radicale on loopback)."""

from __future__ import annotations

import base64
import datetime as dt
import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import ics
import pytest
import vobject

from crm_desktop.data.models import ActivityKind
from crm_desktop.data.store import Store, open_store
from crm_desktop.interop import ical
from crm_desktop.services import calendar as cal
from crm_desktop.services import contacts as c
from crm_desktop.services import followups as fus

BERLIN = ZoneInfo("Europe/Berlin")
STAMP = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)

# ---------------------------------------------------------------- fast stores
# A migrated template per module, copied for each test: same real SQLite file /
# PostgreSQL database as the shared fixtures, without running the migrations each time.


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


def berlin(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN)  # type: ignore[misc]


@pytest.fixture
def exported(sqlite_store: Store, tmp_path: Path) -> bytes:
    """A calendar with a follow-up in winter, one in summer time, a visit and an all-day
    appointment."""
    with sqlite_store.session() as s:
        comp = c.create_company(s, c.CompanyInput(name="Müller GmbH"))
        max_ = c.create_person(
            s,
            c.PersonInput(
                given_name="Max",
                family_name="Müller",
                company_id=comp.id,
                phones=[c.PhoneInput("0171 1234567")],
            ),
        )
        fus.create_followup(
            s,
            due_at=berlin(2026, 11, 24, 14),
            kind="call",
            note="Angebot 2026-17",
            person_id=max_.id,
        )
        summer = fus.create_followup(s, due_at=berlin(2027, 6, 1, 14), kind="email", note="Sommer")
        fus.reschedule(s, summer.id, berlin(2027, 6, 2, 14))
        cal.create_appointment(
            s,
            title="Besuch bei Müller",
            start_at=berlin(2026, 11, 25, 9, 30),
            end_at=berlin(2026, 11, 25, 11),
            kind=ActivityKind.VISIT,
            location="Industriestraße 5, 70565 Stuttgart",
            person_id=max_.id,
        )
        cal.create_appointment(
            s,
            title="Messe",
            start_at=berlin(2026, 12, 1, 0),
            end_at=berlin(2026, 12, 3, 0),
            all_day=True,
        )
    out = tmp_path / "out.ics"
    with sqlite_store.reader() as s:
        assert cal.export_calendar(s, out, zone=BERLIN, stamp=STAMP) == 4
    return out.read_bytes()


def test_export_structure(exported: bytes) -> None:
    text = exported.decode()
    assert "\r\n" in text  # RFC 5545 line endings
    cal_ = icalendar.Calendar.from_ical(exported)
    assert str(cal_["VERSION"]) == "2.0" and "crm-desktop" in str(cal_["PRODID"])
    (tz,) = cal_.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Europe/Berlin"
    assert {sub.name for sub in tz.subcomponents} == {"STANDARD", "DAYLIGHT"}
    events = cal_.walk("VEVENT")
    assert len({str(e["UID"]) for e in events}) == 4
    call, visit, allday, summer = events
    assert "DTSTART;TZID=Europe/Berlin:20261124T140000" in text
    assert "DTSTART;TZID=Europe/Berlin:20270602T140000" in text
    assert call["DTSTAMP"].dt == STAMP
    assert str(call["SUMMARY"]) == "Call Max Müller (Müller GmbH): Angebot 2026-17"
    assert "Phone: +491711234567" in str(call["DESCRIPTION"])
    assert int(call["SEQUENCE"]) == 0 and str(call["STATUS"]) == "CONFIRMED"
    (alarm,) = call.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY" and alarm["TRIGGER"].dt == -dt.timedelta(minutes=15)
    assert str(visit["LOCATION"]) == "Industriestraße 5, 70565 Stuttgart"
    assert visit["DTEND"].dt == berlin(2026, 11, 25, 11)
    assert allday["DTSTART"].dt == dt.date(2026, 12, 1) and allday["DTEND"].dt == dt.date(
        2026, 12, 3
    )
    assert not allday.walk("VALARM")
    assert int(summer["SEQUENCE"]) == 1  # rescheduled once
    # times read back are the same moments (winter +01:00, summer +02:00)
    assert call["DTSTART"].dt.utcoffset() == dt.timedelta(hours=1)
    assert summer["DTSTART"].dt.utcoffset() == dt.timedelta(hours=2)


def test_export_parses_in_vobject(exported: bytes) -> None:
    parsed = vobject.readOne(exported.decode())
    events = parsed.vevent_list
    assert len(events) == 4
    starts = [e.dtstart.value for e in events]
    assert starts[0] == berlin(2026, 11, 24, 14)
    assert starts[0].utcoffset() == dt.timedelta(hours=1)
    assert starts[3] == berlin(2027, 6, 2, 14)
    assert starts[3].utcoffset() == dt.timedelta(hours=2)
    assert events[0].valarm.trigger.value == -dt.timedelta(minutes=15)
    assert events[1].location.value.startswith("Industriestraße")


def test_export_parses_in_ics_package(exported: bytes) -> None:
    parsed = ics.Calendar(exported.decode())
    events = sorted(parsed.events, key=lambda e: e.begin)
    assert [e.name for e in events] == [
        "Call Max Müller (Müller GmbH): Angebot 2026-17",
        "Besuch bei Müller",
        "Messe",
        "E-mail: Sommer",
    ]
    assert events[0].begin.datetime == berlin(2026, 11, 24, 14)
    assert events[3].begin.datetime == berlin(2027, 6, 2, 14)
    assert events[2].all_day
    assert len(events[0].alarms) == 1


def _appointment(store: Store) -> int:
    with store.session() as s:
        return cal.create_appointment(
            s,
            title="Angebotsbesprechung",
            start_at=berlin(2026, 12, 3, 10),
            end_at=berlin(2026, 12, 3, 11),
            location="Büro Stuttgart",
        ).id


def test_invitation_request_update_and_cancel(sqlite_store: Store) -> None:
    ap_id = _appointment(sqlite_store)
    organizer = ical.Participant("ich@beispiel.example", "Ich Selbst")
    attendees = [
        ical.Participant("max@mueller.example", "Max Müller"),
        ical.Participant("erika@muster.example", "Erika Muster", role="OPT-PARTICIPANT"),
    ]
    with sqlite_store.reader() as s:
        ap = cal.get_appointment(s, ap_id)
        first = cal.invitation(ap, organizer, attendees, stamp=STAMP, zone=BERLIN)
    req = icalendar.Calendar.from_ical(first)
    assert str(req["METHOD"]) == "REQUEST"
    (ev,) = req.walk("VEVENT")
    assert str(ev["ORGANIZER"]) == "mailto:ich@beispiel.example"
    assert ev["ORGANIZER"].params["CN"] == "Ich Selbst"
    att = ev["ATTENDEE"]
    assert [str(a) for a in att] == ["mailto:max@mueller.example", "mailto:erika@muster.example"]
    assert att[0].params["CN"] == "Max Müller"
    assert att[0].params["PARTSTAT"] == "NEEDS-ACTION" and att[0].params["RSVP"] == "TRUE"
    assert att[1].params["ROLE"] == "OPT-PARTICIPANT"
    assert int(ev["SEQUENCE"]) == 0
    uid = str(ev["UID"])
    # vobject reads the invitation too
    vo = vobject.readOne(first.decode())
    assert vo.method.value == "REQUEST" and len(vo.vevent.attendee_list) == 2

    with sqlite_store.session() as s:
        moved = cal.move_appointment(s, ap_id, berlin(2026, 12, 4, 10), berlin(2026, 12, 4, 11))
        update = cal.invitation(moved, organizer, attendees, stamp=STAMP, zone=BERLIN)
        gone = cal.cancel_appointment(s, ap_id)
        cancel = cal.invitation(gone, organizer, attendees, "CANCEL", stamp=STAMP, zone=BERLIN)
    (ev2,) = icalendar.Calendar.from_ical(update).walk("VEVENT")
    assert str(ev2["UID"]) == uid and int(ev2["SEQUENCE"]) == 1
    assert ev2["DTSTART"].dt == berlin(2026, 12, 4, 10)
    cancelled = icalendar.Calendar.from_ical(cancel)
    assert str(cancelled["METHOD"]) == "CANCEL"
    (ev3,) = cancelled.walk("VEVENT")
    assert str(ev3["UID"]) == uid and int(ev3["SEQUENCE"]) == 2
    assert str(ev3["STATUS"]) == "CANCELLED" and not ev3.walk("VALARM")


def test_invitation_needs_attendees(sqlite_store: Store) -> None:
    ap_id = _appointment(sqlite_store)
    with sqlite_store.reader() as s:
        ap = cal.get_appointment(s, ap_id)
        with pytest.raises(ical.ValidationError):
            cal.invitation(ap, "ich@beispiel.example", [])
        with pytest.raises(ical.ValidationError):
            cal.invitation(ap, "ich@beispiel.example", ["a@b.example"], "PUBLISH")  # type: ignore[arg-type]


def test_mailto_url() -> None:
    url = ical.mailto_url(
        ["max@mueller.example", ical.Participant("erika@muster.example", "Erika")],
        "Einladung: Angebot & Preise",
        "Hallo,\nTermin am 03.12. um 10:00?",
    )
    parsed = urllib.parse.urlsplit(url)
    assert parsed.scheme == "mailto"
    assert parsed.path == "max@mueller.example,erika@muster.example"
    query = urllib.parse.parse_qs(parsed.query)
    assert query["subject"] == ["Einladung: Angebot & Preise"]
    assert query["body"] == ["Hallo,\r\nTermin am 03.12. um 10:00?"]
    assert " " not in url and "+" not in url  # spaces are %20, never "+"
    assert ical.mailto_url(["a@b.example"], "") == "mailto:a@b.example"


# ---------------------------------------------------------------- a real CalDAV server


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    base = tmp_path_factory.mktemp("radicale")
    port = _free_port()
    config = base / "config"
    config.write_text(
        "[server]\n"
        f"hosts = 127.0.0.1:{port}\n"
        "[auth]\ntype = none\n"
        "[rights]\ntype = owner_only\n"
        f"[storage]\nfilesystem_folder = {base / 'collections'}\n"
        "[logging]\nlevel = warning\n",
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    err = proc.stderr.read().decode() if proc.stderr else ""
                    pytest.fail(f"Radicale did not start: {err}")
                time.sleep(0.05)
        yield ("127.0.0.1", port)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover
            proc.kill()
            proc.wait()


def _request(
    server: tuple[str, int], method: str, path: str, body: bytes | None = None
) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(*server, timeout=10)
    headers = {"Authorization": "Basic " + base64.b64encode(b"crm:x").decode()}
    if body is not None:
        headers["Content-Type"] = "text/calendar; charset=utf-8"
    conn.request(method, path, body=body, headers=headers)
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, data


def _single_event_calendars(data: bytes) -> list[tuple[str, bytes]]:
    """CalDAV stores one UID per resource: split the export."""
    full = icalendar.Calendar.from_ical(data)
    out = []
    for ev in full.walk("VEVENT"):
        one = icalendar.Calendar()
        for key in ("PRODID", "VERSION", "CALSCALE"):
            one.add(key, full[key])
        for tz in full.walk("VTIMEZONE"):
            one.add_component(tz)
        one.add_component(ev)
        out.append((str(ev["UID"]), one.to_ical()))
    return out


def test_caldav_server_accepts_export_and_invitation(
    radicale: tuple[str, int], exported: bytes, sqlite_store: Store
) -> None:
    status, body = _request(radicale, "MKCALENDAR", "/crm/work/")
    assert status == 201, body
    ap_id = _appointment(sqlite_store)
    with sqlite_store.reader() as s:
        invite = cal.invitation(
            cal.get_appointment(s, ap_id),
            "ich@beispiel.example",
            [ical.Participant("max@mueller.example", "Max Müller")],
            stamp=STAMP,
        )
    # a scheduling object resource holds no METHOD
    stored = icalendar.Calendar.from_ical(invite)
    del stored["METHOD"]
    resources = [*_single_event_calendars(exported), *_single_event_calendars(stored.to_ical())]
    for i, (uid, data) in enumerate(resources):
        status, body = _request(radicale, "PUT", f"/crm/work/item{i}.ics", data)
        assert status == 201, (uid, body.decode(errors="replace"))
    for i, (uid, _data) in enumerate(resources):
        status, body = _request(radicale, "GET", f"/crm/work/item{i}.ics")
        assert status == 200
        back = icalendar.Calendar.from_ical(body)
        (ev,) = back.walk("VEVENT")
        assert str(ev["UID"]) == uid
    status, body = _request(radicale, "GET", "/crm/work/item0.ics")
    (ev,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert ev["DTSTART"].dt == berlin(2026, 11, 24, 14)
    assert ev.walk("VALARM")
    status, body = _request(radicale, "GET", f"/crm/work/item{len(resources) - 1}.ics")
    (ev,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert str(ev["ATTENDEE"]) == "mailto:max@mueller.example"
    # a broken calendar is refused by the same server: the check above means something
    two_uids = b"".join(
        [
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n",
            b"BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20261123T090000Z\r\n",
            b"DTSTART:20261124T090000Z\r\nEND:VEVENT\r\n",
            b"BEGIN:VEVENT\r\nUID:b\r\nDTSTAMP:20261123T090000Z\r\n",
            b"DTSTART:20261124T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        ]
    )
    status, _ = _request(radicale, "PUT", "/crm/work/broken.ics", two_uids)
    assert status >= 400
