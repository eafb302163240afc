"""Two app instances on one PostgreSQL server (a team): each sees the other's changes on
refresh (F5), and reminders ring only for the signed-in owner's follow-ups."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import ActivityKind
from crm_desktop.data.store import Store, open_store
from crm_desktop.services import activities, contacts
from crm_desktop.services.contacts import CompanyInput, PersonInput
from crm_desktop.services.tree import NodeRef
from crm_desktop.ui.main_window import Location, MainWindow
from crm_desktop.ui.reminders import ReminderTicker
from crm_desktop.ui.settings_dialog import AppSettings


@pytest.fixture
def team(pg_store: Store) -> Iterator[tuple[Store, Store]]:
    """Anna's and Bernd's app: two stores (own engines) on one server database."""
    anna = dataclasses.replace(pg_store, owner="anna")
    bernd = open_store(database_url=pg_store.url)
    bernd.owner = "bernd"
    try:
        yield anna, bernd
    finally:
        bernd.dispose()


def _window(qtbot: QtBot, store: Store, clock: FixedClock, folder: Path) -> MainWindow:
    folder.mkdir()
    win = MainWindow(store, AppSettings(folder / "settings.ini"), clock=clock, data_dir=folder)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _refresh(qtbot: QtBot, win: MainWindow) -> None:
    """F5, as the user presses it."""
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    qtbot.keyClick(win, Qt.Key.Key_F5)


def test_two_instances_see_each_others_changes_on_refresh(
    qtbot: QtBot, team: tuple[Store, Store], clock: FixedClock, tmp_path: Path
) -> None:
    anna_store, bernd_store = team
    anna = _window(qtbot, anna_store, clock, tmp_path / "anna")
    bernd = _window(qtbot, bernd_store, clock, tmp_path / "bernd")
    assert "0 people" in bernd.status_label.text()
    assert "Server (PostgreSQL)" in bernd.status_label.text()

    # Anna enters a customer in her app
    with anna_store.session() as s:
        company = contacts.create_company(s, CompanyInput(name="Brauerei Köhler"))
        person = contacts.create_person(
            s, PersonInput(given_name="Jürgen", family_name="Weiß", company_id=company.id)
        )
        cid, pid = company.id, person.id
    anna.reload_everything()
    # Bernd's window shows it after F5
    _refresh(qtbot, bernd)
    assert bernd.status_label.text().startswith("1 person · 1 company")
    model = bernd.tree_panel.model
    assert model.data(model.index(0, 0)) == "Brauerei Köhler (1)"
    assert bernd.tree_panel.select(NodeRef.person(pid))
    bernd.open_record("person", pid)
    assert bernd.current == Location("person", pid)
    assert "Jürgen Weiß" in bernd.timeline.title.text()
    assert bernd.timeline.model.rowCount() == 0

    # Bernd logs a call with a follow-up due in a minute; Anna, looking at the same
    # person, sees it after F5
    anna.open_record("person", pid)
    assert anna.timeline.model.rowCount() == 0
    with bernd_store.session() as s:
        call = activities.log_activity(
            s,
            activities.ActivityInput(
                kind=ActivityKind.CALL,
                person_id=pid,
                subject="Angebot Sudkessel besprochen",
                owner="bernd",
                followup_due_at=clock.now() + dt.timedelta(minutes=1),
                followup_note="Rückruf wegen Liefertermin",
            ),
            clock=clock,
        )
        call_id = call.id
    _refresh(qtbot, anna)
    assert anna.current == Location("person", pid)
    assert [e.activity_id for e in anna.timeline.model.entries()] == [call_id]
    assert "1 follow-up due" not in anna.status_label.text()  # not hers, not yet due

    # the follow-up rings in Bernd's app only
    later = FixedClock(clock.now() + dt.timedelta(minutes=2))
    for_anna = ReminderTicker(anna_store, later, "anna", show_notices=False)
    for_bernd = ReminderTicker(bernd_store, later, "bernd", show_notices=False)
    assert for_anna.check() == []
    rung = for_bernd.check()
    assert [(e.note, e.person_id) for e in rung] == [("Rückruf wegen Liefertermin", pid)]
    for_anna.stop()
    for_bernd.stop()

    # Anna renames the company; Bernd's tree follows on F5
    with anna_store.session() as s:
        contacts.update_company(s, cid, {"name": "Brauerei Köhler & Söhne"})
    _refresh(qtbot, bernd)
    assert model.data(model.index(0, 0)) == "Brauerei Köhler & Söhne (1)"
    anna.tasks.wait(5000)
    bernd.tasks.wait(5000)
