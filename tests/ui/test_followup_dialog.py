"""Planning a follow-up writes only the follow-up (issue #17): "Wiedervorlage planen"
used to log a call that never happened (it changed "Letzter Kontakt" and reset the
contact intervals)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QTime
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Activity, ActivityKind, FollowUp
from crm_desktop.data.store import Store
from crm_desktop.services import contacts
from crm_desktop.services.contacts import CompanyInput, PersonInput
from crm_desktop.ui.followup_dialog import FollowupDialog


@pytest.fixture
def anna(sqlite_store: Store) -> int:
    with sqlite_store.session() as s:
        company = contacts.create_company(s, CompanyInput(name="Müller & Söhne GmbH"))
        return contacts.create_person(
            s, PersonInput(given_name="Anna", family_name="Schäfer", company_id=company.id)
        ).id


def _count(store: Store, model: type) -> int:
    with store.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_plans_a_follow_up_and_logs_nothing(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, anna: int, tmp_path: Path
) -> None:
    dlg = FollowupDialog(sqlite_store, anna, clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.person.current_id() == anna
    dlg.when.setDate(QDate(2026, 11, 27))
    dlg.when.setTime(QTime(14, 0))
    dlg.kind.set_value(ActivityKind.MEETING)
    dlg.note.setText("Angebot besprechen")
    dlg.grab().save(str(tmp_path / "followup.png"))
    with qtbot.waitSignal(dlg.saved) as saved:
        dlg.save()
    changes = saved.args[0]
    assert changes.touches_record("followup", dlg.result_id)
    assert changes.touches_record("person", anna)
    assert _count(sqlite_store, Activity) == 0  # no call that never happened
    with sqlite_store.reader() as s:
        fu = s.get_one(FollowUp, dlg.result_id)
        assert fu.person_id == anna and fu.kind == ActivityKind.MEETING
        assert fu.note == "Angebot besprechen" and fu.company_id is not None
        assert fu.due_at == dt.datetime(2026, 11, 27, 13, 0, tzinfo=dt.UTC)  # 14:00 Berlin
        assert fu.owner == sqlite_store.owner


def test_needs_a_person(qtbot: QtBot, sqlite_store: Store, clock: FixedClock) -> None:
    dlg = FollowupDialog(sqlite_store, clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.save()
    assert dlg.isVisible() and dlg.error.isVisible() and dlg.result_id is None
    assert _count(sqlite_store, FollowUp) == 0


def test_a_typed_name_that_names_one_person_is_enough(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, anna: int
) -> None:
    dlg = FollowupDialog(sqlite_store, clock=clock)
    qtbot.addWidget(dlg)
    dlg.person.lineEdit().setText("Schäfer")  # type: ignore[union-attr]
    dlg.save()
    assert dlg.result_id is not None


def test_the_window_menu_plans_without_logging(
    qtbot: QtBot,
    sqlite_store: Store,
    clock: FixedClock,
    anna: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from crm_desktop.ui.main_window import MainWindow
    from crm_desktop.ui.settings_dialog import AppSettings

    win = MainWindow(
        sqlite_store, AppSettings(tmp_path / "settings.ini"), clock=clock, data_dir=tmp_path
    )
    qtbot.addWidget(win)
    win.show()
    win.open_record("person", anna)

    def exec_dialog(dialog: FollowupDialog) -> int:
        assert dialog.person.current_id() == anna  # the person shown
        dialog.save()
        return 1

    monkeypatch.setattr(FollowupDialog, "exec", exec_dialog)
    before = win.hub.published
    win.actions_by_name["followup"].trigger()
    assert win.hub.published == before + 1
    assert _count(sqlite_store, FollowUp) == 1 and _count(sqlite_store, Activity) == 0
    win.tasks.wait(5000)
