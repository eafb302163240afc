"""The trash dialog: lists trashed people and companies, restores (a company with the
people trashed with it), empties the trash after asking."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Activity, ActivityKind, Company, Person
from crm_desktop.data.store import Store
from crm_desktop.services import contacts
from crm_desktop.services.contacts import CompanyInput, PersonInput
from crm_desktop.ui.trash import TrashDialog


def _live(store: Store, model: type[Person] | type[Company]) -> int:
    with store.reader() as s:
        return int(
            s.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None))) or 0
        )


def test_restore_company_with_its_people_and_empty(
    qtbot: QtBot, store: Store, clock: FixedClock
) -> None:
    with store.session() as s:
        comp = contacts.create_company(s, CompanyInput(name="Köhler & Partner"))
        birgit = contacts.create_person(
            s, PersonInput("Birgit", "Weiß-Köhler", company_id=comp.id), clock=clock
        )
        hans = contacts.create_person(s, PersonInput("Hans", "Becker"), clock=clock)
        s.add(
            Activity(
                kind=ActivityKind.CALL,
                occurred_at=clock.now(),
                subject="Angebot",
                person_id=hans.id,
            )
        )
        comp_id, hans_id, birgit_id = comp.id, hans.id, birgit.id
    with store.session() as s:
        contacts.delete_company(s, comp_id, clock=clock)  # takes Birgit along
        contacts.delete_person(s, hans_id, clock=clock)
    dlg = TrashDialog(store, clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    items = dlg.items()
    assert sorted((e, label) for e, _i, label in items) == [
        ("company", "Köhler & Partner"),
        ("person", "Birgit Weiß-Köhler"),
        ("person", "Hans Becker"),
    ]
    assert dlg.model.item(0, 2).text()  # the moment of deletion is shown
    assert not dlg.restore_button.isEnabled()
    row = next(i for i, (e, _i, _l) in enumerate(items) if e == "company")
    dlg.select_rows([row])
    assert dlg.restore_button.isEnabled()
    with qtbot.waitSignal(dlg.changed):
        dlg.restore_button.click()
    assert [label for _e, _i, label in dlg.items()] == ["Hans Becker"]
    assert _live(store, Company) == 1
    with store.reader() as s:
        assert s.get(Person, birgit_id).deleted_at is None  # type: ignore[union-attr]
    # empty: asks first, a "no" keeps everything
    dlg.confirm = lambda _t, _q: False  # type: ignore[method-assign]
    assert dlg.empty_trash() == 0
    assert len(dlg.items()) == 1
    dlg.confirm = lambda _t, _q: True  # type: ignore[method-assign]
    assert dlg.empty_trash() == 1
    assert dlg.items() == []
    assert not dlg.empty_button.isEnabled()
    with store.reader() as s:
        assert s.get(Person, hans_id) is None
        # the activity stays for the statistics, unlinked
        act = s.execute(select(Activity)).scalar_one()
        assert act.person_id is None


def test_a_deleted_order_is_listed_and_restored(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    import decimal

    from crm_desktop.services import orders

    with sqlite_store.session() as s:
        comp = contacts.create_company(s, CompanyInput(name="Bäckerei Groß"))
        order = orders.create_order(
            s,
            orders.OrderInput(
                company_id=comp.id,
                lines=[
                    orders.OrderLineInput("Ofen", decimal.Decimal("1"), decimal.Decimal("4200"))
                ],
            ),
            clock=clock,
        )
        order_id, number = order.id, order.number
        orders.delete_order(s, order_id, clock=clock)
    dialog = TrashDialog(sqlite_store, clock=clock)
    qtbot.addWidget(dialog)
    assert dialog.items() == [("order", order_id, f"{number} (Bäckerei Groß)")]
    assert dialog.model.item(0, 1).text() == "Order"
    dialog.select_rows([0])
    assert dialog.restore_selected() == 1
    assert dialog.items() == []
    with sqlite_store.reader() as s:
        assert [r.id for r in orders.list_orders(s)] == [order_id]
