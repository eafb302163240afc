"""Departments of a company and the org chart of a company group.

A department can be renamed, deleted (its people stay in the company, without a
department; its sub-departments move up to its parent), put inside another department
of the same company (a sub-department) and given a head (a person of the company).
People move between departments, several at once. Every write is one undo entry
(action ``department-change``): the departments and people it changed, before and
after, so the undo writes the old values back and the redo the new ones.

:func:`org_chart` reads a whole company group (the top company, its branches and
theirs) with departments and people and their reporting lines; :func:`group_people`
is what the boss picker of the person dialog offers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from crm_desktop.clock import Clock
from crm_desktop.data.collation import german_key
from crm_desktop.data.models import Company, Department, Person, display_name
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ConflictError, NotFoundError, ValidationError
from crm_desktop.services import validation as v
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session

ACTION = "department-change"
_FIELDS = ("company_id", "name", "parent_id", "head_id")

NO_DEPARTMENT = QT_TRANSLATE_NOOP("errors", "There is no department {id}.")
NO_PERSON = QT_TRANSLATE_NOOP("errors", "There is no person {id}.")
OTHER_COMPANY = QT_TRANSLATE_NOOP("errors", "The department belongs to another company.")
NOT_IN_COMPANY = QT_TRANSLATE_NOOP("errors", "{name} does not work for the department's company.")
TAKEN = QT_TRANSLATE_NOOP("errors", "The department “{name}” already exists.")
CYCLE = QT_TRANSLATE_NOOP(
    "errors", "A department cannot be inside itself or inside one of its sub-departments."
)


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class DepartmentInfo:
    id: int
    company_id: int
    company: str
    name: str
    parent_id: int | None
    head_id: int | None
    head: str
    people: int


def _get(session: Session, dept_id: int) -> Department:
    dept = session.get(Department, dept_id)
    if dept is None:
        raise NotFoundError(NO_DEPARTMENT, id=dept_id)
    return dept


def list_departments(session: Session, company_id: int | None = None) -> list[DepartmentInfo]:
    """Departments (of one company, or all), by company and name."""
    counts = dict(
        session.execute(
            select(Person.department_id, func.count())
            .where(Person.deleted_at.is_(None), Person.department_id.is_not(None))
            .group_by(Person.department_id)
        ).all()
    )
    query = select(Department, Company.name).join(Company, Company.id == Department.company_id)
    if company_id is not None:
        query = query.where(Department.company_id == company_id)
    query = query.where(Company.deleted_at.is_(None))
    out = []
    for dept, company in session.execute(query.order_by(Company.name, Department.name)).all():
        head = session.get(Person, dept.head_id) if dept.head_id is not None else None
        out.append(
            DepartmentInfo(
                dept.id,
                dept.company_id,
                str(company),
                dept.name,
                dept.parent_id,
                dept.head_id,
                head.full_name if head is not None and head.deleted_at is None else "",
                int(counts.get(dept.id, 0)),
            )
        )
    return out


def _state(dept: Department) -> dict[str, Any]:
    return {name: getattr(dept, name) for name in _FIELDS}


# ---------------------------------------------------------------- the undo entry


@dataclass
class DepartmentChange:
    """Departments (``None``: not there) and people's department before and after."""

    departments: list[tuple[int, dict[str, Any] | None, dict[str, Any] | None]] = field(
        default_factory=list
    )
    people: list[tuple[int, int | None, int | None]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "departments": [{"id": i, "before": b, "after": a} for i, b, a in self.departments],
            "people": [{"id": i, "before": b, "after": a} for i, b, a in self.people],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DepartmentChange:
        depts, people = data.get("departments"), data.get("people")
        if not isinstance(depts, list) or not isinstance(people, list):
            raise ValueError(QT_TRANSLATE_NOOP("errors", "departments/people are not lists"))
        out = cls()
        for d in depts:
            ref, before, after = d["id"], d.get("before"), d.get("after")
            if not isinstance(ref, int):
                raise ValueError(QT_TRANSLATE_NOOP("errors", "a department id is not a number"))
            for state in (before, after):
                if state is not None and (
                    not isinstance(state, dict) or set(state) != set(_FIELDS)
                ):
                    raise ValueError(
                        QT_TRANSLATE_NOOP("errors", "a department state names other fields")
                    )
            out.departments.append((ref, before, after))
        for p in people:
            ref, before, after = p["id"], p.get("before"), p.get("after")
            if not isinstance(ref, int) or not all(
                x is None or isinstance(x, int) for x in (before, after)
            ):
                raise ValueError(
                    QT_TRANSLATE_NOOP("errors", "a person's department is not a number")
                )
            out.people.append((ref, before, after))
        return out

    def changes(self) -> Changes:
        out = Changes.of("department", *(i for i, _b, _a in self.departments), structure=True)
        out = out | Changes.of("person", *(i for i, _b, _a in self.people))
        companies = {
            s["company_id"] for _i, b, a in self.departments for s in (b, a) if s is not None
        }
        return out | Changes.of("company", *companies)


class _Watch:
    """Departments and people before a use case changes them."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.depts: dict[int, dict[str, Any] | None] = {}
        self.people: dict[int, int | None] = {}

    def dept(self, dept: Department) -> None:
        self.depts.setdefault(dept.id, _state(dept))

    def person(self, person: Person) -> None:
        self.people.setdefault(person.id, person.department_id)

    def record(self, label: str, clock: Clock) -> Changes:
        from crm_desktop.services import undo

        self.session.flush()
        change = DepartmentChange()
        for ref, before in self.depts.items():
            now = self.session.get(Department, ref)
            after = _state(now) if now is not None else None
            if before != after:
                change.departments.append((ref, before, after))
        for ref, before_dept in self.people.items():
            person = self.session.get_one(Person, ref)
            if person.department_id != before_dept:
                change.people.append((ref, before_dept, person.department_id))
        if not change.departments and not change.people:
            return Changes()
        undo.record(self.session, action=ACTION, label=label, payload=change, clock=clock)
        return change.changes()


def _apply(session: Session, p: DepartmentChange, clock: Clock, *, undoing: bool) -> Changes:
    from crm_desktop.services import undo

    def pick(before: Any, after: Any) -> tuple[Any, Any]:  # (expected now, to write)
        return (after, before) if undoing else (before, after)

    for ref, before, after in p.departments:
        expected, _target = pick(before, after)
        now = session.get(Department, ref)
        if (now is None) != (expected is None) or (now is not None and _state(now) != expected):
            raise ConflictError(undo.EDIT_OVERTAKEN)
    for ref, before_dept, after_dept in p.people:
        expected, _target = pick(before_dept, after_dept)
        person = session.get(Person, ref)
        if person is None:
            raise ConflictError(undo.ROW_GONE)
        if person.department_id != expected:
            raise ConflictError(undo.EDIT_OVERTAKEN)
    # departments that come back first (without links), then every value, then people,
    # then the departments that go
    for ref, before, after in p.departments:
        _expected, target = pick(before, after)
        if target is not None and session.get(Department, ref) is None:
            session.add(Department(id=ref, company_id=target["company_id"], name=target["name"]))
    session.flush()
    for ref, before, after in p.departments:
        _expected, target = pick(before, after)
        if target is not None:
            dept = session.get_one(Department, ref)
            for name in _FIELDS:
                setattr(dept, name, target[name])
    for ref, before_dept, after_dept in p.people:
        _expected, target = pick(before_dept, after_dept)
        session.get_one(Person, ref).department_id = target
    session.flush()
    for ref, before, after in p.departments:
        _expected, target = pick(before, after)
        if target is None:
            session.delete(session.get_one(Department, ref))
    session.flush()
    return p.changes()


def _undo(session: Session, p: DepartmentChange, clock: Clock) -> Changes:
    return _apply(session, p, clock, undoing=True)


def _redo(session: Session, p: DepartmentChange, clock: Clock) -> Changes:
    return _apply(session, p, clock, undoing=False)


def _check(session: Session, p: DepartmentChange) -> str | None:
    """Offered even while a department it names is gone: a newer entry (a delete) may
    bring it back when undone first; undone out of turn, it is refused with a message
    (EDIT_OVERTAKEN) and then dropped."""
    return None


def register_undo() -> None:
    """Called by :mod:`crm_desktop.services.undo` when it is imported."""
    from crm_desktop.services import undo

    undo.register(ACTION, parse=DepartmentChange.from_dict, undo=_undo, redo=_redo, check=_check)


# ---------------------------------------------------------------- use cases


def rename_department(session: Session, dept_id: int, name: str, clock: Clock) -> Changes:
    dept = _get(session, dept_id)
    clean = v.required(name, "name", "Department name")
    taken = session.scalar(
        select(Department.id).where(
            Department.company_id == dept.company_id,
            Department.name == clean,
            Department.id != dept.id,
        )
    )
    if taken is not None:
        raise ConflictError(TAKEN, name=clean)
    watch = _Watch(session)
    watch.dept(dept)
    old = dept.name
    dept.name = clean
    return watch.record(f"Rename department “{old}”", clock)


def delete_department(session: Session, dept_id: int, clock: Clock) -> Changes:
    """Delete a department: its people stay in the company without a department, its
    sub-departments move up to its parent department."""
    dept = _get(session, dept_id)
    watch = _Watch(session)
    watch.dept(dept)
    for person in session.execute(select(Person).where(Person.department_id == dept.id)).scalars():
        watch.person(person)
        person.department_id = None
    for sub in session.execute(select(Department).where(Department.parent_id == dept.id)).scalars():
        watch.dept(sub)
        sub.parent_id = dept.parent_id
    name = dept.name
    session.flush()
    session.delete(dept)
    return watch.record(f"Delete department “{name}”", clock)


def move_people(
    session: Session, person_ids: list[int], dept_id: int | None, clock: Clock
) -> Changes:
    """Move people into a department (``None``: out of their department)."""
    dept = _get(session, dept_id) if dept_id is not None else None
    watch = _Watch(session)
    for pid in dict.fromkeys(person_ids):
        person = session.get(Person, pid)
        if person is None or person.deleted_at is not None:
            raise NotFoundError(NO_PERSON, id=pid)
        if dept is not None and person.company_id != dept.company_id:
            raise ValidationError(NOT_IN_COMPANY, name=person.full_name)
        watch.person(person)
        person.department_id = dept.id if dept is not None else None
    if dept is None:
        return watch.record("Remove people from their department", clock)
    return watch.record(f"Move people to department “{dept.name}”", clock)


def set_parent(session: Session, dept_id: int, parent_id: int | None, clock: Clock) -> Changes:
    """Put a department inside another one of the same company (``None``: top level)."""
    dept = _get(session, dept_id)
    if parent_id is not None:
        parent = _get(session, parent_id)
        if parent.company_id != dept.company_id:
            raise ValidationError(OTHER_COMPANY, field="parent_id")
        current: Department | None = parent
        while current is not None:
            if current.id == dept.id:
                raise ValidationError(CYCLE, field="parent_id")
            current = session.get(Department, current.parent_id) if current.parent_id else None
    watch = _Watch(session)
    watch.dept(dept)
    dept.parent_id = parent_id
    return watch.record(f"Move department “{dept.name}”", clock)


def set_head(session: Session, dept_id: int, person_id: int | None, clock: Clock) -> Changes:
    """Name the head of a department (a person of its company; ``None``: nobody)."""
    dept = _get(session, dept_id)
    if person_id is not None:
        person = session.get(Person, person_id)
        if person is None or person.deleted_at is not None:
            raise NotFoundError(NO_PERSON, id=person_id)
        if person.company_id != dept.company_id:
            raise ValidationError(NOT_IN_COMPANY, field="head_id", name=person.full_name)
    watch = _Watch(session)
    watch.dept(dept)
    dept.head_id = person_id
    return watch.record(f"Set head of department “{dept.name}”", clock)


# ---------------------------------------------------------------- company group, org chart


def group_company_ids(session: Session, company_id: int) -> list[int]:
    """The company group of a company: the top company, then its branches, theirs, …
    (companies in the trash are left out)."""
    top = session.get(Company, company_id)
    if top is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "There is no company {id}."), id=company_id)
    seen = {top.id}
    while top.parent_id is not None and top.parent_id not in seen:
        parent = session.get(Company, top.parent_id)
        if parent is None or parent.deleted_at is not None:
            break
        seen.add(parent.id)
        top = parent
    out = [top.id]
    level = [top.id]
    while level:
        rows = session.execute(
            select(Company.id)
            .where(Company.parent_id.in_(level), Company.deleted_at.is_(None))
            .order_by(german_key(Company.name), Company.id)
        ).scalars()
        level = [int(r) for r in rows if int(r) not in out]
        out += level
    return out


@dataclass(frozen=True)
class GroupPerson:
    id: int
    name: str
    company_id: int | None
    company: str


def group_people(session: Session, company_id: int | None) -> list[GroupPerson]:
    """People of the company group of ``company_id`` (for the boss picker), by name."""
    if company_id is None:
        return []
    ids = group_company_ids(session, company_id)
    rows = session.execute(
        select(Person, Company.name)
        .join(Company, Company.id == Person.company_id)
        .where(Person.company_id.in_(ids), Person.deleted_at.is_(None))
        .order_by(german_key(Person.family_name), german_key(Person.given_name), Person.id)
    ).all()
    return [GroupPerson(p.id, p.full_name, p.company_id, str(c)) for p, c in rows]


@dataclass(frozen=True)
class OrgCompany:
    id: int
    name: str
    parent_id: int | None


@dataclass(frozen=True)
class OrgDepartment:
    id: int
    company_id: int
    name: str
    parent_id: int | None
    head_id: int | None


@dataclass(frozen=True)
class OrgPerson:
    id: int
    name: str
    position: str
    company_id: int
    department_id: int | None
    reports_to_id: int | None


@dataclass(frozen=True)
class OrgChart:
    companies: list[OrgCompany]
    departments: list[OrgDepartment]
    people: list[OrgPerson]

    @property
    def lines(self) -> list[tuple[int, int]]:
        """Reporting lines ``(person, boss)`` inside the chart."""
        there = {p.id for p in self.people}
        return [(p.id, p.reports_to_id) for p in self.people if p.reports_to_id in there]


def org_chart(session: Session, company_id: int) -> OrgChart:
    """The company group of ``company_id`` with departments and people."""
    ids = group_company_ids(session, company_id)
    order = {cid: i for i, cid in enumerate(ids)}
    companies = [
        OrgCompany(c.id, c.name, c.parent_id if c.parent_id in order else None)
        for c in sorted(
            session.execute(select(Company).where(Company.id.in_(ids))).scalars(),
            key=lambda c: order[c.id],
        )
    ]
    depts = [
        OrgDepartment(d.id, d.company_id, d.name, d.parent_id, d.head_id)
        for d in session.execute(
            select(Department)
            .where(Department.company_id.in_(ids))
            .order_by(german_key(Department.name), Department.id)
        ).scalars()
    ]
    people = [
        OrgPerson(
            p.id,
            display_name(p.title, p.given_name, p.family_name, p.nickname),
            p.position or "",
            int(p.company_id or 0),
            p.department_id,
            p.reports_to_id,
        )
        for p in session.execute(
            select(Person)
            .where(Person.company_id.in_(ids), Person.deleted_at.is_(None))
            .order_by(german_key(Person.family_name), german_key(Person.given_name), Person.id)
        ).scalars()
    ]
    return OrgChart(companies, depts, people)


__all__ = [
    "ACTION",
    "DepartmentChange",
    "DepartmentInfo",
    "GroupPerson",
    "OrgChart",
    "OrgCompany",
    "OrgDepartment",
    "OrgPerson",
    "delete_department",
    "group_company_ids",
    "group_people",
    "list_departments",
    "move_people",
    "org_chart",
    "rename_department",
    "set_head",
    "set_parent",
]
