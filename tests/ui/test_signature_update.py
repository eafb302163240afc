"""The signature dialog offers "Update <name>" when the paste matches a stored person or
company: the differences side by side (field: stored → pasted, each with a checkbox);
only the ticked ones are saved, as one undoable edit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Company, Person, PhoneKind
from crm_desktop.data.store import Store
from crm_desktop.services import contacts, undo
from crm_desktop.services.contacts import (
    AddressInput,
    CompanyInput,
    EmailInput,
    PersonInput,
    PhoneInput,
)
from crm_desktop.ui.signature_dialog import SignatureDialog
from tests.ui.test_signature_dialog import SIGNATURE


def _stored(store: Store, clock: FixedClock) -> tuple[int, int]:
    with store.session() as s:
        company = contacts.create_company(
            s,
            CompanyInput(
                name="Schäfer Haustechnik",
                legal_form="GmbH & Co. KG",
                vat_id="DE136695976",
                addresses=[AddressInput("Alte Straße 1", "70565", "Stuttgart")],
            ),
        )
        person = contacts.create_person(
            s,
            PersonInput(
                given_name="Katrin",
                family_name="Schäfer-Böhm",
                position="Einkauf",
                company_id=company.id,
                phones=[PhoneInput("+49 711 2580-30", PhoneKind.WORK)],
                emails=[EmailInput("k.schaefer@schaefer-haustechnik.de")],
            ),
            clock=clock,
        )
        return company.id, person.id


def _tick(dlg: SignatureDialog, field_label: str) -> None:
    tree = dlg.diff_tree
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        assert item is not None
        if item.text(0) == field_label:
            item.setCheckState(0, Qt.CheckState.Checked)
            return
    raise AssertionError(f"no difference {field_label!r}")


def test_update_a_stored_person_with_two_ticked_changes_and_undo(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    company_id, person_id = _stored(sqlite_store, clock)
    dlg = SignatureDialog(sqlite_store, clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.set_text(SIGNATURE)
    # the match is offered, the person first
    assert dlg.match_bar.isVisible()
    assert [(m.kind, m.id) for m in dlg.matches][:2] == [
        ("person", person_id),
        ("company", company_id),
    ]
    assert dlg.update_button.text() == "Upd&ate Katrin Schäfer-Böhm…"
    assert dlg.show_update()
    assert dlg.pages.currentIndex() == 1
    shown = {
        (item.text(0), item.text(1), item.text(2))
        for row in range(dlg.diff_tree.topLevelItemCount())
        if (item := dlg.diff_tree.topLevelItem(row)) is not None
    }
    assert ("Title", "—", "→ Dr.") in shown
    assert ("Position", "Einkauf", "→ Leiterin Einkauf") in shown
    assert ("Add phone number", "0711 258030", "→ 0171 2345678") in shown
    # the stored phone and e-mail are not offered again
    assert all("2580-30" not in text for _f, _s, text in shown)
    assert not any(f == "Add e-mail address" for f, _s, _p in shown)
    assert not dlg.apply_button.isEnabled()
    _tick(dlg, "Position")
    _tick(dlg, "Add phone number")
    assert dlg.apply_button.isEnabled()
    assert dlg.apply_button.text() == "Appl&y the ticked changes (2)"
    dlg.grab().save(str(tmp_path / "differences.png"))
    with qtbot.waitSignal(dlg.changed) as sent:
        assert dlg.apply_update()
    assert person_id in sent.args[0].people
    with sqlite_store.reader() as s:
        person = s.get_one(Person, person_id)
        assert person.position == "Leiterin Einkauf"
        assert person.title is None  # not ticked
        assert sorted(p.number for p in person.phones) == ["+491712345678", "+49711258030"]
        assert [e.address for e in person.emails] == ["k.schaefer@schaefer-haustechnik.de"]
        assert s.scalar(select(func.count()).select_from(Person)) == 1
        assert s.scalar(select(func.count()).select_from(Company)) == 1
    # one undo takes the whole update back
    with sqlite_store.session() as s:
        items = undo.stack(s)
        assert items[0].label == "Update Katrin Schäfer-Böhm from a signature"
        undo.undo_last(s, clock)
    with sqlite_store.reader() as s:
        person = s.get_one(Person, person_id)
        assert person.position == "Einkauf"
        assert [p.number for p in person.phones] == ["+49711258030"]


def test_update_a_stored_company_address_and_vat(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    company_id, _person_id = _stored(sqlite_store, clock)
    with sqlite_store.session() as s:
        contacts.update_company(s, company_id, {"vat_id": None}, clock=clock)
    dlg = SignatureDialog(sqlite_store, clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.set_text(SIGNATURE)
    company_row = [i for i, m in enumerate(dlg.matches) if m.kind == "company"]
    assert company_row
    dlg.match_combo.setCurrentIndex(company_row[0])
    assert dlg.update_button.text() == "Upd&ate Schäfer Haustechnik…"
    assert dlg.show_update()
    tree = dlg.diff_tree
    fields = [
        item.text(0)
        for r in range(tree.topLevelItemCount())
        if (item := tree.topLevelItem(r)) is not None
    ]
    assert "Company name" not in fields and "Legal form" not in fields
    assert "VAT id" in fields and "Address" in fields and "Register number" in fields
    _tick(dlg, "Address")
    _tick(dlg, "VAT id")
    assert dlg.apply_update()
    with sqlite_store.reader() as s:
        company = s.get_one(Company, company_id)
        assert company.vat_id == "DE136695976"
        assert [(a.street, a.postcode, a.city) for a in company.addresses] == [
            ("Industriestraße 12", "70565", "Stuttgart")
        ]
        assert company.register_number is None


def test_create_new_stays_and_back_returns_to_the_form(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    _stored(sqlite_store, clock)
    dlg = SignatureDialog(sqlite_store, clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.set_text(SIGNATURE)
    assert dlg.show_update()
    assert not dlg.save_button.isEnabled()
    qtbot.mouseClick(dlg.back_button, Qt.MouseButton.LeftButton)
    assert dlg.pages.currentIndex() == 0 and dlg.save_button.isEnabled()
    dlg.use_existing.setChecked(False)
    assert dlg.save()
    with sqlite_store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 2


def test_no_match_no_offer(qtbot: QtBot, sqlite_store: Store, clock: FixedClock) -> None:
    dlg = SignatureDialog(sqlite_store, clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.set_text(SIGNATURE)
    assert not dlg.match_bar.isVisible()
    assert not dlg.show_update()
