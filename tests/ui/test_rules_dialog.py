"""The Rules dialog (issue #17): every rule on a tab, one save = one undo step, a
refused value named on its tab with nothing stored."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.store import Store
from crm_desktop.services import rules, settings, undo
from crm_desktop.ui.rules_dialog import RulesDialog


def _dialog(qtbot: QtBot, store: Store, clock: FixedClock) -> RulesDialog:
    dialog = RulesDialog(store, clock=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_shows_the_rules_and_saves_one_undo_step(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, sqlite_store, clock)
    assert dialog.stages.rowCount() == 4 and dialog.stages.item(2, 0).text() == "Angebot"
    spin = dialog.stages.cellWidget(2, 1)
    assert isinstance(spin, QSpinBox) and spin.value() == 50
    spin.setValue(60)
    dialog._add_reason("Projekt verschoben")
    person = dialog.required["person"]
    for i in range(person.count()):
        if person.item(i).data(Qt.ItemDataRole.UserRole) == "email":
            person.item(i).setCheckState(Qt.CheckState.Checked)
    dialog.ticket_scheme.setText("SR-{year}-{seq:04d}")
    assert dialog.ticket_example.text().endswith("SR-2026-0042")
    dialog.tabs.setCurrentIndex(0)
    dialog.grab().save(str(tmp_path / "rules.png"))
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save()
    assert saved.args[0].settings
    with sqlite_store.reader() as s:
        assert settings.pipeline_stages(s)[2].probability == 60
        assert settings.loss_reasons(s)[-1] == "Projekt verschoben"
        assert rules.required_fields(s, "person") == ["email"]
        assert settings.ticket_scheme(s) == "SR-{year}-{seq:04d}"
        top = undo.stack(s)[0]
    assert top.action == "rule" and "Pipeline stages" in top.label
    with sqlite_store.session() as s:
        undo.undo_last(s, clock)
    with sqlite_store.reader() as s:
        assert rules.show(s) == RulesDialog(sqlite_store, clock=clock).loaded  # fresh state
        assert settings.pipeline_stages(s)[2].probability == 50
        assert settings.ticket_scheme(s) == settings.DEFAULT_TICKET_SCHEME


def test_unchanged_save_records_nothing(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    dialog = _dialog(qtbot, sqlite_store, clock)
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save()
    assert saved.args[0].empty
    with sqlite_store.reader() as s:
        assert undo.stack(s) == []


def test_a_refused_value_is_named_on_its_tab_and_nothing_is_stored(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    dialog = _dialog(qtbot, sqlite_store, clock)
    dialog._add_reason("Neu")
    dialog.tabs.setCurrentIndex(0)
    dialog.order_scheme.setText("A-{year}")
    assert dialog.order_example.text() == "Not a valid scheme"
    dialog.save()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "{seq}" in dialog.error.text()
    assert dialog.tabs.currentIndex() == 5
    dialog.order_scheme.setText("A-{seq}")
    dialog.reminder_days.setText("14, 7")
    dialog.save()
    assert dialog.tabs.currentIndex() == 1 and dialog.isVisible()
    with sqlite_store.reader() as s:
        assert "Neu" not in settings.loss_reasons(s)
        assert settings.order_scheme(s) == settings.DEFAULT_ORDER_SCHEME


def test_a_required_field_is_named_in_the_person_dialog(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    from PySide6.QtWidgets import QDialog

    from crm_desktop.ui.dialogs import PersonDialog

    with sqlite_store.session() as s:
        rules.set_rule(s, "required-person-fields", ["email"], clock)
    dlg = PersonDialog(sqlite_store, clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.form.family.setText("Schäfer")
    dlg.save()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "must be filled in" in dlg.form.emails.rows[0].error.text()
    dlg.form.emails.rows[0].address.setText("anna@example.de")
    dlg.save()
    assert dlg.result() == QDialog.DialogCode.Accepted


def test_rule_labels_are_the_services(qtbot: QtBot) -> None:
    from crm_desktop.ui.i18n import _RULE_LABELS

    assert {n: r.label for n, r in rules.RULES.items()} == _RULE_LABELS


def test_fields_tab_defines_renames_and_deletes_undoably(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    from crm_desktop.services import contacts, customfields
    from crm_desktop.services.contacts import PersonInput

    with sqlite_store.session() as s:
        pid = contacts.create_person(
            s,
            PersonInput(given_name="Anna", family_name="Bauer", profile_fields={"Branche": "Bau"}),
        ).id
    dialog = _dialog(qtbot, sqlite_store, clock)
    page = dialog.fields
    dialog.tabs.setCurrentWidget(page)
    page.name.setText("Branche")
    page.kind.setCurrentIndex(page.kind.findData("choice"))
    assert page.options.isEnabled()
    page.options.setText("Bau; Handel; Dienstleistung")
    with qtbot.waitSignal(dialog.saved) as saved:
        assert page.define()
    assert saved.args[0].settings
    page.name.setText("Mitarbeiter")
    page.kind.setCurrentIndex(page.kind.findData("number"))
    assert not page.options.isEnabled()
    assert page.define()
    assert page.table.rowCount() == 2
    assert page.table.item(0, 3).text() == "1"  # Anna's value counted
    dialog.resize(820, 560)
    dialog.grab().save(str(tmp_path / "fields-tab.png"))
    # a refused value is named on the tab, nothing stored
    page.name.setText("Leer")
    page.kind.setCurrentIndex(page.kind.findData("choice"))
    page.options.setText("")
    assert not page.define()
    assert page.error.isVisible() and "pick-list" in page.error.text()
    page.select("Branche")
    assert page.name.text() == "Branche" and page.options.text() == "Bau; Handel; Dienstleistung"
    assert page.rename("Sektor")
    with sqlite_store.reader() as s:
        assert contacts.get_person(s, pid).profile_fields == {"Sektor": "Bau"}
    page.select("Sektor")
    assert page.delete(keep_values=False)
    with sqlite_store.reader() as s:
        assert contacts.get_person(s, pid).profile_fields == {}
        assert [f.name for f in customfields.list_fields(s)] == ["Mitarbeiter"]
        assert undo.stack(s)[0].action == "custom-field"
    with sqlite_store.session() as s:
        undo.undo_last(s, clock)
    with sqlite_store.reader() as s:
        assert contacts.get_person(s, pid).profile_fields == {"Sektor": "Bau"}
