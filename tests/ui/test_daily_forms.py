"""Issue #20, the daily flow in forms: Enter in an editable combo box stays in it, one
click into a date selects the section, a message goes when its field is fixed, F2 is
the real shortcut of the pane's "F2 (Edit)" hints, and a search hit takes the focus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDateTime, QPoint, Qt
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QLineEdit
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.store import Store
from crm_desktop.services import contacts as c
from crm_desktop.ui.dialogs import CompanyDialog
from crm_desktop.ui.forms import FormPage, PhoneListEditor
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.settings_dialog import AppSettings, SettingsDialog
from crm_desktop.ui.tray import Autostart


def test_enter_in_an_editable_combo_does_not_save_and_close(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    settings = AppSettings(tmp_path / "settings.ini")
    dialog = SettingsDialog(settings, autostart=Autostart(home=tmp_path, platform="linux"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.region.setFocus()
    dialog.region.lineEdit().selectAll()
    qtbot.keyClicks(dialog.region, "AT")
    qtbot.keyClick(dialog.region, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0  # still open, nothing saved
    assert dialog.region.currentText() == "AT"
    qtbot.keyClick(dialog.zone, Qt.Key.Key_Enter)
    assert dialog.isVisible()

    company = CompanyDialog(sqlite_store)
    qtbot.addWidget(company)
    company.show()
    company.form.name.setText("Müller GmbH")
    for combo in (company.form.parent_company, company.form.legal_form):
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Return)
        assert company.isVisible() and company.result_id is None
    company.form.name.setFocus()
    qtbot.keyClick(company.form.name, Qt.Key.Key_Return)
    assert company.result_id is not None  # Enter in a text field still saves


def test_one_click_into_a_date_selects_the_section(qtbot: QtBot) -> None:
    page = FormPage()
    qtbot.addWidget(page)
    edit = QDateTimeEdit(page)
    edit.setDisplayFormat("dd.MM.yyyy HH:mm")
    edit.setDateTime(QDateTime.fromString("23.11.2026 14:00", "dd.MM.yyyy HH:mm"))
    page.add_field("due", "&Due:", edit)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    line = edit.findChild(QLineEdit)
    assert line is not None
    x = line.fontMetrics().horizontalAdvance("23.11.2026 1") + 3
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(x, line.height() // 2))
    qtbot.waitUntil(lambda: edit.currentSection() == QDateTimeEdit.Section.HourSection)
    qtbot.wait(10)
    qtbot.keyClicks(line, "09")
    assert edit.dateTime().toString("dd.MM.yyyy HH:mm") == "23.11.2026 09:00"


def test_a_message_goes_when_its_field_is_fixed(qtbot: QtBot) -> None:
    page = FormPage()
    qtbot.addWidget(page)
    name = QLineEdit(page)
    page.add_field("name", "&Name:", name)
    phones = PhoneListEditor(page)
    page.add_wide(phones)
    page.show()
    page.show_field_error("name", "Name is required.")
    row = phones.add_row()
    target = next(w for w in row.inputs() if isinstance(w, QLineEdit))
    target.setText("0711 12")
    phones.show_field_error("phones.0", "This is not a phone number.")
    assert page.error_label("name").text() and name.property("invalid")
    assert row.error.text()
    qtbot.keyClicks(name, "Mueller")
    assert not page.error_label("name").text() and not name.property("invalid")
    qtbot.keyClicks(target, "3456")
    assert not row.error.text()


def _window(qtbot: QtBot, store: Store, tmp_path: Path) -> tuple[MainWindow, int]:
    with store.session() as s:
        comp = c.create_company(s, c.CompanyInput(name="Müller GmbH"))
        pid = c.create_person(
            s, c.PersonInput(given_name="Petra", family_name="Sommer", company_id=comp.id)
        ).id
    clock = FixedClock(dt.datetime(2026, 11, 23, 9, tzinfo=dt.UTC))
    win = MainWindow(store, AppSettings(tmp_path / "s.ini"), clock=clock, data_dir=tmp_path)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win, pid


def test_f2_edits_the_shown_record_from_anywhere_in_the_window(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    win, pid = _window(qtbot, sqlite_store, tmp_path)
    assert win.open_record("person", pid)
    pane = win.detail.currentWidget()
    assert "F2" in pane.edit_button.toolTip()  # what the hints name …
    win.tree_panel.setFocus()
    qtbot.keyClick(QApplication.focusWidget() or win, Qt.Key.Key_F2)
    assert pane.editing  # … is the key that edits
    pane.cancel_edit()
    win.tasks.wait(5000)


def test_opening_a_search_hit_moves_the_focus_to_it(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    win, pid = _window(qtbot, sqlite_store, tmp_path)
    field = win.search
    field.setFocus()
    qtbot.keyClicks(field, "Sommer")
    hits = field.search_now()
    assert hits and hits[0].ref_id == pid
    field.open_current()
    pane = win.detail.currentWidget()
    qtbot.waitUntil(lambda: pane.isAncestorOf(QApplication.focusWidget()), timeout=2000)
    assert not field.hasFocus()
    win.tasks.wait(5000)
