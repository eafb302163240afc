"""Orders changed after entering them (update_order) and the order list (list_orders)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
from typing import Any

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Order
from crm_desktop.data.store import Store
from crm_desktop.errors import CardNumberError, ConflictError, NotFoundError, ValidationError
from crm_desktop.services.contacts import CompanyInput, PersonInput, create_company, create_person
from crm_desktop.services.orders import (
    OrderInput,
    OrderLineInput,
    create_order,
    delete_order,
    get_order,
    list_orders,
    set_status,
    update_order,
)

D = decimal.Decimal


def _people(store: Store) -> dict[str, int]:
    with store.session() as s:
        köhler = create_company(s, CompanyInput(name="Schreinerei Köhler GmbH")).id
        müller = create_company(s, CompanyInput(name="Müller & Söhne Präzisionsmechanik")).id
        jürgen = create_person(
            s, PersonInput(given_name="Jürgen", family_name="Weiß", company_id=köhler)
        ).id
        anna = create_person(
            s, PersonInput(given_name="Anna", family_name="Özdemir", company_id=müller)
        ).id
        private = create_person(s, PersonInput(given_name="Öztürk", family_name="Ünal")).id
    return {"köhler": köhler, "müller": müller, "jürgen": jürgen, "anna": anna, "private": private}


def _order(
    store: Store,
    clock: FixedClock,
    *,
    company_id: int | None = None,
    person_id: int | None = None,
    day: dt.date = dt.date(2026, 11, 2),
    price: str = "100",
    status: str = "open",
) -> tuple[int, str]:
    with store.session() as s:
        order = create_order(
            s,
            OrderInput(
                company_id=company_id,
                person_id=person_id,
                order_date=day,
                status=status,
                lines=[OrderLineInput("Montage", D("2"), D(price), "Std")],
            ),
            clock=clock,
        )
        return order.id, order.number


def test_update_changes_lines_total_and_customer_keeps_number(
    store: Store, clock: FixedClock
) -> None:
    ids = _people(store)
    oid, number = _order(store, clock, company_id=ids["köhler"], person_id=ids["jürgen"])
    later = FixedClock(clock.now() + dt.timedelta(hours=3))
    with store.session() as s:
        order = update_order(
            s,
            oid,
            OrderInput(
                company_id=ids["müller"],
                person_id=ids["anna"],
                order_date=dt.date(2026, 11, 5),
                status="delivered",
                currency="chf",
                notes="Lieferung KW 47",
                is_new_customer=False,
                lines=[
                    OrderLineInput("Arbeitsplatte Eiche", D("1.5"), D("1249.90"), "m", "KT-200"),
                    OrderLineInput("Anfahrt", D("1"), D("45"), "Pausch", vat_rate=D("7")),
                ],
            ),
            clock=later,
        )
        assert order.number == number
    with store.reader() as s:
        order = get_order(s, oid)
        assert order.number == number
        assert (order.company_id, order.person_id) == (ids["müller"], ids["anna"])
        assert order.order_date == dt.date(2026, 11, 5)
        assert (order.status, order.currency, order.notes) == (
            "delivered",
            "CHF",
            "Lieferung KW 47",
        )
        assert order.is_new_customer is False
        assert order.total_net == D("1919.85")  # 1874.85 + 45.00
        lines = [
            (ln.position, ln.sku, ln.description, ln.quantity, ln.vat_rate) for ln in order.lines
        ]
        assert order.updated_at == later.now()
    assert lines == [
        (1, "KT-200", "Arbeitsplatte Eiche", D("1.5"), D("19")),
        (2, None, "Anfahrt", D("1"), D("7")),
    ]
    # only a person: the company follows the person; no date keeps the date; the flag
    # left to "automatic" is worked out again (no earlier order of Özdemir's company)
    with store.session() as s:
        update_order(
            s,
            oid,
            OrderInput(person_id=ids["anna"], lines=[OrderLineInput("Beratung", D(1), D(95))]),
            clock=clock,
        )
    with store.reader() as s:
        order = get_order(s, oid)
        assert (order.company_id, order.person_id) == (ids["müller"], ids["anna"])
        assert order.order_date == dt.date(2026, 11, 5)
        assert order.total_net == D("95.00") and order.is_new_customer is True
        assert [ln.description for ln in order.lines] == ["Beratung"]


def test_update_refuses_bad_input_and_changes_nothing(store: Store, clock: FixedClock) -> None:
    ids = _people(store)
    oid, _ = _order(store, clock, company_id=ids["köhler"])
    good = [OrderLineInput("Montage", D(2), D(100), "Std")]
    cases: list[tuple[OrderInput, type[Exception], str | None]] = [
        (OrderInput(lines=good), ValidationError, "company_id"),
        (
            OrderInput(company_id=ids["köhler"], status="paid", lines=good),
            ValidationError,
            "status",
        ),
        (OrderInput(company_id=ids["köhler"], lines=[]), ValidationError, "lines"),
        (OrderInput(company_id=987654, lines=good), NotFoundError, None),
        (OrderInput(person_id=987654, lines=good), NotFoundError, None),
        (
            OrderInput(company_id=ids["köhler"], notes="Karte 4111 1111 1111 1111", lines=good),
            CardNumberError,
            "notes",
        ),
        (
            OrderInput(
                company_id=ids["köhler"], lines=[OrderLineInput("Karte 4111111111111111", D(1))]
            ),
            CardNumberError,
            "lines.0.description",
        ),
    ]
    for data, error, field in cases:
        with pytest.raises(error) as caught, store.session() as s:
            update_order(s, oid, data, clock=clock)
        if field is not None:
            assert getattr(caught.value, "field", None) == field
    with store.reader() as s:
        order = get_order(s, oid)
        assert order.status == "open" and order.total_net == D("200.00")
        assert [ln.description for ln in order.lines] == ["Montage"]
    with store.session() as s:
        delete_order(s, oid, clock=clock)
    with pytest.raises(NotFoundError), store.session() as s:
        update_order(s, oid, OrderInput(company_id=ids["köhler"], lines=good), clock=clock)


def test_invoiced_order_changes_only_its_status(store: Store, clock: FixedClock) -> None:
    ids = _people(store)
    oid, number = _order(store, clock, company_id=ids["köhler"], person_id=ids["jürgen"])
    with store.session() as s:
        set_status(s, oid, "invoiced")
    same = OrderInput(
        company_id=ids["köhler"],
        person_id=ids["jürgen"],
        order_date=dt.date(2026, 11, 2),
        status="invoiced",
        notes="",
        is_new_customer=True,
        lines=[OrderLineInput("Montage", D("2"), D("100"), "Std")],
    )
    changes: list[dict[str, Any]] = [
        {"lines": [OrderLineInput("Montage", D("3"), D("100"), "Std")]},
        {"notes": "nachträglich"},
        {"order_date": dt.date(2026, 11, 3)},
        {"person_id": None},
        {"company_id": ids["müller"], "person_id": ids["anna"]},
        {"is_new_customer": False},
        {"currency": "USD"},
        {"status": "cancelled", "notes": "storniert"},
    ]
    for change in changes:
        data = dataclasses.replace(same, **change)
        with pytest.raises(ConflictError) as caught, store.session() as s:
            update_order(s, oid, data, clock=clock)
        assert number in str(caught.value) and "only its status" in str(caught.value)
    # the unchanged order saved again, and then a status change, pass
    with store.session() as s:
        assert update_order(s, oid, same, clock=clock).status == "invoiced"
    with store.session() as s:
        update_order(s, oid, dataclasses.replace(same, status="cancelled"), clock=clock)
    with store.reader() as s:
        order = s.get(Order, oid)
        assert order is not None and order.status == "cancelled"
        assert order.total_net == D("200.00") and order.number == number
    # no longer invoiced: it can change again
    with store.session() as s:
        update_order(
            s,
            oid,
            dataclasses.replace(same, status="open", notes="wieder offen"),
            clock=clock,
        )
    with store.reader() as s:
        assert get_order(s, oid).notes == "wieder offen"


def test_list_orders_newest_first_with_filters(store: Store, clock: FixedClock) -> None:
    ids = _people(store)
    a, na = _order(store, clock, company_id=ids["köhler"], day=dt.date(2026, 10, 1))
    b, nb = _order(
        store,
        clock,
        company_id=ids["müller"],
        person_id=ids["anna"],
        day=dt.date(2026, 11, 20),
        price="1249.95",
        status="delivered",
    )
    c, nc = _order(store, clock, person_id=ids["private"], day=dt.date(2026, 11, 20))
    d, _ = _order(store, clock, company_id=ids["köhler"], day=dt.date(2026, 11, 22))
    with store.session() as s:
        delete_order(s, d, clock=clock)
        set_status(s, a, "invoiced")

    with store.reader() as s:
        rows = list_orders(s)
        assert [r.id for r in rows] == [c, b, a]  # by date, then number, newest first
        by_id = {r.id: r for r in rows}
        assert by_id[b].number == nb and by_id[b].order_date == dt.date(2026, 11, 20)
        assert (by_id[b].customer, by_id[b].person) == (
            "Müller & Söhne Präzisionsmechanik",
            "Anna Özdemir",
        )
        assert by_id[b].total_net == D("2499.90") and by_id[b].currency == "EUR"
        assert (by_id[b].status, by_id[b].company_id, by_id[b].person_id) == (
            "delivered",
            ids["müller"],
            ids["anna"],
        )
        assert (by_id[c].customer, by_id[c].person, by_id[c].company_id) == (
            "Öztürk Ünal",
            "Öztürk Ünal",
            None,
        )
        assert (by_id[a].customer, by_id[a].person) == ("Schreinerei Köhler GmbH", "")

        def ids_for(**kw: object) -> list[int]:
            return [r.id for r in list_orders(s, **kw)]  # type: ignore[arg-type]

        # text: number or customer, case and umlauts ignored
        assert ids_for(text=nb) == [b]
        assert ids_for(text=nb.lower()) == [b]
        assert ids_for(text="KÖHLER") == [a]
        assert ids_for(text="köhler") == [a]
        assert ids_for(text="müller söhne") == [b]
        assert ids_for(text="ÖZDEMIR") == [b]  # the contact person's name
        assert ids_for(text="ünal") == [c]
        assert ids_for(text="weiß") == []  # Jürgen Weiß has no order
        assert ids_for(text="100%") == []
        assert ids_for(text="  ") == [c, b, a]
        assert ids_for(text="A-2026") == [c, b, a]
        # status, customer, limit
        assert ids_for(status="invoiced") == [a]
        assert ids_for(status="delivered", text="müller") == [b]
        assert ids_for(status="cancelled") == []
        assert ids_for(company_id=ids["köhler"]) == [a]
        assert ids_for(person_id=ids["private"]) == [c]
        assert ids_for(limit=2) == [c, b]
        with pytest.raises(ValidationError):
            list_orders(s, status="paid")
    assert nc != na


def test_deleted_orders_are_in_the_trash_and_come_back(store: Store, clock: FixedClock) -> None:
    from crm_desktop.services import bulk
    from crm_desktop.services.contacts import purge_trash

    ids = _people(store)
    with store.session() as s:
        kept = create_order(
            s,
            OrderInput(company_id=ids["köhler"], lines=[OrderLineInput("Tisch", D("1"), D("900"))]),
            clock=clock,
        )
        gone = create_order(
            s,
            OrderInput(person_id=ids["jürgen"], lines=[OrderLineInput("Stuhl", D("2"), D("80"))]),
            clock=clock,
        )
        kept_id, gone_id, gone_number = kept.id, gone.id, gone.number
    with store.session() as s:
        delete_order(s, gone_id, clock=clock)
        delete_order(s, kept_id, clock=clock)
    with store.reader() as s:
        items = {(t.entity, t.id): t.label for t in bulk.trash(s)}
    assert items[("order", gone_id)] == f"{gone_number} (Schreinerei Köhler GmbH)"
    with store.session() as s:
        assert bulk.restore(s, "order", [kept_id]) == 1
    with store.reader() as s:
        assert [r.id for r in list_orders(s)] == [kept_id]
    with store.session() as s:
        assert purge_trash(s) == 1  # the order still in the trash, with its lines
    with store.reader() as s:
        assert s.get(Order, gone_id) is None
        assert [t for t in bulk.trash(s) if t.entity == "order"] == []
