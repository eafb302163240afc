"""Campaign selection, consent exclusion, exports and logging (both backends)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
import vobject
from sqlalchemy import func, select

from crm_desktop.cli.main import main
from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Activity, CompanyStatus, Priority
from crm_desktop.data.store import Store, open_store
from crm_desktop.services import campaigns as cp
from crm_desktop.services import contacts as c


def _people(store: Store, clock: FixedClock) -> dict[str, int]:
    with store.session() as s:
        cust = c.create_company(
            s,
            c.CompanyInput(
                name="Kunde GmbH",
                status=CompanyStatus.CUSTOMER,
                priority=Priority.A,
                addresses=[c.AddressInput("Hauptstraße 1", "70173", "Stuttgart")],
            ),
        )
        pros = c.create_company(s, c.CompanyInput(name="Interessent AG"))
        ids = {
            "anna": c.create_person(
                s,
                c.PersonInput(
                    salutation="Frau",
                    given_name="Anna",
                    family_name="Schäfer",
                    company_id=cust.id,
                    tags=["Newsletter"],
                    emails=[c.EmailInput("anna@kunde.example")],
                    consent_marketing=True,
                ),
                clock=clock,
            ).id,
            "bernd": c.create_person(
                s,
                c.PersonInput(
                    salutation="Herr",
                    title="Dr.",
                    given_name="Bernd",
                    family_name="Müller",
                    company_id=cust.id,
                    tags=["Newsletter"],
                    addresses=[c.AddressInput("Allee 2", "80331", "München")],
                ),
                clock=clock,
            ).id,
            "carla": c.create_person(
                s,
                c.PersonInput(
                    given_name="Carla",
                    family_name="Weiß",
                    company_id=pros.id,
                    tags=["Newsletter"],
                    consent_marketing=True,
                ),
                clock=clock,
            ).id,
            "dora": c.create_person(
                s,
                c.PersonInput(given_name="Dora", family_name="Zett", company_id=pros.id),
                clock=clock,
            ).id,
        }
        c.set_consent(s, ids["carla"], False, clock=clock)
    return ids


def test_selection_and_consent(store: Store, clock: FixedClock) -> None:
    ids = _people(store, clock)
    with store.reader() as s:
        r = cp.select_people(s, cp.Selection(tags=["Newsletter"], require_opt_in=False))
        assert sorted(r.person_ids) == sorted([ids["anna"], ids["bernd"]])
        assert r.excluded_withdrawn == 1
        strict = cp.select_people(s, cp.Selection(tags=["Newsletter"]))  # opt-in by default
        assert strict.person_ids == [ids["anna"]] and strict.excluded_no_opt_in == 1
        assert cp.select_people(
            s, cp.Selection(statuses=[CompanyStatus.CUSTOMER], require_opt_in=False)
        ).person_ids == [
            ids["bernd"],
            ids["anna"],
        ]
        assert (
            cp.select_people(
                s, cp.Selection(priorities=[Priority.A], require_opt_in=False)
            ).excluded_withdrawn
            == 0
        )
        by_pc = cp.select_people(
            s, cp.Selection(postcode_from="80000", postcode_to="89999", require_opt_in=False)
        )
        assert by_pc.person_ids == [ids["bernd"]]
        by_company_pc = cp.select_people(
            s, cp.Selection(postcode_from="70000", postcode_to="70999", require_opt_in=False)
        )
        assert sorted(by_company_pc.person_ids) == sorted([ids["anna"], ids["bernd"]])
        never = cp.select_people(
            s, cp.Selection(last_contact_before=clock.now(), require_opt_in=False)
        )
        assert ids["carla"] not in never.person_ids and len(never.person_ids) == 3


def test_exports_and_log(store: Store, clock: FixedClock, tmp_path: Path) -> None:
    ids = _people(store, clock)
    with store.session() as s:
        sel = cp.select_people(s, cp.Selection(tags=["Newsletter"], require_opt_in=False))
        assert cp.export_mail_merge(s, sel.person_ids, tmp_path / "m.csv") == 2
        assert cp.export_vcards(s, sel.person_ids, tmp_path / "m.vcf") == 2
        camp = cp.create_campaign(s, "Frühjahrsaktion", sel.person_ids, clock)
    with (tmp_path / "m.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    bernd = next(r for r in rows if r["family_name"] == "Müller")
    assert bernd["letter_salutation"] == "Sehr geehrter Herr Dr. Müller,"
    assert (bernd["street"], bernd["postcode"]) == ("Allee 2", "80331")
    anna = next(r for r in rows if r["family_name"] == "Schäfer")
    assert anna["city"] == "Stuttgart"  # the company's address when the person has none
    cards = list(vobject.readComponents((tmp_path / "m.vcf").read_text(encoding="utf-8")))
    assert sorted(card.fn.value for card in cards) == ["Anna Schäfer", "Dr. Bernd Müller"]
    assert all(card.uid.value for card in cards)  # CardDAV needs one (issue #19)
    assert all(len(line.encode()) <= 75 for line in (tmp_path / "m.vcf").read_text().splitlines())
    with store.reader() as s:
        logged = s.scalar(
            select(func.count()).select_from(Activity).where(Activity.campaign_id == camp.id)
        )
        assert logged == 2
        assert (
            ids["carla"]
            not in s.execute(select(Activity.person_id).where(Activity.campaign_id == camp.id))
            .scalars()
            .all()
        )


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clock = FixedClock(dt.datetime(2026, 11, 23, 9, tzinfo=dt.UTC))
    store = open_store(data_dir=tmp_path / "d")
    _people(store, clock)
    store.dispose()
    out = tmp_path / "x.csv"
    assert (
        main(
            [
                "--data-dir",
                str(tmp_path / "d"),
                "campaign",
                "export",
                "--name",
                "Test",
                "--tag",
                "Newsletter",
                "--without-opt-in",
                "--out",
                str(out),
                "--json",
            ]
        )
        == 0
    )
    text = capsys.readouterr().out
    assert '"exported": 2' in text and '"excluded_withdrawn_consent": 1' in text
    assert (
        main(
            [
                "--data-dir",
                str(tmp_path / "d"),
                "campaign",
                "export",
                "--name",
                "x",
                "--out",
                str(out),
                "--not-contacted-since",
                "2026-02-30",
            ]
        )
        == 1
    )
