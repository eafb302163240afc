"""Contact intervals, target against actual, in the window: the kind of a rhythm set in
the person form, the report dialog (Reports → Contact intervals…) with period and owner,
its PDF printout; screenshots in English and German."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import ActivityKind, Person
from crm_desktop.data.store import Store
from crm_desktop.services import contact_report as cr
from crm_desktop.ui.contact_report_view import (
    BEHIND,
    BEHIND_COLOR,
    KIND,
    LAST,
    NAME,
    PLANNED,
    ContactReportDialog,
)
from crm_desktop.ui.dialogs import PersonDialog
from tests.store.test_contact_report import fill
from tests.ui import test_detail_panes as panes
from tests.ui.test_detail_panes import activate, save_shot

_template_db = panes._template_db
fast_store = panes.fast_store


@pytest.fixture
def german_app(qapp: QApplication) -> Iterator[None]:
    from crm_desktop.app import install_translators

    before = QLocale()
    installed = install_translators(qapp, "de")
    yield
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)


def _cells(dlg: ContactReportDialog, col: int) -> list[str]:
    return [str(dlg.model.index(r, col).data()) for r in range(dlg.model.rowCount())]


def _pdf_png(pdf: Path, png: Path) -> None:
    if shutil.which("pdftoppm") is None:
        return
    stem = png.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(pdf), str(stem)], check=True)


def test_report_dialog_period_owner_and_printout(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    fill(fast_store, clock)
    dlg = ContactReportDialog(fast_store, clock)
    qtbot.addWidget(dlg)
    assert dlg.period() == (dt.date(2026, 1, 1), dt.date(2026, 11, 23))
    dlg.start.set_date(dt.date(2026, 1, 1))
    dlg.end.set_date(dt.date(2026, 6, 30))
    assert dlg.refresh()
    names = _cells(dlg, NAME)
    assert names[0] == "Anna Müller" and "Monatlich Müller" in names
    row = names.index("Besuche Müller")
    assert _cells(dlg, KIND)[row] == "Visit"
    assert _cells(dlg, PLANNED)[row] == "3" and _cells(dlg, BEHIND)[row] == "2"
    assert _cells(dlg, LAST)[names.index("Nie Müller")] == "never"
    brush = dlg.model.index(row, BEHIND).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color() == BEHIND_COLOR
    assert _cells(dlg, BEHIND)[names.index("Monatlich Müller")] == "—"
    assert "behind" in dlg.summary.text()
    # the owner filter
    dlg.owner_box.setCurrentIndex(dlg.owner_box.findData("Anna"))
    assert _cells(dlg, NAME) == ["Anna Müller"]
    dlg.owner_box.setCurrentIndex(0)
    # a reversed period is refused in place
    dlg.end.set_date(dt.date(2025, 1, 1))
    assert not dlg.refresh()
    assert "ends before it starts" in dlg.info.text()
    dlg.end.set_date(dt.date(2026, 6, 30))
    assert dlg.refresh()
    # double-click opens the person
    opened: list[int] = []
    dlg.openPerson.connect(opened.append)
    dlg._open(dlg.model.index(0, 0))
    assert opened == [dlg.model.rows[0].person_id]
    dlg.show()
    save_shot(dlg, "contact_report_en.png", tmp_path)
    pdf = dlg.print_pdf(tmp_path / "plan.pdf")
    assert pdf is not None and pdf.stat().st_size > 1000
    shots = Path(os.environ.get("CRM_SHOTS_DIR") or tmp_path)
    _pdf_png(pdf, shots / "contact_report_print_en.png")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Contact intervals: target and actual" in text
        assert "Besuche Müller" in text and "Weißbier Brauerei" in text


def test_report_dialog_in_german(
    german_app: None, qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    fill(fast_store, clock)
    dlg = ContactReportDialog(fast_store, clock)
    qtbot.addWidget(dlg)
    dlg.start.set_date(dt.date(2026, 1, 1))
    dlg.end.set_date(dt.date(2026, 6, 30))
    assert dlg.refresh()
    names = _cells(dlg, NAME)
    assert _cells(dlg, KIND)[names.index("Besuche Müller")] == "Besuch"
    assert _cells(dlg, LAST)[names.index("Monatlich Müller")] == "05.06.2026"
    dlg.show()
    save_shot(dlg, "contact_report_de.png", tmp_path)
    pdf = dlg.print_pdf(tmp_path / "plan.pdf")
    assert pdf is not None
    _pdf_png(pdf, Path(os.environ.get("CRM_SHOTS_DIR") or tmp_path) / "contact_report_print_de.png")


def test_person_form_sets_the_rhythm_kind(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    ids = fill(fast_store, clock)
    dlg = PersonDialog(fast_store, person_id=ids["Monatlich"], clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    f = dlg.form
    assert f.interval.value() == 30 and f.interval_kind.isEnabled()
    assert f.interval_kind.value() is None
    f.interval_kind.set_value(ActivityKind.VISIT)
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    with fast_store.reader() as s:
        person = s.get(Person, ids["Monatlich"])
        assert person is not None and person.contact_interval_kind == ActivityKind.VISIT
        row = next(
            r
            for r in cr.contact_plan(s, dt.date(2026, 1, 1), dt.date(2026, 6, 30))
            if r.person_id == ids["Monatlich"]
        )
        assert row.kind == ActivityKind.VISIT and row.done == 0
    # no rhythm: no kind either
    dlg2 = PersonDialog(fast_store, person_id=ids["Ohne"], clock=clock)
    qtbot.addWidget(dlg2)
    assert not dlg2.form.interval_kind.isEnabled()


def test_reports_menu_opens_the_report(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    from crm_desktop.ui.main_window import MainWindow
    from crm_desktop.ui.settings_dialog import AppSettings

    ids = fill(fast_store, clock)
    win = MainWindow(
        fast_store, AppSettings(tmp_path / "settings.ini"), clock=clock, data_dir=tmp_path
    )
    qtbot.addWidget(win)
    action = win.actions_by_name["contact_report"]
    reports_menu = next(
        m
        for m in win.menuBar().findChildren(type(win.menuBar().addMenu("x")))
        if action in m.actions()
    )
    assert reports_menu.title() == "&Reports"
    action.trigger()
    dlg = win.findChild(ContactReportDialog)
    assert isinstance(dlg, ContactReportDialog) and dlg.isVisible()
    assert dlg.model.rowCount() == 5
    dlg.openPerson.emit(ids["Besuche"])
    dlg.close()
