"""Countries on import: known names become ISO codes, unknown ones are kept as typed and
flagged (never "DE"), the detail view shows them as typed."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Address, Person
from crm_desktop.data.store import Store
from crm_desktop.domain import countries
from crm_desktop.interop.csv_contacts import read_csv
from crm_desktop.interop.vcard import read_vcards
from crm_desktop.services import contacts
from crm_desktop.services.importer import import_file
from tests.conftest import SAMPLES, needs_samples

ROWS = [
    ("Indonesia", "ID"),
    ("Perú", "PE"),
    ("España", "ES"),
    ("Brasil", "BR"),
    ("Hong Kong", "HK"),
    ("Korea, Republic of", "KR"),
    ("Cayman Islands", "KY"),
    ("UK", "GB"),
    ("USA", "US"),
    ("Vereinigte Staaten", "US"),
    ("Deutschland", "DE"),
    ("BRD", "DE"),
    ("Österreich", "AT"),
    ("Schweiz", "CH"),
    ("Suisse", "CH"),
    ("Svizzera", "CH"),
    ("", "DE"),  # empty: the default region
    ("Südtirol", None),
    ("A", None),
]


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "countries.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "First Name",
                "Last Name",
                "Business Street",
                "Business City",
                "Business Country/Region",
            ]
        )
        for i, (country, _code) in enumerate(ROWS):
            w.writerow([f"P{i}", f"Person{i}", f"Street {i}", "Somewhere", country])
    return path


def test_countries_on_csv_import(sqlite_store: Store, tmp_path: Path, clock: FixedClock) -> None:
    report = import_file(sqlite_store, _csv(tmp_path), clock=clock)
    assert report.imported == len(ROWS)
    assert report.rejected == []
    flagged = dict(report.flagged)
    with sqlite_store.reader() as s:
        for i, (typed, code) in enumerate(ROWS):
            person = s.execute(
                select(Person).where(Person.family_name == f"Person{i}")
            ).scalar_one()
            (address,) = person.addresses
            if code is None:
                assert address.country == ""
                assert address.country_as_typed == typed
                assert address.country_text == typed
                reason = f"country “{typed}” not recognised, kept as typed"
                assert person.needs_review
                assert reason in (person.review_reason or "")
                assert any(reason in why for why in flagged.values())
            else:
                assert (address.country, address.country_as_typed) == (code, None), typed
                assert not person.needs_review, typed
    assert "not recognised, kept as typed" in report.summary_text()


def test_unknown_country_is_exported_as_typed(
    sqlite_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    from crm_desktop.services import exporter

    import_file(sqlite_store, _csv(tmp_path), clock=clock)
    out = tmp_path / "out.csv"
    with sqlite_store.reader() as s:
        exporter.export_csv(s, "people", out)
    text = out.read_text(encoding="utf-8-sig")
    assert "Südtirol" in text


def test_contact_form_keeps_an_unknown_country_as_typed(
    sqlite_store: Store, clock: FixedClock
) -> None:
    with sqlite_store.session() as s:
        person = contacts.create_person(
            s,
            contacts.PersonInput(
                given_name="Anna",
                family_name="Huber",
                addresses=[
                    contacts.AddressInput(
                        street="Lauben 1", postcode="39100", city="Bozen", country="Südtirol"
                    ),
                    contacts.AddressInput(
                        street="Gran Vía 1", postcode="28013", city="Madrid", country="España"
                    ),
                ],
            ),
            clock=clock,
        )
        pid = person.id
    with sqlite_store.reader() as s:
        rows = s.execute(
            select(Address.country, Address.country_as_typed)
            .where(Address.person_id == pid)
            .order_by(Address.id)
        ).all()
    assert [tuple(r) for r in rows] == [("", "Südtirol"), ("ES", None)]


def test_detail_view_shows_the_country_as_typed(qapp: object) -> None:
    from crm_desktop.ui.detail import addresses_html

    html = addresses_html(
        [
            Address(
                street="Lauben 1",
                postcode="39100",
                city="Bozen",
                country="",
                country_as_typed="Südtirol",
            ),
        ]
    )
    assert "Südtirol" in html
    assert "Deutschland" not in html and "Germany" not in html


SAMPLE_FILES = sorted((SAMPLES / "vcard").glob("*.vcf")) + sorted((SAMPLES / "csv").glob("*.csv"))


@needs_samples
@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_country_of_the_sample_files_resolves(
    path: Path, sqlite_store: Store, clock: FixedClock
) -> None:
    records = read_vcards(path) if path.suffix == ".vcf" else list(read_csv(path))
    typed = [a.country for r in records for a in getattr(r, "addresses", []) if a.country]
    for text in typed:
        assert countries.lookup(text) is not None, text
    report = import_file(sqlite_store, path, clock=clock)
    assert not any("not recognised" in why for _r, why in report.flagged)
    with sqlite_store.reader() as s:
        stored = s.execute(select(Address.country, Address.country_as_typed)).all()
    assert all(len(code) == 2 and as_typed is None for code, as_typed in stored)
