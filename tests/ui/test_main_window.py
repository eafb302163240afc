"""The main window end to end: tree, quick entry, search, delete + undo, layout memory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Activity, FollowUp, Person, UndoEntry
from crm_desktop.data.store import Store
from crm_desktop.services import contacts
from crm_desktop.services.contacts import CompanyInput, PersonInput
from crm_desktop.services.tree import NodeRef
from crm_desktop.ui.main_window import Location, MainWindow
from crm_desktop.ui.settings_dialog import AppSettings


@pytest.fixture
def make_window(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> Iterator[object]:
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        win = MainWindow(
            sqlite_store, AppSettings(tmp_path / "settings.ini"), clock=clock, data_dir=tmp_path
        )
        qtbot.addWidget(win)
        windows.append(win)
        return win

    yield make
    for win in windows:
        win.tasks.wait(5000)


def build_org(store: Store, clock: FixedClock) -> dict[str, int]:
    """A company with a branch, a department and two people with a reporting line."""
    with store.session() as s:
        group = contacts.create_company(s, CompanyInput(name="Köhler Holding"))
        branch = contacts.create_company(
            s, CompanyInput(name="Köhler Service Nord", parent_id=group.id)
        )
        dept = contacts.add_department(s, branch.id, "Werkstatt")
        boss = contacts.create_person(
            s,
            PersonInput(
                given_name="Anna", family_name="Berger", company_id=branch.id, department_id=dept.id
            ),
            clock=clock,
        )
        mate = contacts.create_person(
            s,
            PersonInput(
                given_name="Bernd",
                family_name="Zimmer",
                company_id=branch.id,
                department_id=dept.id,
                reports_to_id=boss.id,
            ),
            clock=clock,
        )
        other = contacts.add_department(s, branch.id, "Einkauf")
        return {
            "group": group.id,
            "branch": branch.id,
            "dept": dept.id,
            "other": other.id,
            "boss": boss.id,
            "mate": mate.id,
        }


def activate(qtbot: QtBot, win: MainWindow) -> None:
    """Make the window the active one (keyboard shortcuts need an active window)."""
    win.activateWindow()
    handle = win.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)


def answer_next_question(button: QMessageBox.StandardButton) -> None:
    """Press ``button`` in the next message box (the real dialog, answered like a user)."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(button).click()
        else:
            QTimer.singleShot(20, press)

    QTimer.singleShot(20, press)


def test_first_start_shows_the_welcome_page(make_window: object) -> None:
    win = make_window()  # type: ignore[operator]
    assert win.center.currentWidget() is win.welcome
    assert "No contacts yet" in " ".join(
        w.text() for w in win.welcome.findChildren(type(win.status_label))
    )
    assert "0 people" in win.status_label.text()
    assert "Database: Local (SQLite)" in win.status_label.text()


def test_day_in_the_life(
    qtbot: QtBot, make_window: object, sqlite_store: Store, clock: FixedClock
) -> None:
    org = build_org(sqlite_store, clock)
    win = make_window()  # type: ignore[operator]
    win.show()
    qtbot.waitExposed(win)
    assert win.center.currentWidget() is not win.welcome
    assert win.status_label.text().startswith("2 people · 2 companies · 0 follow-ups due")

    # the tree shows the hierarchy lazily: the branch is only loaded on expanding
    model = win.tree_panel.model
    top = model.index(0, 0)
    assert model.data(top) == "Köhler Holding (2)"
    assert model.rowCount(top) == 0 and model.canFetchMore(top)
    win.tree_panel.view.expand(top)
    qtbot.waitUntil(lambda: model.rowCount(top) == 1)
    assert model.data(model.index(0, 0, top)) == "Köhler Service Nord (2)"

    # select Bernd through the tree: detail and timeline follow
    assert win.tree_panel.select(NodeRef.person(org["mate"]))
    win.tree_panel.recordSelected.emit(NodeRef.person(org["mate"]))
    assert win.current == Location("person", org["mate"])
    assert "Bernd Zimmer" in win.timeline.title.text()

    # Ctrl+L → the quick entry dialog (one line in German or English)
    activate(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert win.quick_entry_dialog.isVisible()
    win.quick_entry_dialog.close()
    # the timeline's own entry line: a call with a follow-up
    activate(qtbot, win)
    win.focus_quick_entry()
    assert win.timeline.quick.text.hasFocus()
    qtbot.keyClicks(win.timeline.quick.text, "Termin Wartung Hebebuehne vereinbart")
    win.timeline.quick.follow.setChecked(True)
    with qtbot.waitSignal(win.timeline.activityLogged):
        qtbot.keyClick(win.timeline.quick.text, Qt.Key.Key_Return)
    with sqlite_store.reader() as s:
        act = s.execute(select(Activity)).scalar_one()
        assert act.person_id == org["mate"] and act.company_id == org["branch"]
        assert s.execute(select(FollowUp)).scalar_one().activity_id == act.id
        act_id = act.id

    # Ctrl+F → search finds the call by its text; Enter opens it
    win.open_record("company", org["group"])
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win.search.hasFocus()
    with qtbot.waitSignal(win.search.searched, timeout=3000):
        qtbot.keyClicks(win.search, "Hebebuehne")
    assert ("activity", act_id) in [(h.kind, h.ref_id) for h in win.search.hits]
    win.search.popup.list.setCurrentRow(
        [(h.kind, h.ref_id) for h in win.search.hits].index(("activity", act_id))
    )
    with qtbot.waitSignal(win.recordShown):
        qtbot.keyClick(win.search, Qt.Key.Key_Return)
    assert win.current == Location("person", org["mate"])
    assert win.timeline.current_entry() is not None
    assert win.timeline.current_entry().activity_id == act_id  # type: ignore[union-attr]

    # back / forward through viewed records
    win.go_back()
    assert win.current == Location("company", org["group"])
    win.go_forward()
    assert win.current == Location("person", org["mate"])

    # Del asks first (answered "Yes" in the real dialog); Ctrl+Z brings the person back
    win.tree_panel.focus_tree()
    answer_next_question(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(win.tree_panel.view, Qt.Key.Key_Delete)
    with sqlite_store.reader() as s:
        assert s.get(Person, org["mate"]).deleted_at is not None  # type: ignore[union-attr]
        # the activity logged above is undoable too: the newest entry is the delete
        assert s.scalars(select(UndoEntry).order_by(UndoEntry.id.desc())).first().undone_at is None  # type: ignore[union-attr]
    assert win.status_label.text().startswith("1 person ·")
    assert not model.nodes_for(NodeRef.person(org["mate"]))
    activate(qtbot, win)  # back from the message box
    assert win.actions_by_name["undo"].isEnabled()
    qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with sqlite_store.reader() as s:
        assert s.get(Person, org["mate"]).deleted_at is None  # type: ignore[union-attr]
        assert (
            s.scalars(select(UndoEntry).order_by(UndoEntry.id.desc())).first().undone_at is not None
        )  # type: ignore[union-attr]
    assert win.status_label.text().startswith("2 people ·")
    assert model.nodes_for(NodeRef.person(org["mate"]))

    # answering "No" deletes nothing
    win.open_record("person", org["boss"])
    answer_next_question(QMessageBox.StandardButton.No)
    win.delete_current()
    with sqlite_store.reader() as s:
        assert s.get(Person, org["boss"]).deleted_at is None  # type: ignore[union-attr]


def test_drag_a_person_to_another_department_in_the_window(
    make_window: object, sqlite_store: Store, clock: FixedClock
) -> None:
    org = build_org(sqlite_store, clock)
    win = make_window()  # type: ignore[operator]
    model = win.tree_panel.model
    mime = model.mimeData([model.reveal(NodeRef.person(org["mate"]))])
    target = model.reveal(NodeRef.department(org["other"]))
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, target)
    with sqlite_store.reader() as s:
        assert s.get(Person, org["mate"]).department_id == org["other"]  # type: ignore[union-attr]
        # the reporting line stays inside the company
        assert s.get(Person, org["mate"]).reports_to_id == org["boss"]  # type: ignore[union-attr]


def test_layout_and_last_record_are_remembered(
    qtbot: QtBot, make_window: object, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    org = build_org(sqlite_store, clock)
    first = make_window()  # type: ignore[operator]
    first.resize(800, 700)  # the offscreen screen is 800 wide; restoring clamps to it
    first.show()
    qtbot.waitExposed(first)
    first.splitter.setSizes([150, 400, 250])
    first.open_record("person", org["boss"])
    QApplication.processEvents()  # the detail pane, built on first use, has its size
    sizes = first.splitter.sizes()
    first.close()
    assert (tmp_path / "settings.ini").is_file()
    second = make_window()  # type: ignore[operator]
    second.show()
    qtbot.waitExposed(second)
    assert second.splitter.sizes() == sizes
    assert (second.width(), second.height()) == (first.width(), first.height())
    assert second.current == Location("person", org["boss"])
    assert second.tree_panel.current_ref() == NodeRef.person(org["boss"])


def test_menus_and_shortcuts_are_in_place(make_window: object) -> None:
    win = make_window()  # type: ignore[operator]
    titles = [a.text().replace("&", "") for a in win.menuBar().actions()]
    assert titles == [
        "File",
        "Edit",
        "View",
        "Contacts",
        "Activities",
        "Sales",
        "Reports",
        "Tools",
        "Help",
    ]
    keys = {name: act.shortcut().toString() for name, act in win.actions_by_name.items()}
    assert keys["find"] == "Ctrl+F"
    assert keys["new"] == "Ctrl+N"
    assert keys["quick_entry"] == "Ctrl+L"
    assert keys["log_call"] == "Ctrl+Shift+A"
    assert keys["edit"] == "Ctrl+E"
    assert keys["delete"] == "Del"
    assert keys["undo"] == "Ctrl+Z"
    assert keys["refresh"] == "F5"
    assert (keys["focus_tree"], keys["focus_detail"], keys["focus_timeline"]) == (
        "Ctrl+1",
        "Ctrl+2",
        "Ctrl+3",
    )
    assert (keys["back"], keys["forward"]) == ("Alt+Left", "Alt+Right")
    win.show_view("today")
    assert win.center.currentWidget() is win.pages["today"]
    assert win.tree_panel.model.rowCount(QModelIndex()) == 0
