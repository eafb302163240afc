"""Every sample vCard (written by real programs) parses into the right fields."""

from __future__ import annotations

import datetime as dt

import pytest

from crm_desktop.data.models import AddressKind, EmailKind, PhoneKind
from crm_desktop.interop.records import NO_YEAR, AddressRecord, ContactRecord, RowError
from crm_desktop.interop.vcard import read_vcards
from tests.conftest import SAMPLES, needs_samples

VCARDS = SAMPLES / "vcard"
N = "Ñ"


def _records(name: str) -> list[ContactRecord]:
    out = read_vcards(VCARDS / name)
    assert all(isinstance(r, ContactRecord) for r in out), out
    return [r for r in out if isinstance(r, ContactRecord)]


def _one(name: str) -> ContactRecord:
    records = _records(name)
    assert len(records) == 1
    return records[0]


@needs_samples
def test_every_sample_file_is_covered() -> None:
    covered = {
        "John_Doe_ANDROID.vcf",
        "John_Doe_GMAIL.vcf",
        "John_Doe_IPHONE.vcf",
        "John_Doe_MS_OUTLOOK.vcf",
        "gmail-list.vcf",
        "outlook-2007.vcf",
        "rfc6350-example.vcf",
        "thunderbird-MoreFunctionsForAddressBook-extension.vcf",
    }
    assert {p.name for p in VCARDS.glob("*.vcf")} == covered


@needs_samples
def test_android_21_quoted_printable_six_cards() -> None:
    cards = _records("John_Doe_ANDROID.vcf")
    assert len(cards) == 6
    # 1, 2: only an e-mail (no N, no FN)
    assert cards[0].emails == [(EmailKind.OTHER, "john.doe@company.com")]
    assert cards[1].emails == [(EmailKind.OTHER, "jane.doe@company.com")]
    assert not cards[0].given_name and not cards[0].family_name
    assert cards[0].tags == []  # "My Contacts" is Android's system group
    # 3: QP name with UTF-8 Ñ
    c3 = cards[2]
    assert c3.family_name == " ".join([N] * 4)
    assert c3.given_name == ""
    assert c3.formatted_name == " ".join([N] * 5)
    assert c3.phones == [(PhoneKind.MOBILE, "123456789")]
    # 4: QP soft line breaks across physical lines, several phones, two notes
    c4 = cards[3]
    assert c4.family_name == " ".join([N] * 11)
    assert c4.phones == [
        (PhoneKind.MOBILE, "123456"),
        (PhoneKind.HOME, "234567"),
        (PhoneKind.MOBILE, "3456789"),
        (PhoneKind.HOME, "45678901"),
    ]
    # three QP lines: 8 Ñ, 8 Ñ (soft breaks join them directly), 5 Ñ
    note = ((f"{N} " * 7 + N) * 2 + f"{N} " * 5).strip()
    assert c4.notes.split("\n") == [note, note]
    # 5: given + family, work/fax phones, QP e-mail, ORG twice, URL, inline photo
    c5 = cards[4]
    assert c5.family_name == f"{N} {N}"
    assert c5.given_name == f"{N} {N} {N}"
    assert c5.phones == [
        (PhoneKind.MOBILE, "123456"),
        (PhoneKind.WORK, "123456"),
        (PhoneKind.FAX, "123456"),
    ]
    assert c5.emails == [(EmailKind.WORK, "bob@company.com"), (EmailKind.OTHER, N * 14)]
    assert c5.company == N * 12
    assert c5.website == "www.company.com"
    assert c5.photo is not None and c5.photo.startswith(b"\xff\xd8")  # JPEG
    # 6: a long QP ORG over several lines (one copy ends in a broken byte)
    c6 = cards[5]
    assert c6.family_name == N * 4
    assert c6.company == N * 44
    assert c6.emails == [(EmailKind.OTHER, "henry@company.com")]
    assert c6.phones == [(PhoneKind.MOBILE, "55556666")]


@needs_samples
def test_gmail_30() -> None:
    c = _one("John_Doe_GMAIL.vcf")
    assert (c.salutation, c.given_name, c.additional_names, c.family_name, c.name_suffix) == (
        "Mr.",
        "John",
        "Richter James",
        "Doe",
        "Sr.",
    )
    assert c.company == "IBM" and c.department == ""
    assert c.position == "Money Counter"
    assert c.birth_date == dt.date(1980, 3, 22)
    assert c.emails == [(EmailKind.HOME, "john.doe@ibm.com")]
    assert c.phones == [(PhoneKind.MOBILE, "905-555-1234"), (PhoneKind.HOME, "905-666-1234")]
    assert c.website == "http://www.ibm.com"  # "http\:" unescaped
    # Gmail writes the whole address into one component: read as a formatted address
    assert c.addresses == [
        AddressRecord(
            kind=AddressKind.HOME,
            street="Crescent moon drive",
            extra="555-asd",
            postcode="12345",
            city="Nice Area, Albaney",
            region="New York",
            country="United States of America",
        )
    ]
    assert c.notes.startswith(
        'THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"'
    )
    assert "SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR" in c.notes
    assert c.notes.endswith("SUCH DAMAGE.\nFavotire Color: Blue")


@needs_samples
def test_iphone_30_item_groups_and_photo() -> None:
    c = _one("John_Doe_IPHONE.vcf")
    assert (c.salutation, c.given_name, c.additional_names, c.family_name, c.name_suffix) == (
        "Mr.",
        "John",
        "Richter James",
        "Doe",
        "Sr.",
    )
    assert c.nickname == "Johny"
    assert (c.company, c.department, c.position) == ("IBM", "Accounting", "Money Counter")
    assert c.emails == [(EmailKind.OTHER, "john.doe@ibm.com")]
    assert c.phones == [
        (PhoneKind.MOBILE, "905-555-1234"),
        (PhoneKind.HOME, "905-666-1234"),
        (PhoneKind.WORK, "905-777-1234"),
        (PhoneKind.FAX, "905-888-1234"),
        (PhoneKind.FAX, "905-999-1234"),
        (PhoneKind.OTHER, "905-111-1234"),  # pager
        (PhoneKind.OTHER, "905-222-1234"),  # item2 with X-ABLabel AssistantPhone
    ]
    assert c.addresses == [
        AddressRecord(
            AddressKind.HOME,
            "Silicon Alley 5",
            "",
            "12345",
            "New York",
            "New York",
            "United States of America",
        ),
        AddressRecord(
            AddressKind.MAIN, "Street4", "Building 6, Floor 8", "12345", "New York", "", "USA"
        ),
    ]
    assert c.website == "http://www.ibm.com"
    assert c.birth_date == dt.date(2012, 6, 6)
    assert c.photo is not None and c.photo.startswith(b"\xff\xd8") and len(c.photo) > 30000


@needs_samples
def test_ms_outlook_21_params_without_type() -> None:
    c = _one("John_Doe_MS_OUTLOOK.vcf")
    assert (c.salutation, c.given_name, c.additional_names, c.family_name, c.name_suffix) == (
        "Mr.",
        "John",
        "Richter James",
        "Doe",
        "Sr.",
    )
    assert c.nickname == "Johny"
    assert (c.company, c.department, c.position) == ("IBM", "Accounting", "Money Counter")
    assert c.occupation == "Counting Money"
    assert c.phones == [(PhoneKind.WORK, "(905) 555-1234"), (PhoneKind.HOME, "(905) 666-1234")]
    assert c.emails == [(EmailKind.OTHER, "john.doe@ibm.cm")]
    assert c.addresses == [
        AddressRecord(
            AddressKind.MAIN,
            "Cresent moon drive",
            "",
            "12345",
            "Albaney",
            "New York",
            "United States of America",
        ),
        AddressRecord(
            AddressKind.HOME,
            "Silicon Alley 5",
            "",
            "12345",
            "New York",
            "New York",
            "United States of America",
        ),
    ]
    assert c.birth_date == dt.date(1980, 3, 22)  # BDAY:19800322
    assert c.website == "http://www.ibm.com"
    assert c.notes.startswith("THIS SOFTWARE IS PROVIDED BY GEORGE EL-HADDAD ''AS IS''")
    assert c.photo is not None and c.photo.startswith(b"\xff\xd8")


@needs_samples
def test_gmail_list_three_cards_without_trailing_newline() -> None:
    cards = _records("gmail-list.vcf")
    assert [(c.given_name, c.family_name, c.emails) for c in cards] == [
        ("Arnold", "Smith", [(EmailKind.OTHER, "asmithk@gmail.com")]),
        ("Chris", "Beatle", [(EmailKind.OTHER, "chrisy55d@yahoo.com")]),
        ("Doug", "White", [(EmailKind.OTHER, "dwhite@gmail.com")]),
    ]
    assert [c.source for c in cards] == ["card 1", "card 2", "card 3"]


@needs_samples
def test_outlook_2007_soft_line_breaks() -> None:
    c = _one("outlook-2007.vcf")
    assert (c.salutation, c.given_name, c.family_name, c.name_suffix) == (
        "Mr.",
        "Michael",
        "Angstadt",
        "Jr.",
    )
    assert c.nickname == "Mike"
    assert (c.company, c.department, c.position) == ("TheCompany", "TheDepartment", "TheJobTitle")
    assert c.occupation == "TheProfession"
    assert c.notes == (
        "This is the NOTE field\t\n"
        "I assume it encodes this text inside a NOTE vCard type.\n"
        "But I'm not sure because there's text formatting going on here.\n"
        "It does not preserve the formatting"
    )
    assert c.phones == [
        (PhoneKind.WORK, "(111) 555-1111"),
        (PhoneKind.HOME, "(111) 555-2222"),
        (PhoneKind.MOBILE, "(111) 555-4444"),
        (PhoneKind.FAX, "(111) 555-3333"),
    ]
    assert c.addresses == [
        AddressRecord(
            AddressKind.MAIN, "222 Broadway", "TheOffice", "99999", "New York", "NY", "USA"
        )
    ]
    assert c.emails == [(EmailKind.OTHER, "mike.angstadt@gmail.com")]
    assert c.birth_date == dt.date(1922, 3, 10)
    assert c.website == "http://mikeangstadt.name"
    assert c.photo is not None and c.photo.startswith(b"\xff\xd8")


@needs_samples
def test_rfc6350_40_example() -> None:
    c = _one("rfc6350-example.vcf")
    assert (c.given_name, c.family_name, c.name_suffix) == ("Simon", "Perreault", "ing. jr M.Sc.")
    assert c.birth_date == dt.date(NO_YEAR, 2, 3)  # --0203: no year
    assert c.company == "Viagenie"
    assert c.addresses == [
        AddressRecord(
            AddressKind.MAIN, "2875 Laurier", "Suite D2-630", "G1V 2M2", "Quebec", "QC", "Canada"
        )
    ]
    assert c.phones == [
        (PhoneKind.WORK, "+1-418-656-9254 ext. 102"),
        (PhoneKind.MOBILE, "+1-418-262-6501"),
    ]
    assert c.emails == [(EmailKind.WORK, "simon.perreault@viagenie.ca")]
    assert c.website == "http://nomis80.org"


@needs_samples
def test_thunderbird_30() -> None:
    c = _one("thunderbird-MoreFunctionsForAddressBook-extension.vcf")
    assert (c.given_name, c.family_name, c.nickname) == ("John", "Doe", "Johnny")
    assert (c.company, c.department, c.position) == ("TheOrganization", "TheDepartment", "TheTitle")
    assert c.addresses == [
        AddressRecord(
            AddressKind.MAIN, "222 Broadway", "Suite 100", "98765", "New York", "NY", "USA"
        ),
        AddressRecord(AddressKind.HOME, "123 Main St", "Apt 10", "12345", "Austin", "TX", "USA"),
    ]
    assert c.phones == [
        (PhoneKind.WORK, "555-555-1111"),
        (PhoneKind.HOME, "555-555-2222"),
        (PhoneKind.MOBILE, "555-555-5555"),
        (PhoneKind.FAX, "555-555-3333"),
        (PhoneKind.OTHER, "555-555-4444"),
    ]
    assert [e for _k, e in c.emails] == [
        "doe.john@hotmail.com",
        "additional-email@company.com",
        "additional-email1@company.com",
        "additional-email2@company.com",
        "additional-email3@company.com",
    ]
    assert c.website == "http://www.private-webpage.com"
    assert c.tags == ["category1", "category2", "category3"]
    assert c.birth_date == dt.date(1970, 9, 21)
    assert c.notes == (
        "This is the notes field.\nSecond Line\n\nFourth Line\n"
        'You can put anything in the "note" field; even curse words.'
    )
    assert c.photo is not None and c.photo.startswith(b"\xff\xd8")


@pytest.mark.parametrize("name", sorted(p.name for p in VCARDS.glob("*.vcf")))
def test_no_sample_card_is_rejected(name: str) -> None:
    assert not [r for r in read_vcards(VCARDS / name) if isinstance(r, RowError)]
