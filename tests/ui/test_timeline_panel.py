"""The timeline pane: paging, day headers, filters, detail, quick entry."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import insert, select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Activity, ActivityKind, FollowUp
from crm_desktop.data.store import Store
from crm_desktop.services.timeline import Scope
from crm_desktop.ui.timeline import EntryRole, HeaderRole, TimelinePanel
from tests.store.test_timeline import log, setup_people

ROOT = QModelIndex()


def test_pages_and_day_headers(qtbot: QtBot, sqlite_store: Store, clock: FixedClock) -> None:
    group, _branch, a, _b, _c = setup_people(sqlite_store, clock)
    with sqlite_store.session() as s:
        s.execute(
            insert(Activity),
            [
                {
                    "kind": ActivityKind.CALL if i % 2 else ActivityKind.EMAIL,
                    "occurred_at": clock.now() - dt.timedelta(hours=5 * i),
                    "text": f"Gespräch {i}",
                    "person_id": a,
                    "company_id": group,
                }
                for i in range(250)
            ],
        )
    panel = TimelinePanel(sqlite_store, clock=clock, page_size=100)
    qtbot.addWidget(panel)
    panel.set_scope(Scope(company_id=group))
    model = panel.model
    assert model.pages_loaded == 1 and len(model.entries()) == 100
    assert model.canFetchMore(ROOT)
    assert model.data(model.index(0, 0), HeaderRole)
    assert model.data(model.index(0, 0)) == "Today"
    headers = [
        model.data(model.index(r, 0))
        for r in range(model.rowCount())
        if model.data(model.index(r, 0), HeaderRole)
    ]
    assert headers[1] == "Yesterday"
    first = model.data(model.index(1, 0), EntryRole)
    assert first.text == "Gespräch 0"
    model.fetchMore(ROOT)
    model.fetchMore(ROOT)
    assert len(model.entries()) == 250 and not model.canFetchMore(ROOT)
    # no day header repeats after a page boundary
    assert len(headers) == len(set(headers))
    panel.resize(460, 700)
    panel.show()
    qtbot.waitExposed(panel)
    assert not panel.grab().isNull()  # the delegate paints every kind of row


def test_filters_and_detail(qtbot: QtBot, sqlite_store: Store, clock: FixedClock) -> None:
    group, _branch, a, b, _c = setup_people(sqlite_store, clock)
    log(sqlite_store, clock, a, ActivityKind.CALL, "Angebot besprochen\nZweite Zeile <b>", 1)
    complaint = log(sqlite_store, clock, b, ActivityKind.COMPLAINT, "Lager defekt", 50)
    log(sqlite_store, clock, a, ActivityKind.NOTE, "Uralte Notiz", 24 * 400)
    panel = TimelinePanel(sqlite_store, clock=clock)
    qtbot.addWidget(panel)
    panel.set_scope(Scope(company_id=group))
    assert len(panel.model.entries()) == 3
    assert panel.ticket.count() == 2  # "All tickets" and the complaint's ticket
    panel.set_kinds({ActivityKind.CALL})
    assert [e.kind for e in panel.model.entries()] == [ActivityKind.CALL]
    assert panel.kind_button.text() == "Call"
    panel.set_kinds(set())
    panel.ticket.setCurrentIndex(1)
    assert [e.activity_id for e in panel.model.entries()] == [complaint]
    panel.ticket.setCurrentIndex(0)
    panel.period.setCurrentIndex(panel.period.findData("365d"))
    assert len(panel.model.entries()) == 2
    panel.period.setCurrentIndex(panel.period.findData("today"))
    assert [e.summary for e in panel.model.entries()] == ["Angebot besprochen"]
    # selecting an entry shows all of it, escaped
    assert panel.select_activity(panel.model.entries()[0].activity_id)
    html = panel.detail.toHtml()
    assert "Zweite Zeile &lt;b&gt;" in html
    assert "Jürgen Müller" in panel.detail.toPlainText()
    panel.period.setCurrentIndex(0)
    panel.set_kinds({ActivityKind.VISIT})
    assert panel.stack.currentWidget() is panel.empty
    assert "filter" in panel.empty.text()


def test_quick_entry_logs_a_call_with_follow_up(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    _group, _branch, a, _b, _c = setup_people(sqlite_store, clock)
    panel = TimelinePanel(sqlite_store, clock=clock)
    qtbot.addWidget(panel)
    panel.set_scope(None)
    assert not panel.quick.isEnabled()
    assert "Select a company or a person" in panel.empty.text()
    panel.set_scope(Scope(person_id=a))
    assert "No activities yet" in panel.empty.text()
    panel.focus_quick_entry(ActivityKind.CALL)
    qtbot.keyClicks(panel.quick.text, "Rueckruf wegen Angebot")
    panel.quick.follow.setChecked(True)
    assert panel.quick.due.isEnabled()
    with qtbot.waitSignal(panel.activityLogged) as logged:
        qtbot.keyClick(panel.quick.text, Qt.Key.Key_Return)
    activity_id = logged.args[0]
    with sqlite_store.reader() as s:
        act = s.get(Activity, activity_id)
        assert act is not None and act.kind == ActivityKind.CALL and act.person_id == a
        follow = s.execute(select(FollowUp).where(FollowUp.activity_id == activity_id)).scalar_one()
        # tomorrow 10:00 Berlin = 09:00 UTC
        assert follow.due_at == dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
    assert panel.quick.text.text() == "" and not panel.quick.follow.isChecked()
    entry = panel.current_entry()
    assert entry is not None and entry.activity_id == activity_id
    assert entry.open_followup is not None
    # an empty entry is refused with a message, nothing written
    qtbot.keyClick(panel.quick.text, Qt.Key.Key_Return)
    assert panel.quick.error.isVisibleTo(panel)
    with sqlite_store.reader() as s:
        assert len(s.execute(select(Activity)).all()) == 1
