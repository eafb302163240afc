"""Custom fields defined once (issue #17): define/rename/delete (values kept or removed),
typed values checked on save, the filter and campaign selection by a field, search,
the JSON export, the CLI, and every change undoable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crm_desktop.cli.main import main
from crm_desktop.clock import FixedClock
from crm_desktop.data.store import Store
from crm_desktop.errors import ConflictError, MultipleErrors, ValidationError
from crm_desktop.services import (
    campaigns,
    contacts,
    customfields,
    editing,
    exporter,
    peoplelist,
    undo,
)
from crm_desktop.services.contacts import PersonInput
from crm_desktop.services.search import search


def _person(s, given: str, family: str, **profile: str) -> int:
    p = contacts.create_person(
        s, PersonInput(given_name=given, family_name=family, profile_fields=dict(profile))
    )
    return p.id


def _profile(store: Store, pid: int) -> dict[str, str]:
    with store.reader() as s:
        return dict(contacts.get_person(s, pid).profile_fields or {})


def test_define_list_and_values_by_type(store: Store, clock: FixedClock) -> None:
    with store.session() as s:
        customfields.define_field(s, "Branche", "choice", ["Bau", "Handel", "Bau"], clock=clock)
        customfields.define_field(s, "Mitarbeiter", "number", clock=clock)
        customfields.define_field(s, "Messe", "yes/no", clock=clock)
        customfields.define_field(s, "Erstkontakt", "Datum", clock=clock)
        customfields.define_field(s, "Notiz", "text", clock=clock)
    with store.reader() as s:
        defs = customfields.list_fields(s)
    assert [(d.name, d.kind) for d in defs] == [
        ("Branche", "choice"),
        ("Mitarbeiter", "number"),
        ("Messe", "yesno"),
        ("Erstkontakt", "date"),
        ("Notiz", "text"),
    ]
    assert defs[0].options == ("Bau", "Handel")
    by = {d.name: d for d in defs}
    assert customfields.normalise(by["Mitarbeiter"], "1.250,50") == "1250.5"
    assert customfields.normalise(by["Mitarbeiter"], "40") == "40"
    assert customfields.normalise(by["Erstkontakt"], "24.12.2026") == "2026-12-24"
    assert customfields.normalise(by["Messe"], "Ja") == "yes"
    assert customfields.normalise(by["Branche"], "bau") == "Bau"
    for name, bad in (
        ("Mitarbeiter", "viele"),
        ("Erstkontakt", "31.02.2026"),
        ("Messe", "vielleicht"),
        ("Branche", "Landwirtschaft"),
    ):
        with pytest.raises(ValidationError) as info:
            customfields.normalise(by[name], bad)
        assert name in str(info.value) and bad in str(info.value)
    with store.session() as s, pytest.raises(ValidationError):
        customfields.define_field(s, "Leer", "choice", [], clock=clock)
    with store.session() as s, pytest.raises(ValidationError):
        customfields.define_field(s, "A=B", "text", clock=clock)
    with store.session() as s, pytest.raises(ValidationError):
        customfields.define_field(s, "X", "farbe", clock=clock)


def test_save_person_checks_defined_values(store: Store, clock: FixedClock) -> None:
    with store.session() as s:
        customfields.define_field(s, "Mitarbeiter", "number", clock=clock)
        pid = _person(s, "Anna", "Bauer")
    with store.session() as s, pytest.raises(ValidationError) as info:
        editing.save_person(
            s,
            pid,
            editing.PersonEdit(values={"profile_fields": {"Mitarbeiter": "viele", "frei": "egal"}}),
            clock=clock,
        )
    errors = info.value.errors if isinstance(info.value, MultipleErrors) else [info.value]
    assert [e.field for e in errors] == ["profile.Mitarbeiter"]
    with store.session() as s:
        editing.save_person(
            s,
            pid,
            editing.PersonEdit(values={"profile_fields": {"Mitarbeiter": "12", "frei": "egal"}}),
            clock=clock,
        )
    assert _profile(store, pid) == {"Mitarbeiter": "12", "frei": "egal"}


def test_rename_moves_values_and_undo_brings_them_back(store: Store, clock: FixedClock) -> None:
    with store.session() as s:
        customfields.define_field(s, "Branche", "text", clock=clock)
        a = _person(s, "Anna", "Bauer", Branche="Bau")
        b = _person(s, "Bernd", "Kurz")
    with store.session() as s:
        change = customfields.rename_field(s, "Branche", "Sektor", clock=clock)
    assert change.people == 1 and change.changes.touches_record("person", a)
    assert _profile(store, a) == {"Sektor": "Bau"} and _profile(store, b) == {}
    with store.session() as s:
        undo.undo_last(s, clock)
    assert _profile(store, a) == {"Branche": "Bau"}
    with store.reader() as s:
        assert [d.name for d in customfields.list_fields(s)] == ["Branche"]
    with store.session() as s:
        undo.redo_last(s, clock)
    assert _profile(store, a) == {"Sektor": "Bau"}


def test_delete_keeps_or_removes_values_undoably(store: Store, clock: FixedClock) -> None:
    with store.session() as s:
        customfields.define_field(s, "Branche", "choice", ["Bau", "Handel"], clock=clock)
        customfields.define_field(s, "Messe", "yesno", clock=clock)
        a = _person(s, "Anna", "Bauer", Branche="Bau", Messe="yes", Hobby="Golf")
        assert customfields.count_values(s, "Branche") == 1
    with store.session() as s:
        customfields.delete_field(s, "Messe", keep_values=True, clock=clock)
        customfields.delete_field(s, "Branche", keep_values=False, clock=clock)
    assert _profile(store, a) == {"Messe": "yes", "Hobby": "Golf"}
    with store.reader() as s:
        assert customfields.list_fields(s) == []
    with store.session() as s:
        undo.undo_last(s, clock)  # the removing delete
    assert _profile(store, a) == {"Messe": "yes", "Hobby": "Golf", "Branche": "Bau"}
    with store.reader() as s:
        restored = customfields.get_field(s, "Branche")
    assert restored.options == ("Bau", "Handel")
    with store.session() as s:
        undo.undo_last(s, clock)
        assert [d.name for d in customfields.list_fields(s)] == ["Branche", "Messe"]


def test_undo_refuses_when_changed_since(store: Store, clock: FixedClock) -> None:
    with store.session() as s:
        first = customfields.define_field(s, "Branche", "text", clock=clock)
    with store.session() as s:
        customfields.define_field(s, "Branche", "choice", ["Bau"], clock=clock)
    with store.session() as s, pytest.raises(ConflictError):
        assert first.undo_id is not None
        undo.undo(s, first.undo_id, clock)


def test_filter_campaign_search_and_export_by_field(
    store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    with store.session() as s:
        customfields.define_field(s, "Branche", "choice", ["Bau", "Handel"], clock=clock)
        a = _person(s, "Anna", "Bauer", Branche="Bau")
        _person(s, "Bernd", "Kurz", Branche="Handel")
        _person(s, "Carla", "Ohne")
    text, terms = customfields.split_terms("Branche = bau; Anna")
    assert (text, terms) == ("Anna", {"Branche": "bau"})
    with store.reader() as s:
        flt = peoplelist.PeopleFilter(text=text, fields=terms)
        assert peoplelist.matching_ids(s, flt) == [a]
        assert peoplelist.count_people(s, peoplelist.PeopleFilter(fields={"Branche": "Bau"})) == 1
        sel = campaigns.Selection(fields={"Branche": "bau"}, require_opt_in=False)
        assert campaigns.select_people(s, sel).person_ids == [a]
        hits = search(s, "Handel", kinds=["person"])
        assert len(hits) == 1
        data = exporter.export_json(s)
    assert [f["name"] for f in data["custom_fields"]] == ["Branche"]
    assert data["custom_fields"][0]["options"] == ["Bau", "Handel"]
    by_id = {p["id"]: p for p in data["people"]}
    assert by_id[a]["custom_fields"] == {"Branche": "Bau"}
    again = campaigns.Selection.from_dict(campaigns.Selection(fields={"Branche": "Bau"}).to_dict())
    assert again.fields == {"Branche": "Bau"}


def test_cli_fields_list_define_delete(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--data-dir", str(tmp_path / "d")]
    assert (
        main(
            [
                *base,
                "fields",
                "define",
                "Branche",
                "--type",
                "choice",
                "--option",
                "Bau",
                "--option",
                "Handel",
                "--json",
            ]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert out["field"]["name"] == "Branche" and out["field"]["options"] == ["Bau", "Handel"]
    assert out["undo_id"]
    assert main([*base, "fields", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [f["name"] for f in listed["fields"]] == ["Branche"]
    assert main([*base, "fields", "delete", "Branche", "--remove-values", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["deleted"] == "Branche" and out["values_removed"] == 0
    assert main([*base, "fields", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["fields"] == []
    assert main([*base, "fields", "define", "Messe", "--type", "ja/nein"]) == 0
    assert "Messe  yesno: defined" in capsys.readouterr().out
    assert main([*base, "fields", "rename", "Messe", "Messebesuch", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["field"]["name"] == "Messebesuch"
    assert main([*base, "fields", "define", "X", "--type", "farbe"]) != 0
    capsys.readouterr()
    out_file = tmp_path / "m.csv"
    assert (
        main(
            [
                *base,
                "campaign",
                "export",
                "--name",
                "T",
                "--out",
                str(out_file),
                "--field",
                "Messebesuch=yes",
                "--without-opt-in",
                "--json",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["exported"] == 0


def test_undo_texts_name_the_field(store: Store, clock: FixedClock) -> None:
    from crm_desktop.ui.i18n import undo_text

    with store.session() as s:
        customfields.define_field(s, "Branche", "text", clock=clock)
    with store.session() as s:
        customfields.define_field(s, "Branche", "choice", ["Bau"], clock=clock)
    with store.session() as s:
        customfields.rename_field(s, "Branche", "Sektor", clock=clock)
    with store.session() as s:
        customfields.delete_field(s, "Sektor", keep_values=True, clock=clock)
    with store.reader() as s:
        texts = [undo_text(e.action, e.payload, e.label) for e in undo.stack(s)]
    assert texts == [
        "Delete custom field “Sektor”",
        "Rename custom field “Branche” to “Sektor”",
        "Change custom field “Branche”",
        "Define custom field “Branche”",
    ]
    for _ in range(4):  # every step stays on the stack and undoes in turn
        with store.session() as s:
            assert undo.undo_last(s, clock) is not None
    with store.reader() as s:
        assert customfields.list_fields(s) == [] and undo.stack(s) == []
