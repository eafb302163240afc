"""The opportunity and order dialogs driven through their widgets: German money input,
quote sent, won, lost (refused without a reason), the overview tab and its navigation,
order lines with totals, inline errors, and the pipeline board opening a card."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialog, QMenu
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Direction,
    Document,
    Opportunity,
    OpportunityStatus,
    Order,
    Project,
)
from crm_desktop.data.store import Store
from crm_desktop.services import contacts
from crm_desktop.services import pipeline as pl
from crm_desktop.services.contacts import CompanyInput, PersonInput
from crm_desktop.ui.pipeline import OPP_ID, PipelineBoard
from crm_desktop.ui.sales import (
    COLUMNS,
    OpportunityDialog,
    OrderDialog,
    parse_decimal,
)
from tests.ui import test_detail_panes as panes
from tests.ui.test_detail_panes import save_shot, type_text

_template_db = panes._template_db
fast_store = panes.fast_store
D = decimal.Decimal


@pytest.fixture(autouse=True)
def german_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def _customer(store: Store) -> tuple[int, int, int]:
    with store.session() as s:
        comp = contacts.create_company(
            s, CompanyInput(name="Schreinerei Köhler GmbH", owner="kai")
        ).id
        jürgen = contacts.create_person(
            s,
            PersonInput(given_name="Jürgen", family_name="Weiß", company_id=comp, position="GF"),
        ).id
        other = contacts.create_person(
            s, PersonInput(given_name="Anna", family_name="Özdemir", company_id=comp)
        ).id
    return comp, jürgen, other


def _opp(store: Store, opp_id: int) -> Opportunity:
    with store.reader() as s:
        opp = s.get(Opportunity, opp_id)
        assert opp is not None
        s.expunge(opp)
        return opp


def test_parse_decimal_reads_german_and_english_numbers() -> None:
    assert parse_decimal("12.500", locale_decimal=",") == D("12500")
    assert parse_decimal("12.500,50 €", locale_decimal=",") == D("12500.50")
    assert parse_decimal("1250,5", locale_decimal=",") == D("1250.5")
    assert parse_decimal("1,250.75", locale_decimal=",") == D("1250.75")
    assert parse_decimal("6,5", locale_decimal=",") == D("6.5")
    assert parse_decimal("0,125", locale_decimal=",") == D("0.125")
    assert parse_decimal("1.250.000", locale_decimal=",") == D("1250000")
    assert parse_decimal("1,250", locale_decimal=".") == D("1250")
    assert parse_decimal("12.5", locale_decimal=".") == D("12.5")
    assert parse_decimal("", locale_decimal=",") == D(0)
    with pytest.raises(Exception, match="not a number"):
        parse_decimal("zwölf", locale_decimal=",")


def test_create_an_opportunity_through_the_form(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    comp, jürgen, _ = _customer(fast_store)
    dlg = OpportunityDialog(fast_store, company_id=comp, clock=clock)
    qtbot.addWidget(dlg)
    assert dlg.owner.text() == "kai"  # the company's owner by default
    assert not dlg.won_button.isEnabled() and not dlg.tabs.isTabEnabled(1)
    type_text(qtbot, dlg.title_edit, "Einbauküche Musterhaus Größe L")
    dlg.customer.person.set_current_id(jürgen)
    # probability follows the stage until it is set by hand
    assert dlg.probability.value() == 10
    dlg.stage.setCurrentIndex(2)
    assert dlg.probability.value() == 50
    dlg.value.setText("48.500")
    dlg.value.editingFinished.emit()
    assert dlg.value.text() == "48.500,00"
    assert dlg.weighted.text() == "weighted value 24.250,00 €"
    dlg.expected.set_value(dt.date(2027, 2, 14))
    dlg.source.setText("Messe Stuttgart")
    dlg.save()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.result_id is not None
    opp = _opp(fast_store, dlg.result_id)
    assert (opp.title, opp.company_id, opp.person_id) == (
        "Einbauküche Musterhaus Größe L",
        comp,
        jürgen,
    )
    assert (opp.value, opp.probability, opp.expected_close) == (
        D("48500.00"),
        50,
        dt.date(2027, 2, 1),
    )
    assert (opp.owner, opp.source, opp.status) == ("kai", "Messe Stuttgart", OpportunityStatus.OPEN)
    with fast_store.reader() as s:
        assert s.get(type(opp), opp.id).stage.name == "Angebot"  # type: ignore[union-attr]


def test_inline_errors_and_nothing_saved(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    _customer(fast_store)
    dlg = OpportunityDialog(fast_store, clock=clock)
    qtbot.addWidget(dlg)
    dlg.value.setText("zwölftausend")
    dlg.save()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "not a number" in dlg.page.error_label("value").text()
    dlg.value.setText("1.000")
    dlg.save()
    assert "title" in dlg.page.error_label("title").text()
    dlg.title_edit.setText("Treppe Altbau")
    dlg.save()  # neither company nor person
    assert dlg.page.error_label("company_id").text()
    with fast_store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Opportunity)) == 0


def test_lose_needs_a_reason_then_is_lost(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    comp, jürgen, _ = _customer(fast_store)
    with fast_store.session() as s:
        opp_id = pl.create_opportunity(
            s,
            pl.OpportunityInput(title="Treppe Altbau", company_id=comp, value=D("17900")),
            clock=clock,
        ).id
    dlg = OpportunityDialog(fast_store, opportunity_id=opp_id, clock=clock)
    qtbot.addWidget(dlg)
    assert dlg.value.text() == "17.900,00"
    assert dlg.lost_button.isEnabled()
    # no reason: the lost dialog refuses and stays open; nothing changes
    lost = dlg.lost_dialog()
    qtbot.addWidget(lost)
    assert lost.reason.count() >= 5  # the configurable list
    lost.show()
    lost.accept()
    assert lost.isVisible() and lost.result() != QDialog.DialogCode.Accepted
    assert "reason" in lost.error.text()
    assert dlg.mark_lost(lost) is False
    assert _opp(fast_store, opp_id).status == OpportunityStatus.OPEN
    # the service refuses a missing reason too (inline message, still open)
    lost.setResult(QDialog.DialogCode.Accepted)
    assert dlg.mark_lost(lost) is False
    assert "Please choose why the opportunity was lost" in dlg.banner.text()
    assert _opp(fast_store, opp_id).status == OpportunityStatus.OPEN
    # with a reason and a note: lost
    lost.reason.setCurrentIndex(lost.reason.findText("Preis zu hoch"))
    lost.note.setPlainText("Mitbewerber 12 % günstiger")
    lost.accept()
    assert lost.result() == QDialog.DialogCode.Accepted
    assert dlg.mark_lost(lost) is True
    opp = _opp(fast_store, opp_id)
    assert opp.status == OpportunityStatus.LOST
    assert opp.loss_note == "Mitbewerber 12 % günstiger" and opp.probability == 0
    with fast_store.reader() as s:
        assert s.get(Opportunity, opp_id).loss_reason.name == "Preis zu hoch"  # type: ignore[union-attr]
    assert "Preis zu hoch" in dlg.state.text()
    assert not dlg.lost_button.isEnabled() and not dlg.won_button.isEnabled()


def test_quote_sent_won_and_edits_saved_with_the_action(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    comp, jürgen, _ = _customer(fast_store)
    with fast_store.session() as s:
        opp_id = pl.create_opportunity(
            s,
            pl.OpportunityInput(title="Messestand", company_id=comp, person_id=jürgen),
            clock=clock,
        ).id
    dlg = OpportunityDialog(fast_store, opportunity_id=opp_id, clock=clock)
    qtbot.addWidget(dlg)
    dlg.value.setText("31.000,00")
    assert dlg.mark_quote_sent() is True
    opp = _opp(fast_store, opp_id)
    assert opp.quote_sent_at == clock.now() and opp.value == D("31000.00")
    assert "23.11.2026" in dlg.state.text()
    pid = dlg.mark_won()
    assert pid is not None
    opp = _opp(fast_store, opp_id)
    assert opp.status == OpportunityStatus.WON and opp.project_id == pid
    with fast_store.reader() as s:
        assert s.get(Project, pid).name == "Messestand"  # type: ignore[union-attr]
    assert dlg.badge.text() == "Won"
    assert not dlg.quote_button.isEnabled()


def test_overview_shows_everything_and_opens_records(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    comp, jürgen, anna = _customer(fast_store)
    with fast_store.session() as s:
        opp = pl.create_opportunity(
            s,
            pl.OpportunityInput(
                title="Einbauküche", company_id=comp, person_id=jürgen, value=D("48500")
            ),
            clock=clock,
        )
        s.add(Document(title="Angebot 2026-117", kind="quote", opportunity_id=opp.id))
        act = Activity(
            kind=ActivityKind.EMAIL,
            direction=Direction.INBOUND,
            occurred_at=dt.datetime(2026, 11, 20, 14, 30, tzinfo=dt.UTC),
            subject="AW: Angebot Einbauküche",
            person_id=anna,
            company_id=comp,
            opportunity_id=opp.id,
        )
        s.add(act)
        s.flush()
        opp_id, act_id = opp.id, act.id
    dlg = OpportunityDialog(fast_store, opportunity_id=opp_id, clock=clock)
    qtbot.addWidget(dlg)
    dlg.tabs.setCurrentIndex(1)
    m = dlg.overview_model
    sections = [m.item(r, 0).text() for r in range(m.rowCount())]
    assert sections[:4] == [
        "Contact people (2)",
        "Documents (1)",
        "Correspondence and activities (1)",
        "Follow-ups (0)",
    ]
    people = m.item(0, 0)
    names = [people.child(r, 2).text() for r in range(people.rowCount())]
    assert names == ["Jürgen Weiß", "Anna Özdemir"]
    docs = m.item(1, 0)
    assert docs.child(0, 2).text() == "Angebot 2026-117" and docs.child(0, 1).text() == "Quote"
    acts = m.item(2, 0)
    assert acts.child(0, 0).text() == "20.11.2026 15:30"  # local time
    assert acts.child(0, 2).text() == "AW: Angebot Einbauküche"
    assert "48.500,00 €" in dlg.summary.text()
    dlg.show()
    save_shot(dlg, "opportunity_overview.png", tmp_path)
    with qtbot.waitSignal(dlg.activityActivated) as got:
        dlg._overview_activated(acts.child(0, 2).index())
    assert got.args == [act_id]
    dlg2 = OpportunityDialog(fast_store, opportunity_id=opp_id, clock=clock)
    qtbot.addWidget(dlg2)
    people2 = dlg2.overview_model.item(0, 0)
    with qtbot.waitSignal(dlg2.personActivated) as got:
        dlg2.overview.doubleClicked.emit(people2.child(1, 0).index())
    assert got.args == [anna]


def _line_texts(dlg: OrderDialog, row: int) -> list[str]:
    m = dlg.lines
    return [str(m.index(row, c).data()) for c in range(len(COLUMNS))]


def test_order_with_two_lines_totals_in_the_db(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    comp, jürgen, _ = _customer(fast_store)
    dlg = OrderDialog(fast_store, company_id=comp, clock=clock)
    qtbot.addWidget(dlg)
    assert dlg.date.text() == "23.11.2026"
    assert "first order" in dlg.new_customer.itemText(0)
    dlg.set_line(
        0,
        sku="KT-200",
        description="Küchenarbeitsplatte Eiche, 40 mm",
        quantity="2",
        unit="Stk",
        unit_price="1.249,90",
        vat="19",
    )
    dlg.add_line()
    dlg.set_line(1, description="Montage vor Ort", quantity="6,5", unit="Std", unit_price="68")
    dlg.add_line()  # an empty third line is ignored
    assert _line_texts(dlg, 0)[-1] == "2.499,80"
    assert _line_texts(dlg, 1)[2] == "6,5" and _line_texts(dlg, 1)[-1] == "442,00"
    assert "Net 2.941,80 €" in dlg.totals.text()
    assert "VAT 558,94 €" in dlg.totals.text() and "3.500,74 €" in dlg.totals.text()
    dlg.customer.person.set_current_id(jürgen)
    dlg.notes.setPlainText("Lieferung KW 50")
    dlg.show()
    save_shot(dlg, "order.png", tmp_path)
    dlg.save()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.result_number == "A-2026-00001"
    with fast_store.reader() as s:
        order = s.execute(select(Order)).scalar_one()
        assert (order.company_id, order.person_id, order.order_date) == (
            comp,
            jürgen,
            dt.date(2026, 11, 23),
        )
        assert order.total_net == D("2941.80") and order.is_new_customer is True
        assert order.notes == "Lieferung KW 50" and order.status == "open"
        lines = [
            (ln.position, ln.sku, ln.description, ln.quantity, ln.unit, ln.unit_price, ln.vat_rate)
            for ln in order.lines
        ]
    assert lines == [
        (1, "KT-200", "Küchenarbeitsplatte Eiche, 40 mm", D("2"), "Stk", D("1249.90"), D("19")),
        (2, None, "Montage vor Ort", D("6.5"), "Std", D("68"), D("19")),
    ]


def test_order_errors_inline_and_nothing_saved(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    comp, _, _ = _customer(fast_store)
    dlg = OrderDialog(fast_store, clock=clock)
    qtbot.addWidget(dlg)
    dlg.save()  # no customer, no line
    assert dlg.page.error_label("company_id").text()
    dlg.customer.company.set_current_id(comp)
    dlg.set_line(0, description="Beratung", quantity="zwei", unit_price="95")
    dlg.set_line(1, description="", sku="X-1", unit_price="10")
    dlg.save()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "Line 1" in dlg.lines_error.text() and "zwei" in dlg.lines_error.text()
    assert dlg.lines.rows[0].error
    dlg.set_line(0, quantity="2")
    dlg.save()
    assert "Line 2 needs a description" in dlg.lines_error.text()
    assert not dlg.lines.rows[0].error and dlg.lines.rows[1].error
    with fast_store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 0
    dlg.set_line(1, description="Anfahrt")
    dlg.new_customer.setCurrentIndex(dlg.new_customer.findData(False))
    dlg.status.setCurrentIndex(dlg.status.findData("delivered"))
    dlg.save()
    assert dlg.result() == QDialog.DialogCode.Accepted
    with fast_store.reader() as s:
        order = s.execute(select(Order)).scalar_one()
        assert order.total_net == D("200.00") and order.is_new_customer is False
        assert order.status == "delivered"


def test_pipeline_card_double_click_asks_to_open(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    comp, _, _ = _customer(fast_store)
    with fast_store.session() as s:
        opp_id = pl.create_opportunity(
            s, pl.OpportunityInput(title="Treppe", company_id=comp), clock=clock
        ).id
    board = PipelineBoard(fast_store, clock=clock)
    qtbot.addWidget(board)
    view = next(iter(board.lists.values()))
    idx = view.model().index(0, 0)
    assert idx.data(OPP_ID) == opp_id
    with qtbot.waitSignal(board.opportunityActivated) as got:
        view.doubleClicked.emit(idx)
    assert got.args == [opp_id]


def test_main_window_sales_menu_and_targets_view(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    from crm_desktop.ui.main_window import MainWindow
    from crm_desktop.ui.settings_dialog import AppSettings

    win = MainWindow(
        fast_store, AppSettings(tmp_path / "settings.ini"), clock=clock, data_dir=tmp_path
    )
    qtbot.addWidget(win)
    names = set(win.actions_by_name)
    assert {"new_opportunity", "new_order", "targets"} <= names
    sales = next(a for a in win.menuBar().actions() if a.text().replace("&", "") == "Sales")
    menu = sales.menu()
    assert isinstance(menu, QMenu)
    texts = [a.text() for a in menu.actions()]
    assert "New &opportunity…" in texts and "New o&rder…" in texts
    win.show_view("targets")
    from crm_desktop.ui.targets_view import TargetsView

    assert isinstance(win.center.currentWidget(), TargetsView)
