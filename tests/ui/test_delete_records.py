"""Deleting a ticket, a project or an opportunity from the window (issue #16): the list
row's "Delete…" (context menu) or the Delete key asks naming the record, moves it to the
trash through the undo registry, the page no longer shows it, Edit → Undo names it and
brings it back (the page shows it again), Redo deletes it again, and the undo survives a
restart."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Opportunity, Project, Ticket
from crm_desktop.data.store import Store, open_store
from crm_desktop.services import contacts
from crm_desktop.services import pipeline as pl
from crm_desktop.services.contacts import CompanyInput, PersonInput
from crm_desktop.services.projects import ProjectInput, create_project
from crm_desktop.services.tickets import open_ticket
from crm_desktop.ui.detail import RecordList
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.pipeline import PipelineBoard
from crm_desktop.ui.settings_dialog import AppSettings
from crm_desktop.ui.tickets import TicketsPage
from crm_desktop.ui.undo import RowDelete

UI = Path(__file__).resolve().parents[2] / "crm_desktop" / "ui"
MODELS = {"ticket": Ticket, "project": Project, "opportunity": Opportunity}


def _records(store: Store, clock: FixedClock) -> dict[str, int | str]:
    with store.session() as s:
        stages = pl.ensure_stages(s)
        comp = contacts.create_company(s, CompanyInput(name="Bäckerei Özdemir"))
        person = contacts.create_person(
            s, PersonInput("Jörg", "Übel", company_id=comp.id), clock=clock
        )
        ticket = open_ticket(s, "Heizung defekt", person_id=person.id, clock=clock)
        project = create_project(s, ProjectInput(name="Umbau Filiale", company_id=comp.id))
        opp = pl.create_opportunity(
            s,
            pl.OpportunityInput(title="Neuer Backofen", company_id=comp.id, stage_id=stages[1].id),
            clock=clock,
        )
        return {
            "company": comp.id,
            "ticket": ticket.id,
            "number": ticket.number,
            "project": project.id,
            "opportunity": opp.id,
        }


class Asked:
    """The window's yes/no question, answered and noted."""

    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.questions: list[tuple[str, str]] = []

    def __call__(self, title: str, text: str) -> bool:
        self.questions.append((title, text))
        return self.answer


def _window(qtbot: QtBot, store: Store, tmp_path: Path, clock: FixedClock) -> MainWindow:
    win = MainWindow(store, AppSettings(tmp_path / "settings.ini"), data_dir=tmp_path, clock=clock)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def ids(sqlite_store: Store, clock: FixedClock) -> dict[str, int | str]:
    return _records(sqlite_store, clock)


@pytest.fixture
def window(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> Iterator[MainWindow]:
    win = _window(qtbot, sqlite_store, tmp_path, clock)
    yield win
    win.tasks.wait(5000)


def _deleted(store: Store, kind: str, rid: int) -> bool:
    model = MODELS[kind]
    with store.reader() as s:
        return s.execute(select(model.deleted_at).where(model.id == rid)).scalar_one() is not None


def _menu_delete(helper: RowDelete, index: QModelIndex) -> QAction:
    """The "Delete…" of a row's context menu (the menu the right click opens)."""
    menu = helper.menu(index)
    assert menu is not None
    actions = [a for a in menu.actions() if a.objectName() == "action_delete_row"]
    assert len(actions) == 1 and actions[0].text() == "Delete…"
    return actions[0]


def _undo_text(win: MainWindow) -> str:
    return win.actions_by_name["undo"].text()


def _undo(win: MainWindow) -> None:
    win.actions_by_name["undo"].trigger()  # what Ctrl+Z does


def _redo(win: MainWindow) -> None:
    assert win.actions_by_name["redo"].isEnabled()
    win.actions_by_name["redo"].trigger()


def _tickets(win: MainWindow) -> TicketsPage:
    win.show_view("tickets")
    page = win.pages["tickets"]
    assert isinstance(page, TicketsPage)
    return page


def test_a_ticket_is_deleted_from_the_tickets_list_and_comes_back(
    window: MainWindow, sqlite_store: Store, ids: dict[str, int | str]
) -> None:
    tid, number = int(ids["ticket"]), str(ids["number"])
    page = _tickets(window)
    assert page.list.numbers() == [number]
    page.list.ticketActivated.emit(number)  # double-click: the ticket on the right
    assert page.view.ticket is not None and page.view.ticket.number == number
    asked = Asked(answer=False)
    window.confirm = asked  # type: ignore[method-assign]

    # no: nothing happens
    _menu_delete(page.list.row_delete, page.list.row_of(number)).trigger()
    assert asked.questions == [
        (
            "Delete ticket?",
            f"Delete ticket {number} “Heizung defekt”? It goes to the trash; its "
            "conversations stay. Ctrl+Z brings it back.",
        )
    ]
    assert not _deleted(sqlite_store, "ticket", tid)

    # yes: in the trash, gone from the list, the right side says so
    asked.answer = True
    _menu_delete(page.list.row_delete, page.list.row_of(number)).trigger()
    assert _deleted(sqlite_store, "ticket", tid)
    assert page.list.numbers() == []
    assert page.view.ticket is None and number in page.view.message.text()
    assert _undo_text(window) == f"&Undo: Delete ticket {number} “Heizung defekt”"

    _undo(window)
    assert not _deleted(sqlite_store, "ticket", tid)
    assert page.list.numbers() == [number]
    assert page.view.ticket is not None and page.view.ticket.number == number  # shown again
    assert window.actions_by_name["redo"].text() == (
        f"&Redo: Delete ticket {number} “Heizung defekt”"
    )

    _redo(window)
    assert _deleted(sqlite_store, "ticket", tid)
    assert page.list.numbers() == []


def test_the_delete_key_on_a_ticket_row_asks_first(
    qtbot: QtBot, window: MainWindow, sqlite_store: Store, ids: dict[str, int | str]
) -> None:
    """Delete on the list is the row's delete, not the window's "select a company"."""
    tid, number = int(ids["ticket"]), str(ids["number"])
    page = _tickets(window)
    asked = Asked()
    window.confirm = asked  # type: ignore[method-assign]
    view = page.list.view
    view.setCurrentIndex(page.list.row_of(number))
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [title for title, _ in asked.questions] == ["Delete ticket?"]
    assert _deleted(sqlite_store, "ticket", tid)
    assert page.list.numbers() == []
    _undo(window)
    assert page.list.numbers() == [number]


def _projects(win: MainWindow, company_id: int) -> RecordList:
    assert win.open_record("company", company_id)
    return win.detail.company_pane.projects


def _row(lst: RecordList, rid: int) -> QModelIndex:
    return lst.model.index(lst.ids().index(rid), 0)


def test_a_project_is_deleted_from_the_company_and_comes_back(
    window: MainWindow, sqlite_store: Store, ids: dict[str, int | str]
) -> None:
    pid, cid = int(ids["project"]), int(ids["company"])
    projects = _projects(window, cid)
    assert projects.ids() == [pid]
    asked = Asked()
    window.confirm = asked  # type: ignore[method-assign]
    # a row that is no ticket, project or opportunity has no "Delete…"
    people = window.detail.company_pane
    assert all(
        lst.row_delete.menu(lst.model.index(0, 0)) is None
        for lst in people.findChildren(RecordList)
        if lst.model.rowCount()
        and lst.model.item(0, 0).data(Qt.ItemDataRole.UserRole)
        and lst.model.item(0, 0).data(Qt.ItemDataRole.UserRole)[0] == "person"
    )

    _menu_delete(projects.row_delete, _row(projects, pid)).trigger()
    assert asked.questions[-1] == (
        "Delete project?",
        "Delete project “Umbau Filiale”? It goes to the trash; its activities stay. "
        "Ctrl+Z brings it back.",
    )
    assert _deleted(sqlite_store, "project", pid)
    assert projects.ids() == []
    assert _undo_text(window) == "&Undo: Delete project “Umbau Filiale”"

    _undo(window)
    assert not _deleted(sqlite_store, "project", pid)
    assert _projects(window, cid).ids() == [pid]

    _redo(window)
    assert _deleted(sqlite_store, "project", pid)
    assert _projects(window, cid).ids() == []


def test_del_on_the_project_shown_deletes_it_and_goes_back(
    window: MainWindow, sqlite_store: Store, ids: dict[str, int | str]
) -> None:
    pid, cid = int(ids["project"]), int(ids["company"])
    window.confirm = Asked()  # type: ignore[method-assign]
    assert window.open_record("company", cid)
    assert window.open_record("project", pid)
    assert window.center.currentWidget() is window.record_page
    window.actions_by_name["delete"].trigger()  # Edit → Delete… (Del)
    assert _deleted(sqlite_store, "project", pid)
    assert window.current is not None and window.current.kind == "company"
    _undo(window)
    assert not _deleted(sqlite_store, "project", pid)


def _board(win: MainWindow) -> PipelineBoard:
    win.show_view("pipeline")
    page = win.pages["pipeline"]
    assert isinstance(page, PipelineBoard)
    return page


def _card(board: PipelineBoard, opp_id: int) -> tuple[QAbstractItemView, QModelIndex] | None:
    return board.card_index(opp_id)


def test_an_opportunity_is_deleted_from_its_card_and_comes_back(
    window: MainWindow, sqlite_store: Store, ids: dict[str, int | str]
) -> None:
    oid = int(ids["opportunity"])
    board = _board(window)
    found = _card(board, oid)
    assert found is not None
    view, index = found
    asked = Asked()
    window.confirm = asked  # type: ignore[method-assign]
    _menu_delete(board.row_delete(view), index).trigger()
    assert asked.questions[-1] == (
        "Delete opportunity?",
        "Delete opportunity “Neuer Backofen”? It goes to the trash; its activities stay. "
        "Ctrl+Z brings it back.",
    )
    assert _deleted(sqlite_store, "opportunity", oid)
    assert _card(board, oid) is None
    assert _undo_text(window) == "&Undo: Delete opportunity “Neuer Backofen”"

    _undo(window)
    assert not _deleted(sqlite_store, "opportunity", oid)
    assert _card(board, oid) is not None

    _redo(window)
    assert _deleted(sqlite_store, "opportunity", oid)
    assert _card(board, oid) is None


def test_an_opportunity_is_deleted_from_the_list_tab(
    window: MainWindow, sqlite_store: Store, ids: dict[str, int | str]
) -> None:
    oid = int(ids["opportunity"])
    board = _board(window)
    model = board.list_model
    head = model.index(0, 0)
    assert board.list_delete.menu(head) is None  # a group head is no opportunity
    window.confirm = Asked()  # type: ignore[method-assign]
    _menu_delete(board.list_delete, model.index(0, 0, head)).trigger()
    assert _deleted(sqlite_store, "opportunity", oid)
    assert model.rowCount() == 0
    _undo(window)
    assert model.rowCount() == 1


def test_a_delete_is_undone_after_a_restart(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    data = tmp_path / "data"
    store = open_store(data_dir=data)
    ids = _records(store, clock)
    tid, number = int(ids["ticket"]), str(ids["number"])
    win = _window(qtbot, store, tmp_path, clock)
    win.confirm = Asked()  # type: ignore[method-assign]
    page = _tickets(win)
    _menu_delete(page.list.row_delete, page.list.row_of(number)).trigger()
    assert _deleted(store, "ticket", tid)
    win.close()
    win.tasks.wait(5000)
    store.dispose()

    store = open_store(data_dir=data)
    try:
        win = _window(qtbot, store, tmp_path, clock)
        assert _undo_text(win) == f"&Undo: Delete ticket {number} “Heizung defekt”"
        page = _tickets(win)
        assert page.list.numbers() == []
        _undo(win)
        assert not _deleted(store, "ticket", tid)
        assert page.list.numbers() == [number]
        win.close()
        win.tasks.wait(5000)
    finally:
        store.dispose()


def test_a_record_deleted_meanwhile_is_not_asked_about(
    window: MainWindow, sqlite_store: Store, ids: dict[str, int | str], clock: FixedClock
) -> None:
    from crm_desktop.services.tickets import delete_ticket

    asked = Asked()
    window.confirm = asked  # type: ignore[method-assign]
    with sqlite_store.session() as s:  # another window deleted it
        delete_ticket(s, int(ids["ticket"]), clock=clock)
    assert not window.delete_listed("ticket", int(ids["ticket"]))
    assert asked.questions == []


def test_ui_undoes_only_through_the_undo_shell() -> None:
    """One undo history: no view calls the registry's or bulk's undo itself (only
    ui/undo.py does), so the window's Edit → Undo and every Undo button agree."""
    banned = {"undo_last", "redo_last", "undo_stack"}
    for path in sorted(UI.glob("*.py")):
        if path.name == "undo.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in ("bulk", "registry", "undo")
            ):
                name = node.func.attr
                assert name not in banned, f"{path.name}:{node.lineno}: {name}"
                if node.func.value.id == "registry":
                    assert name not in ("undo", "redo"), f"{path.name}:{node.lineno}"


def test_an_edit_overtaken_by_a_later_save_is_refused_and_makes_way(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    """Ctrl+Z on an edit whose record another save changed since: refused with the
    reason (nothing overwritten), and the next Ctrl+Z goes on with the older change."""
    from crm_desktop.data.models import Person
    from crm_desktop.services import undo as registry
    from crm_desktop.ui.undo import UndoManager

    ids = _records(sqlite_store, clock)
    manager = UndoManager(sqlite_store, clock)
    manager.delete("ticket", int(ids["ticket"]), "Delete ticket")  # the older change
    with sqlite_store.session() as s:
        pid = contacts.create_person(s, PersonInput("Anna", "Schäfer"), clock=clock).id
        before = registry.snapshot(s, "person", pid)
        contacts.update_person(s, pid, {"position": "Leitung"}, clock=clock)
        after = registry.snapshot(s, "person", pid)
        registry.record_edit(s, "person", pid, before, after, "Edit Anna", clock)
    with sqlite_store.session() as s:  # saved elsewhere, without an undo entry
        contacts.update_person(s, pid, {"position": "Geschäftsführung"}, clock=clock)
    manager.sync()
    assert manager.undo_text() == "Edit Anna"
    with qtbot.waitSignal(manager.failed) as failed:
        assert not manager.undo()
    assert failed.args is not None
    assert failed.args[0].message == registry.EDIT_OVERTAKEN
    with sqlite_store.reader() as s:
        assert s.get_one(Person, pid).position == "Geschäftsführung"
    assert manager.undo_text() == "Delete ticket"
    assert manager.undo()
    assert not _deleted(sqlite_store, "ticket", int(ids["ticket"]))
