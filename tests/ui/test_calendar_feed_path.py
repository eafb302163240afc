"""File ▸ Export calendar names the calendar feed a calendar program can subscribe to."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.config import resolve_paths
from crm_desktop.data.store import Store
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.settings_dialog import AppSettings


@pytest.fixture
def window(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> Iterator[MainWindow]:
    win = MainWindow(
        sqlite_store, AppSettings(tmp_path / "settings.ini"), clock=clock, data_dir=tmp_path
    )
    qtbot.addWidget(win)
    yield win
    win.tasks.wait(5000)


def test_export_names_the_feed(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = resolve_paths(tmp_path).calendar_path
    feed.parent.mkdir(parents=True, exist_ok=True)
    feed.write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    out = tmp_path / "export.ics"
    monkeypatch.setattr(
        "crm_desktop.ui.main_window.files.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(out), ""),
    )
    window.actions_by_name["calendar_export"].trigger()
    message = window.statusBar().currentMessage()
    assert str(feed) in message
    icalendar.Calendar.from_ical(out.read_bytes())


def test_no_feed_no_path(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "export.ics"
    monkeypatch.setattr(
        "crm_desktop.ui.main_window.files.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(out), ""),
    )
    window.actions_by_name["calendar_export"].trigger()
    assert window.statusBar().currentMessage() == "0 entries exported."
