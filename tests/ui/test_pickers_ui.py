"""Person and company pickers search the database as the user types (no full lists)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Activity, Person
from crm_desktop.data.store import Store
from crm_desktop.services import contacts, pickers
from crm_desktop.ui.dialogs import ActivityDialog, PersonDialog
from crm_desktop.ui.forms import RecordCombo
from tests.ui import test_detail_panes as panes
from tests.ui.test_detail_panes import activate, save_shot, type_text

_template_db = panes._template_db
fast_store = panes.fast_store


def _fill(store: Store) -> dict[str, int]:
    with store.session() as s:
        vogt = contacts.create_company(
            s, contacts.CompanyInput(name="Schreinerei Vogt", legal_form="GmbH")
        )
        uber = contacts.create_company(s, contacts.CompanyInput(name="Über Logistik AG"))
        s.flush()
        jonas = contacts.create_person(
            s, contacts.PersonInput(given_name="Jonas", family_name="Weiß", company_id=vogt.id)
        )
        anna = contacts.create_person(
            s,
            contacts.PersonInput(
                given_name="Anna",
                family_name="Schäfer",
                company_id=vogt.id,
                reports_to_id=jonas.id,
            ),
        )
        s.execute(
            insert(Person),
            [{"given_name": f"Kunde{i:03d}", "family_name": "Adler"} for i in range(150)],
        )
        return {"vogt": vogt.id, "uber": uber.id, "jonas": jonas.id, "anna": anna.id}


def _choose_from_popup(qtbot: QtBot, combo: RecordCombo, text: str) -> None:
    """Type ``text``, wait for the database's answer, take the first match."""
    line = combo.lineEdit()
    assert line is not None
    line.setFocus()
    line.selectAll()  # typing replaces what the field shows
    type_text(qtbot, line, text)
    popup = combo._sql_completer.popup()
    qtbot.waitUntil(lambda: popup.isVisible() and popup.model().rowCount() > 0)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_activity_dialog_finds_a_person_by_typing(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    store = fast_store
    ids = _fill(store)
    dlg = ActivityDialog(store, clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    # a page of people, not all 152
    assert 0 < dlg.person.count() <= pickers.LIMIT
    assert dlg.person.current_id() is None and dlg.company.current_id() is None

    _choose_from_popup(qtbot, dlg.person, "jonas vo")
    assert dlg.person.currentText() == "Jonas Weiß – Schreinerei Vogt"
    assert dlg.person.current_id() == ids["jonas"]
    assert dlg.company.current_id() == ids["vogt"]  # follows the person
    save_shot(dlg, "activity_person_picker.png", tmp_path)

    type_text(qtbot, dlg.subject, "Rückruf wegen Angebot")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.banner.text()
    with store.reader() as s:
        act = s.get(Activity, dlg.result_id)
        assert act is not None and act.person_id == ids["jonas"]
        assert act.company_id == ids["vogt"]


def test_a_typed_name_nobody_has_is_refused(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    store = fast_store
    _fill(store)
    dlg = ActivityDialog(store, clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    line = dlg.person.lineEdit()
    assert line is not None
    type_text(qtbot, line, "Niemand Unbekannt")
    type_text(qtbot, dlg.subject, "Notiz")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)  # before the search ran
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.person.is_unmatched()
    assert dlg.person.count() == 0  # the search found nobody


def test_typing_the_full_label_without_the_popup_still_counts(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    store = fast_store
    ids = _fill(store)
    dlg = ActivityDialog(store, clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    line = dlg.person.lineEdit()
    assert line is not None
    type_text(qtbot, line, "Anna Schäfer – Schreinerei Vogt")
    assert not dlg.person.is_unmatched()  # runs the pending search
    assert dlg.person.current_id() == ids["anna"]


def test_person_dialog_boss_comes_from_the_same_company(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    store = fast_store
    ids = _fill(store)
    dlg = PersonDialog(store, person_id=ids["anna"], clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    f = dlg.form
    assert f.company.current_id() == ids["vogt"]
    assert f.company.currentText() == "Schreinerei Vogt GmbH"
    assert f.reports_to.current_id() == ids["jonas"]
    assert f.reports_to.currentText() == "Jonas Weiß – Schreinerei Vogt"  # company beside
    # only Vogt's people (Vogt has no branches here), never Anna herself
    offered = {f.reports_to.itemData(i) for i in range(f.reports_to.count())}
    assert offered == {ids["jonas"]}

    # moving Anna to another company drops a boss who does not work there
    _choose_from_popup(qtbot, f.company, "über")
    assert f.company.current_id() == ids["uber"]
    assert f.reports_to.current_id() is None
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    with store.reader() as s:
        anna = s.get(Person, ids["anna"])
        assert anna is not None and anna.company_id == ids["uber"]
        assert anna.reports_to_id is None


def test_person_dialog_boss_comes_from_the_company_group(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    """Issue #17: the boss picker offers the parent company and its branches."""
    store = fast_store
    ids = _fill(store)
    with store.session() as s:
        branch = contacts.create_company(
            s, contacts.CompanyInput(name="Vogt Nord", parent_id=ids["vogt"])
        )
        s.flush()
        kai = contacts.create_person(
            s, contacts.PersonInput(given_name="Kai", family_name="Ost", company_id=branch.id)
        )
        kai_id, branch_id = kai.id, branch.id
    dlg = PersonDialog(store, person_id=kai_id, clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    f = dlg.form
    assert f.company.current_id() == branch_id
    _choose_from_popup(qtbot, f.reports_to, "Jonas")
    assert f.reports_to.current_id() == ids["jonas"]
    assert f.reports_to.currentText() == "Jonas Weiß – Schreinerei Vogt"
    offered = {f.reports_to.itemData(i) for i in range(f.reports_to.count())}
    assert kai_id not in offered and ids["jonas"] in offered
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    with store.reader() as s:
        assert s.get_one(Person, kai_id).reports_to_id == ids["jonas"]
