"""Classes of real contact files that used to fail (issue #19), each with a file of the
same kind written here in the same dialect: UTF-16 without BOM (Apple Address Book),
lines folded inside a UTF-8 character (ownCloud), Apple company cards, Thunderbird's
CSV export, Google's 6th phone and e-mail, phones without a country, and the export
(UID, folded PHOTO, country names, 3.0 by default, a lossless CSV layout)."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crm_desktop.cli.main import main
from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    Address,
    AddressKind,
    Company,
    Email,
    EmailKind,
    Person,
    Phone,
    PhoneKind,
    Tag,
)
from crm_desktop.data.store import Store, open_store
from crm_desktop.interop.csv_contacts import read_csv, sniff
from crm_desktop.interop.records import ContactRecord, decode_text
from crm_desktop.interop.vcard import parse_vcards, read_vcards
from crm_desktop.services import exporter
from crm_desktop.services.importer import import_file, import_records
from crm_desktop.services.vcard_export import export_vcards
from tests.conftest import SAMPLES

FIXTURES = Path(__file__).parent / "fixtures"

APPLE_CARD = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "PRODID:-//Apple Inc.//macOS 14.0//EN\r\n"
    "N:Bäcker;Jürgen;;;\r\n"
    "FN:Jürgen Bäcker\r\n"
    "ORG:Bäckerei Bäcker;\r\n"
    "item1.TEL;type=pref:+49 711 1234567\r\n"
    "item1.X-ABLabel:_$!<Mobile>!$_\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "PRODID:-//Apple Inc.//macOS 14.0//EN\r\n"
    "N:;;;;\r\n"
    "FN:Schäfer & Söhne GmbH\r\n"
    "ORG:Schäfer & Söhne GmbH;\r\n"
    "TEL;type=WORK;type=VOICE;type=pref:+49 89 1234567\r\n"
    "EMAIL;type=INTERNET;type=WORK:info@schaefer.example\r\n"
    "X-ABShowAs:COMPANY\r\n"
    "END:VCARD\r\n"
)


def _count(store: Store, model: type) -> int:
    with store.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_vcard_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "Apple.vcf"
    path.write_bytes(APPLE_CARD.encode(encoding))  # Address Book: no BOM
    first, second = read_vcards(path)
    assert isinstance(first, ContactRecord) and isinstance(second, ContactRecord)
    assert (first.given_name, first.family_name) == ("Jürgen", "Bäcker")
    assert decode_text(APPLE_CARD.encode(encoding))[1] == encoding


def test_utf16_without_bom_csv_is_read() -> None:
    path = FIXTURES / "utf16-without-bom.csv"
    info = sniff(path)
    assert info.encoding == "utf-16-le"
    (rec,) = list(read_csv(path))
    assert isinstance(rec, ContactRecord)
    assert (rec.given_name, rec.family_name) == ("Jürgen", "Müller")


def test_binary_with_zero_bytes_is_still_refused(tmp_path: Path) -> None:
    from crm_desktop.errors import ImportFileError

    data = bytes(range(256)) * 8
    with pytest.raises(ImportFileError, match="not a text file"):
        decode_text(data)


def test_owncloud_fold_inside_a_utf8_character() -> None:
    """ownCloud folds at 75 octets, also in the middle of "ü": unfold bytes, then decode."""
    line = "NOTE:" + "Grüße aus Köln, " * 6
    raw = line.encode("utf-8")
    cut = raw.index("ü".encode()) + 1  # between the two bytes of "ü"
    folded = raw[:cut] + b"\r\n " + raw[cut:]
    data = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Sabre//Sabre VObject 4.1.6//EN\r\n"
        b"FN:J\xc3\xbcrgen M\xc3\xbcl\r\n ler\r\nN:M\xc3\xbc\r\n ller;J\xc3\xbcrgen;;;\r\n"
        + folded
        + b"\r\nEND:VCARD\r\n"
    )
    (rec,) = parse_vcards(data)
    assert isinstance(rec, ContactRecord)
    assert rec.formatted_name == "Jürgen Müller"
    assert rec.family_name == "Müller"
    assert rec.notes == line[5:].strip()


# ---------------------------------------------------------------- Apple company cards


def test_apple_company_card_becomes_a_company(sqlite_store: Store, clock: FixedClock) -> None:
    person, firm = parse_vcards(APPLE_CARD)
    assert isinstance(firm, ContactRecord) and firm.is_company_only
    assert (firm.given_name, firm.family_name, firm.formatted_name) == ("", "", "")
    assert isinstance(person, ContactRecord) and not person.is_company_only
    with sqlite_store.session() as s:
        report = import_records(s, [person, firm], clock=clock)
    assert report.rejected == []
    with sqlite_store.reader() as s:
        names = sorted(s.scalars(select(Company.name)))
        people = [(p.given_name, p.family_name) for p in s.scalars(select(Person))]
    assert names == ["Bäckerei Bäcker", "Schäfer & Söhne GmbH"]
    assert people == [("Jürgen", "Bäcker")]


# ---------------------------------------------------------------- Thunderbird CSV

THUNDERBIRD_HEADER = (
    "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,"
    "Work Phone,Home Phone,Fax Number,Pager Number,Mobile Number,Home Address,"
    "Home Address 2,Home City,Home State,Home ZipCode,Home Country,Work Address,"
    "Work Address 2,Work City,Work State,Work ZipCode,Work Country,Job Title,Department,"
    "Organization,Web Page 1,Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,Custom 2,"
    "Custom 3,Custom 4,Notes,"
)


def _thunderbird(tmp_path: Path) -> Path:
    rows = [
        THUNDERBIRD_HEADER,
        "Anna,Schäfer,Anna Schäfer,,anna@schaefer.example,anna.privat@example.org,annas,"
        "0711 123456,-,,,0171 2345678,Gartenweg 3,,Esslingen,BW,73728,Germany,"
        "Hauptstraße 5,2. OG,Stuttgart,BW,70173,Germany,Einkauf,Einkauf,Schäfer GmbH,"
        "https://schaefer.example,https://anna.example,1975,3,14,VIP,,,,Met at fair,",
        "Bob,Miller,Bob Miller,,bob@miller.example,,,,,,,,,,,,,,,,,,,,,,,,,,5,17,,,,,,",
    ]
    path = tmp_path / "thunderbird.csv"
    path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    return path


def test_thunderbird_csv_keeps_emails_addresses_and_birthday(tmp_path: Path) -> None:
    path = _thunderbird(tmp_path)
    assert sniff(path).preset == "thunderbird"
    anna, bob = list(read_csv(path))
    assert isinstance(anna, ContactRecord) and isinstance(bob, ContactRecord)
    assert anna.emails == [
        (EmailKind.WORK, "anna@schaefer.example"),
        (EmailKind.OTHER, "anna.privat@example.org"),
    ]
    assert anna.phones == [(PhoneKind.WORK, "0711 123456"), (PhoneKind.MOBILE, "0171 2345678")]
    assert any("placeholder" in d for d in anna.dropped)  # Home Phone "-"
    home, work = sorted(anna.addresses, key=lambda a: a.kind != AddressKind.HOME)
    assert (home.street, home.postcode, home.city, home.country) == (
        "Gartenweg 3",
        "73728",
        "Esslingen",
        "Germany",
    )
    assert (work.kind, work.street, work.extra, work.city) == (
        AddressKind.MAIN,
        "Hauptstraße 5",
        "2. OG",
        "Stuttgart",
    )
    assert anna.birth_date == dt.date(1975, 3, 14)
    assert (anna.company, anna.position, anna.website) == (
        "Schäfer GmbH",
        "Einkauf",
        "https://schaefer.example",
    )
    assert any("anna.example" in d for d in anna.dropped)  # the second web page
    assert bob.birth_date is not None and (bob.birth_date.month, bob.birth_date.day) == (5, 17)


def test_thunderbird_import_report_names_what_is_left_out(
    sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    report = import_file(sqlite_store, _thunderbird(tmp_path), clock=clock)
    assert report.imported == 2
    assert report.unused_columns["Screen Name"] == 1
    assert report.unused_columns["Custom 1"] == 1
    assert report.unused_columns["Custom 2"] == 0
    data = report.as_dict()
    assert {"column": "Screen Name", "values": 1} in data["unused_columns"]
    assert data["dropped_count"] == 2
    assert any("placeholder" in d["value"] for d in data["dropped"])
    text = report.summary_text()
    assert "column not imported: Screen Name (1 values)" in text
    assert "dropped from Anna Schäfer (line 2)" in text
    with sqlite_store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Email)) == 3
        assert s.scalar(select(func.count()).select_from(Address)) == 2
        assert sorted(s.scalars(select(Phone.number))) == ["+491712345678", "+49711123456"]


# ---------------------------------------------------------------- Google CSV


def test_google_sixth_phone_and_email_are_read(
    sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    header = ["Name", "Given Name", "Family Name", "Group Membership"]
    row = ["Carla Rossi", "Carla", "Rossi", "* myContacts"]
    for n in range(1, 8):
        header += [f"E-mail {n} - Type", f"E-mail {n} - Value"]
        row += ["* Work" if n == 1 else "Other", f"carla{n}@example.org"]
    for n in range(1, 8):
        header += [f"Phone {n} - Type", f"Phone {n} - Value"]
        row += ["Mobile", f"+49 171 100000{n}"]
    header += ["Website 1 - Type", "Website 1 - Value", "Website 2 - Value", "Relation 1 - Value"]
    row += ["Work", "https://one.example", "https://two.example", "Marco"]
    path = tmp_path / "google.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerow(row)
    assert sniff(path).preset == "google"
    (rec,) = list(read_csv(path))
    assert isinstance(rec, ContactRecord)
    assert [e for _k, e in rec.emails] == [f"carla{n}@example.org" for n in range(1, 8)]
    assert len(rec.phones) == 7
    report = import_file(sqlite_store, path, clock=clock)
    assert report.imported == 1
    assert set(report.unused_columns) == {"Website 1 - Type", "Relation 1 - Value"}
    assert [what for _r, what in report.dropped] == [
        "column “Website 2 - Value”: “https://two.example” (only one website is kept)"
    ]
    with sqlite_store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Email)) == 7
        assert s.scalar(select(func.count()).select_from(Phone)) == 7


# ---------------------------------------------------------------- phones without a country


def _phones_of(store: Store, clock: FixedClock, region: str, number: str) -> list[str]:
    rec = ContactRecord(given_name="Eva", family_name=f"Test {region} {number}")
    rec.phones = [(PhoneKind.WORK, number)]
    from crm_desktop.interop.records import AddressRecord

    rec.addresses = [AddressRecord(street="Somewhere 1", city="Town", country="")]
    with store.session() as s:
        report = import_records(s, [rec], clock=clock, region=region)
        pid = report.created_ids[0]
        return [p.number for p in s.scalars(select(Phone).where(Phone.person_id == pid))] + [
            why for _r, why in report.flagged
        ]


def test_phones_with_an_empty_country(sqlite_store: Store, clock: FixedClock) -> None:
    """International numbers are read as they are; national ones in the default phone
    region; an empty country never makes digits without the trunk 0 a German number."""
    assert _phones_of(sqlite_store, clock, "DE", "+1 212 555 0100") == ["+12125550100"]
    assert _phones_of(sqlite_store, clock, "DE", "0044 20 7946 0958") == ["+442079460958"]
    assert _phones_of(sqlite_store, clock, "DE", "0711 123456") == ["+49711123456"]
    assert _phones_of(sqlite_store, clock, "AT", "0171 2345678") == ["+431712345678"]
    us = _phones_of(sqlite_store, clock, "DE", "(212) 555-0100")
    assert us[0] == "(212) 555-0100"  # kept as typed …
    assert "is not valid" in us[1]  # … and flagged, not +49 212 (Solingen)
    assert _phones_of(sqlite_store, clock, "US", "(212) 555-0100") == ["+12125550100"]


# ---------------------------------------------------------------- export


def _person(s: object, **kw: object) -> Person:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    p = Person(given_name="Anna", family_name="Schäfer", **kw)
    s.add(p)
    s.flush()
    return p


def test_vcard_export_uid_photo_country_and_default_version(
    sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    photo = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 100  # 25 KB
    with sqlite_store.session() as s:
        p = _person(s, photo=photo)
        p.addresses.append(
            Address(
                kind=AddressKind.MAIN,
                street="Hauptstraße 5",
                postcode="70173",
                city="Stuttgart",
                country="DE",
            )
        )
        p.emails.append(Email(kind=EmailKind.WORK, address="anna@schaefer.example"))
        pid = p.id
    out = tmp_path / "people.vcf"
    with sqlite_store.reader() as s:
        assert exporter.export_vcard(s, out) == 1
        again = export_vcards(s.scalars(select(Person)).all())
    text = out.read_bytes().decode("utf-8")
    assert "VERSION:3.0" in text
    assert max(len(line.encode("utf-8")) for line in text.split("\r\n")) <= 75
    unfolded = text.replace("\r\n ", "")
    uid = next(line[4:] for line in unfolded.split("\r\n") if line.startswith("UID:"))
    assert uid.startswith("urn:uuid:")
    assert f"UID:{uid}" in again.replace("\r\n ", "")  # stable
    assert ";Stuttgart;;70173;Germany" in unfolded
    (rec,) = read_vcards(out)
    assert isinstance(rec, ContactRecord)
    assert rec.photo == photo and rec.vcard_uid == uid
    # the export read back is the same person: never copied, not even with "create"
    report = import_file(sqlite_store, out, clock=clock)
    assert (report.imported, report.unchanged) == (0, 1)
    with sqlite_store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 1
        stored = s.get(Person, pid)
        assert stored is not None and stored.addresses[0].country == "DE"


def test_full_csv_layout_round_trip(sqlite_store: Store, clock: FixedClock, tmp_path: Path) -> None:
    with sqlite_store.session() as s:
        p = _person(
            s,
            salutation="Frau",
            title="Dr.",
            nickname="Anni",
            position="Einkauf",
            occupation="Kauffrau",
            birth_date=dt.date(1975, 3, 14),
            notes="Zeile 1\nZeile 2",
            profile_fields={"additional_names": "Maria", "website": "https://a.example"},
        )
        p.tags.append(Tag(name="VIP"))
        for i, kind in enumerate([EmailKind.WORK, EmailKind.HOME, EmailKind.OTHER]):
            p.emails.append(Email(kind=kind, address=f"anna{i}@example.org"))
        for i, pkind in enumerate(
            [PhoneKind.WORK, PhoneKind.WORK, PhoneKind.MOBILE, PhoneKind.FAX, PhoneKind.HOME]
        ):
            p.phones.append(Phone(kind=pkind, number=f"+4971112345{i}"))
        for i, akind in enumerate([AddressKind.MAIN, AddressKind.HOME, AddressKind.DELIVERY]):
            p.addresses.append(
                Address(
                    kind=akind,
                    street=f"Weg {i}",
                    extra="Hinterhaus" if i else None,
                    postcode="1010" if i == 2 else f"7017{i}",
                    city="Stuttgart",
                    country="AT" if i == 2 else "DE",
                )
            )
        _person(s).family_name = "Ohne"
    out = tmp_path / "full.csv"
    with sqlite_store.reader() as s:
        assert exporter.export_csv(s, "people", out, layout="full") == 2
        before = [_snapshot(x) for x in s.scalars(select(Person).order_by(Person.id))]
    assert sniff(out).preset == "full"
    with _fresh_store(tmp_path / "other") as fresh:
        report = import_file(fresh, out, clock=clock)
        assert report.imported == 2 and report.flagged == []
        assert set(report.unused_columns) == {"ID"} and report.dropped == []
        with fresh.reader() as s:
            after = [_snapshot(x) for x in s.scalars(select(Person).order_by(Person.id))]
    assert after == before


@contextlib.contextmanager
def _fresh_store(path: Path) -> Iterator[Store]:
    store = open_store(data_dir=path)
    try:
        yield store
    finally:
        store.dispose()


def _snapshot(p: Person) -> dict[str, object]:
    return {
        "names": (p.salutation, p.title, p.given_name, p.family_name, p.nickname),
        "work": (p.position, p.occupation, p.birth_date, p.notes),
        "profile": dict(p.profile_fields or {}),
        "tags": sorted(t.name for t in p.tags),
        "emails": [(e.kind, e.address) for e in p.emails],
        "phones": sorted((ph.kind, ph.number) for ph in p.phones),
        "addresses": [
            (a.kind, a.street, a.extra, a.postcode, a.city, a.country) for a in p.addresses
        ],
    }


def test_cli_export_layout_and_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = str(tmp_path / "data")
    src = tmp_path / "apple.vcf"
    src.write_bytes(APPLE_CARD.encode("utf-16-le"))
    assert main(["--data-dir", data_dir, "import", str(src), "--json"]) == 0
    (report,) = json.loads(capsys.readouterr().out)
    assert report["imported"] == 2 and len(report["created_company_ids"]) == 2
    assert report["unused_columns"] == [] and report["dropped_count"] == 0
    out = tmp_path / "people.csv"
    args = ["--data-dir", data_dir, "export", "--format", "csv", "--layout", "full"]
    assert main([*args, "--out", str(out)]) == 0
    assert "Phone 1 kind" in out.read_text(encoding="utf-8-sig").splitlines()[0]
    vcf = tmp_path / "people.vcf"
    assert main(["--data-dir", data_dir, "export", "--format", "vcard", "--out", str(vcf)]) == 0
    assert "VERSION:3.0" in vcf.read_text(encoding="utf-8")


@pytest.mark.skipif(not (SAMPLES / "vcard").is_dir(), reason="no shared samples")
def test_shared_samples_export_folded(sqlite_store: Store, clock: FixedClock) -> None:
    import_file(sqlite_store, SAMPLES / "vcard" / "John_Doe_IPHONE.vcf", clock=clock)
    with sqlite_store.reader() as s:
        text = export_vcards(s.scalars(select(Person)).all())
    assert max(len(line.encode("utf-8")) for line in text.split("\r\n")) <= 75


def test_vcard_report_names_properties_and_second_values(
    sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    """What a card holds but no field takes is in the report, not lost silently."""
    path = tmp_path / "outlook.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Kraus;Eva;;;\r\nFN:Eva Kraus\r\n"
        "URL;TYPE=WORK:https://work.example\r\nURL;TYPE=HOME:https://home.example\r\n"
        "X-MS-MANAGER:Otto Kraus\r\nANNIVERSARY:20010512\r\n"
        "PHOTO;VALUE=uri:https://pics.example/eva.jpg\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    report = import_file(sqlite_store, path, clock=clock)
    assert report.imported == 1
    assert report.unused_columns == {"ANNIVERSARY": 1, "X-MS-MANAGER": 1}
    assert [what for _r, what in report.dropped] == [
        "URL: “https://home.example” (only one website is kept)",
        "PHOTO: a link to a picture elsewhere (not fetched)",
    ]
    assert "property not imported: X-MS-MANAGER (1 values)" in report.summary_text()
