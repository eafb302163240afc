"""The projects page and editor (issue #17): create, edit with members, close and
reopen, delete and undo, search, empty state; every change one published record."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import ProjectStatus
from crm_desktop.data.store import Store
from crm_desktop.services import contacts, undo
from crm_desktop.services import projects as pj
from crm_desktop.services.contacts import CompanyInput, PersonInput
from crm_desktop.ui.project_dialog import ProjectDialog
from crm_desktop.ui.projects_view import ProjectsView


@pytest.fixture
def ids(sqlite_store: Store) -> dict[str, int]:
    with sqlite_store.session() as s:
        company = contacts.create_company(s, CompanyInput(name="Müller & Söhne GmbH"))
        anna = contacts.create_person(
            s, PersonInput(given_name="Anna", family_name="Schäfer", company_id=company.id)
        )
        return {"company": company.id, "anna": anna.id}


@pytest.fixture
def view(qtbot: QtBot, sqlite_store: Store, clock: FixedClock) -> ProjectsView:
    page = ProjectsView(sqlite_store, clock=clock)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    return page


def _fill(dialog: ProjectDialog, name: str, company: str, member: str | None) -> None:
    dialog.name.setText(name)
    dialog.company.lineEdit().setText(company)  # type: ignore[union-attr]
    dialog.company.flush()
    dialog.start.setText("01.11.2026")
    dialog.end.setText("20.12.2026")
    if member is not None:
        dialog.member_pick.lineEdit().setText(member)  # type: ignore[union-attr]
        dialog.member_pick.flush()
        dialog.add_member()


def test_empty_state_then_new_project(
    view: ProjectsView, ids: dict[str, int], sqlite_store: Store, tmp_path: Path
) -> None:
    assert view.stack.currentWidget() is view.empty
    assert "New project" in view.empty.text()
    published = []
    view.changesMade.connect(published.append)

    def run(dialog: ProjectDialog) -> int:
        _fill(dialog, "Umbau Lager", "Müller", "Schäfer")
        assert dialog.member_ids() == [ids["anna"]]
        dialog.grab().save(str(tmp_path / "project_dialog.png"))
        dialog.save()
        return int(dialog.result() == ProjectDialog.DialogCode.Accepted)

    view.run_dialog = run
    pid = view.new_project()
    assert pid is not None
    assert view.names() == ["Umbau Lager"]
    assert published and published[-1].touches_record("project", pid)
    view.grab().save(str(tmp_path / "projects.png"))
    with sqlite_store.reader() as s:
        form = pj.load_form(s, pid)
    assert form.company_id == ids["company"] and form.end_date == dt.date(2026, 12, 20)


def test_a_refused_save_stays_in_the_dialog(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    dialog = ProjectDialog(sqlite_store, clock=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("X")
    dialog.start.setText("02.05.2026")
    dialog.end.setText("01.05.2026")
    dialog.save()
    assert dialog.isVisible() and dialog.error.isVisible() and dialog.result_id is None
    dialog.end.setText("31.02.2026")
    dialog.save()
    assert dialog.isVisible() and dialog.error.isVisible()
    with sqlite_store.reader() as s:
        assert pj.list_projects(s, show="all") == []


def test_edit_close_reopen_and_undo(
    view: ProjectsView, ids: dict[str, int], sqlite_store: Store, clock: FixedClock
) -> None:
    with sqlite_store.session() as s:
        pid = pj.save_project(
            s, pj.ProjectForm(name="Website", company_id=ids["company"]), clock
        ).project_id
    view.refresh()

    def run(dialog: ProjectDialog) -> int:
        assert dialog.name.text() == "Website"
        dialog.name.setText("Website-Relaunch")
        dialog.save()
        return 1

    view.run_dialog = run
    assert view.edit_project()
    assert view.names() == ["Website-Relaunch"]
    assert view.toggle_closed()
    assert view.names() == []  # the filter shows open projects
    view.show_filter.setCurrentIndex(view.show_filter.findData("closed"))
    assert view.names() == ["Website-Relaunch"]
    assert "Reopen" in view.close_button.text()
    with sqlite_store.session() as s:
        undo.undo_last(s, clock)  # the close
        undo.undo_last(s, clock)  # the rename
    view.show_filter.setCurrentIndex(view.show_filter.findData("open"))
    assert view.names() == ["Website"]
    with sqlite_store.reader() as s:
        assert pj.load_form(s, pid).status == ProjectStatus.ACTIVE


def test_delete_asks_and_undo_brings_it_back(
    view: ProjectsView, ids: dict[str, int], sqlite_store: Store, clock: FixedClock
) -> None:
    with sqlite_store.session() as s:
        pj.save_project(s, pj.ProjectForm(name="Messe 2027"), clock)
    view.refresh()
    asked: list[str] = []
    view.confirm = lambda title, question: asked.append(question) or False
    assert not view.delete_project() and view.names() == ["Messe 2027"]
    assert "Messe 2027" in asked[0]
    view.confirm = lambda title, question: True
    assert view.delete_project()
    assert view.names() == []
    with sqlite_store.session() as s:
        assert undo.stack(s)[0].label == "Delete project Messe 2027"
        undo.undo_last(s, clock)
    view.refresh()
    assert view.names() == ["Messe 2027"]


def test_search_and_hidden_page_loads_when_shown(
    view: ProjectsView, sqlite_store: Store, clock: FixedClock, qtbot: QtBot
) -> None:
    from crm_desktop.services.changes import Changes

    with sqlite_store.session() as s:
        pj.save_project(s, pj.ProjectForm(name="Umbau Öfen"), clock)
        pj.save_project(s, pj.ProjectForm(name="Website"), clock)
    view.refresh()
    view.search.setText("ofen")
    view.refresh()
    assert view.names() == ["Umbau Öfen"]
    view.search.clear()
    view.hide()
    with sqlite_store.session() as s:
        pj.save_project(s, pj.ProjectForm(name="Neu"), clock)
    view.apply_changes(Changes.of("project", 99, structure=True))
    assert "Neu" not in view.names()
    view.show()
    assert "Neu" in view.names()


def test_the_window_has_a_projects_page_and_rules(
    qtbot: QtBot,
    sqlite_store: Store,
    clock: FixedClock,
    tmp_path: Path,
    ids: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from crm_desktop.ui.main_window import MainWindow
    from crm_desktop.ui.ops import Page
    from crm_desktop.ui.rules_dialog import RulesDialog
    from crm_desktop.ui.settings_dialog import AppSettings

    win = MainWindow(
        sqlite_store, AppSettings(tmp_path / "settings.ini"), clock=clock, data_dir=tmp_path
    )
    qtbot.addWidget(win)
    win.show()
    win.actions_by_name["projects"].trigger()
    page = win.pages["projects"]
    assert isinstance(page, ProjectsView) and isinstance(page, Page)
    assert win.center.currentWidget() is page and page in win.hub._listeners
    before = win.hub.published

    def run(dialog: ProjectDialog) -> int:
        dialog.name.setText("Hausmesse")
        dialog.save()
        return 1

    page.run_dialog = run
    pid = page.new_project()
    assert pid is not None and win.hub.published == before + 1
    page.confirm = lambda title, question: True
    assert page.delete_project() and page.names() == []
    assert "Hausmesse" in win.actions_by_name["undo"].text()
    win.actions_by_name["undo"].trigger()
    assert page.names() == ["Hausmesse"]

    def exec_rules(dialog: RulesDialog) -> int:
        dialog.ticket_scheme.setText("K-{seq:03d}")
        dialog.save()
        return 1

    monkeypatch.setattr(RulesDialog, "exec", exec_rules)
    published = win.hub.published
    win.actions_by_name["rules"].trigger()
    assert win.hub.published == published + 1
    assert "Ticket numbers" in win.actions_by_name["undo"].text()
    win.tasks.wait(5000)


def test_a_person_of_the_parent_logs_on_a_branch_project(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, ids: dict[str, int]
) -> None:
    """Issue #17: the project picker of the activity dialog offers the projects of the
    whole company group, not only those of the person's own company."""
    from crm_desktop.ui.dialogs import ActivityDialog

    with sqlite_store.session() as s:
        branch = contacts.create_company(
            s, CompanyInput(name="Niederlassung München", parent_id=ids["company"])
        )
        other = contacts.create_company(s, CompanyInput(name="Fremdfirma AG"))
        pj.save_project(s, pj.ProjectForm(name="Umbau Lager", company_id=branch.id), clock)
        pj.save_project(s, pj.ProjectForm(name="Fremdprojekt", company_id=other.id), clock)
    dlg = ActivityDialog(sqlite_store, person_id=ids["anna"], clock=clock)
    qtbot.addWidget(dlg)
    offered = [dlg.project.itemText(i) for i in range(dlg.project.count())]
    assert "Umbau Lager" in offered and "Fremdprojekt" not in offered
