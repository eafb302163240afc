"""Revenue development on the company pane: net order revenue per year as bars and a
table (newest first, change against the year before, the running year marked)."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.store import Store
from crm_desktop.services import contacts
from crm_desktop.services import orders as osvc
from crm_desktop.services.contacts import CompanyInput
from crm_desktop.services.targets import YearRevenue, company_revenue_by_year
from crm_desktop.ui.detail import CompanyDetailPane
from tests.ui import test_detail_panes as panes
from tests.ui.test_detail_panes import save_shot

_template_db = panes._template_db
fast_store = panes.fast_store
D = decimal.Decimal


def _orders(store: Store, clock: FixedClock) -> tuple[int, int]:
    with store.session() as s:
        cid = contacts.create_company(s, CompanyInput(name="Brauerei Weißbräu KG")).id
        empty = contacts.create_company(s, CompanyInput(name="Noch Kein Kunde")).id
        other = contacts.create_company(s, CompanyInput(name="Andere GmbH")).id
        for company, day, price in (
            (cid, dt.date(2022, 3, 1), "12000"),
            (cid, dt.date(2022, 9, 1), "3000"),
            (cid, dt.date(2024, 5, 1), "18000"),
            (cid, dt.date(2025, 5, 1), "22500.50"),
            (cid, dt.date(2026, 2, 1), "9000"),
            (other, dt.date(2026, 2, 1), "99999"),
        ):
            osvc.create_order(
                s,
                osvc.OrderInput(
                    company_id=company,
                    order_date=day,
                    lines=[osvc.OrderLineInput(description="Bier", unit_price=D(price))],
                ),
                clock=clock,
            )
        gone = osvc.create_order(
            s,
            osvc.OrderInput(
                company_id=cid,
                order_date=dt.date(2025, 1, 1),
                lines=[osvc.OrderLineInput(description="Storno", unit_price=D("777"))],
            ),
            clock=clock,
        ).id
        osvc.delete_order(s, gone, clock=clock)
    return cid, empty


@pytest.fixture
def german_app(qapp: QApplication) -> Iterator[None]:
    from crm_desktop.app import install_translators

    before = QLocale()
    installed = install_translators(qapp, "de")
    yield
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)


def test_revenue_by_year_service(fast_store: Store, clock: FixedClock) -> None:
    cid, empty = _orders(fast_store, clock)
    with fast_store.reader() as s:
        assert company_revenue_by_year(s, cid) == [
            YearRevenue(2022, 2, D("15000.00")),
            YearRevenue(2023, 0, D("0.00")),
            YearRevenue(2024, 1, D("18000.00")),
            YearRevenue(2025, 1, D("22500.50")),
            YearRevenue(2026, 1, D("9000.00")),
        ]
        assert company_revenue_by_year(s, empty) == []


def _show(qtbot: QtBot, store: Store, clock: FixedClock, cid: int) -> CompanyDetailPane:
    pane = CompanyDetailPane(store, clock=clock)
    qtbot.addWidget(pane)
    pane.resize(900, 640)
    pane.show()
    pane.show_company(cid)
    pane.tabs.setCurrentWidget(pane.revenue_page)
    return pane


def test_company_pane_revenue_tab(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    cid, empty = _orders(fast_store, clock)
    pane = _show(qtbot, fast_store, clock, cid)
    text = pane.revenue_table.text()
    assert text.index("2026") < text.index("2025") < text.index("2022")  # newest first
    assert "+25%" in text and "-100%" in text  # 2025 against 2024, 2023 against 2022
    assert "-60" not in text  # the running year is not compared
    assert "(so far)" in text  # the running year
    assert "99,999" not in text and "99.999" not in text  # another company's order
    assert [y.year for y in pane.revenue_bars.years] == [2022, 2023, 2024, 2025, 2026]
    assert pane.revenue_bars.isVisibleTo(pane)
    save_shot(pane, "company_revenue_en.png", tmp_path)
    pane.show_company(empty)
    assert "No orders from this company yet." in pane.revenue_table.text()
    assert not pane.revenue_bars.isVisibleTo(pane)


def test_company_pane_revenue_tab_german(
    german_app: None, qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    cid, _ = _orders(fast_store, clock)
    pane = _show(qtbot, fast_store, clock, cid)
    assert "22.500,50" in pane.revenue_table.text()
    assert "+25 %" in pane.revenue_table.text()
    save_shot(pane, "company_revenue_de.png", tmp_path)
