"""The agenda widget and dialog: groups, columns, tel: links, Done/Snooze, empty state;
plus screenshots of the agenda and the notice in /tmp/shots."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Activity, ActivityKind, FollowUp
from crm_desktop.data.store import Store, open_store
from crm_desktop.services import calendar as cal
from crm_desktop.services import contacts as c
from crm_desktop.services import followups as fus
from crm_desktop.ui.agenda import (
    COL_COMPANY,
    COL_LAST,
    COL_NOTE,
    COL_PERSON,
    COL_PHONE,
    COL_TIME,
    TEL_ROLE,
    AgendaDialog,
    AgendaWidget,
    show_startup_agenda,
)
from crm_desktop.ui.notice import ReminderNotice

BERLIN = ZoneInfo("Europe/Berlin")
SHOTS = Path("/tmp/shots")
NOW = dt.datetime(2026, 11, 23, 10, 30, tzinfo=BERLIN)  # a Monday


def berlin(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN)  # type: ignore[misc]


@pytest.fixture(scope="module")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template") / "data"
    open_store(data_dir=folder).dispose()
    return folder


@pytest.fixture
def sqlite_store(tmp_path: Path, _sqlite_template: Path) -> Iterator[Store]:
    shutil.copytree(_sqlite_template, tmp_path / "data")
    store = open_store(data_dir=tmp_path / "data", migrate_schema=False)
    yield store
    store.dispose()


@pytest.fixture
def filled(sqlite_store: Store) -> dict[str, int]:
    ids: dict[str, int] = {}
    with sqlite_store.session() as s:
        mueller = c.create_company(
            s, c.CompanyInput(name="Müller GmbH", phones=[c.PhoneInput("0711 999000")])
        )
        schmidt = c.create_company(s, c.CompanyInput(name="Schmidt & Söhne KG"))
        max_ = c.create_person(
            s,
            c.PersonInput(
                given_name="Max",
                family_name="Müller",
                company_id=mueller.id,
                phones=[c.PhoneInput("0171 1234567")],
            ),
        )
        petra = c.create_person(
            s, c.PersonInput(given_name="Petra", family_name="Schmidt", company_id=schmidt.id)
        )
        erika = c.create_person(s, c.PersonInput(given_name="Erika", family_name="Muster"))
        s.add(
            Activity(
                kind=ActivityKind.CALL,
                occurred_at=berlin(2026, 11, 16, 11),
                subject="Angebot besprochen",
                text="Entscheidung bis Freitag",
                person_id=max_.id,
            )
        )
        s.add(
            Activity(
                kind=ActivityKind.EMAIL,
                occurred_at=berlin(2026, 11, 19, 9),
                subject="Preisliste geschickt",
                person_id=petra.id,
            )
        )
        ids["max"], ids["petra"], ids["erika"] = max_.id, petra.id, erika.id
        ids["overdue"] = fus.create_followup(
            s,
            due_at=berlin(2026, 11, 20, 15),
            kind="call",
            note="Mahnung klären",
            person_id=petra.id,
        ).id
        ids["call"] = fus.create_followup(
            s,
            due_at=berlin(2026, 11, 23, 14),
            kind="call",
            note="Angebot 2026-17",
            person_id=max_.id,
        ).id
        ids["mail"] = fus.create_followup(
            s,
            due_at=berlin(2026, 11, 23, 16, 30),
            kind="email",
            note="Unterlagen",
            person_id=erika.id,
        ).id
        ids["visit"] = cal.create_appointment(
            s,
            title="Besuch Werk 2",
            start_at=berlin(2026, 11, 23, 11),
            end_at=berlin(2026, 11, 23, 12, 30),
            kind=ActivityKind.VISIT,
            location="Industriestraße 5, Stuttgart",
            person_id=max_.id,
        ).id
        ids["thursday"] = fus.create_followup(
            s, due_at=berlin(2026, 11, 26, 9), kind="call", note="Nachfassen", person_id=petra.id
        ).id
        fus.create_followup(
            s, due_at=berlin(2026, 11, 23, 15), kind="call", note="x", owner="bernd"
        )
    return ids


def _agenda(qtbot: QtBot, store: Store, **kw: object) -> AgendaWidget:
    widget = AgendaWidget(store, clock=FixedClock(NOW), owner="anna", zone=BERLIN, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(widget)
    return widget


def _cells(widget: AgendaWidget, key: tuple[str, int]) -> dict[int, str]:
    return {
        col: widget.index_of(key, col).data()
        for col in (COL_TIME, COL_PERSON, COL_COMPANY, COL_PHONE, COL_NOTE, COL_LAST)
    }


def test_today_lists_overdue_first_then_today(
    qtbot: QtBot, sqlite_store: Store, filled: dict[str, int]
) -> None:
    w = _agenda(qtbot, sqlite_store)
    assert w.group_titles() == ["Overdue", "Today, " + _date(2026, 11, 23)]
    assert w.row_keys() == [
        ("followup", filled["overdue"]),
        ("appointment", filled["visit"]),
        ("followup", filled["call"]),
        ("followup", filled["mail"]),
    ]
    call = _cells(w, ("followup", filled["call"]))
    assert call[COL_PERSON] == "Max Müller" and call[COL_COMPANY] == "Müller GmbH"
    assert call[COL_NOTE] == "Angebot 2026-17"
    assert call[COL_LAST] == "Angebot besprochen: Entscheidung bis Freitag"
    assert call[COL_PHONE] == "0171 1234567"
    assert w.index_of(("followup", filled["call"]), COL_PHONE).data(TEL_ROLE) == "tel:+491711234567"
    overdue = _cells(w, ("followup", filled["overdue"]))
    assert overdue[COL_TIME].startswith(_date(2026, 11, 20))  # an earlier day shows its date
    visit = _cells(w, ("appointment", filled["visit"]))
    assert "Industriestraße 5" in visit[COL_NOTE]
    assert "2 overdue" not in w.heading.text() and "1 overdue" in w.heading.text()
    assert w.stack.currentWidget() is w.view


def _date(y: int, m: int, d: int) -> str:
    from crm_desktop.ui.format import format_date

    return format_date(dt.date(y, m, d))


def test_week_toggle(qtbot: QtBot, sqlite_store: Store, filled: dict[str, int]) -> None:
    w = _agenda(qtbot, sqlite_store)
    w.week_button.click()
    assert w.week
    assert ("followup", filled["thursday"]) in w.row_keys()
    assert len(w.group_titles()) == 3
    w.today_button.click()
    assert ("followup", filled["thursday"]) not in w.row_keys()


def test_phone_link_person_activation_and_actions(
    qtbot: QtBot, sqlite_store: Store, filled: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        "crm_desktop.ui.agenda.QDesktopServices.openUrl", lambda url: opened.append(url.toString())
    )
    w = _agenda(qtbot, sqlite_store)
    w.show()
    key = ("followup", filled["call"])
    phone_index = w.index_of(key, COL_PHONE)
    with qtbot.waitSignal(w.phoneActivated) as dialled:
        rect = w.view.visualRect(phone_index)
        qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialled.args == ["tel:+491711234567"] and opened == ["tel:+491711234567"]
    with qtbot.waitSignal(w.personActivated) as person:
        w.view.doubleClicked.emit(w.index_of(key, COL_PERSON))
    assert person.args == [filled["max"]]

    # Done and Snooze buttons on the line
    actions = w.view.indexWidget(w.index_of(key, 6))
    assert actions is not None
    buttons = {b.objectName(): b for b in actions.findChildren(QToolButton)}
    assert set(buttons) == {"agendaDone", "agendaSnooze"}
    with qtbot.waitSignal(w.changed), qtbot.waitSignal(w.doneRequested) as done:
        buttons["agendaDone"].click()
    assert done.args[0].id == filled["call"]
    assert key not in w.row_keys()
    with sqlite_store.reader() as s:
        row = s.get(FollowUp, filled["call"])
        assert row is not None and row.done_at is not None

    mail = ("followup", filled["mail"])
    assert w.act_snooze(mail, "tomorrow")
    assert mail not in w.row_keys()  # tomorrow 9:00 is outside "today"
    w.set_week(True)
    assert mail in w.row_keys()
    appointment_actions = w.view.indexWidget(w.index_of(("appointment", filled["visit"]), 6))
    assert appointment_actions is not None and not appointment_actions.findChildren(QToolButton)


def test_empty_state_and_dialog(qtbot: QtBot, sqlite_store: Store) -> None:
    w = _agenda(qtbot, sqlite_store)
    assert w.stack.currentWidget() is w.empty
    assert "Nothing is due today" in w.empty.text()
    w.set_week(True)
    assert "Nothing is due this week" in w.empty.text()
    assert show_startup_agenda(sqlite_store, None, clock=FixedClock(NOW)) is None


def test_startup_dialog_opens_person(
    qtbot: QtBot, sqlite_store: Store, filled: dict[str, int]
) -> None:
    dialog = AgendaDialog(sqlite_store, clock=FixedClock(NOW), owner="anna", zone=BERLIN)
    qtbot.addWidget(dialog)
    assert dialog.has_entries()
    with qtbot.waitSignal(dialog.personActivated) as person:
        dialog.agenda.view.activated.emit(
            dialog.agenda.index_of(("followup", filled["overdue"]), COL_PERSON)
        )
    assert person.args == [filled["petra"]]
    assert dialog.result() == AgendaDialog.DialogCode.Accepted


def test_screenshots(qtbot: QtBot, sqlite_store: Store, filled: dict[str, int]) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    w = _agenda(qtbot, sqlite_store)
    w.resize(1200, 420)
    w.show()
    qtbot.waitExposed(w)
    assert w.grab().save(str(SHOTS / "agenda.png"))

    clock = FixedClock(berlin(2026, 11, 23, 14))
    notice = ReminderNotice(sqlite_store, clock, zone=BERLIN)
    qtbot.addWidget(notice)
    with sqlite_store.reader() as s:
        entries = fus.due_now(s, clock, "anna")
        appointment = s.get(cal.Appointment, filled["visit"])
        assert appointment is not None
        entries += fus.entries_for(s, appointments=[appointment], now=clock.now())
    notice.add_entries(entries)
    notice.resize(900, max(notice.heightForWidth(900), notice.minimumSizeHint().height()))
    notice.show()
    qtbot.waitExposed(notice)
    assert len(notice.rows) == 3
    assert notice.grab().save(str(SHOTS / "notice.png"))
    assert (SHOTS / "agenda.png").stat().st_size > 5000
