"""The lazy company tree model and its panel, on a real SQLite store."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Person
from crm_desktop.data.store import Store
from crm_desktop.services.tree import NO_COMPANY, NodeKind, NodeRef
from crm_desktop.ui.tree_model import CompanyTreeModel, CompanyTreePanel, NodeRefRole
from tests.store.test_tree import Org, build

ROOT = QModelIndex()


def child(model: CompanyTreeModel, parent: QModelIndex, label: str) -> QModelIndex:
    model.fetch_all(parent)
    for row in range(model.rowCount(parent)):
        idx = model.index(row, 0, parent)
        if model.node_at(idx) is not None and model.node_at(idx).label == label:  # type: ignore[union-attr]
            return idx
    raise AssertionError(f"{label} not under {model.data(parent)}")


def test_model_loads_pages_lazily(qtbot: QtBot, sqlite_store: Store, clock: FixedClock) -> None:
    org = build(sqlite_store, clock)
    model = CompanyTreeModel(sqlite_store, page_size=2, clock=clock)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.reload()
    # first page only: "No company" and "Köhler & Partner"
    assert model.rowCount(ROOT) == 2
    assert model.canFetchMore(ROOT)
    model.fetchMore(ROOT)
    assert model.rowCount(ROOT) == 3 and not model.canFetchMore(ROOT)
    group = model.index(2, 0)
    assert model.data(group) == "Müller Gruppe (3)"
    assert model.data(model.index(0, 0)) == "No company"
    # children are not loaded before the view asks
    assert model.hasChildren(group) and model.rowCount(group) == 0 and model.canFetchMore(group)
    fetched = model.fetch_count
    model.fetchMore(group)
    assert model.fetch_count == fetched + 1
    works = model.index(0, 0, group)
    assert model.data(works) == "Müller Maschinenbau GmbH (3)"
    assert not model.data(works, Qt.ItemDataRole.DecorationRole).isNull()
    sales = child(model, works, "Vertrieb")
    model.fetch_all(sales)
    assert [model.data(model.index(r, 0, sales)) for r in range(model.rowCount(sales))] == [
        "Petra Klein",
        "Jürgen Müller",
    ]
    koehler = model.index(1, 0)
    assert not model.hasChildren(koehler)  # no people, no branches: no expand arrow
    assert model.data(model.index(0, 0), NodeRefRole) == NO_COMPANY
    assert org.group == model.ref_at(group).ref_id  # type: ignore[union-attr]


def test_reveal_expands_the_path_and_filter_searches_the_store(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    org = build(sqlite_store, clock)
    panel = CompanyTreePanel(sqlite_store, clock=clock, page_size=50)
    qtbot.addWidget(panel)
    assert panel.select(NodeRef.person(org.petra))
    assert panel.current_ref() == NodeRef.person(org.petra)
    assert panel.view.isExpanded(panel.view.currentIndex().parent())
    qtbot.keyClicks(panel.filter, "klein")  # QTest types ASCII only
    qtbot.waitUntil(lambda: panel.model.filter_text == "klein", timeout=2000)
    assert panel.model.rowCount(ROOT) == 1
    assert panel.model.data(panel.model.index(0, 0)) == "Petra Klein"
    panel.filter.setText("jür")
    panel.apply_filter()
    assert [
        panel.model.data(panel.model.index(r, 0)) for r in range(panel.model.rowCount(ROOT))
    ] == ["Jürgen Müller"]
    panel.filter.clear()
    panel.apply_filter()
    assert panel.model.rowCount(ROOT) == 3
    panel.filter.setText("gibt es nicht")
    panel.apply_filter()
    assert panel.model.rowCount(ROOT) == 0
    assert panel.empty_label.isVisibleTo(panel)
    assert "gibt es nicht" in panel.empty_label.text()


def test_context_menu_offers_what_fits_the_node(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    org = build(sqlite_store, clock)
    panel = CompanyTreePanel(sqlite_store, clock=clock)
    qtbot.addWidget(panel)
    model = panel.model
    group = model.index(2, 0)
    actions = [a for a, _label in panel.menu_actions(model.node_at(group))]
    assert actions[:4] == ["new_branch", "new_department", "new_person", "new_activity"]
    assert "delete" in actions
    person = model.reveal(NodeRef.person(org.petra))
    assert [a for a, _ in panel.menu_actions(model.node_at(person))] == [
        "new_activity",
        "edit",
        "delete",
        "new_company",
    ]
    seen: list[tuple[str, object]] = []
    panel.actionRequested.connect(lambda a, r: seen.append((a, r)))
    panel.actionRequested.emit("delete", NodeRef.person(org.petra))
    assert seen == [("delete", NodeRef.person(org.petra))]


def _petra_dept(store: Store, org: Org) -> tuple[int | None, int | None]:
    with store.reader() as s:
        p = s.get(Person, org.petra)
        assert p is not None
        return p.company_id, p.department_id


def test_drop_moves_a_person_to_another_department(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    org = build(sqlite_store, clock)
    model = CompanyTreeModel(sqlite_store, clock=clock)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.reload()
    petra = model.reveal(NodeRef.person(org.petra))
    buying = model.reveal(NodeRef.department(org.buying))
    mime = model.mimeData([petra])
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, buying)
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, petra)
    with qtbot.waitSignal(model.personMoved):
        assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, buying)
    assert _petra_dept(sqlite_store, org) == (org.works, org.buying)
    buying = model.reveal(NodeRef.department(org.buying))
    assert model.data(buying) == "Einkauf (1)"
    assert model.data(model.reveal(NodeRef.department(org.sales))) == "Vertrieb (1)"
    assert model.hasChildren(buying) and model.canFetchMore(buying)  # loads on expanding
    model.fetchMore(buying)
    assert model.data(model.index(0, 0, buying)) == "Petra Klein"


def test_drop_on_another_company_needs_confirmation(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    org = build(sqlite_store, clock)
    model = CompanyTreeModel(sqlite_store, clock=clock)
    model.reload()
    asked: list[tuple[str, str, str]] = []
    model.confirm_company_change = lambda p, a, b: asked.append((p, a, b)) is not None  # refuses
    other = model.reveal(NodeRef.company(org.other))
    mime = model.mimeData([model.reveal(NodeRef.person(org.petra))])
    with qtbot.waitSignal(model.errorOccurred) as refused:
        assert not model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, other)
    assert "Petra Klein" in refused.args[0]
    assert asked == [("Petra Klein", "Müller Maschinenbau GmbH", "Köhler & Partner")]
    assert _petra_dept(sqlite_store, org) == (org.works, org.sales)
    model.confirm_company_change = lambda *_a: True
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, other)
    assert _petra_dept(sqlite_store, org) == (org.other, None)
    other = model.reveal(NodeRef.company(org.other))
    assert model.data(other) == "Köhler & Partner (1)"
    model.fetch_all(other)
    assert model.node_at(model.index(0, 0, other)).kind is NodeKind.PERSON  # type: ignore[union-attr]
