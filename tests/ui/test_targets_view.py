"""The revenue targets view: a year of targets edited in place (German money), spread
from a yearly figure, and the actual revenue from orders beside them, coloured."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import RevenueTarget
from crm_desktop.data.store import Store
from crm_desktop.services import contacts
from crm_desktop.services import orders as osvc
from crm_desktop.services import targets as tsvc
from crm_desktop.services.contacts import CompanyInput
from crm_desktop.ui.targets_view import (
    A_EXISTING,
    A_NEW,
    A_TOTAL,
    BAD,
    DIFF,
    FUTURE,
    GOOD,
    MONTH,
    T_EXISTING,
    T_NEW,
    T_TOTAL,
    SpreadDialog,
    TargetsView,
)
from tests.ui import test_detail_panes as panes
from tests.ui.test_detail_panes import save_shot

_template_db = panes._template_db
fast_store = panes.fast_store
D = decimal.Decimal


@pytest.fixture(autouse=True)
def german_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def _targets(store: Store, year: int) -> dict[int, tuple[D, D]]:
    with store.reader() as s:
        return {
            r.month: (r.existing_customers, r.new_customers)
            for r in s.execute(select(RevenueTarget).where(RevenueTarget.year == year)).scalars()
        }


def _orders(store: Store, clock: FixedClock) -> None:
    """An old customer (first order 2025) and a new one (first order 2026)."""
    with store.session() as s:
        old = contacts.create_company(s, CompanyInput(name="Bäckerei Weißgerber")).id
        new = contacts.create_company(s, CompanyInput(name="Elektro Özdemir KG")).id
        for cid, day, price in (
            (old, dt.date(2025, 6, 3), "800"),
            (old, dt.date(2026, 3, 10), "1250.50"),
            (new, dt.date(2026, 3, 20), "4000"),
            (old, dt.date(2026, 11, 2), "999.99"),
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


def _text(view: TargetsView, month: int, col: int) -> str:
    return str(view.model.index(month - 1, col).data())


def _fg(view: TargetsView, month: int, col: int) -> str:
    brush = view.model.index(month - 1, col).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush)
    return brush.color().name()


def test_edit_targets_in_place(qtbot: QtBot, fast_store: Store, clock: FixedClock) -> None:
    view = TargetsView(fast_store, clock=clock)
    qtbot.addWidget(view)
    assert view.year.value() == 2026
    assert view.model.rowCount() == 13
    assert _text(view, 1, MONTH) == "Januar" and _text(view, 13, MONTH) == "Year 2026"
    assert view.set_target(3, existing="12.500", new="2.000,50")
    assert _targets(fast_store, 2026) == {3: (D("12500.00"), D("2000.50"))}
    assert _text(view, 3, T_EXISTING) == "12.500,00 €"
    assert _text(view, 3, T_TOTAL) == "14.500,50 €"
    assert _text(view, 13, T_TOTAL) == "14.500,50 €"
    assert view.model.index(2, T_EXISTING).data(Qt.ItemDataRole.EditRole) == "12.500,00"
    assert view.model.flags(view.model.index(2, T_NEW)) & Qt.ItemFlag.ItemIsEditable
    assert not view.model.flags(view.model.index(2, A_TOTAL)) & Qt.ItemFlag.ItemIsEditable
    assert not view.model.flags(view.model.index(12, T_NEW)) & Qt.ItemFlag.ItemIsEditable
    # unreadable and negative amounts are refused with a message; nothing changes
    assert not view.set_target(3, existing="viel")
    assert "not a number" in view.info.text()
    assert not view.set_target(4, new="-5")
    assert "negative" in view.info.text()
    assert _targets(fast_store, 2026) == {3: (D("12500.00"), D("2000.50"))}
    # another year is separate
    view.year.setValue(2027)
    assert _text(view, 3, T_EXISTING) == "0,00 €"
    assert view.set_target(1, existing="1000")
    assert _targets(fast_store, 2027) == {1: (D("1000.00"), D("0.00"))}


def test_spread_a_yearly_target(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    _orders(fast_store, clock)
    view = TargetsView(fast_store, clock=clock)
    qtbot.addWidget(view)
    dlg = view.spread_dialog()
    qtbot.addWidget(dlg)
    dlg.existing.setText("120.000")
    dlg.new.setText("30.000,00")
    dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert view.spread(dlg)
    rows = _targets(fast_store, 2026)
    assert len(rows) == 12
    assert all(rows[m] == (D("10000.00"), D("2500.00")) for m in range(1, 13))
    assert _text(view, 13, T_TOTAL) == "150.000,00 €"
    # seasonal: shaped like last year's revenue (only June 2025 had orders)
    dlg2 = view.spread_dialog()
    qtbot.addWidget(dlg2)
    assert dlg2.existing.text() == "120.000,00"  # prefilled with the current year
    dlg2.how.setCurrentIndex(dlg2.how.findData(SpreadDialog.LAST_YEAR))
    dlg2.accept()
    assert view.spread(dlg2)
    rows = _targets(fast_store, 2026)
    assert rows[6] == (D("120000.00"), D("30000.00"))
    assert rows[1] == (D("0.00"), D("0.00"))
    # no revenue the year before 2025: refused, targets unchanged
    view.year.setValue(2025)
    dlg3 = view.spread_dialog()
    qtbot.addWidget(dlg3)
    dlg3.existing.setText("1000")
    dlg3.how.setCurrentIndex(1)
    dlg3.accept()
    assert not view.spread(dlg3)
    assert "no revenue in 2024" in view.info.text()
    assert _targets(fast_store, 2025) == {}
    # unreadable input keeps the dialog open
    dlg4 = view.spread_dialog()
    qtbot.addWidget(dlg4)
    dlg4.new.setText("dreißig")
    dlg4.show()
    dlg4.accept()
    assert dlg4.result() != QDialog.DialogCode.Accepted and "not a number" in dlg4.error.text()


def test_actual_revenue_and_difference_coloured(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    _orders(fast_store, clock)
    with fast_store.session() as s:
        tsvc.set_month_target(s, 2026, 3, "1000", "5000")
        tsvc.set_month_target(s, 2026, 11, "500", "0")
        tsvc.set_month_target(s, 2026, 12, "2000", "0")
    view = TargetsView(fast_store, clock=clock)
    qtbot.addWidget(view)
    # March: 1.250,50 from the old customer, 4.000 from the new one
    assert _text(view, 3, A_EXISTING) == "1.250,50 €"
    assert _text(view, 3, A_NEW) == "4.000,00 €"
    assert _text(view, 3, A_TOTAL) == "5.250,50 €"
    assert _text(view, 3, DIFF) == "−749,50 €" or _text(view, 3, DIFF) == "-749,50 €"
    assert _fg(view, 3, DIFF) == BAD.name()
    assert _text(view, 11, DIFF) == "+499,99 €"
    assert _fg(view, 11, DIFF) == GOOD.name()
    assert _fg(view, 12, DIFF) == FUTURE.name()  # December is still to come
    assert _text(view, 13, A_TOTAL) == "6.250,49 €"
    assert "Year 2026: 6.250,49 € of 8.500,00 €" in view.summary.text()
    assert "6.250,49 € of 6.500,00 €" in view.summary.text()  # year to date
    # an order typed later shows after refresh
    with fast_store.session() as s:
        cid = contacts.create_company(s, CompanyInput(name="Gärtnerei Sommer")).id
        osvc.create_order(
            s,
            osvc.OrderInput(
                company_id=cid,
                order_date=dt.date(2026, 12, 1),
                lines=[osvc.OrderLineInput(description="Pflanzen", unit_price=D("300"))],
            ),
            clock=clock,
        )
    view.refresh()
    assert _text(view, 12, A_NEW) == "300,00 €"
    view.resize(1150, 560)
    view.show()
    save_shot(view, "targets.png", tmp_path)
