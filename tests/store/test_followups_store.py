"""Follow-ups on both backends: due, snooze, reschedule, owners, DST, contact intervals,
agenda, appointments and the calendar subscription file."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    AppointmentStatus,
    Person,
    Ticket,
)
from crm_desktop.data.store import Store, open_store
from crm_desktop.errors import CardNumberError, ConflictError, NotFoundError, ValidationError
from crm_desktop.services import calendar as cal
from crm_desktop.services import contacts as c
from crm_desktop.services import followups as fus

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


def berlin(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN)  # type: ignore[misc]


def _people(store: Store) -> tuple[int, int, int]:
    """(company id, Max Müller id, Erika Muster id)"""
    with store.session() as s:
        comp = c.create_company(
            s, c.CompanyInput(name="Müller GmbH", phones=[c.PhoneInput("0711 999000")])
        )
        max_ = c.create_person(
            s,
            c.PersonInput(
                given_name="Max",
                family_name="Müller",
                company_id=comp.id,
                phones=[c.PhoneInput("0171 1234567", kind=c.PhoneKind.MOBILE)],
                emails=[c.EmailInput("max@mueller.example")],
            ),
        )
        erika = c.create_person(s, c.PersonInput(given_name="Erika", family_name="Muster"))
        return comp.id, max_.id, erika.id


def test_create_derives_company_and_validates(sqlite_store: Store) -> None:
    store = sqlite_store  # backend-neutral logic: SQLite only, for speed
    comp_id, max_id, erika_id = _people(store)
    with store.session() as s:
        fu = fus.create_followup(
            s,
            due_at=berlin(2026, 11, 24, 14),
            kind="call",
            note=" Angebot 2026-17 ",
            person_id=max_id,
        )
        other = fus.create_followup(s, due_at=berlin(2026, 11, 24, 15), kind="call", note="")
        assert fu.company_id == comp_id
        assert fu.note == "Angebot 2026-17"
        assert fu.uid and fu.uid != other.uid and fu.sequence == 0
        assert fu.due_at == dt.datetime(2026, 11, 24, 13, tzinfo=dt.UTC)
    with store.session() as s:
        with pytest.raises(ValidationError) as exc:
            fus.create_followup(s, due_at=dt.datetime(2026, 11, 24, 14), kind="call", note="")
        assert exc.value.field == "due_at"
        with pytest.raises(ValidationError):
            fus.create_followup(s, due_at=berlin(2026, 11, 24), kind="call", note="", person_id=999)
        with pytest.raises(ValidationError):
            fus.create_followup(s, due_at=berlin(2026, 11, 24), kind="dance", note="")
        with pytest.raises(CardNumberError):
            fus.create_followup(
                s, due_at=berlin(2026, 11, 24), kind="call", note="Karte 4111 1111 1111 1111"
            )
        with pytest.raises(ValidationError):
            fus.create_followup(s, due_at=berlin(2026, 11, 24), kind="call", note="", ticket_id=42)


def test_due_now_lists_due_and_overdue_with_details(store: Store, clock: FixedClock) -> None:
    comp_id, max_id, erika_id = _people(store)
    now = clock.now()  # 2026-11-23 10:00 Berlin
    with store.session() as s:
        s.add(
            Activity(
                kind=ActivityKind.CALL,
                occurred_at=now - dt.timedelta(days=3),
                subject="Angebot besprochen",
                text="will bis Freitag entscheiden",
                person_id=max_id,
            )
        )
        s.add(
            Activity(
                kind=ActivityKind.NOTE,
                occurred_at=now - dt.timedelta(days=10),
                subject="old",
                person_id=max_id,
            )
        )
        overdue = fus.create_followup(
            s, due_at=now - dt.timedelta(days=1), kind="call", note="old one", person_id=max_id
        ).id
        exact = fus.create_followup(
            s, due_at=now, kind="email", note="exact", person_id=erika_id
        ).id
        future = fus.create_followup(s, due_at=now + dt.timedelta(minutes=1), kind="call", note="")
        done = fus.create_followup(s, due_at=now - dt.timedelta(hours=1), kind="call", note="")
        gone = fus.create_followup(s, due_at=now - dt.timedelta(hours=1), kind="call", note="")
        snoozed = fus.create_followup(s, due_at=now - dt.timedelta(hours=2), kind="call", note="")
        fus.mark_done(s, done.id, clock)
        fus.cancel(s, gone.id, clock)
        fus.snooze(s, snoozed.id, now + dt.timedelta(minutes=5))
        future_id, snoozed_id = future.id, snoozed.id
    with store.reader() as s:
        due = fus.due_now(s, clock)
    assert [e.id for e in due] == [overdue, exact]
    first = due[0]
    assert first.person == "Max Müller" and first.company == "Müller GmbH"
    assert first.phone == "+491711234567"  # the person's own number, E.164
    assert first.last_activity == "Angebot besprochen: will bis Freitag entscheiden"
    assert first.overdue and not due[1].overdue
    assert due[1].phone is None and due[1].company == ""
    clock.advance(minutes=5)
    with store.reader() as s:
        ids = [e.id for e in fus.due_now(s, clock)]
    assert ids == [overdue, exact, future_id, snoozed_id] or ids == [
        overdue,
        exact,
        snoozed_id,
        future_id,
    ]
    assert snoozed_id in ids and future_id in ids


def test_company_phone_fallback_and_trashed_person(sqlite_store: Store, clock: FixedClock) -> None:
    store = sqlite_store  # backend-neutral logic: SQLite only, for speed
    comp_id, max_id, _erika = _people(store)
    with store.session() as s:
        p = c.create_person(
            s, c.PersonInput(given_name="Ina", family_name="Ohne", company_id=comp_id)
        )
        fus.create_followup(s, due_at=clock.now(), kind="call", note="", person_id=p.id)
        fus.create_followup(s, due_at=clock.now(), kind="call", note="", person_id=max_id)
        person = s.get(Person, max_id)
        assert person is not None
        person.deleted_at = clock.now()
    with store.reader() as s:
        (entry,) = fus.due_now(s, clock)  # the trashed person's follow-up is hidden
    assert entry.person == "Ina Ohne" and entry.phone == "+49711999000"


def test_owner_filter(store: Store, clock: FixedClock) -> None:
    with store.session() as s:
        mine = fus.create_followup(s, due_at=clock.now(), kind="call", note="", owner="anna").id
        theirs = fus.create_followup(s, due_at=clock.now(), kind="call", note="", owner="bernd").id
        everyone = fus.create_followup(s, due_at=clock.now(), kind="call", note="").id
    with store.reader() as s:
        assert {e.id for e in fus.due_now(s, clock, "anna")} == {mine, everyone}
        assert {e.id for e in fus.due_now(s, clock, "bernd")} == {theirs, everyone}
        assert {e.id for e in fus.due_now(s, clock)} == {mine, theirs, everyone}
        later = clock.now() - dt.timedelta(hours=1)
        assert fus.next_due_at(s, later, "anna") == clock.now()


def test_notified_items_do_not_ring_twice_but_stay_due(
    sqlite_store: Store, clock: FixedClock
) -> None:
    store = sqlite_store  # backend-neutral logic: SQLite only, for speed
    with store.session() as s:
        fu_id = fus.create_followup(s, due_at=clock.now(), kind="call", note="x").id
    with store.session() as s:
        (entry,) = fus.reminders_due(s, clock)
        fus.mark_entries_notified(s, [entry], clock.now())
    with store.reader() as s:
        assert fus.reminders_due(s, clock) == []
        assert [e.id for e in fus.due_now(s, clock)] == [fu_id]  # still due, in the agenda
    # snoozing makes it ring again at the new time
    with store.session() as s:
        fus.snooze(s, fu_id, fus.snooze_target("10min", clock.now()))
    with store.reader() as s:
        assert fus.reminders_due(s, clock) == []
        assert fus.next_due_at(s, clock.now()) == clock.now() + dt.timedelta(minutes=10)
    clock.advance(minutes=10)
    with store.reader() as s:
        assert [e.id for e in fus.reminders_due(s, clock)] == [fu_id]


def test_actions_and_conflicts(sqlite_store: Store, clock: FixedClock) -> None:
    store = sqlite_store  # backend-neutral logic: SQLite only, for speed
    with store.session() as s:
        fu_id = fus.create_followup(s, due_at=clock.now(), kind="call", note="").id
    with store.session() as s:
        fu = fus.reschedule(s, fu_id, clock.now() + dt.timedelta(days=2))
        assert fu.sequence == 1 and fu.snoozed_until is None
        fus.snooze(s, fu_id, clock.now() + dt.timedelta(days=3))
        fu = fus.reschedule(s, fu_id, clock.now() + dt.timedelta(days=1))
        assert fu.sequence == 2 and fu.effective_due == clock.now() + dt.timedelta(days=1)
    with store.session() as s:
        first = fus.mark_done(s, fu_id, clock).done_at
        clock.advance(minutes=1)
        assert fus.mark_done(s, fu_id, clock).done_at == first  # idempotent
        with pytest.raises(ConflictError):
            fus.snooze(s, fu_id, clock.now())
        with pytest.raises(ConflictError):
            fus.reschedule(s, fu_id, clock.now())
        with pytest.raises(ConflictError):
            fus.cancel(s, fu_id, clock)
        with pytest.raises(NotFoundError):
            fus.mark_done(s, 4242, clock)
    with store.session() as s:
        other = fus.create_followup(s, due_at=clock.now(), kind="call", note="").id
        assert fus.cancel(s, other, clock).sequence == 1
        with pytest.raises(ConflictError):
            fus.mark_done(s, other, clock)


DST_CASES = [
    (dt.date(2026, 3, 28), 13),  # the Saturday before summer time: CET
    (dt.date(2026, 3, 29), 12),  # the switch day itself: CEST from 03:00
    (dt.date(2026, 10, 24), 12),  # the day before winter time: still CEST
    (dt.date(2026, 10, 25), 13),  # back to CET at 03:00
]


def test_dst_does_not_shift_a_local_1400_followup(store: Store) -> None:
    for day, utc_hour in DST_CASES:
        local_14 = dt.datetime.combine(day, dt.time(14), tzinfo=BERLIN)
        with store.session() as s:
            fu_id = fus.create_followup(s, due_at=local_14, kind="call", note="DST").id
        clock = FixedClock(dt.datetime.combine(day, dt.time(utc_hour - 1, 59), tzinfo=dt.UTC))
        with store.reader() as s:
            assert fus.due_now(s, clock) == []
            nxt = fus.next_due_at(s, clock.now())
            assert nxt is not None and nxt.astimezone(BERLIN).time() == dt.time(14)
            assert nxt == dt.datetime.combine(day, dt.time(utc_hour), tzinfo=dt.UTC)
            (entry,) = fus.agenda(s, day, day, zone=BERLIN, include_overdue=False)
            assert entry.at.astimezone(BERLIN).hour == 14
        clock.advance(minutes=1)
        with store.reader() as s:
            assert [e.id for e in fus.due_now(s, clock)] == [fu_id]
        # the same wall-clock time on the next day, across the switch, stays 14:00
        next_day = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(14), tzinfo=BERLIN)
        with store.session() as s:
            fu = fus.reschedule(s, fu_id, next_day)
            assert fu.due_at.astimezone(BERLIN).hour == 14
            fus.mark_done(s, fu_id, clock)


def test_interval_followups_are_made_once(store: Store, clock: FixedClock) -> None:
    _comp, max_id, erika_id = _people(store)
    now = clock.now()
    with store.session() as s:
        max_ = s.get(Person, max_id)
        erika = s.get(Person, erika_id)
        assert max_ is not None and erika is not None
        max_.contact_interval_days = 30
        max_.contact_interval_kind = ActivityKind.VISIT
        max_.owner = "anna"
        max_.created_at = now - dt.timedelta(days=100)
        erika.contact_interval_days = 30
        erika.created_at = now - dt.timedelta(days=10)  # new: not yet due
        s.add(
            Activity(
                kind=ActivityKind.CALL, occurred_at=now - dt.timedelta(days=31), person_id=max_id
            )
        )
    with store.session() as s:
        made = fus.ensure_interval_followups(s, clock)
        assert [f.person_id for f in made] == [max_id]
        assert made[0].auto_reason == "interval" and made[0].owner == "anna"
        assert made[0].kind == ActivityKind.VISIT
        assert made[0].due_at == now - dt.timedelta(days=1)
    with store.session() as s:
        assert fus.ensure_interval_followups(s, clock) == []  # never a second open one
    clock.advance(days=21)
    with store.session() as s:
        made = fus.ensure_interval_followups(s, clock)
        assert [f.person_id for f in made] == [erika_id]  # Erika's interval ran out now
        open_max = [e for e in fus.due_now(s, clock) if e.person_id == max_id]
        fus.mark_done(s, open_max[0].id, clock)
    with store.session() as s:
        assert fus.ensure_interval_followups(s, clock) == []  # done just now counts as contact
    clock.advance(days=30)
    with store.session() as s:
        made = fus.ensure_interval_followups(s, clock)
        assert max_id in [f.person_id for f in made]


def test_agenda_today_and_week(store: Store, clock: FixedClock) -> None:
    _comp, max_id, erika_id = _people(store)
    today = dt.date(2026, 11, 23)
    with store.session() as s:
        late = fus.create_followup(
            s, due_at=berlin(2026, 11, 20, 9), kind="call", note="late", person_id=max_id
        ).id
        t1 = fus.create_followup(
            s, due_at=berlin(2026, 11, 23, 23, 30), kind="call", note="today"
        ).id
        w1 = fus.create_followup(s, due_at=berlin(2026, 11, 26, 8), kind="call", note="thursday").id
        fus.create_followup(s, due_at=berlin(2026, 12, 5, 8), kind="call", note="later")
        ap = cal.create_appointment(
            s,
            title="Besuch bei Müller",
            start_at=berlin(2026, 11, 23, 15),
            end_at=berlin(2026, 11, 23, 16),
            kind=ActivityKind.VISIT,
            location="Industriestraße 5, Stuttgart",
            person_id=max_id,
        ).id
        cal.create_appointment(
            s,
            title="Other owner",
            start_at=berlin(2026, 11, 23, 11),
            end_at=berlin(2026, 11, 23, 12),
            owner="bernd",
        )
    with store.reader() as s:
        day = fus.agenda(s, today, today, "anna", zone=BERLIN, now=clock.now())
        week = fus.agenda(
            s, today, today + dt.timedelta(days=6), "anna", zone=BERLIN, now=clock.now()
        )
        upcoming = fus.agenda(s, today, today, "anna", zone=BERLIN, include_overdue=False)
    assert [(e.type, e.id) for e in day] == [
        ("followup", late),
        ("appointment", ap),
        ("followup", t1),
    ]
    assert day[0].overdue and not day[2].overdue
    visit = day[1]
    assert visit.location and visit.person == "Max Müller" and visit.company == "Müller GmbH"
    assert visit.end_at == berlin(2026, 11, 23, 16)
    assert [e.id for e in week if e.type == "followup"] == [late, t1, w1]
    assert [e.id for e in upcoming if e.type == "followup"] == [t1]
    with store.reader() as s, pytest.raises(ValidationError):
        fus.agenda(s, today, today - dt.timedelta(days=1))


def test_appointment_reminder_rings_15_minutes_before(store: Store, clock: FixedClock) -> None:
    start = clock.now() + dt.timedelta(minutes=40)
    with store.session() as s:
        ap_id = cal.create_appointment(
            s, title="Termin", start_at=start, end_at=start + dt.timedelta(hours=1)
        ).id
    with store.reader() as s:
        assert fus.reminders_due(s, clock) == []
        assert fus.next_due_at(s, clock.now()) == start - dt.timedelta(minutes=15)
    clock.set(start - dt.timedelta(minutes=15))
    with store.session() as s:
        (entry,) = fus.reminders_due(s, clock)
        assert entry.type == "appointment" and entry.id == ap_id and entry.note == "Termin"
        fus.mark_entries_notified(s, [entry], clock.now())
    with store.reader() as s:
        assert fus.reminders_due(s, clock) == []
        assert fus.next_due_at(s, clock.now()) is None


def test_appointment_move_and_cancel_bump_sequence(sqlite_store: Store) -> None:
    store = sqlite_store  # backend-neutral logic: SQLite only, for speed
    with store.session() as s:
        ap = cal.create_appointment(
            s, title="Jour fixe", start_at=berlin(2026, 12, 1, 10), end_at=berlin(2026, 12, 1, 11)
        )
        uid = ap.uid
        moved = cal.move_appointment(s, ap.id, berlin(2026, 12, 2, 10), berlin(2026, 12, 2, 11))
        assert moved.sequence == 1 and moved.uid == uid
        gone = cal.cancel_appointment(s, ap.id)
        assert gone.sequence == 2 and gone.status == AppointmentStatus.CANCELLED
        with pytest.raises(ConflictError):
            cal.move_appointment(s, ap.id, berlin(2026, 12, 3, 10), berlin(2026, 12, 3, 11))
        with pytest.raises(ValidationError):
            cal.create_appointment(
                s, title=" ", start_at=berlin(2026, 12, 1, 10), end_at=berlin(2026, 12, 1, 11)
            )
        with pytest.raises(ValidationError):
            cal.create_appointment(
                s, title="x", start_at=berlin(2026, 12, 1, 10), end_at=berlin(2026, 12, 1, 9)
            )


def test_export_calendar_window_and_owner(sqlite_store: Store, tmp_path: Path) -> None:
    store = sqlite_store  # backend-neutral logic: SQLite only, for speed
    _comp, max_id, _erika = _people(store)
    with store.session() as s:
        t = Ticket(number="T-2026-0007", title="Pumpe defekt", person_id=max_id)
        s.add(t)
        s.flush()
        fus.create_followup(
            s,
            due_at=berlin(2026, 11, 24, 14),
            kind="call",
            note="Angebot 2026-17",
            person_id=max_id,
            ticket_id=t.id,
        )
        fus.create_followup(s, due_at=berlin(2026, 12, 24, 14), kind="call", note="Weihnachten")
        fus.create_followup(
            s, due_at=berlin(2026, 11, 24, 15), kind="call", note="bernd's", owner="bernd"
        )
        cal.create_appointment(
            s,
            title="Besuch",
            start_at=berlin(2026, 11, 25, 9),
            end_at=berlin(2026, 11, 25, 10),
            location="Stuttgart",
        )
    out = tmp_path / "out" / "export.ics"
    with store.reader() as s:
        n = cal.export_calendar(s, out, dt.date(2026, 11, 23), dt.date(2026, 11, 30), owner="anna")
    assert n == 2
    parsed = icalendar.Calendar.from_ical(out.read_bytes())
    events = parsed.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [
        "Call Max Müller (Müller GmbH): Angebot 2026-17",
        "Besuch",
    ]
    desc = str(events[0]["DESCRIPTION"])
    assert "+491711234567" in desc and "T-2026-0007 Pumpe defekt" in desc
    assert events[0]["DTSTART"].dt == berlin(2026, 11, 24, 14)
    assert str(events[1]["LOCATION"]) == "Stuttgart"
    with store.reader() as s:
        assert cal.export_calendar(s, out) == 4


def test_subscription_file_follows_every_change(
    store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "calendar" / "crm-desktop.ics"
    store.owner = "anna"
    writer = cal.install_subscription(store, path, clock=clock)
    try:
        assert path.exists() and writer.writes == 1
        assert icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT") == []
        with store.session() as s:
            fu_id = fus.create_followup(
                s, due_at=berlin(2026, 11, 24, 14), kind="call", note="eins"
            ).id
        assert writer.writes == 2
        events = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        assert [str(e["SUMMARY"]) for e in events] == ["Call: eins"]
        with store.session() as s:
            fus.cancel(s, fu_id, clock)
        events = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        assert str(events[0]["STATUS"]) == "CANCELLED" and int(events[0]["SEQUENCE"]) == 1
        with store.session() as s:  # an unrelated change does not rewrite
            s.add(Activity(kind=ActivityKind.NOTE, occurred_at=clock.now()))
        assert writer.writes == 3
        assert not list(path.parent.glob("*.tmp"))
    finally:
        writer.close()
    with store.session() as s:
        fus.create_followup(s, due_at=berlin(2026, 11, 25, 14), kind="call", note="zwei")
    assert writer.writes == 3
