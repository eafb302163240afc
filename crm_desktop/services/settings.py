"""Configurable rules kept with the data, in the ``settings`` table (JSON values).

Each rule has a typed getter and setter and a default that applies until the user
changes it: the ticket number scheme, the pipeline stages, the loss reasons, the
quote follow-up stages, the priority criteria and the default estimates for the
opportunity opened automatically for a new customer.
"""

from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.data.models import Setting
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ValidationError

TICKET_SCHEME = "tickets.number_scheme"
ORDER_SCHEME = "orders.number_scheme"
PIPELINE_STAGES = "pipeline.stages"
LOSS_REASONS = "pipeline.loss_reasons"
QUOTE_STAGES = "pipeline.quote_stages"
PRIORITY_CRITERIA = "priority.criteria"
OPPORTUNITY_DEFAULTS = "pipeline.new_customer_defaults"
PRIORITY_LAST_RUN = "priority.last_run"

DEFAULT_TICKET_SCHEME = "T-{year}-{seq:05d}"
DEFAULT_ORDER_SCHEME = "A-{year}-{seq:05d}"
NO_ANSWER_REASON = "keine Rückmeldung"


@dataclass(frozen=True)
class StageSpec:
    name: str
    probability: int  # percent


DEFAULT_STAGES: tuple[StageSpec, ...] = (
    StageSpec("Kontakt", 10),
    StageSpec("Bedarfsanalyse", 25),
    StageSpec("Angebot", 50),
    StageSpec("Verhandlung", 75),
)

DEFAULT_LOSS_REASONS: tuple[str, ...] = (
    "Preis zu hoch",
    "Mitbewerber gewählt",
    "Kein Bedarf mehr",
    "Kein Budget",
    "Zeitpunkt passt nicht",
    NO_ANSWER_REASON,
)


@dataclass(frozen=True)
class QuoteStages:
    """After a quote is sent: reminders after these days, lost after ``lost_after_days``."""

    reminder_days: tuple[int, ...] = (7, 14)
    lost_after_days: int = 30
    lost_reason: str = NO_ANSWER_REASON


@dataclass(frozen=True)
class PriorityCriteria:
    """A/B/C rules. A customer is A when the revenue of the last ``months`` months
    reaches ``a_revenue`` or the number of orders reaches ``a_orders``; B likewise with
    the B thresholds; otherwise C. Without any order or activity in the last
    ``stale_after_days`` days the class drops by one step (A → B, B → C)."""

    months: int = 12
    a_revenue: decimal.Decimal = decimal.Decimal("20000")
    b_revenue: decimal.Decimal = decimal.Decimal("5000")
    a_orders: int = 10
    b_orders: int = 3
    stale_after_days: int = 180


@dataclass(frozen=True)
class OpportunityDefaults:
    """What the automatic opportunity for a new customer starts with."""

    enabled: bool = True
    value: decimal.Decimal = decimal.Decimal("5000")
    probability: int = 10
    months_to_close: int = 3
    title: str = "Erstauftrag {company}"


@dataclass
class AllSettings:
    ticket_scheme: str = DEFAULT_TICKET_SCHEME
    order_scheme: str = DEFAULT_ORDER_SCHEME
    stages: list[StageSpec] = field(default_factory=lambda: list(DEFAULT_STAGES))
    loss_reasons: list[str] = field(default_factory=lambda: list(DEFAULT_LOSS_REASONS))
    quote_stages: QuoteStages = field(default_factory=QuoteStages)
    priority: PriorityCriteria = field(default_factory=PriorityCriteria)
    opportunity_defaults: OpportunityDefaults = field(default_factory=OpportunityDefaults)


# ---------------------------------------------------------------- raw access


def get_raw(session: Session, key: str, default: Any = None) -> Any:
    row = session.execute(select(Setting).where(Setting.key == key)).scalar_one_or_none()
    return default if row is None else row.value


def set_raw(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()


# ---------------------------------------------------------------- number schemes


def check_scheme(scheme: str, field_name: str = "scheme") -> str:
    """A number scheme must contain ``{seq}`` and format with ``year`` and ``seq``."""
    cleaned = (scheme or "").strip()
    if "{seq" not in cleaned:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The number scheme must contain {{seq}} (the running number)."
            ),
            field=field_name,
        )
    try:
        sample = cleaned.format(year=2026, seq=42)
    except (KeyError, IndexError, ValueError) as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The number scheme “{scheme}” is not valid: only {{year}} and {{seq}} may be used.",
            ),
            field=field_name,
            scheme=cleaned,
        ) from exc
    if len(sample) > 40:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The number scheme makes numbers that are too long."),
            field=field_name,
        )
    return cleaned


def ticket_scheme(session: Session) -> str:
    return str(get_raw(session, TICKET_SCHEME, DEFAULT_TICKET_SCHEME))


def set_ticket_scheme(session: Session, scheme: str) -> None:
    set_raw(session, TICKET_SCHEME, check_scheme(scheme))


def order_scheme(session: Session) -> str:
    return str(get_raw(session, ORDER_SCHEME, DEFAULT_ORDER_SCHEME))


def set_order_scheme(session: Session, scheme: str) -> None:
    set_raw(session, ORDER_SCHEME, check_scheme(scheme))


# ---------------------------------------------------------------- pipeline


def pipeline_stages(session: Session) -> list[StageSpec]:
    raw = get_raw(session, PIPELINE_STAGES)
    if not raw:
        return list(DEFAULT_STAGES)
    return [StageSpec(str(s["name"]), int(s["probability"])) for s in raw]


def set_pipeline_stages(session: Session, stages: list[StageSpec]) -> None:
    if not stages:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The pipeline needs at least one stage."), field="stages"
        )
    names = [s.name.strip() for s in stages]
    if any(not n for n in names) or len(set(names)) != len(names):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Stage names must be filled in and distinct."),
            field="stages",
        )
    for s in stages:
        if not 0 <= s.probability <= 100:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A probability lies between 0 and 100 %."),
                field="stages",
                name=s.name,
            )
    set_raw(
        session,
        PIPELINE_STAGES,
        [{"name": s.name.strip(), "probability": s.probability} for s in stages],
    )


def loss_reasons(session: Session) -> list[str]:
    raw = get_raw(session, LOSS_REASONS)
    return [str(r) for r in raw] if raw else list(DEFAULT_LOSS_REASONS)


def set_loss_reasons(session: Session, reasons: list[str]) -> None:
    cleaned = [r.strip() for r in reasons if r.strip()]
    if not cleaned:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "At least one loss reason is needed."), field="loss_reasons"
        )
    set_raw(session, LOSS_REASONS, cleaned)


def quote_stages(session: Session) -> QuoteStages:
    raw = get_raw(session, QUOTE_STAGES)
    if not raw:
        return QuoteStages()
    return QuoteStages(
        reminder_days=tuple(int(d) for d in raw.get("reminder_days", (7, 14))),
        lost_after_days=int(raw.get("lost_after_days", 30)),
        lost_reason=str(raw.get("lost_reason", NO_ANSWER_REASON)),
    )


def set_quote_stages(session: Session, stages: QuoteStages) -> None:
    days = list(stages.reminder_days)
    if any(d <= 0 for d in days) or days != sorted(set(days)):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Reminder days must be positive and increasing."),
            field="reminder_days",
        )
    if days and stages.lost_after_days <= days[-1]:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The quote can only count as lost after the last reminder."
            ),
            field="lost_after_days",
        )
    if stages.lost_after_days <= 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Lost after must be a positive number of days."),
            field="lost_after_days",
        )
    set_raw(
        session,
        QUOTE_STAGES,
        {
            "reminder_days": days,
            "lost_after_days": stages.lost_after_days,
            "lost_reason": stages.lost_reason.strip() or NO_ANSWER_REASON,
        },
    )


# ---------------------------------------------------------------- priority


def priority_criteria(session: Session) -> PriorityCriteria:
    raw = get_raw(session, PRIORITY_CRITERIA)
    if not raw:
        return PriorityCriteria()
    base = PriorityCriteria()
    return PriorityCriteria(
        months=int(raw.get("months", base.months)),
        a_revenue=decimal.Decimal(str(raw.get("a_revenue", base.a_revenue))),
        b_revenue=decimal.Decimal(str(raw.get("b_revenue", base.b_revenue))),
        a_orders=int(raw.get("a_orders", base.a_orders)),
        b_orders=int(raw.get("b_orders", base.b_orders)),
        stale_after_days=int(raw.get("stale_after_days", base.stale_after_days)),
    )


def set_priority_criteria(session: Session, criteria: PriorityCriteria) -> None:
    if criteria.a_revenue < criteria.b_revenue or criteria.a_orders < criteria.b_orders:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The A thresholds must not be lower than the B thresholds."
            ),
            field="priority",
        )
    if criteria.months < 1 or criteria.stale_after_days < 1:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Periods must be at least one."), field="priority"
        )
    data = asdict(criteria)
    data["a_revenue"] = str(criteria.a_revenue)
    data["b_revenue"] = str(criteria.b_revenue)
    set_raw(session, PRIORITY_CRITERIA, data)


def priority_last_run(session: Session) -> dt.date | None:
    raw = get_raw(session, PRIORITY_LAST_RUN)
    return dt.date.fromisoformat(raw) if raw else None


def set_priority_last_run(session: Session, day: dt.date) -> None:
    set_raw(session, PRIORITY_LAST_RUN, day.isoformat())


# ---------------------------------------------------------------- new customer opportunity


def opportunity_defaults(session: Session) -> OpportunityDefaults:
    raw = get_raw(session, OPPORTUNITY_DEFAULTS)
    if not raw:
        return OpportunityDefaults()
    base = OpportunityDefaults()
    return OpportunityDefaults(
        enabled=bool(raw.get("enabled", base.enabled)),
        value=decimal.Decimal(str(raw.get("value", base.value))),
        probability=int(raw.get("probability", base.probability)),
        months_to_close=int(raw.get("months_to_close", base.months_to_close)),
        title=str(raw.get("title", base.title)),
    )


def set_opportunity_defaults(session: Session, defaults: OpportunityDefaults) -> None:
    if defaults.value < 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The value must not be negative."), field="value"
        )
    if not 0 <= defaults.probability <= 100:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A probability lies between 0 and 100 %."),
            field="probability",
        )
    if defaults.months_to_close < 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Months to close must not be negative."),
            field="months_to_close",
        )
    data = asdict(defaults)
    data["value"] = str(defaults.value)
    set_raw(session, OPPORTUNITY_DEFAULTS, data)


def all_settings(session: Session) -> AllSettings:
    return AllSettings(
        ticket_scheme=ticket_scheme(session),
        order_scheme=order_scheme(session),
        stages=pipeline_stages(session),
        loss_reasons=loss_reasons(session),
        quote_stages=quote_stages(session),
        priority=priority_criteria(session),
        opportunity_defaults=opportunity_defaults(session),
    )
