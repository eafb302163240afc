"""Views do not go stale after a save: the detail pane follows what the quick bar
logged, and a parent company's overview counts its branches' contacts like its
timeline does. (Issue #16: ``getattr(self.detail, "refresh")`` found nothing on the
detail stack, so the overview kept its old "Last contact".)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import ActivityKind
from crm_desktop.data.store import Store
from crm_desktop.services import activities as acts
from crm_desktop.services.changes import Changes
from crm_desktop.services.tree import NodeRef
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.settings_dialog import AppSettings
from tests.ui.test_main_window import build_org


@pytest.fixture
def window(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> Iterator[MainWindow]:
    win = MainWindow(
        sqlite_store, AppSettings(tmp_path / "settings.ini"), clock=clock, data_dir=tmp_path
    )
    qtbot.addWidget(win)
    yield win
    win.tasks.wait(5000)


def test_quick_bar_call_updates_the_person_overview(
    qtbot: QtBot, window: MainWindow, sqlite_store: Store, clock: FixedClock
) -> None:
    org = build_org(sqlite_store, clock)
    win = window
    win.open_record("person", org["mate"])
    pane = win.detail.person_pane  # type: ignore[attr-defined]
    empty = pane.overview.text("last_contact")
    assert "—" in empty
    win.tree_panel.recordSelected.emit(NodeRef.person(org["mate"]))
    qtbot.keyClicks(win.timeline.quick.text, "Angerufen wegen Wartung")
    with qtbot.waitSignal(win.timeline.activityLogged):
        qtbot.keyClick(win.timeline.quick.text, Qt.Key.Key_Return)
    assert pane.overview.text("last_contact") != empty
    assert "Call" in pane.overview.text("last_contact")


def test_parent_company_overview_counts_its_branches(
    window: MainWindow, sqlite_store: Store, clock: FixedClock
) -> None:
    org = build_org(sqlite_store, clock)
    with sqlite_store.session() as s:
        for i in range(3):
            acts.log_activity(
                s,
                acts.ActivityInput(
                    kind=ActivityKind.CALL,
                    person_id=org["boss"],
                    subject=f"Gespräch {i}",
                    occurred_at=clock.now() - dt.timedelta(days=i + 1),
                ),
                clock=clock,
            )
    win = window
    win.open_record("company", org["group"])
    pane = win.detail.company_pane  # type: ignore[attr-defined]
    assert "Call" in pane.overview.text("last_contact")  # the branch's contacts count
    win.hub.publish(Changes.of("person", org["boss"]))  # another record: still shown
    assert "Call" in pane.overview.text("last_contact")


def test_changes_record() -> None:
    a = Changes.of("person", 1) | Changes.of("activity", 7)
    assert a.touches("people") and a.touches("activity") and not a.touches("tickets")
    assert a.touches_record("person", 1) and not a.touches_record("person", 2)
    assert Changes().empty and not a.empty and Changes.all().touches("orders")
    assert "people=[1]" in a.describe()
