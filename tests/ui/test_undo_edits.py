"""Undo of a dialog's edit in the window: the Edit menu names the edit, Ctrl+Z after
an edit takes back that edit (not an older bulk change), Redo does it again, and an
order deleted in the orders view comes back with Ctrl+Z."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Person
from crm_desktop.data.store import Store
from crm_desktop.services import bulk, contacts
from crm_desktop.services.contacts import PersonInput
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.settings_dialog import AppSettings


def _window(qtbot: QtBot, store: Store, tmp_path: Path, clock: FixedClock) -> MainWindow:
    win = MainWindow(store, AppSettings(tmp_path / "settings.ini"), data_dir=tmp_path, clock=clock)
    qtbot.addWidget(win)
    win.confirm = lambda _title, _text: True  # type: ignore[method-assign]
    return win


def _position(store: Store, pid: int) -> str | None:
    with store.reader() as s:
        return s.get_one(Person, pid).position


def test_ctrl_z_after_an_edit_undoes_the_edit(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    with sqlite_store.session() as s:
        pid = contacts.create_person(s, PersonInput("Anna", "Schäfer", position="Azubi")).id
        bulk.tag(s, "person", [pid], "Messe", clock)  # an older bulk change
    win = _window(qtbot, sqlite_store, tmp_path, clock)
    win.show()
    assert win.open_record("person", pid)

    def edit(dialog: Any) -> int | None:  # the dialog as the user fills it in
        dialog.form.position.setText("Leitung")
        dialog.save()
        return dialog.result_id  # type: ignore[no-any-return]

    win._run_dialog = edit  # type: ignore[method-assign]
    win.edit_current()
    assert _position(sqlite_store, pid) == "Leitung"
    undo = win.actions_by_name["undo"]
    assert "Anna Schäfer" in undo.text() and "Position" in undo.text()

    assert undo.shortcut().toString() == "Ctrl+Z"
    undo.trigger()  # what Ctrl+Z does
    qtbot.waitUntil(lambda: _position(sqlite_store, pid) == "Azubi", timeout=5000)
    with sqlite_store.reader() as s:  # the bulk tag is still there
        assert [t.name for t in s.get_one(Person, pid).tags] == ["Messe"]
    # the detail view shows the old value again
    form = getattr(win.detail, "form", None)
    shown = getattr(form, "position", None)
    if shown is not None:
        assert shown.text() == "Azubi"
    assert "Messe" in undo.text()  # next in line: the bulk tag
    assert "Anna Schäfer" in win.actions_by_name["redo"].text()
    win.undo.redo()
    assert _position(sqlite_store, pid) == "Leitung"
    win.close()
    win.tasks.wait(5000)
