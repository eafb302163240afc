"""Dashboard aggregates against hand-computed figures on a small fixture (both backends)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Company,
    CompanyStatus,
    LossReason,
    Opportunity,
    OpportunityStatus,
    Order,
    Person,
    PipelineStage,
    RevenueTarget,
    Ticket,
    TicketStatus,
)
from crm_desktop.data.store import Store
from crm_desktop.services import analytics as a

UTC = dt.UTC


def at(y: int, m: int, d: int, h: int = 10) -> dt.datetime:
    return dt.datetime(y, m, d, h, tzinfo=UTC)


@pytest.fixture
def data(store: Store) -> Store:
    return build_fixture(store)


def build_fixture(store: Store) -> Store:
    """A small hand-countable data set (used by the dashboard UI tests too)."""
    with store.session() as s:
        acme = Company(name="Acme GmbH", status=CompanyStatus.CUSTOMER, owner="anna")
        beta = Company(name="Beta AG", status=CompanyStatus.CUSTOMER, owner="ben")
        gone = Company(name="Gone KG", status=CompanyStatus.FORMER, status_reason="Preis")
        gone2 = Company(name="Gone2 KG", status=CompanyStatus.FORMER, status_reason="Preis")
        gone3 = Company(name="Gone3 KG", status=CompanyStatus.FORMER, status_reason="Umzug")
        s.add_all([acme, beta, gone, gone2, gone3])
        s.flush()
        max_ = Person(
            given_name="Max", family_name="Muster", company_id=acme.id, contact_interval_days=30
        )
        eva = Person(
            given_name="Eva", family_name="Ernst", company_id=beta.id, contact_interval_days=60
        )
        neu = Person(given_name="Neu", family_name="Ling", contact_interval_days=10)
        s.add_all([max_, eva, neu])
        s.flush()
        # orders: Jan existing 1000 + new 500; Feb existing 250.50; one deleted; one other year
        s.add_all(
            [
                Order(
                    number="A1",
                    company_id=acme.id,
                    order_date=dt.date(2026, 1, 10),
                    total_net=Decimal("1000"),
                ),
                Order(
                    number="A2",
                    company_id=beta.id,
                    order_date=dt.date(2026, 1, 20),
                    total_net=Decimal("500"),
                    is_new_customer=True,
                ),
                Order(
                    number="A3",
                    company_id=acme.id,
                    order_date=dt.date(2026, 2, 5),
                    total_net=Decimal("250.50"),
                ),
                Order(
                    number="A4",
                    company_id=acme.id,
                    order_date=dt.date(2026, 2, 6),
                    total_net=Decimal("999"),
                    deleted_at=at(2026, 2, 7),
                ),
                Order(
                    number="A5",
                    company_id=acme.id,
                    order_date=dt.date(2025, 12, 31),
                    total_net=Decimal("77"),
                ),
            ]
        )
        s.add_all(
            [
                RevenueTarget(
                    year=2026,
                    month=1,
                    existing_customers=Decimal("1200"),
                    new_customers=Decimal("300"),
                ),
                RevenueTarget(
                    year=2026,
                    month=2,
                    existing_customers=Decimal("800"),
                    new_customers=Decimal("0"),
                ),
            ]
        )
        k = PipelineStage(name="Kontakt", position=1, probability=10)
        o = PipelineStage(name="Angebot", position=2, probability=50)
        s.add_all([k, o])
        price = LossReason(name="Preis zu hoch")
        s.add(price)
        s.flush()
        s.add_all(
            [
                Opportunity(
                    title="o1",
                    stage_id=k.id,
                    value=Decimal("1000"),
                    probability=10,
                    owner="anna",
                    expected_close=dt.date(2026, 3, 1),
                ),
                Opportunity(
                    title="o2",
                    stage_id=o.id,
                    value=Decimal("2000"),
                    probability=50,
                    owner="ben",
                    expected_close=dt.date(2026, 3, 15),
                ),
                Opportunity(
                    title="o3",
                    stage_id=o.id,
                    value=Decimal("3000"),
                    probability=40,
                    owner="anna",
                    expected_close=dt.date(2026, 4, 1),
                ),
                Opportunity(
                    title="won",
                    stage_id=o.id,
                    value=Decimal("5000"),
                    status=OpportunityStatus.WON,
                    closed_at=at(2026, 2, 1),
                ),
                Opportunity(
                    title="lost1",
                    stage_id=o.id,
                    value=Decimal("700"),
                    status=OpportunityStatus.LOST,
                    loss_reason_id=price.id,
                    closed_at=at(2026, 2, 2),
                ),
                Opportunity(
                    title="lost2",
                    stage_id=k.id,
                    value=Decimal("300"),
                    status=OpportunityStatus.LOST,
                    loss_reason_id=price.id,
                    closed_at=at(2026, 3, 2),
                ),
                Opportunity(
                    title="lost-old",
                    stage_id=k.id,
                    value=Decimal("1"),
                    status=OpportunityStatus.LOST,
                    closed_at=at(2025, 3, 2),
                ),
            ]
        )
        # activities: Jan: 2 calls (phone), 1 e-mail; Feb: 1 visit, 1 letter, 1 note
        s.add_all(
            [
                Activity(
                    kind=ActivityKind.CALL,
                    occurred_at=at(2026, 1, 2),
                    person_id=max_.id,
                    company_id=acme.id,
                ),
                Activity(
                    kind=ActivityKind.SERVICE_CALL,
                    occurred_at=at(2026, 1, 3),
                    person_id=max_.id,
                    company_id=acme.id,
                ),
                Activity(
                    kind=ActivityKind.EMAIL,
                    occurred_at=at(2026, 1, 15),
                    person_id=eva.id,
                    company_id=beta.id,
                ),
                Activity(
                    kind=ActivityKind.VISIT,
                    occurred_at=at(2026, 2, 1),
                    person_id=max_.id,
                    company_id=acme.id,
                ),
                Activity(
                    kind=ActivityKind.LETTER,
                    occurred_at=at(2026, 2, 3),
                    person_id=eva.id,
                    company_id=beta.id,
                ),
                Activity(
                    kind=ActivityKind.NOTE,
                    occurred_at=at(2026, 2, 4),
                    person_id=eva.id,
                    company_id=beta.id,
                ),
                Activity(
                    kind=ActivityKind.CALL,
                    occurred_at=at(2026, 2, 5),
                    person_id=eva.id,
                    deleted_at=at(2026, 2, 6),
                ),
            ]
        )
        s.add_all(
            [
                Ticket(
                    number="T-1",
                    title="a",
                    opened_at=at(2026, 1, 1),
                    closed_at=at(2026, 1, 3),
                    status=TicketStatus.CLOSED,
                ),
                Ticket(
                    number="T-2",
                    title="b",
                    opened_at=at(2026, 1, 10),
                    closed_at=at(2026, 2, 9),
                    status=TicketStatus.CLOSED,
                ),
                Ticket(number="T-3", title="c", opened_at=at(2026, 2, 10)),
            ]
        )
    return store


def test_revenue_vs_target(data: Store) -> None:
    with data.reader() as s:
        rows = a.revenue_vs_target(s, a.Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31)))
    assert [(r.month, r.existing, r.new, r.target_existing, r.target_new) for r in rows] == [
        ("2026-01", Decimal("1000.00"), Decimal("500.00"), Decimal("1200.00"), Decimal("300.00")),
        ("2026-02", Decimal("250.50"), Decimal("0.00"), Decimal("800.00"), Decimal("0.00")),
        ("2026-03", Decimal("0.00"), Decimal("0.00"), Decimal("0.00"), Decimal("0.00")),
    ]
    with data.reader() as s:
        anna = a.revenue_vs_target(s, a.Period.year(2026), owner="anna")
    assert anna[0].total == Decimal("1000.00")


def test_pipeline(data: Store) -> None:
    with data.reader() as s:
        stages = a.pipeline_by_stage(s)
        months = a.pipeline_by_month(s)
        anna = a.pipeline_by_stage(s, owner="anna")
    assert [(x.stage, x.count, x.value, x.weighted) for x in stages] == [
        ("Kontakt", 1, Decimal("1000.00"), Decimal("100.00")),
        ("Angebot", 2, Decimal("5000.00"), Decimal("2200.00")),
    ]
    assert months == [("2026-03", Decimal("3000.00"), 2), ("2026-04", Decimal("3000.00"), 1)]
    assert [(x.stage, x.count) for x in anna] == [("Kontakt", 1), ("Angebot", 1)]


def test_won_lost(data: Store) -> None:
    with data.reader() as s:
        wl = a.won_lost(s, a.Period.year(2026))
    assert (wl.won, wl.lost, wl.won_value, wl.lost_value) == (
        1,
        2,
        Decimal("5000.00"),
        Decimal("1000.00"),
    )
    assert wl.reasons == [("Preis zu hoch", 2)]
    assert wl.win_rate == pytest.approx(1 / 3)


def test_activities_and_channels(data: Store) -> None:
    with data.reader() as s:
        per_month = a.activities_by_month(s, a.Period(dt.date(2026, 1, 1), dt.date(2026, 2, 28)))
        channels = a.channels_leading_to_orders(s, a.Period.year(2026), window_days=30)
    assert per_month == {
        "2026-01": {"phone": 2, "email": 1},
        "2026-02": {"visit": 1, "letter": 1, "other": 1},
    }
    # A1 (Acme, 10 Jan): calls on 2/3 Jan → phone. A2 (Beta, 20 Jan): e-mail 15 Jan → email.
    # A3 (Acme, 5 Feb): calls (2, 3 Jan: 33/34 days, outside 30) and visit 1 Feb → visit.
    assert channels == [
        ("phone", 1, 2),
        ("email", 1, 1),
        ("visit", 1, 1),
        ("letter", 0, 1),
        ("other", 0, 1),
    ]


def test_tickets(data: Store) -> None:
    with data.reader() as s:
        rows = a.tickets_by_month(s, a.Period(dt.date(2026, 1, 1), dt.date(2026, 2, 28)))
    assert [(r.month, r.opened, r.closed) for r in rows] == [("2026-01", 2, 1), ("2026-02", 1, 1)]
    assert rows[0].avg_days_to_close == pytest.approx(2.0)
    assert rows[1].avg_days_to_close == pytest.approx(30.0)


def test_overdue_contacts_and_former_reasons(data: Store) -> None:
    clock = FixedClock(at(2026, 3, 10))
    with data.reader() as s:
        overdue = a.overdue_contacts(s, clock)
        reasons = a.former_customer_reasons(s)
    # Max: last 1 Feb → 37 days > 30. Eva: last 4 Feb → 34 days < 60. Neu: never contacted.
    assert [(o.name, o.days_since) for o in overdue] == [("Neu Ling", None), ("Max Muster", 37)]
    assert overdue[1].overdue_by == 7
    assert reasons == [("Preis", 2), ("Umzug", 1)]


def test_dashboard_bundle(data: Store) -> None:
    with data.reader() as s:
        board = a.dashboard(s, a.Period.year(2026), FixedClock(at(2026, 3, 10)))
    assert len(board.revenue) == 12 and board.won_lost.won == 1


def _session_in_other_zone(s: Session, store: Store) -> None:
    """PostgreSQL: a session time zone far from UTC, so that anything that took months
    or days from the session zone instead of UTC would show."""
    if not store.is_sqlite:
        s.execute(text("SET TIME ZONE 'Pacific/Kiritimati'"))  # UTC+14


def test_activity_months_are_utc_months_cut_to_the_period(store: Store) -> None:
    with store.session() as s:
        s.add_all(
            [
                Activity(kind=ActivityKind.CALL, occurred_at=at(2026, 1, 14, 23), owner="anna"),
                Activity(kind=ActivityKind.CALL, occurred_at=at(2026, 1, 15, 0), owner="anna"),
                Activity(
                    kind=ActivityKind.EMAIL,
                    occurred_at=dt.datetime(2026, 1, 31, 23, 59, 59, 999999, tzinfo=UTC),
                    owner="ben",
                ),
                Activity(kind=ActivityKind.VISIT, occurred_at=at(2026, 2, 1, 0), owner="anna"),
                Activity(kind=ActivityKind.MEETING, occurred_at=at(2026, 2, 3, 23), owner="ben"),
                Activity(kind=ActivityKind.NOTE, occurred_at=at(2026, 2, 4, 0), owner="anna"),
                Activity(
                    kind=ActivityKind.NOTE,
                    occurred_at=at(2026, 2, 2),
                    owner="anna",
                    deleted_at=at(2026, 2, 3),
                ),
            ]
        )
    period = a.Period(dt.date(2026, 1, 15), dt.date(2026, 2, 3))
    with store.reader() as s:
        _session_in_other_zone(s, store)
        everyone = a.activities_by_month(s, period)
        anna = a.activities_by_month(s, period, owner="anna")
        nobody = a.activities_by_month(s, period, owner="zoe")
        empty = a.activities_by_month(s, a.Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31)))
        channels = a.channels_leading_to_orders(s, period)
        board = a.dashboard(s, period, FixedClock(at(2026, 2, 4)), owner="anna")
    assert everyone == {"2026-01": {"phone": 1, "email": 1}, "2026-02": {"visit": 2}}
    assert anna == {"2026-01": {"phone": 1}, "2026-02": {"visit": 1}}
    assert nobody == {"2026-01": {}, "2026-02": {}}
    assert empty == {"2026-03": {}}
    assert channels == [("phone", 0, 1), ("email", 0, 1), ("visit", 0, 2)]
    # the dashboard of one owner: their activities, but everyone's channels
    assert board.activities == anna
    assert board.channels == channels


def test_channels_window_is_whole_utc_days(store: Store) -> None:
    with store.session() as s:
        acme = Company(name="Acme GmbH", status=CompanyStatus.CUSTOMER)
        beta = Company(name="Beta AG", status=CompanyStatus.CUSTOMER)
        s.add_all([acme, beta])
        s.flush()
        s.add_all(
            [
                Order(number="W1", company_id=acme.id, order_date=dt.date(2026, 3, 31)),
                Order(number="W2", company_id=beta.id, order_date=dt.date(2026, 3, 31)),
                Order(
                    number="W3",
                    company_id=beta.id,
                    order_date=dt.date(2026, 3, 20),
                    deleted_at=at(2026, 3, 21),
                ),
            ]
        )

        def act(kind: ActivityKind, when: dt.datetime, company: Company) -> Activity:
            return Activity(kind=kind, occurred_at=when, company_id=company.id)

        s.add_all(
            [
                # window of 10 days before 31 March: 21 March 00:00 .. 31 March 23:59:59 UTC
                act(ActivityKind.CALL, at(2026, 3, 21, 0), acme),  # first moment: counts
                act(ActivityKind.EMAIL, at(2026, 3, 31, 23), acme),  # the order day: counts
                act(
                    ActivityKind.VISIT,
                    dt.datetime(2026, 3, 20, 23, 59, 59, tzinfo=UTC),  # a day too early
                    beta,
                ),
                act(ActivityKind.LETTER, at(2026, 4, 1, 0), beta),  # after the order
                act(ActivityKind.NOTE, at(2026, 3, 25), beta),
            ]
        )
    with store.reader() as s:
        _session_in_other_zone(s, store)
        channels = a.channels_leading_to_orders(s, a.Period.year(2026), window_days=10)
    assert channels == [
        ("phone", 1, 1),
        ("email", 1, 1),
        ("visit", 0, 1),
        ("letter", 0, 1),
        ("other", 1, 1),
    ]


def test_ticket_months_are_utc_months(store: Store) -> None:
    with store.session() as s:
        s.add_all(
            [
                Ticket(
                    number="T-9",
                    title="late",
                    opened_at=at(2026, 1, 31, 23),
                    closed_at=at(2026, 2, 28, 23),
                    status=TicketStatus.CLOSED,
                ),
            ]
        )
    with store.reader() as s:
        _session_in_other_zone(s, store)
        rows = a.tickets_by_month(s, a.Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31)))
    assert [(r.month, r.opened, r.closed) for r in rows] == [
        ("2026-01", 1, 0),
        ("2026-02", 0, 1),
        ("2026-03", 0, 0),
    ]
    assert rows[1].avg_days_to_close == pytest.approx(28.0)


def test_overdue_contacts_use_the_newest_live_activity(store: Store) -> None:
    with store.session() as s:
        old = Person(given_name="Olga", family_name="Alt", contact_interval_days=30)
        gone = Person(given_name="Gerd", family_name="Weg", contact_interval_days=30, owner="ben")
        fresh = Person(given_name="Frida", family_name="Neu", contact_interval_days=30)
        never = Person(given_name="Nina", family_name="Nie", contact_interval_days=7, owner="anna")
        free = Person(given_name="Fritz", family_name="Frei", contact_interval_days=None)
        s.add_all([old, gone, fresh, never, free])
        s.flush()
        s.add_all(
            [
                # Olga: the newest contact was deleted, the one before counts (50 days)
                Activity(kind=ActivityKind.CALL, occurred_at=at(2026, 1, 19), person_id=old.id),
                Activity(
                    kind=ActivityKind.CALL,
                    occurred_at=at(2026, 3, 1),
                    person_id=old.id,
                    deleted_at=at(2026, 3, 2),
                ),
                # Gerd: only deleted contacts, so never contacted
                Activity(
                    kind=ActivityKind.VISIT,
                    occurred_at=at(2026, 3, 1),
                    person_id=gone.id,
                    deleted_at=at(2026, 3, 2),
                ),
                # Frida: 10 days ago, within her interval
                Activity(kind=ActivityKind.EMAIL, occurred_at=at(2026, 2, 26), person_id=fresh.id),
                Activity(kind=ActivityKind.EMAIL, occurred_at=at(2025, 2, 26), person_id=fresh.id),
                Activity(kind=ActivityKind.CALL, occurred_at=at(2025, 1, 1), person_id=free.id),
            ]
        )
    clock = FixedClock(at(2026, 3, 10))
    with store.reader() as s:
        everyone = a.overdue_contacts(s, clock)
        anna = a.overdue_contacts(s, clock, owner="anna")
        first = a.overdue_contacts(s, clock, limit=1)
    # never contacted first (in the order they were entered), then the most overdue
    assert [(o.name, o.days_since, o.overdue_by) for o in everyone] == [
        ("Gerd Weg", None, 30),
        ("Nina Nie", None, 7),
        ("Olga Alt", 50, 20),
    ]
    assert [o.name for o in anna] == ["Nina Nie", "Olga Alt"]  # Olga belongs to nobody
    assert [o.name for o in first] == ["Gerd Weg"]
