"""Every validation rule with good and bad values."""

from __future__ import annotations

import datetime as dt

import pytest

from crm_desktop.domain import cardguard
from crm_desktop.errors import CardNumberError, ValidationError
from crm_desktop.services import validation as v


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("0711 123456", "DE", "+49711123456"),
        ("+49 (0)711 123456", "DE", "+49711123456"),
        ("0049 160 9876543", "DE", "+491609876543"),
        ("0160/9876543", "DE", "+491609876543"),
        ("+43 1 5880", "DE", "+4315880"),
        ("01 5880", "AT", "+4315880"),
        ("(212) 555-0100", "US", "+12125550100"),
    ],
)
def test_phone_normalised_to_e164(raw: str, region: str, expected: str) -> None:
    assert v.normalize_phone(raw, region) == expected


@pytest.mark.parametrize("raw", ["", "12", "abc", "0711", "+49 711 1234567890123", "++49"])
def test_bad_phone_refused_with_message(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        v.normalize_phone(raw)
    assert info.value.field == "phone"
    assert "phone" in info.value.text().lower()


def test_phone_display_national_and_international() -> None:
    assert v.format_phone("+49711123456") == "0711 123456"
    assert v.format_phone("+4315880").startswith("+43")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("max@example.com", "max@example.com"),
        (" Max.Mustermann@Example.COM ", "Max.Mustermann@example.com"),
        ("mailto:info@müller.de", "info@müller.de"),
    ],
)
def test_email_ok(raw: str, expected: str) -> None:
    assert v.normalize_email(raw) == expected


@pytest.mark.parametrize("raw", ["", "max", "max@", "@example.com", "max@@example.com", "a b@c.de"])
def test_email_bad(raw: str) -> None:
    with pytest.raises(ValidationError, match="e-mail"):
        v.normalize_email(raw)


def test_iban_and_bic() -> None:
    assert v.normalize_iban("DE89 3704 0044 0532 0130 00") == "DE89370400440532013000"
    assert v.normalize_iban("at61 1904 3002 3457 3201") == "AT611904300234573201"
    with pytest.raises(ValidationError, match="IBAN"):
        v.normalize_iban("DE89 3704 0044 0532 0130 01")  # wrong check digits
    with pytest.raises(ValidationError, match="IBAN"):
        v.normalize_iban("DE89")
    assert v.normalize_bic("COBADEFFXXX") == "COBADEFFXXX"
    assert v.normalize_bic("cobadeff") == "COBADEFF"
    with pytest.raises(ValidationError, match="BIC"):
        v.normalize_bic("COBA")


def test_vat_ids() -> None:
    assert v.normalize_vat_id("DE 136,695 976") == "DE136695976"
    assert v.normalize_vat_id("ATU13585627") == "ATU13585627"
    with pytest.raises(ValidationError, match="VAT"):
        v.normalize_vat_id("DE136695977")
    with pytest.raises(ValidationError):
        v.normalize_vat_id("XX1")


def test_birth_dates() -> None:
    today = dt.date(2026, 11, 23)
    assert v.check_birth_date(dt.date(1970, 3, 1), today) == dt.date(1970, 3, 1)
    with pytest.raises(ValidationError, match="future"):
        v.check_birth_date(dt.date(2027, 1, 1), today)
    with pytest.raises(ValidationError, match="older than"):
        v.check_birth_date(dt.date(1890, 1, 1), today)


def test_parse_date_refuses_impossible_dates() -> None:
    assert v.parse_date("01.03.1968") == dt.date(1968, 3, 1)
    assert v.parse_date("1980-02-29") == dt.date(1980, 2, 29)
    for bad in ["31.02.2020", "2021-02-29", "32.1.2000", "gestern", ""]:
        with pytest.raises(ValidationError, match="not a valid date"):
            v.parse_date(bad)


@pytest.mark.parametrize(
    ("code", "country", "ok"),
    [
        ("70565", "DE", True),
        ("7056", "DE", False),
        ("1010", "AT", True),
        ("10100", "AT", False),
        ("8001", "CH", True),
        ("1012 AB", "NL", True),
        ("SW1A 1AA", "GB", True),
        ("00-950", "PL", True),
        ("ABCDE", "DE", False),
        ("12345", "ZZ", True),  # unknown country: accepted as typed
    ],
)
def test_postcodes(code: str, country: str, ok: bool) -> None:
    if ok:
        assert v.normalize_postcode(code, country) == code.upper()
    else:
        with pytest.raises(ValidationError, match="postcode"):
            v.normalize_postcode(code, country)


def test_country_codes() -> None:
    assert v.country_code("Deutschland") == "DE"
    assert v.country_code("Österreich") == "AT"
    assert v.country_code("ch") == "CH"
    assert v.country_code("") == "DE"


def test_required_and_website() -> None:
    with pytest.raises(ValidationError, match="required"):
        v.required("  ", "name", "Name")
    assert v.normalize_website(" mueller.example ") == "mueller.example"
    assert v.normalize_website("") is None
    with pytest.raises(ValidationError):
        v.normalize_website("kein web")


@pytest.mark.parametrize(
    "text",
    [
        "4111111111111111",
        "Karte: 4111 1111 1111 1111, bitte abbuchen",
        "5500-0000-0000-0004",
        "Amex 3782 822463 10005",
        "visa 4012888888881881.",
    ],
)
def test_card_numbers_found(text: str) -> None:
    assert cardguard.find_card_number(text) is not None
    with pytest.raises(CardNumberError) as info:
        cardguard.guard(text, "notes")
    assert "card number" in info.value.text()
    assert info.value.field == "notes"
    assert "1111 1111" not in info.value.text()  # the number itself is masked


@pytest.mark.parametrize(
    "text",
    [
        "+49 711 123456",
        "DE89 3704 0044 0532 0130 00",
        "Auftrag 2026-17, Menge 1.250,00",
        "4111111111111112",  # fails Luhn
        "0000000000000000",  # all the same digit
        "Rechnung 123456789012",  # 12 digits
        "",
    ],
)
def test_not_card_numbers(text: str) -> None:
    assert cardguard.find_card_number(text) is None
    cardguard.guard(text, "notes")


def test_card_number_next_to_other_numbers() -> None:
    assert cardguard.find_card_number("Weg 1 4111 1111 1111 1111") is not None
    assert cardguard.find_card_number("Betrag 250 4111-1111-1111-1111 bis 12 2027") is not None
    # two phone numbers side by side are not a card number
    for text in [
        "0711 123456 0160 9876543",
        "Tel 0711 1234567 Fax 0711 1234568",
        "Kundennr 12345 Auftrag 67890 Menge 1000 Stück",
    ]:
        assert cardguard.find_card_number(text) is None, text
