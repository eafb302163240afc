"""Revenue targets vs actual revenue (existing/new customers) and contact intervals."""

from __future__ import annotations

import datetime as dt
import decimal

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import ActivityKind
from crm_desktop.data.store import Store
from crm_desktop.errors import ValidationError
from crm_desktop.services.activities import ActivityInput, log_activity
from crm_desktop.services.contacts import (
    CompanyInput,
    PersonInput,
    create_company,
    create_person,
)
from crm_desktop.services.orders import OrderInput, OrderLineInput, create_order, delete_order
from crm_desktop.services.targets import (
    actual_revenue,
    get_targets,
    interval_report,
    set_month_target,
    set_year_targets,
    target_report,
)

D = decimal.Decimal


def test_targets_and_actual_revenue_split(store: Store, clock: FixedClock) -> None:
    with store.session() as s:
        months = set_year_targets(s, 2026, "100000", D("30000"))
        assert [m.existing for m in months[:2]] == [D("8333.33"), D("8333.33")]
        assert months[11].existing == D("8333.37")
        assert sum(m.existing for m in months) == D("100000.00")
        assert all(m.new == D("2500.00") for m in months)
        set_month_target(s, 2026, 12, D("4000"), D("1000"))
        seasonal = set_year_targets(s, 2027, 12000, 0, weights=[2] + [1] * 10 + [0])
        assert seasonal[0].existing == D("2000.00") and seasonal[11].existing == D("0.00")
        with pytest.raises(ValidationError):
            set_month_target(s, 2026, 13, 1, 1)
        with pytest.raises(ValidationError):
            set_month_target(s, 2026, 1, -5, 1)

        def order(day: dt.date, amount: str, new: bool | None = None, **who: int) -> int:
            return create_order(
                s,
                OrderInput(
                    order_date=day,
                    is_new_customer=new,
                    lines=[OrderLineInput("Leistung", D("1"), D(amount))],
                    **who,  # type: ignore[arg-type]
                ),
                clock=clock,
            ).id

        alt = create_company(s, CompanyInput(name="Altkunde Bäumer GmbH")).id
        neu = create_company(s, CompanyInput(name="Neukunde Özdemir UG")).id
        flag = create_company(s, CompanyInput(name="Rückkehrer KG")).id
        priv = create_person(s, PersonInput(given_name="Uwe", family_name="Privat")).id
        order(dt.date(2025, 5, 10), "777", company_id=alt)  # customer since 2025
        order(dt.date(2026, 1, 15), "1000", company_id=alt)
        order(dt.date(2026, 3, 10), "2000", company_id=alt)
        gone = order(dt.date(2026, 3, 1), "9999", company_id=alt)
        order(dt.date(2026, 2, 1), "500", False, company_id=neu)  # first order this year
        order(dt.date(2026, 3, 20), "700.50", False, company_id=neu)
        order(dt.date(2026, 3, 5), "300", person_id=priv)  # private, first this year
        order(dt.date(2024, 4, 1), "50", company_id=flag)
        order(dt.date(2026, 4, 1), "400", True, company_id=flag)  # flagged new
        order(dt.date(2026, 5, 1), "250", company_id=flag)  # existing
        order(dt.date(2027, 1, 1), "123", company_id=alt)  # next year
        delete_order(s, gone, clock=clock)
    with store.reader() as s:
        actual = actual_revenue(s, 2026)
        got = [(m.month, m.existing, m.new) for m in actual if m.total]
        assert got == [
            (1, D("1000.00"), D("0.00")),
            (2, D("0.00"), D("500.00")),
            (3, D("2000.00"), D("1000.50")),
            (4, D("0.00"), D("400.00")),
            (5, D("250.00"), D("0.00")),
        ]
        assert len(actual) == 12
        old = actual_revenue(s, 2025)
        assert old[4].new == D("777.00") and old[4].existing == D("0.00")
        targets = get_targets(s, 2026)
        assert targets[11].total == D("5000.00")
        report = target_report(s, 2026)
        assert report[2].gap == D("3000.50") - D("10833.33")
        assert get_targets(s, 2030)[0].total == D("0")


def test_interval_report(store: Store, clock: FixedClock) -> None:
    now = clock.now()
    with store.session() as s:
        comp = create_company(s, CompanyInput(name="Intervall GmbH")).id

        def person(given: str, days: int | None) -> int:
            return create_person(
                s,
                PersonInput(
                    given_name=given,
                    family_name="Test",
                    company_id=comp,
                    contact_interval_days=days,
                ),
            ).id

        overdue = person("Überfällig", 30)
        fresh = person("Frisch", 14)
        person("Nie", 7)
        visit = person("Besuch", 30)
        person("Ohne", None)
        s.flush()
        from crm_desktop.data.models import Person

        p = s.get(Person, visit)
        assert p is not None
        p.contact_interval_kind = ActivityKind.VISIT

        def act(pid: int, days_ago: int, kind: ActivityKind = ActivityKind.CALL) -> None:
            log_activity(
                s,
                ActivityInput(
                    kind=kind, person_id=pid, occurred_at=now - dt.timedelta(days=days_ago)
                ),
                clock=clock,
            )

        act(overdue, 40)
        act(overdue, 90)
        act(fresh, 3)
        act(visit, 1)  # a call does not count for a visit interval
        act(visit, 50, ActivityKind.VISIT)
    with store.reader() as s:
        rows = interval_report(s, clock)
    assert [(r.name, r.days_since, r.overdue_days, r.due) for r in rows] == [
        ("Nie Test", None, None, True),
        ("Besuch Test", 50, 20, True),
        ("Überfällig Test", 40, 10, True),
        ("Frisch Test", 3, -11, False),
    ]
    assert rows[2].last_contact_at == now - dt.timedelta(days=40)
