"""Automatic A/B/C priorities from configurable criteria.

Customers are companies with an order or with status "customer", and private
customers (people without a company who ordered). Their revenue and number of
orders in the last months and the date of their last order and activity come
from SQL aggregates (GROUP BY); the class follows :class:`PriorityCriteria`.
Only changed priorities are written, each with a :class:`PriorityChange` — running
it twice changes nothing the second time. :func:`nightly` runs it once a day.

A priority the user set by hand and asked to keep (``priority_locked``,
:func:`set_priority`) is never changed by the run. :func:`history` is a record's
priority history — automatic runs with the figures they used, the user's own changes —
for the detail pane and ``priorities history``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import decimal
import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from crm_desktop.clock import Clock, to_local
from crm_desktop.data.models import (
    Activity,
    Company,
    CompanyStatus,
    Order,
    Person,
    Priority,
    PriorityChange,
)
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import NotFoundError
from crm_desktop.services import settings as cfg
from crm_desktop.services.settings import PriorityCriteria

if TYPE_CHECKING:
    from crm_desktop.data.store import Store

_DOWN = {Priority.A: Priority.B, Priority.B: Priority.C, Priority.C: Priority.C}


@dataclass(frozen=True)
class Figures:
    revenue: decimal.Decimal  # net, within the period
    orders: int  # within the period
    last_order: dt.date | None  # ever
    last_activity: dt.datetime | None  # ever


@dataclass(frozen=True)
class PriorityUpdate:
    entity: str  # "company" or "person"
    id: int
    name: str
    old: Priority | None
    new: Priority
    reason: str


def classify(fig: Figures, crit: PriorityCriteria, today: dt.date) -> Priority:
    if fig.revenue >= crit.a_revenue or fig.orders >= crit.a_orders:
        cls = Priority.A
    elif fig.revenue >= crit.b_revenue or fig.orders >= crit.b_orders:
        cls = Priority.B
    else:
        cls = Priority.C
    recent = [d for d in (fig.last_order, _day(fig.last_activity)) if d is not None]
    last = max(recent) if recent else None
    if last is None or (today - last).days > crit.stale_after_days:
        cls = _DOWN[cls]
    return cls


def _day(moment: dt.datetime | None) -> dt.date | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return to_local(moment).date()


def _months_back(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _reason(fig: Figures, crit: PriorityCriteria) -> str:
    return (
        f"auto: revenue {crit.months} months {fig.revenue.quantize(decimal.Decimal('0.01'))}, "
        f"orders {fig.orders}, last order {fig.last_order or '-'}, "
        f"last activity {_day(fig.last_activity) or '-'}"
    )


def company_figures(session: Session, since: dt.date) -> dict[int, Figures]:
    """Figures per company (only companies with an order or status customer)."""
    in_period = Order.order_date >= since
    orders = (
        select(
            Order.company_id.label("cid"),
            func.coalesce(func.sum(case((in_period, Order.total_net), else_=0)), 0).label("rev"),
            func.count(case((in_period, Order.id))).label("n"),
            func.max(Order.order_date).label("last_order"),
        )
        .where(Order.deleted_at.is_(None), Order.company_id.is_not(None))
        .group_by(Order.company_id)
        .subquery()
    )
    acts = (
        select(Activity.company_id.label("cid"), func.max(Activity.occurred_at).label("last_act"))
        .where(Activity.deleted_at.is_(None), Activity.company_id.is_not(None))
        .group_by(Activity.company_id)
        .subquery()
    )
    rows = session.execute(
        select(Company.id, orders.c.rev, orders.c.n, orders.c.last_order, acts.c.last_act)
        .outerjoin(orders, orders.c.cid == Company.id)
        .outerjoin(acts, acts.c.cid == Company.id)
        .where(
            Company.deleted_at.is_(None),
            or_(orders.c.cid.is_not(None), Company.status == CompanyStatus.CUSTOMER),
        )
    ).all()
    return {
        cid: _figures(rev, n, last_order, last_act) for cid, rev, n, last_order, last_act in rows
    }


def person_figures(session: Session, since: dt.date) -> dict[int, Figures]:
    """Figures per private customer: a person without a company who ordered."""
    in_period = Order.order_date >= since
    orders = (
        select(
            Order.person_id.label("pid"),
            func.coalesce(func.sum(case((in_period, Order.total_net), else_=0)), 0).label("rev"),
            func.count(case((in_period, Order.id))).label("n"),
            func.max(Order.order_date).label("last_order"),
        )
        .where(Order.deleted_at.is_(None), Order.company_id.is_(None), Order.person_id.is_not(None))
        .group_by(Order.person_id)
        .subquery()
    )
    acts = (
        select(Activity.person_id.label("pid"), func.max(Activity.occurred_at).label("last_act"))
        .where(Activity.deleted_at.is_(None), Activity.person_id.is_not(None))
        .group_by(Activity.person_id)
        .subquery()
    )
    rows = session.execute(
        select(Person.id, orders.c.rev, orders.c.n, orders.c.last_order, acts.c.last_act)
        .join(orders, orders.c.pid == Person.id)
        .outerjoin(acts, acts.c.pid == Person.id)
        .where(and_(Person.deleted_at.is_(None), Person.company_id.is_(None)))
    ).all()
    return {
        pid: _figures(rev, n, last_order, last_act) for pid, rev, n, last_order, last_act in rows
    }


def _figures(rev: object, n: object, last_order: object, last_act: object) -> Figures:
    if isinstance(last_order, str):  # SQLite may hand back text for an aggregate
        last_order = dt.date.fromisoformat(last_order)
    if isinstance(last_act, str):
        last_act = dt.datetime.fromisoformat(last_act)
    return Figures(
        revenue=decimal.Decimal(str(rev or 0)).quantize(decimal.Decimal("0.01")),
        orders=int(n or 0),  # type: ignore[call-overload]
        last_order=last_order if isinstance(last_order, dt.date) else None,
        last_activity=last_act if isinstance(last_act, dt.datetime) else None,
    )


def compute_priorities(
    session: Session, clock: Clock
) -> tuple[dict[int, tuple[Priority, Figures]], dict[int, tuple[Priority, Figures]]]:
    """(companies, people): id → (class, figures) under the configured criteria."""
    crit = cfg.priority_criteria(session)
    today = to_local(clock.now()).date()
    since = _months_back(today, crit.months)
    comps = {
        cid: (classify(fig, crit, today), fig)
        for cid, fig in company_figures(session, since).items()
    }
    people = {
        pid: (classify(fig, crit, today), fig)
        for pid, fig in person_figures(session, since).items()
    }
    return comps, people


def recompute_priorities(session: Session, clock: Clock) -> list[PriorityUpdate]:
    """Set every customer's A/B/C; write history only for those that changed."""
    crit = cfg.priority_criteria(session)
    comps, people = compute_priorities(session, clock)
    changes = _apply(session, comps, people, crit, clock.now())
    return sorted(changes, key=lambda c: (c.entity, c.id))


def _apply(
    session: Session,
    comps: dict[int, tuple[Priority, Figures]],
    people: dict[int, tuple[Priority, Figures]],
    crit: PriorityCriteria,
    now: dt.datetime,
) -> list[PriorityUpdate]:
    changes: list[PriorityUpdate] = []
    if comps:
        for company in session.execute(
            select(Company).where(Company.id.in_(comps), Company.priority_locked.is_(False))
        ).scalars():
            new, fig = comps[company.id]
            if company.priority == new:
                continue
            reason = _reason(fig, crit)
            session.add(
                PriorityChange(
                    company_id=company.id,
                    old=company.priority,
                    new=new,
                    changed_at=now,
                    reason=reason,
                )
            )
            changes.append(
                PriorityUpdate("company", company.id, company.name, company.priority, new, reason)
            )
            company.priority = new
    if people:
        for person in session.execute(
            select(Person).where(Person.id.in_(people), Person.priority_locked.is_(False))
        ).scalars():
            new, fig = people[person.id]
            if person.priority == new:
                continue
            reason = _reason(fig, crit)
            session.add(
                PriorityChange(
                    person_id=person.id, old=person.priority, new=new, changed_at=now, reason=reason
                )
            )
            changes.append(
                PriorityUpdate("person", person.id, person.full_name, person.priority, new, reason)
            )
            person.priority = new
    session.flush()
    return changes


def nightly(session: Session, clock: Clock) -> list[PriorityUpdate] | None:
    """The once-a-day hook: recompute when it has not run today (local date) yet.
    Returns the changes, or None when it already ran today."""
    today = to_local(clock.now()).date()
    last = cfg.priority_last_run(session)
    if last is not None and last >= today:
        return None
    changes = recompute_priorities(session, clock)
    cfg.set_priority_last_run(session, today)
    return changes


NIGHTLY_CHUNK = 500
NIGHTLY_PAUSE = 0.1  # seconds between two chunks (SQLite's busy wait polls up to every 100 ms)


def nightly_in_steps(
    store: Store, clock: Clock, *, chunk: int = NIGHTLY_CHUNK
) -> list[PriorityUpdate] | None:
    """:func:`nightly` for the start of the program: the figures are read without the
    write lock, the changes are written in transactions of ``chunk`` records, so a save
    in the window never waits for more than one of them. Interrupted half-way, the next
    start finishes the job (records already at their class are skipped)."""
    today = to_local(clock.now()).date()
    with store.reader() as s:
        last = cfg.priority_last_run(s)
        if last is not None and last >= today:
            return None
        crit = cfg.priority_criteria(s)
        comps, people = compute_priorities(s, clock)
    now = clock.now()
    changes: list[PriorityUpdate] = []
    company_ids, person_ids = sorted(comps), sorted(people)
    for ids, is_company in ((company_ids, True), (person_ids, False)):
        for at in range(0, len(ids), chunk):
            part = ids[at : at + chunk]
            if at:  # a save waiting for the lock polls every few ms: let it in
                time.sleep(NIGHTLY_PAUSE)
            with store.session() as s:
                if is_company:
                    changes += _apply(s, {i: comps[i] for i in part}, {}, crit, now)
                else:
                    changes += _apply(s, {}, {i: people[i] for i in part}, crit, now)
    with store.session() as s:
        cfg.set_priority_last_run(s, today)
    return sorted(changes, key=lambda c: (c.entity, c.id))


# ---------------------------------------------------------------- by hand, and the history

Entity = Literal["company", "person"]


def _record(session: Session, entity: Entity, record_id: int) -> Company | Person:
    record: Company | Person | None
    if entity == "company":
        record = session.get(Company, record_id)
        if record is None or record.deleted_at is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Company {id} does not exist."), id=record_id
            )
        return record
    record = session.get(Person, record_id)
    if record is None or record.deleted_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Person {id} does not exist."), id=record_id
        )
    return record


def is_locked(session: Session, entity: Entity, record_id: int) -> bool:
    return bool(_record(session, entity, record_id).priority_locked)


def set_priority(
    session: Session,
    entity: Entity,
    record_id: int,
    priority: Priority | None,
    *,
    keep: bool,
    clock: Clock,
) -> HistoryEntry | None:
    """The user's own priority for a company or a person. ``keep`` locks it against the
    automatic run (``False`` hands the record back to it). Written to the history when
    the class changes; returns that history entry, or None when the class stayed."""
    record = _record(session, entity, record_id)
    record.priority_locked = keep
    old = record.priority
    if old == priority:
        session.flush()
        return None
    reason = "manual, kept" if keep else "manual"
    change = PriorityChange(old=old, new=priority, changed_at=clock.now(), reason=reason)
    if isinstance(record, Company):
        change.company_id = record.id
    else:
        change.person_id = record.id
    session.add(change)
    record.priority = priority
    record.updated_at = clock.now()
    session.flush()
    return _entry(change)


@dataclass(frozen=True)
class HistoryEntry:
    """One change of a record's priority."""

    changed_at: dt.datetime  # aware, UTC
    old: Priority | None
    new: Priority | None
    source: Literal["auto", "manual", "created", "import", "other"]
    kept: bool  # the user asked the automatic run to leave it
    # the figures an automatic run decided on (empty for a change by hand)
    figures: dict[str, str]
    reason: str  # as stored


_AUTO = re.compile(
    r"auto: revenue (?P<months>\d+) months (?P<revenue>[-\d.]+), orders (?P<orders>\d+), "
    r"last order (?P<last_order>[-\d]+), last activity (?P<last_activity>[-\d]+)"
)


def _entry(change: PriorityChange) -> HistoryEntry:
    reason = change.reason or ""
    figures: dict[str, str] = {}
    source: Literal["auto", "manual", "created", "import", "other"]
    if reason.startswith("auto"):
        source = "auto"
        m = _AUTO.match(reason)
        if m:
            figures = {k: v for k, v in m.groupdict().items() if v and v != "-"}
    elif reason.startswith("manual") or reason == "edited":
        source = "manual"
    elif reason == "created":
        source = "created"
    elif "import" in reason:
        source = "import"
    else:
        source = "other"
    moment = change.changed_at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return HistoryEntry(
        changed_at=moment,
        old=change.old,
        new=change.new,
        source=source,
        kept=reason == "manual, kept",
        figures=figures,
        reason=reason,
    )


def history(session: Session, entity: Entity, record_id: int) -> list[HistoryEntry]:
    """Every priority change of a company or a person, newest first."""
    _record(session, entity, record_id)
    column = PriorityChange.company_id if entity == "company" else PriorityChange.person_id
    rows = session.execute(
        select(PriorityChange)
        .where(column == record_id)
        .order_by(PriorityChange.changed_at.desc(), PriorityChange.id.desc())
    ).scalars()
    return [_entry(c) for c in rows]
