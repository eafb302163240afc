"""The company tree service: pages, counts, filter, paths, moves — on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from sqlalchemy import event, insert

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import ActivityKind, Company, Department, FollowUp, Person
from crm_desktop.data.store import Store
from crm_desktop.errors import ValidationError
from crm_desktop.services import contacts, tree
from crm_desktop.services.contacts import CompanyInput, PersonInput
from crm_desktop.services.tree import NO_COMPANY, Cursor, NodeKind, NodeRef


@dataclass
class Org:
    group: int
    works: int
    north: int
    other: int
    sales: int
    buying: int
    juergen: int
    petra: int
    hans: int
    otto: int


def build(store: Store, clock: FixedClock) -> Org:
    with store.session() as s:
        group = contacts.create_company(s, CompanyInput(name="Müller Gruppe"))
        works = contacts.create_company(
            s, CompanyInput(name="Müller Maschinenbau GmbH", parent_id=group.id)
        )
        north = contacts.create_company(s, CompanyInput(name="NL Nord", parent_id=works.id))
        other = contacts.create_company(s, CompanyInput(name="Köhler & Partner"))
        sales = contacts.add_department(s, works.id, "Vertrieb")
        buying = contacts.add_department(s, works.id, "Einkauf")
        juergen = contacts.create_person(
            s,
            PersonInput(
                given_name="Jürgen",
                family_name="Müller",
                company_id=works.id,
                department_id=sales.id,
                position="Vertriebsleiter",
            ),
            clock=clock,
        )
        petra = contacts.create_person(
            s,
            PersonInput(
                given_name="Petra",
                family_name="Klein",
                company_id=works.id,
                department_id=sales.id,
                reports_to_id=juergen.id,
            ),
            clock=clock,
        )
        hans = contacts.create_person(
            s, PersonInput(given_name="Hans", family_name="Nord", company_id=north.id), clock=clock
        )
        otto = contacts.create_person(
            s, PersonInput(given_name="Otto", family_name="Ohnefirma"), clock=clock
        )
        return Org(
            group.id,
            works.id,
            north.id,
            other.id,
            sales.id,
            buying.id,
            juergen.id,
            petra.id,
            hans.id,
            otto.id,
        )


def labels(nodes: list[tree.TreeNode]) -> list[str]:
    return [n.label for n in nodes]


def test_top_level_lists_no_company_then_top_companies_with_subtree_counts(
    store: Store, clock: FixedClock
) -> None:
    org = build(store, clock)
    with store.reader() as s:
        page = tree.children_page(s, None)
    assert page.next is None
    assert page.nodes[0].ref == NO_COMPANY
    assert labels(page.nodes[1:]) == ["Köhler & Partner", "Müller Gruppe"]
    koehler, group = page.nodes[1:]
    assert group.count == 3  # Jürgen, Petra (branch), Hans (branch of the branch)
    assert group.has_children and not group.is_branch
    assert koehler.count == 0 and not koehler.has_children
    assert group.ref == NodeRef.company(org.group)


def test_company_children_are_branches_departments_then_people(
    store: Store, clock: FixedClock
) -> None:
    org = build(store, clock)
    with store.reader() as s:
        (works,) = tree.children_page(s, NodeRef.company(org.group)).nodes
        assert works.is_branch and works.count == 3
        children = tree.children_page(s, works.ref).nodes
        assert [(n.kind, n.label) for n in children] == [
            (NodeKind.COMPANY, "NL Nord"),
            (NodeKind.DEPARTMENT, "Einkauf"),
            (NodeKind.DEPARTMENT, "Vertrieb"),
        ]
        sales = children[2]
        assert sales.count == 2 and sales.has_children
        assert children[1].count == 0 and not children[1].has_children
        people = tree.children_page(s, sales.ref).nodes
        assert labels(people) == ["Petra Klein", "Jürgen Müller"]
        assert people[1].detail == "Vertriebsleiter"
        assert labels(tree.children_page(s, NodeRef.company(org.north)).nodes) == ["Hans Nord"]
        assert labels(tree.children_page(s, NO_COMPANY).nodes) == ["Otto Ohnefirma"]


def test_pages_walk_across_segments(store: Store, clock: FixedClock) -> None:
    org = build(store, clock)
    with store.reader() as s:
        first = tree.children_page(s, NodeRef.company(org.works), limit=2)
        assert labels(first.nodes) == ["NL Nord", "Einkauf"]
        assert first.next == Cursor(1, 1)
        second = tree.children_page(s, NodeRef.company(org.works), cursor=first.next, limit=2)
        assert labels(second.nodes) == ["Vertrieb"]
        assert second.next is None


def test_deleted_records_are_not_shown(store: Store, clock: FixedClock) -> None:
    org = build(store, clock)
    with store.session() as s:
        contacts.delete_person(s, org.hans, clock=clock)
    with store.reader() as s:
        group = tree.children_page(s, None).nodes[2]
        assert group.count == 2
        assert tree.children_page(s, NodeRef.company(org.north)).nodes == []


def test_filter_finds_companies_at_any_depth_and_people(store: Store, clock: FixedClock) -> None:
    org = build(store, clock)
    with store.reader() as s:
        found = tree.children_page(s, None, filter_text="müller")
        assert [(n.kind, n.label) for n in found.nodes] == [
            (NodeKind.COMPANY, "Müller Gruppe"),
            (NodeKind.COMPANY, "Müller Maschinenbau GmbH"),
            (NodeKind.PERSON, "Jürgen Müller"),
        ]
        assert found.nodes[1].detail == "Müller Gruppe"  # the parent is shown
        assert labels(tree.children_page(s, None, filter_text="Jür").nodes) == ["Jürgen Müller"]
        assert labels(tree.children_page(s, None, filter_text="klein petra").nodes) == [
            "Petra Klein"
        ]
        assert tree.children_page(s, None, filter_text="50%_").nodes == []
        # children of a found company are unfiltered
        assert len(tree.children_page(s, NodeRef.company(org.works)).nodes) == 3


def test_path_to_a_person_runs_through_the_branch_and_department(
    store: Store, clock: FixedClock
) -> None:
    org = build(store, clock)
    with store.reader() as s:
        assert tree.path_to(s, NodeRef.person(org.petra)) == [
            NodeRef.company(org.group),
            NodeRef.company(org.works),
            NodeRef.department(org.sales),
            NodeRef.person(org.petra),
        ]
        assert tree.path_to(s, NodeRef.person(org.otto)) == [NO_COMPANY, NodeRef.person(org.otto)]
        assert tree.node_for(s, NodeRef.department(org.sales)).count == 2


def test_move_within_company_and_across_only_when_confirmed(
    store: Store, clock: FixedClock
) -> None:
    org = build(store, clock)
    with store.session() as s:
        plan = tree.move_person(s, org.petra, NodeRef.department(org.buying), clock=clock)
        assert not plan.crosses_company
    with store.reader() as s:
        assert s.get(Person, org.petra).department_id == org.buying  # type: ignore[union-attr]
    with pytest.raises(ValidationError), store.session() as s:
        tree.move_person(s, org.petra, NodeRef.company(org.other), clock=clock)
    with store.session() as s:
        plan = tree.move_person(
            s, org.petra, NodeRef.company(org.other), allow_company_change=True, clock=clock
        )
        assert plan.crosses_company
    with store.reader() as s:
        petra = s.get(Person, org.petra)
        assert petra is not None
        assert (petra.company_id, petra.department_id, petra.reports_to_id) == (
            org.other,
            None,
            None,
        )
    # a person without a company may join one without asking
    with store.session() as s:
        assert not tree.move_person(
            s, org.otto, NodeRef.department(org.sales), clock=clock
        ).crosses_company


def test_counts_for_the_status_bar(store: Store, clock: FixedClock) -> None:
    org = build(store, clock)
    with store.session() as s:
        for hours, done in ((-2, False), (-1, True), (5, False)):
            s.add(
                FollowUp(
                    uid=f"f{hours}",
                    due_at=clock.now() + dt.timedelta(hours=hours),
                    kind=ActivityKind.CALL,
                    person_id=org.petra,
                    done_at=clock.now() if done else None,
                )
            )
    with store.reader() as s:
        counts = tree.tree_counts(s, now=clock.now())
        assert (counts.people, counts.companies, counts.due_followups) == (4, 4, 1)
        assert not tree.is_empty(s)


# ---------------------------------------------------------------- no full scans


@contextmanager
def statements(store: Store) -> Iterator[list[str]]:
    seen: list[str] = []

    def listen(_conn: object, _cursor: object, sql: str, *_args: object) -> None:
        seen.append(" ".join(sql.split()).upper())

    event.listen(store.engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", listen)


def big_store(store: Store, companies: int = 50, people: int = 5000) -> None:
    with store.session() as s:
        s.execute(insert(Company), [{"name": f"Firma {i:03d}"} for i in range(companies)])
        ids = [c for (c,) in s.execute(Company.__table__.select().with_only_columns(Company.id))]
        s.execute(insert(Department), [{"company_id": c, "name": "Vertrieb"} for c in ids])
        s.execute(
            insert(Person),
            [
                {
                    "given_name": f"Vorname{i}",
                    "family_name": f"Name{i:05d}",
                    "company_id": ids[i % companies] if i % 10 else None,
                }
                for i in range(people)
            ],
        )


def test_tree_queries_are_paged_on_a_5000_person_store(store: Store) -> None:
    big_store(store)
    with store.reader() as s, statements(store) as sql:
        top = tree.children_page(s, None, limit=20)
        assert len(top.nodes) == 20 and top.next is not None
        people = tree.children_page(s, NO_COMPANY, limit=200)
        assert len(people.nodes) == 200 and people.next is not None
        company = top.nodes[2]  # "Firma 001": every 50th person from the second on
        assert (company.label, company.count) == ("Firma 001", 100)
        kids = tree.children_page(s, company.ref, limit=200)
        assert len(kids.nodes) == 101  # the department and its 100 people
        filtered = tree.children_page(s, None, filter_text="name0001", limit=50)
        assert len(filtered.nodes) == 10
    selects = [q for q in sql if q.startswith("SELECT") or q.startswith("WITH")]
    assert len(selects) <= 20
    for q in selects:
        # every statement is limited to a page or restricted to the ids of a page
        assert " LIMIT " in q or " IN (" in q or "IN (__[POSTCOMPILE" in q, q


def test_umlauts_sort_like_their_base_letters(store: Store) -> None:
    with store.session() as s:
        for name in ("Zander KG", "Bulle GmbH", "Ärztehaus Mitte", "Böhm AG", "Bode OHG"):
            contacts.create_company(s, CompanyInput(name=name))
    with store.reader() as s:
        assert labels(tree.children_page(s, None).nodes) == [
            "Ärztehaus Mitte",
            "Bode OHG",
            "Böhm AG",
            "Bulle GmbH",
            "Zander KG",
        ]
