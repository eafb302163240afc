"""The dashboard widget, its exports and drill-down, and the PDF printouts (rendered)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crm_desktop.cli.main import main
from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Person
from crm_desktop.data.store import Store, open_store
from crm_desktop.ui.dashboard import DashboardWidget
from crm_desktop.ui.reports import contact_sheet_pdf, dashboard_pdf
from tests.store.test_analytics import build_fixture

CLOCK = FixedClock(dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC))


@pytest.fixture
def data(sqlite_store: Store) -> Store:
    return build_fixture(sqlite_store)


def test_dashboard_shows_figures_and_drills_down(qtbot: QtBot, data: Store, tmp_path: Path) -> None:
    widget = DashboardWidget(data, CLOCK)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.load_now()
    assert widget.board is not None
    revenue = widget.cards["revenue"]
    assert revenue.data.rows[0][:3] == [
        "2026-01",
        widget.board.revenue[0].existing,
        widget.board.revenue[0].new,
    ]
    assert len(revenue.chart.series()) == 2
    assert widget.cards["won_lost"].chart.title().startswith("Win rate 33")
    assert widget.overdue.rowCount() == 2
    rows = widget.drill_rows("revenue", "2026-01")
    assert sorted(r[0] for r in rows.rows) == ["A1", "A2"]
    rows = widget.drill_rows("pipeline", "Angebot")
    assert sorted(r[0] for r in rows.rows) == ["o2", "o3"]
    widget.open_drill("loss_reasons", "Preis zu hoch")
    assert widget.last_drill.isVisible()
    csv_path = tmp_path / "revenue.csv"
    revenue.export_csv(csv_path)
    text = csv_path.read_text(encoding="utf-8-sig")
    assert text.splitlines()[1].startswith("2026-01;1000.00;500.00")
    png = tmp_path / "revenue.png"
    revenue.export_png(png)
    assert png.stat().st_size > 1000
    pdf = tmp_path / "revenue.pdf"
    revenue.export_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_background_refresh(qtbot: QtBot, data: Store) -> None:
    widget = DashboardWidget(data, CLOCK)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.refresh()
    assert widget.board is not None and widget.board.won_lost.lost == 2


def test_a_dashboard_closed_while_it_loads_gets_no_answer(qtbot: QtBot, data: Store) -> None:
    """The bug of the hand-rolled QRunnable: the figures arrived for a deleted widget."""
    import shiboken6

    from crm_desktop.ui.tasks import runner

    widget = DashboardWidget(data, CLOCK)
    widget.refresh()
    task = widget._loading
    assert task is not None
    shiboken6.delete(widget)
    assert runner().wait(10000)  # hands the answer over: dropped, nothing raised
    assert task.finished


def test_the_drill_down_lists_every_chart(qtbot: QtBot, data: Store) -> None:
    widget = DashboardWidget(data, CLOCK)
    qtbot.addWidget(widget)
    widget.load_now()
    assert widget.drill_rows("won_lost", "lost").rows
    assert widget.drill_rows("loss_reasons", "Preis zu hoch").rows
    assert widget.drill_rows("pipeline_months", "2000-01").rows == []
    assert isinstance(widget.drill_rows("activities", "2026-01").rows, list)


def test_empty_store_explains_itself(qtbot: QtBot, sqlite_store: Store) -> None:
    widget = DashboardWidget(sqlite_store, CLOCK)
    qtbot.addWidget(widget)
    widget.load_now()
    assert "No open opportunities" in widget.cards["pipeline"].empty.text()
    assert not widget.cards["pipeline"].empty.isHidden()


def _render(pdf: Path, tmp_path: Path) -> list[Path]:
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm missing: make test installs poppler-utils")
    tmp_path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert pages and all(p.stat().st_size > 500 for p in pages)
    return pages


def test_pdfs_render(qtbot: QtBot, data: Store, tmp_path: Path) -> None:
    pdf = dashboard_pdf(data, tmp_path / "dash.pdf", CLOCK, year=2026)
    assert len(_render(pdf, tmp_path / "d")) >= 3  # key figures, charts and tables (ui/printing)
    with data.reader() as s:
        max_id = s.query(Person.id).filter(Person.given_name == "Max").scalar()
    sheet = contact_sheet_pdf(data, tmp_path / "max.pdf", person_id=max_id, clock=CLOCK)
    _render(sheet, tmp_path / "s")


def test_cli_reports(qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "store"
    store = open_store(data_dir=data_dir)
    build_fixture(store)
    with store.reader() as s:
        max_id = s.query(Person.id).filter(Person.given_name == "Max").scalar()
    store.dispose()
    out = tmp_path / "d.pdf"
    assert (
        main(
            [
                "--data-dir",
                str(data_dir),
                "report",
                "dashboard",
                "--out",
                str(out),
                "--year",
                "2026",
            ]
        )
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF")
    sheet = tmp_path / "sheet.pdf"
    assert (
        main(
            [
                "--data-dir",
                str(data_dir),
                "report",
                "contact-sheet",
                "--person",
                str(max_id),
                "--out",
                str(sheet),
            ]
        )
        == 0
    )
    assert sheet.read_bytes().startswith(b"%PDF")
    assert (
        main(
            [
                "--data-dir",
                str(data_dir),
                "report",
                "contact-sheet",
                "--person",
                "9999",
                "--out",
                str(sheet),
            ]
        )
        == 1
    )
    assert "does not exist" in capsys.readouterr().err
    agenda = tmp_path / "agenda.pdf"
    assert (
        main(
            [
                "--data-dir",
                str(data_dir),
                "report",
                "agenda",
                "--day",
                "2026-03-10",
                "--out",
                str(agenda),
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "--data-dir",
                str(data_dir),
                "report",
                "agenda",
                "--day",
                "2026-02-31",
                "--out",
                str(agenda),
            ]
        )
        == 1
    )


@pytest.mark.parametrize(
    ("today", "start"),
    [
        (dt.datetime(2026, 12, 2, 9, tzinfo=dt.UTC), dt.date(2026, 1, 1)),
        (dt.datetime(2026, 3, 4, 9, tzinfo=dt.UTC), dt.date(2025, 4, 1)),  # after February
        (dt.datetime(2026, 1, 31, 9, tzinfo=dt.UTC), dt.date(2025, 2, 1)),
    ],
)
def test_last_twelve_months_are_whole_months(
    qtbot: QtBot, sqlite_store: Store, today: dt.datetime, start: dt.date
) -> None:
    widget = DashboardWidget(sqlite_store, FixedClock(today))
    qtbot.addWidget(widget)
    box = widget.period_box
    with qtbot.waitSignal(widget.loaded, timeout=10000):  # choosing reloads in the background
        box.setCurrentIndex([box.itemData(i)[0] for i in range(box.count())].index("last12"))
    period = widget.period()
    assert (period.start, period.end) == (start, today.date())
