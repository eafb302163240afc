"""Edit → Undo after the window's own edits of rows: a stage move on the pipeline
board, closing a ticket, "done" on Today, an order's status in the order dialog, an
activity edit and a won opportunity. The Edit menu names the change, Undo takes it
back, the view shows the old state again, Redo does it once more."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Appointment,
    AppointmentStatus,
    FollowUp,
    Opportunity,
    OpportunityStatus,
    Order,
    Project,
    Ticket,
    TicketStatus,
)
from crm_desktop.data.store import Store
from crm_desktop.interop.ical import Participant
from crm_desktop.services import activities, contacts, followups
from crm_desktop.services import calendar as cal
from crm_desktop.services import orders as order_svc
from crm_desktop.services import pipeline as pl
from crm_desktop.services import tickets as ticket_svc
from crm_desktop.services import undo as registry
from crm_desktop.services.changes import Changes
from crm_desktop.services.contacts import CompanyInput, PersonInput
from crm_desktop.ui.appointment_dialog import AppointmentDialog
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.orders_view import NET, STATUS, OrdersView
from crm_desktop.ui.pipeline import PipelineBoard
from crm_desktop.ui.sales import OrderDialog
from crm_desktop.ui.settings_dialog import AppSettings
from crm_desktop.ui.tickets import TicketsPage
from crm_desktop.ui.today import ROLE, TodayView


def _window(qtbot: QtBot, store: Store, tmp_path: Path, clock: FixedClock) -> MainWindow:
    win = MainWindow(store, AppSettings(tmp_path / "settings.ini"), data_dir=tmp_path, clock=clock)
    qtbot.addWidget(win)
    win.confirm = lambda _title, _text: True  # type: ignore[method-assign]
    win.show()
    return win


def _close(win: MainWindow) -> None:
    win.close()
    win.tasks.wait(5000)


def _base(store: Store) -> tuple[int, int]:
    with store.session() as s:
        comp = contacts.create_company(s, CompanyInput(name="Schreinerei Köhler GmbH"))
        person = contacts.create_person(
            s, PersonInput(given_name="Jürgen", family_name="Köhler", company_id=comp.id)
        )
        return comp.id, person.id


def _opportunity(store: Store, clock: FixedClock) -> tuple[int, dict[str, int]]:
    cid, pid = _base(store)
    with store.session() as s:
        stages = {st.name: st.id for st in pl.ensure_stages(s)}
        data = pl.OpportunityInput(
            title="Website", company_id=cid, person_id=pid, stage_id=stages["Kontakt"]
        )
        return pl.create_opportunity(s, data, clock=clock).id, stages


def test_pipeline_move_then_undo(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    opp, stages = _opportunity(sqlite_store, clock)
    win = _window(qtbot, sqlite_store, tmp_path, clock)
    win.show_view("pipeline")
    board = win.pages["pipeline"]
    assert isinstance(board, PipelineBoard)
    assert board.move_to(opp, stages["Angebot"])
    undo = win.actions_by_name["undo"]
    assert undo.isEnabled() and "Move “Website” to Angebot" in undo.text()
    undo.trigger()
    qtbot.waitUntil(lambda: board.stage_of(opp) == stages["Kontakt"], timeout=5000)
    with sqlite_store.reader() as s:
        assert s.get_one(Opportunity, opp).stage_id == stages["Kontakt"]
    assert "Website" in win.actions_by_name["redo"].text()
    win.actions_by_name["redo"].trigger()
    qtbot.waitUntil(lambda: board.stage_of(opp) == stages["Angebot"], timeout=5000)
    _close(win)


def test_won_on_the_board_then_undo(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    opp, stages = _opportunity(sqlite_store, clock)
    win = _window(qtbot, sqlite_store, tmp_path, clock)
    win.show_view("pipeline")
    board = win.pages["pipeline"]
    assert isinstance(board, PipelineBoard)
    project_id = board.mark_won(opp)
    assert project_id is not None and board.card(opp) is None  # off the open board
    undo = win.actions_by_name["undo"]
    assert "Mark “Website” won" in undo.text()
    undo.trigger()
    qtbot.waitUntil(lambda: board.stage_of(opp) == stages["Kontakt"], timeout=5000)
    with sqlite_store.reader() as s:
        assert s.get_one(Opportunity, opp).status == OpportunityStatus.OPEN
        assert s.get_one(Project, project_id).deleted_at is not None
    _close(win)


def test_ticket_close_then_undo(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    _, pid = _base(sqlite_store)
    with sqlite_store.session() as s:
        ticket = ticket_svc.open_ticket(s, "Tür klemmt", person_id=pid, clock=clock)
        ticket_svc.change_status(s, ticket.id, TicketStatus.SOLVED, clock=clock)
        tid, number = ticket.id, ticket.number
    win = _window(qtbot, sqlite_store, tmp_path, clock)
    win.show_view("tickets")
    page = win.pages["tickets"]
    assert isinstance(page, TicketsPage)
    assert page.view.show_number(number)
    assert page.view.change_status(TicketStatus.CLOSED)
    assert page.view.status_label.text() == "Closed"
    undo = win.actions_by_name["undo"]
    assert f"Close ticket {number}" in undo.text()
    undo.trigger()
    qtbot.waitUntil(lambda: page.view.status_label.text() == "Solved", timeout=5000)
    with sqlite_store.reader() as s:
        t = s.get_one(Ticket, tid)
        assert t.status == TicketStatus.SOLVED and t.closed_at is None
    _close(win)


def test_today_done_then_undo(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    _, pid = _base(sqlite_store)
    with sqlite_store.session() as s:
        fid = followups.create_followup(
            s, due_at=clock.now() - dt.timedelta(hours=1), note="Rückruf", person_id=pid
        ).id
    win = _window(qtbot, sqlite_store, tmp_path, clock)
    win.show_view("today")
    today = win.pages["today"]
    assert isinstance(today, TodayView)

    def shown() -> list[int]:
        tree = today.due.tree
        return [tree.topLevelItem(i).data(0, ROLE)[1] for i in range(tree.topLevelItemCount())]

    qtbot.waitUntil(lambda: fid in shown(), timeout=5000)
    today.mark_done(fid)
    qtbot.waitUntil(lambda: fid not in shown(), timeout=5000)
    undo = win.actions_by_name["undo"]
    assert "Mark follow-up done" in undo.text()
    undo.trigger()
    qtbot.waitUntil(lambda: fid in shown(), timeout=5000)
    with sqlite_store.reader() as s:
        assert s.get_one(FollowUp, fid).done_at is None
    _close(win)


def test_order_status_then_undo(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    cid, _ = _base(sqlite_store)
    with sqlite_store.session() as s:
        data = order_svc.OrderInput(
            company_id=cid, lines=[order_svc.OrderLineInput("Tor", D("1"), D("1200"))]
        )
        order = order_svc.create_order(s, data, clock=clock)
        oid, number = order.id, order.number
    win = _window(qtbot, sqlite_store, tmp_path, clock)
    win.show_view("orders")
    view = win.pages["orders"]
    assert isinstance(view, OrdersView)

    def drive(dlg: OrderDialog) -> int:
        dlg.status.setCurrentIndex(dlg.status.findData("delivered"))
        dlg.save()
        return int(dlg.result())

    view.run_dialog = drive
    assert view.open_order(oid)

    def status() -> str:
        return str(view.model.index(view.model.row_of(oid), STATUS).data())

    assert status() == "Delivered"
    undo = win.actions_by_name["undo"]
    assert f"Edit order {number}" in undo.text()
    undo.trigger()
    qtbot.waitUntil(lambda: status() == "Open", timeout=5000)
    with sqlite_store.reader() as s:
        assert s.get_one(Order, oid).status == "open"
    _close(win)


def test_activity_edit_published_then_undo(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    """The window has no activity editor of its own yet: an edit through the service
    use case, published on the window's hub as a view does, is what Edit → Undo names."""
    _, pid = _base(sqlite_store)
    with sqlite_store.session() as s:
        data = activities.ActivityInput(
            kind=ActivityKind.CALL, subject="Anruf wegen Angebot", person_id=pid
        )
        aid = activities.log_activity(s, data, clock=clock).id
    win = _window(qtbot, sqlite_store, tmp_path, clock)
    with sqlite_store.session() as s:
        activities.edit_activity(s, aid, {"subject": "Rückruf zum Angebot"}, clock)
    win.hub.publish(Changes.of("activity", aid))
    undo = win.actions_by_name["undo"]
    assert "Edit activity “Rückruf zum Angebot”" in undo.text()
    undo.trigger()
    with sqlite_store.reader() as s:
        assert s.get_one(Activity, aid).subject == "Anruf wegen Angebot"
    _close(win)


def test_undo_refused_over_a_later_change(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    """Another window moved the card on after this one: Undo says so, changes nothing
    and the Edit menu goes on with the older changes."""
    opp, stages = _opportunity(sqlite_store, clock)
    win = _window(qtbot, sqlite_store, tmp_path, clock)
    errors: list[BaseException] = []
    win.show_error = errors.append  # type: ignore[method-assign]
    win.show_view("pipeline")
    board = win.pages["pipeline"]
    assert isinstance(board, PipelineBoard)
    assert board.move_to(opp, stages["Angebot"])
    with sqlite_store.session() as s:  # elsewhere, without an undo entry
        pl.move_stage(s, opp, stages["Verhandlung"])
    win.hub.publish(Changes.of("opportunity", opp))
    undo = win.actions_by_name["undo"]
    assert "Website" in undo.text()
    undo.trigger()
    assert len(errors) == 1 and "changed again" in str(errors[0])
    with sqlite_store.reader() as s:
        assert s.get_one(Opportunity, opp).stage_id == stages["Verhandlung"]
    assert "Website" not in undo.text()
    _close(win)


def test_undo_of_won_refused_once_the_project_has_conversations(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    opp, _stages = _opportunity(sqlite_store, clock)
    win = _window(qtbot, sqlite_store, tmp_path, clock)
    errors: list[BaseException] = []
    win.show_error = errors.append  # type: ignore[method-assign]
    win.show_view("pipeline")
    board = win.pages["pipeline"]
    assert isinstance(board, PipelineBoard)
    project_id = board.mark_won(opp)
    assert project_id is not None
    with sqlite_store.session() as s:
        cid = s.get_one(Opportunity, opp).company_id
        data = activities.ActivityInput(
            kind=ActivityKind.MEETING, subject="Kick-off", company_id=cid, project_id=project_id
        )
        aid = activities.log_activity(s, data, clock=clock).id
    win.hub.publish(Changes.of("activity", aid))
    undo = win.actions_by_name["undo"]
    assert "Mark “Website” won" in undo.text()
    undo.trigger()
    assert len(errors) == 1 and "Website" in str(errors[0])
    with sqlite_store.reader() as s:
        assert s.get_one(Opportunity, opp).status == OpportunityStatus.WON
        assert s.get_one(Project, project_id).deleted_at is None
    assert "won" not in undo.text()
    _close(win)


def test_menu_texts_of_row_edits(qapp: object) -> None:
    from crm_desktop.ui.i18n import undo_text

    assert undo_text("row-edit", {}, "Set ticket T-2026-0001 to waiting") == (
        "Set ticket T-2026-0001 to Waiting"
    )
    assert undo_text("row-edit", {}, "Move “Website” to Angebot") == "Move “Website” to Angebot"
    assert undo_text("department-create", {}, "New department “Einkauf”") == (
        "New department “Einkauf”"
    )
    assert undo_text("row-edit", {}, "a label of another version") == "a label of another version"


# ---------------------------------------------------------------- since the audit (issue #16)


def _two_line_order(store: Store, clock: FixedClock) -> tuple[int, str]:
    cid, _ = _base(store)
    with store.session() as s:
        data = order_svc.OrderInput(
            company_id=cid,
            lines=[
                order_svc.OrderLineInput("Tor", D("1"), D("1200")),
                order_svc.OrderLineInput("Montage", D("3"), D("80")),
            ],
        )
        order = order_svc.create_order(s, data, clock=clock)
        return order.id, order.number


def _lines(store: Store, oid: int) -> list[str]:
    with store.reader() as s:
        return [ln.description for ln in s.get_one(Order, oid).lines]


def test_order_line_removed_then_undo_and_redo(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    oid, number = _two_line_order(sqlite_store, clock)
    win = _window(qtbot, sqlite_store, tmp_path, clock)
    win.show_view("orders")
    view = win.pages["orders"]
    assert isinstance(view, OrdersView)

    def drive(dlg: OrderDialog) -> int:
        dlg.table.setCurrentIndex(dlg.lines.index(1, 1))
        dlg.remove_line()
        dlg.save()
        return int(dlg.result())

    view.run_dialog = drive
    assert view.open_order(oid)

    def net() -> str:
        return str(view.model.index(view.model.row_of(oid), NET).data())

    assert _lines(sqlite_store, oid) == ["Tor"]
    assert "1,200.00" in net()
    undo, redo = win.actions_by_name["undo"], win.actions_by_name["redo"]
    assert f"Remove line from order {number}" in undo.text()
    undo.trigger()
    qtbot.waitUntil(lambda: "1,440.00" in net(), timeout=5000)
    assert _lines(sqlite_store, oid) == ["Tor", "Montage"]
    assert f"Remove line from order {number}" in redo.text()
    redo.trigger()
    qtbot.waitUntil(lambda: "1,440.00" not in net(), timeout=5000)
    assert _lines(sqlite_store, oid) == ["Tor"]
    _close(win)


def test_order_line_undo_refused_over_a_later_change(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    oid, _number = _two_line_order(sqlite_store, clock)
    win = _window(qtbot, sqlite_store, tmp_path, clock)
    errors: list[BaseException] = []
    win.show_error = errors.append  # type: ignore[method-assign]
    win.show_view("orders")
    view = win.pages["orders"]
    assert isinstance(view, OrdersView)

    def drive(dlg: OrderDialog) -> int:
        dlg.table.setCurrentIndex(dlg.lines.index(0, 1))
        dlg.remove_line()
        dlg.save()
        return int(dlg.result())

    view.run_dialog = drive
    assert view.open_order(oid)
    with sqlite_store.session() as s:  # another window changes the lines again
        order_svc.set_lines(s, oid, [order_svc.OrderLineInput("Antrieb", D("1"), D("450"))])
    win.hub.publish(Changes.of("order", oid))
    win.actions_by_name["undo"].trigger()
    assert len(errors) == 1 and "changed again" in str(errors[0])
    assert _lines(sqlite_store, oid) == ["Antrieb"]
    _close(win)


def test_new_order_then_undo(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    cid, _ = _base(sqlite_store)
    win = _window(qtbot, sqlite_store, tmp_path, clock)
    win.show_view("orders")
    view = win.pages["orders"]
    assert isinstance(view, OrdersView)
    made: list[int] = []

    view.make_dialog = lambda order_id=None: OrderDialog(  # type: ignore[method-assign]
        sqlite_store, company_id=cid, clock=clock, parent=view
    )

    def drive(dlg: OrderDialog) -> int:
        dlg.set_line(0, description="Tor", quantity="1", unit_price="1200")
        dlg.save()
        if dlg.result_id is not None:
            made.append(dlg.result_id)
        return int(dlg.result())

    view.run_dialog = drive
    view.new_order()
    assert made and view.model.row_of(made[0]) >= 0
    undo = win.actions_by_name["undo"]
    assert "New order" in undo.text()
    undo.trigger()
    qtbot.waitUntil(lambda: view.model.row_of(made[0]) < 0, timeout=5000)
    with sqlite_store.reader() as s:
        assert s.get_one(Order, made[0]).deleted_at is not None
    win.actions_by_name["redo"].trigger()
    qtbot.waitUntil(lambda: view.model.row_of(made[0]) >= 0, timeout=5000)
    _close(win)


def test_reopen_lost_opportunity_then_undo(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    from crm_desktop.ui.sales import OpportunityDialog

    opp, _stages = _opportunity(sqlite_store, clock)
    with sqlite_store.session() as s:
        pl.lose(s, opp, pl.ensure_loss_reasons(s)[0].id, "zu teuer", clock)
    win = _window(qtbot, sqlite_store, tmp_path, clock)
    dlg = OpportunityDialog(sqlite_store, opportunity_id=opp, clock=clock, parent=win)
    qtbot.addWidget(dlg)
    dlg.changed.connect(win.hub.publish)  # as the window's _run_tool connects it
    assert dlg.reopen_button.isVisibleTo(dlg)
    assert dlg.reopen()
    assert not dlg.reopen_button.isVisibleTo(dlg) and dlg.won_button.isEnabled()
    undo = win.actions_by_name["undo"]
    assert "Reopen “Website”" in undo.text()
    undo.trigger()
    with sqlite_store.reader() as s:
        row = s.get_one(Opportunity, opp)
        assert row.status == OpportunityStatus.LOST and row.loss_note == "zu teuer"
    win.actions_by_name["redo"].trigger()
    with sqlite_store.reader() as s:
        assert s.get_one(Opportunity, opp).status == OpportunityStatus.OPEN
    _close(win)


def _appointment_dialog(
    qtbot: QtBot, win: MainWindow, store: Store, clock: FixedClock, tmp_path: Path, aid: int
) -> AppointmentDialog:
    settings = QSettings(str(tmp_path / "appointments.ini"), QSettings.Format.IniFormat)
    dlg = AppointmentDialog(
        store, aid, clock=clock, parent=win, data_dir=tmp_path / "data", settings=settings
    )
    qtbot.addWidget(dlg)
    dlg.confirm = lambda _t, _q: True  # type: ignore[method-assign]
    dlg.open_mail = lambda _url: None  # type: ignore[method-assign]
    dlg.open_draft = lambda _path: None  # type: ignore[method-assign]
    return dlg


def _appointment(store: Store, clock: FixedClock) -> int:
    _, pid = _base(store)
    start = clock.now() + dt.timedelta(days=1)
    with store.session() as s:
        ap = cal.create_appointment(
            s, title="Aufmaß", start_at=start, end_at=start + dt.timedelta(hours=1), person_id=pid
        )
        cal.set_organizer(s, ap.id, Participant("buero@schreinerei.example", "Büro"))
        cal.set_attendees(s, ap.id, [Participant("juergen@koehler.example", "Jürgen Köhler")])
        return ap.id


def _emails(store: Store, aid: int) -> list[str]:
    with store.reader() as s:
        return [p.email for p in cal.attendees_of(s, aid)]


def test_attendee_added_then_undo_and_redo(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    aid = _appointment(sqlite_store, clock)
    win = _window(qtbot, sqlite_store, tmp_path, clock)
    dlg = _appointment_dialog(qtbot, win, sqlite_store, clock, tmp_path, aid)
    dlg.add_participant(Participant("einkauf@koehler.example", "Einkauf"))
    assert dlg.save() == aid
    win.hub.publish(Changes.of("appointment", aid))  # what the window does after it
    assert _emails(sqlite_store, aid) == ["juergen@koehler.example", "einkauf@koehler.example"]
    undo = win.actions_by_name["undo"]
    assert "Change attendees of “Aufmaß”" in undo.text()
    undo.trigger()
    assert _emails(sqlite_store, aid) == ["juergen@koehler.example"]
    again = _appointment_dialog(qtbot, win, sqlite_store, clock, tmp_path, aid)
    assert [p.email for p in again.attendee_list()] == ["juergen@koehler.example"]
    win.actions_by_name["redo"].trigger()
    assert _emails(sqlite_store, aid) == ["juergen@koehler.example", "einkauf@koehler.example"]
    _close(win)


def test_cancel_appointment_then_undo(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    aid = _appointment(sqlite_store, clock)
    win = _window(qtbot, sqlite_store, tmp_path, clock)
    dlg = _appointment_dialog(qtbot, win, sqlite_store, clock, tmp_path, aid)
    assert dlg.cancel_appointment()
    win.hub.publish(Changes.of("appointment", aid))
    with sqlite_store.reader() as s:
        assert s.get_one(Appointment, aid).status == AppointmentStatus.CANCELLED
    undo = win.actions_by_name["undo"]
    assert "Cancel appointment “Aufmaß”" in undo.text()
    undo.trigger()
    with sqlite_store.reader() as s:
        assert s.get_one(Appointment, aid).status == AppointmentStatus.CONFIRMED
    again = _appointment_dialog(qtbot, win, sqlite_store, clock, tmp_path, aid)
    assert again.cancel_appointment_button.isEnabled()
    win.actions_by_name["redo"].trigger()
    with sqlite_store.reader() as s:
        assert s.get_one(Appointment, aid).status == AppointmentStatus.CANCELLED
    _close(win)


def test_new_appointment_then_undo(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    """An appointment has no trash: Undo of the new one cancels it, Redo confirms it."""
    settings = QSettings(str(tmp_path / "appointments.ini"), QSettings.Format.IniFormat)
    win = _window(qtbot, sqlite_store, tmp_path, clock)
    dlg = AppointmentDialog(
        sqlite_store, clock=clock, parent=win, data_dir=tmp_path / "data", settings=settings
    )
    qtbot.addWidget(dlg)
    dlg.confirm = lambda _t, _q: False  # type: ignore[method-assign]
    dlg.title.setText("Aufmaß")
    dlg.organizer_email.setText("buero@schreinerei.example")
    aid = dlg.save()
    assert aid is not None
    win.hub.publish(Changes.of("appointment", aid, structure=True))
    undo = win.actions_by_name["undo"]
    assert "New appointment “Aufmaß”" in undo.text()
    undo.trigger()
    with sqlite_store.reader() as s:
        assert s.get_one(Appointment, aid).status == AppointmentStatus.CANCELLED
    again = _appointment_dialog(qtbot, win, sqlite_store, clock, tmp_path, aid)
    assert not again.save_button.isEnabled()
    win.actions_by_name["redo"].trigger()
    with sqlite_store.reader() as s:
        assert s.get_one(Appointment, aid).status == AppointmentStatus.CONFIRMED
    _close(win)


def test_planned_follow_up_then_undo(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    from crm_desktop.ui.followup_dialog import FollowupDialog

    _, pid = _base(sqlite_store)
    win = _window(qtbot, sqlite_store, tmp_path, clock)
    dlg = FollowupDialog(sqlite_store, pid, clock=clock, parent=win)
    qtbot.addWidget(dlg)
    dlg.saved.connect(win.hub.publish)  # as the window's plan_followup connects it
    dlg.note.setText("Angebot nachfassen")
    dlg.save()
    fid = dlg.result_id
    assert fid is not None
    undo = win.actions_by_name["undo"]
    assert "Plan follow-up" in undo.text()
    undo.trigger()
    with sqlite_store.reader() as s:
        assert s.get_one(FollowUp, fid).cancelled_at is not None
    win.actions_by_name["redo"].trigger()
    with sqlite_store.reader() as s:
        assert s.get_one(FollowUp, fid).cancelled_at is None
    _close(win)


def test_menu_texts_of_the_audited_changes(qapp: object) -> None:
    from crm_desktop.ui.undo import label_text

    assert label_text("Remove line from order A-2026-0007") == (
        "Remove line from order A-2026-0007"
    )
    assert label_text("Cancel appointment “Aufmaß”") == "Cancel appointment “Aufmaß”"
    assert label_text("something else") is None


def test_reminders_rearm_when_a_cancel_is_undone(qtbot: QtBot, sqlite_store: Store) -> None:
    """The ticker follows the hub: a cancelled follow-up is not waited for, one brought
    back by Undo is (the timer is armed for it again)."""
    from crm_desktop.ui.reminders import ReminderTicker

    now = FixedClock(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC))
    _, pid = _base(sqlite_store)
    with sqlite_store.session() as s:
        fid = followups.create_followup(
            s, due_at=now.now() + dt.timedelta(hours=2), note="Rückruf", person_id=pid
        ).id
    ticker = ReminderTicker(sqlite_store, now, None, poll_ms=3_600_000)
    ticker.start()
    assert ticker.armed_ms is not None
    with sqlite_store.session() as s:
        followups.call_off(s, fid, now)
    ticker.apply_changes(Changes.of("followup", fid))
    assert ticker.armed_ms is None
    with sqlite_store.session() as s:
        assert registry.undo_last(s, now) is not None
    ticker.apply_changes(Changes.of("followup", fid))
    assert ticker.armed_ms is not None and ticker.armed_ms <= 2 * 3600 * 1000 + 1
    ticker.stop()


def test_order_deleted_then_undo_and_redo(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    oid, number = _two_line_order(sqlite_store, clock)
    win = _window(qtbot, sqlite_store, tmp_path, clock)
    win.show_view("orders")
    view = win.pages["orders"]
    assert isinstance(view, OrdersView)
    view.confirm = lambda _t, _q: True  # type: ignore[method-assign]
    assert view.delete_order(oid)
    assert view.model.row_of(oid) < 0
    undo = win.actions_by_name["undo"]
    assert f"Delete order {number}" in undo.text()
    undo.trigger()
    qtbot.waitUntil(lambda: view.model.row_of(oid) >= 0, timeout=5000)
    with sqlite_store.reader() as s:
        assert s.get_one(Order, oid).deleted_at is None
    win.actions_by_name["redo"].trigger()
    qtbot.waitUntil(lambda: view.model.row_of(oid) < 0, timeout=5000)
    _close(win)
