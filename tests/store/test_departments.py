"""Departments: rename, delete (people stay), move people, sub-departments, heads, the
org chart of a company group; every write one undo entry; the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crm_desktop.cli.main import main
from crm_desktop.clock import Clock
from crm_desktop.data.models import Department, Person
from crm_desktop.data.store import Store, open_store
from crm_desktop.errors import ConflictError, ValidationError
from crm_desktop.services import departments as svc
from crm_desktop.services import undo
from crm_desktop.services.contacts import (
    CompanyInput,
    PersonInput,
    add_department,
    create_company,
    create_person,
)


def _group(store: Store) -> dict[str, int]:
    with store.session() as s:
        top = create_company(s, CompanyInput(name="Holz AG"))
        branch = create_company(s, CompanyInput(name="Holz Süd GmbH", parent_id=top.id))
        sales = add_department(s, top.id, "Vertrieb")
        shop = add_department(s, top.id, "Werkstatt")
        boss = create_person(
            s, PersonInput(given_name="Anna", family_name="Berg", company_id=top.id)
        )
        ben = create_person(
            s,
            PersonInput(
                given_name="Ben",
                family_name="Ohm",
                company_id=top.id,
                department_id=sales.id,
                reports_to_id=boss.id,
            ),
        )
        cem = create_person(
            s,
            PersonInput(
                given_name="Cem",
                family_name="Yıldız",
                company_id=branch.id,
                reports_to_id=boss.id,
            ),
        )
        return {
            "top": top.id,
            "branch": branch.id,
            "sales": sales.id,
            "shop": shop.id,
            "boss": boss.id,
            "ben": ben.id,
            "cem": cem.id,
        }


def _undo_last(store: Store, clock: Clock) -> undo.UndoResult | None:
    with store.session() as s:
        return undo.undo_last(s, clock)


def test_rename_delete_move_and_undo(store: Store, clock: Clock) -> None:
    ids = _group(store)
    with store.session() as s:
        changes = svc.rename_department(s, ids["sales"], " Verkauf ", clock)
        assert ids["sales"] in changes.departments
    with store.session() as s:
        assert s.get_one(Department, ids["sales"]).name == "Verkauf"
        with pytest.raises(ConflictError):
            svc.rename_department(s, ids["sales"], "Werkstatt", clock)
    with store.session() as s:
        top = undo.stack(s, 1)[0]
        assert top.label == "Rename department “Vertrieb”"
    _undo_last(store, clock)
    with store.reader() as s:
        assert s.get_one(Department, ids["sales"]).name == "Vertrieb"

    # several people at once; someone of another company is refused
    with store.session() as s:
        svc.move_people(s, [ids["boss"], ids["ben"]], ids["shop"], clock)
    with store.session() as s, pytest.raises(ValidationError):
        svc.move_people(s, [ids["cem"]], ids["shop"], clock)
    with store.reader() as s:
        assert {
            p.department_id for p in s.query(Person).filter(Person.company_id == ids["top"])
        } == {ids["shop"]}
    _undo_last(store, clock)
    with store.reader() as s:
        assert s.get_one(Person, ids["ben"]).department_id == ids["sales"]
        assert s.get_one(Person, ids["boss"]).department_id is None

    # a sub-department and a head; delete the parent: people stay, the sub moves up
    with store.session() as s:
        svc.set_parent(s, ids["shop"], ids["sales"], clock)
        svc.set_head(s, ids["sales"], ids["ben"], clock)
    with store.session() as s, pytest.raises(ValidationError):
        svc.set_parent(s, ids["sales"], ids["shop"], clock)  # a cycle
    with store.session() as s, pytest.raises(ValidationError):
        svc.set_head(s, ids["sales"], ids["cem"], clock)  # another company
    with store.session() as s:
        changes = svc.delete_department(s, ids["sales"], clock)
        assert changes.people == frozenset({ids["ben"]})
    with store.reader() as s:
        assert s.get(Department, ids["sales"]) is None
        ben = s.get_one(Person, ids["ben"])
        assert ben.department_id is None and ben.company_id == ids["top"]
        assert s.get_one(Department, ids["shop"]).parent_id is None
    result = _undo_last(store, clock)
    assert result is not None and result.label == "Delete department “Vertrieb”"
    with store.reader() as s:
        sales = s.get_one(Department, ids["sales"])
        assert (sales.name, sales.head_id) == ("Vertrieb", ids["ben"])
        assert s.get_one(Person, ids["ben"]).department_id == ids["sales"]
        assert s.get_one(Department, ids["shop"]).parent_id == ids["sales"]
    with store.session() as s:
        undo.redo_last(s, clock)
    with store.reader() as s:
        assert s.get(Department, ids["sales"]) is None
        assert s.get_one(Person, ids["ben"]).department_id is None


def test_undo_refuses_a_department_changed_since(store: Store, clock: Clock) -> None:
    ids = _group(store)
    with store.session() as s:
        svc.rename_department(s, ids["sales"], "Verkauf", clock)
    with store.session() as s:
        s.get_one(Department, ids["sales"]).name = "Anders"
    with pytest.raises(ConflictError):
        _undo_last(store, clock)


def test_org_chart_spans_the_company_group(store: Store, clock: Clock) -> None:
    ids = _group(store)
    with store.reader() as s:
        chart = svc.org_chart(s, ids["branch"])  # from the branch: the whole group
        people = svc.group_people(s, ids["branch"])
    assert [c.id for c in chart.companies] == [ids["top"], ids["branch"]]
    assert {p.id for p in chart.people} == {ids["boss"], ids["ben"], ids["cem"]}
    assert sorted(chart.lines) == sorted([(ids["ben"], ids["boss"]), (ids["cem"], ids["boss"])])
    assert {(p.name, p.company) for p in people} >= {("Cem Yıldız", "Holz Süd GmbH")}


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "data"
    store = open_store(data_dir=data_dir)
    ids = _group(store)
    store.dispose()
    base = ["--data-dir", str(data_dir)]

    def run(*args: str) -> object:
        capsys.readouterr()
        assert main([*base, "departments", *args, "--json"]) == 0
        return json.loads(capsys.readouterr().out)

    listed = run("list", "--company", str(ids["top"]))
    assert isinstance(listed, list)
    assert [(d["name"], d["people"]) for d in listed] == [("Vertrieb", 1), ("Werkstatt", 0)]
    assert run("rename", str(ids["sales"]), "Verkauf") == {
        "id": ids["sales"],
        "name": "Verkauf",
        "departments": [ids["sales"]],
        "people": [],
    }
    moved = run("move", str(ids["boss"]), "--to", str(ids["shop"]))
    assert moved == {"department_id": ids["shop"], "departments": [], "people": [ids["boss"]]}
    deleted = run("delete", str(ids["sales"]))
    assert deleted["people"] == [ids["ben"]]  # type: ignore[index]
    assert [d["name"] for d in run("list")] == ["Werkstatt"]  # type: ignore[index, union-attr]
