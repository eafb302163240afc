"""The ticket view: lookup by number, status buttons, history, timeline; open tickets list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import ActivityKind, Direction, Ticket, TicketStatus
from crm_desktop.data.store import Store
from crm_desktop.services.activities import ActivityInput, log_activity
from crm_desktop.services.contacts import CompanyInput, PersonInput, create_company, create_person
from crm_desktop.services.tickets import open_ticket
from crm_desktop.ui.tickets import OpenTicketsWidget, TicketsPage, TicketView


def _data(store: Store, clock: FixedClock) -> str:
    now = clock.now()
    with store.session() as s:
        comp = create_company(s, CompanyInput(name="Bäckerei Größl KG"))
        lena = create_person(
            s, PersonInput(given_name="Lena", family_name="Größl", company_id=comp.id)
        )
        ömer = create_person(
            s, PersonInput(given_name="Ömer", family_name="Yıldız", company_id=comp.id)
        )
        old = open_ticket(s, "Kühlzelle brummt laut", person_id=ömer.id, clock=clock)
        old.opened_at = now - dt.timedelta(days=20)
        first = log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.COMPLAINT,
                direction=Direction.INBOUND,
                subject="Ofen heizt nach der Wartung nur noch auf 140 °C",
                text="Frühschicht gefährdet.",
                person_id=lena.id,
                occurred_at=now - dt.timedelta(days=3),
            ),
            clock=clock,
        )
        assert first.ticket is not None
        number = first.ticket.number
        log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.EMAIL,
                subject="Fotos vom Typenschild",
                person_id=ömer.id,
                ticket_number=number,
                occurred_at=now - dt.timedelta(days=1),
            ),
            clock=clock,
        )
    return number


def test_typing_a_number_shows_the_ticket_and_status_buttons_work(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    number = _data(sqlite_store, clock)
    assert number == "T-2026-00002"
    view = TicketView(sqlite_store, clock, user="kai")
    qtbot.addWidget(view)
    view.show()
    assert view.stack.currentWidget() is view.message
    qtbot.keyClicks(view.number_edit, "t-2026-00002")
    assert view.ticket is not None and view.ticket.number == number
    assert view.stack.currentWidget() is not view.message
    assert view.number_label.text() == number
    assert view.title_label.text() == "Ofen heizt nach der Wartung nur noch auf 140 °C"
    assert "Lena Größl" in view.meta_label.text()
    assert view.status_label.text() == "Open"
    # the conversation across both people, newest first, the text as a child row
    m = view.timeline_model
    assert m.rowCount() == 2
    assert [m.item(r, 3).text() for r in range(2)] == [
        "Fotos vom Typenschild",
        "Ofen heizt nach der Wartung nur noch auf 140 °C",
    ]
    assert {m.item(r, 2).text() for r in range(2)} == {"Lena Größl", "Ömer Yıldız"}
    assert m.item(1, 0).child(0, 0).text() == "Frühschicht gefährdet."
    assert "2 entries, 2 people" in view.timeline_title.text()
    assert view.history_model.rowCount() == 1
    assert set(view.status_buttons) == {TicketStatus.WAITING, TicketStatus.SOLVED}

    view.note_edit.setText("Fühler getauscht")
    with qtbot.waitSignal(view.statusChanged):
        qtbot.mouseClick(view.status_buttons[TicketStatus.SOLVED], Qt.MouseButton.LeftButton)
    assert view.status_label.text() == "Solved"
    assert set(view.status_buttons) == {TicketStatus.CLOSED, TicketStatus.REOPENED}
    assert view.history_model.rowCount() == 2
    assert view.history_model.item(1, 4).text() == "Fühler getauscht"
    assert view.history_model.item(1, 3).text() == "kai"
    assert view.note_edit.text() == ""
    with sqlite_store.reader() as s:
        t = s.query(Ticket).filter_by(number=number).one()
        assert t.status == TicketStatus.SOLVED

    # a transition that is no longer allowed (another window changed it) shows an error
    assert view.change_status(TicketStatus.WAITING) is False
    assert view.error_label.isVisible() and "cannot go" in view.error_label.text()

    # an unknown number, confirmed with Enter, says so
    view.number_edit.clear()
    qtbot.keyClicks(view.number_edit, "T-2026-99999")
    qtbot.keyClick(view.number_edit, Qt.Key.Key_Return)
    assert view.stack.currentWidget() is view.message
    assert "T-2026-99999" in view.message.text()


def test_open_tickets_list_and_double_click_opens(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    number = _data(sqlite_store, clock)
    page = TicketsPage(sqlite_store, clock)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    lst: OpenTicketsWidget = page.list
    assert lst.numbers() == ["T-2026-00001", number]  # oldest (20 days) first
    assert lst.proxy.index(0, 1).data() == "20"
    assert lst.proxy.index(1, 4).data() == "Lena Größl, Bäckerei Größl KG"
    rect = lst.view.visualRect(lst.proxy.index(1, 0))
    with qtbot.waitSignal(lst.ticketActivated) as sig:
        qtbot.mouseClick(lst.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(lst.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == [number]
    assert page.view.ticket is not None and page.view.ticket.number == number
    # solving it in the view removes it from the open list
    page.view.change_status(TicketStatus.SOLVED)
    assert lst.numbers() == ["T-2026-00001"]
    assert lst.empty.isHidden()


def test_a_shown_ticket_deleted_meanwhile_says_so_and_comes_back(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    from crm_desktop.services.changes import Changes as _Changes
    from crm_desktop.services.tickets import delete_ticket, restore_ticket

    with sqlite_store.session() as s:
        person = create_person(s, PersonInput("Jörg", "Übel"))
        ticket = open_ticket(s, "Heizung defekt", person_id=person.id, clock=clock)
        tid, number = ticket.id, ticket.number
    page = TicketsPage(sqlite_store, clock)
    qtbot.addWidget(page)
    assert page.view.show_number(number)
    with qtbot.waitSignal(page.deleteRequested) as asked:
        page.list.view.setCurrentIndex(page.list.row_of(number))
        page.list.view.setFocus()
        qtbot.keyClick(page.list.view, Qt.Key.Key_Delete)
    assert asked.args == ["ticket", tid]
    with sqlite_store.session() as s:
        delete_ticket(s, tid, clock=clock)
    page.apply_changes(_Changes.of("ticket", tid, structure=True))
    assert page.list.numbers() == []
    assert page.view.ticket is None
    assert page.view.message.text() == f"Ticket {number} was deleted. Ctrl+Z brings it back."
    with sqlite_store.session() as s:
        restore_ticket(s, tid)
    page.apply_changes(_Changes.of("ticket", tid, structure=True))
    assert page.list.numbers() == [number]
    assert page.view.ticket is not None and page.view.ticket.number == number
