"""The German .qm that ships: plural forms and key names as a German desktop shows them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from crm_desktop.app import _daily_jobs, install_translators
from crm_desktop.clock import FixedClock
from crm_desktop.data.models import FollowUp
from crm_desktop.data.store import Store
from crm_desktop.services import bulk, contacts
from crm_desktop.services import pipeline as pl
from crm_desktop.ui.i18n import import_reason_text, undo_text
from crm_desktop.ui.main_window import native_keys


@pytest.fixture
def german_app(qapp: QApplication) -> Iterator[list[QTranslator]]:
    before = QLocale()
    installed = install_translators(qapp, "de")
    yield installed
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)


def test_plural_forms(german_app: list[QTranslator]) -> None:
    assert len(german_app) == 2  # ours and Qt's own
    tr = QCoreApplication.translate
    assert tr("TodayView", "1 day ago") == "vor 1 Tag"
    assert tr("TodayView", "%n days ago", "", 5) == "vor 5 Tagen"
    assert tr("TodayView", "%n days", "", 14) == "14 Tage"
    assert tr("PersonDetailPane", "every day") == "täglich"
    assert tr("PersonDetailPane", "every %n days", "", 30) == "alle 30 Tage"
    # texts the quote rules store (app.py passes them to the domain)
    assert tr("App", "Quote follow-up {n}: {title}") == "Angebot nachfassen ({n}): {title}"


def test_shortcut_names_are_the_desktops(german_app: list[QTranslator]) -> None:
    assert native_keys("Ctrl+F") == "Strg+F"
    assert native_keys("Ctrl+1 / 2 / 3") == "Strg+1 / 2 / 3"
    assert native_keys("F5") == "F5"


def test_quote_reminders_are_stored_in_the_windows_language(
    german_app: list[QTranslator], sqlite_store: Store
) -> None:
    clock = FixedClock(dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC))
    with sqlite_store.session() as s:
        company = contacts.create_company(s, contacts.CompanyInput(name="Tischlerei Vogt"))
        opp = pl.create_opportunity(
            s, pl.OpportunityInput(title="Einbauküche", company_id=company.id), clock=clock
        )
        pl.mark_quote_sent(s, opp.id, clock=clock)
    clock.advance(days=8)
    _daily_jobs(sqlite_store, SimpleNamespace(clock=clock))  # what the window runs at start
    with sqlite_store.reader() as s:
        notes = list(s.scalars(select(FollowUp.note).where(FollowUp.opportunity_id == opp.id)))
    assert notes == ["Angebot nachfassen (1): Einbauküche"]


def test_undo_entries_read_in_german(german_app: list[QTranslator], sqlite_store: Store) -> None:
    clock = FixedClock(dt.datetime(2026, 11, 23, 9, tzinfo=dt.UTC))
    with sqlite_store.session() as s:
        a = contacts.create_company(s, contacts.CompanyInput(name="Bäckerei Krüger")).id
        b = contacts.create_company(s, contacts.CompanyInput(name="Malerbetrieb Yilmaz")).id
        bulk.tag(s, "company", [a, b], "Messe 2026", clock)
        bulk.set_field(s, "company", [a, b], "status", "customer", clock)
        bulk.set_field(s, "company", [a], "needs_review", True, clock)
        bulk.delete_many(s, "company", [b], clock)
    with sqlite_store.reader() as s:
        texts = [undo_text(e.action, e.payload, e.label) for e in bulk.undo_stack(s, 10)]
    assert texts == [
        "1 in den Papierkorb gelegt",
        "Zu prüfen bei 1 auf „ja“ gesetzt",
        "Status bei 2 auf „Kunde“ gesetzt",
        "Schlagwort „Messe 2026“ bei 2 hinzugefügt",
    ]
    # an entry of an older version keeps its stored label
    assert undo_text("bulk-tag", {"tag_id": 3, "ids": [1]}, "Tag “x” added to 1") == (
        "Tag “x” added to 1"
    )


def test_import_reasons_read_in_german(german_app: list[QTranslator]) -> None:
    stored = "given_name shortened to 100 characters; phone number “0711 12” is not valid"
    assert import_reason_text(stored) == (
        "Vorname auf 100 Zeichen gekürzt; Telefonnummer „0711 12“ ist ungültig"
    )
    assert import_reason_text("the row has 3 fields, the header 5") == (
        "die Zeile hat 3 Felder, die Kopfzeile 5"
    )
    assert import_reason_text("something new") == "something new"  # no template: as stored
    # error messages the importer stores as they are
    assert (
        import_reason_text("no name; The birth date 2031-05-01 lies in the future.")
        == "kein Name; Das Geburtsdatum 01.05.2031 liegt in der Zukunft."  # the user's date format
    )
    card = (
        "notes: this looks like a payment card number (4111 •••• •••• 1111). Card numbers are "
        "never stored, to protect you and your customers (PCI DSS); please remove it."
    )
    assert import_reason_text(card) == (
        "Notizen: Dies sieht nach einer Kreditkartennummer aus (4111 •••• •••• 1111). "
        "Kartennummern werden zum Schutz von Ihnen und Ihren Kunden nie gespeichert (PCI DSS); "
        "bitte entfernen Sie sie."
    )


def test_edit_undo_labels_in_german(german_app: list[QTranslator], sqlite_store: Store) -> None:
    from crm_desktop.ui.dialogs import PersonForm

    form = PersonForm(sqlite_store)
    assert form.edit_label(["phones"], "Anna Schäfer") == ("Telefonnummer von Anna Schäfer ändern")
    assert form.edit_label(["position", "notes"], "Anna Schäfer") == "Anna Schäfer bearbeiten"
    tr = QCoreApplication.translate
    assert tr("MainWindow", "&Undo: {what}").format(what="x") == "&Rückgängig: x"
    form.deleteLater()
