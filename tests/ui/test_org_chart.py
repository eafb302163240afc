"""Departments in the company pane (rename, delete, move several people, sub-department,
head; each one undoable, Edit → Undo naming it in the user's language) and the org
chart of a company group (a box for every person, a line for every reporting line,
PNG and PDF export)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTranslator
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Department, Person
from crm_desktop.data.store import Store
from crm_desktop.services import undo as registry
from crm_desktop.services.contacts import (
    CompanyInput,
    PersonInput,
    add_department,
    create_company,
    create_person,
)
from crm_desktop.ui.detail.company import CompanyDetailPane
from crm_desktop.ui.org_chart import OrgChartDialog
from crm_desktop.ui.undo import UndoManager

GERMAN = {
    ("undo", "Move people to department “{name}”"): "Personen in Abteilung „{name}“ verschieben"
}


class FakeGerman(QTranslator):
    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return GERMAN.get((context, source))

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    translator = FakeGerman()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def _group(store: Store) -> dict[str, int]:
    with store.session() as s:
        top = create_company(s, CompanyInput(name="Holz AG"))
        branch = create_company(s, CompanyInput(name="Holz Süd GmbH", parent_id=top.id))
        gf = add_department(s, top.id, "Geschäftsführung")
        sales = add_department(s, top.id, "Vertrieb")
        ids = {"top": top.id, "branch": branch.id, "gf": gf.id, "sales": sales.id}
        boss = create_person(
            s,
            PersonInput(
                given_name="Anna",
                family_name="Berg",
                position="Vorstand",
                company_id=top.id,
                department_id=gf.id,
            ),
        )
        ids["boss"] = boss.id
        for i, (given, company, dept) in enumerate(
            [("Ben", top.id, sales.id), ("Cem", top.id, sales.id), ("Dora", branch.id, None)]
        ):
            p = create_person(
                s,
                PersonInput(
                    given_name=given,
                    family_name=f"Holz{i}",
                    position="Vertrieb",
                    company_id=company,
                    department_id=dept,
                    reports_to_id=boss.id,
                ),
            )
            ids[given.lower()] = p.id
    return ids


def _select(pane: CompanyDetailPane, kind: str, *ids: int) -> None:
    view = pane.people.view
    model = pane.people.model
    sel = view.selectionModel()
    sel.clearSelection()
    for r in range(model.rowCount()):
        head = model.item(r, 0)
        rows = [head] + [head.child(c, 0) for c in range(head.rowCount())]
        for item in rows:
            data = item.data(Qt.ItemDataRole.UserRole)
            if data and data[0] == kind and int(data[1]) in ids:
                sel.select(
                    item.index(),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )


def test_department_actions_are_undoable(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, german: None
) -> None:
    ids = _group(sqlite_store)
    pane = CompanyDetailPane(sqlite_store, clock=clock)
    qtbot.addWidget(pane)
    pane.show_company(ids["top"])
    undo = UndoManager(sqlite_store, clock, pane)

    # several people at once
    _select(pane, "person", ids["ben"], ids["cem"])
    assert sorted(pane.selected_people()) == sorted([ids["ben"], ids["cem"]])
    with qtbot.waitSignal(pane.changed) as sig:
        assert pane.move_people(pane.selected_people(), ids["gf"])
    assert sig.args[0].touches_record("person", ids["ben"])
    with sqlite_store.reader() as s:
        assert s.get_one(Person, ids["cem"]).department_id == ids["gf"]
    undo.sync()
    assert undo.undo_text() == "Personen in Abteilung „Geschäftsführung“ verschieben"
    undo.stack.undo()
    with sqlite_store.reader() as s:
        assert s.get_one(Person, ids["cem"]).department_id == ids["sales"]

    # rename, a sub-department, a head, then delete: the people stay in the company
    pane.refresh()
    _select(pane, "department", ids["sales"])
    assert pane.selected_department() == ids["sales"]
    assert pane.rename_department(ids["sales"], "Verkauf")
    assert pane.set_department_parent(ids["sales"], ids["gf"])
    assert pane.set_department_head(ids["sales"], ids["ben"])
    assert pane.delete_department(ids["sales"])
    with sqlite_store.reader() as s:
        assert s.get(Department, ids["sales"]) is None
        ben = s.get_one(Person, ids["ben"])
        assert ben.company_id == ids["top"] and ben.department_id is None
    undo.sync()
    undo.stack.undo()
    with sqlite_store.reader() as s:
        sales = s.get_one(Department, ids["sales"])
        assert (sales.name, sales.parent_id, sales.head_id) == ("Verkauf", ids["gf"], ids["ben"])
        assert s.get_one(Person, ids["ben"]).department_id == ids["sales"]
        labels = [i.label for i in registry.stack(s, 5)]
    assert labels[:3] == [
        "Set head of department “Verkauf”",
        "Move department “Verkauf”",
        "Rename department “Vertrieb”",
    ]


@pytest.mark.logs_errors
def test_a_refused_change_is_shown(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _group(sqlite_store)
    pane = CompanyDetailPane(sqlite_store, clock=clock)
    qtbot.addWidget(pane)
    pane.show_company(ids["top"])
    shown: list[BaseException] = []
    monkeypatch.setattr("crm_desktop.ui.detail.company.show_error", lambda _p, e: shown.append(e))
    assert not pane.rename_department(ids["sales"], "Geschäftsführung")  # taken
    assert pane.set_department_parent(ids["sales"], ids["gf"])
    assert not pane.set_department_parent(ids["gf"], ids["sales"])  # a cycle
    assert len(shown) == 2


def test_org_chart_boxes_lines_and_export(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    ids = _group(sqlite_store)
    dialog = OrgChartDialog(sqlite_store, ids["branch"])  # a branch shows the whole group
    qtbot.addWidget(dialog)
    dialog.show()
    people = {ids[k] for k in ("boss", "ben", "cem", "dora")}
    boxes = {int(i.data(1)) for i in dialog.scene.items() if i.data(0) == "person"}
    assert boxes == people
    lines = sorted(int(i.data(1)) for i in dialog.scene.items() if i.data(0) == "line")
    assert lines == sorted([ids["ben"], ids["cem"], ids["dora"]])  # everyone reporting to Anna
    companies = {int(i.data(1)) for i in dialog.scene.items() if i.data(0) == "company"}
    assert companies == {ids["top"], ids["branch"]}
    # boxes do not overlap
    rects = [dialog.boxes[p].sceneBoundingRect() for p in people]
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])

    png = tmp_path / "chart.png"
    assert dialog.render_png(str(png))
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 200 and image.height() > 200
    assert len({image.pixel(x, image.height() // 3) for x in range(0, image.width(), 5)}) > 1
    pdf = tmp_path / "chart.pdf"
    assert dialog.save_pdf(str(pdf)) >= 1
    assert pdf.read_bytes().startswith(b"%PDF")

    dialog.view.zoom(1.25)
    assert dialog.view.transform().m11() == pytest.approx(1.25)
    dialog.fit()
