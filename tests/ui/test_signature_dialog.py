"""The signature dialog: paste a signature or imprint, check the form, save company and
person; errors inline; an existing company is offered."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Company, Person, PhoneKind
from crm_desktop.data.store import Store, open_store
from crm_desktop.services import contacts
from crm_desktop.services.contacts import CompanyInput
from crm_desktop.ui.signature_dialog import SignatureDialog

SIGNATURE = """Mit freundlichen Grüßen

Dr. Katrin Schäfer-Böhm
Leiterin Einkauf

Schäfer Haustechnik GmbH & Co. KG
Industriestraße 12
70565 Stuttgart
Tel. +49 711 2580-30 | Fax +49 711 2580-99
Mobil 0171 2345678
k.schaefer@schaefer-haustechnik.de
www.schaefer-haustechnik.de

Amtsgericht Stuttgart HRA 723456
Geschäftsführer: Bärbel Weißenfels, Günther Schäfer
USt-IdNr.: DE136695976
"""


@pytest.fixture(scope="session")
def sig_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sig_template")
    store = open_store(data_dir=folder)
    store.dispose()
    return folder / "crm.sqlite3"


@pytest.fixture
def fast_store(sig_template: Path, tmp_path: Path) -> Iterator[Store]:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(sig_template, folder / "crm.sqlite3")
    store = open_store(data_dir=folder)
    yield store
    store.dispose()


@pytest.fixture(autouse=True)
def german_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def count(store: Store, model: type) -> int:
    with store.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_paste_fills_the_form_and_save_creates_company_and_person(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    dlg = SignatureDialog(fast_store, clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    # pasting reads the text after a short pause
    dlg.paste.setPlainText(SIGNATURE)
    qtbot.waitUntil(lambda: dlg.family_name.text() == "Schäfer-Böhm", timeout=3000)
    assert dlg.company.text() == "Schäfer Haustechnik"
    assert dlg.legal_form.text() == "GmbH & Co. KG"
    assert (dlg.street.text(), dlg.postcode.text(), dlg.city.text()) == (
        "Industriestraße 12",
        "70565",
        "Stuttgart",
    )
    assert dlg.vat_id.text() == "DE136695976"
    assert dlg.register_court.text() == "Amtsgericht Stuttgart"
    assert dlg.register_number.text() == "HRA 723456"
    assert dlg.directors.text() == "Bärbel Weißenfels, Günther Schäfer"
    assert (dlg.title.text(), dlg.given_name.text()) == ("Dr.", "Katrin")
    assert dlg.position.text() == "Leiterin Einkauf"
    assert [p.kind for p in dlg.phones.items()] == [PhoneKind.WORK, PhoneKind.MOBILE]
    assert [p.kind for p in dlg.company_phones.items()] == [PhoneKind.FAX]
    assert [e.address for e in dlg.emails.items()] == ["k.schaefer@schaefer-haustechnik.de"]
    assert "Recognised:" in dlg.found.text()
    # the user corrects a field before saving
    dlg.position.setText("Leiterin Einkauf und Logistik")
    assert dlg.save()
    with fast_store.reader() as s:
        company = s.execute(select(Company)).scalar_one()
        person = s.execute(select(Person)).scalar_one()
        assert company.name == "Schäfer Haustechnik"
        assert company.legal_form == "GmbH & Co. KG"
        assert company.vat_id == "DE136695976"
        assert company.register_number == "HRA 723456"
        assert company.managing_directors == "Bärbel Weißenfels, Günther Schäfer"
        assert company.addresses[0].city == "Stuttgart"
        assert [p.kind for p in company.phones] == [PhoneKind.FAX]
        assert person.company_id == company.id
        assert (person.title, person.given_name, person.family_name) == (
            "Dr.",
            "Katrin",
            "Schäfer-Böhm",
        )
        assert person.position == "Leiterin Einkauf und Logistik"
        assert sorted(p.number for p in person.phones) == ["+491712345678", "+49711258030"]
        assert [e.address for e in person.emails] == ["k.schaefer@schaefer-haustechnik.de"]
        assert dlg.person_id == person.id


def test_errors_are_shown_inline_and_nothing_is_saved(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    dlg = SignatureDialog(fast_store, clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.set_text(SIGNATURE)
    dlg.vat_id.setText("DE123")  # not a valid VAT id
    dlg.emails.rows[0].address.setText("k.schaefer@")  # type: ignore[attr-defined]
    assert not dlg.save()
    assert dlg.form.error_label("vat_id").isVisible()
    email_error = dlg.emails.rows[0].error
    assert not email_error.isHidden()
    assert email_error.text() == "“k.schaefer@” is not a valid e-mail address."
    assert count(fast_store, Company) == 0
    assert count(fast_store, Person) == 0
    # an empty form says what is missing
    dlg.set_text("")
    assert not dlg.save()
    assert "at least a company" in dlg.form.error_label("company").text()


def test_existing_company_is_offered(qtbot: QtBot, fast_store: Store, clock: FixedClock) -> None:
    with fast_store.session() as s:
        cid = contacts.create_company(s, CompanyInput(name="Schäfer Haustechnik")).id
    dlg = SignatureDialog(fast_store, clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.set_text(SIGNATURE)
    assert dlg.use_existing.isVisible() and dlg.use_existing.isChecked()
    assert not dlg.vat_id.isEnabled()
    assert dlg.save()
    assert count(fast_store, Company) == 1
    with fast_store.reader() as s:
        assert s.execute(select(Person.company_id)).scalar_one() == cid


def test_imprint_without_person_creates_the_company(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    imprint = """Impressum
Angaben gemäß § 5 TMG
Köhler & Partner Steuerberatungsgesellschaft mbH
Königsallee 1
40212 Düsseldorf
Telefon: +49 211 555000
E-Mail: info@koehler-partner.example
Vertreten durch: Birgit Weiß-Köhler
Registergericht: Amtsgericht Düsseldorf, HRB 98765
"""
    dlg = SignatureDialog(fast_store, clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.set_text(imprint)
    assert dlg.given_name.text() == "" and dlg.family_name.text() == ""
    assert [e.address for e in dlg.company_emails.items()] == ["info@koehler-partner.example"]
    assert dlg.save()
    assert count(fast_store, Person) == 0
    with fast_store.reader() as s:
        company = s.execute(select(Company)).scalar_one()
        assert company.register_number == "HRB 98765"
        assert company.emails[0].address == "info@koehler-partner.example"
        assert company.phones[0].number == "+49211555000"
