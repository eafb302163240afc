"""import_file into real stores (SQLite and PostgreSQL): transactions, matching, flags."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    AuditEvent,
    Company,
    Department,
    ImportBatch,
    Person,
    SearchDocument,
)
from crm_desktop.data.store import Store
from crm_desktop.interop.records import NO_YEAR, ContactRecord, RowError
from crm_desktop.services.importer import ImportCancelled, import_file, import_records
from tests.conftest import SAMPLES, needs_samples

SAMPLE_FILES = sorted((SAMPLES / "vcard").glob("*.vcf")) + sorted((SAMPLES / "csv").glob("*.csv"))


def _people(s: Session) -> list[Person]:
    return list(
        s.execute(
            select(Person)
            .where(Person.deleted_at.is_(None))
            .order_by(Person.id)
            .options(
                selectinload(Person.emails),
                selectinload(Person.phones),
                selectinload(Person.addresses),
                selectinload(Person.tags),
                selectinload(Person.company),
                selectinload(Person.department),
            )
        ).scalars()
    )


def _count(store: Store, model: type) -> int:
    with store.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _by_name(s: Session, family: str) -> Person:
    (person,) = [p for p in _people(s) if p.family_name == family]
    return person


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _vcard(*lines: str) -> str:
    return "\r\n".join(["BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD", ""])


@needs_samples
def test_every_sample_twice_leaves_the_same_people(store: Store, clock: FixedClock) -> None:
    for path in SAMPLE_FILES:
        first = import_file(store, path, clock=clock)
        after_first = _count(store, Person)
        second = import_file(store, path, clock=clock)
        assert _count(store, Person) == after_first, path.name
        assert second.imported == 0, (path.name, second.as_dict())
        assert second.unchanged == first.imported + first.updated + first.unchanged, path.name
        assert not first.rejected, (path.name, first.rejected)
    # 6 Android + 1 + 1 + 1 + 3 + 1 + 1 + 1 vCards, 2 + 3 + 2 people (and 1 firm) from CSV
    assert _count(store, Person) == 22
    assert _count(store, ImportBatch) == 2 * len(SAMPLE_FILES)


@needs_samples
def test_outlook_de_fields_in_the_store(store: Store, clock: FixedClock) -> None:
    report = import_file(store, SAMPLES / "csv" / "outlook-de.csv", clock=clock)
    assert (report.imported, report.file_format, len(report.created_ids)) == (3, "csv", 3)
    with store.reader() as s:
        j = _by_name(s, "Müller")
        assert (j.salutation, j.given_name, j.position) == ("Herr", "Jürgen", "Vertriebsleiter")
        assert j.company is not None and j.company.name == "Müller Maschinenbau GmbH"
        assert j.department is not None and j.department.name == "Vertrieb"
        assert j.birth_date == dt.date(1968, 3, 1)
        assert [(p.kind.value, p.number) for p in j.phones] == [
            ("work", "+49711123456"),
            ("fax", "+49711123457"),
            ("mobile", "+491609876543"),
        ]
        assert [e.address for e in j.emails] == ["j.mueller@mueller-mb.example"]
        (a,) = j.addresses
        assert (a.street, a.postcode, a.city, a.country) == (
            "Industriestraße 5",
            "70565",
            "Stuttgart",
            "DE",
        )
        assert [t.name for t in j.tags] == ["Kunde"]
        assert j.notes == "Rückruf wegen Angebot 2026-17; Preis: 1.250,00 €"
        assert not j.needs_review
        assert j.import_batch_id == report.batch_id
        assert j.company.import_batch_id == report.batch_id
        b = _by_name(s, "Weiß-Köhler")
        assert b.birth_date == dt.date(1980, 2, 29)
        assert b.profile_fields == {"additional_names": "Maria"}
        assert [p.number for p in b.phones] == ["+49211555000"]
        # an invalid number does not reject the person: kept as written, flagged
        u = _by_name(s, "Yilmaz")
        assert u.needs_review and u.review_reason is not None and "0152 1111222" in u.review_reason
        assert [p.number for p in u.phones] == ["0152 1111222", "+49221333444"]
        assert u.addresses[0].kind.value == "home" and u.addresses[0].country == "DE"
        # the search index knows the imported people
        doc = s.execute(
            select(SearchDocument).where(
                SearchDocument.kind == "person", SearchDocument.ref_id == j.id
            )
        ).scalar_one()
        assert doc.title == "Jürgen Müller"
        assert "j.mueller@mueller-mb.example" in doc.body
        batch = s.get(ImportBatch, report.batch_id)
        assert batch is not None and batch.file_format == "csv" and batch.summary["imported"] == 3
        assert (
            s.scalar(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.event == "imported")
            )
            == 1
        )
    assert report.flagged == [("Ünal Yilmaz (line 4)", "phone number “0152 1111222” is not valid")]


@needs_samples
def test_company_only_row_and_companies_found_by_name(
    sqlite_store: Store, clock: FixedClock
) -> None:
    with sqlite_store.session() as s:
        s.add(Company(name="  schäfer &  SÖHNE gmbh "))
    report = import_file(sqlite_store, SAMPLES / "csv" / "outlook-en.csv", clock=clock)
    assert report.imported == 3  # two people and one company
    with sqlite_store.reader() as s:
        names = sorted(c.name for c in s.execute(select(Company)).scalars())
        assert names == ["  schäfer &  SÖHNE gmbh ", "Acme, Inc.", "Nur Firma KG"]
        firm = s.execute(select(Company).where(Company.name == "Nur Firma KG")).scalar_one()
        assert [e.address for e in firm.emails] == ["info@nurfirma.example"]
        assert [p.number for p in firm.phones] == ["+49309876543"]
        assert firm.import_batch_id == report.batch_id
        anna = _by_name(s, "Schäfer")
        assert anna.company is not None and anna.company.name == "  schäfer &  SÖHNE gmbh "
        assert anna.department is not None and anna.department.name == "Einkauf"
        assert anna.birth_date == dt.date(1975, 3, 14)
        assert [t.name for t in anna.tags] == ["A", "Kunde"]
        assert len(list(s.execute(select(Department)).scalars())) == 1
        assert len(_people(s)) == 2
    assert len(report.created_company_ids) == 2


@needs_samples
def test_vcard_sample_in_the_store(sqlite_store: Store, clock: FixedClock) -> None:
    import_file(sqlite_store, SAMPLES / "vcard" / "rfc6350-example.vcf", clock=clock)
    import_file(sqlite_store, SAMPLES / "vcard" / "John_Doe_IPHONE.vcf", clock=clock)
    with sqlite_store.reader() as s:
        simon = _by_name(s, "Perreault")
        assert simon.birth_date == dt.date(NO_YEAR, 2, 3)
        assert [p.number for p in simon.phones] == ["+14186569254", "+14182626501"]
        assert (simon.addresses[0].country, simon.addresses[0].postcode) == ("CA", "G1V 2M2")
        assert not simon.needs_review
        john = _by_name(s, "Doe")
        assert john.nickname == "Johny" and john.department is not None
        assert john.department.name == "Accounting"
        assert john.photo is not None and len(john.photo) > 30000
        assert john.profile_fields["name_suffix"] == "Sr."
        assert [a.country for a in john.addresses] == ["US", "US"]


def _base_card(*extra: str) -> str:
    return _vcard(
        "N:Alt;Anna;;;",
        "FN:Anna Alt",
        "EMAIL;TYPE=WORK:anna@alt.example",
        "TEL;TYPE=WORK:+49 711 123456",
        "TITLE:Einkauf",
        *extra,
    )


def test_reimport_policies(sqlite_store: Store, clock: FixedClock, tmp_path: Path) -> None:
    first = import_file(sqlite_store, _write(tmp_path, "a.vcf", _base_card()), clock=clock)
    assert first.imported == 1
    changed = _write(
        tmp_path,
        "b.vcf",
        _vcard(
            "N:Alt;Anna;;;",
            "EMAIL;TYPE=WORK:anna@alt.example",
            "TEL;TYPE=CELL:+49 170 1234567",
            "TITLE:Einkaufsleitung",
        ),
    )
    skipped = import_file(sqlite_store, changed, on_duplicate="skip", clock=clock)
    assert (skipped.skipped, skipped.imported, skipped.updated) == (1, 0, 0)
    merged = import_file(sqlite_store, changed, on_duplicate="merge", clock=clock)
    assert (merged.updated, merged.imported) == (1, 0)
    assert merged.changes[0].fields == ["position", "phones"]
    assert merged.changes[0].person_id == first.created_ids[0]
    with sqlite_store.reader() as s:
        (anna,) = _people(s)
        assert anna.position == "Einkaufsleitung"
        assert [p.number for p in anna.phones] == ["+49711123456", "+491701234567"]
        doc = s.execute(select(SearchDocument).where(SearchDocument.ref_id == anna.id)).scalar_one()
        assert "+491701234567" in doc.body  # ORM updates keep the search index in step
    again = import_file(sqlite_store, changed, on_duplicate="merge", clock=clock)
    assert (again.unchanged, again.updated) == (1, 0)
    # "create": a record with something new becomes a new person...
    other = _write(tmp_path, "c.vcf", _vcard("N:Alt;Anna;;;", "EMAIL:anna@alt.example", "NOTE:neu"))
    created = import_file(sqlite_store, other, on_duplicate="create", clock=clock)
    assert created.imported == 1
    assert _count(sqlite_store, Person) == 2
    # ...but the very same record again never makes a second copy
    for path in (other, changed):
        assert import_file(sqlite_store, path, on_duplicate="create", clock=clock).unchanged == 1
    assert _count(sqlite_store, Person) == 2


def test_same_uid_updates_even_with_create(
    sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    uid = "UID:urn:uuid:11111111-2222-3333-4444-555555555555"
    import_file(sqlite_store, _write(tmp_path, "a.vcf", _vcard("N:Neu;Nina;;;", uid)), clock=clock)
    report = import_file(
        sqlite_store,
        _write(tmp_path, "b.vcf", _vcard("N:Neu-Name;Nina;;;", uid, "EMAIL:nina@x.example")),
        clock=clock,
    )
    assert (report.updated, report.imported) == (1, 0)
    assert set(report.changes[0].fields) == {"family_name", "emails"}
    with sqlite_store.reader() as s:
        (nina,) = _people(s)
        assert nina.family_name == "Neu-Name" and nina.emails[0].address == "nina@x.example"


def test_matching_order_email_phone_name_birthday(
    sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    base = _vcard(
        "N:Berg;Bea;;;", "EMAIL:bea@berg.example", "TEL:+49 30 1234567", "BDAY:1970-01-02"
    )
    import_file(sqlite_store, _write(tmp_path, "a.vcf", base), clock=clock)
    by_phone = _vcard("N:Berg;Bea;;;", "TEL:030 1234567", "NOTE:per Telefon")
    by_name = _vcard("N:berg;BEA;;;", "BDAY:1970-01-02", "NOTE:per Name")
    by_email = _vcard("N:Anders;Bea;;;", "EMAIL:BEA@berg.example", "NOTE:per Mail")
    for i, text in enumerate((by_phone, by_name, by_email)):
        report = import_file(
            sqlite_store, _write(tmp_path, f"m{i}.vcf", text), on_duplicate="merge", clock=clock
        )
        assert report.updated == 1, report.as_dict()
    with sqlite_store.reader() as s:
        (bea,) = _people(s)
        assert bea.notes == "per Mail" and bea.family_name == "Anders"
    # nothing in common: a new person
    report = import_file(
        sqlite_store,
        _write(tmp_path, "x.vcf", _vcard("N:Berg;Bea;;;", "BDAY:1971-01-02")),
        on_duplicate="merge",
        clock=clock,
    )
    assert report.imported == 1


def test_card_numbers_rejected_bad_values_flagged(
    sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    text = (
        _vcard("N:Karte;Kai;;;", "NOTE:Visa 4111 1111 1111 1111 bitte belasten")
        + _vcard("N:Feld;Fritz;;;", "TEL:4111-1111-1111-1111")
        + _vcard(
            "N:Falsch;Fiona;;;",
            "EMAIL:fiona@",
            "TEL:12",
            "ADR:;;Weg 1;Berlin;;ABC;Deutschland",
            "BDAY:2030-01-01",
        )
        + _vcard("N:Gut;Gerd;;;")
    )
    report = import_file(sqlite_store, _write(tmp_path, "k.vcf", text), clock=clock)
    assert report.imported == 2
    assert [r for r, _why in report.rejected] == ["Kai Karte (card 1)", "Fritz Feld (card 2)"]
    assert all("payment card number" in why and "1111" in why for _r, why in report.rejected)
    assert "4111 1111" not in str(report.as_dict())
    with sqlite_store.reader() as s:
        assert sorted(p.family_name for p in _people(s)) == ["Falsch", "Gut"]
        fiona = _by_name(s, "Falsch")
        assert fiona.needs_review
        reason = fiona.review_reason or ""
        for part in ("fiona@", "“12”", "ABC", "2030-01-01"):
            assert part in reason
        assert [e.address for e in fiona.emails] == ["fiona@"]
        assert [p.number for p in fiona.phones] == ["12"]
        assert fiona.addresses[0].postcode == "ABC"
        assert fiona.birth_date is None
        notes = [n for (n,) in s.execute(select(Person.notes))]
        assert not any("4111" in n for n in notes)
    assert [r for r, _why in report.flagged] == ["Fiona Falsch (card 3)"]


@needs_samples
def test_dry_run_and_cancel_store_nothing(store: Store, clock: FixedClock) -> None:
    path = SAMPLES / "vcard" / "John_Doe_ANDROID.vcf"
    dry = import_file(store, path, dry_run=True, clock=clock)
    # card 6's "55556666" has no trunk 0: not read as a German number (flagged)
    assert dry.dry_run and dry.imported == 6 and len(dry.flagged) == 6
    assert dry.created_ids == [] and dry.batch_id is None
    calls: list[tuple[int, int]] = []

    def cancel(done: int, total: int) -> bool:
        calls.append((done, total))
        return False

    cancelled = import_file(store, path, progress=cancel, clock=clock)
    assert cancelled.cancelled and calls == [(6, 6)]
    assert _count(store, Person) == 0
    assert _count(store, Company) == 0
    assert _count(store, ImportBatch) == 0
    seen: list[tuple[int, int]] = []
    done = import_file(store, path, progress=lambda d, t: seen.append((d, t)) or True, clock=clock)
    assert done.imported == 6 and seen[-1] == (6, 6)
    assert _count(store, Person) == 6


def test_import_records_in_the_callers_transaction(sqlite_store: Store, clock: FixedClock) -> None:
    records: list[ContactRecord | RowError] = [
        ContactRecord(given_name="Rolf", family_name="Roll", source="row 1"),
        RowError("row 2", "cannot be read"),
        ContactRecord(source="row 3"),
    ]
    with pytest.raises(ImportCancelled), sqlite_store.session() as s:
        import_records(s, records, clock=clock, progress=lambda d, t: False)
    assert _count(sqlite_store, Person) == 0
    with sqlite_store.session() as s:
        report = import_records(s, records, clock=clock)
    assert report.imported == 1
    assert report.rejected == [
        ("row 2", "cannot be read"),
        ("row 3", "the record has no name, company, e-mail address or phone number"),
    ]
    with sqlite_store.reader() as s:
        (rolf,) = _people(s)
        assert rolf.created_at == clock.now()
