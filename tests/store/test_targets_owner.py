"""Revenue targets per owner (Betreuer): an owner's target against the revenue of that
owner's customers, new vs existing split alike, on the dashboard too."""

from __future__ import annotations

import datetime as dt
import decimal

from crm_desktop.clock import FixedClock
from crm_desktop.data.store import Store
from crm_desktop.services import analytics as an
from crm_desktop.services.contacts import (
    CompanyInput,
    PersonInput,
    create_company,
    create_person,
)
from crm_desktop.services.orders import OrderInput, OrderLineInput, create_order
from crm_desktop.services.targets import (
    get_targets,
    set_month_target,
    set_year_targets,
    target_owners,
    target_report,
)

D = decimal.Decimal


def _order(s, clock, day, amount, **who):  # type: ignore[no-untyped-def]
    create_order(
        s,
        OrderInput(order_date=day, lines=[OrderLineInput("Leistung", D("1"), D(amount))], **who),
        clock=clock,
    )


def test_owner_targets_compare_like_with_like(store: Store, clock: FixedClock) -> None:
    with store.session() as s:
        set_year_targets(s, 2026, 12000, 1200)  # the team
        set_year_targets(s, 2026, 6000, 600, owner="Jörg Weiß")
        set_month_target(s, 2026, 3, 100, 50, owner="Ängela Öz")
        set_month_target(s, 2026, 3, 200, 70, owner="Ängela Öz")  # replaces, no duplicate
        joerg = create_company(s, CompanyInput(name="Bäckerei Groß", owner="Jörg Weiß")).id
        angela = create_company(s, CompanyInput(name="Ölmühle", owner="Ängela Öz")).id
        private = create_person(
            s, PersonInput(given_name="Uwe", family_name="Privat", owner="Jörg Weiß")
        ).id
        _order(s, clock, dt.date(2025, 3, 1), "10", company_id=joerg)  # existing customer
        _order(s, clock, dt.date(2026, 3, 2), "1000", company_id=joerg)
        _order(s, clock, dt.date(2026, 3, 3), "300", person_id=private)  # new (first order)
        _order(s, clock, dt.date(2026, 3, 4), "5000", company_id=angela)  # new
    with store.reader() as s:
        assert set(target_owners(s)) == {"Ängela Öz", "Jörg Weiß"}
        assert get_targets(s, 2026)[2].existing == D("1000.00")
        assert get_targets(s, 2026, "Jörg Weiß")[2].existing == D("500.00")
        angela_march = get_targets(s, 2026, "Ängela Öz")[2]
        assert (angela_march.existing, angela_march.new) == (D("200.00"), D("70.00"))
        assert get_targets(s, 2026, "Nobody")[2].total == D("0")

        team = target_report(s, 2026)[2]
        assert (team.actual.existing, team.actual.new) == (D("1000.00"), D("5300.00"))
        mine = target_report(s, 2026, "Jörg Weiß")[2]
        assert (mine.actual.existing, mine.actual.new) == (D("1000.00"), D("300.00"))
        assert (mine.target.existing, mine.target.new) == (D("500.00"), D("50.00"))

        period = an.Period.year(2026)
        board = {r.month: r for r in an.revenue_vs_target(s, period, "Jörg Weiß")}
        march = board["2026-03"]
        assert (march.existing, march.new) == (D("1000.00"), D("300.00"))
        assert (march.target_existing, march.target_new) == (D("500.00"), D("50.00"))
        everyone = {r.month: r for r in an.revenue_vs_target(s, period)}["2026-03"]
        assert (everyone.existing, everyone.new) == (D("1000.00"), D("5300.00"))
        assert everyone.target == D("1100.00")
        assert {"Ängela Öz", "Jörg Weiß"} <= set(an.owners(s))
