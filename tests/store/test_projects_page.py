"""Projects as the user runs them (issue #17): list open/closed, create and edit with
members in one step, close, undo an edit, projects of the whole company group."""

from __future__ import annotations

import datetime as dt

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import ActivityKind, ProjectStatus
from crm_desktop.data.store import Store
from crm_desktop.errors import ConcurrentEditError, ConflictError, ValidationError
from crm_desktop.services import activities, contacts, undo
from crm_desktop.services import projects as pj
from crm_desktop.services.activities import ActivityInput
from crm_desktop.services.contacts import CompanyInput, PersonInput


@pytest.fixture
def group(sqlite_store: Store) -> dict[str, int]:
    with sqlite_store.session() as s:
        parent = contacts.create_company(s, CompanyInput(name="Müller & Söhne GmbH"))
        branch = contacts.create_company(
            s, CompanyInput(name="Niederlassung München", parent_id=parent.id)
        )
        other = contacts.create_company(s, CompanyInput(name="Bäckerei Özdemir"))
        anna = contacts.create_person(
            s, PersonInput(given_name="Anna", family_name="Schäfer", company_id=parent.id)
        )
        jörg = contacts.create_person(
            s, PersonInput(given_name="Jörg", family_name="Übel", company_id=branch.id)
        )
        return {
            "parent": parent.id,
            "branch": branch.id,
            "other": other.id,
            "anna": anna.id,
            "jörg": jörg.id,
        }


def test_create_list_and_close(
    sqlite_store: Store, clock: FixedClock, group: dict[str, int]
) -> None:
    with sqlite_store.session() as s:
        saved = pj.save_project(
            s,
            pj.ProjectForm(
                name="Umbau Lager",
                company_id=group["branch"],
                start_date=dt.date(2026, 11, 1),
                end_date=dt.date(2026, 12, 20),
                member_ids=[group["anna"], group["jörg"], group["anna"]],
            ),
            clock,
        )
        assert saved.created and saved.changes.structure
        assert saved.changes.touches_record("company", group["branch"])
        pj.save_project(s, pj.ProjectForm(name="Website", company_id=group["other"]), clock)
        activities.log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.CALL,
                subject="Termin Lager",
                person_id=group["anna"],
                project_id=saved.project_id,
            ),
            clock=clock,
        )
    with sqlite_store.reader() as s:
        rows = pj.list_projects(s)
        assert [r.name for r in rows] == ["Umbau Lager", "Website"]  # with an end date first
        first = rows[0]
        assert first.company == "Niederlassung München" and first.members == 2
        assert first.activities == 1 and first.last_activity is not None
        assert [r.name for r in pj.list_projects(s, text="munchen")] == ["Umbau Lager"]
        assert [r.name for r in pj.list_projects(s, text="ozdemir")] == ["Website"]
    with sqlite_store.session() as s:
        closed = pj.set_project_status(s, saved.project_id, ProjectStatus.DONE, clock)
        assert closed.undo_id is not None
    with sqlite_store.reader() as s:
        assert [r.name for r in pj.list_projects(s)] == ["Website"]
        assert [r.name for r in pj.list_projects(s, show="closed")] == ["Umbau Lager"]
        assert len(pj.list_projects(s, show="all")) == 2


def test_edit_is_one_undo_step_and_guards_versions(
    sqlite_store: Store, clock: FixedClock, group: dict[str, int]
) -> None:
    with sqlite_store.session() as s:
        pid = pj.save_project(
            s, pj.ProjectForm(name="Umbau", member_ids=[group["anna"]]), clock
        ).project_id
    with sqlite_store.reader() as s:
        form = pj.load_form(s, pid)
    assert form.members and form.members[0][0] == group["anna"]
    stale = pj.ProjectForm(**{**form.__dict__})
    form.name, form.member_ids, form.status = (
        "Umbau Halle 2",
        [group["jörg"]],
        ProjectStatus.ON_HOLD,
    )
    form.description = "Zweiter Abschnitt"
    with sqlite_store.session() as s:
        saved = pj.save_project(s, form, clock)
        assert saved.undo_id is not None
        assert undo.stack(s)[0].label == "Edit project Umbau Halle 2"
    stale.name = "Umbau alt"
    with pytest.raises(ConcurrentEditError), sqlite_store.session() as s:
        pj.save_project(s, stale, clock)
    with sqlite_store.session() as s:
        undo.undo_last(s, clock)
    with sqlite_store.reader() as s:
        back = pj.load_form(s, pid)
    assert back.name == "Umbau" and back.member_ids == [group["anna"]]
    assert back.status == ProjectStatus.ACTIVE and back.description == ""
    with sqlite_store.session() as s:
        undo.redo_last(s, clock)
        assert pj.load_form(s, pid).name == "Umbau Halle 2"


def test_undo_refuses_over_a_later_change(
    sqlite_store: Store, clock: FixedClock, group: dict[str, int]
) -> None:
    with sqlite_store.session() as s:
        pid = pj.save_project(s, pj.ProjectForm(name="A"), clock).project_id
        form = pj.load_form(s, pid)
        form.name = "B"
        entry = pj.save_project(s, form, clock).undo_id
        pj.update_project(s, pid, {"name": "C"})  # not through the editor
        assert entry is not None
        with pytest.raises(ConflictError):
            undo.undo(s, entry, clock)


def test_a_project_needs_a_name_and_sane_dates(sqlite_store: Store, clock: FixedClock) -> None:
    with sqlite_store.session() as s:
        with pytest.raises(ValidationError):
            pj.save_project(s, pj.ProjectForm(name=" "), clock)
        with pytest.raises(ValidationError):
            pj.save_project(
                s,
                pj.ProjectForm(
                    name="X", start_date=dt.date(2026, 5, 2), end_date=dt.date(2026, 5, 1)
                ),
                clock,
            )


def test_group_projects_span_parent_and_branches(
    sqlite_store: Store, clock: FixedClock, group: dict[str, int]
) -> None:
    with sqlite_store.session() as s:
        pj.save_project(s, pj.ProjectForm(name="Lager", company_id=group["branch"]), clock)
        pj.save_project(s, pj.ProjectForm(name="Zentrale", company_id=group["parent"]), clock)
        pj.save_project(s, pj.ProjectForm(name="Fremd", company_id=group["other"]), clock)
        done = pj.save_project(s, pj.ProjectForm(name="Alt", company_id=group["branch"]), clock)
        pj.set_project_status(s, done.project_id, ProjectStatus.DONE, clock)
    with sqlite_store.reader() as s:
        from_parent = [label for _, label in pj.group_projects(s, group["parent"])]
        from_branch = [label for _, label in pj.group_projects(s, group["branch"])]
    assert (
        from_parent
        == from_branch
        == [
            "Lager — Niederlassung München",
            "Zentrale — Müller & Söhne GmbH",
        ]
    )
