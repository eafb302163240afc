"""The printouts (ui/printing) from a demo store, checked as PDF text: page count,
header and footer on every page, a long table continued with its header repeated, no
text beyond the right margin, real columns in the agenda, a dashboard made of text."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from crm_desktop.cli.main import main
from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Activity
from crm_desktop.data.store import Store, open_store
from crm_desktop.services import demo
from crm_desktop.ui import reports
from crm_desktop.ui.printing.engine import MARGINS_MM

CLOCK = FixedClock(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC))
DAY = dt.date(2026, 11, 23)
A4_WIDTH_PT = 595.28
RIGHT_EDGE = A4_WIDTH_PT - MARGINS_MM[2] * 72 / 25.4 + 0.5

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

Word = tuple[float, float, float, str]  # xMin, yMin, xMax, text


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    reports.ensure_app()
    s = open_store(data_dir=tmp_path_factory.mktemp("print") / "data")
    demo.generate(s, 200, seed=3, clock=CLOCK)
    yield s
    s.dispose()


@pytest.fixture
def german(tmp_path: Path) -> Iterator[None]:
    """The German translation of the working tree (compiled from the .ts here; the
    shipped .qm is rebuilt by the release build)."""
    app = reports.ensure_app()
    ts = Path(__file__).parents[2] / "resources" / "translations" / "crm_desktop_de.ts"
    qm = tmp_path / "de.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    app.installTranslator(translator)
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(old)
    app.removeTranslator(translator)


def _pages(pdf: Path) -> list[list[Word]]:
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages: list[list[Word]] = []
    for chunk in out.split("<page ")[1:]:
        words = [
            (float(a), float(b), float(c), html.unescape(t))
            for a, b, c, t in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
                chunk,
            )
        ]
        pages.append(words)
    return pages


def _lines(words: list[Word]) -> list[str]:
    """The words of a page as lines (by their top), left to right."""
    rows: dict[int, list[Word]] = {}
    for w in words:
        rows.setdefault(round(w[1]), []).append(w)
    return [" ".join(w[3] for w in sorted(r)) for _y, r in sorted(rows.items())]


def _check_frame(pdf: Path, title: str, page_word: str, of_word: str) -> list[list[Word]]:
    pages = _pages(pdf)
    n = len(pages)
    for number, words in enumerate(pages, start=1):
        text = "\n".join(_lines(words))
        assert title in text, (number, text[:300])
        assert f"{page_word} {number} {of_word} {n}" in text, (number, text[-300:])
        beyond = [w for w in words if w[2] > RIGHT_EDGE]
        assert not beyond, (number, beyond[:5])
    return pages


def _busiest(store: Store, column: object) -> int:
    with store.reader() as s:
        row = s.execute(
            select(column, func.count())  # type: ignore[call-overload]
            .where(column.is_not(None))  # type: ignore[attr-defined]
            .group_by(column)
            .order_by(func.count().desc())
        ).first()
    assert row is not None
    return int(row[0])


def test_printouts_in_english(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    company = _busiest(store, Activity.company_id)
    sheet = reports.print_contact_sheet(
        store, tmp_path / "c.pdf", company_id=company, clock=CLOCK, lang="en"
    )
    assert sheet.pages >= 2
    pages = _check_frame(sheet.path, "Printed on 23 Nov 2026", "Page", "of")
    assert len(pages) == sheet.pages
    # the activity table continues on page 2 with its header row repeated
    for words in pages[1:]:
        assert "Time Kind Who Subject and text" in _lines(words)
    assert "Activity history" in "\n".join(_lines(pages[0]))

    agenda = reports.print_agenda(store, tmp_path / "a.pdf", DAY, CLOCK, lang="en")
    lines = [
        ln
        for p in _check_frame(agenda.path, "Agenda for 23 Nov 2026", "Page", "of")
        for ln in _lines(p)
    ]
    timed = [ln for ln in lines if re.match(r"\d{1,2}:\d\d [AP]M \w", ln)]
    assert timed, lines
    # time and kind are separate words (real columns), not "12:55Anruf"
    assert not any(re.search(r"\d\d(AM|PM)?[A-Za-z]", ln.split(" ")[0]) for ln in timed)

    dash = reports.print_dashboard(store, tmp_path / "d.pdf", CLOCK, 2026, lang="en")
    pages = _check_frame(dash.path, "Period 1 Jan 2026 – 31 Dec 2026", "Page", "of")
    text = "\n".join(ln for p in pages for ln in _lines(p))
    assert len(text) >= 1000
    for title in (
        "Key figures",
        "Revenue vs target per month",
        "Pipeline value by stage",
        "Activities per month by channel",
        "Tickets opened and closed",
        "People overdue for contact",
    ):
        assert title in text
    assert re.search(r"€\d{1,3}(,\d{3})*\.\d\d", text)  # €1,234.56
    assert "Jan 26" in text and "Month" in text  # axis labels are text

    targets = reports.print_targets(store, tmp_path / "t.pdf", CLOCK, 2026, lang="en")
    text = "\n".join(
        ln
        for p in _check_frame(targets.path, "Target and actual 2026", "Page", "of")
        for ln in _lines(p)
    )
    assert "December 2026" in text and "Total" in text

    pipe = reports.print_pipeline(store, tmp_path / "p.pdf", CLOCK, lang="en")
    text = "\n".join(
        ln
        for p in _check_frame(pipe.path, "Open opportunities per stage", "Page", "of")
        for ln in _lines(p)
    )
    assert "Opportunity Customer Value Probability Owner Expected close" in text
    assert "opportunities: 1" in text


def test_printouts_in_german(qtbot: QtBot, store: Store, tmp_path: Path, german: None) -> None:
    company = _busiest(store, Activity.company_id)
    sheet = reports.print_contact_sheet(store, tmp_path / "c.pdf", company_id=company, clock=CLOCK)
    pages = _check_frame(sheet.path, "Gedruckt am 23.11.2026 10:00", "Seite", "von")
    assert "Seite 1 von" in "\n".join(_lines(pages[0]))
    for words in pages[1:]:
        assert "Uhrzeit Art Wer Betreff und Text" in _lines(words)

    agenda = reports.print_agenda(store, tmp_path / "a.pdf", DAY, CLOCK)
    lines = [
        ln
        for p in _check_frame(agenda.path, "Tagesplan für 23.11.2026", "Seite", "von")
        for ln in _lines(p)
    ]
    timed = [ln for ln in lines if re.match(r"\d\d:\d\d ", ln)]
    assert timed and all(ln.split(" ")[0] for ln in timed)
    assert any(
        re.match(r"\d\d:\d\d (Anruf|Termin|Besprechung|E-Mail|Besuch|Brief|Notiz)\b", ln)
        for ln in timed
    )

    dash = reports.print_dashboard(store, tmp_path / "d.pdf", CLOCK, 2026)
    text = "\n".join(
        ln
        for p in _check_frame(dash.path, "Zeitraum 01.01.2026 – 31.12.2026", "Seite", "von")
        for ln in _lines(p)
    )
    assert len(text) >= 1000
    assert re.search(r"\d{1,3}(\.\d{3})*,\d\d €", text)  # 1.234,56 €
    assert "Kennzahlen" in text and "Umsatz und Ziel je Monat" in text

    for printed in (
        reports.print_targets(store, tmp_path / "t.pdf", CLOCK, 2026),
        reports.print_pipeline(store, tmp_path / "p.pdf", CLOCK),
    ):
        _check_frame(printed.path, "Gedruckt am 23.11.2026", "Seite", "von")


def test_cli_targets_and_pipeline(
    qtbot: QtBot, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "cli"
    cli_store = open_store(data_dir=data_dir)
    demo.generate(cli_store, 30, seed=1, clock=CLOCK)
    cli_store.dispose()
    for kind, extra in (
        ("targets", ["--year", "2026"]),
        ("pipeline", []),
        ("agenda", ["--day", "2026-11-23"]),
    ):
        out = tmp_path / f"{kind}.pdf"
        capsys.readouterr()
        assert (
            main(["--data-dir", str(data_dir), "report", kind, "--out", str(out), "--json", *extra])
            == 0
        )
        answer = json.loads(capsys.readouterr().out)
        assert answer["path"] == str(out)
        assert answer["pages"] == len(_pages(out)) >= 1
    assert QCoreApplication.instance() is not None


def test_ticket_and_project_sheets(
    qtbot: QtBot, store: Store, tmp_path: Path, german: None
) -> None:
    from crm_desktop.data.models import Project, Ticket

    ticket_id = _busiest(store, Activity.ticket_id)
    with store.reader() as s:
        ticket = s.get(Ticket, ticket_id)
        assert ticket is not None
        number = ticket.number
        project_id = s.execute(select(Project.id)).scalars().first()
    assert project_id is not None
    sheet = reports.print_contact_sheet(store, tmp_path / "t.pdf", ticket=number, clock=CLOCK)
    text = "\n".join(
        ln for p in _check_frame(sheet.path, number, "Seite", "von") for ln in _lines(p)
    )
    assert "Statusverlauf" in text and "Gespräche" in text and "Ticketblatt" in text
    assert "Beschreibung" in text  # a fact label is never broken ("Descripti on")
    project = reports.print_contact_sheet(
        store, tmp_path / "p.pdf", project_id=project_id, clock=CLOCK
    )
    _check_frame(project.path, "Projektblatt", "Seite", "von")


def test_the_engine_breaks_pages_and_lines(qtbot: QtBot, tmp_path: Path) -> None:
    from crm_desktop.ui.printing import Band, Document, Heading, Paragraph, Table, save

    reports.ensure_app()
    rows: list[list[str] | Band] = []
    for i in range(150):
        if i % 20 == 0:
            rows.append(Band(f"Group {i // 20}"))
        rows.append([f"row{i:03d}", "short", "a longer text that may wrap " * (i % 4)])
    huge = " ".join(f"w{i}" for i in range(4000))  # taller than a page
    doc = Document("Engine", "period", "printed").add(
        Heading("Rows"),
        Table(["Key", "Kind", "Text"], rows),
        Table(["A", "B"], [["x", huge], ["url", "https://example.com/" + "a" * 500]]),
        Paragraph("the end"),
    )
    pdf = tmp_path / "engine.pdf"
    pages = save(doc, pdf)
    words = _check_frame(pdf, "Engine", "Page", "of")
    assert len(words) == pages >= 4
    keys = [w[3] for p in words for w in p if w[3].startswith("row")]
    assert keys == [f"row{i:03d}" for i in range(150)]  # every row once, in order
    first_table_pages = {n for n, p in enumerate(words) if any(w[3].startswith("row") for w in p)}
    for n in sorted(first_table_pages)[1:]:
        assert "Key Kind Text" in _lines(words[n])  # the header row repeated
    # the tall row continues on the next pages; every word of it is printed once
    printed = [w[3] for p in words for w in p if re.fullmatch(r"w\d+", w[3])]
    assert printed == [f"w{i}" for i in range(4000)]
    assert "the end" in _lines(words[-1])[-2]


def test_a_group_continued_on_a_new_page_shows_its_band_again(qtbot: QtBot, tmp_path: Path) -> None:
    from crm_desktop.ui.printing import Band, Document, Table, save

    reports.ensure_app()
    rows: list[list[str] | Band] = [Band("Only group")]
    rows += [[f"row{i:03d}", "text"] for i in range(120)]
    pdf = tmp_path / "band.pdf"
    assert save(Document("Bands").add(Table(["Key", "Text"], rows)), pdf) >= 2
    for words in _pages(pdf):
        lines = _lines(words)
        assert lines.index("Only group") == lines.index("Key Text") + 1


def test_the_windows_print_actions_use_the_engine(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crm_desktop.ui.main_window import MainWindow
    from crm_desktop.ui.settings_dialog import AppSettings

    win = MainWindow(store, AppSettings(tmp_path / "settings.ini"), clock=CLOCK, data_dir=tmp_path)
    qtbot.addWidget(win)
    opened: list[Path] = []
    monkeypatch.setattr(win, "_ask_pdf", lambda name: tmp_path / name)
    monkeypatch.setattr(win, "_open_file", opened.append)
    person = _busiest(store, Activity.person_id)
    assert win.open_record("person", person)
    win.print_contact_sheet()
    win.print_agenda()
    win.print_dashboard()
    win.actions_by_name["print_targets"].trigger()  # Reports → Print target/actual…
    win.actions_by_name["print_pipeline"].trigger()
    assert [p.name for p in opened] == [
        f"person-{person}.pdf",
        "agenda.pdf",
        "dashboard.pdf",
        "target-actual.pdf",
        "pipeline.pdf",
    ]
    for pdf in opened:
        _check_frame(pdf, "CRM Desktop", "Page", "of")
