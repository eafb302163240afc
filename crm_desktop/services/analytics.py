"""Figures for the dashboard and the reports, all computed by SQL aggregates.

No function here loops over every row in Python: each is one or a few GROUP BY
queries, so a dashboard on 100,000 people and 1,000,000 activities opens quickly.
Months are calendar months of the stored UTC timestamps (a call at 00:30 local time
on the 1st counts for the previous month; fine for a monthly chart), on PostgreSQL too
whatever the session's time zone.

Activities are counted over ranges of ``occurred_at`` (never a function of it), so both
databases answer from the covering indexes ix_activities_time_kind and
ix_activities_company_time_kind (see Activity in data/models.py) without reading the rows.
"""

from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    DateTime,
    Integer,
    and_,
    case,
    cast,
    func,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from crm_desktop.clock import Clock
from crm_desktop.data.base import UTCDateTime
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Company,
    CompanyStatus,
    LossReason,
    Opportunity,
    OpportunityStatus,
    Order,
    Person,
    PipelineStage,
    RevenueTarget,
    Ticket,
)
from crm_desktop.services import targets

ZERO = decimal.Decimal(0)


def _month(session: Session, column: Any) -> ColumnElement[str]:
    if session.get_bind().dialect.name == "postgresql":
        if isinstance(column.type, UTCDateTime):
            # a timestamptz: its month in UTC, whatever the session's time zone
            column = func.timezone("UTC", column)
        return func.to_char(column, "YYYY-MM")
    # SQLite keeps dates and UTC datetimes as ISO text: the month is its first 7 characters
    # (much cheaper than strftime over a million rows)
    return func.substr(column, 1, 7)


def _dec(value: Any) -> decimal.Decimal:
    if value is None:
        return ZERO
    return decimal.Decimal(str(value)).quantize(decimal.Decimal("0.01"))


@dataclass
class Period:
    start: dt.date
    end: dt.date  # inclusive

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    def months(self) -> list[str]:
        out = []
        y, m = self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            out.append(f"{y:04d}-{m:02d}")
            m += 1
            if m == 13:
                y, m = y + 1, 1
        return out

    @property
    def start_utc(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time(), tzinfo=dt.UTC)

    @property
    def end_utc(self) -> dt.datetime:
        return dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)


@dataclass
class MonthRevenue:
    month: str
    existing: decimal.Decimal
    new: decimal.Decimal
    target_existing: decimal.Decimal
    target_new: decimal.Decimal

    @property
    def total(self) -> decimal.Decimal:
        return self.existing + self.new

    @property
    def target(self) -> decimal.Decimal:
        return self.target_existing + self.target_new


def revenue_vs_target(
    session: Session, period: Period, owner: str | None = None
) -> list[MonthRevenue]:
    """Actual against target per month. Without ``owner`` the team's target against all
    revenue; with one, that owner's own target against the revenue of that owner's
    customers. New vs existing customers split as the targets are (see services/targets)."""
    actual = targets.actual_by_month(session, period.start, period.end, owner)
    goals = targets.target_months(session, period.start.year, period.end.year, owner)
    out = []
    for m in period.months():
        key = (int(m[:4]), int(m[5:]))
        existing, new = actual.get(key, (None, None))
        t_existing, t_new = goals.get(key, (None, None))
        out.append(MonthRevenue(m, _dec(existing), _dec(new), _dec(t_existing), _dec(t_new)))
    return out


@dataclass
class StageFigure:
    stage_id: int | None
    stage: str
    count: int
    value: decimal.Decimal
    weighted: decimal.Decimal


def pipeline_by_stage(session: Session, owner: str | None = None) -> list[StageFigure]:
    query = (
        select(
            PipelineStage.id,
            PipelineStage.name,
            func.count(Opportunity.id),
            func.coalesce(func.sum(Opportunity.value), 0),
            func.coalesce(func.sum(Opportunity.value * Opportunity.probability / 100.0), 0),
        )
        .select_from(PipelineStage)
        .outerjoin(
            Opportunity,
            and_(
                Opportunity.stage_id == PipelineStage.id,
                Opportunity.status == OpportunityStatus.OPEN,
                Opportunity.deleted_at.is_(None),
                *([Opportunity.owner == owner] if owner else []),
            ),
        )
        .group_by(PipelineStage.id, PipelineStage.name, PipelineStage.position)
        .order_by(PipelineStage.position)
    )
    return [
        StageFigure(r[0], r[1], int(r[2]), _dec(r[3]), _dec(r[4])) for r in session.execute(query)
    ]


def pipeline_by_month(
    session: Session, owner: str | None = None
) -> list[tuple[str, decimal.Decimal, int]]:
    month = _month(session, Opportunity.expected_close)
    query = (
        select(month, func.sum(Opportunity.value), func.count(Opportunity.id))
        .where(
            Opportunity.status == OpportunityStatus.OPEN,
            Opportunity.deleted_at.is_(None),
            Opportunity.expected_close.is_not(None),
        )
        .group_by(month)
        .order_by(month)
    )
    if owner:
        query = query.where(Opportunity.owner == owner)
    return [(r[0], _dec(r[1]), int(r[2])) for r in session.execute(query)]


@dataclass
class WonLost:
    won: int
    lost: int
    won_value: decimal.Decimal
    lost_value: decimal.Decimal
    reasons: list[tuple[str, int]]

    @property
    def win_rate(self) -> float:
        total = self.won + self.lost
        return self.won / total if total else 0.0


def won_lost(session: Session, period: Period, owner: str | None = None) -> WonLost:
    cond = [
        Opportunity.closed_at >= period.start_utc,
        Opportunity.closed_at < period.end_utc,
        Opportunity.deleted_at.is_(None),
    ]
    if owner:
        cond.append(Opportunity.owner == owner)
    row = session.execute(
        select(
            func.sum(case((Opportunity.status == OpportunityStatus.WON, 1), else_=0)),
            func.sum(case((Opportunity.status == OpportunityStatus.LOST, 1), else_=0)),
            func.sum(
                case((Opportunity.status == OpportunityStatus.WON, Opportunity.value), else_=0)
            ),
            func.sum(
                case((Opportunity.status == OpportunityStatus.LOST, Opportunity.value), else_=0)
            ),
        ).where(*cond)
    ).one()
    reasons = session.execute(
        select(func.coalesce(LossReason.name, "—"), func.count(Opportunity.id))
        .select_from(Opportunity)
        .outerjoin(LossReason, LossReason.id == Opportunity.loss_reason_id)
        .where(Opportunity.status == OpportunityStatus.LOST, *cond)
        .group_by(LossReason.name)
        .order_by(func.count(Opportunity.id).desc())
    ).all()
    return WonLost(
        int(row[0] or 0),
        int(row[1] or 0),
        _dec(row[2]),
        _dec(row[3]),
        [(r[0], int(r[1])) for r in reasons],
    )


CHANNEL_KINDS = {
    "phone": (ActivityKind.CALL, ActivityKind.SERVICE_CALL),
    "email": (ActivityKind.EMAIL,),
    "visit": (ActivityKind.VISIT, ActivityKind.MEETING),
    "letter": (ActivityKind.LETTER,),
}


def _channel_expr() -> ColumnElement[str]:
    whens = [(Activity.kind.in_(kinds), name) for name, kinds in CHANNEL_KINDS.items()]
    return case(*whens, else_="other")


def _month_ranges(period: Period) -> list[tuple[str, dt.datetime, dt.datetime]]:
    """The period's calendar months as (``YYYY-MM``, from, to) UTC half-open ranges,
    the first and last cut to the period."""
    out = []
    for m in period.months():
        y, mo = int(m[:4]), int(m[5:])
        lo = dt.datetime(y, mo, 1, tzinfo=dt.UTC)
        hi = dt.datetime(y + mo // 12, mo % 12 + 1, 1, tzinfo=dt.UTC)
        out.append((m, max(lo, period.start_utc), min(hi, period.end_utc)))
    return out


KindCounts = dict[str, dict[ActivityKind, int]]


def _activity_counts(session: Session, period: Period, owner: str | None = None) -> KindCounts:
    """month → kind → number of live activities (months in UTC, like the stored times).

    One ``GROUP BY kind`` per month over a range of ``occurred_at`` (UNION ALL in one
    statement): both databases read it from the covering index ix_activities_time_kind
    alone, and each month sorts only its own rows. Grouping by a month *expression*
    over the whole period would sort every activity of the year (several times slower).
    """
    ranges = _month_ranges(period)
    out: KindCounts = {m: {} for m, _lo, _hi in ranges}
    if not ranges:
        return out
    parts = []
    for i, (_m, lo, hi) in enumerate(ranges):
        part = (
            select(literal_column(str(i), Integer).label("month"), Activity.kind, func.count())
            .where(
                Activity.occurred_at >= lo,
                Activity.occurred_at < hi,
                Activity.deleted_at.is_(None),
            )
            .group_by(Activity.kind)
        )
        if owner:
            part = part.where(Activity.owner == owner)
        parts.append(part)
    query = parts[0] if len(parts) == 1 else union_all(*parts)
    for i, kind, n in session.execute(query):
        out[ranges[int(i)][0]][kind] = int(n)
    return out


_CHANNEL_OF = {kind: name for name, kinds in CHANNEL_KINDS.items() for kind in kinds}


def activities_by_month(
    session: Session, period: Period, owner: str | None = None
) -> dict[str, dict[str, int]]:
    """month → channel (phone, email, visit, letter, other) → count."""
    return _by_month(_activity_counts(session, period, owner))


def _by_month(counts: KindCounts) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for m, kinds in counts.items():
        bucket = out[m] = {}
        for kind in sorted(kinds):  # a stable order of the channels within a month
            ch = _CHANNEL_OF.get(kind, "other")
            bucket[ch] = bucket.get(ch, 0) + kinds[kind]
    return out


def channels_leading_to_orders(
    session: Session, period: Period, window_days: int = 90
) -> list[tuple[str, int, int]]:
    """Per channel: (channel, orders preceded by such a contact within the window,
    contacts of that channel in the period). An order counts for every channel used
    with its company in the ``window_days`` before the order date (UTC days)."""
    return _channels_leading_to_orders(
        session, period, window_days, _activity_counts(session, period)
    )


def _channels_leading_to_orders(
    session: Session, period: Period, window_days: int, counts: KindCounts
) -> list[tuple[str, int, int]]:
    channel = _channel_expr()
    order_day = Order.order_date
    # A range of occurred_at (not a function of it), so that the orders' activities come
    # from the covering (company, time, kind, deleted) index: [order day - window, order
    # day + 1) in UTC days.
    if session.get_bind().dialect.name == "sqlite":
        # ISO text comparisons
        within = and_(
            Activity.occurred_at >= func.date(order_day, f"-{int(window_days)} days"),
            Activity.occurred_at < func.date(order_day, "+1 day"),
        )
    else:
        # date ± n is a date; as a timestamp at UTC it is midnight UTC of that day
        within = and_(
            Activity.occurred_at
            >= func.timezone("UTC", cast(order_day - int(window_days), DateTime())),
            Activity.occurred_at < func.timezone("UTC", cast(order_day + 1, DateTime())),
        )
    led = dict(
        session.execute(
            select(channel, func.count(func.distinct(Order.id)))
            .select_from(Order)
            .join(Activity, Activity.company_id == Order.company_id)
            .where(
                Order.deleted_at.is_(None),
                Activity.deleted_at.is_(None),
                Order.order_date >= period.start,
                Order.order_date <= period.end,
                within,
            )
            .group_by(channel)
        ).all()
    )
    used: dict[str, int] = {}
    for kinds in counts.values():
        for kind, n in kinds.items():
            ch = _CHANNEL_OF.get(kind, "other")
            used[ch] = used.get(ch, 0) + n
    names = [*CHANNEL_KINDS, "other"]
    return [(n, int(led.get(n, 0)), int(used.get(n, 0))) for n in names if n in led or n in used]


@dataclass
class TicketMonth:
    month: str
    opened: int
    closed: int
    avg_days_to_close: float | None


def tickets_by_month(session: Session, period: Period) -> list[TicketMonth]:
    opened_m = _month(session, Ticket.opened_at)
    closed_m = _month(session, Ticket.closed_at)
    opened = dict(
        session.execute(
            select(opened_m, func.count(Ticket.id))
            .where(
                Ticket.deleted_at.is_(None),
                Ticket.opened_at >= period.start_utc,
                Ticket.opened_at < period.end_utc,
            )
            .group_by(opened_m)
        ).all()
    )
    if session.get_bind().dialect.name == "sqlite":
        duration = func.julianday(Ticket.closed_at) - func.julianday(Ticket.opened_at)
    else:
        duration = func.extract("epoch", Ticket.closed_at - Ticket.opened_at) / 86400.0
    closed = {
        r[0]: (int(r[1]), float(r[2]) if r[2] is not None else None)
        for r in session.execute(
            select(closed_m, func.count(Ticket.id), func.avg(duration))
            .where(
                Ticket.deleted_at.is_(None),
                Ticket.closed_at.is_not(None),
                Ticket.closed_at >= period.start_utc,
                Ticket.closed_at < period.end_utc,
            )
            .group_by(closed_m)
        )
    }
    out = []
    for m in period.months():
        n_closed, avg = closed.get(m, (0, None))
        out.append(TicketMonth(m, int(opened.get(m, 0)), n_closed, avg))
    return out


@dataclass
class OverdueContact:
    person_id: int
    name: str
    company: str
    interval_days: int
    days_since: int | None  # None: never contacted

    @property
    def overdue_by(self) -> int:
        if self.days_since is None:
            return self.interval_days
        return self.days_since - self.interval_days


def _supports_materialized(session: Session) -> bool:
    """``WITH x AS MATERIALIZED``: SQLite 3.35 and PostgreSQL 12 onwards."""
    dialect = session.get_bind().dialect
    if dialect.name == "sqlite":
        version = getattr(dialect.dbapi, "sqlite_version_info", (0,))
        return tuple(version) >= (3, 35)
    return dialect.name == "postgresql" and (dialect.server_version_info or (0,)) >= (12,)


def overdue_contacts(
    session: Session, clock: Clock, owner: str | None = None, limit: int = 200
) -> list[OverdueContact]:
    """People whose contact interval has run out (target vs actual), most overdue first."""
    now = clock.now()
    # each person's newest live activity, looked up in the (person, time) index per person
    # with an interval, instead of a GROUP BY over all activities of those people (which
    # PostgreSQL answers by reading the whole table). MATERIALIZED: computed once per
    # person, not again for each use of ``last`` in WHERE and ORDER BY below.
    newest = (
        select(func.max(Activity.occurred_at))
        .where(Activity.person_id == Person.id, Activity.deleted_at.is_(None))
        .correlate(Person)
        .scalar_subquery()
    )
    rhythmic = select(
        Person.id.label("pid"),
        Person.given_name,
        Person.family_name,
        Person.company_id,
        Person.contact_interval_days.label("interval"),
        newest.label("last"),
    ).where(Person.deleted_at.is_(None), Person.contact_interval_days.is_not(None))
    if owner:  # people nobody owns are everyone's
        rhythmic = rhythmic.where(or_(Person.owner.is_(None), Person.owner == owner))
    p = rhythmic.cte("rhythmic")
    if _supports_materialized(session):
        p = p.prefix_with("MATERIALIZED")
    if session.get_bind().dialect.name == "sqlite":
        since = func.julianday(now.replace(tzinfo=None)) - func.julianday(p.c.last)
    else:
        since = func.extract("epoch", now - p.c.last) / 86400.0
    query = (
        select(p.c.pid, p.c.given_name, p.c.family_name, Company.name, p.c.interval, p.c.last)
        .select_from(p)
        .outerjoin(Company, Company.id == p.c.company_id)
        .where(p.c.last.is_(None) | (since > p.c.interval))
        .order_by((since - p.c.interval).desc().nulls_first(), p.c.pid)
    )
    out = []
    for pid, given, family, company, interval, last_at in session.execute(query.limit(limit)):
        if last_at is not None and last_at.tzinfo is None:
            last_at = last_at.replace(tzinfo=dt.UTC)
        days = (now - last_at).days if last_at is not None else None
        out.append(
            OverdueContact(pid, f"{given} {family}".strip(), company or "", int(interval), days)
        )
    return out


def former_customer_reasons(session: Session) -> list[tuple[str, int]]:
    reason = func.coalesce(Company.status_reason, "—")
    return [
        (r[0], int(r[1]))
        for r in session.execute(
            select(reason, func.count(Company.id))
            .where(Company.status == CompanyStatus.FORMER, Company.deleted_at.is_(None))
            .group_by(reason)
            .order_by(func.count(Company.id).desc())
        )
    ]


@dataclass
class Dashboard:
    period: Period
    revenue: list[MonthRevenue]
    pipeline: list[StageFigure]
    pipeline_months: list[tuple[str, decimal.Decimal, int]]
    won_lost: WonLost
    activities: dict[str, dict[str, int]]
    channels: list[tuple[str, int, int]]
    tickets: list[TicketMonth]
    overdue: list[OverdueContact]
    former_reasons: list[tuple[str, int]]


def dashboard(
    session: Session, period: Period, clock: Clock, owner: str | None = None
) -> Dashboard:
    counts = _activity_counts(session, period, owner)
    # the channels count everyone's contacts: the same figures unless an owner is chosen
    all_counts = counts if not owner else _activity_counts(session, period)
    return Dashboard(
        period=period,
        revenue=revenue_vs_target(session, period, owner),
        pipeline=pipeline_by_stage(session, owner),
        pipeline_months=pipeline_by_month(session, owner),
        won_lost=won_lost(session, period, owner),
        activities=_by_month(counts),
        channels=_channels_leading_to_orders(session, period, 90, all_counts),
        tickets=tickets_by_month(session, period),
        overdue=overdue_contacts(session, clock, owner, limit=50),
        former_reasons=former_customer_reasons(session),
    )


# -- the records behind a chart (the dashboard's drill-down)

DRILL_LIMIT = 2000


def owners(session: Session) -> list[str]:
    """The owners named on opportunities, on companies or with targets of their own (the
    dashboard's owner filter), sorted."""
    found = session.scalars(
        union_all(
            select(Opportunity.owner).distinct(),
            select(Company.owner).distinct(),
            select(RevenueTarget.owner).distinct(),
        )
    )
    return sorted({o for o in found if o}, key=str.casefold)


def _month_bounds(month: str) -> tuple[dt.date, dt.date]:
    year, mon = (int(x) for x in month.split("-"))
    return dt.date(year, mon, 1), dt.date(year + (mon == 12), mon % 12 + 1, 1)


@dataclass(frozen=True)
class OrderRow:
    number: str
    order_date: dt.date
    company: str
    net: decimal.Decimal


def orders_in_month(session: Session, month: str) -> list[OrderRow]:
    """The orders of ``month`` (``"2026-03"``) by date."""
    start, end = _month_bounds(month)
    orders = session.scalars(
        select(Order)
        .where(Order.order_date >= start, Order.order_date < end, Order.deleted_at.is_(None))
        .order_by(Order.order_date)
    )
    return [
        OrderRow(o.number, o.order_date, o.company.name if o.company else "", o.total_net)
        for o in orders
    ]


@dataclass(frozen=True)
class OpportunityRow:
    title: str
    company: str
    value: decimal.Decimal
    expected_close: dt.date | None


def opportunities_behind(
    session: Session, chart: str, category: str, period: Period
) -> list[OpportunityRow]:
    """The opportunities behind a bar or slice of the charts ``pipeline`` (a stage),
    ``pipeline_months`` (``"2026-03"``), ``won_lost`` (``"won"``/``"lost"`` in
    ``period``) and ``loss_reasons`` (a reason, ``"—"`` for none)."""
    query = select(Opportunity).where(Opportunity.deleted_at.is_(None))
    if chart == "pipeline":
        query = query.where(Opportunity.status == OpportunityStatus.OPEN)
        opps = [o for o in session.scalars(query) if o.stage and o.stage.name == category]
    elif chart == "pipeline_months":
        query = query.where(Opportunity.status == OpportunityStatus.OPEN)
        opps = [
            o
            for o in session.scalars(query)
            if o.expected_close and o.expected_close.strftime("%Y-%m") == category
        ]
    elif chart == "won_lost":
        status = OpportunityStatus.WON if category == "won" else OpportunityStatus.LOST
        query = query.where(
            Opportunity.status == status,
            Opportunity.closed_at >= period.start_utc,
            Opportunity.closed_at < period.end_utc,
        )
        opps = list(session.scalars(query))
    else:
        query = query.where(Opportunity.status == OpportunityStatus.LOST)
        opps = [
            o
            for o in session.scalars(query)
            if (o.loss_reason.name if o.loss_reason else "—") == category
        ]
    return [
        OpportunityRow(
            o.title, o.company.name if o.company else "", _dec(o.value), o.expected_close
        )
        for o in opps[:DRILL_LIMIT]
    ]


@dataclass(frozen=True)
class ActivityRow:
    occurred_at: dt.datetime
    kind: str
    person: str
    subject: str


def activities_in_month(session: Session, month: str) -> list[ActivityRow]:
    """The activities of ``month`` (UTC, as the chart counts them) by time."""
    first, after = _month_bounds(month)
    start = dt.datetime.combine(first, dt.time(), tzinfo=dt.UTC)
    end = dt.datetime.combine(after, dt.time(), tzinfo=dt.UTC)
    acts = session.scalars(
        select(Activity)
        .where(
            Activity.occurred_at >= start,
            Activity.occurred_at < end,
            Activity.deleted_at.is_(None),
        )
        .order_by(Activity.occurred_at)
        .limit(DRILL_LIMIT)
    )
    return [
        ActivityRow(
            a.occurred_at, a.kind.value, a.person.full_name if a.person else "", a.subject or ""
        )
        for a in acts
    ]
