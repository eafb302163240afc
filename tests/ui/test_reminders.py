"""The reminder ticker and the notice, with a controllable clock."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon, QToolButton
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import FollowUp
from crm_desktop.data.store import Store, open_store
from crm_desktop.services import calendar as cal
from crm_desktop.services import contacts as c
from crm_desktop.services import followups as fus
from crm_desktop.services import undo
from crm_desktop.ui.notice import ReminderNotice, TrayNotifier, entry_text
from crm_desktop.ui.reminders import MAX_TIMER_MS, ReminderTicker

BERLIN = ZoneInfo("Europe/Berlin")
SHOTS = Path("/tmp/shots")

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
def max_id(sqlite_store: Store) -> int:
    with sqlite_store.session() as s:
        comp = c.create_company(s, c.CompanyInput(name="Müller GmbH"))
        return c.create_person(
            s,
            c.PersonInput(
                given_name="Max",
                family_name="Müller",
                company_id=comp.id,
                phones=[c.PhoneInput("0171 1234567")],
            ),
        ).id


def _followup(store: Store, due: dt.datetime, note: str = "", **kw: object) -> int:
    with store.session() as s:
        return fus.create_followup(s, due_at=due, kind="call", note=note, **kw).id  # type: ignore[arg-type]


class Recorder:
    def __init__(self, ticker: ReminderTicker) -> None:
        self.batches: list[list[fus.AgendaEntry]] = []
        ticker.due.connect(self.batches.append)

    @property
    def ids(self) -> list[int]:
        return [e.id for batch in self.batches for e in batch]


def test_fires_once_at_the_right_minute(qtbot: QtBot, sqlite_store: Store, max_id: int) -> None:
    clock = FixedClock(berlin(2026, 11, 23, 13, 58))
    fu = _followup(sqlite_store, berlin(2026, 11, 23, 14), "Angebot 2026-17", person_id=max_id)
    ticker = ReminderTicker(sqlite_store, clock, "anna", poll_ms=20)
    rec = Recorder(ticker)
    ticker.start()
    assert rec.ids == []
    assert ticker.armed_ms == 120_001  # one timer, armed for 14:00 on the injected clock
    clock.set(berlin(2026, 11, 23, 13, 59, 59))
    qtbot.wait(80)  # several periodic checks
    assert rec.ids == []
    clock.set(berlin(2026, 11, 23, 14, 0))
    qtbot.waitUntil(lambda: rec.ids == [fu], timeout=2000)
    (entry,) = rec.batches[0]
    assert entry.person == "Max Müller" and entry.company == "Müller GmbH"
    assert entry_text(entry, clock.now(), BERLIN) == (
        f"{_time(14)} call Max Müller (Müller GmbH): Angebot 2026-17"
    )
    clock.advance(minutes=5)
    qtbot.wait(80)
    assert rec.ids == [fu]  # never twice
    assert ticker.armed_ms is None  # nothing ahead
    with sqlite_store.reader() as s:
        row = s.get(FollowUp, fu)
        assert row is not None and row.notified_at == berlin(2026, 11, 23, 14)
    ticker.stop()
    assert not ticker.running


def test_single_shot_timer_fires_without_polling(qtbot: QtBot, sqlite_store: Store) -> None:
    """With the periodic check far away, the armed single-shot timer rings on time."""

    class Wall:  # a clock that follows real time from a fixed start
        def __init__(self) -> None:
            self.start = dt.datetime.now(dt.UTC)
            self.base = berlin(2026, 11, 23, 14) - dt.timedelta(milliseconds=150)

        def __call__(self) -> dt.datetime:
            return self.base + (dt.datetime.now(dt.UTC) - self.start)

    wall = Wall()
    fu = _followup(sqlite_store, berlin(2026, 11, 23, 14))
    ticker = ReminderTicker(sqlite_store, wall, None, poll_ms=3_600_000)
    rec = Recorder(ticker)
    ticker.start()
    assert rec.ids == [] and ticker.armed_ms is not None and ticker.armed_ms <= 151
    qtbot.waitUntil(lambda: rec.ids == [fu], timeout=2000)
    ticker.stop()


def test_timer_interval_is_capped(qtbot: QtBot, sqlite_store: Store) -> None:
    clock = FixedClock(berlin(2026, 11, 23, 9))
    _followup(sqlite_store, berlin(2027, 1, 15, 9))  # 53 days: more than an int of ms
    ticker = ReminderTicker(sqlite_store, clock, None)
    ticker.start()
    assert ticker.armed_ms == MAX_TIMER_MS < 2**31 - 1
    ticker.stop()


def test_survives_restart_and_catches_up(qtbot: QtBot, sqlite_store: Store) -> None:
    clock = FixedClock(berlin(2026, 11, 23, 9))
    first = _followup(sqlite_store, berlin(2026, 11, 23, 9))
    ticker = ReminderTicker(sqlite_store, clock, None, poll_ms=3_600_000)
    rec = Recorder(ticker)
    ticker.start()
    assert rec.ids == [first]
    ticker.stop()
    ticker.deleteLater()
    # the program is closed; meanwhile another follow-up comes due
    second = _followup(sqlite_store, berlin(2026, 11, 23, 11))
    clock.set(berlin(2026, 11, 23, 15))
    again = ReminderTicker(sqlite_store, clock, None, poll_ms=3_600_000)
    rec2 = Recorder(again)
    again.start()
    assert rec2.ids == [second]  # the missed one rings at start; the first not again
    with sqlite_store.reader() as s:  # but both are still due until acted on
        assert [e.id for e in fus.due_now(s, clock)] == [first, second]
    again.stop()


def test_owner_and_dst(qtbot: QtBot, sqlite_store: Store) -> None:
    # 14:00 local on the day summer time starts is 12:00 UTC
    clock = FixedClock(dt.datetime(2026, 3, 29, 11, 59, tzinfo=dt.UTC))
    mine = _followup(sqlite_store, berlin(2026, 3, 29, 14), owner="anna")
    _followup(sqlite_store, berlin(2026, 3, 29, 14), owner="bernd")
    ticker = ReminderTicker(sqlite_store, clock, "anna", poll_ms=3_600_000)
    rec = Recorder(ticker)
    ticker.start()
    assert rec.ids == [] and ticker.armed_ms == 60_001
    clock.advance(minutes=1)
    ticker.check()
    assert rec.ids == [mine]


def test_appointment_rings_before_it_starts(qtbot: QtBot, sqlite_store: Store) -> None:
    clock = FixedClock(berlin(2026, 11, 23, 9))
    with sqlite_store.session() as s:
        ap = cal.create_appointment(
            s, title="Besuch", start_at=berlin(2026, 11, 23, 10), end_at=berlin(2026, 11, 23, 11)
        ).id
    ticker = ReminderTicker(sqlite_store, clock, None, poll_ms=3_600_000)
    rec = Recorder(ticker)
    ticker.start()
    assert ticker.armed_ms == 45 * 60_000 + 1
    clock.set(berlin(2026, 11, 23, 9, 45))
    ticker.check()
    assert [(e.type, e.id) for b in rec.batches for e in b] == [("appointment", ap)]


def test_notice_actions(qtbot: QtBot, sqlite_store: Store, max_id: int) -> None:
    clock = FixedClock(berlin(2026, 11, 23, 14))
    a = _followup(sqlite_store, berlin(2026, 11, 23, 14), "Angebot 2026-17", person_id=max_id)
    b = _followup(sqlite_store, berlin(2026, 11, 23, 13), "Rückruf")
    d = _followup(sqlite_store, berlin(2026, 11, 23, 12), "Termin abstimmen")
    e = _followup(sqlite_store, berlin(2026, 11, 22, 16), "Mahnung", person_id=max_id)
    ticker = ReminderTicker(sqlite_store, clock, None, poll_ms=3_600_000)
    notice = ReminderNotice(sqlite_store, clock, zone=BERLIN)
    qtbot.addWidget(notice)
    ticker.due.connect(notice.add_entries)
    notice.changed.connect(ticker.refresh)
    ticker.start()
    assert notice.isVisible() or not notice.isHidden()
    assert notice.row_texts() == [
        f"{_local_date()} {_time(16)} call Max Müller (Müller GmbH): Mahnung",
        f"{_time(12)} call: Termin abstimmen",
        f"{_time(13)} call: Rückruf",
        f"{_time(14)} call Max Müller (Müller GmbH): Angebot 2026-17",
    ]
    row = notice.rows[("followup", a)]
    assert set(row.buttons) == {"done", "snooze", "reschedule", "person"}
    snooze_button = row.buttons["snooze"]
    assert isinstance(snooze_button, QToolButton)
    menu = snooze_button.menu()
    assert menu is not None
    assert [act.data() for act in menu.actions() if not act.isSeparator()] == [
        "10min",
        "1h",
        "tomorrow",
        "cancel",
    ]

    # Open person
    with qtbot.waitSignal(notice.personActivated) as opened:
        row.buttons["person"].click()
    assert opened.args == [max_id]
    assert ("followup", a) in notice.rows  # opening is not acting on it

    # Done: closed in the store, the window is asked to log the call
    with qtbot.waitSignal(notice.doneRequested) as done:
        row.buttons["done"].click()
    assert done.args[0].id == a and done.args[0].person_id == max_id
    with sqlite_store.reader() as s:
        row_a = s.get(FollowUp, a)
        assert row_a is not None and row_a.done_at == clock.now()

    # Snooze 10 minutes (through the menu): gone now, rings again after 10 minutes
    menu_b = notice.rows[("followup", b)].buttons["snooze"].menu()  # type: ignore[union-attr]
    assert menu_b is not None
    menu_b.actions()[0].trigger()
    assert ("followup", b) not in notice.rows
    # Snooze until tomorrow 9:00
    assert notice.act_snooze(("followup", e), "tomorrow")
    with sqlite_store.reader() as s:
        row_e = s.get(FollowUp, e)
        assert row_e is not None and row_e.snoozed_until == berlin(2026, 11, 24, 9)
    # Reschedule
    assert notice.act_reschedule(("followup", d), berlin(2026, 11, 25, 10))
    with sqlite_store.reader() as s:
        row_d = s.get(FollowUp, d)
        assert row_d is not None and row_d.due_at == berlin(2026, 11, 25, 10)
        assert row_d.sequence == 1
    assert notice.rows == {} and notice.isHidden()
    clock.advance(minutes=10)
    ticker.check()
    assert [en.id for en in notice.entries()] == [b]
    # Cancel (the menu's last entry): not needed any more, gone; Undo brings it back
    menu_b = notice.rows[("followup", b)].buttons["snooze"].menu()  # type: ignore[union-attr]
    assert menu_b is not None
    menu_b.actions()[-1].trigger()
    assert notice.rows == {}
    with sqlite_store.reader() as s:
        row_b = s.get(FollowUp, b)
        assert row_b is not None and row_b.cancelled_at is not None
    with sqlite_store.session() as s:
        (top,) = undo.stack(s, limit=1)
        assert top.label == "Cancel follow-up"
        undo.undo(s, top.id, clock)
    with sqlite_store.reader() as s:
        row_b = s.get(FollowUp, b)
        assert row_b is not None and row_b.cancelled_at is None  # planned again
    ticker.stop()


def _time(hour: int) -> str:
    from crm_desktop.ui.format import format_time

    return format_time(berlin(2026, 11, 23, hour), BERLIN)


def _local_date() -> str:
    from crm_desktop.ui.format import format_date

    return format_date(dt.date(2026, 11, 22))


def test_reschedule_dialog_and_tray(qtbot: QtBot, sqlite_store: Store) -> None:
    from crm_desktop.ui.notice import RescheduleDialog

    dialog = RescheduleDialog(berlin(2026, 10, 26, 14), BERLIN)
    qtbot.addWidget(dialog)
    assert dialog.value() == berlin(2026, 10, 26, 14)  # winter time, still 14:00
    tray = TrayNotifier()
    assert tray.available == QSystemTrayIcon.isSystemTrayAvailable()
    sent = tray.notify("Reminder", "14:00 call Max Müller")
    assert sent == tray.available and tray.sent == (1 if tray.available else 0)


def test_ticker_in_a_main_window_shows_the_notice(
    qtbot: QtBot, sqlite_store: Store, max_id: int
) -> None:
    class Window(QMainWindow):
        def __init__(self) -> None:
            super().__init__()
            self.opened: list[tuple[str, int]] = []
            self.logged: list[object] = []

        def open_record(self, kind: str, ref_id: int) -> bool:
            self.opened.append((kind, ref_id))
            return True

        def log_activity(self, kind: object) -> None:
            self.logged.append(kind)

    clock = FixedClock(berlin(2026, 11, 23, 14))
    fu = _followup(sqlite_store, berlin(2026, 11, 23, 14), "Angebot", person_id=max_id)
    window = Window()
    qtbot.addWidget(window)
    ticker = ReminderTicker(sqlite_store, clock, window, poll_ms=3_600_000)  # main-window style
    assert ticker.parent() is window and ticker.notice is not None
    window.show()
    ticker.start()
    notice = ticker.notice
    assert [e.id for e in notice.entries()] == [fu]
    assert notice.act_done(("followup", fu))
    assert window.opened == [("person", max_id)] and len(window.logged) == 1
    ticker.stop()


def test_on_a_local_file_every_follow_up_rings(qtbot: QtBot, sqlite_store: Store) -> None:
    """Issue #17: a quote follow-up takes the opportunity's owner ("Thomas Berger"),
    which is not the login; on a single-user file it must ring all the same. On a team
    server only the signed-in owner's ring (tests/ui/test_team_backend.py)."""
    clock = FixedClock(dt.datetime(2026, 3, 29, 11, 59, tzinfo=dt.UTC))
    theirs = _followup(sqlite_store, berlin(2026, 3, 29, 14), owner="Thomas Berger")
    assert sqlite_store.reminder_owner is None
    ticker = ReminderTicker(sqlite_store, clock, poll_ms=3_600_000)
    rec = Recorder(ticker)
    ticker.start()
    clock.advance(minutes=1)
    ticker.check()
    assert rec.ids == [theirs]
    ticker.stop()
