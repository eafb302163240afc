"""Undo survives a restart (issue #15): a deletion undone or not, the next start opens,
the undo of a company delete brings the company and the people trashed with it back,
and an entry that can no longer be applied is dropped with a log line."""

from __future__ import annotations

import datetime as dt
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from crm_desktop.data.models import Company, Department, Person, UndoEntry
from crm_desktop.data.store import Store, open_store
from crm_desktop.services import contacts
from crm_desktop.services.contacts import CompanyInput, PersonInput
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.settings_dialog import AppSettings
from crm_desktop.ui.undo import UndoManager

ROOT = Path(__file__).resolve().parents[2]


class TickingClock:
    """A real clock's habit: every reading is a little later than the one before."""

    def __init__(self) -> None:
        self._now = dt.datetime.now(dt.UTC).replace(microsecond=123456)

    def now(self) -> dt.datetime:
        self._now += dt.timedelta(microseconds=1111)
        return self._now


def _org(store: Store) -> dict[str, int]:
    with store.session() as s:
        comp = contacts.create_company(s, CompanyInput(name="Köhler & Partner"))
        dept = contacts.add_department(s, comp.id, "Werkstatt")
        birgit = contacts.create_person(
            s, PersonInput("Birgit", "Weiß-Köhler", company_id=comp.id, department_id=dept.id)
        )
        hans = contacts.create_person(s, PersonInput("Hans", "Becker"))
        return {"company": comp.id, "dept": dept.id, "birgit": birgit.id, "hans": hans.id}


def _deleted(store: Store, model: type[Person] | type[Company], rid: int) -> bool:
    with store.reader() as s:
        found = s.get(model, rid)
        assert found is not None
        return found.deleted_at is not None


def test_undo_of_a_company_delete_restores_it_and_its_people(qtbot: QtBot, store: Store) -> None:
    """SQLite and PostgreSQL alike (both keep microseconds)."""
    sqlite_store = store
    org = _org(sqlite_store)
    undo = UndoManager(sqlite_store, TickingClock())
    undo.delete("company", org["company"], "Delete Köhler & Partner")
    assert _deleted(sqlite_store, Company, org["company"])
    assert _deleted(sqlite_store, Person, org["birgit"])
    assert undo.undo()
    assert not _deleted(sqlite_store, Company, org["company"])
    assert not _deleted(sqlite_store, Person, org["birgit"])
    with sqlite_store.reader() as s:
        birgit = s.get(Person, org["birgit"])
        assert birgit is not None and birgit.department_id == org["dept"]
        assert s.get(Department, org["dept"]) is not None
    # redo trashes both again; undo brings both back again
    assert undo.redo()
    assert _deleted(sqlite_store, Company, org["company"])
    assert undo.undo()
    assert not _deleted(sqlite_store, Person, org["birgit"])


def _window(qtbot: QtBot, store: Store, tmp_path: Path) -> MainWindow:
    win = MainWindow(store, AppSettings(tmp_path / "settings.ini"), data_dir=tmp_path)
    qtbot.addWidget(win)
    win.confirm = lambda _title, _text: True  # type: ignore[method-assign]
    return win


def test_delete_undo_close_and_start_again(qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = open_store(data_dir=data)
    org = _org(store)
    win = _window(qtbot, store, tmp_path)
    win.undo.clock = TickingClock()
    assert win.delete_record("person", org["hans"])
    assert win.delete_record("company", org["company"])
    win.undo_last_change()  # the company comes back
    assert not _deleted(store, Company, org["company"])
    win.close()
    win.tasks.wait(5000)
    store.dispose()

    # start again: the person's delete is offered for undo (it used to crash here)
    store = open_store(data_dir=data)
    try:
        win = _window(qtbot, store, tmp_path)
        assert win.attached
        assert win.undo.stack.count() == 1
        assert win.actions_by_name["undo"].isEnabled()
        assert _deleted(store, Person, org["hans"])
        win.undo_last_change()
        assert not _deleted(store, Person, org["hans"])
        win.tasks.wait(5000)
    finally:
        store.dispose()


def test_a_company_delete_undone_after_a_restart_brings_its_people(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    store = open_store(data_dir=data)
    org = _org(store)
    UndoManager(store, TickingClock()).delete("company", org["company"], "Delete Köhler")
    store.dispose()
    store = open_store(data_dir=data)
    try:
        undo = UndoManager(store, TickingClock())
        assert undo.load_persisted() == 1
        assert undo.undo()
        assert not _deleted(store, Company, org["company"])
        assert not _deleted(store, Person, org["birgit"])
        with store.reader() as s:
            assert s.execute(select(UndoEntry.undone_at)).scalar_one() is not None
    finally:
        store.dispose()


def test_an_entry_written_with_a_slightly_different_moment_still_restores(
    qtbot: QtBot, sqlite_store: Store
) -> None:
    """Entries written before the fix carry a moment ~1 ms off the stored one."""
    org = _org(sqlite_store)
    undo = UndoManager(sqlite_store, TickingClock())
    undo.delete("company", org["company"], "Delete Köhler")
    with sqlite_store.session() as s:
        entry = s.execute(select(UndoEntry)).scalar_one()
        off = dt.datetime.fromisoformat(entry.payload["deleted_at"]) - dt.timedelta(milliseconds=1)
        entry.payload = {**entry.payload, "deleted_at": off.isoformat()}
    fresh = UndoManager(sqlite_store, TickingClock())
    assert fresh.load_persisted() == 1
    assert fresh.undo()
    assert not _deleted(sqlite_store, Company, org["company"])
    assert not _deleted(sqlite_store, Person, org["birgit"])


def test_entries_that_cannot_be_applied_are_dropped_with_a_log_line(
    qtbot: QtBot, sqlite_store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    org = _org(sqlite_store)
    undo = UndoManager(sqlite_store, TickingClock())
    undo.delete("person", org["hans"], "Delete Hans")
    undo.delete("company", org["company"], "Delete Köhler")
    with sqlite_store.session() as s:
        contacts.restore_person(s, org["hans"])  # restored from the trash meanwhile
        assert contacts.purge_trash(s) == 2  # the company (and Birgit) are gone for good
        s.add(
            UndoEntry(
                at=dt.datetime.now(dt.UTC),
                label="broken",
                action="delete",
                payload={"kind": "person", "id": org["hans"], "deleted_at": "yesterday"},
            )
        )
    fresh = UndoManager(sqlite_store, TickingClock())
    with caplog.at_level(logging.WARNING, logger="crm_desktop.ui.undo"):
        assert fresh.load_persisted() == 0
    assert fresh.stack.count() == 0
    messages = " | ".join(r.getMessage() for r in caplog.records)
    assert "company" in messages and "gone" in messages
    assert "no longer in the trash" in messages
    assert "unreadable" in messages
    with sqlite_store.reader() as s:
        assert s.scalar(select(func.count()).select_from(UndoEntry)) == 0


def test_the_screenshot_command_runs_after_a_persisted_delete(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = open_store(data_dir=data)
    org = _org(store)
    UndoManager(store, TickingClock()).delete("person", org["hans"], "Delete Hans")
    store.dispose()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CRM_DESKTOP_NO_BACKUP="1")
    env.pop("CRM_DESKTOP_DATABASE_URL", None)
    env["PYTHONPATH"] = str(ROOT)
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "crm_desktop",
            "--data-dir",
            str(data),
            "screenshot",
            "--out",
            str(tmp_path / "shot.png"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "shot.png").stat().st_size > 1000
