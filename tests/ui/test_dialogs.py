"""The edit dialogs driven through their widgets: typing, Save/Enter/Esc, inline errors,
card numbers, the duplicate warning and logging an activity."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    AddressKind,
    Company,
    CompanyStatus,
    Department,
    FollowUp,
    Person,
    PhoneKind,
    Ticket,
)
from crm_desktop.data.store import Store
from crm_desktop.services import contacts
from crm_desktop.services.contacts import PersonInput
from crm_desktop.ui.dialogs import (
    ActivityDialog,
    CompanyDialog,
    DepartmentDialog,
    PersonDialog,
)
from tests.ui import test_detail_panes as panes
from tests.ui.test_detail_panes import CARD, activate, build_demo, save_shot, type_text

# shared fixtures: a migrated SQLite template copied per test
_template_db = panes._template_db
fast_store = panes.fast_store

HAS_DEDUP = importlib.util.find_spec("crm_desktop.services.dedup") is not None
HAS_MERGE = importlib.util.find_spec("crm_desktop.services.merge") is not None
HAS_ACTIVITIES = importlib.util.find_spec("crm_desktop.services.activities") is not None


@pytest.fixture(autouse=True)
def german_locale() -> object:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def _count(store: Store, model: type) -> int:
    with store.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _live_people(store: Store) -> int:
    with store.reader() as s:
        return int(
            s.scalar(select(func.count()).select_from(Person).where(Person.deleted_at.is_(None)))
            or 0
        )


# ---------------------------------------------------------------- company


def test_create_company_by_typing_then_edit_it(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    store = fast_store
    dlg = CompanyDialog(store, clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    assert dlg.windowTitle() == "New company"
    assert QApplication.focusWidget() is dlg.form.name
    f = dlg.form
    type_text(qtbot, f.name, "Bäckerei Schäfer-Größlinger")
    f.legal_form.setCurrentText("")
    type_text(qtbot, f.legal_form.lineEdit(), "e.K.")
    f.status.set_value(CompanyStatus.CUSTOMER)
    type_text(qtbot, f.vat_id, "DE136695976")
    type_text(qtbot, f.phones.rows[0].number, "0711 2580-0")
    type_text(qtbot, f.emails.rows[0].address, "info@baeckerei-schaefer.de")
    addr = f.addresses.rows[0]
    type_text(qtbot, addr.street, "Hauptstraße 5")
    type_text(qtbot, addr.postcode, "73728")
    type_text(qtbot, addr.city, "Esslingen am Neckar")
    qtbot.mouseClick(f.banks.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, f.banks.rows[0].iban, "DE89 3704 0044 0532 0130 00")
    type_text(qtbot, f.banks.rows[0].holder, "Bäckerei Schäfer")

    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    cid = dlg.result_id
    assert cid is not None
    with store.reader() as s:
        comp = contacts.get_company(s, cid)
        assert comp.name == "Bäckerei Schäfer-Größlinger"
        assert comp.legal_form == "e.K."
        assert comp.status == CompanyStatus.CUSTOMER
        assert [p.number for p in comp.phones] == ["+4971125800"]
        assert [e.address for e in comp.emails] == ["info@baeckerei-schaefer.de"]
        assert comp.addresses[0].city == "Esslingen am Neckar"
        assert comp.addresses[0].kind == AddressKind.MAIN
        assert comp.bank_accounts[0].iban == "DE89370400440532013000"

    # the edit dialog shows the stored values; a change is saved with Enter
    edit = CompanyDialog(store, company_id=cid, clock=clock)
    qtbot.addWidget(edit)
    activate(qtbot, edit)
    assert edit.windowTitle() == "Edit company"
    assert edit.form.name.text() == "Bäckerei Schäfer-Größlinger"
    assert edit.form.phones.rows[0].number.text() == "0711 25800"
    assert edit.form.banks.rows[0].iban.text() == "DE89 3704 0044 0532 0130 00"
    edit.form.website.setFocus()
    type_text(qtbot, edit.form.website, "www.baeckerei-schaefer.de")
    qtbot.keyClick(edit.form.website, Qt.Key.Key_Return)
    assert edit.result() == QDialog.DialogCode.Accepted
    with store.reader() as s:
        assert contacts.get_company(s, cid).website == "www.baeckerei-schaefer.de"


def test_company_dialog_for_a_branch_and_esc_cancels(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    demo = build_demo(fast_store, clock)
    dlg = CompanyDialog(fast_store, parent_id=demo.company_id, clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    assert dlg.form.parent_company.current_id() == demo.company_id
    type_text(qtbot, dlg.form.name, "Filiale Ulm")
    before = _count(fast_store, Company)
    qtbot.keyClick(dlg.form.name, Qt.Key.Key_Escape)
    assert dlg.result() == QDialog.DialogCode.Rejected
    assert dlg.result_id is None
    assert _count(fast_store, Company) == before


# ---------------------------------------------------------------- person


def test_create_person_by_typing(qtbot: QtBot, store: Store, clock: FixedClock) -> None:
    with store.session() as s:
        comp = contacts.create_company(s, contacts.CompanyInput(name="Weingut Fröhlich"))
        dept = contacts.add_department(s, comp.id, "Verkauf")
        cid, did = comp.id, dept.id
    dlg = PersonDialog(store, company_id=cid, department_id=did, clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    f = dlg.form
    assert QApplication.focusWidget() is f.given
    assert f.company.current_id() == cid
    assert f.department.currentData() == did
    type_text(qtbot, f.given, "Ludwig")
    type_text(qtbot, f.family, "Schäuble-Größ")
    type_text(qtbot, f.birth, "24.12.1975")
    type_text(qtbot, f.position, "Kellermeister")
    type_text(qtbot, f.phones.rows[0].number, "0171 2345678")
    f.phones.rows[0].kind.set_value(PhoneKind.MOBILE)
    type_text(qtbot, f.emails.rows[0].address, "ludwig@weingut-froehlich.de")
    qtbot.keyClick(f.position, Qt.Key.Key_Return)  # Enter saves

    assert dlg.result() == QDialog.DialogCode.Accepted
    pid = dlg.result_id
    assert pid is not None
    with store.reader() as s:
        p = contacts.get_person(s, pid)
        assert (p.given_name, p.family_name) == ("Ludwig", "Schäuble-Größ")
        assert p.birth_date == dt.date(1975, 12, 24)
        assert p.company_id == cid and p.department_id == did
        assert [(x.number, x.kind) for x in p.phones] == [("+491712345678", PhoneKind.MOBILE)]
        assert [e.address for e in p.emails] == ["ludwig@weingut-froehlich.de"]


def test_person_dialog_shows_every_error_inline_and_saves_nothing(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    dlg = PersonDialog(fast_store, clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    f = dlg.form
    type_text(qtbot, f.birth, "31.02.1980")  # no such day
    type_text(qtbot, f.emails.rows[0].address, "ludwig@@example")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)

    assert dlg.result() != QDialog.DialogCode.Accepted
    assert f.field_error("family_name") == "A person needs a given or a family name."
    assert f.field_error("birth_date") == "“31.02.1980” is not a valid date."
    assert f.pages[0].error_label("birth_date").isVisibleTo(dlg)
    assert "is not a valid e-mail address" in f.emails.rows[0].error.text()
    assert f.tabs.currentIndex() == 0  # the first error is shown
    assert not f.tabs.tabIcon(1).isNull()  # and the Communication tab is marked
    assert _count(fast_store, Person) == 0

    # fixing the fields clears the messages on the next save
    type_text(qtbot, f.family, "Brenninkmeyer")
    f.birth.clear()
    f.emails.rows[0].address.clear()
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert _count(fast_store, Person) == 1


def test_card_number_in_any_field_gets_the_card_message(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    dlg = PersonDialog(fast_store, clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    f = dlg.form
    type_text(qtbot, f.family, "Kaufmann")
    type_text(qtbot, f.phones.rows[0].number, CARD)  # typed into the phone field
    type_text(qtbot, f.hobbies, f"Karte {CARD.replace(' ', '-')}")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)

    assert dlg.result() != QDialog.DialogCode.Accepted
    phone_error = f.phones.rows[0].error.text()
    assert "looks like a payment card number" in phone_error
    assert phone_error.startswith("Phone 1:")
    assert "not a phone number" not in phone_error and "not a valid phone" not in phone_error
    assert CARD not in phone_error  # only the masked form is shown
    hobby_error = f.field_error("hobbies")
    assert hobby_error.startswith("Hobbies:") and "payment card number" in hobby_error
    assert _count(fast_store, Person) == 0


def test_edit_person_dialog_bad_phone_saves_nothing(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    store = fast_store
    demo = build_demo(store, clock)
    dlg = PersonDialog(store, person_id=demo.worker_id, clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    assert dlg.windowTitle() == "Edit person"
    f = dlg.form
    assert f.family.text() == "Öztürk"
    f.position.clear()
    type_text(qtbot, f.position, "Betriebsleiter")
    row = f.phones.rows[0]
    row.number.clear()
    type_text(qtbot, row.number, "12345")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "“12345” is not a valid phone number" in row.error.text()
    assert f.tabs.currentIndex() == 1
    with store.reader() as s:
        p = contacts.get_person(s, demo.worker_id)
        assert p.position == "Werkstattmeister"  # the valid change was not saved either
        assert [x.number for x in p.phones] == ["+4916098765432"]


def test_tab_order_follows_the_fields(qtbot: QtBot, fast_store: Store, clock: FixedClock) -> None:
    dlg = PersonDialog(fast_store, clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    f = dlg.form
    order = []
    w: QWidget = f.title
    for _ in range(4):
        w = _next_tab(w, dlg)
        order.append(w)
    assert order == [f.given, f.family, f.nickname, f.birth]
    # in the list editors a new row comes right after the last one, before "Add"
    f.tabs.setCurrentIndex(1)
    f.phones.add_row()
    QApplication.processEvents()  # the new row is shown with the next event loop turn
    first, second = f.phones.rows
    assert _next_tab(first.label, dlg) is first.remove_button
    assert _next_tab(first.remove_button, dlg) is second.kind
    assert _next_tab(second.remove_button, dlg) is f.phones.add_button
    assert _next_tab(f.phones.add_button, dlg) is f.emails.rows[0].kind


def _next_tab(widget: QWidget, window: QWidget) -> QWidget:
    """The widget Tab moves to (the focus chain without unfocusable or hidden widgets)."""
    w = widget.nextInFocusChain()
    while not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) or not w.isVisibleTo(window):
        if w.focusProxy() is not None:
            break
        w = w.nextInFocusChain()
    return w


@pytest.mark.skipif(not HAS_DEDUP, reason="crm_desktop.services.dedup is not built yet")
def test_duplicate_warning_while_typing_then_create_anyway(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    with fast_store.session() as s:
        existing = contacts.create_person(
            s,
            PersonInput(given_name="Max", family_name="Müller", birth_date=dt.date(1970, 3, 1)),
            clock=clock,
        ).id
    dlg = PersonDialog(fast_store, clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    bar = dlg.duplicate_bar
    type_text(qtbot, dlg.form.given, "Max")
    type_text(qtbot, dlg.form.family, "Müller")
    type_text(qtbot, dlg.form.birth, "01.03.1970")
    assert not bar.isVisible()  # debounced: nothing yet while typing
    qtbot.waitUntil(bar.isVisible, timeout=2000)
    assert "Max Müller, born 01.03.1970, already exists." in bar.label.text()
    assert dlg.duplicate_ids[0] == existing
    assert bar.merge_button.isVisible() == HAS_MERGE

    # Save does not silently create the duplicate: the user has to choose
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert _live_people(fast_store) == 1
    assert QApplication.focusWidget() is bar.create_button

    qtbot.mouseClick(bar.create_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.result_id not in (None, existing)
    assert _live_people(fast_store) == 2


@pytest.mark.skipif(not HAS_DEDUP, reason="crm_desktop.services.dedup is not built yet")
def test_duplicate_warning_open_existing(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    demo = build_demo(fast_store, clock)
    dlg = PersonDialog(fast_store, clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    type_text(qtbot, dlg.form.given, "Hans-Jürgen")
    type_text(qtbot, dlg.form.family, "Großmann-Übelhör")
    dlg.check_duplicates()  # what the debounce timer does
    assert dlg.duplicate_bar.isVisible()
    assert "Dr. Hans-Jürgen Großmann-Übelhör, born 01.03.1970" in dlg.duplicate_bar.label.text()
    save_shot(dlg, "dialog_person_duplicate.png", tmp_path)
    with qtbot.waitSignal(dlg.openExisting) as sig:
        qtbot.mouseClick(dlg.duplicate_bar.open_button, Qt.MouseButton.LeftButton)
    assert sig.args == [demo.buyer_id]
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.result_id == demo.buyer_id and dlg.opened_existing
    assert _live_people(fast_store) == 3


@pytest.mark.skipif(not (HAS_DEDUP and HAS_MERGE), reason="dedup/merge services not built yet")
def test_duplicate_warning_merge_into_existing(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    with fast_store.session() as s:
        existing = contacts.create_person(
            s,
            PersonInput(given_name="Max", family_name="Müller", birth_date=dt.date(1970, 3, 1)),
            clock=clock,
        ).id
    dlg = PersonDialog(fast_store, clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    type_text(qtbot, dlg.form.given, "Max")
    type_text(qtbot, dlg.form.family, "Müller")
    type_text(qtbot, dlg.form.phones.rows[0].number, "0171 2345678")
    dlg.check_duplicates()
    assert dlg.duplicate_bar.merge_button.isVisible()
    qtbot.mouseClick(dlg.duplicate_bar.merge_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.result_id == existing and dlg.merged
    assert _live_people(fast_store) == 1
    with fast_store.reader() as s:
        assert [p.number for p in contacts.get_person(s, existing).phones] == ["+491712345678"]


def test_person_dialog_screenshot_with_realistic_data(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    demo = build_demo(fast_store, clock)
    dlg = PersonDialog(fast_store, person_id=demo.buyer_id, clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    f = dlg.form
    assert f.company.currentText() == "Müller & Söhne Präzisionsmechanik GmbH & Co. KG"
    assert f.department.currentText() == "Einkauf"
    assert f.reports_to.current_id() == demo.boss_id
    assert f.birth.text() == "01.03.1970"
    assert len(f.phones.rows) == 3 and len(f.addresses.rows) == 2
    assert f.profile.values() == {"Lieblingswein": "Lemberger trocken", "Kinder": "Jonas, Lea"}
    path = save_shot(dlg, "dialog_person.png", tmp_path)
    assert path.stat().st_size > 10_000
    f.tabs.setCurrentIndex(1)
    save_shot(dlg, "dialog_person_communication.png", tmp_path)
    f.tabs.setCurrentIndex(2)
    save_shot(dlg, "dialog_person_addresses.png", tmp_path)


# ---------------------------------------------------------------- department


def test_department_dialog_creates_and_refuses_a_second_one(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    with fast_store.session() as s:
        cid = contacts.create_company(s, contacts.CompanyInput(name="Schreinerei Öhler")).id
    dlg = DepartmentDialog(fast_store, cid)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    type_text(qtbot, dlg.name, "Möbelbau")
    qtbot.keyClick(dlg.name, Qt.Key.Key_Return)
    assert dlg.result() == QDialog.DialogCode.Accepted
    with fast_store.reader() as s:
        dept = s.get(Department, dlg.result_id)
        assert dept is not None and dept.name == "Möbelbau" and dept.company_id == cid

    again = DepartmentDialog(fast_store, cid)
    qtbot.addWidget(again)
    activate(qtbot, again)
    type_text(qtbot, again.name, "Möbelbau")
    qtbot.keyClick(again.name, Qt.Key.Key_Return)
    assert again.result() != QDialog.DialogCode.Accepted
    assert again.page.error_label("name").text() == "The department “Möbelbau” already exists."
    assert _count(fast_store, Department) == 1


# ---------------------------------------------------------------- activity


@pytest.mark.skipif(not HAS_ACTIVITIES, reason="crm_desktop.services.activities is not built yet")
def test_activity_dialog_logs_a_call_with_followup_and_links_a_ticket(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    store = fast_store
    demo = build_demo(store, clock)
    with store.reader() as s:
        number = s.get(Ticket, demo.ticket_id).number  # type: ignore[union-attr]
    dlg = ActivityDialog(store, person_id=demo.buyer_id, clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    assert dlg.company.current_id() == demo.company_id  # the person's company
    assert dlg.when.text() == "23.11.2026 10:00"  # now, in local time
    assert QApplication.focusWidget() is dlg.subject
    type_text(qtbot, dlg.subject, "Spindel nachgemessen")
    type_text(qtbot, dlg.text, "Unwucht bestätigt, Techniker kommt Donnerstag.")
    dlg.duration.setValue(15)
    type_text(qtbot, dlg.ticket, number)
    assert dlg.linked_ticket_id == demo.ticket_id
    assert number in dlg.ticket_info.text()
    dlg.project.set_current_id(demo.project_id)
    dlg.followup.setChecked(True)
    type_text(qtbot, dlg.followup_note, "Termin Techniker bestätigen")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)

    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.banner.text()
    with store.reader() as s:
        act = s.get(Activity, dlg.result_id)
        assert act is not None
        assert act.kind == ActivityKind.CALL
        assert act.subject == "Spindel nachgemessen"
        assert act.person_id == demo.buyer_id and act.company_id == demo.company_id
        assert act.ticket_id == demo.ticket_id and act.project_id == demo.project_id
        assert act.duration_minutes == 15
        assert act.occurred_at == clock.now()
        fup = s.execute(select(FollowUp).where(FollowUp.activity_id == act.id)).scalar_one()
        # 3 days later at 09:00 Berlin time = 08:00 UTC
        assert fup.due_at == dt.datetime(2026, 11, 26, 8, 0, tzinfo=dt.UTC)
        assert fup.note == "Termin Techniker bestätigen"


@pytest.mark.skipif(not HAS_ACTIVITIES, reason="crm_desktop.services.activities is not built yet")
def test_activity_dialog_complaint_opens_ticket_and_checks_fields(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    demo = build_demo(fast_store, clock)
    dlg = ActivityDialog(
        fast_store,
        kind=ActivityKind.COMPLAINT,
        prefill_text="Lieferung unvollständig",
        clock=clock,
    )
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    assert "new ticket" in dlg.ticket_info.text()
    # no person, no company: refused inline
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.page.error_label("person_id").text() == "An activity needs a person or a company."
    # a ticket number that does not exist is named at its field
    type_text(qtbot, dlg.person.lineEdit(), "Jörg Öztürk – Müller & Söhne Präzisionsmechanik")
    assert dlg.person.current_id() == demo.worker_id
    type_text(qtbot, dlg.ticket, "T-1999-0001")
    assert "no ticket" in dlg.ticket_info.text()
    type_text(qtbot, dlg.subject, f"Karte {CARD}")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "payment card number" in dlg.page.error_label("subject").text()
    dlg.subject.clear()
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.page.error_label("ticket_number").text() == "There is no ticket T-1999-0001."
    tickets_before = _count(fast_store, Ticket)
    dlg.ticket.clear()
    type_text(qtbot, dlg.subject, "Lieferung unvollständig")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.banner.text()
    assert _count(fast_store, Ticket) == tickets_before + 1
    with fast_store.reader() as s:
        act = s.get(Activity, dlg.result_id)
        assert act is not None and act.ticket_id is not None
        assert act.kind == ActivityKind.COMPLAINT
