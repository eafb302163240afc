"""vCard details as clients write them, and export → parse keeping every field."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from crm_desktop.data.models import (
    Address,
    AddressKind,
    Company,
    Department,
    Email,
    EmailKind,
    Person,
    Phone,
    PhoneKind,
    Tag,
)
from crm_desktop.data.store import Store
from crm_desktop.errors import ImportFileError
from crm_desktop.interop.records import NO_YEAR, ContactRecord, RowError
from crm_desktop.interop.vcard import parse_vcards
from crm_desktop.services.vcard_export import export_vcards, record_from_person


def _one(text: str | bytes) -> ContactRecord:
    out = parse_vcards(text)
    assert len(out) == 1 and isinstance(out[0], ContactRecord), out
    return out[0]


def _card(*lines: str, version: str = "3.0") -> str:
    return "\r\n".join(["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD", ""])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("19700301", dt.date(1970, 3, 1)),
        ("1970-03-01", dt.date(1970, 3, 1)),
        ("--0301", dt.date(NO_YEAR, 3, 1)),
        ("--03-01", dt.date(NO_YEAR, 3, 1)),
        ("1970-03-01T00:00:00Z", dt.date(1970, 3, 1)),
        ("19700301T120000", dt.date(1970, 3, 1)),
    ],
)
def test_birthday_forms(value: str, expected: dt.date) -> None:
    assert _one(_card("FN:A B", f"BDAY:{value}")).birth_date == expected


def test_apple_year_less_birthday_and_impossible_birthday() -> None:
    rec = _one(_card("FN:A B", "BDAY;X-APPLE-OMIT-YEAR=1604:1604-05-17"))
    assert rec.birth_date == dt.date(NO_YEAR, 5, 17)
    bad = _one(_card("FN:A B", "BDAY:1980-02-31"))
    assert bad.birth_date is None
    assert bad.problems and "1980-02-31" in bad.problems[0]


def test_folding_qp_charsets_and_line_ends() -> None:
    text = (
        "BEGIN:VCARD\r\r\nVERSION:2.1\r\r\n"
        "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen\r\r\n"
        "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Zeile 1=0D=0AZeile =\r\r\n2 =C3=A4\r\r\n"
        "TITLE:Sehr langer\r\r\n  Titel\r\r\n"
        "END:VCARD\r\r\n"
    )
    rec = _one(text)
    assert (rec.given_name, rec.family_name) == ("Jürgen", "Müller")
    assert rec.notes == "Zeile 1\nZeile 2 ä"
    assert rec.position == "Sehr langer Titel"


def test_21_params_groups_org_departments_and_no_n() -> None:
    rec = _one(
        _card(
            "FN:Dr. Anna Maria Schmidt",
            "ORG:Muster AG;Vertrieb;Innendienst",
            "TEL;WORK;FAX:0711 1",
            "TEL;HOME;VOICE:0711 2",
            "item1.TEL:0711 3",
            "item1.X-ABLabel:_$!<Mobile>!$_",
            "item2.EMAIL:a@b.de",
            "item2.X-ABLabel:work",
            'ADR;TYPE="home,pref":;;Weg 1;Ulm;;89073;Deutschland',
            "PHOTO;VALUE=uri:data:image/png;base64,iVBORw0KGgo=",
        )
    )
    assert (rec.title, rec.given_name, rec.family_name) == ("Dr.", "Anna Maria", "Schmidt")
    assert (rec.company, rec.department) == ("Muster AG", "Vertrieb / Innendienst")
    assert rec.phones == [
        (PhoneKind.FAX, "0711 1"),
        (PhoneKind.HOME, "0711 2"),
        (PhoneKind.MOBILE, "0711 3"),
    ]
    assert rec.emails == [(EmailKind.WORK, "a@b.de")]
    assert rec.addresses[0].kind == AddressKind.HOME
    assert (rec.addresses[0].street, rec.addresses[0].city) == ("Weg 1", "Ulm")
    assert rec.photo == b"\x89PNG\r\n\x1a\n"


def test_card_without_n_and_fn_keeps_its_values() -> None:
    rec = _one(_card("EMAIL:x@y.de"))
    assert not rec.has_person_name
    assert rec.emails == [(EmailKind.OTHER, "x@y.de")]
    assert rec.label() == "x@y.de (card 1)"


def test_many_cards_in_one_file_and_text_outside_cards() -> None:
    text = "junk before\n" + "".join(_card(f"N:Nr{i};Max") for i in range(50)) + "junk after\n"
    out = parse_vcards(text)
    assert [r.family_name for r in out if isinstance(r, ContactRecord)] == [
        f"Nr{i}" for i in range(50)
    ]


def test_a_huge_text_value_rejects_only_that_card() -> None:
    text = _card("FN:A B", "NOTE:" + "x" * 70_000) + _card("FN:C D")
    out = parse_vcards(text)
    assert isinstance(out[0], RowError) and "too long" in out[0].reason
    assert isinstance(out[1], ContactRecord) and out[1].family_name == "D"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello world\n",
        "BEGIN:VCARD\nVERSION:3.0\nFN:A\n",  # truncated
        "BEGIN:VCALENDAR\nEND:VCALENDAR\n",
    ],
)
def test_unreadable_files(text: str) -> None:
    with pytest.raises(ImportFileError):
        parse_vcards(text)


def test_binary_bytes_are_refused() -> None:
    with pytest.raises(ImportFileError, match="not a text file"):
        parse_vcards(b"BEGIN:VCARD\x00\x01\x02" * 50)


# ---------------------------------------------------------------- round trip


def _rich_person(store: Store) -> int:
    with store.session() as s:
        company = Company(name="Müller & Söhne GmbH")
        s.add(company)
        s.flush()
        dept = Department(company_id=company.id, name="Vertrieb; Innendienst")
        s.add(dept)
        s.flush()
        person = Person(
            salutation="Herr",
            title="Dr.",
            given_name="Jürgen",
            family_name="Müller-Lüdenscheidt",
            nickname="Jü",
            birth_date=dt.date(1968, 3, 1),
            position="Leiter, Vertrieb",
            occupation="Ingenieur",
            company_id=company.id,
            department_id=dept.id,
            profile_fields={
                "additional_names": "Karl Otto",
                "name_suffix": "MBA",
                "website": "https://example.com/a?b=c;d",
            },
            notes="Zeile 1\nZeile 2; mit Komma, Semikolon; und \\ Backslash",
            vcard_uid="urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1",
            photo=b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
            emails=[
                Email(kind=EmailKind.WORK, address="j.mueller@example.com"),
                Email(kind=EmailKind.HOME, address="juergen@example.org"),
                Email(kind=EmailKind.OTHER, address="jm@example.net"),
            ],
            phones=[
                Phone(kind=PhoneKind.WORK, number="+4971112345"),
                Phone(kind=PhoneKind.MOBILE, number="+491701234567"),
                Phone(kind=PhoneKind.HOME, number="+4971199999"),
                Phone(kind=PhoneKind.FAX, number="+4971112346"),
                Phone(kind=PhoneKind.OTHER, number="0711 kaputt"),
            ],
            addresses=[
                Address(
                    kind=AddressKind.MAIN,
                    street="Königstraße 1",
                    extra="Hinterhaus, 2. OG",
                    postcode="70173",
                    city="Stuttgart",
                    region="BW",
                    country="DE",
                ),
                Address(
                    kind=AddressKind.BILLING,
                    street="Postweg 2",
                    postcode="1010",
                    city="Wien",
                    country="AT",
                ),
                Address(
                    kind=AddressKind.DELIVERY,
                    street="Lager 3",
                    postcode="8001",
                    city="Zürich",
                    country="CH",
                ),
                Address(
                    kind=AddressKind.HOME,
                    street="Gartenweg 4",
                    postcode="70174",
                    city="Stuttgart",
                    country="DE",
                ),
                Address(
                    kind=AddressKind.OTHER,
                    street="Ferienhaus 5",
                    postcode="18055",
                    city="Rostock",
                    country="DE",
                ),
            ],
            tags=[Tag(name="Kunde"), Tag(name="A, wichtig")],
        )
        s.add(person)
        s.flush()
        return person.id


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_export_parse_round_trip_keeps_every_field(sqlite_store: Store, version: str) -> None:
    pid = _rich_person(sqlite_store)
    with sqlite_store.reader() as s:
        person = s.get(Person, pid)
        assert person is not None
        expected = record_from_person(person)
        text = export_vcards([person], version)
    assert f"VERSION:{version}" in text
    parsed = _one(text)
    strip = {"source": "", "line": None, "problems": []}
    assert dataclasses.replace(parsed, **strip) == dataclasses.replace(expected, **strip)
    assert parsed.addresses[1].kind == AddressKind.BILLING
    assert parsed.tags == ["A, wichtig", "Kunde"]


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_round_trip_year_less_birthday_and_minimal_person(
    sqlite_store: Store, version: str
) -> None:
    with sqlite_store.session() as s:
        a = Person(given_name="Ohne", family_name="Jahr", birth_date=dt.date(NO_YEAR, 2, 29))
        b = Person(given_name="", family_name="", emails=[Email(address="nur@mail.de")])
        s.add_all([a, b])
        s.flush()
        text = export_vcards([a, b], version)
    out = parse_vcards(text)
    assert isinstance(out[0], ContactRecord) and out[0].birth_date == dt.date(NO_YEAR, 2, 29)
    assert isinstance(out[1], ContactRecord) and out[1].emails == [(EmailKind.WORK, "nur@mail.de")]
    if version == "4.0":
        assert "BDAY:--0229" in text
    else:
        assert "X-APPLE-OMIT-YEAR=1604" in text
