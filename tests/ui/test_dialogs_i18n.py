"""Translated error messages, enum labels and locale formatting used by the dialogs."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from crm_desktop.data.models import AddressKind, EmailKind, PhoneKind, TicketStatus
from crm_desktop.errors import MultipleErrors, ValidationError
from crm_desktop.services import cardguard
from crm_desktop.services import validation as v
from crm_desktop.ui import format as fmt
from crm_desktop.ui.i18n import enum_label, field_label, phone_kind_label, translate_error

GERMAN = {
    ("errors", "{label} is required."): "{label} ist erforderlich.",
    ("errors", "Company name"): "Firmenname",
    ("errors", "“{value}” is not a valid phone number (check the area code and length)."): (
        "„{value}“ ist keine gültige Telefonnummer (Vorwahl und Länge prüfen)."
    ),
    ("fields", "Phone {n}"): "Telefon {n}",
    ("fields", "Notes"): "Notizen",
    ("enums", "Home"): "Privat",
    ("format", "Today"): "Heute",
}


class FakeGerman(QTranslator):
    """A translator with a few German texts, standing in for the compiled .qm file."""

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return GERMAN.get((context, source))  # None: not translated (a null QString)

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    translator = FakeGerman()
    QCoreApplication.installTranslator(translator)
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)


def test_errors_are_translated_with_their_parameters(german: None) -> None:
    err = ValidationError("{label} is required.", field="name", label="Company name")
    assert translate_error(err) == "Firmenname ist erforderlich."
    with pytest.raises(ValidationError) as info:
        v.normalize_phone("0711 12", field="phones.0")
    assert translate_error(info.value) == (
        "„0711 12“ ist keine gültige Telefonnummer (Vorwahl und Länge prüfen)."
    )
    both = MultipleErrors([err, info.value])
    assert translate_error(both).split("\n") == [
        "Firmenname ist erforderlich.",
        "„0711 12“ ist keine gültige Telefonnummer (Vorwahl und Länge prüfen).",
    ]


def test_card_message_names_the_field_in_words(german: None) -> None:
    with pytest.raises(ValidationError) as info:
        cardguard.guard("4111 1111 1111 1111", "phones.1")
    text = translate_error(info.value)  # the message itself is not in the fake catalogue
    assert text.startswith("Telefon 2: this looks like a payment card number (••••")
    with pytest.raises(ValidationError) as info2:
        cardguard.guard("Karte 4111111111111111", "notes")
    assert translate_error(info2.value).startswith("Notizen:")


def test_untranslated_texts_fall_back_to_english(qapp: QApplication) -> None:
    assert field_label("addresses.0.postcode") == "Address 1, Postcode"
    assert field_label("profile.Lieblingswein") == "Lieblingswein"
    assert field_label("unknown_field") == "unknown_field"
    err = ValidationError("{label} is required.", field="name", label="Company name")
    assert translate_error(err) == "Company name is required."


def test_enum_labels_keep_equal_values_of_different_enums_apart(german: None) -> None:
    # PhoneKind.HOME == EmailKind.HOME == AddressKind.HOME == "home" as strings
    assert phone_kind_label(PhoneKind.HOME) == "Privat"
    assert enum_label(EmailKind.HOME) == "Private"  # no German in the fake catalogue
    assert enum_label(AddressKind.HOME) == "Home address"
    assert enum_label(TicketStatus.OPEN) == "Open"
    assert enum_label(None) == ""


def test_formatting_follows_the_locale(german: None) -> None:
    moment = dt.datetime(2026, 11, 24, 13, 0, tzinfo=dt.UTC)  # 14:00 in Berlin
    assert fmt.format_datetime(moment) == "24.11.2026 14:00"
    assert fmt.format_date(dt.date(1970, 3, 1)) == "01.03.1970"
    assert fmt.format_money(decimal.Decimal("1250")) == "1.250,00 €"
    assert fmt.format_money(decimal.Decimal("-3.5"), "CHF") == "-3,50 CHF"
    assert fmt.format_iban("DE89370400440532013000") == "DE89 3704 0044 0532 0130 00"
    assert fmt.format_phone("+4971125800") == "0711 25800"
    assert fmt.format_phone("+4315123456") == "+43 1 5123456"
    today = dt.date(2026, 11, 23)  # a Monday
    assert fmt.relative_day(today, today) == "Heute"
    assert fmt.relative_day(dt.date(2026, 11, 26), today) == "Donnerstag"
    assert fmt.relative_day(dt.date(2026, 12, 24), today) == "24.12.2026"
    assert fmt.format_relative(moment, dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)) == (
        "Heute 14:00"
    )

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert fmt.format_money(decimal.Decimal("1250")) == "€1,250.00"
    assert fmt.format_date(dt.date(1970, 3, 1)) == "3/1/1970"
