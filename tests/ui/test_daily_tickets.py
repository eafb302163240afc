"""Issue #20, the daily flow on the tickets page: "New ticket" and "Log a conversation
on the ticket", the number said after saving (page and status bar), the ticket filled in
when logging from it, one click opens a ticket."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Activity, ActivityKind
from crm_desktop.data.store import Store
from crm_desktop.services.contacts import CompanyInput, PersonInput, create_company, create_person
from crm_desktop.services.tickets import open_ticket
from crm_desktop.ui.dialogs import ActivityDialog
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.settings_dialog import AppSettings
from crm_desktop.ui.tickets import TicketsPage

SHOTS = Path(os.environ.get("CRM_SHOTS", "/tmp/shots"))


def _people(store: Store, clock: FixedClock) -> tuple[int, str]:
    with store.session() as s:
        comp = create_company(s, CompanyInput(name="Bäckerei Größl KG"))
        lena = create_person(
            s, PersonInput(given_name="Lena", family_name="Größl", company_id=comp.id)
        )
        old = open_ticket(s, "Kühlzelle brummt laut", person_id=lena.id, clock=clock)
        old.opened_at = clock.now() - dt.timedelta(days=20)
        return lena.id, old.number


def test_new_ticket_and_a_conversation_on_it(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    lena, old_number = _people(sqlite_store, clock)
    win = MainWindow(sqlite_store, AppSettings(tmp_path / "s.ini"), clock=clock, data_dir=tmp_path)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    win.show_view("tickets")
    page = win.pages["tickets"]
    assert isinstance(page, TicketsPage)
    assert not page.log_button.isEnabled()  # no ticket shown yet
    seen: list[ActivityDialog] = []

    def complaint(dialog: QDialog) -> int | None:
        assert isinstance(dialog, ActivityDialog)
        seen.append(dialog)
        assert dialog.kind.value() == ActivityKind.COMPLAINT
        dialog.person.set_current_id(lena)
        dialog.subject.setText("Ofen heizt nur noch auf 140 °C")
        dialog.save()
        return dialog.result_id

    page.run_dialog = complaint
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    ticket = page.view.ticket
    assert ticket is not None and ticket.number != old_number
    new_number = ticket.number
    assert page.saved_label.text() == f"Ticket {new_number} opened."
    assert win.statusBar().currentMessage() == f"Ticket {new_number} opened."
    assert new_number in page.list.numbers()
    assert page.log_button.isEnabled()

    # a conversation from the ticket: the ticket, its person and company filled in
    def call(dialog: QDialog) -> int | None:
        assert isinstance(dialog, ActivityDialog)
        assert dialog.ticket.text() == new_number
        assert dialog.linked_ticket_id == ticket.id
        assert dialog.person.current_id() == lena
        assert dialog.company.current_id() is not None
        assert dialog.kind.value() == ActivityKind.CALL
        dialog.subject.setText("Techniker kommt Donnerstag")
        dialog.save()
        return dialog.result_id

    page.run_dialog = call
    qtbot.mouseClick(page.log_button, Qt.MouseButton.LeftButton)
    assert page.saved_label.text() == f"Conversation logged on ticket {new_number}."
    assert page.view.ticket is not None and len(page.view.ticket.activities) == 2
    with sqlite_store.reader() as s:
        assert s.query(Activity).filter(Activity.ticket_id == ticket.id).count() == 2

    # one click on a row opens that ticket
    row = page.list.row_of(old_number)
    rect = page.list.view.visualRect(row)
    qtbot.mouseClick(page.list.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.view.ticket is not None and page.view.ticket.number == old_number
    SHOTS.mkdir(parents=True, exist_ok=True)
    win.grab().save(str(SHOTS / "daily_tickets_en.png"))
    win.tasks.wait(5000)
