"""The pipeline board: columns and cards, drag and buttons to move, won and lost flows,
the grouped list and the Gantt timeline."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QPointF, Qt, QTimer
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Opportunity, OpportunityStatus, Project
from crm_desktop.data.store import Store
from crm_desktop.services import pipeline as pl
from crm_desktop.services.contacts import CompanyInput, create_company
from crm_desktop.ui.pipeline import OPP_ID, LostDialog, PipelineBoard

D = decimal.Decimal


@pytest.fixture(autouse=True)
def german_locale() -> Iterator[None]:
    """Money shows the German way (48.500,00 €); restored afterwards."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def _data(store: Store, clock: FixedClock) -> dict[str, int]:
    ids = {}
    with store.session() as s:
        st = pl.ensure_stages(s)
        comp = create_company(s, CompanyInput(name="Schreinerei Köhler GmbH")).id
        for title, stage, value, close, owner in (
            ("Einbauküche Musterhaus", 0, "48500", dt.date(2027, 2, 1), "kai"),
            ("Treppe Altbau", 2, "17900", dt.date(2026, 12, 1), "anna"),
            ("Messestand 2027", 2, "31000", None, None),
        ):
            ids[title] = pl.create_opportunity(
                s,
                pl.OpportunityInput(
                    title=title,
                    company_id=comp,
                    stage_id=st[stage].id,
                    value=D(value),
                    expected_close=close,
                    owner=owner,
                ),
                clock=clock,
            ).id
    return ids


def _board(qtbot: QtBot, store: Store, clock: FixedClock) -> PipelineBoard:
    board = PipelineBoard(store, clock)
    qtbot.addWidget(board)
    board.resize(1300, 700)
    board.show()
    return board


def _stage(store: Store, opp_id: int) -> tuple[str, int, OpportunityStatus]:
    with store.reader() as s:
        opp = s.get(Opportunity, opp_id)
        assert opp is not None and opp.stage is not None
        return opp.stage.name, opp.probability, opp.status


def test_board_columns_cards_and_moving(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    ids = _data(sqlite_store, clock)
    board = _board(qtbot, sqlite_store, clock)
    names = [c.name for c in board.columns]
    assert names == ["Kontakt", "Bedarfsanalyse", "Angebot", "Verhandlung"]
    assert [len(c.cards) for c in board.columns] == [1, 0, 2, 0]
    first = board.columns[0].stage_id
    head = board.headers[first].text()
    assert "Kontakt" in head and "48.500,00 €" in head
    assert "97.400,00 €" in board.summary.text()
    assert not board.won_button.isEnabled()

    # buttons: select, then next stage
    kitchen = ids["Einbauküche Musterhaus"]
    assert board.select(kitchen)
    assert board.won_button.isEnabled() and not board.left_button.isEnabled()
    qtbot.mouseClick(board.right_button, Qt.MouseButton.LeftButton)
    assert _stage(sqlite_store, kitchen)[:2] == ("Bedarfsanalyse", 25)
    assert board.selected_id() == kitchen  # stays selected after the reload
    assert board.left_button.isEnabled()

    # drag and drop: a drop of the card's mime data on the last column
    stairs = ids["Treppe Altbau"]
    source = board.lists[board.columns[2].stage_id]
    model = source.model()
    index = next(
        model.index(r, 0)
        for r in range(model.rowCount())
        if model.index(r, 0).data(OPP_ID) == stairs
    )
    mime = model.mimeData([index])
    target = board.lists[board.columns[3].stage_id]
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.MoveAction | Qt.DropAction.CopyAction,  # what the source offers
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target.dropEvent(event)
    assert event.isAccepted()
    assert event.dropAction() == Qt.DropAction.CopyAction  # the source keeps its row
    assert _stage(sqlite_store, stairs)[:2] == ("Verhandlung", 75)
    assert [len(c.cards) for c in board.columns] == [0, 1, 1, 1]
    assert board.lists[target.stage_id] is target  # the views survive a reload
    assert board.column_models[target.stage_id].rowCount() == 1
    assert board.empties[first].isVisible() and not board.empties[target.stage_id].isVisible()
    assert "Verhandlung" in board.info.text()


def test_won_and_lost_flows(qtbot: QtBot, sqlite_store: Store, clock: FixedClock) -> None:
    ids = _data(sqlite_store, clock)
    board = _board(qtbot, sqlite_store, clock)
    stairs = ids["Treppe Altbau"]
    board.select(stairs)
    with qtbot.waitSignal(board.projectCreated) as sig:
        qtbot.mouseClick(board.won_button, Qt.MouseButton.LeftButton)
    with sqlite_store.reader() as s:
        project = s.get(Project, sig.args[0])
        assert project is not None and project.name == "Treppe Altbau"
    assert _stage(sqlite_store, stairs)[2] == OpportunityStatus.WON
    assert board.card(stairs) is None
    assert "Treppe Altbau" in board.info.text()

    # lost: the dialog refuses to close without a reason
    fair = ids["Messestand 2027"]
    dlg: LostDialog = board.lost_dialog(fair)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert dlg.result() != dlg.DialogCode.Accepted and dlg.error.isVisible()
    assert dlg.isVisible()
    assert board.mark_lost(fair, dialog=dlg) is False
    assert _stage(sqlite_store, fair)[2] == OpportunityStatus.OPEN

    # the real flow: the Lost… button opens the modal dialog; choose a reason and a note
    def answer() -> None:
        modal = QApplication.activeModalWidget()
        assert isinstance(modal, LostDialog)
        modal.reason.setCurrentIndex(modal.reason.findText("Kein Budget"))
        modal.note.setPlainText("Budget auf 2028 verschoben")
        modal.accept()

    board.select(fair)
    QTimer.singleShot(0, answer)
    qtbot.mouseClick(board.lost_button, Qt.MouseButton.LeftButton)
    with sqlite_store.reader() as s:
        opp = s.get(Opportunity, fair)
        assert opp is not None and opp.status == OpportunityStatus.LOST
        assert opp.loss_reason is not None and opp.loss_reason.name == "Kein Budget"
        assert opp.loss_note == "Budget auf 2028 verschoben"
    assert [len(c.cards) for c in board.columns] == [1, 0, 0, 0]

    # list grouped by status shows all three
    board.group_combo.setCurrentIndex(board.group_combo.findData("status"))
    m = board.list_model
    assert [m.item(r, 0).text() for r in range(m.rowCount())] == ["Open (1)", "Won (1)", "Lost (1)"]
    assert m.item(0, 0).child(0, 0).text() == "Einbauküche Musterhaus"


def test_list_by_owner_and_gantt(qtbot: QtBot, sqlite_store: Store, clock: FixedClock) -> None:
    ids = _data(sqlite_store, clock)
    board = _board(qtbot, sqlite_store, clock)
    m = board.list_model
    assert [m.item(r, 0).text() for r in range(m.rowCount())] == [
        "anna (1)",
        "kai (1)",
        "(no owner) (1)",
    ]
    assert m.item(1, 2).text() == "48.500,00 €"
    board.tabs.setCurrentIndex(2)
    gantt = board.gantt
    gantt.resize(1400, 400)
    titles = [c.title for c in gantt.cards]
    assert titles == ["Treppe Altbau", "Einbauküche Musterhaus", "Messestand 2027"]
    stairs, kitchen, fair = (gantt.bar_rect(i) for i in range(3))
    assert stairs.left() == kitchen.left() == fair.left()  # all opened today
    assert kitchen.right() > stairs.right() > fair.right()  # Feb > Dec > today
    assert gantt.row_at(stairs.center().y()) == 0
    image = gantt.grab().toImage()
    bar_color = image.pixelColor(int(kitchen.center().x()), int(kitchen.center().y()))
    assert bar_color.name() == "#5c6bc0"  # the first stage's colour
    assert ids


def test_the_delete_key_on_a_card_asks_for_its_delete(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    """Delete on a selected card (or a list row) asks the window to delete that
    opportunity; a group head of the list is none."""
    ids = _data(sqlite_store, clock)
    board = _board(qtbot, sqlite_store, clock)
    found = board.card_index(ids["Treppe Altbau"])
    assert found is not None
    view, index = found
    view.setCurrentIndex(index)
    view.setFocus()
    with qtbot.waitSignal(board.deleteRequested) as asked:
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert asked.args == ["opportunity", ids["Treppe Altbau"]]
    board.tabs.setCurrentIndex(1)
    head = board.list_model.index(0, 0)
    board.list_view.setCurrentIndex(head)
    board.list_view.setFocus()
    with qtbot.assertNotEmitted(board.deleteRequested):
        qtbot.keyClick(board.list_view, Qt.Key.Key_Delete)
    board.list_view.setCurrentIndex(board.list_model.index(0, 0, head))
    with qtbot.waitSignal(board.deleteRequested) as asked:
        qtbot.keyClick(board.list_view, Qt.Key.Key_Delete)
    assert asked.args is not None and asked.args[0] == "opportunity"
