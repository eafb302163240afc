"""The orders page driven through its widgets: the list with German money, search and
status filter, empty states, opening an order to change it (and an invoiced one that
only changes its status), deleting after asking, and showing the customer."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Order
from crm_desktop.data.store import Store
from crm_desktop.services.contacts import CompanyInput, PersonInput, create_company, create_person
from crm_desktop.services.orders import OrderInput, OrderLineInput, create_order, set_status
from crm_desktop.ui.orders_view import CONTACT, CUSTOMER, NET, NUMBER, STATUS, OrdersView
from crm_desktop.ui.sales import COLUMNS, OrderDialog
from tests.ui.test_detail_panes import save_shot, type_text

D = decimal.Decimal
LONG_NAME = "Müller & Söhne Präzisionsmechanik und Sondermaschinenbau GmbH & Co. KG"


@pytest.fixture(autouse=True)
def german_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def _orders(store: Store, clock: FixedClock) -> dict[str, int]:
    """Three orders: Köhler (open), the long-named Müller (delivered), a private one."""
    with store.session() as s:
        köhler = create_company(s, CompanyInput(name="Schreinerei Köhler GmbH")).id
        müller = create_company(s, CompanyInput(name=LONG_NAME)).id
        jürgen = create_person(
            s, PersonInput(given_name="Jürgen", family_name="Weiß", company_id=köhler)
        ).id
        hans = create_person(
            s,
            PersonInput(
                title="Dr.",
                given_name="Hans-Jürgen",
                family_name="Großmann-Übelhör",
                company_id=müller,
            ),
        ).id
        private = create_person(s, PersonInput(given_name="Öztürk", family_name="Ünal")).id

        def order(company: int | None, person: int | None, day: int, status: str) -> int:
            return create_order(
                s,
                OrderInput(
                    company_id=company,
                    person_id=person,
                    order_date=dt.date(2026, 11, day),
                    status=status,
                    lines=[
                        OrderLineInput("Küchenarbeitsplatte Eiche", D(2), D("1249.90"), "Stk"),
                        OrderLineInput("Montage vor Ort", D("6.5"), D(68), "Std"),
                    ],
                ),
                clock=clock,
            ).id

        ids = {
            "köhler_order": order(köhler, jürgen, 2, "open"),
            "müller_order": order(müller, hans, 5, "delivered"),
            "private_order": order(None, private, 9, "open"),
        }
    return {**ids, "köhler": köhler, "müller": müller, "jürgen": jürgen, "private": private}


def _cells(view: OrdersView, col: int) -> list[str]:
    m = view.model
    return [str(m.index(r, col).data()) for r in range(m.rowCount())]


def test_list_shows_orders_newest_first_german_money_and_sorts(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    _orders(sqlite_store, clock)
    view = OrdersView(sqlite_store, clock=clock)
    qtbot.addWidget(view)
    view.resize(1000, 420)
    view.show()
    assert view.stack.currentWidget() is view.table
    assert view.numbers() == ["A-2026-00003", "A-2026-00002", "A-2026-00001"]
    m = view.model
    assert _cells(view, CUSTOMER) == ["Öztürk Ünal", LONG_NAME, "Schreinerei Köhler GmbH"]
    # a private customer has no separate contact person
    assert _cells(view, CONTACT) == ["", "Dr. Hans-Jürgen Großmann-Übelhör", "Jürgen Weiß"]
    assert _cells(view, STATUS) == ["Open", "Delivered", "Open"]
    assert _cells(view, NET)[0] == "2.941,80 €"
    assert m.index(0, 1).data() == "09.11.2026"
    assert m.index(0, 6).data() == "EUR"
    align = Qt.AlignmentFlag(m.index(0, NET).data(Qt.ItemDataRole.TextAlignmentRole))
    assert align & Qt.AlignmentFlag.AlignRight
    assert m.index(1, CUSTOMER).data(Qt.ItemDataRole.ToolTipRole) == LONG_NAME
    assert view.info.text() == "3 orders"
    assert view.open_button.isEnabled() and view.delete_button.isEnabled()
    save_shot(view, "orders.png", tmp_path)

    view.table.sortByColumn(CUSTOMER, Qt.SortOrder.AscendingOrder)  # German order: Ö as O
    assert _cells(view, CUSTOMER) == [LONG_NAME, "Öztürk Ünal", "Schreinerei Köhler GmbH"]
    view.table.sortByColumn(NUMBER, Qt.SortOrder.AscendingOrder)
    assert view.numbers() == ["A-2026-00001", "A-2026-00002", "A-2026-00003"]
    view.refresh()  # the chosen order survives a reload
    assert view.numbers() == ["A-2026-00001", "A-2026-00002", "A-2026-00003"]


def test_search_status_filter_and_empty_states(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    view = OrdersView(sqlite_store, clock=clock)
    qtbot.addWidget(view)
    assert view.stack.currentWidget() is view.empty
    assert "No orders yet" in view.empty.text() and "New order" in view.empty.text()
    assert not view.open_button.isEnabled() and not view.delete_button.isEnabled()
    assert view.new_button.isEnabled()

    _orders(sqlite_store, clock)
    view.refresh()
    assert len(view.numbers()) == 3
    # typing searches after a short pause, not at every key
    type_text(qtbot, view.search, "köhler")
    assert view.search_timer.isActive() and len(view.numbers()) == 3
    view.search_timer.timeout.emit()
    assert view.numbers() == ["A-2026-00001"]
    view.search.setText("ÜNAL")
    view.search.returnPressed.emit()
    assert view.numbers() == ["A-2026-00003"]
    view.search.setText("a-2026-00002")
    view.refresh()
    assert view.numbers() == ["A-2026-00002"]

    view.search.clear()
    view.status.setCurrentIndex(view.status.findData("delivered"))  # reloads at once
    assert view.numbers() == ["A-2026-00002"]
    assert [view.status.itemText(i) for i in range(view.status.count())] == [
        "All statuses",
        "Open",
        "Delivered",
        "Invoiced",
        "Cancelled",
    ]
    view.search.setText("köhler")
    view.refresh()
    assert view.numbers() == []
    assert view.stack.currentWidget() is view.empty
    assert "No order matches" in view.empty.text() and "All statuses" in view.empty.text()
    assert view.info.text() == ""
    assert not view.open_button.isEnabled()
    view.resize(900, 300)
    view.show()
    save_shot(view, "orders-no-match.png", tmp_path)
    view.status.setCurrentIndex(0)
    assert view.numbers() == ["A-2026-00001"] and view.stack.currentWidget() is view.table


def test_open_change_line_and_status_updates_the_row(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    ids = _orders(sqlite_store, clock)
    view = OrdersView(sqlite_store, clock=clock)
    qtbot.addWidget(view)
    shown: list[OrderDialog] = []

    def drive(dlg: OrderDialog) -> int:
        shown.append(dlg)
        assert dlg.windowTitle() == "Order A-2026-00001"
        assert dlg.customer.company.current_id() == ids["köhler"]
        assert dlg.customer.person.current_id() == ids["jürgen"]
        assert dlg.date.text() == "02.11.2026" and dlg.status.currentData() == "open"
        assert dlg.new_customer.currentData() is True
        assert [dlg.lines.index(0, c).data() for c in range(len(COLUMNS))] == [
            "",
            "Küchenarbeitsplatte Eiche",
            "2",
            "Stk",
            "1.249,90",
            "19",
            "2.499,80",
        ]
        assert not dlg.banner.isVisible() and dlg.customer.company.isEnabled()
        dlg.show()
        save_shot(dlg, "order-edit.png", tmp_path)
        dlg.set_line(0, quantity="3")
        dlg.remove_line()  # the current line: none chosen, so the last
        dlg.status.setCurrentIndex(dlg.status.findData("delivered"))
        dlg.notes.setPlainText("Dritte Platte nachbestellt")
        dlg.save()
        return int(dlg.result())

    view.run_dialog = drive
    view.table.selectRow(view.model.row_of(ids["köhler_order"]))
    with qtbot.waitSignal(view.changed):
        view.open_button.click()
    assert len(shown) == 1 and shown[0].result() == QDialog.DialogCode.Accepted
    row = view.model.row_of(ids["köhler_order"])
    assert view.current_id() == ids["köhler_order"]
    assert view.model.index(row, NET).data() == "3.749,70 €"
    assert view.model.index(row, STATUS).data() == "Delivered"
    assert view.model.index(row, NUMBER).data() == "A-2026-00001"
    with sqlite_store.reader() as s:
        order = s.get(Order, ids["köhler_order"])
        assert order is not None
        assert (order.number, order.status, order.total_net) == (
            "A-2026-00001",
            "delivered",
            D("3749.70"),
        )
        assert order.notes == "Dritte Platte nachbestellt"
        assert [(ln.description, ln.quantity) for ln in order.lines] == [
            ("Küchenarbeitsplatte Eiche", D(3))
        ]

    # Enter and double-click open the order too; cancelling changes nothing
    opened: list[int | None] = []

    def cancel(dlg: OrderDialog) -> int:
        opened.append(dlg.order_id)
        dlg.reject()
        return int(dlg.result())

    view.run_dialog = cancel
    view.table.setFocus()
    view.table.selectRow(view.model.row_of(ids["müller_order"]))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    view.table.doubleClicked.emit(view.model.index(view.model.row_of(ids["private_order"]), 2))
    assert opened == [ids["müller_order"], ids["private_order"]]


def test_invoiced_order_opens_read_only_except_status(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    ids = _orders(sqlite_store, clock)
    with sqlite_store.session() as s:
        set_status(s, ids["müller_order"], "invoiced")
    dlg = OrderDialog(sqlite_store, order_id=ids["müller_order"], clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    save_shot(dlg, "order-invoiced.png", tmp_path)
    assert dlg.windowTitle() == "Order A-2026-00002"
    assert dlg.banner.isVisible() and "invoiced" in dlg.banner.text()
    assert not dlg.customer.company.isEnabled() and not dlg.customer.person.isEnabled()
    assert not dlg.date.isEnabled() and dlg.notes.isReadOnly()
    assert not dlg.add_button.isEnabled() and not dlg.remove_button.isEnabled()
    assert dlg.status.isEnabled()
    assert not dlg.lines.flags(dlg.lines.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    dlg.set_line(0, quantity="99")  # refused by the locked lines
    assert dlg.lines.rows[0].quantity == "2"
    dlg.status.setCurrentIndex(dlg.status.findData("cancelled"))
    dlg.save()
    assert dlg.result() == QDialog.DialogCode.Accepted
    with sqlite_store.reader() as s:
        order = s.get(Order, ids["müller_order"])
        assert order is not None and order.status == "cancelled"
        assert order.total_net == D("2941.80") and len(order.lines) == 2

    # not invoiced any more: everything can change again
    dlg2 = OrderDialog(sqlite_store, order_id=ids["müller_order"], clock=clock)
    qtbot.addWidget(dlg2)
    assert not dlg2.banner.isVisible() and dlg2.customer.company.isEnabled()
    dlg2.customer.company.set_current_id(None)
    dlg2.customer.refill_people()
    dlg2.customer.person.set_current_id(ids["private"])
    dlg2.save()
    assert dlg2.result() == QDialog.DialogCode.Accepted
    with sqlite_store.reader() as s:
        order = s.get(Order, ids["müller_order"])
        assert order is not None and (order.company_id, order.person_id) == (None, ids["private"])


def test_edit_errors_inline_and_nothing_saved(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    ids = _orders(sqlite_store, clock)
    dlg = OrderDialog(sqlite_store, order_id=ids["köhler_order"], clock=clock)
    qtbot.addWidget(dlg)
    dlg.set_line(1, description="")
    dlg.set_line(0, quantity="zwei")
    dlg.save()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "Line 1" in dlg.lines_error.text() and "zwei" in dlg.lines_error.text()
    dlg.set_line(0, quantity="2")
    dlg.save()
    assert "Line 2 needs a description" in dlg.lines_error.text()
    with sqlite_store.reader() as s:
        order = s.get(Order, ids["köhler_order"])
        assert order is not None and [ln.description for ln in order.lines] == [
            "Küchenarbeitsplatte Eiche",
            "Montage vor Ort",
        ]


def test_delete_asks_then_moves_the_order_out_of_the_list(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    ids = _orders(sqlite_store, clock)
    view = OrdersView(sqlite_store, clock=clock)
    qtbot.addWidget(view)
    asked: list[tuple[str, str]] = []
    answer = [False]

    def confirm(title: str, text: str) -> bool:
        asked.append((title, text))
        return answer[0]

    view.confirm = confirm
    view.select_order(ids["müller_order"])
    view.delete_button.click()
    assert len(asked) == 1 and "A-2026-00002" in asked[0][1] and LONG_NAME in asked[0][1]
    assert "2.941,80 €" in asked[0][1]
    assert "A-2026-00002" in view.numbers()
    answer[0] = True
    with qtbot.waitSignal(view.changed):
        view.delete_button.click()
    assert view.numbers() == ["A-2026-00003", "A-2026-00001"]
    with sqlite_store.reader() as s:
        order = s.execute(select(Order).where(Order.id == ids["müller_order"])).scalar_one()
        assert order.deleted_at == clock.now()
    view.search.setText("müller")
    view.refresh()
    assert view.numbers() == [] and "No order matches" in view.empty.text()


def test_context_menu_shows_the_customer(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    ids = _orders(sqlite_store, clock)
    view = OrdersView(sqlite_store, clock=clock)
    qtbot.addWidget(view)
    view.select_order(ids["köhler_order"])
    texts = [t for t, _ in view.context_actions()]
    assert texts == ["&Open…", "Show &customer", "Show contact &person", "&Delete…"]
    with qtbot.waitSignal(view.companyActivated) as got:
        dict(view.context_actions())["Show &customer"]()
    assert got.args == [ids["köhler"]]
    with qtbot.waitSignal(view.personActivated) as got:
        dict(view.context_actions())["Show contact &person"]()
    assert got.args == [ids["jürgen"]]
    view.select_order(ids["private_order"])  # a private customer is a person
    assert "Show contact &person" not in dict(view.context_actions())
    with qtbot.waitSignal(view.personActivated) as got:
        dict(view.context_actions())["Show &customer"]()
    assert got.args == [ids["private"]]


def test_sales_menu_opens_the_orders_page(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    from crm_desktop.ui.main_window import MainWindow
    from crm_desktop.ui.settings_dialog import AppSettings

    ids = _orders(sqlite_store, clock)
    win = MainWindow(sqlite_store, AppSettings(tmp_path / "settings.ini"), clock=clock)
    qtbot.addWidget(win)
    sales = next(m for m in win.menuBar().actions() if m.text() == "&Sales").menu()
    assert win.actions_by_name["orders"] in sales.actions()
    win.actions_by_name["orders"].trigger()
    page = win.center.currentWidget()
    assert isinstance(page, OrdersView)
    assert page.model.rowCount() == 3
    page.personActivated.emit(ids["jürgen"])  # "show contact person" goes to the person
    assert win.current is not None and win.current.kind == "person"
    win.tasks.wait(5000)
