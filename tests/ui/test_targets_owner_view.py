"""The targets view per owner (Betreuer): pick or type an owner, edit and spread that
owner's targets; the actual column is the revenue of that owner's customers."""

from __future__ import annotations

import datetime as dt
import decimal
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import RevenueTarget
from crm_desktop.data.store import Store
from crm_desktop.services import contacts
from crm_desktop.services import orders as osvc
from crm_desktop.services.contacts import CompanyInput
from crm_desktop.ui.targets_view import A_EXISTING, A_NEW, T_EXISTING, TargetsView
from tests.ui import test_detail_panes as panes
from tests.ui import test_targets_view as tv
from tests.ui.test_detail_panes import save_shot

_template_db = panes._template_db
fast_store = panes.fast_store
german_locale = tv.german_locale
D = decimal.Decimal


def _owned_orders(store: Store, clock: FixedClock) -> None:
    with store.session() as s:
        mine = contacts.create_company(s, CompanyInput(name="Bäckerei Groß", owner="Jörg")).id
        other = contacts.create_company(s, CompanyInput(name="Ölmühle", owner="Anna")).id
        for cid, day, price in (
            (mine, dt.date(2025, 6, 3), "100"),
            (mine, dt.date(2026, 3, 10), "1250.50"),
            (other, dt.date(2026, 3, 20), "4000"),
        ):
            osvc.create_order(
                s,
                osvc.OrderInput(
                    company_id=cid,
                    order_date=day,
                    lines=[osvc.OrderLineInput(description="Leistung", unit_price=D(price))],
                ),
                clock=clock,
            )


def test_targets_per_owner(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    _owned_orders(fast_store, clock)
    view = TargetsView(fast_store, clock=clock)
    qtbot.addWidget(view)
    view.resize(1100, 560)
    items = [view.owner_box.itemText(i) for i in range(view.owner_box.count())]
    assert items[0] == "Whole team" and {"Anna", "Jörg"} <= set(items)
    assert tv._text(view, 3, A_NEW) == "4.000,00 €"  # everyone's revenue
    view.owner_box.setCurrentIndex(view.owner_box.findText("Jörg"))
    view._owner_chosen()
    assert view.model.owner == "Jörg"
    assert tv._text(view, 3, A_EXISTING) == "1.250,50 €"
    assert tv._text(view, 3, A_NEW) == "0,00 €"
    assert view.set_target(3, existing="1.000")
    # a new owner is typed in
    view.owner_box.setEditText("Neu Nadine")
    view._owner_chosen()
    assert view.model.owner == "Neu Nadine" and view.owner_box.currentText() == "Neu Nadine"
    assert tv._text(view, 3, T_EXISTING) == "0,00 €"
    assert view.set_target(5, new="500")
    with fast_store.reader() as s:
        rows = {
            (r.owner, r.month): r.existing_customers + r.new_customers
            for r in s.execute(select(RevenueTarget).where(RevenueTarget.year == 2026)).scalars()
        }
    assert rows == {("Jörg", 3): D("1000.00"), ("Neu Nadine", 5): D("500.00")}
    view.show_owner("Jörg")
    save_shot(view, "targets_owner.png", tmp_path)
    view.show_owner(None)
    assert view.owner_box.currentIndex() == 0
    assert tv._text(view, 3, T_EXISTING) == "0,00 €"  # the team has no target of its own
