"""After the window is on screen: the daily rules run in a worker thread, then the
calendar file (written in the background), and the window shows what the rules added."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from crm_desktop.app import _after_first_paint
from crm_desktop.clock import FixedClock
from crm_desktop.config import resolve_paths
from crm_desktop.data.models import FollowUp
from crm_desktop.data.store import Store
from crm_desktop.services import contacts
from crm_desktop.services import pipeline as pl
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.settings_dialog import AppSettings


def test_start_jobs_run_behind_the_open_window(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    clock = FixedClock(dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC))
    with sqlite_store.session() as s:
        company = contacts.create_company(s, contacts.CompanyInput(name="Tischlerei Vogt"))
        opp = pl.create_opportunity(
            s, pl.OpportunityInput(title="Einbauküche", company_id=company.id), clock=clock
        )
        pl.mark_quote_sent(s, opp.id, clock=clock)
    clock.advance(days=8)  # the first reminder is due
    paths = resolve_paths(data_dir=tmp_path / "data")
    win = MainWindow(sqlite_store, AppSettings(tmp_path / "settings.ini"), clock=clock)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    _after_first_paint(sqlite_store, win, paths, SimpleNamespace(clock=clock))  # type: ignore[arg-type]
    with sqlite_store.reader() as s:  # nothing yet: the jobs wait for the first paint
        assert s.scalars(select(FollowUp)).all() == []
    qtbot.waitUntil(lambda: win.property("calendarWriter") is not None, timeout=15000)
    writer = win.property("calendarWriter")
    try:
        assert writer.wait(15)
        assert "Einbauküche" in paths.calendar_path.read_text(encoding="utf-8")
        with sqlite_store.reader() as s:
            notes = list(s.scalars(select(FollowUp.note)))
        assert notes == ["Quote follow-up 1: Einbauküche"]
        assert "1 follow-up due" in win.status_label.text()
    finally:
        writer.close()
        writer.wait(5)
        agenda = win.property("startupAgenda")
        if agenda is not None:
            agenda.close()
        win.tasks.wait(5000)
