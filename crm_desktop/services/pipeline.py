"""The sales pipeline: stages, opportunities, won and lost, quote follow-up stages.

- Stages are :class:`PipelineStage` rows, created from the settings defaults
  (Kontakt 10 %, Bedarfsanalyse 25 %, Angebot 50 %, Verhandlung 75 %) when empty.
- Loss reasons are :class:`LossReason` rows, seeded likewise; losing needs one.
- Winning turns the opportunity into a project carrying its whole sales history.
- After a quote is sent, :func:`run_quote_stages` (idempotent, run on every start
  and tick) plans reminders at +7 and +14 days and closes the opportunity as lost
  ("keine Rückmeldung") when +30 days pass without an answer.
"""

from __future__ import annotations

import calendar
import datetime as dt
import decimal
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import exists, or_, select, update
from sqlalchemy.orm import Session

from crm_desktop.clock import Clock, to_local
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Company,
    CompanyStatus,
    Direction,
    Document,
    FollowUp,
    LossReason,
    Opportunity,
    OpportunityStatus,
    Person,
    PipelineStage,
    Project,
    ProjectStatus,
)
from crm_desktop.domain import cardguard
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ConflictError, NotFoundError, ValidationError
from crm_desktop.services import settings as cfg
from crm_desktop.services import versioning
from crm_desktop.services.activities import new_followup_uid
from crm_desktop.services.projects import ProjectInput, create_project

QUOTE_REASON_PREFIX = "quote-stage-"
ANSWER_KINDS = (ActivityKind.MEETING, ActivityKind.VISIT)


# ---------------------------------------------------------------- stages and reasons


def ensure_stages(session: Session) -> list[PipelineStage]:
    """The open stages in order; created from the settings when there are none."""
    rows = list(session.execute(select(PipelineStage).order_by(PipelineStage.position)).scalars())
    if not rows:
        for pos, spec in enumerate(cfg.pipeline_stages(session)):
            session.add(PipelineStage(name=spec.name, position=pos, probability=spec.probability))
        session.flush()
        rows = list(
            session.execute(select(PipelineStage).order_by(PipelineStage.position)).scalars()
        )
    return [r for r in rows if not r.is_closed]


def stages(session: Session) -> list[PipelineStage]:
    """The open stages in order (read only: no seeding)."""
    return list(
        session.execute(
            select(PipelineStage)
            .where(PipelineStage.is_closed.is_(False))
            .order_by(PipelineStage.position, PipelineStage.id)
        ).scalars()
    )


def add_stage(
    session: Session, name: str, probability: int, position: int | None = None
) -> PipelineStage:
    clean = (name or "").strip()
    if not clean:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A stage needs a name."), field="name")
    if not 0 <= probability <= 100:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A probability lies between 0 and 100 %."),
            field="probability",
        )
    existing = session.execute(
        select(PipelineStage).where(PipelineStage.name == clean)
    ).scalar_one_or_none()
    if existing is not None:
        raise ConflictError(
            QT_TRANSLATE_NOOP("errors", "The stage “{name}” already exists."), name=clean
        )
    current = ensure_stages(session)
    pos = len(current) if position is None else max(0, min(position, len(current)))
    for stage in current[pos:]:
        stage.position += 1
    stage = PipelineStage(name=clean, probability=probability, position=pos)
    session.add(stage)
    session.flush()
    return stage


def ensure_loss_reasons(session: Session) -> list[LossReason]:
    """The active loss reasons; created from the settings when there are none."""
    rows = list(session.execute(select(LossReason).order_by(LossReason.id)).scalars())
    if not rows:
        for name in cfg.loss_reasons(session):
            session.add(LossReason(name=name))
        session.flush()
        rows = list(session.execute(select(LossReason).order_by(LossReason.id)).scalars())
    return [r for r in rows if r.active]


def loss_reasons(session: Session) -> list[LossReason]:
    return list(
        session.execute(
            select(LossReason).where(LossReason.active.is_(True)).order_by(LossReason.id)
        ).scalars()
    )


def loss_reason_named(session: Session, name: str) -> LossReason:
    """The reason with this name, created (active) when missing."""
    reason = session.execute(select(LossReason).where(LossReason.name == name)).scalar_one_or_none()
    if reason is None:
        reason = LossReason(name=name)
        session.add(reason)
        session.flush()
    return reason


# ---------------------------------------------------------------- opportunities


@dataclass
class OpportunityInput:
    title: str
    company_id: int | None = None
    person_id: int | None = None
    stage_id: int | None = None  # None: the first stage
    value: decimal.Decimal = decimal.Decimal(0)
    probability: int | None = None  # None: the stage's
    expected_close: dt.date | None = None
    owner: str | None = None
    source: str | None = None
    currency: str = "EUR"


def _stage(session: Session, stage_id: int) -> PipelineStage:
    stage = session.get(PipelineStage, stage_id)
    if stage is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Pipeline stage {id} does not exist."), id=stage_id
        )
    return stage


def _check_probability(value: int) -> None:
    if not 0 <= value <= 100:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A probability lies between 0 and 100 %."),
            field="probability",
        )


def _check_value(value: decimal.Decimal) -> decimal.Decimal:
    amount = decimal.Decimal(value)
    if amount < 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The value must not be negative."), field="value"
        )
    return amount.quantize(decimal.Decimal("0.01"))


def create_opportunity(session: Session, data: OpportunityInput, *, clock: Clock) -> Opportunity:
    title = (data.title or "").strip()
    if not title:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An opportunity needs a title."), field="title"
        )
    cardguard.guard_all({"title": title, "source": data.source})
    if data.company_id is None and data.person_id is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An opportunity needs a company or a person."),
            field="company_id",
        )
    company_id = data.company_id
    if data.person_id is not None:
        person = session.get(Person, data.person_id)
        if person is None or person.deleted_at is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Person {id} does not exist."), id=data.person_id
            )
        if company_id is None:
            company_id = person.company_id
    if data.company_id is not None:
        company = session.get(Company, data.company_id)
        if company is None or company.deleted_at is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Company {id} does not exist."), id=data.company_id
            )
    open_stages = ensure_stages(session)
    stage = _stage(session, data.stage_id) if data.stage_id is not None else open_stages[0]
    probability = stage.probability if data.probability is None else data.probability
    _check_probability(probability)
    now = clock.now()
    opp = Opportunity(
        title=title[:200],
        company_id=company_id,
        person_id=data.person_id,
        stage_id=stage.id,
        status=OpportunityStatus.OPEN,
        value=_check_value(data.value),
        currency=data.currency,
        probability=probability,
        expected_close=data.expected_close,
        owner=data.owner,
        source=data.source,
        created_at=now,
        updated_at=now,
    )
    session.add(opp)
    session.flush()
    return opp


def get_opportunity(session: Session, opp_id: int) -> Opportunity:
    opp = session.get(Opportunity, opp_id)
    if opp is None or opp.deleted_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Opportunity {id} does not exist."), id=opp_id
        )
    return opp


def _open(session: Session, opp_id: int) -> Opportunity:
    opp = get_opportunity(session, opp_id)
    if opp.status != OpportunityStatus.OPEN:
        raise ConflictError(
            QT_TRANSLATE_NOOP("errors", "The opportunity “{title}” is already closed ({status})."),
            title=opp.title,
            status=opp.status.value,
        )
    return opp


OPPORTUNITY_FIELDS = {
    "title",
    "company_id",
    "person_id",
    "value",
    "probability",
    "expected_close",
    "owner",
    "source",
    "currency",
}


def update_opportunity(
    session: Session,
    opp_id: int,
    changes: dict[str, Any],
    *,
    expected_version: int | None = None,
) -> Opportunity:
    """``expected_version``: see :mod:`crm_desktop.services.versioning`."""
    opp = get_opportunity(session, opp_id)
    versioning.check(session, "opportunity", opp, expected_version)
    unknown = set(changes) - OPPORTUNITY_FIELDS
    if unknown:
        raise ValueError(f"unknown opportunity fields: {sorted(unknown)}")
    if "title" in changes:
        changes["title"] = (changes["title"] or "").strip()[:200]
        if not changes["title"]:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "An opportunity needs a title."), field="title"
            )
    cardguard.guard_all({k: v for k, v in changes.items() if isinstance(v, str)})
    if "value" in changes:
        changes["value"] = _check_value(changes["value"])
    if "probability" in changes:
        _check_probability(int(changes["probability"]))
    if changes.get("company_id") is not None:
        company = session.get(Company, changes["company_id"])
        if company is None or company.deleted_at is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Company {id} does not exist."),
                id=changes["company_id"],
            )
    if changes.get("person_id") is not None:
        person = session.get(Person, changes["person_id"])
        if person is None or person.deleted_at is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Person {id} does not exist."), id=changes["person_id"]
            )
    for key, value in changes.items():
        setattr(opp, key, value)
    versioning.flush(session, "opportunity", opp)
    return opp


def move_stage(session: Session, opp_id: int, stage_id: int) -> Opportunity:
    """Move an open opportunity to another stage. A probability still at the old stage's
    default follows the new stage; one set by hand stays."""
    opp = _open(session, opp_id)
    stage = _stage(session, stage_id)
    if stage.is_closed:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "Use won or lost to close an opportunity."))
    old = opp.stage
    if old is None or opp.probability == old.probability:
        opp.probability = stage.probability
    opp.stage_id = stage.id
    opp.stage = stage
    session.flush()
    return opp


def contact_people(session: Session, opp: Opportunity) -> list[Person]:
    """The opportunity's person and everyone the sales activities were with."""
    ids: list[int] = []
    if opp.person_id is not None:
        ids.append(opp.person_id)
    for pid in session.execute(
        select(Activity.person_id)
        .where(
            Activity.opportunity_id == opp.id,
            Activity.person_id.is_not(None),
            Activity.deleted_at.is_(None),
        )
        .order_by(Activity.occurred_at)
    ).scalars():
        if pid is not None and pid not in ids:
            ids.append(pid)
    people = [session.get(Person, pid) for pid in ids]
    return [p for p in people if p is not None and p.deleted_at is None]


def _cancel_followups(session: Session, opp_id: int, now: dt.datetime) -> int:
    result = session.execute(
        update(FollowUp)
        .where(
            FollowUp.opportunity_id == opp_id,
            FollowUp.done_at.is_(None),
            FollowUp.cancelled_at.is_(None),
        )
        .values(cancelled_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def win(session: Session, opp_id: int, clock: Clock, *, project_name: str | None = None) -> Project:
    """Close the opportunity as won and turn it into a project with its whole history:
    its activities and documents move to the project, its contact people become members."""
    opp = _open(session, opp_id)
    now = clock.now()
    today = to_local(now).date()
    members = contact_people(session, opp)
    project = create_project(
        session,
        ProjectInput(
            name=(project_name or opp.title).strip() or opp.title,
            company_id=opp.company_id,
            status=ProjectStatus.ACTIVE,
            start_date=today,
            member_ids=[p.id for p in members],
            opportunity_id=opp.id,
            description=f"{opp.source or ''}".strip(),
        ),
    )
    session.execute(
        update(Activity)
        .where(Activity.opportunity_id == opp.id)
        .values(project_id=project.id)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(Document)
        .where(Document.opportunity_id == opp.id)
        .values(project_id=project.id)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(Document)
        .where(
            Document.opportunity_id == opp.id, Document.kind == "quote", Document.status == "open"
        )
        .values(status="accepted")
        .execution_options(synchronize_session=False)
    )
    # reminders of the quote are no longer needed
    session.execute(
        update(FollowUp)
        .where(
            FollowUp.opportunity_id == opp.id,
            FollowUp.done_at.is_(None),
            FollowUp.cancelled_at.is_(None),
            FollowUp.auto_reason.like(QUOTE_REASON_PREFIX + "%"),
        )
        .values(cancelled_at=now)
        .execution_options(synchronize_session=False)
    )
    opp.status = OpportunityStatus.WON
    opp.closed_at = now
    opp.probability = 100
    opp.project_id = project.id
    if opp.company is not None and opp.company.status != CompanyStatus.CUSTOMER:
        opp.company.status = CompanyStatus.CUSTOMER
        opp.company.customer_since = opp.company.customer_since or today
    session.flush()
    session.expire_all()
    return session.get(Project, project.id) or project


def lose(
    session: Session,
    opp_id: int,
    reason_id: int | None,
    note: str,
    clock: Clock,
) -> Opportunity:
    """Close as lost. A reason from the list is required; the note is optional. Open quotes
    are closed and open follow-ups of the opportunity cancelled."""
    opp = _open(session, opp_id)
    if reason_id is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Please choose why the opportunity was lost."),
            field="reason_id",
        )
    reason = session.get(LossReason, reason_id)
    if reason is None or not reason.active:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Please choose why the opportunity was lost."),
            field="reason_id",
        )
    cardguard.guard(note, "note")
    now = clock.now()
    session.execute(
        update(Document)
        .where(
            Document.opportunity_id == opp.id, Document.kind == "quote", Document.status == "open"
        )
        .values(status="closed")
        .execution_options(synchronize_session=False)
    )
    _cancel_followups(session, opp.id, now)
    opp.status = OpportunityStatus.LOST
    opp.loss_reason_id = reason.id
    opp.loss_note = (note or "").strip() or None
    opp.closed_at = now
    opp.probability = 0
    session.flush()
    return opp


def reopen(session: Session, opp_id: int) -> Opportunity:
    """Bring a lost opportunity back into the pipeline (won ones are projects now)."""
    opp = get_opportunity(session, opp_id)
    if opp.status != OpportunityStatus.LOST:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "Only a lost opportunity can be reopened."))
    opp.status = OpportunityStatus.OPEN
    opp.closed_at = None
    opp.loss_reason_id = None
    opp.loss_note = None
    opp.probability = opp.stage.probability if opp.stage is not None else 10
    opp.quote_sent_at = None
    opp.quote_stage = 0
    session.flush()
    return opp


def delete_opportunity(session: Session, opp_id: int, *, clock: Clock) -> None:
    opp = get_opportunity(session, opp_id)
    opp.deleted_at = clock.now()
    session.flush()


def restore_opportunity(session: Session, opp_id: int) -> Opportunity:
    """Bring a deleted opportunity back (undo of a delete)."""
    opp = session.get(Opportunity, opp_id)
    if opp is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Opportunity {id} does not exist."), id=opp_id
        )
    opp.deleted_at = None
    session.flush()
    return opp


# ---------------------------------------------------------------- quote stages


def mark_quote_sent(
    session: Session, opp_id: int, at: dt.datetime | None = None, *, clock: Clock
) -> Opportunity:
    """Start the quote timer (reminders, then lost without an answer)."""
    opp = _open(session, opp_id)
    moment = at or clock.now()
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The time has no time zone."), field="quote_sent_at"
        )
    opp.quote_sent_at = moment.astimezone(dt.UTC)
    opp.quote_stage = 0
    session.flush()
    return opp


def answered_since(session: Session, opp_id: int, since: dt.datetime) -> bool:
    """Did the customer answer: an inbound activity, a meeting or a visit after ``since``?"""
    return bool(
        session.scalar(
            select(
                exists().where(
                    Activity.opportunity_id == opp_id,
                    Activity.deleted_at.is_(None),
                    Activity.occurred_at > since,
                    or_(Activity.direction == Direction.INBOUND, Activity.kind.in_(ANSWER_KINDS)),
                )
            )
        )
    )


@dataclass
class QuoteRunResult:
    followups: list[int] = field(default_factory=list)  # FollowUp ids created
    lost: list[int] = field(default_factory=list)  # Opportunity ids closed as lost


@dataclass(frozen=True)
class QuoteTexts:
    """The texts the quote rules store: English here; the window passes its language's
    (``{n}`` the reminder's number, ``{title}`` the opportunity's, ``{days}`` the rule's)."""

    followup: str = "Quote follow-up {n}: {title}"
    lost: str = "{days} days after the quote without an answer"

    def followup_note(self, n: int, title: str) -> str:
        try:
            return self.followup.format(n=n, title=title)
        except (KeyError, IndexError, ValueError):  # a broken translation: say it in English
            return QuoteTexts.followup.format(n=n, title=title)

    def lost_note(self, days: int) -> str:
        try:
            return self.lost.format(days=days)
        except (KeyError, IndexError, ValueError):
            return QuoteTexts.lost.format(days=days)


def run_quote_stages(
    session: Session, clock: Clock, texts: QuoteTexts | None = None
) -> QuoteRunResult:
    """Plan due quote reminders and close unanswered quotes as lost. Idempotent."""
    texts = texts or QuoteTexts()
    rules = cfg.quote_stages(session)
    now = clock.now()
    result = QuoteRunResult()
    opps = list(
        session.execute(
            select(Opportunity).where(
                Opportunity.status == OpportunityStatus.OPEN,
                Opportunity.deleted_at.is_(None),
                Opportunity.quote_sent_at.is_not(None),
            )
        ).scalars()
    )
    for opp in opps:
        sent = opp.quote_sent_at
        assert sent is not None
        if answered_since(session, opp.id, sent):
            continue
        elapsed = now - sent
        if elapsed >= dt.timedelta(days=rules.lost_after_days):
            reason = loss_reason_named(session, rules.lost_reason)
            lose(
                session,
                opp.id,
                reason.id,
                texts.lost_note(rules.lost_after_days),
                clock,
            )
            result.lost.append(opp.id)
            continue
        for index, days in enumerate(rules.reminder_days):
            stage_no = index + 1
            if opp.quote_stage >= stage_no or elapsed < dt.timedelta(days=days):
                continue
            tag = f"{QUOTE_REASON_PREFIX}{stage_no}"
            already = session.scalar(
                select(
                    exists().where(FollowUp.opportunity_id == opp.id, FollowUp.auto_reason == tag)
                )
            )
            if not already:
                fu = FollowUp(
                    uid=new_followup_uid(),
                    due_at=sent + dt.timedelta(days=days),
                    kind=ActivityKind.CALL,
                    note=texts.followup_note(stage_no, opp.title),
                    owner=opp.owner,
                    person_id=opp.person_id,
                    company_id=opp.company_id,
                    opportunity_id=opp.id,
                    auto_reason=tag,
                )
                session.add(fu)
                session.flush()
                result.followups.append(fu.id)
            opp.quote_stage = stage_no
    session.flush()
    return result


# ---------------------------------------------------------------- new customers


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def auto_opportunity_for_new_customer(
    session: Session, company_id: int, clock: Clock
) -> Opportunity | None:
    """Open the default opportunity for a new customer (when enabled and none is open)."""
    defaults = cfg.opportunity_defaults(session)
    if not defaults.enabled:
        return None
    company = session.get(Company, company_id)
    if company is None or company.deleted_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Company {id} does not exist."), id=company_id
        )
    has_open = session.scalar(
        select(
            exists().where(
                Opportunity.company_id == company_id,
                Opportunity.status == OpportunityStatus.OPEN,
                Opportunity.deleted_at.is_(None),
            )
        )
    )
    if has_open:
        return None
    today = to_local(clock.now()).date()
    try:
        title = defaults.title.format(company=company.name)
    except (KeyError, IndexError, ValueError):
        title = company.name
    return create_opportunity(
        session,
        OpportunityInput(
            title=title,
            company_id=company_id,
            value=defaults.value,
            probability=defaults.probability,
            expected_close=_add_months(today, defaults.months_to_close).replace(day=1),
            owner=company.owner,
            source="new customer",
        ),
        clock=clock,
    )


# ---------------------------------------------------------------- reading


@dataclass
class OpportunityOverview:
    opportunity: Opportunity
    company: Company | None
    stage: PipelineStage | None
    contact_people: list[Person]
    documents: list[Document]
    activities: list[Activity]  # correspondence, newest first
    followups: list[FollowUp]
    project: Project | None
    loss_reason: str | None


def opportunity_overview(session: Session, opp_id: int) -> OpportunityOverview:
    """Every document, contact person and piece of correspondence of an opportunity."""
    opp = get_opportunity(session, opp_id)
    documents = list(
        session.execute(
            select(Document)
            .where(Document.opportunity_id == opp.id)
            .order_by(Document.created_at, Document.id)
        ).scalars()
    )
    activities = list(
        session.execute(
            select(Activity)
            .where(Activity.opportunity_id == opp.id, Activity.deleted_at.is_(None))
            .order_by(Activity.occurred_at.desc(), Activity.id.desc())
        ).scalars()
    )
    followups = list(
        session.execute(
            select(FollowUp)
            .where(FollowUp.opportunity_id == opp.id)
            .order_by(FollowUp.due_at, FollowUp.id)
        ).scalars()
    )
    project = session.get(Project, opp.project_id) if opp.project_id is not None else None
    return OpportunityOverview(
        opportunity=opp,
        company=opp.company,
        stage=opp.stage,
        contact_people=contact_people(session, opp),
        documents=documents,
        activities=activities,
        followups=followups,
        project=project,
        loss_reason=opp.loss_reason.name if opp.loss_reason is not None else None,
    )


@dataclass
class BoardColumn:
    stage: PipelineStage
    opportunities: list[Opportunity]

    @property
    def total(self) -> decimal.Decimal:
        return sum((o.value for o in self.opportunities), decimal.Decimal(0))

    @property
    def weighted(self) -> decimal.Decimal:
        return sum(
            (o.value * o.probability / 100 for o in self.opportunities), decimal.Decimal(0)
        ).quantize(decimal.Decimal("0.01"))


def open_opportunities(session: Session) -> list[Opportunity]:
    return list(
        session.execute(
            select(Opportunity)
            .where(Opportunity.status == OpportunityStatus.OPEN, Opportunity.deleted_at.is_(None))
            .order_by(
                Opportunity.expected_close.is_(None), Opportunity.expected_close, Opportunity.id
            )
        ).scalars()
    )


def board(session: Session) -> list[BoardColumn]:
    """Stage → open opportunities; those without a stage show in the first column."""
    cols = [BoardColumn(stage=s, opportunities=[]) for s in stages(session)]
    if not cols:
        return []
    by_id = {c.stage.id: c for c in cols}
    for opp in open_opportunities(session):
        col = by_id.get(opp.stage_id) if opp.stage_id is not None else None
        (col or cols[0]).opportunities.append(opp)
    return cols


GroupBy = Literal["owner", "month", "status"]


@dataclass
class OpportunityGroup:
    key: str  # owner name, "YYYY-MM", status value; "" when not set
    opportunities: list[Opportunity]

    @property
    def total(self) -> decimal.Decimal:
        return sum((o.value for o in self.opportunities), decimal.Decimal(0))

    @property
    def weighted(self) -> decimal.Decimal:
        return sum(
            (o.value * o.probability / 100 for o in self.opportunities), decimal.Decimal(0)
        ).quantize(decimal.Decimal("0.01"))


def grouped(session: Session, by: GroupBy = "owner") -> list[OpportunityGroup]:
    """Opportunities grouped by owner or expected month (open ones) or by status (all).
    Groups are sorted by key; the group without a key ("") comes last."""
    if by not in ("owner", "month", "status"):
        raise ValueError(f"cannot group by {by!r}")
    if by == "status":
        opps = list(
            session.execute(
                select(Opportunity)
                .where(Opportunity.deleted_at.is_(None))
                .order_by(Opportunity.expected_close, Opportunity.id)
            ).scalars()
        )
    else:
        opps = open_opportunities(session)
    groups: dict[str, list[Opportunity]] = {}
    for opp in opps:
        if by == "owner":
            key = opp.owner or ""
        elif by == "month":
            key = opp.expected_close.strftime("%Y-%m") if opp.expected_close else ""
        else:
            key = opp.status.value
        groups.setdefault(key, []).append(opp)
    order = (
        [s.value for s in OpportunityStatus]
        if by == "status"
        else [*sorted(k for k in groups if k), ""]
    )
    return [OpportunityGroup(k, groups[k]) for k in order if k in groups]


# ---------------------------------------------------------------- undoable use cases of the window


def _watch(session: Session, opp_id: int) -> Any:
    """The opportunity's row and the rows closing it touches beside it (its quotes,
    follow-ups and activities, its company)."""
    from crm_desktop.services import undo

    opp = get_opportunity(session, opp_id)
    watch = undo.RowWatch(session, "opportunity", opp_id)
    watch.add(session, "company", opp.company_id)
    for model, kind in ((Document, "document"), (FollowUp, "followup"), (Activity, "activity")):
        ids = session.execute(select(model.id).where(model.opportunity_id == opp_id)).scalars()
        watch.add(session, kind, *ids)
    return watch


def change_stage(session: Session, opp_id: int, stage_id: int, clock: Clock) -> Opportunity:
    """:func:`move_stage` as one undoable change (“Move “Website” to Angebot”)."""
    from crm_desktop.services import undo

    watch = undo.RowWatch(session, "opportunity", opp_id)
    opp = move_stage(session, opp_id, stage_id)
    stage = opp.stage.name if opp.stage is not None else ""
    watch.record(session, f"Move “{opp.title}” to {stage}", clock, structure=True)
    return opp


def edit_opportunity(
    session: Session,
    opp_id: int,
    changes: dict[str, Any],
    clock: Clock,
    *,
    stage_id: int | None = None,
    expected_version: int | None = None,
) -> Opportunity:
    """Save the opportunity dialog: the fields and, for an open one, its stage; one
    undoable change."""
    from crm_desktop.services import undo

    watch = undo.RowWatch(session, "opportunity", opp_id)
    current = get_opportunity(session, opp_id)
    versioning.check(session, "opportunity", current, expected_version)
    if (
        stage_id is not None
        and current.status == OpportunityStatus.OPEN
        and current.stage_id != stage_id
    ):
        move_stage(session, opp_id, stage_id)
    opp = update_opportunity(session, opp_id, changes)
    watch.record(session, f"Edit opportunity “{opp.title}”", clock, structure=True)
    return opp


def mark_won(
    session: Session, opp_id: int, clock: Clock, *, project_name: str | None = None
) -> Project:
    """:func:`win` as one undoable change: the undo takes back the project it created
    (to the trash) and gives the activities and quotes back to the opportunity."""
    watch = _watch(session, opp_id)
    title = get_opportunity(session, opp_id).title
    project = win(session, opp_id, clock, project_name=project_name)
    watch.record(
        session, f"Mark “{title}” won", clock, created=[("project", project.id)], structure=True
    )
    return project


def mark_lost(
    session: Session, opp_id: int, reason_id: int | None, note: str, clock: Clock
) -> Opportunity:
    """:func:`lose` as one undoable change (its quotes and follow-ups come back too)."""
    watch = _watch(session, opp_id)
    opp = lose(session, opp_id, reason_id, note, clock)
    watch.record(session, f"Mark “{opp.title}” lost", clock, structure=True)
    return opp


def record_quote_sent(session: Session, opp_id: int, clock: Clock) -> Opportunity:
    """:func:`mark_quote_sent` now, as one undoable change."""
    from crm_desktop.services import undo

    watch = undo.RowWatch(session, "opportunity", opp_id)
    opp = mark_quote_sent(session, opp_id, clock=clock)
    watch.record(session, f"Mark quote sent for “{opp.title}”", clock)
    return opp


def take_back_loss(session: Session, opp_id: int, clock: Clock) -> Opportunity:
    """:func:`reopen` of a lost opportunity as one undoable change."""
    from crm_desktop.services import undo

    watch = undo.RowWatch(session, "opportunity", opp_id)
    opp = reopen(session, opp_id)
    watch.record(session, f"Reopen “{opp.title}”", clock, structure=True)
    return opp


def new_opportunity(session: Session, data: OpportunityInput, *, clock: Clock) -> Opportunity:
    """:func:`create_opportunity` from the dialog as one undoable change (the undo moves
    it to the trash)."""
    from crm_desktop.services import undo

    opp = create_opportunity(session, data, clock=clock)
    undo.record_created(session, "opportunity", opp.id, f"New opportunity “{opp.title}”", clock)
    return opp
