"""The Today view: every section filled from real data, done and snooze right there."""

from __future__ import annotations

import datetime as dt
import decimal

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import ActivityKind, FollowUp
from crm_desktop.data.store import Store
from crm_desktop.services import contacts as c
from crm_desktop.services import followups, pipeline, tickets
from crm_desktop.services.activities import ActivityInput, log_activity
from crm_desktop.ui.today import TodayView

# Monday 23 Nov 2026, 10:00 in Berlin
CLOCK = FixedClock(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC))


@pytest.fixture
def filled(sqlite_store: Store) -> dict[str, int]:
    store = sqlite_store
    with store.session() as s:
        comp = c.create_company(
            s, c.CompanyInput(name="Müller Maschinenbau GmbH", customer_since=dt.date(2016, 11, 25))
        )
        anna = c.create_person(
            s,
            c.PersonInput(
                given_name="Anna",
                family_name="Schäfer",
                company_id=comp.id,
                birth_date=dt.date(1980, 11, 24),
                phones=[c.PhoneInput("0711 123456")],
            ),
            clock=CLOCK,
        )
        bert = c.create_person(
            s,
            c.PersonInput(given_name="Bert", family_name="Brandt", contact_interval_days=30),
            clock=CLOCK,
        )
        log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.CALL,
                person_id=bert.id,
                occurred_at=CLOCK.now() - dt.timedelta(days=45),
                text="Letztes Gespräch",
            ),
            clock=CLOCK,
        )
        overdue = followups.create_followup(
            s,
            due_at=CLOCK.now() - dt.timedelta(days=1),
            note="Angebot nachfassen",
            person_id=anna.id,
        )
        later = followups.create_followup(
            s, due_at=CLOCK.now() + dt.timedelta(hours=4), note="Rückruf 14 Uhr", person_id=anna.id
        )
        followups.create_followup(
            s, due_at=CLOCK.now() + dt.timedelta(days=3), note="nicht heute", person_id=anna.id
        )
        t = tickets.open_ticket(
            s,
            "Lager defekt",
            person_id=anna.id,
            clock=FixedClock(CLOCK.now() - dt.timedelta(days=12)),
        )
        opp = pipeline.create_opportunity(
            s,
            pipeline.OpportunityInput(
                title="Wartungsvertrag 2027",
                company_id=comp.id,
                value=decimal.Decimal("12500"),
                expected_close=dt.date(2026, 11, 30),
            ),
            clock=CLOCK,
        )
        return {
            "anna": anna.id,
            "bert": bert.id,
            "company": comp.id,
            "overdue": overdue.id,
            "later": later.id,
            "ticket": t.id,
            "opp": opp.id,
        }


def test_sections(qtbot: QtBot, sqlite_store: Store, filled: dict[str, int]) -> None:
    view = TodayView(sqlite_store, CLOCK)
    qtbot.addWidget(view)
    view.resize(1300, 900)
    view.refresh()
    assert "Monday 11/23/2026" in view.heading.text()  # the English window: US dates
    due = view.due.tree
    assert due.topLevelItemCount() == 2
    assert due.topLevelItem(0).text(1) == "Call: Angebot nachfassen"  # overdue first
    assert due.topLevelItem(1).text(0) == "2:00 PM"
    assert due.topLevelItem(0).text(4)  # phone shown
    occ = [
        view.occasions.tree.topLevelItem(i).text(1)
        for i in range(view.occasions.tree.topLevelItemCount())
    ]
    assert "46th birthday" in occ and "customer since 2016" in occ
    assert view.contacts.tree.topLevelItem(0).text(0) == "Bert Brandt"
    assert view.tickets.tree.topLevelItem(0).text(2) == "12 days"
    assert view.closing.tree.topLevelItem(0).text(0) == "Wartungsvertrag 2027"
    assert view.appointments.empty.isVisibleTo(view)


def test_done_snooze_and_open(qtbot: QtBot, sqlite_store: Store, filled: dict[str, int]) -> None:
    view = TodayView(sqlite_store, CLOCK)
    qtbot.addWidget(view)
    view.refresh()
    with qtbot.waitSignal(view.changed):
        view.mark_done(filled["overdue"])
    assert view.due.tree.topLevelItemCount() == 1
    view.snooze(filled["later"], "tomorrow")
    assert view.due.tree.topLevelItemCount() == 0
    assert view.due.empty.isVisibleTo(view)
    with sqlite_store.reader() as s:
        f = s.execute(select(FollowUp).where(FollowUp.id == filled["later"])).scalar_one()
        assert f.snoozed_until == dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)
    with qtbot.waitSignal(view.ticketActivated) as sig:
        item = view.tickets.tree.topLevelItem(0)
        view.tickets.tree.itemActivated.emit(item, 0)
    assert str(sig.args[0]).startswith("T-2026-")
    with qtbot.waitSignal(view.personActivated) as sig2:
        item = view.contacts.tree.topLevelItem(0)
        view.contacts.tree.itemActivated.emit(item, 0)
    assert sig2.args[0] == filled["bert"]


def test_empty_store(qtbot: QtBot, sqlite_store: Store) -> None:
    view = TodayView(sqlite_store, CLOCK)
    qtbot.addWidget(view)
    view.refresh()
    assert "Nothing is due today" in view.due.empty.text()
    assert view.due.empty.isVisibleTo(view)


def test_first_background_load_shows_no_empty_texts_before_the_data(
    qtbot: QtBot, sqlite_store: Store, filled: dict[str, int]
) -> None:
    view = TodayView(sqlite_store, clock=CLOCK)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.refresh_async()
        # still loading: no "No appointments today." and no empty lists yet
        assert view.summary.text() == "Loading…"
        assert not view.appointments.empty.isVisible()
        assert not view.due.tree.isVisible()
    qtbot.waitUntil(lambda: view.due.tree.isVisible(), timeout=5000)
    assert view.due.tree.topLevelItemCount() >= 1
    assert view.appointments.empty.isVisible()  # there really are none: now it says so


def test_a_page_closed_while_it_loads_gets_no_answer(
    qtbot: QtBot, sqlite_store: Store, filled: dict[str, int]
) -> None:
    import shiboken6

    from crm_desktop.ui.tasks import runner

    view = TodayView(sqlite_store, clock=CLOCK)
    view.refresh_async()
    shiboken6.delete(view)
    assert runner().wait(10000)  # the answer is dropped: nothing raised


def test_due_rows_name_the_year_of_follow_ups_overdue_since_an_earlier_year(
    sqlite_store: Store, filled: dict[str, int]
) -> None:
    from crm_desktop.clock import local_zone
    from crm_desktop.services.today import today_overview
    from crm_desktop.ui.today import due_rows

    with sqlite_store.session() as s:
        followups.create_followup(
            s,
            due_at=dt.datetime(2025, 10, 1, 8, 30, tzinfo=dt.UTC),
            note="Alte Zusage",
            person_id=filled["anna"],
        )
    with sqlite_store.reader() as s:
        data = today_overview(s, CLOCK)
    texts = {r[0][1]: r[0][0] for r in due_rows(data, local_zone(), {"interval": "{kind}"})}
    assert texts["Call: Alte Zusage"] == "10/1/2025 10:30 AM"  # Berlin summer time
    assert texts["Call: Angebot nachfassen"] == "11/22 10:00 AM"  # this year: no year
    assert texts["Call: Rückruf 14 Uhr"] == "2:00 PM"  # today: the time only
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        texts = {r[0][1]: r[0][0] for r in due_rows(data, local_zone(), {"interval": "{kind}"})}
    finally:
        QLocale.setDefault(before)
    assert texts["Call: Alte Zusage"] == "01.10.2025 10:30"
    assert texts["Call: Angebot nachfassen"] == "22.11. 10:00"
    assert texts["Call: Rückruf 14 Uhr"] == "14:00"
