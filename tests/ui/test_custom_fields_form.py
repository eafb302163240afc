"""The person form's Profile tab shows the custom fields (issue #17) with the editor of
their type beside the free profile fields; a value that does not fit is named under
its field and nothing is saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDoubleSpinBox, QLineEdit
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.store import Store
from crm_desktop.services import contacts, customfields
from crm_desktop.services.contacts import PersonInput
from crm_desktop.ui.forms import DateEdit


def _define(store: Store, clock: FixedClock) -> int:
    with store.session() as s:
        customfields.define_field(s, "Branche", "choice", ["Bau", "Handel"], clock=clock)
        customfields.define_field(s, "Mitarbeiter", "number", clock=clock)
        customfields.define_field(s, "Messebesuch", "yesno", clock=clock)
        customfields.define_field(s, "Erstkontakt", "date", clock=clock)
        customfields.define_field(s, "Kürzel", "text", clock=clock)
        return contacts.create_person(
            s,
            PersonInput(
                given_name="Anna",
                family_name="Bauer",
                profile_fields={"Branche": "Bau", "Mitarbeiter": "40", "Hobby": "Golf"},
            ),
        ).id


def test_profile_tab_edits_custom_fields_by_type(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    from crm_desktop.ui.dialogs import PersonDialog

    pid = _define(sqlite_store, clock)
    dlg = PersonDialog(sqlite_store, person_id=pid, clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    box = dlg.form.custom
    assert list(box.editors) == ["Branche", "Mitarbeiter", "Messebesuch", "Erstkontakt", "Kürzel"]
    branche, staff, fair, first, short = box.editors.values()
    assert isinstance(branche, QComboBox) and branche.currentText() == "Bau"
    assert isinstance(staff, QDoubleSpinBox) and staff.value() == 40
    assert isinstance(fair, QCheckBox) and not fair.isChecked()
    assert isinstance(first, DateEdit) and first.text() == ""
    assert isinstance(short, QLineEdit)
    assert dlg.form.profile.values() == {"Hobby": "Golf"}  # the free ones stay free
    dlg.form.tabs.setCurrentIndex(dlg.form.tabs.count() - 1)
    for i in range(dlg.form.tabs.count()):
        if dlg.form.tabs.tabText(i).replace("&", "") == "Profile":
            dlg.form.tabs.setCurrentIndex(i)
    dlg.resize(760, 720)
    dlg.grab().save(str(tmp_path / "profile.png"))
    branche.setCurrentIndex(branche.findData("Handel"))
    staff.setValue(1250.5)
    fair.setChecked(True)
    first.setText("24.12.2026")
    short.setText("AB")
    dlg.save()
    assert dlg.result() == QDialog.DialogCode.Accepted
    with sqlite_store.reader() as s:
        assert contacts.get_person(s, pid).profile_fields == {
            "Hobby": "Golf",
            "Branche": "Handel",
            "Mitarbeiter": "1250.5",
            "Messebesuch": "yes",
            "Erstkontakt": "2026-12-24",
            "Kürzel": "AB",
        }


def test_a_bad_date_is_named_under_its_field(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    from crm_desktop.ui.dialogs import PersonDialog

    pid = _define(sqlite_store, clock)
    dlg = PersonDialog(sqlite_store, person_id=pid, clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.form.custom.editors["Erstkontakt"].setText("31.02.2026")  # type: ignore[attr-defined]
    dlg.save()
    assert dlg.result() != QDialog.DialogCode.Accepted
    label = dlg.form.custom.error_label("profile.Erstkontakt")
    assert "Erstkontakt" in label.text() and "31.02.2026" in label.text()
    with sqlite_store.reader() as s:
        assert "Erstkontakt" not in contacts.get_person(s, pid).profile_fields


def test_no_definitions_no_section(qtbot: QtBot, sqlite_store: Store, clock: FixedClock) -> None:
    from crm_desktop.ui.dialogs import PersonDialog

    dlg = PersonDialog(sqlite_store, clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.form.custom.isVisible() and not dlg.form.custom_heading.isVisible()
