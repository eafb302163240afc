"""Edit → Undo after the window's own edits of rows: a stage move on the pipeline
board, closing a ticket, "done" on Today, an order's status in the order dialog, an
activity edit and a won opportunity. The Edit menu names the change, Undo takes it
back, the view shows the old state again, Redo does it once more."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    FollowUp,
    Opportunity,
    OpportunityStatus,
    Order,
    Project,
    Ticket,
    TicketStatus,
)
from crm_desktop.data.store import Store
from crm_desktop.services import activities, contacts, followups
from crm_desktop.services import orders as order_svc
from crm_desktop.services import pipeline as pl
from crm_desktop.services import tickets as ticket_svc
from crm_desktop.services.changes import Changes
from crm_desktop.services.contacts import CompanyInput, PersonInput
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.orders_view import STATUS, OrdersView
from crm_desktop.ui.pipeline import PipelineBoard
from crm_desktop.ui.sales_dialogs import OrderDialog
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
