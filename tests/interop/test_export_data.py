"""Exports (JSON, CSV, vCard) and the import/export command line."""

from __future__ import annotations

import datetime as dt
import decimal
import json
from pathlib import Path

import pytest

from crm_desktop.cli.main import main
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Address,
    Company,
    Email,
    EmailKind,
    LossReason,
    Opportunity,
    OpportunityStatus,
    Order,
    OrderLine,
    Person,
    Phone,
    PhoneKind,
    PipelineStage,
    Project,
    Tag,
    Ticket,
)
from crm_desktop.data.store import Store, open_store
from crm_desktop.interop.csv_contacts import read_csv
from crm_desktop.interop.records import ContactRecord
from crm_desktop.interop.vcard import read_vcards
from crm_desktop.services import exporter
from tests.conftest import SAMPLES, needs_samples

WHEN = dt.datetime(2026, 11, 20, 14, 30, tzinfo=dt.UTC)


def _fill(store: Store) -> dict[str, int]:
    with store.session() as s:
        acme = Company(name="Acme GmbH", website="acme.example")
        s.add(acme)
        s.flush()
        anna = Person(
            salutation="Frau",
            title="Dr.",
            given_name="Anna",
            family_name="Alt",
            company_id=acme.id,
            birth_date=dt.date(1970, 3, 1),
            notes="Notiz; mit Semikolon",
            emails=[Email(kind=EmailKind.WORK, address="anna@acme.example")],
            phones=[
                Phone(kind=PhoneKind.WORK, number="+4971112345"),
                Phone(kind=PhoneKind.MOBILE, number="+491701234567"),
            ],
            addresses=[Address(street="Weg 1", postcode="70173", city="Stuttgart", country="DE")],
            tags=[Tag(name="Kunde")],
        )
        gone = Person(given_name="Gina", family_name="Gelöscht", deleted_at=WHEN)
        s.add_all([anna, gone])
        s.flush()
        ticket = Ticket(number="T-2026-0001", title="Lager defekt", person_id=anna.id)
        stage = PipelineStage(name="Angebot", position=2)
        reason = LossReason(name="Preis")
        s.add_all([ticket, stage, reason])
        s.flush()
        project = Project(name="Umbau", company_id=acme.id)
        s.add(project)
        s.flush()
        opp = Opportunity(
            title="Neue Halle",
            company_id=acme.id,
            stage_id=stage.id,
            value=decimal.Decimal("12500.50"),
            status=OpportunityStatus.LOST,
            loss_reason_id=reason.id,
        )
        s.add(opp)
        s.flush()
        s.add(
            Activity(
                kind=ActivityKind.CALL,
                occurred_at=WHEN,
                person_id=anna.id,
                company_id=acme.id,
                subject="Rückruf",
                text="wegen Lager",
                ticket_id=ticket.id,
                project_id=project.id,
                opportunity_id=opp.id,
            )
        )
        s.add(Activity(kind=ActivityKind.NOTE, occurred_at=WHEN, subject="weg", deleted_at=WHEN))
        s.add(
            Order(
                number="A-1",
                company_id=acme.id,
                order_date=dt.date(2026, 11, 1),
                lines=[
                    OrderLine(
                        description="Schraube",
                        quantity=decimal.Decimal("2.5"),
                        unit_price=decimal.Decimal("3.20"),
                    )
                ],
            )
        )
        return {"anna": anna.id, "acme": acme.id, "gone": gone.id, "opp": opp.id}


def test_export_json(sqlite_store: Store) -> None:
    ids = _fill(sqlite_store)
    with sqlite_store.reader() as s:
        data = exporter.export_json(s)
    assert set(data) == {
        "companies",
        "people",
        "activities",
        "tickets",
        "projects",
        "opportunities",
        "orders",
        "custom_fields",
    }
    json.dumps(data)  # all plain JSON
    (anna,) = data["people"]  # the trashed person is left out
    assert anna["id"] == ids["anna"]
    assert anna["full_name"] == "Dr. Anna Alt"
    assert (anna["salutation"], anna["company"], anna["company_id"]) == (
        "Frau",
        "Acme GmbH",
        ids["acme"],
    )
    assert anna["emails"] == [{"kind": "work", "address": "anna@acme.example"}]
    assert anna["phones"] == [
        {"kind": "work", "number": "+4971112345"},
        {"kind": "mobile", "number": "+491701234567"},
    ]
    assert anna["addresses"][0]["postcode"] == "70173"
    assert anna["birth_date"] == "1970-03-01" and anna["tags"] == ["Kunde"]
    assert anna["reports_to_id"] is None and anna["department"] is None
    (act,) = data["activities"]
    assert act["occurred_at"] == "2026-11-20T14:30:00+00:00"
    assert (act["kind"], act["ticket"], act["person_id"]) == ("call", "T-2026-0001", ids["anna"])
    assert data["tickets"][0]["number"] == "T-2026-0001" and data["tickets"][0]["status"] == "open"
    (opp,) = data["opportunities"]
    assert (opp["stage"], opp["value"], opp["loss_reason"], opp["status"]) == (
        "Angebot",
        12500.5,
        "Preis",
        "lost",
    )
    (order,) = data["orders"]
    assert order["order_date"] == "2026-11-01" and order["company_id"] == ids["acme"]
    assert order["lines"] == [{"description": "Schraube", "quantity": 2.5, "unit_price": 3.2}]
    assert data["projects"][0]["name"] == "Umbau"


def test_export_csv_people_reads_back(sqlite_store: Store, tmp_path: Path) -> None:
    _fill(sqlite_store)
    out = tmp_path / "people.csv"
    with sqlite_store.reader() as s:
        assert exporter.export_csv(s, "people", out) == 1
        assert exporter.export_csv(s, "companies", tmp_path / "c.csv") == 1
        assert exporter.export_csv(s, "activities", tmp_path / "a.csv") == 1
        with pytest.raises(ValueError):
            exporter.export_csv(s, "orders", tmp_path / "x.csv")
    assert out.read_bytes().startswith(b"\xef\xbb\xbfID;Salutation;")
    (anna,) = [r for r in read_csv(out) if isinstance(r, ContactRecord)]
    assert (anna.salutation, anna.title, anna.given_name, anna.family_name) == (
        "Frau",
        "Dr.",
        "Anna",
        "Alt",
    )
    assert anna.company == "Acme GmbH" and anna.birth_date == dt.date(1970, 3, 1)
    assert anna.emails == [(EmailKind.WORK, "anna@acme.example")]
    assert anna.phones == [(PhoneKind.WORK, "+4971112345"), (PhoneKind.MOBILE, "+491701234567")]
    assert (anna.addresses[0].street, anna.addresses[0].city) == ("Weg 1", "Stuttgart")
    assert anna.notes == "Notiz; mit Semikolon" and anna.tags == ["Kunde"]
    activities = (tmp_path / "a.csv").read_text(encoding="utf-8-sig")
    assert "2026-11-20T15:30+01:00" in activities and "T-2026-0001" in activities


def test_export_vcard_selected_people(sqlite_store: Store, tmp_path: Path) -> None:
    ids = _fill(sqlite_store)
    out = tmp_path / "p.vcf"
    with sqlite_store.reader() as s:
        assert exporter.export_vcard(s, out, "3.0", person_ids=[ids["anna"], ids["gone"]]) == 1
    (anna,) = read_vcards(out)
    assert isinstance(anna, ContactRecord)
    assert (anna.family_name, anna.company, anna.tags) == ("Alt", "Acme GmbH", ["Kunde"])
    assert "VERSION:3.0" in out.read_text(encoding="utf-8")


@needs_samples
def test_cli_import_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = str(tmp_path / "data")
    vcf = SAMPLES / "vcard" / "gmail-list.vcf"
    de = SAMPLES / "csv" / "outlook-de.csv"
    broken = Path(__file__).parent / "broken" / "truncated.vcf"
    assert main(["--data-dir", data_dir, "import", str(vcf), "--dry-run"]) == 0
    assert "dry run" in capsys.readouterr().out
    assert main(["--data-dir", data_dir, "import", str(vcf), str(de), "--json"]) == 0
    reports = json.loads(capsys.readouterr().out)
    assert [(r["source"], r["imported"]) for r in reports] == [
        ("gmail-list.vcf", 3),
        ("outlook-de.csv", 3),
    ]
    assert reports[1]["flagged"][0]["record"] == "Ünal Yilmaz (line 4)"
    # one unreadable file: the others still import (each its own transaction), exit 1
    rc = main(["--data-dir", data_dir, "import", str(broken), str(vcf), "--on-duplicate", "skip"])
    captured = capsys.readouterr()
    assert rc == 1
    assert "truncated" in captured.err
    assert "gmail-list.vcf: 0 imported, 0 updated, 3 unchanged" in captured.out
    out = tmp_path / "all.json"
    assert main(["--data-dir", data_dir, "export", "--format", "json", "--out", str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["people"]) == 6
    assert "records written to" in capsys.readouterr().out
    vout = tmp_path / "all.vcf"
    assert (
        main(
            [
                "--data-dir",
                data_dir,
                "export",
                "--format",
                "vcard",
                "--vcard-version",
                "3.0",
                "--out",
                str(vout),
                "--json",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["count"] == 6
    assert len(read_vcards(vout)) == 6
    cout = tmp_path / "companies.csv"
    assert (
        main(
            [
                "--data-dir",
                data_dir,
                "export",
                "--format",
                "csv",
                "--entity",
                "companies",
                "--out",
                str(cout),
            ]
        )
        == 0
    )
    assert "Müller Maschinenbau GmbH" in cout.read_text(encoding="utf-8-sig")
    store = open_store(data_dir=Path(data_dir))
    try:
        with store.reader() as s:
            assert s.query(Person).count() == 6
    finally:
        store.dispose()
