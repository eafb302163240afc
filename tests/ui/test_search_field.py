"""Global search: debounced as-you-type results, Enter opens, ticket numbers jump."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import ActivityKind, Ticket
from crm_desktop.data.store import Store
from crm_desktop.ui.search import DEBOUNCE_MS, SearchField
from tests.store.test_timeline import log, setup_people


def test_results_as_you_type_and_enter_opens(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    _group, _branch, _a, b, _c = setup_people(sqlite_store, clock)
    field = SearchField(sqlite_store)
    qtbot.addWidget(field)
    field.show()
    with qtbot.waitSignal(field.searched, timeout=DEBOUNCE_MS * 10) as done:
        qtbot.keyClicks(field, "Petra")
    assert done.args[0] >= 1
    assert field.popup.isVisible()
    assert ("person", b) in [(h.kind, h.ref_id) for h in field.hits]
    with qtbot.waitSignal(field.openRequested) as opened:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert opened.args == ["person", b]
    assert not field.popup.isVisible()
    # arrow keys move through the results without leaving the field
    field.clear()
    with qtbot.waitSignal(field.searched, timeout=DEBOUNCE_MS * 10):
        qtbot.keyClicks(field, "Gruppe")
    kinds = [h.kind for h in field.hits]
    assert "company" in kinds
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not field.popup.isVisible()


def test_activity_text_and_ticket_number(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    _group, _branch, a, _b, _c = setup_people(sqlite_store, clock)
    call = log(sqlite_store, clock, a, ActivityKind.CALL, "Kalibrierung besprochen", 2)
    log(sqlite_store, clock, a, ActivityKind.COMPLAINT, "Pumpe leckt", 3)  # opens a ticket
    with sqlite_store.reader() as s:
        ticket = s.query(Ticket).one()
        number, ticket_id = ticket.number, ticket.id
    field = SearchField(sqlite_store)
    qtbot.addWidget(field)
    field.setText("Kalibrierung")
    hits = field.search_now()
    assert ("activity", call) in [(h.kind, h.ref_id) for h in hits]
    field.setText(number)
    hits = field.search_now()
    assert (hits[0].kind, hits[0].ref_id) == ("ticket", ticket_id)
    with qtbot.waitSignal(field.openRequested) as opened:
        field.open_current()
    assert opened.args == ["ticket", ticket_id]
    field.setText("xyzzy")
    assert field.search_now() == []
    assert not field.popup.list.item(0).flags() & Qt.ItemFlag.ItemIsSelectable  # "No matches"


def test_an_order_hit_opens_the_order(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    import decimal

    from crm_desktop.services import contacts as c
    from crm_desktop.services.orders import OrderInput, OrderLineInput, create_order
    from crm_desktop.ui.main_window import MainWindow
    from crm_desktop.ui.orders_view import OrdersView
    from crm_desktop.ui.sales import OrderDialog
    from crm_desktop.ui.settings_dialog import AppSettings

    with sqlite_store.session() as s:
        comp = c.create_company(s, c.CompanyInput(name="Metallbau Fröhlich GmbH"))
        line = [OrderLineInput("Tor", decimal.Decimal(1), decimal.Decimal(1200))]
        order = create_order(s, OrderInput(company_id=comp.id, lines=line), clock=clock)
        order_id, number = order.id, order.number
    opened: list[int | None] = []

    def look(dlg: OrderDialog) -> int:
        opened.append(dlg.order_id)
        dlg.reject()
        return int(dlg.result())

    win = MainWindow(
        sqlite_store, AppSettings(tmp_path / "settings.ini"), clock=clock, data_dir=tmp_path
    )
    qtbot.addWidget(win)
    try:
        win.show_view("orders")  # the page exists: its dialog is looked at, not run
        page = win.center.currentWidget()
        assert isinstance(page, OrdersView)
        page.run_dialog = look
        win.show_view("today")
        win.search.setText(number.lower())
        hits = win.search.search_now()
        assert (hits[0].kind, hits[0].ref_id) == ("order", order_id)
        assert win.search.popup.list.item(0).text().startswith(f"{number} — Metallbau Fröhlich")
        win.search.open_current()
        assert opened == [order_id]
        assert win.center.currentWidget() is page and page.current_id() == order_id
    finally:
        win.tasks.wait(5000)
