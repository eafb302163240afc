"""Automatic A/B/C priorities on hand-computed figures; history only for changes."""

from __future__ import annotations

import datetime as dt
import decimal

from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    ActivityKind,
    Company,
    CompanyStatus,
    Person,
    Priority,
    PriorityChange,
)
from crm_desktop.data.store import Store
from crm_desktop.services import settings as cfg
from crm_desktop.services.activities import ActivityInput, log_activity
from crm_desktop.services.contacts import CompanyInput, PersonInput, create_company, create_person
from crm_desktop.services.orders import OrderInput, OrderLineInput, create_order
from crm_desktop.services.priority import nightly, recompute_priorities

D = decimal.Decimal


def _order(s: object, clock: FixedClock, day: dt.date, amount: str, **who: int) -> None:
    create_order(
        s,  # type: ignore[arg-type]
        OrderInput(order_date=day, lines=[OrderLineInput("Ware", D("1"), D(amount))], **who),  # type: ignore[arg-type]
        clock=clock,
    )


def test_priorities_from_revenue_orders_and_recency(store: Store, clock: FixedClock) -> None:
    # today 2026-11-23: the 12 months start 2025-11-23; stale after 180 days (before 2026-05-27)
    with store.session() as s:
        ids = {}
        for name in ("Alpha", "Beta", "Gamma", "Delta"):
            ids[name] = create_company(s, CompanyInput(name=f"{name} GmbH")).id
        ids["Prospect"] = create_company(s, CompanyInput(name="Interessent AG")).id
        ids["Kunde"] = create_company(
            s, CompanyInput(name="Kunde ohne Auftrag", status=CompanyStatus.CUSTOMER)
        ).id
        priv = create_person(s, PersonInput(given_name="Jörg", family_name="Weiß")).id
        _order(s, clock, dt.date(2026, 10, 1), "15000", company_id=ids["Alpha"])
        _order(s, clock, dt.date(2026, 6, 1), "6000", company_id=ids["Alpha"])  # 21000 → A
        for day in (dt.date(2026, 7, 1), dt.date(2026, 8, 1), dt.date(2026, 9, 1)):
            _order(s, clock, day, "100", company_id=ids["Beta"])  # 3 orders → B
        _order(s, clock, dt.date(2025, 6, 1), "50000", company_id=ids["Gamma"])  # too old → C
        _order(s, clock, dt.date(2026, 3, 1), "25000", company_id=ids["Delta"])  # A, stale → B
        _order(s, clock, dt.date(2025, 11, 22), "99999", company_id=ids["Delta"])  # outside
        _order(s, clock, dt.date(2026, 11, 1), "6000", person_id=priv)  # private customer → B
    with store.session() as s:
        changes = recompute_priorities(s, clock)
    got = {(c.entity, c.name): (c.old, c.new) for c in changes}
    assert got == {
        ("company", "Alpha GmbH"): (None, Priority.A),
        ("company", "Beta GmbH"): (None, Priority.B),
        ("company", "Gamma GmbH"): (None, Priority.C),
        ("company", "Delta GmbH"): (None, Priority.B),
        ("company", "Kunde ohne Auftrag"): (None, Priority.C),
        ("person", "Jörg Weiß"): (None, Priority.B),
    }
    with store.session() as s:
        assert recompute_priorities(s, clock) == []  # idempotent
        prospect = s.get(Company, ids["Prospect"])
        assert prospect is not None and prospect.priority is None
        assert len(s.scalars(select(PriorityChange)).all()) == 6
        # a visit today makes Delta current again → A
        log_activity(
            s, ActivityInput(kind=ActivityKind.VISIT, company_id=ids["Delta"]), clock=clock
        )
        again = recompute_priorities(s, clock)
        assert [(c.name, c.old, c.new) for c in again] == [("Delta GmbH", Priority.B, Priority.A)]
        # stricter criteria move Alpha down to B
        cfg.set_priority_criteria(s, cfg.PriorityCriteria(a_revenue=D("30000"), a_orders=12))
        stricter = recompute_priorities(s, clock)
        assert {(c.name, c.new) for c in stricter} == {
            ("Alpha GmbH", Priority.B),
            ("Delta GmbH", Priority.B),
        }
    with store.reader() as s:
        delta = s.get(Company, ids["Delta"])
        assert delta is not None
        hist = [(h.old, h.new) for h in delta.priority_history]
        assert hist == [(None, Priority.B), (Priority.B, Priority.A), (Priority.A, Priority.B)]
        assert "revenue 12 months 25000.00" in delta.priority_history[0].reason
        person = s.get(Person, priv)
        assert person is not None and person.priority == Priority.B


def test_nightly_runs_once_per_local_day(store: Store, clock: FixedClock) -> None:
    with store.session() as s:
        comp = create_company(s, CompanyInput(name="Nachtlauf KG")).id
        _order(s, clock, dt.date(2026, 11, 20), "100", company_id=comp)
    with store.session() as s:
        first = nightly(s, clock)
        assert first is not None and [c.new for c in first] == [Priority.C]
    clock.advance(hours=12)  # 21:00 UTC = 22:00 in Berlin: same day
    with store.session() as s:
        assert nightly(s, clock) is None
    clock.advance(hours=3)  # 00:00 UTC = 01:00 next day in Berlin
    with store.session() as s:
        assert nightly(s, clock) == []
        assert cfg.priority_last_run(s) == dt.date(2026, 11, 24)


def test_nightly_in_steps_writes_the_same_in_small_transactions(
    store: Store, clock: FixedClock
) -> None:
    """The start of the program runs it in chunks (a save never waits for the whole run);
    the result is the nightly run's, and it too runs once per local day."""
    from crm_desktop.services.priority import nightly_in_steps

    with store.session() as s:
        ids = [create_company(s, CompanyInput(name=f"Firma {n} GmbH")).id for n in range(5)]
        person = create_person(s, PersonInput(given_name="Jörg", family_name="Weiß")).id
        for n, cid in enumerate(ids):
            _order(s, clock, dt.date(2026, 10, 1), str(3000 * (n + 1)), company_id=cid)
        _order(s, clock, dt.date(2026, 11, 1), "6000", person_id=person)
    changes = nightly_in_steps(store, clock, chunk=2)
    assert changes is not None
    assert [(c.entity, c.id) for c in changes] == sorted(
        [("company", cid) for cid in ids] + [("person", person)]
    )
    with store.reader() as s:
        stored = {c.id: c.priority for c in s.scalars(select(Company))}
        history = s.scalars(select(PriorityChange)).all()
        assert cfg.priority_last_run(s) == dt.date(2026, 11, 23)
    assert {c.id: c.new for c in changes if c.entity == "company"} == stored
    assert len(history) == len(changes) == 6
    assert nightly_in_steps(store, clock, chunk=2) is None  # once per day
    clock.advance(days=1)
    assert nightly_in_steps(store, clock, chunk=2) == []  # nothing changed: no history
