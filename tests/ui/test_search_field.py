"""Global search: debounced as-you-type results, Enter opens, ticket numbers jump."""

from __future__ import annotations

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
