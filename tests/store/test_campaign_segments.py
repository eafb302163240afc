"""Campaign selections: a company selects its whole group, opt-in is required unless
the user says otherwise, and a selection saved as a segment runs again the same."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from crm_desktop.cli.main import main
from crm_desktop.clock import FixedClock
from crm_desktop.data.models import CompanyStatus, Priority
from crm_desktop.data.store import Store, open_store
from crm_desktop.errors import NotFoundError, ValidationError
from crm_desktop.services import campaigns as cp
from crm_desktop.services import contacts as c


def _group(store: Store, clock: FixedClock) -> dict[str, int]:
    """Holding → Niederlassung Süd → Filiale München; plus an unrelated company."""
    with store.session() as s:
        holding = c.create_company(s, c.CompanyInput(name="Müller Holding AG"))
        south = c.create_company(s, c.CompanyInput(name="Niederlassung Süd", parent_id=holding.id))
        munich = c.create_company(
            s,
            c.CompanyInput(
                name="Filiale München", parent_id=south.id, status=CompanyStatus.CUSTOMER
            ),
        )
        other = c.create_company(s, c.CompanyInput(name="Andere GmbH"))
        ids = {"holding": holding.id, "south": south.id, "munich": munich.id}
        for key, company, opt_in in (
            ("hanna", holding.id, True),
            ("sven", south.id, True),
            ("maria", munich.id, True),
            ("max", munich.id, False),
            ("olga", other.id, True),
        ):
            ids[key] = c.create_person(
                s,
                c.PersonInput(
                    given_name=key.capitalize(),
                    family_name="Beispiel",
                    company_id=company,
                    consent_marketing=opt_in,
                ),
                clock=clock,
            ).id
    return ids


def test_a_company_selects_every_level_below_it(store: Store, clock: FixedClock) -> None:
    ids = _group(store, clock)
    with store.reader() as s:
        everyone = cp.select_people(
            s, cp.Selection(company_ids=[ids["holding"]], require_opt_in=False)
        )
        assert set(everyone.person_ids) == {
            ids["hanna"],
            ids["sven"],
            ids["maria"],
            ids["max"],  # two levels down
        }
        south = cp.select_people(s, cp.Selection(company_ids=[ids["south"]]))
        assert set(south.person_ids) == {ids["sven"], ids["maria"]}  # not the holding
        assert south.excluded_no_opt_in == 1  # Max: opt-in is required by default


def test_segments_save_load_replace_delete(store: Store, clock: FixedClock) -> None:
    ids = _group(store, clock)
    sel = cp.Selection(
        company_ids=[ids["holding"]],
        priorities=[Priority.A],
        statuses=[CompanyStatus.CUSTOMER],
        postcode_from="80000",
        last_contact_before=dt.datetime(2026, 6, 1, tzinfo=dt.UTC),
        require_opt_in=False,
    )
    with store.session() as s:
        cp.save_segment(s, "  Gruppe Müller  ", sel, clock)
        cp.save_segment(s, "Andere", cp.Selection(tags=["Messe"]), clock)
    with store.reader() as s:
        assert [seg.name for seg in cp.segments(s)] == ["Andere", "Gruppe Müller"]
        loaded = cp.load_segment(s, "Gruppe Müller").selection
        assert loaded == sel  # every criterion survives the round trip
    with store.session() as s:
        cp.save_segment(s, "Gruppe Müller", cp.Selection(company_ids=[ids["south"]]), clock)
        assert cp.load_segment(s, "Gruppe Müller").selection.company_ids == [ids["south"]]
        assert len(cp.segments(s)) == 2  # replaced, not added
        cp.delete_segment(s, "Andere")
        with pytest.raises(NotFoundError):
            cp.load_segment(s, "Andere")
        with pytest.raises(ValidationError):
            cp.save_segment(s, "   ", sel, clock)


def test_cli_segments_and_export(
    tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "d"
    store = open_store(data_dir=data_dir)
    try:
        ids = _group(store, clock)
    finally:
        store.dispose()
    base = ["--data-dir", str(data_dir), "campaign"]
    args = [*base, "segment", "save", "Süd", "--company", str(ids["south"]), "--json"]
    assert main(args) == 0
    saved = json.loads(capsys.readouterr().out)
    assert saved["name"] == "Süd" and saved["selection"]["require_opt_in"] is True
    assert main([*base, "segment", "list", "--json"]) == 0
    assert [seg["name"] for seg in json.loads(capsys.readouterr().out)] == ["Süd"]
    out = tmp_path / "sued.csv"
    export = [*base, "export", "--name", "Herbst", "--segment", "Süd", "--out", str(out)]
    assert main([*export, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["exported"] == 2 and data["excluded_without_opt_in"] == 1
    assert main([*export, "--without-opt-in", "--no-log", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["exported"] == 3
    assert main([*base, "segment", "delete", "Süd"]) == 0
    assert "deleted" in capsys.readouterr().out
    assert main([*export]) == 1
    assert "no saved selection" in capsys.readouterr().err
