"""The detail panes driven as a user would: tabs, links, in-place editing, consent."""

from __future__ import annotations

import datetime as dt
import decimal
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    ActivityKind,
    AddressKind,
    CompanyStatus,
    EmailKind,
    Opportunity,
    Person,
    PhoneKind,
    PipelineStage,
    Priority,
    Project,
    ProjectStatus,
)
from crm_desktop.data.store import Store, open_store
from crm_desktop.services import contacts
from crm_desktop.services.changes import Changes
from crm_desktop.services.contacts import (
    AddressInput,
    BankInput,
    CompanyInput,
    EmailInput,
    PersonInput,
    PhoneInput,
)
from crm_desktop.ui.detail import CompanyDetailPane, DetailStack, PersonDetailPane

CARD = "4111 1111 1111 1111"  # a Luhn-valid test card number


@dataclass
class Demo:
    company_id: int
    branch_id: int
    buyer_id: int  # Dr. Hans-Jürgen Großmann-Übelhör
    boss_id: int  # Bärbel Weißenfels-Köhler
    worker_id: int  # Jörg Öztürk
    ticket_id: int
    project_id: int
    opportunity_id: int


def build_demo(store: Store, clock: FixedClock) -> Demo:
    """Realistic data: a German company with a branch, departments, three people with
    several phones and addresses, a ticket, a project and an opportunity."""
    from crm_desktop.services import tickets

    with store.session() as s:
        comp = contacts.create_company(
            s,
            CompanyInput(
                name="Müller & Söhne Präzisionsmechanik",
                legal_form="GmbH & Co. KG",
                status=CompanyStatus.CUSTOMER,
                customer_since=dt.date(2019, 4, 1),
                priority=Priority.A,
                website="www.mueller-soehne-praezision.de",
                vat_id="DE136695976",
                register_court="Amtsgericht Stuttgart",
                register_number="HRA 723456",
                managing_directors="Bärbel Weißenfels-Köhler, Günther Müller",
                payment_terms="30 Tage netto, 2 % Skonto bei Zahlung innerhalb von 10 Tagen",
                notes="Stammkunde seit 2019. Jahresgespräch immer im Januar.",
                phones=[
                    PhoneInput("0711 2580-0", PhoneKind.WORK, "Zentrale"),
                    PhoneInput("0711 2580-99", PhoneKind.FAX),
                ],
                emails=[EmailInput("info@mueller-soehne-praezision.de")],
                addresses=[
                    AddressInput("Königsträßle 17", "70597", "Stuttgart", kind=AddressKind.MAIN),
                    AddressInput(
                        "Industriestraße 112",
                        "71229",
                        "Leonberg",
                        kind=AddressKind.DELIVERY,
                        extra="Tor 3, Warenannahme",
                    ),
                    AddressInput(
                        "Postfach 80 04 11", "70504", "Stuttgart", kind=AddressKind.BILLING
                    ),
                ],
                bank_accounts=[
                    BankInput(
                        "DE89370400440532013000",
                        "COBADEFFXXX",
                        "Müller & Söhne Präzisionsmechanik GmbH & Co. KG",
                        "Commerzbank Stuttgart",
                    )
                ],
                tags=["Maschinenbau", "Messe 2026"],
            ),
        )
        branch = contacts.create_company(
            s,
            CompanyInput(
                name="Müller & Söhne Niederlassung Österreich",
                legal_form="GmbH",
                parent_id=comp.id,
                status=CompanyStatus.CUSTOMER,
                addresses=[AddressInput("Mariahilfer Straße 88", "1070", "Wien", country="AT")],
            ),
        )
        einkauf = contacts.add_department(s, comp.id, "Einkauf")
        gf = contacts.add_department(s, comp.id, "Geschäftsführung")
        werkstatt = contacts.add_department(s, comp.id, "Werkstatt")
        boss = contacts.create_person(
            s,
            PersonInput(
                given_name="Bärbel",
                family_name="Weißenfels-Köhler",
                salutation="Frau",
                position="Geschäftsführerin",
                company_id=comp.id,
                department_id=gf.id,
                birth_date=dt.date(1966, 9, 12),
                phones=[PhoneInput("0711 2580-10", PhoneKind.WORK)],
                emails=[EmailInput("b.weissenfels@mueller-soehne-praezision.de")],
            ),
            clock=clock,
        )
        buyer = contacts.create_person(
            s,
            PersonInput(
                given_name="Hans-Jürgen",
                family_name="Großmann-Übelhör",
                title="Dr.",
                salutation="Herr",
                nickname="Hajo",
                birth_date=dt.date(1970, 3, 1),
                position="Leiter Einkauf und Materialwirtschaft",
                company_id=comp.id,
                department_id=einkauf.id,
                reports_to_id=boss.id,
                occupation="Diplom-Ingenieur (FH) Maschinenbau",
                marital_status="verheiratet",
                hobbies="Segeln am Bodensee, Rotwein aus Württemberg",
                profile_fields={"Lieblingswein": "Lemberger trocken", "Kinder": "Jonas, Lea"},
                contact_interval_days=30,
                priority=Priority.A,
                notes="Entscheidet über alle Bestellungen über 5.000 €.\nBitte vormittags anrufen.",
                phones=[
                    PhoneInput("0711 2580-117", PhoneKind.WORK, "Durchwahl"),
                    PhoneInput("0171 2345678", PhoneKind.MOBILE),
                    PhoneInput("07031 456789", PhoneKind.HOME),
                ],
                emails=[
                    EmailInput("h.grossmann@mueller-soehne-praezision.de", EmailKind.WORK),
                    EmailInput("hajo.grossmann@web.de", EmailKind.HOME),
                ],
                addresses=[
                    AddressInput("Königsträßle 17", "70597", "Stuttgart", kind=AddressKind.MAIN),
                    AddressInput(
                        "Schönbuchstraße 4",
                        "71032",
                        "Böblingen",
                        kind=AddressKind.HOME,
                        extra="Hinterhaus",
                    ),
                ],
                bank_accounts=[
                    BankInput("DE02120300000000202051", "BYLADEM1001", "Hans-Jürgen Großmann")
                ],
                payment_terms="14 Tage netto",
                tags=["Entscheider"],
            ),
            clock=clock,
        )
        worker = contacts.create_person(
            s,
            PersonInput(
                given_name="Jörg",
                family_name="Öztürk",
                position="Werkstattmeister",
                company_id=comp.id,
                department_id=werkstatt.id,
                reports_to_id=buyer.id,
                phones=[PhoneInput("0160 98765432", PhoneKind.MOBILE)],
            ),
            clock=clock,
        )
        ticket = tickets.open_ticket(
            s,
            "Spindel der CNC-Fräse läuft unrund",
            ActivityKind.COMPLAINT,
            person_id=buyer.id,
            clock=clock,
        )
        project = Project(
            name="Umrüstung Fertigungslinie 3",
            status=ProjectStatus.ACTIVE,
            company_id=comp.id,
            start_date=dt.date(2026, 10, 1),
            end_date=dt.date(2027, 3, 31),
            members=[buyer],
        )
        stage = PipelineStage(name="Angebot verschickt", position=3, probability=50)
        opp = Opportunity(
            title="Wartungsvertrag 2027",
            company_id=comp.id,
            person_id=buyer.id,
            stage=stage,
            value=decimal.Decimal("18450.00"),
            expected_close=dt.date(2026, 12, 15),
        )
        s.add_all([project, stage, opp])
        s.flush()
        from crm_desktop.services.activities import ActivityInput, log_activity

        log_activity(
            s,
            ActivityInput(
                ActivityKind.MEETING,
                subject="Jahresgespräch Rahmenvertrag",
                occurred_at=clock.now() - dt.timedelta(days=12, hours=2),
                person_id=buyer.id,
                duration_minutes=90,
            ),
            clock=clock,
        )
        log_activity(
            s,
            ActivityInput(
                ActivityKind.CALL,
                subject="Rückfrage zum Angebot Wartungsvertrag",
                occurred_at=clock.now() - dt.timedelta(days=1, hours=-5),
                person_id=buyer.id,
                opportunity_id=opp.id,
                followup_due_at=clock.now() + dt.timedelta(days=3),
                followup_note="Angebot nachfassen",
            ),
            clock=clock,
        )
        return Demo(comp.id, branch.id, buyer.id, boss.id, worker.id, ticket.id, project.id, opp.id)


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file per test session; copying it is much faster than
    migrating a new store for every test."""
    folder = tmp_path_factory.mktemp("template")
    store = open_store(data_dir=folder)
    store.dispose()
    return folder / "crm.sqlite3"


@pytest.fixture
def fast_store(_template_db: Path, tmp_path: Path) -> Iterator[Store]:
    """A real SQLite store in a temp dir (a copy of the migrated template)."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(_template_db, folder / "crm.sqlite3")
    store = open_store(data_dir=folder)
    yield store
    store.dispose()


@pytest.fixture(autouse=True)
def german_locale() -> object:
    """Format like a German desktop (the UI texts stay English: no translator loaded)."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


class UrlCatcher(QObject):
    """Receives tel:/mailto:/https: links instead of the desktop's handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def urls(qapp: QApplication) -> object:
    catcher = UrlCatcher()
    for scheme in ("tel", "mailto", "https", "http"):
        QDesktopServices.setUrlHandler(scheme, catcher, "handle")
    yield catcher
    for scheme in ("tel", "mailto", "https", "http"):
        QDesktopServices.unsetUrlHandler(scheme)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a user. QTest only knows ASCII keys; umlauts and other letters are sent
    as key events carrying their text, as a German keyboard does."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """Show the window and make it active, so that keyboard shortcuts reach it."""
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def _tab_titles(pane: QWidget) -> list[str]:
    tabs = pane.tabs  # type: ignore[attr-defined]
    return [tabs.tabText(i) for i in range(tabs.count())]


def save_shot(widget: QWidget, name: str, tmp_path: Path) -> Path:
    """Grab the widget; with $CRM_SHOTS_DIR also keep the PNG there."""
    QApplication.processEvents()
    pixmap = widget.grab()
    target_dir = Path(os.environ.get("CRM_SHOTS_DIR") or tmp_path)
    target_dir.mkdir(parents=True, exist_ok=True)
    path = target_dir / name
    assert pixmap.save(str(path))
    return path


# ---------------------------------------------------------------- tests


def test_person_pane_shows_tabs_links_and_relations(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, urls: UrlCatcher, tmp_path: Path
) -> None:
    demo = build_demo(fast_store, clock)
    pane = PersonDetailPane(fast_store, clock=clock)
    qtbot.addWidget(pane)
    pane.resize(980, 720)
    pane.show()
    pane.show_person(demo.buyer_id)

    assert pane.title.text() == "Herr Dr. Hans-Jürgen Großmann-Übelhör"
    assert "Müller &amp; Söhne Präzisionsmechanik" in pane.subtitle.text()
    assert pane.priority_badge.isVisible() and pane.priority_badge.text() == "Priority A"
    titles = _tab_titles(pane)
    assert titles[:5] == ["Overview", "Communication", "Addresses", "Bank && payment", "Profile"]
    assert "Tickets (1)" in titles and "Projects (1)" in titles and "Opportunities (1)" in titles
    assert "Consent" in titles

    # overview: birth date in German-style digits with age (clock: 2026-11-23)
    assert "01.03.1970" in pane.overview.text("birth_date")
    assert "(56 years)" in pane.overview.text("birth_date")
    assert "every 30 days" in pane.overview.text("interval")

    # communication: clickable tel:/mailto: links, formatted numbers
    comm = pane.communication.text()
    assert 'href="tel:+491712345678"' in comm and "0171 2345678" in comm
    assert 'href="mailto:hajo.grossmann@web.de"' in comm
    pane.communication.linkActivated.emit("tel:+491712345678")
    pane.communication.linkActivated.emit("mailto:hajo.grossmann@web.de")
    assert urls.urls == ["tel:+491712345678", "mailto:hajo.grossmann@web.de"]

    # addresses and bank: IBAN in groups of four
    assert "Schönbuchstraße 4" in pane.addresses.text()
    assert "Home address" in pane.addresses.text()
    assert "DE02 1203 0000 0000 2020 51" in pane.bank.text()
    assert "BYLADEM1001" in pane.bank.text()
    assert "14 Tage netto" in pane.bank.text()
    # profile with free fields
    assert "Lemberger trocken" in pane.profile.text()

    # the company link in the header opens the company
    with qtbot.waitSignal(pane.companyActivated) as sig:
        pane.subtitle.linkActivated.emit(f"crm:company/{demo.company_id}")
    assert sig.args == [demo.company_id]

    # relations: boss link, subordinate and colleagues are clickable
    assert f"crm:person/{demo.boss_id}" in pane.boss_label.text()
    assert pane.subordinates.ids() == [demo.worker_id]
    assert set(pane.colleagues.ids()) == {demo.boss_id, demo.worker_id}
    view = pane.subordinates.view
    with qtbot.waitSignal(pane.personActivated) as sig:
        view.activated.emit(pane.subordinates.model.index(0, 1))
    assert sig.args == [demo.worker_id]

    # tickets/projects/opportunities lists; double-click (activation) emits the id
    assert pane.tickets.ids() == [demo.ticket_id]
    assert pane.projects.ids() == [demo.project_id]
    assert pane.opportunities.model.item(0, 3).text() == "18.450,00 €"
    pane.tabs.setCurrentIndex(_tab_titles(pane).index("Tickets (1)"))
    QApplication.processEvents()
    rect = pane.tickets.view.visualRect(pane.tickets.model.index(0, 0))
    qtbot.mouseClick(pane.tickets.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(pane.ticketActivated, timeout=1000) as sig:
        qtbot.mouseDClick(
            pane.tickets.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    assert sig.args == [demo.ticket_id]

    pane.tabs.setCurrentIndex(0)
    save_shot(pane, "detail_person.png", tmp_path)


def test_company_pane_shows_departments_branches_and_bank(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, urls: UrlCatcher, tmp_path: Path
) -> None:
    demo = build_demo(fast_store, clock)
    pane = CompanyDetailPane(fast_store, clock=clock)
    qtbot.addWidget(pane)
    pane.resize(980, 720)
    pane.show()
    pane.show_company(demo.company_id)

    assert pane.title.text() == "Müller & Söhne Präzisionsmechanik"
    assert "GmbH &amp; Co. KG" in pane.subtitle.text()
    assert pane.status_badge.text() == "Customer"
    assert pane.priority_badge.text() == "Priority A"
    assert "DE89 3704 0044 0532 0130 00" in pane.bank.text()
    assert "30 Tage netto" in pane.bank.text()
    comm = pane.communication.text()
    assert 'href="tel:+4971125800"' in comm and "Zentrale" in comm
    assert 'href="https://www.mueller-soehne-praezision.de"' in comm
    addr = pane.addresses.text()
    for kind in ("Main address", "Delivery address", "Billing address"):
        assert kind in addr
    assert "Tor 3, Warenannahme" in addr

    # branches and departments with their people
    assert pane.branches.ids() == [demo.branch_id]
    model = pane.people.model
    depts = [model.item(r, 0).text() for r in range(model.rowCount())]
    assert depts == ["Einkauf", "Geschäftsführung", "Werkstatt"]
    einkauf = model.item(0, 0)
    assert einkauf.child(0, 0).text() == "Dr. Hans-Jürgen Großmann-Übelhör"
    with qtbot.waitSignal(pane.personActivated) as sig:
        pane.people.view.activated.emit(einkauf.child(0, 0).index())
    assert sig.args == [demo.buyer_id]
    with qtbot.waitSignal(pane.companyActivated) as sig:
        pane.branches.view.activated.emit(pane.branches.model.index(0, 0))
    assert sig.args == [demo.branch_id]

    # the branch shows its parent as a link
    pane.show_company(demo.branch_id)
    assert f"crm:company/{demo.company_id}" in pane.subtitle.text()

    pane.show_company(demo.company_id)
    save_shot(pane, "detail_company.png", tmp_path)


def test_edit_in_place_bad_phone_shows_inline_error_and_saves_nothing(
    qtbot: QtBot, store: Store, clock: FixedClock
) -> None:
    demo = build_demo(store, clock)
    pane = PersonDetailPane(store, clock=clock)
    qtbot.addWidget(pane)
    pane.show()
    pane.show_person(demo.buyer_id)
    changed: list[bool] = []
    pane.changed.connect(lambda: changed.append(True))

    activate(qtbot, pane)
    pane.tabs.setCurrentIndex(1)  # Communication: the editor opens on the same tab
    pane.tabs.setFocus()
    qtbot.keyClick(pane.tabs, Qt.Key.Key_F2)
    assert pane.editing
    form = pane.form
    assert form is not None
    assert form.tabs.currentIndex() == 1
    form.family.setText("Großmann")  # a valid change that must NOT be saved
    pane.show_person(demo.buyer_id)  # a refresh from the window keeps the edits
    assert pane.editing and pane.form is form
    row = form.phones.rows[1]
    row.number.clear()
    qtbot.keyClicks(row.number, "0171 12")  # too short
    qtbot.mouseClick(pane.save_button, Qt.MouseButton.LeftButton)

    assert pane.editing  # still editing: nothing saved
    assert row.error.isVisible()
    assert "is not a valid phone number" in row.error.text()
    assert row.number.property("invalid") is True
    assert form.tabs.currentIndex() == 1
    assert not changed
    with store.reader() as s:
        person = s.get(Person, demo.buyer_id)
        assert person is not None
        assert person.family_name == "Großmann-Übelhör"
        assert [p.number for p in person.phones][1] == "+491712345678"

    # fix it, press Enter in the field: saved in one go
    row.number.clear()
    qtbot.keyClicks(row.number, "0171 7654321")
    qtbot.keyClick(row.number, Qt.Key.Key_Return)
    assert not pane.editing
    assert changed == [True]
    with store.reader() as s:
        person = s.get(Person, demo.buyer_id)
        assert person is not None
        assert person.family_name == "Großmann"
        assert [p.number for p in person.phones][1] == "+491717654321"
    assert "0171 7654321" in pane.communication.text()


def test_edit_in_place_several_errors_and_card_number(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    demo = build_demo(fast_store, clock)
    pane = CompanyDetailPane(fast_store, clock=clock)
    qtbot.addWidget(pane)
    activate(qtbot, pane)
    pane.show_company(demo.company_id)
    pane.edit()
    form = pane.form
    assert form is not None
    form.name.clear()  # required
    form.notes.setPlainText(f"Karte {CARD} für Ersatzteile")  # card number in the notes
    form.addresses.rows[0].postcode.setText("7059")  # bad German postcode
    qtbot.mouseClick(pane.save_button, Qt.MouseButton.LeftButton)

    assert pane.editing
    assert form.tabs.currentIndex() == 0  # the first error's tab is shown
    assert form.field_error("name") == "Company name is required."
    notes_error = form.field_error("notes")
    assert "payment card number" in notes_error and "Notes:" in notes_error
    assert CARD not in notes_error and "1111" in notes_error
    addr_error = form.addresses.rows[0].error.text()
    assert "not a valid postcode for DE" in addr_error
    assert not form.tabs.tabIcon(2).isNull()  # the Addresses tab is marked
    with fast_store.reader() as s:
        comp = contacts.get_company(s, demo.company_id)
        assert comp.name == "Müller & Söhne Präzisionsmechanik"
        assert CARD not in comp.notes

    # Esc leaves the editor without saving
    qtbot.keyClick(form.name, Qt.Key.Key_Escape)
    assert not pane.editing


def test_consent_recorded_with_date_and_source_then_withdrawn(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    store = fast_store
    demo = build_demo(store, clock)
    pane = PersonDetailPane(store, clock=clock)
    qtbot.addWidget(pane)
    pane.show()
    pane.show_person(demo.buyer_id)
    pane.tabs.setCurrentWidget(pane.consent_page)
    assert "No marketing consent" in pane.consent_status.text()
    assert not pane.withdraw_consent_button.isEnabled()

    # a card number as the source is refused inline
    qtbot.keyClicks(pane.consent_source, CARD)
    qtbot.mouseClick(pane.give_consent_button, Qt.MouseButton.LeftButton)
    assert "payment card number" in pane.consent_error.text()
    with store.reader() as s:
        assert s.get(Person, demo.buyer_id).consent_marketing is False  # type: ignore[union-attr]

    pane.consent_source.clear()
    qtbot.keyClicks(pane.consent_source, "Messeformular Stuttgart")
    with qtbot.waitSignal(pane.changed):
        qtbot.mouseClick(pane.give_consent_button, Qt.MouseButton.LeftButton)
    # 09:00 UTC on 23.11.2026 is 10:00 in Berlin
    assert "Marketing consent given on" in pane.consent_status.text()
    assert "23.11.2026 10:00" in pane.consent_status.text()
    assert "Messeformular Stuttgart" in pane.consent_status.text()
    with store.reader() as s:
        p = s.get(Person, demo.buyer_id)
        assert p is not None and p.consent_marketing
        assert p.consent_at == clock.now()
        assert p.consent_source == "Messeformular Stuttgart"

    clock.advance(days=2)
    qtbot.mouseClick(pane.withdraw_consent_button, Qt.MouseButton.LeftButton)
    assert "withdrawn on" in pane.consent_status.text()
    with store.reader() as s:
        p = s.get(Person, demo.buyer_id)
        assert p is not None and not p.consent_marketing
        assert p.consent_withdrawn_at == clock.now()


def test_detail_stack_empty_state_and_switching(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    stack = DetailStack(fast_store, clock=clock)
    qtbot.addWidget(stack)
    assert stack.currentWidget() is stack.empty_page
    assert "still empty" in stack.empty.text() and "demo-data" in stack.empty.text()

    demo = build_demo(fast_store, clock)
    stack.clear()
    assert "Select a company or person" in stack.empty.text()
    stack.show_person(demo.worker_id)
    assert stack.currentWidget() is stack.person_pane
    with qtbot.waitSignal(stack.personActivated) as sig:
        stack.person_pane.boss_label.linkActivated.emit(f"crm:person/{demo.buyer_id}")
    assert sig.args == [demo.buyer_id]
    stack.show_company(demo.company_id)
    assert stack.currentWidget() is stack.company_pane
    with qtbot.waitSignal(stack.changed):
        stack.company_pane.changed.emit(Changes.of("company", demo.company_id))

    # a record that went to the trash shows a clear message, not a crash
    with fast_store.session() as s:
        contacts.delete_person(s, demo.worker_id, clock=clock)
    stack.show_person(demo.worker_id)
    assert "does not exist" in stack.person_pane.title.text()
    assert not stack.person_pane.edit_button.isEnabled()
