"""Broken files give a clear ImportFileError and store nothing; parsers never crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from crm_desktop.data.models import Company, ImportBatch, Person
from crm_desktop.data.store import Store
from crm_desktop.errors import ImportFileError
from crm_desktop.interop.csv_contacts import read_csv
from crm_desktop.interop.records import ContactRecord, RowError
from crm_desktop.interop.vcard import parse_vcards
from crm_desktop.services.importer import import_file

BROKEN = Path(__file__).parent / "broken"

EXPECTED = {
    "truncated.vcf": "truncated",
    "binary.vcf": "not a text file",
    "not-a-vcard.vcf": "not a vCard file",
    "calendar-as-vcard.vcf": "not a vCard file",
    "image-renamed.csv": "not a text file",
    "wrong-encoding.csv": "neither UTF-8 nor Windows-1252",
    "nested-quotes.csv": "check the quotes",
    "unclosed-quote.csv": "check the quotes",
    "empty.csv": "empty",
}


def _counts(store: Store) -> tuple[int, int, int]:
    with store.reader() as s:
        return (
            int(s.scalar(select(func.count()).select_from(Person)) or 0),
            int(s.scalar(select(func.count()).select_from(Company)) or 0),
            int(s.scalar(select(func.count()).select_from(ImportBatch)) or 0),
        )


def test_corpus_is_complete() -> None:
    assert {p.name for p in BROKEN.iterdir() if p.suffix in {".vcf", ".csv"}} == set(EXPECTED)


def test_broken_files_are_refused_and_nothing_stored(store: Store) -> None:
    for name in sorted(EXPECTED):
        with pytest.raises(ImportFileError, match=EXPECTED[name]):
            import_file(store, BROKEN / name)
        assert _counts(store) == (0, 0, 0), name


def test_huge_lines_are_refused(sqlite_store: Store, tmp_path: Path) -> None:
    cases = [
        (
            "huge.csv",
            b"Vorname,Nachname,Notizen\nAnna,Alt," + b"x" * 300_000 + b"\n",
            "longer than",
        ),
        (
            "huge.vcf",
            b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nNOTE:" + b"y" * (17 * 1024 * 1024) + b"\r\n",
            "too long",
        ),
    ]
    for name, content, message in cases:
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(ImportFileError, match=message):
            import_file(sqlite_store, path)
    assert _counts(sqlite_store) == (0, 0, 0)


def test_a_missing_file(sqlite_store: Store, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="does not exist"):
        import_file(sqlite_store, tmp_path / "nope.vcf")


# ---------------------------------------------------------------- property tests

_VCARD_LINES = st.sampled_from(
    [
        "BEGIN:VCARD",
        "END:VCARD",
        "VERSION:2.1",
        "VERSION:3.0",
        "N:Doe;John;;;",
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=91=",
        "FN:",
        "ORG:;",
        "TEL;TYPE=CELL:",
        "EMAIL:@",
        "ADR:;;;;;;;;;",
        "BDAY:--13-45",
        "BDAY:99999999",
        "PHOTO;ENCODING=b:@@@",
        "PHOTO:data:image/png;base64",
        'X-A;P="a:b";Q=1,2:v',
        "item1.X-ABLabel:_$!<",
        " folded",
        "=",
        "\\",
        "",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_VCARD_LINES, st.text(max_size=40)), max_size=30))
def test_vcard_parser_never_crashes_on_vcard_like_text(lines: list[str]) -> None:
    text = "\r\n".join(lines)
    try:
        out = parse_vcards(text)
    except ImportFileError:
        return
    assert all(isinstance(r, (ContactRecord, RowError)) for r in out)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_vcard_parser_never_crashes_on_bytes(data: bytes) -> None:
    try:
        out = parse_vcards(b"BEGIN:VCARD\r\n" + data)
    except ImportFileError:
        return
    assert all(isinstance(r, (ContactRecord, RowError)) for r in out)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.one_of(st.binary(max_size=1500), st.text(max_size=800).map(str.encode)))
def test_csv_parser_never_crashes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(b"Vorname;Nachname;E-Mail;Telefon;Geburtstag\n" + data)
    try:
        out = list(read_csv(path))
    except ImportFileError:
        return
    assert all(isinstance(r, (ContactRecord, RowError)) for r in out)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.sampled_from(["x.vcf", "x.csv"]),
    st.one_of(
        st.binary(max_size=600),
        st.lists(_VCARD_LINES, max_size=20).map(lambda ls: "\n".join(ls).encode()),
    ),
)
def test_a_rejected_file_stores_nothing(
    sqlite_store: Store, tmp_path: Path, name: str, data: bytes
) -> None:
    before = _counts(sqlite_store)
    path = tmp_path / name
    path.write_bytes(data)
    try:
        report = import_file(sqlite_store, path)
    except ImportFileError:
        assert _counts(sqlite_store) == before
        return
    people, _companies, batches = _counts(sqlite_store)
    assert batches == before[2] + 1
    assert people - before[0] == len(report.created_ids)
