"""Revenue targets per month (existing and new customers) against actual revenue from
orders, and contact intervals (target) against the last contact (actual).

Actual revenue counts an order as new-customer revenue when it is flagged
``is_new_customer`` or when the customer's first order falls in that year (a
customer won this year counts as new all year long). Everything is summed in SQL.
"""

from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass

from sqlalchemy import and_, case, extract, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from crm_desktop.clock import Clock, to_local
from crm_desktop.data.models import Activity, Company, Order, Person, RevenueTarget
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ValidationError

CENT = decimal.Decimal("0.01")
ZERO = decimal.Decimal("0.00")


@dataclass(frozen=True)
class MonthFigures:
    year: int
    month: int
    existing: decimal.Decimal
    new: decimal.Decimal

    @property
    def total(self) -> decimal.Decimal:
        return self.existing + self.new


@dataclass(frozen=True)
class TargetRow:
    month: int
    target: MonthFigures
    actual: MonthFigures

    @property
    def gap(self) -> decimal.Decimal:
        """Actual minus target (negative: behind target)."""
        return self.actual.total - self.target.total


def _money(value: object, field: str) -> decimal.Decimal:
    try:
        amount = decimal.Decimal(str(value)).quantize(CENT)
    except decimal.InvalidOperation as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not an amount."), field=field, value=value
        ) from exc
    if amount < 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A target must not be negative."), field=field
        )
    return amount


def _check_period(year: int, month: int | None = None) -> None:
    if not 1900 <= year <= 2999:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The year {year} is not plausible."),
            field="year",
            year=year,
        )
    if month is not None and not 1 <= month <= 12:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The month must lie between 1 and 12."), field="month"
        )


def _owner_key(owner: str | None) -> str:
    """The stored owner of a target: "" is the whole team's."""
    return (owner or "").strip()


def set_month_target(
    session: Session,
    year: int,
    month: int,
    existing: decimal.Decimal | int | str,
    new: decimal.Decimal | int | str,
    owner: str | None = None,
) -> MonthFigures:
    """Set the target of one month: the team's (``owner`` None or "") or one owner's."""
    _check_period(year, month)
    ex = _money(existing, "existing_customers")
    nw = _money(new, "new_customers")
    key = _owner_key(owner)
    row = session.execute(
        select(RevenueTarget).where(
            RevenueTarget.year == year, RevenueTarget.month == month, RevenueTarget.owner == key
        )
    ).scalar_one_or_none()
    if row is None:
        row = RevenueTarget(year=year, month=month, owner=key)
        session.add(row)
    row.existing_customers = ex
    row.new_customers = nw
    session.flush()
    return MonthFigures(year, month, ex, nw)


def _split(total: decimal.Decimal, weights: list[decimal.Decimal]) -> list[decimal.Decimal]:
    """Split ``total`` by ``weights`` into cents; the rounding rest goes to the last month."""
    wsum = sum(weights, decimal.Decimal(0))
    if wsum <= 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The month weights must add up to more than zero."),
            field="weights",
        )
    parts = [(total * w / wsum).quantize(CENT, rounding=decimal.ROUND_DOWN) for w in weights]
    parts[-1] += total - sum(parts, decimal.Decimal(0))
    return parts


def set_year_targets(
    session: Session,
    year: int,
    existing_total: decimal.Decimal | int | str,
    new_total: decimal.Decimal | int | str,
    weights: list[decimal.Decimal | int] | None = None,
    owner: str | None = None,
) -> list[MonthFigures]:
    """Break a yearly target into months: evenly, or by 12 ``weights`` (seasonality)."""
    _check_period(year)
    ws = [decimal.Decimal(w) for w in (weights or [1] * 12)]
    if len(ws) != 12 or any(w < 0 for w in ws):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Twelve non-negative month weights are needed."),
            field="weights",
        )
    ex_parts = _split(_money(existing_total, "existing_customers"), ws)
    nw_parts = _split(_money(new_total, "new_customers"), ws)
    return [
        set_month_target(session, year, m + 1, ex_parts[m], nw_parts[m], owner) for m in range(12)
    ]


def target_months(
    session: Session, first_year: int, last_year: int, owner: str | None = None
) -> dict[tuple[int, int], tuple[decimal.Decimal, decimal.Decimal]]:
    """(year, month) -> (existing, new) of the stored targets of one owner (or the team)."""
    rows = session.execute(
        select(RevenueTarget).where(
            RevenueTarget.year >= first_year,
            RevenueTarget.year <= last_year,
            RevenueTarget.owner == _owner_key(owner),
        )
    ).scalars()
    return {
        (r.year, r.month): (
            decimal.Decimal(r.existing_customers).quantize(CENT),
            decimal.Decimal(r.new_customers).quantize(CENT),
        )
        for r in rows
    }


def get_targets(session: Session, year: int, owner: str | None = None) -> list[MonthFigures]:
    """Twelve months of targets (zero where none is set)."""
    rows = target_months(session, year, year, owner)
    return [MonthFigures(year, m, *rows.get((year, m), (ZERO, ZERO))) for m in range(1, 13)]


def target_owners(session: Session) -> list[str]:
    """The owners who have targets of their own, sorted."""
    found = session.scalars(select(RevenueTarget.owner).where(RevenueTarget.owner != "").distinct())
    return sorted(found, key=str.casefold)


def order_owner() -> ColumnElement[str | None]:
    """Whose revenue an order is: its company's owner, else (an order of a private
    customer) its person's owner. Needs Company and Person outer-joined (see
    :func:`actual_by_month`)."""
    return func.coalesce(Company.owner, Person.owner)


def actual_by_month(
    session: Session, start: dt.date, end: dt.date, owner: str | None = None
) -> dict[tuple[int, int], tuple[decimal.Decimal, decimal.Decimal]]:
    """(year, month) -> (existing, new) net order revenue from ``start`` to ``end``
    (inclusive), of one owner's customers when ``owner`` is given. New-customer revenue is
    an order flagged ``is_new_customer`` or of a customer whose first order falls in the
    order's year — the same split as the targets."""
    live = Order.deleted_at.is_(None)
    first_c = (
        select(Order.company_id.label("cid"), func.min(Order.order_date).label("first"))
        .where(live, Order.company_id.is_not(None))
        .group_by(Order.company_id)
        .subquery()
    )
    first_p = (
        select(Order.person_id.label("pid"), func.min(Order.order_date).label("first"))
        .where(live, Order.company_id.is_(None), Order.person_id.is_not(None))
        .group_by(Order.person_id)
        .subquery()
    )
    year = extract("year", Order.order_date)
    is_new = or_(
        Order.is_new_customer.is_(True),
        and_(Order.company_id.is_not(None), extract("year", first_c.c.first) == year),
        and_(Order.company_id.is_(None), extract("year", first_p.c.first) == year),
    )
    month = extract("month", Order.order_date)
    query = (
        select(
            year.label("y"),
            month.label("m"),
            func.coalesce(func.sum(case((is_new, 0), else_=Order.total_net)), 0),
            func.coalesce(func.sum(case((is_new, Order.total_net), else_=0)), 0),
        )
        .outerjoin(first_c, first_c.c.cid == Order.company_id)
        .outerjoin(first_p, and_(first_p.c.pid == Order.person_id, Order.company_id.is_(None)))
        .where(live, Order.order_date >= start, Order.order_date <= end)
        .group_by(year, month)
    )
    if owner:
        query = (
            query.outerjoin(Company, Company.id == Order.company_id)
            .outerjoin(Person, Person.id == Order.person_id)
            .where(order_owner() == owner)
        )
    return {
        (int(y), int(m)): (
            decimal.Decimal(str(ex)).quantize(CENT),
            decimal.Decimal(str(nw)).quantize(CENT),
        )
        for y, m, ex, nw in session.execute(query).all()
    }


def actual_revenue(session: Session, year: int, owner: str | None = None) -> list[MonthFigures]:
    """Net order revenue per month of ``year``, split into existing and new customers."""
    _check_period(year)
    found = actual_by_month(session, dt.date(year, 1, 1), dt.date(year, 12, 31), owner)
    return [MonthFigures(year, m, *found.get((year, m), (ZERO, ZERO))) for m in range(1, 13)]


def target_report(session: Session, year: int, owner: str | None = None) -> list[TargetRow]:
    """Target against actual per month: the team's, or one owner's target against the
    revenue of that owner's customers."""
    targets = get_targets(session, year, owner)
    actual = actual_revenue(session, year, owner)
    return [TargetRow(m + 1, targets[m], actual[m]) for m in range(12)]


# ---------------------------------------------------------------- contact intervals


@dataclass(frozen=True)
class IntervalRow:
    person_id: int
    name: str
    company_id: int | None
    interval_days: int
    last_contact_at: dt.datetime | None
    days_since: int | None  # None: never contacted

    @property
    def overdue_days(self) -> int | None:
        """Days past the interval (negative: still within it); None: never contacted."""
        return None if self.days_since is None else self.days_since - self.interval_days

    @property
    def due(self) -> bool:
        return self.days_since is None or self.days_since >= self.interval_days


def interval_report(session: Session, clock: Clock) -> list[IntervalRow]:
    """People with a contact interval: days since the last contact (of the interval's
    kind, when one is set) against the interval. Never contacted first, then most overdue."""
    last = func.max(Activity.occurred_at)
    rows = session.execute(
        select(
            Person.id,
            Person.given_name,
            Person.family_name,
            Person.title,
            Person.company_id,
            Person.contact_interval_days,
            last,
        )
        .outerjoin(
            Activity,
            and_(
                Activity.person_id == Person.id,
                Activity.deleted_at.is_(None),
                or_(
                    Person.contact_interval_kind.is_(None),
                    Activity.kind == Person.contact_interval_kind,
                ),
            ),
        )
        .where(
            Person.contact_interval_days.is_not(None),
            Person.deleted_at.is_(None),
            Person.anonymized_at.is_(None),
        )
        .group_by(
            Person.id,
            Person.given_name,
            Person.family_name,
            Person.title,
            Person.company_id,
            Person.contact_interval_days,
        )
    ).all()
    today = to_local(clock.now()).date()
    out = []
    for pid, given, family, title, company_id, interval, last_at in rows:
        if isinstance(last_at, dt.datetime) and last_at.tzinfo is None:
            last_at = last_at.replace(tzinfo=dt.UTC)
        days = None if last_at is None else (today - to_local(last_at).date()).days
        name = " ".join(p for p in (title or "", given or "", family or "") if p)
        out.append(IntervalRow(pid, name, company_id, int(interval or 0), last_at, days))
    out.sort(
        key=lambda r: (
            r.days_since is not None,
            -(r.overdue_days or 0) if r.days_since is not None else 0,
            r.name,
        )
    )
    return out


# ---------------------------------------------------------------- revenue per customer


@dataclass(frozen=True)
class YearRevenue:
    year: int
    orders: int
    net: decimal.Decimal


def company_revenue_by_year(session: Session, company_id: int) -> list[YearRevenue]:
    """Net order revenue of one company per calendar year (its own orders, not its
    branches'), oldest first; years without orders between the first and the last are
    listed with zero so a chart shows the gap."""
    year = extract("year", Order.order_date)
    rows = session.execute(
        select(year, func.count(Order.id), func.coalesce(func.sum(Order.total_net), 0))
        .where(Order.company_id == company_id, Order.deleted_at.is_(None))
        .group_by(year)
        .order_by(year)
    ).all()
    found = {int(y): (int(n), decimal.Decimal(str(t)).quantize(CENT)) for y, n, t in rows}
    if not found:
        return []
    return [YearRevenue(y, *found.get(y, (0, ZERO))) for y in range(min(found), max(found) + 1)]
