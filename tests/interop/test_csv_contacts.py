"""CSV import: encodings, delimiters, presets, dates — and every sample field by field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crm_desktop.data.models import AddressKind, EmailKind, PhoneKind
from crm_desktop.errors import ImportFileError
from crm_desktop.interop.csv_contacts import PRESETS, read_csv, sniff
from crm_desktop.interop.records import (
    NO_YEAR,
    AddressRecord,
    ContactRecord,
    DateProblem,
    RowError,
    parse_date_text,
)
from tests.conftest import SAMPLES, needs_samples

CSVS = SAMPLES / "csv"


def _records(path: Path, mapping: dict[str, str] | None = None) -> list[ContactRecord]:
    out = list(read_csv(path, mapping))
    assert all(isinstance(r, ContactRecord) for r in out), out
    return [r for r in out if isinstance(r, ContactRecord)]


@needs_samples
def test_sniff_samples() -> None:
    en = sniff(CSVS / "outlook-en.csv")
    assert (en.encoding, en.delimiter, en.preset) == ("utf-8-sig", ",", "outlook-en")
    assert en.headers[:3] == ["First Name", "Middle Name", "Last Name"]
    assert len(en.preview) == 3 and en.preview[0][0] == "Anna"
    de = sniff(CSVS / "outlook-de.csv")
    assert (de.encoding, de.delimiter, de.preset) == ("cp1252", ";", "outlook-de")
    assert "Straße geschäftlich" in de.headers
    assert de.mapping["Straße geschäftlich"] == "address.main.street"
    google = sniff(CSVS / "google.csv")
    assert (google.encoding, google.delimiter, google.preset) == ("utf-8", ",", "google")
    assert len(google.preview) == 2


@needs_samples
def test_outlook_en_sample() -> None:
    anna, peter, firm = _records(CSVS / "outlook-en.csv")
    assert (anna.given_name, anna.family_name) == ("Anna", "Schäfer")
    assert anna.birth_date == dt.date(1975, 3, 14)  # US 3/14/1975
    assert anna.notes == "Met at trade fair\nprefers calls after 10"
    assert anna.emails == [(EmailKind.WORK, "a.schaefer@schaefer-soehne.example")]
    assert anna.phones == [(PhoneKind.MOBILE, "0171 2345678"), (PhoneKind.WORK, "+49 89 1234567")]
    assert (anna.company, anna.position, anna.department) == (
        "Schäfer & Söhne GmbH",
        "Einkaufsleiterin",
        "Einkauf",
    )
    assert anna.addresses == [
        AddressRecord(
            AddressKind.MAIN, "Leopoldstraße 12", "", "80802", "München", "", "Deutschland"
        )
    ]
    assert anna.tags == ["Kunde", "A"]
    assert anna.source == "line 2"

    assert (peter.given_name, peter.additional_names, peter.family_name) == (
        "Peter",
        "J.",
        "O'Neill",
    )
    assert peter.birth_date is None  # Outlook's empty 0/0/00
    assert peter.problems == []
    assert peter.emails == [
        (EmailKind.WORK, "peter@acme.example"),
        (EmailKind.OTHER, "pjo@home.example"),
    ]
    assert peter.phones == [(PhoneKind.WORK, "(212) 555-0100")]
    assert (peter.company, peter.position) == ("Acme, Inc.", "CTO")
    assert peter.addresses == [
        AddressRecord(
            AddressKind.MAIN, "1 Main St", "", "10001", "New York", "NY", "United States of America"
        )
    ]
    assert peter.source == "line 4"  # Anna's note spans two lines

    assert firm.is_company_only
    assert firm.company == "Nur Firma KG"
    assert firm.emails == [(EmailKind.WORK, "info@nurfirma.example")]
    assert firm.phones == [(PhoneKind.WORK, "030 9876543")]


@needs_samples
def test_outlook_de_sample_windows_1252_semicolon() -> None:
    juergen, birgit, uenal = _records(CSVS / "outlook-de.csv")
    assert (juergen.salutation, juergen.given_name, juergen.family_name) == (
        "Herr",
        "Jürgen",
        "Müller",
    )
    assert (juergen.company, juergen.department, juergen.position) == (
        "Müller Maschinenbau GmbH",
        "Vertrieb",
        "Vertriebsleiter",
    )
    assert juergen.addresses == [
        AddressRecord(
            AddressKind.MAIN, "Industriestraße 5", "", "70565", "Stuttgart", "", "Deutschland"
        )
    ]
    assert juergen.phones == [
        (PhoneKind.WORK, "0711 123456"),
        (PhoneKind.FAX, "0711 123457"),
        (PhoneKind.MOBILE, "0160 9876543"),
    ]
    assert juergen.emails == [(EmailKind.WORK, "j.mueller@mueller-mb.example")]
    assert juergen.birth_date == dt.date(1968, 3, 1)
    assert juergen.notes == "Rückruf wegen Angebot 2026-17; Preis: 1.250,00 €"
    assert juergen.tags == ["Kunde"]

    assert (birgit.salutation, birgit.given_name, birgit.additional_names, birgit.family_name) == (
        "Frau",
        "Birgit",
        "Maria",
        "Weiß-Köhler",
    )
    assert (birgit.company, birgit.position) == ("Köhler & Partner", "Steuerberaterin")
    assert birgit.addresses == [
        AddressRecord(
            AddressKind.MAIN, "Königsallee 1", "", "40212", "Düsseldorf", "", "Deutschland"
        )
    ]
    assert birgit.phones == [(PhoneKind.WORK, "+49 211 555000")]
    assert birgit.emails == [
        (EmailKind.WORK, "b.weiss@koehler-partner.example"),
        (EmailKind.OTHER, "birgit@privat.example"),
    ]
    assert birgit.birth_date == dt.date(1980, 2, 29)

    assert (uenal.given_name, uenal.family_name, uenal.company) == ("Ünal", "Yilmaz", "")
    assert uenal.addresses == [
        AddressRecord(AddressKind.HOME, "Hauptstr. 3", "", "50667", "Köln", "", "")
    ]
    assert uenal.phones == [(PhoneKind.MOBILE, "0152 1111222"), (PhoneKind.HOME, "0221 333444")]
    assert uenal.emails == [] and uenal.birth_date is None
    assert uenal.notes == "Privatkontakt"


@needs_samples
def test_google_sample() -> None:
    sabine, thomas = _records(CSVS / "google.csv")
    assert (sabine.given_name, sabine.family_name, sabine.formatted_name) == (
        "Sabine",
        "Fischer",
        "Sabine Fischer",
    )
    assert sabine.birth_date == dt.date(1982, 7, 9)
    assert sabine.notes == "Freelancer, Logo-Projekt"
    assert sabine.tags == ["Kunden"]  # "* myContacts" is a system group
    assert sabine.emails == [
        (EmailKind.WORK, "s.fischer@fischer-design.example"),
        (EmailKind.WORK, "sabine@web.example"),
    ]
    assert sabine.phones == [
        (PhoneKind.MOBILE, "+49 151 23456789"),
        (PhoneKind.MOBILE, "+49 30 1234567"),
    ]
    assert sabine.addresses == [
        AddressRecord(AddressKind.MAIN, "Torstraße 1", "", "10119", "Berlin", "", "Deutschland")
    ]
    assert (sabine.company, sabine.position) == ("Fischer Design", "Inhaberin")

    assert (thomas.given_name, thomas.family_name) == ("Thomas", "Becker")
    assert thomas.birth_date == dt.date(NO_YEAR, 5, 17)  # --05-17
    assert thomas.phones == [(PhoneKind.WORK, "040 555 12 34")]
    assert (thomas.company, thomas.department) == ("Becker Logistik GmbH & Co. KG", "Disposition")
    assert thomas.tags == [] and thomas.emails == []
    assert thomas.source == "line 5"  # Sabine's address spans three lines


def test_google_formatted_address_only(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text(
        'Name,Address 1 - Type,Address 1 - Formatted\n"Eva Roth",Home,"Am Markt 3\n'
        'c/o Meier\n01067 Dresden\nDeutschland"\n',
        encoding="utf-8",
    )
    (eva,) = _records(path, PRESETS["google"])
    assert (eva.given_name, eva.family_name) == ("Eva", "Roth")
    assert eva.addresses == [
        AddressRecord(
            AddressKind.HOME, "Am Markt 3", "c/o Meier", "01067", "Dresden", "", "Deutschland"
        )
    ]


@pytest.mark.parametrize(
    ("raw", "order", "expected"),
    [
        ("3/14/1975", "mdy", dt.date(1975, 3, 14)),
        ("14/3/1975", "auto", dt.date(1975, 3, 14)),
        ("01.03.1968", "dmy", dt.date(1968, 3, 1)),
        ("1.3.68", "auto", dt.date(1968, 3, 1)),
        ("1968-03-01", "auto", dt.date(1968, 3, 1)),
        ("--05-17", "auto", dt.date(NO_YEAR, 5, 17)),
        ("0/0/00", "mdy", None),
        ("", "auto", None),
    ],
)
def test_date_forms(raw: str, order: str, expected: dt.date | None) -> None:
    assert parse_date_text(raw, order) == expected


@pytest.mark.parametrize("raw", ["31.02.1980", "2/30/1990", "1990-13-01", "gestern"])
def test_impossible_dates_raise(raw: str) -> None:
    with pytest.raises(DateProblem):
        parse_date_text(raw)


def test_impossible_birthday_flags_the_row_not_the_file(tmp_path: Path) -> None:
    path = tmp_path / "de.csv"
    path.write_text(
        "Vorname;Nachname;Geburtstag\nAnna;Alt;31.02.1980\nBen;Gut;01.02.1980\n", "cp1252"
    )
    anna, ben = _records(path)
    assert anna.birth_date is None and "31.02.1980" in anna.problems[0]
    assert ben.birth_date == dt.date(1980, 2, 1) and ben.problems == []


def test_generic_headers_tab_and_utf16(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text(
        "Name\tE-Mail\tHandy\tPLZ\tOrt\tStraße\tFirma\nDr. Eva Roth\teva@x.de\t0170 1\t10115\tBerlin\tWeg 1\tX GmbH\n",
        encoding="utf-16",
    )
    info = sniff(path)
    assert (info.encoding, info.delimiter, info.preset) == ("utf-16", "\t", "generic")
    (eva,) = _records(path)
    assert (eva.title, eva.given_name, eva.family_name, eva.company) == (
        "Dr.",
        "Eva",
        "Roth",
        "X GmbH",
    )
    assert eva.emails == [(EmailKind.WORK, "eva@x.de")]
    assert eva.phones == [(PhoneKind.MOBILE, "0170 1")]
    assert (eva.addresses[0].street, eva.addresses[0].postcode, eva.addresses[0].city) == (
        "Weg 1",
        "10115",
        "Berlin",
    )


def test_explicit_mapping_and_row_with_too_many_fields(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("a,b,c\nMax,Muster,m@x.de\nTom,Too,t@x.de,extra\n", encoding="utf-8")
    out = list(read_csv(path, {"a": "given_name", "b": "family_name", "c": "email.home"}))
    assert isinstance(out[0], ContactRecord) and out[0].emails == [(EmailKind.HOME, "m@x.de")]
    assert isinstance(out[1], RowError) and out[1].line == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'Vorname,Nachname\n"Anna "die Gro\xc3\x9fe" Schmidt",X\n', "quotes"),
        (b'Vorname,Nachname\n"Anna,unclosed\n', "Line 2"),
        (b"Vorname,Nachname\n" + b"A" * 200_000 + b",B\n", "longer than"),
        (b"\x00\x01\x02\x03binary" * 100, "not a text file"),
        (b"Vorname\n\x81\x8d\x8f\x90\x9d\xff\xfe", "neither UTF-8 nor Windows-1252"),
        (b"", "empty"),
        (b"foo,bar,baz\n1,2,3\n", "No column"),
    ],
)
def test_broken_csv_raises_import_file_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        list(read_csv(path))
