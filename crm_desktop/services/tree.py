"""The company tree as pages of nodes: companies → branches → departments → people.

Nothing here reads a whole table. Every function returns one page (``limit`` rows,
``LIMIT``/``OFFSET`` on an indexed order) plus the cursor of the next page, and
counts come from ``COUNT ... GROUP BY`` restricted to the ids on the page. The Qt
model (``ui/tree_model.py``) asks for a page when the user expands or scrolls.

A node's children are a sequence of *segments* (a company: its branches, then its
departments, then its people without a department); the cursor walks the segments
one after another, so no count of the whole sequence is needed.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.collation import german_key
from crm_desktop.data.models import Company, Department, FollowUp, Person
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import NotFoundError, ValidationError
from crm_desktop.services import textmatch

PAGE_SIZE = 200


class NodeKind(enum.StrEnum):
    COMPANY = "company"
    DEPARTMENT = "department"
    PERSON = "person"
    NO_COMPANY = "no_company"  # the node that holds people without a company


@dataclass(frozen=True)
class NodeRef:
    kind: NodeKind
    ref_id: int | None = None

    @staticmethod
    def company(ref_id: int) -> NodeRef:
        return NodeRef(NodeKind.COMPANY, ref_id)

    @staticmethod
    def department(ref_id: int) -> NodeRef:
        return NodeRef(NodeKind.DEPARTMENT, ref_id)

    @staticmethod
    def person(ref_id: int) -> NodeRef:
        return NodeRef(NodeKind.PERSON, ref_id)


NO_COMPANY = NodeRef(NodeKind.NO_COMPANY)


@dataclass
class TreeNode:
    """What the tree shows for one record."""

    ref: NodeRef
    label: str
    detail: str = ""  # position of a person, parent of a company found by the filter
    count: int | None = None  # people below (a company counts its branches' people too)
    has_children: bool = False
    is_branch: bool = False
    company_id: int | None = None  # the company a department or person belongs to
    department_id: int | None = None

    @property
    def kind(self) -> NodeKind:
        return self.ref.kind

    @property
    def ref_id(self) -> int | None:
        return self.ref.ref_id


@dataclass(frozen=True)
class Cursor:
    segment: int = 0
    offset: int = 0


@dataclass
class Page:
    nodes: list[TreeNode]
    next: Cursor | None  # None: no more children


@dataclass
class TreeCounts:
    people: int
    companies: int
    due_followups: int


# ---------------------------------------------------------------- helpers


def like_pattern(text: str) -> str:
    """A LIKE pattern (``ESCAPE '\\'``) for ``text`` anywhere, ``%`` and ``_`` literal."""
    return f"%{textmatch.escape_like(text)}%"


def text_matches(
    column: ColumnElement[str] | InstrumentedAttribute[str], text: str
) -> ColumnElement[bool]:
    """Every word of ``text`` inside ``column``, case and umlauts (and their spellings)
    ignored: :func:`crm_desktop.services.textmatch.contains`."""
    typed = textmatch.words(text)
    if not typed:
        return textmatch.contains(column, "")
    return and_(*(textmatch.contains(column, w) for w in typed))


def sort_key(column: Any) -> Any:
    """A German-friendly sort key (Böhm beside Bode, not after Bulle) that works the
    same on SQLite (binary collation) and PostgreSQL; indexed for people and companies."""
    return german_key(column)


def person_name_matches(text: str) -> ColumnElement[bool]:
    """Every word of ``text`` in the given or family name (either order)."""
    found = textmatch.contains_all([Person.given_name, Person.family_name], text)
    return found if found is not None else textmatch.contains(Person.given_name, "")


def _person_label(given: str, family: str, title: str | None, nickname: str | None) -> str:
    name = " ".join(p for p in (title or "", given, family) if p).strip()
    return name or (nickname or "")


_PERSON_COLUMNS = (
    Person.id,
    Person.given_name,
    Person.family_name,
    Person.title,
    Person.nickname,
    Person.position,
    Person.company_id,
    Person.department_id,
)


def _people_select(where: Sequence[ColumnElement[bool]]) -> Select[*tuple[Any, ...]]:
    return select(*_PERSON_COLUMNS).where(Person.deleted_at.is_(None), *where)


def _person_nodes(rows: Sequence[Any]) -> list[TreeNode]:
    return [
        TreeNode(
            ref=NodeRef.person(r.id),
            label=_person_label(r.given_name, r.family_name, r.title, r.nickname),
            detail=r.position or "",
            company_id=r.company_id,
            department_id=r.department_id,
        )
        for r in rows
    ]


def subtree_people_counts(session: Session, company_ids: Sequence[int]) -> dict[int, int]:
    """People per company including all its branches (any depth), for the given ids only."""
    if not company_ids:
        return {}
    sub = (
        select(Company.id.label("root"), Company.id.label("cid"))
        .where(Company.id.in_(list(company_ids)))
        .cte("subtree", recursive=True)
    )
    child = aliased(Company)
    sub = sub.union(
        select(sub.c.root, child.id).where(child.parent_id == sub.c.cid, child.deleted_at.is_(None))
    )
    stmt = (
        select(sub.c.root, func.count(Person.id))
        .join(Person, Person.company_id == sub.c.cid)
        .where(Person.deleted_at.is_(None))
        .group_by(sub.c.root)
    )
    return {int(root): int(n) for root, n in session.execute(stmt)}


def _company_nodes(session: Session, rows: Sequence[Any], *, with_parent: bool) -> list[TreeNode]:
    ids = [r.id for r in rows]
    if not ids:
        return []
    people = subtree_people_counts(session, ids)
    branches = dict(
        session.execute(
            select(Company.parent_id, func.count(Company.id))
            .where(Company.parent_id.in_(ids), Company.deleted_at.is_(None))
            .group_by(Company.parent_id)
        ).all()
    )
    departments = dict(
        session.execute(
            select(Department.company_id, func.count(Department.id))
            .where(Department.company_id.in_(ids))
            .group_by(Department.company_id)
        ).all()
    )
    nodes = []
    for r in rows:
        count = people.get(r.id, 0)
        nodes.append(
            TreeNode(
                ref=NodeRef.company(r.id),
                label=r.name,
                detail=(getattr(r, "parent_name", None) or "") if with_parent else "",
                count=count,
                has_children=bool(count or branches.get(r.id) or departments.get(r.id)),
                is_branch=r.parent_id is not None,
                company_id=r.id,
            )
        )
    return nodes


# ---------------------------------------------------------------- segments

# A segment returns at most ``limit`` nodes starting at ``offset``.
Segment = Callable[[Session, int, int], list[TreeNode]]


def _companies_segment(where: list[ColumnElement[bool]], *, with_parent: bool) -> Segment:
    def run(session: Session, offset: int, limit: int) -> list[TreeNode]:
        parent = aliased(Company)
        stmt = (
            select(Company.id, Company.name, Company.parent_id, parent.name.label("parent_name"))
            .outerjoin(parent, parent.id == Company.parent_id)
            .where(Company.deleted_at.is_(None), *where)
            .order_by(sort_key(Company.name), Company.id)
            .offset(offset)
            .limit(limit)
        )
        return _company_nodes(session, session.execute(stmt).all(), with_parent=with_parent)

    return run


def _people_segment(where: list[ColumnElement[bool]]) -> Segment:
    def run(session: Session, offset: int, limit: int) -> list[TreeNode]:
        stmt = _people_select(where).order_by(
            sort_key(Person.family_name), sort_key(Person.given_name), Person.id
        )
        return _person_nodes(session.execute(stmt.offset(offset).limit(limit)).all())

    return run


def _departments_segment(company_id: int) -> Segment:
    def run(session: Session, offset: int, limit: int) -> list[TreeNode]:
        rows = session.execute(
            select(Department.id, Department.name)
            .where(Department.company_id == company_id)
            .order_by(sort_key(Department.name), Department.id)
            .offset(offset)
            .limit(limit)
        ).all()
        ids = [r.id for r in rows]
        counts: dict[int, int] = {}
        if ids:
            counts = {
                int(d or 0): int(n)
                for d, n in session.execute(
                    select(Person.department_id, func.count(Person.id))
                    .where(Person.department_id.in_(ids), Person.deleted_at.is_(None))
                    .group_by(Person.department_id)
                )
            }
        return [
            TreeNode(
                ref=NodeRef.department(r.id),
                label=r.name,
                count=counts.get(r.id, 0),
                has_children=counts.get(r.id, 0) > 0,
                company_id=company_id,
                department_id=r.id,
            )
            for r in rows
        ]

    return run


def _no_company_segment(session: Session, offset: int, limit: int) -> list[TreeNode]:
    if offset > 0:
        return []
    exists = session.execute(
        select(Person.id).where(Person.company_id.is_(None), Person.deleted_at.is_(None)).limit(1)
    ).first()
    if exists is None:
        return []
    return [TreeNode(ref=NO_COMPANY, label="", has_children=True)]


def _segments(parent: NodeRef | None, filter_text: str | None) -> list[Segment]:
    text = (filter_text or "").strip()
    if parent is None and text:
        return [
            _companies_segment([text_matches(Company.name, text)], with_parent=True),
            _people_segment([person_name_matches(text)]),
        ]
    if parent is None:
        return [
            _no_company_segment,
            _companies_segment([Company.parent_id.is_(None)], with_parent=False),
        ]
    if parent.kind is NodeKind.NO_COMPANY:
        return [_people_segment([Person.company_id.is_(None)])]
    if parent.kind is NodeKind.COMPANY:
        assert parent.ref_id is not None
        cid = parent.ref_id
        return [
            _companies_segment([Company.parent_id == cid], with_parent=False),
            _departments_segment(cid),
            _people_segment([Person.company_id == cid, Person.department_id.is_(None)]),
        ]
    if parent.kind is NodeKind.DEPARTMENT:
        return [_people_segment([Person.department_id == parent.ref_id])]
    return []  # people are leaves


def children_page(
    session: Session,
    parent: NodeRef | None,
    *,
    cursor: Cursor | None = None,
    limit: int = PAGE_SIZE,
    filter_text: str | None = None,
) -> Page:
    """One page of the children of ``parent`` (None: the top level).

    With ``filter_text`` the top level lists the matching companies (at any depth)
    and then the matching people; their children are unfiltered.
    """
    if limit < 1:
        raise ValueError(QT_TRANSLATE_NOOP("errors", "limit must be positive"))
    segments = _segments(parent, filter_text)
    cur = cursor or Cursor()
    nodes: list[TreeNode] = []
    segment, offset = cur.segment, cur.offset
    while segment < len(segments) and len(nodes) < limit:
        want = limit - len(nodes)
        got = segments[segment](session, offset, want)
        nodes.extend(got)
        if len(got) < want:
            segment, offset = segment + 1, 0
        else:
            offset += len(got)
    next_cursor = Cursor(segment, offset) if segment < len(segments) else None
    return Page(nodes=nodes, next=next_cursor)


def node_for(session: Session, ref: NodeRef) -> TreeNode:
    """A fresh node for one record (after an edit: new label and count)."""
    if ref.kind is NodeKind.COMPANY:
        companies = session.execute(
            select(Company.id, Company.name, Company.parent_id).where(
                Company.id == ref.ref_id, Company.deleted_at.is_(None)
            )
        ).all()
        if not companies:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Company {id} does not exist."), id=ref.ref_id
            )
        return _company_nodes(session, companies, with_parent=False)[0]
    if ref.kind is NodeKind.DEPARTMENT:
        dept = session.get(Department, ref.ref_id)
        if dept is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Department {id} does not exist."), id=ref.ref_id
            )
        found = _departments_segment(dept.company_id)(session, 0, 10_000)
        return next(n for n in found if n.ref == ref)
    if ref.kind is NodeKind.PERSON:
        rows = session.execute(_people_select([Person.id == ref.ref_id])).all()
        if not rows:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Person {id} does not exist."), id=ref.ref_id
            )
        return _person_nodes(rows)[0]
    return TreeNode(ref=NO_COMPANY, label="", has_children=True)


# ---------------------------------------------------------------- paths (select a record)


def company_chain(session: Session, company_id: int) -> list[int]:
    """Ids from the top-level company down to ``company_id``."""
    chain: list[int] = []
    current: int | None = company_id
    while current is not None and current not in chain:
        chain.append(current)
        current = session.execute(
            select(Company.parent_id).where(Company.id == current)
        ).scalar_one_or_none()
    chain.reverse()
    return chain


def path_to(session: Session, ref: NodeRef) -> list[NodeRef]:
    """The refs from the top level down to ``ref`` (inclusive), for expanding the tree."""
    if ref.kind is NodeKind.COMPANY:
        assert ref.ref_id is not None
        return [NodeRef.company(c) for c in company_chain(session, ref.ref_id)]
    if ref.kind is NodeKind.DEPARTMENT:
        dept = session.get(Department, ref.ref_id)
        if dept is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Department {id} does not exist."), id=ref.ref_id
            )
        return [*path_to(session, NodeRef.company(dept.company_id)), ref]
    if ref.kind is NodeKind.PERSON:
        row = session.execute(
            select(Person.company_id, Person.department_id).where(Person.id == ref.ref_id)
        ).first()
        if row is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Person {id} does not exist."), id=ref.ref_id
            )
        if row.company_id is None:
            return [NO_COMPANY, ref]
        path = path_to(session, NodeRef.company(row.company_id))
        if row.department_id is not None:
            path.append(NodeRef.department(row.department_id))
        return [*path, ref]
    return [ref]


# ---------------------------------------------------------------- moving people


@dataclass
class MovePlan:
    person_id: int
    company_id: int | None
    department_id: int | None
    from_company_id: int | None
    crosses_company: bool  # the person would change company: ask the user first
    changes: dict[str, Any] = field(default_factory=dict)


def plan_move(session: Session, person_id: int, target: NodeRef) -> MovePlan:
    """Where a person dropped on ``target`` goes (a department, a company or "No company")."""
    person = session.get(Person, person_id)
    if person is None or person.deleted_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Person {id} does not exist."), id=person_id
        )
    if target.kind is NodeKind.DEPARTMENT:
        dept = session.get(Department, target.ref_id)
        if dept is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Department {id} does not exist."), id=target.ref_id
            )
        company_id: int | None = dept.company_id
        department_id: int | None = dept.id
    elif target.kind is NodeKind.COMPANY:
        company_id, department_id = target.ref_id, None
    elif target.kind is NodeKind.NO_COMPANY:
        company_id, department_id = None, None
    else:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A person can only be moved to a company or a department.")
        )
    changes: dict[str, Any] = {}
    if company_id != person.company_id:
        changes["company_id"] = company_id
    if department_id != person.department_id:
        changes["department_id"] = department_id
    crosses = person.company_id is not None and company_id != person.company_id
    if crosses and person.reports_to_id is not None:
        boss = session.get(Person, person.reports_to_id)
        if boss is not None and boss.company_id != company_id:
            changes["reports_to_id"] = None  # the supervisor stays behind
    return MovePlan(
        person_id=person_id,
        company_id=company_id,
        department_id=department_id,
        from_company_id=person.company_id,
        crosses_company=crosses,
        changes=changes,
    )


def move_person(
    session: Session,
    person_id: int,
    target: NodeRef,
    *,
    allow_company_change: bool = False,
    clock: Clock | None = None,
) -> MovePlan:
    """Move a person to another department/company through the contacts service.

    Moving to another company is refused unless ``allow_company_change`` (the UI asks).
    """
    from crm_desktop.services.contacts import update_person

    plan = plan_move(session, person_id, target)
    if plan.crosses_company and not allow_company_change:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The person belongs to another company. Confirm to move them to the new company.",
            ),
            field="company_id",
        )
    if plan.changes:
        from crm_desktop.data.models import Person
        from crm_desktop.services import undo

        clock = clock or SystemClock()
        before = undo.snapshot(session, "person", person_id)
        update_person(session, person_id, dict(plan.changes), clock=clock)
        after = undo.snapshot(session, "person", person_id)
        person = session.get_one(Person, person_id)
        name = " ".join(p for p in (person.given_name, person.family_name) if p)
        undo.record_edit(session, "person", person_id, before, after, f"Move “{name}”", clock)
    return plan


# ---------------------------------------------------------------- status bar


def tree_counts(session: Session, *, now: dt.datetime | None = None) -> TreeCounts:
    """People, companies and follow-ups due by ``now`` (three indexed COUNTs)."""
    moment = now or SystemClock().now()
    people = session.scalar(
        select(func.count()).select_from(Person).where(Person.deleted_at.is_(None))
    )
    companies = session.scalar(
        select(func.count()).select_from(Company).where(Company.deleted_at.is_(None))
    )
    due = session.scalar(
        select(func.count())
        .select_from(FollowUp)
        .where(
            FollowUp.done_at.is_(None),
            FollowUp.cancelled_at.is_(None),
            func.coalesce(FollowUp.snoozed_until, FollowUp.due_at) <= moment,
        )
    )
    return TreeCounts(
        people=int(people or 0), companies=int(companies or 0), due_followups=int(due or 0)
    )


def is_empty(session: Session) -> bool:
    """True when the store holds no company and no person yet (first start)."""
    person = session.execute(select(Person.id).limit(1)).first()
    company = session.execute(select(Company.id).limit(1)).first()
    return person is None and company is None
