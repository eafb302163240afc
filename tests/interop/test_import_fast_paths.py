"""The import's fast paths give exactly what the general code gives.

- vCard: the one-pass lexer for files whose lines all stand alone, the cache of parsed
  content-line heads and the shortcut for plain ``N`` values, against the general
  lexer for every sample file and for generated cards;
- phone numbers: the shortcut for "+<code> <digits>" against
  :func:`validation.normalize_phone`; e-mail addresses against email-validator;
- the SQLite bulk insert against SQLAlchemy's Core insert; the search entries the
  importer writes against :func:`search_sync.document_for`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select
from sqlalchemy.orm import selectinload

from crm_desktop.clock import FixedClock
from crm_desktop.data import search_sync
from crm_desktop.data.models import (
    Company,
    Person,
    Phone,
    PhoneKind,
    SearchDocument,
)
from crm_desktop.data.store import Store
from crm_desktop.errors import ImportFileError, ValidationError
from crm_desktop.interop import vcard
from crm_desktop.interop.records import ContactRecord, RowError
from crm_desktop.services import importer
from crm_desktop.services import validation as v
from crm_desktop.services.importer.normalize import _Normalizer, _phone_fast
from crm_desktop.services.importer.rows import _insert_rows, _table
from tests.conftest import SAMPLES

VCARD_SAMPLES = sorted((SAMPLES / "vcard").glob("*.vcf"))
BROKEN = sorted((Path(__file__).parent / "broken").glob("*.vcf"))


@contextmanager
def _general_lexer() -> Iterator[None]:
    """Read with the general lexer only (and a cold head cache)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(vcard, "_simple_card_blocks", lambda _text: None)
        mp.setattr(vcard, "_HEADS", {})
        yield


def _parse(data: str | bytes) -> list[ContactRecord | RowError] | str:
    try:
        return vcard.parse_vcards(data)
    except ImportFileError as exc:
        return f"ImportFileError: {exc}"


def _both(data: str | bytes) -> tuple[Any, Any]:
    fast = _parse(data)
    with _general_lexer():
        general = _parse(data)
    return fast, general


# ---------------------------------------------------------------- vCard


@pytest.mark.parametrize("path", VCARD_SAMPLES + BROKEN, ids=lambda p: p.name)
def test_sample_files_read_the_same_on_both_paths(path: Path) -> None:
    fast, general = _both(path.read_bytes())
    assert fast == general


def _bench_card(i: int) -> str:
    return (
        "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        f"UID:bench-{i}\r\nN:Müller;Jürgen;;;\r\nFN:Jürgen Müller\r\n"
        f"ORG:Firma {i} GmbH;Vertrieb\r\n"
        f"EMAIL;TYPE=INTERNET,WORK:jürgen.{i}@example.com\r\n"
        f"TEL;TYPE=WORK:+49 711 {100000 + i}\r\n"
        f"ADR;TYPE=WORK:;;Hauptstraße {i};Stuttgart;;70173;Deutschland\r\n"
        "END:VCARD\r\n"
    )


def test_plain_files_take_the_fast_path() -> None:
    text = "".join(_bench_card(i) for i in range(3)).replace("\r\n", "\n")
    blocks = vcard._simple_card_blocks(text)
    assert blocks is not None
    assert blocks == list(vcard._general_card_blocks(text))
    fast, general = _both(text)
    assert fast == general
    assert isinstance(fast, list) and len(fast) == 3
    first = fast[0]
    assert isinstance(first, ContactRecord)
    assert first.family_name == "Müller" and first.department == "Vertrieb"
    assert first.phones == [(PhoneKind.WORK, "+49 711 100000")]


@pytest.mark.parametrize(
    "text",
    [
        "BEGIN:VCARD\nFN:A\n B\nEND:VCARD\n",  # folded
        "BEGIN:VCARD\nNOTE;ENCODING=QUOTED-PRINTABLE:a=\nb\nEND:VCARD\n",  # QP
        "BEGIN:VCARD\nNOTE:a\nsecond line\nEND:VCARD\n",  # unfolded continuation
        "BEGIN:VCARD\nFN:A\n",  # truncated
        "no cards here\n",
        "\n\n",
    ],
)
def test_unusual_files_go_to_the_general_lexer(text: str) -> None:
    assert vcard._simple_card_blocks(text) is None
    fast, general = _both(text)
    assert fast == general


_HEADS = [
    "N",
    "FN",
    "ORG",
    "TITLE",
    "ROLE",
    "NICKNAME",
    "UID",
    "URL",
    "NOTE",
    "CATEGORIES",
    "BDAY",
    "BDAY;X-APPLE-OMIT-YEAR=1604",
    "EMAIL",
    "EMAIL;TYPE=INTERNET,WORK",
    "email;type=home",
    "TEL;TYPE=WORK",
    "TEL;TYPE=CELL",
    "TEL;HOME;FAX",
    'TEL;TYPE="work,voice"',
    "item1.TEL",
    "item1.X-ABLabel",
    "item2.EMAIL",
    "item2.X-ABLabel",
    "ADR;TYPE=WORK",
    "ADR;TYPE=HOME",
    "adr;X-CRM-KIND=billing",
    "NOTE;CHARSET=UTF-8",
    "NOTE;ENCODING=QUOTED-PRINTABLE",
    "PHOTO;ENCODING=b;TYPE=JPEG",
    "X-CUSTOM",
    "PRODID",
    ";",
    "",
]
_VALUE_TOKENS = [*'abcXYZ019 ;,\\:=.@+-\tÄöß"\x00', "\n", "\r", "\\n", "=0A", "=\n"]
_VALUE = st.lists(st.sampled_from(_VALUE_TOKENS), max_size=16).map("".join)
_PROP = st.tuples(st.sampled_from(_HEADS), _VALUE).map(lambda hv: f"{hv[0]}:{hv[1]}")
_ODD_LINE = st.sampled_from(["", " ", "\t", " folded", "\tfolded", "no colon", "  "])
_CARD = st.tuples(
    st.sampled_from(["BEGIN:VCARD", "begin:vcard", "BEGIN:VCARD "]),
    st.lists(st.one_of(_PROP, _PROP, _PROP, _ODD_LINE), max_size=8),
    st.sampled_from(["END:VCARD", "end:vcard", "END:VCARD", ""]),
).map(lambda c: [c[0], "VERSION:3.0", *c[1], c[2]])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cards=st.lists(_CARD, min_size=1, max_size=3),
    newline=st.sampled_from(["\r\n", "\n", "\r", "\r\r\n"]),
    nested=st.booleans(),
)
def test_generated_cards_read_the_same_on_both_paths(
    cards: list[list[str]], newline: str, nested: bool
) -> None:
    lines = [line for card in cards for line in card]
    if nested and len(lines) > 3:
        lines[2:2] = ["BEGIN:VCARD", "FN:Agent", "END:VCARD"]
    text = newline.join(lines) + newline
    normalised = text.replace("\r\r\n", "\n").replace("\r\n", "\n").replace("\r", "\n")
    blocks = vcard._simple_card_blocks(normalised)
    if blocks is not None:
        assert blocks == list(vcard._general_card_blocks(normalised))
    fast, general = _both(text)
    assert fast == general


@given(st.text(alphabet=st.sampled_from(list("ab ;,\\\tÄ\u00a0")), max_size=30))
def test_plain_names_match_the_general_reading(value: str) -> None:
    assert vcard._names(value) == vcard._names_general(value)


@given(head=st.sampled_from(_HEADS), value=_VALUE)
def test_cached_heads_parse_as_fresh_ones(head: str, value: str) -> None:
    line = f"{head}:{value}"
    with _general_lexer():
        cold = vcard._parse_line(line)
        warm = vcard._parse_line(line)
    assert cold == warm
    again = vcard._parse_line(line)
    assert again == cold


# ---------------------------------------------------------------- phones and e-mails

_CODES = ["1", "7", "20", "33", "39", "41", "43", "44", "49", "54", "55", "61", "352"]
_CODES += ["353", "358", "380", "800", "870", "882", "979", "998", "999", "0", "28"]


@settings(max_examples=400, deadline=None)
@given(
    prefix=st.sampled_from(["+", "00", "+ ", "0"]),
    code=st.sampled_from(_CODES),
    groups=st.lists(st.text(alphabet="0123456789", min_size=1, max_size=5), max_size=5),
    space=st.booleans(),
    region=st.sampled_from(["DE", "US", "IT", "GB"]),
)
def test_phone_shortcut_agrees_with_normalize_phone(
    prefix: str, code: str, groups: list[str], space: bool, region: str
) -> None:
    raw = prefix + code + (" " if space else "") + " ".join(groups)
    decided, number = _phone_fast(raw)
    if not decided:
        return
    try:
        expected: str | None = v.normalize_phone(raw, region)
    except ValidationError:
        expected = None
    assert number == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+49 711 100000", "+49711100000"),
        ("0049 711 100000", "+49711100000"),
        ("+49 30 1234567", "+49301234567"),
        ("+1 212 555 0100", "+12125550100"),
        ("+1 123 555 0100", None),  # no such area code
        ("+44 20 7946 0958", "+442079460958"),
        ("+49 12", None),
    ],
)
def test_phone_shortcut_examples(raw: str, expected: str | None) -> None:
    decided, number = _phone_fast(raw)
    try:
        slow: str | None = v.normalize_phone(raw, "DE")
    except ValidationError:
        slow = None
    assert slow == expected
    if decided:
        assert number == expected


def test_phone_shortcut_leaves_national_spellings_alone() -> None:
    for raw in ("0711 123456", "+49 (0)711 123456", "+49 0711 123456", "+39 06 1234 5678"):
        assert _phone_fast(raw) == (False, None)


_LOCAL_TOKENS = [*"abzAZ09._-+!#'~äÄßéøłİ²٣ @", "e\u0301", "\u0301", "\u00a0"]
_LOCAL = st.lists(st.sampled_from(_LOCAL_TOKENS), max_size=14).map("".join)
_DOMAIN = st.sampled_from(
    ["example.com", "EXAMPLE.com", "a-b.de", "bad_domain.com", "x", "xn--bcher-kva.de", "ä.de"]
)


@settings(max_examples=400, deadline=None)
@given(local=_LOCAL, domain=_DOMAIN, mailto=st.booleans())
def test_email_shortcut_agrees_with_email_validator(local: str, domain: str, mailto: bool) -> None:
    raw = ("mailto:" if mailto else "") + f"{local}@{domain}"
    norm = _Normalizer("DE", dt.date(2026, 1, 1))
    try:
        got: str | None = norm.email(raw)
    except ValidationError:
        got = None
    text = raw.strip()  # the importer takes "mailto:" and blanks off first
    text = text[7:].strip() if text.lower().startswith("mailto:") else text
    try:
        expected: str | None = v.normalize_email(text)
    except ValidationError:
        expected = None
    assert got == expected


@pytest.mark.parametrize(
    "raw", ["Postmaster@example.com", "ABUSE@example.com", "jürgen.5@example.com", "e\u0301@x.de"]
)
def test_email_shortcut_examples(raw: str) -> None:
    norm = _Normalizer("DE", dt.date(2026, 1, 1))
    assert norm.email(raw) == v.normalize_email(raw)


# ---------------------------------------------------------------- writing


def _rows(store: Store, model: type[Any], ids: list[int]) -> list[dict[str, Any]]:
    table = model.__table__
    with store.reader() as s:
        found = s.execute(select(table).where(table.c.id.in_(ids)).order_by(table.c.id))
        return [{k: val for k, val in row._mapping.items() if k != "id"} for row in found]


def test_sqlite_bulk_insert_stores_what_core_insert_stores(sqlite_store: Store) -> None:
    now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
    company = {
        "name": "Ärzte & Co",
        "website": None,
        "notes": "",
        "needs_review": True,
        "import_batch_id": None,
        "created_at": now,
        "updated_at": now,
    }
    person = {
        "salutation": None,
        "given_name": "Jürgen",
        "family_name": "Weiß",
        "birth_date": dt.date(1604, 3, 1),
        "profile_fields": {"website": "https://example.com"},
        "notes": "",
        "photo": b"\x89PNG",
        "needs_review": False,
        "review_reason": None,
        "created_at": now,
        "updated_at": now,
    }
    with sqlite_store.session() as s:
        ctab, ptab, phtab = (_table(m) for m in (Company, Person, Phone))
        _insert_rows(s, ctab, [{"id": 101, **company}, {"id": 102, **company}])
        s.execute(insert(ctab), [{"id": 103, **company}])
        _insert_rows(s, ptab, [{"id": 201, **person}])
        s.execute(insert(ptab), [{"id": 202, **person}])
        phone = {"person_id": 201, "company_id": None, "number": "+4930123", "label": None}
        _insert_rows(
            s,
            phtab,
            [
                {"id": 301, **phone, "kind": PhoneKind.MOBILE},
                {"id": 302, **phone, "kind": PhoneKind.FAX},
            ],
        )
        s.execute(insert(phtab), [{"id": 303, **phone, "kind": PhoneKind.MOBILE}])
        s.execute(insert(phtab), [{"id": 304, **phone, "kind": PhoneKind.FAX}])
    first, second, core = _rows(sqlite_store, Company, [101, 102, 103])
    assert first == second == core
    assert core["status"] is not None  # the column default
    fast_person, core_person = _rows(sqlite_store, Person, [201, 202])
    assert fast_person == core_person
    assert fast_person["consent_marketing"] is False
    phones = _rows(sqlite_store, Phone, [301, 302, 303, 304])
    assert phones[0] == phones[2] and phones[1] == phones[3]


def test_bulk_insert_takes_rows_of_different_shapes(sqlite_store: Store) -> None:
    phone = {"person_id": None, "company_id": None, "number": "+4930123"}
    with sqlite_store.session() as s:
        s.add(Company(id=7, name="Firma"))
        s.flush()
        _insert_rows(
            s,
            _table(Phone),
            [
                {"id": 401, **phone, "company_id": 7, "kind": PhoneKind.FAX, "label": "Zentrale"},
                {"id": 402, **phone, "company_id": 7},  # kind and label left to defaults
                {"id": 403, **phone, "company_id": 7, "kind": PhoneKind.FAX, "number": "+49"},
            ],
        )
    first, second, third = _rows(sqlite_store, Phone, [401, 402, 403])
    assert first["label"] == "Zentrale" and second["label"] is None
    assert second["kind"] == Phone.__table__.c.kind.default.arg
    assert third["number"] == "+49"


VCF_FOR_SEARCH = """BEGIN:VCARD
VERSION:3.0
N:Weiß;Jürgen;;Dr.;
ORG:acme gmbh;Vertrieb
TITLE:Leiter
EMAIL;TYPE=WORK:j.weiss@acme.example
TEL;TYPE=WORK:+49 711 100000
TEL;TYPE=CELL:+49 151 23456789
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:Neu;Nina;;;
ORG:Neue Firma KG
EMAIL:nina@neu.example
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:
ORG:Web Firma
URL:WWW.Web-Firma.example/
EMAIL:info@web-firma.example
TEL:+49 30 1234567
END:VCARD
"""


def test_imported_search_entries_are_those_of_document_for(
    store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    with store.session() as s:
        s.add(Company(name="ACME GmbH"))  # the card's "acme gmbh" is this company
    path = tmp_path / "search.vcf"
    path.write_text(VCF_FOR_SEARCH, encoding="utf-8")
    report = importer.import_file(store, path, clock=clock)
    assert report.imported == 3 and not report.rejected
    with store.reader() as s:
        stored = {
            (d.kind, d.ref_id): (d.title, d.body)
            for d in s.execute(select(SearchDocument)).scalars()
        }
        people = s.execute(
            select(Person).options(
                selectinload(Person.emails),
                selectinload(Person.phones),
                selectinload(Person.company),
            )
        ).scalars()
        companies = s.execute(
            select(Company).options(selectinload(Company.emails), selectinload(Company.phones))
        ).scalars()
        expected: dict[tuple[str, int], tuple[str, str]] = {}
        for obj in [*people, *companies]:
            doc = search_sync.document_for(obj)
            assert doc is not None
            expected[(doc[0], doc[1])] = (doc[2], doc[3])
    imported = {
        (k, i) for k, i in stored if i in report.created_ids or i in report.created_company_ids
    }
    assert imported
    for key in imported:
        assert stored[key] == expected[key], key
    weiss = next(val for (kind, _i), val in stored.items() if val[0] == "Dr. Jürgen Weiß")
    assert weiss[1].startswith("ACME GmbH Leiter j.weiss@acme.example +49711100000")
