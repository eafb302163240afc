"""The new-customer opportunity: a company that becomes a customer (edited one by one
or in bulk) gets one opportunity with the configured default estimates, when enabled."""

from __future__ import annotations

import datetime as dt
import decimal

from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import CompanyStatus, Opportunity, OpportunityStatus
from crm_desktop.data.store import Store
from crm_desktop.services import bulk, contacts
from crm_desktop.services import pipeline as pl
from crm_desktop.services import settings as cfg
from crm_desktop.services.contacts import CompanyInput

D = decimal.Decimal


def _company(store: Store, name: str, owner: str | None = "kai") -> int:
    with store.session() as s:
        return contacts.create_company(s, CompanyInput(name=name, owner=owner)).id


def _opps(store: Store, company_id: int) -> list[tuple[str, D, int, dt.date | None, str | None]]:
    with store.reader() as s:
        rows = s.execute(
            select(Opportunity).where(Opportunity.company_id == company_id).order_by(Opportunity.id)
        ).scalars()
        return [(o.title, o.value, o.probability, o.expected_close, o.owner) for o in rows]


def _defaults(store: Store, **kw: object) -> None:
    with store.session() as s:
        cfg.set_opportunity_defaults(s, cfg.OpportunityDefaults(**kw))  # type: ignore[arg-type]


def test_enabled_creates_exactly_one_with_the_defaults(store: Store, clock: FixedClock) -> None:
    _defaults(
        store,
        enabled=True,
        value=D("7500"),
        probability=15,
        months_to_close=2,
        title="Erstauftrag {company}",
    )
    cid = _company(store, "Bäckerei Weißgerber GmbH")
    assert _opps(store, cid) == []
    with store.session() as s:
        contacts.update_company(s, cid, {"status": CompanyStatus.CUSTOMER}, clock=clock)
    expected = [
        ("Erstauftrag Bäckerei Weißgerber GmbH", D("7500.00"), 15, dt.date(2027, 1, 1), "kai")
    ]
    assert _opps(store, cid) == expected
    with store.reader() as s:
        opp = s.execute(select(Opportunity).where(Opportunity.company_id == cid)).scalar_one()
        assert opp.status == OpportunityStatus.OPEN
        assert opp.source == contacts.NEW_CUSTOMER_SOURCE
    # saving the customer again (status unchanged, other fields) makes no second one
    with store.session() as s:
        contacts.update_company(
            s, cid, {"status": CompanyStatus.CUSTOMER, "notes": "Stammkunde"}, clock=clock
        )
    assert _opps(store, cid) == expected
    # even after the first one was lost, a customer going former → customer again
    # does not get a second automatic opportunity
    with store.session() as s:
        reason = pl.ensure_loss_reasons(s)[0]
        opp_id = s.execute(select(Opportunity.id).where(Opportunity.company_id == cid)).scalar_one()
        pl.lose(s, opp_id, reason.id, "", clock)
        contacts.update_company(s, cid, {"status": CompanyStatus.FORMER}, clock=clock)
    with store.session() as s:
        contacts.update_company(s, cid, {"status": CompanyStatus.CUSTOMER}, clock=clock)
    assert len(_opps(store, cid)) == 1


def test_disabled_creates_none(store: Store, clock: FixedClock) -> None:
    _defaults(store, enabled=False)
    cid = _company(store, "Schreinerei Köhler")
    with store.session() as s:
        contacts.update_company(s, cid, {"status": CompanyStatus.CUSTOMER}, clock=clock)
    assert _opps(store, cid) == []
    with store.reader() as s:
        assert contacts.get_company(s, cid).status == CompanyStatus.CUSTOMER


def test_other_changes_and_prospects_create_none(store: Store, clock: FixedClock) -> None:
    cid = _company(store, "Architekturbüro Weiß")
    with store.session() as s:
        contacts.update_company(s, cid, {"notes": "Messe Stuttgart"}, clock=clock)
        contacts.update_company(s, cid, {"status": CompanyStatus.FORMER}, clock=clock)
    assert _opps(store, cid) == []


def test_bulk_set_field_creates_one_per_new_customer(store: Store, clock: FixedClock) -> None:
    _defaults(store, enabled=True, value=D("1200"), probability=20, months_to_close=0)
    first = _company(store, "Gärtnerei Sommer", owner=None)
    second = _company(store, "Elektro Huber KG", owner="anna")
    already = _company(store, "Metallbau Özdemir")
    with store.session() as s:
        contacts.update_company(s, already, {"status": CompanyStatus.CUSTOMER}, clock=clock)
    assert len(_opps(store, already)) == 1
    with store.session() as s:
        result = bulk.set_field(s, "company", [first, second, already], "status", "customer", clock)
    assert result.changed == 2
    assert _opps(store, first) == [
        ("Erstauftrag Gärtnerei Sommer", D("1200.00"), 20, dt.date(2026, 11, 1), None)
    ]
    assert _opps(store, second) == [
        ("Erstauftrag Elektro Huber KG", D("1200.00"), 20, dt.date(2026, 11, 1), "anna")
    ]
    assert len(_opps(store, already)) == 1
    # setting the status again in bulk makes no second one
    with store.session() as s:
        bulk.set_field(s, "company", [first, second], "status", "customer", clock)
    assert len(_opps(store, first)) == 1 and len(_opps(store, second)) == 1


def test_undo_of_the_bulk_change_takes_the_new_opportunities_back(
    store: Store, clock: FixedClock
) -> None:
    _defaults(store, enabled=True, value=D("800"), probability=30, months_to_close=1)
    first = _company(store, "Bäckerei Krüger")
    second = _company(store, "Malerbetrieb Yilmaz")
    with store.session() as s:
        result = bulk.set_field(s, "company", [first, second], "status", "customer", clock)
    assert result.undo_id is not None and len(_opps(store, first)) == 1
    with store.session() as s:
        bulk.undo(s, result.undo_id, clock)
    with store.reader() as s:
        live = s.execute(
            select(Opportunity.id).where(
                Opportunity.company_id.in_([first, second]), Opportunity.deleted_at.is_(None)
            )
        ).all()
        statuses = {
            c.status for c in (contacts.get_company(s, first), contacts.get_company(s, second))
        }
    assert live == [] and CompanyStatus.CUSTOMER not in statuses
    # becoming a customer again makes a new one
    with store.session() as s:
        bulk.set_field(s, "company", [first], "status", "customer", clock)
    with store.reader() as s:
        assert s.execute(
            select(Opportunity.id).where(
                Opportunity.company_id == first, Opportunity.deleted_at.is_(None)
            )
        ).all()


def test_failed_update_leaves_no_opportunity(store: Store, clock: FixedClock) -> None:
    cid = _company(store, "Druckerei Lange")
    try:
        with store.session() as s:
            contacts.update_company(s, cid, {"status": CompanyStatus.CUSTOMER}, clock=clock)
            raise RuntimeError("the caller's unit of work fails later")
    except RuntimeError:
        pass
    assert _opps(store, cid) == []
