"""The rules the user sets, as one list: read them, change one, take a change back.

Each rule has a name the CLI uses (``rules show``, ``rules set pipeline-stages …``),
a JSON form (what ``rules show --json`` prints and ``rules set`` accepts) and the
typed getter/setter of :mod:`crm_desktop.services.settings` that checks it. A change
is one undo entry ("rule"), so Edit → Undo and ``crm-desktop undo`` take it back;
the next run of whatever uses the rule (numbering, the nightly priority run, quote
follow-ups, the automatic opportunity, the entry forms) follows the new value.
"""

from __future__ import annotations

import decimal
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from crm_desktop.clock import Clock
from crm_desktop.data.models import Setting
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ConflictError, NotFoundError, ValidationError
from crm_desktop.services import settings as st
from crm_desktop.services import undo
from crm_desktop.services.changes import Changes

REQUIRED_PERSON = "records.required_person_fields"
REQUIRED_COMPANY = "records.required_company_fields"

# what a form can demand (the name as stored → the English label; ui/i18n translates)
PERSON_FIELDS: dict[str, str] = {
    "salutation": QT_TRANSLATE_NOOP("errors", "Salutation"),
    "title": QT_TRANSLATE_NOOP("errors", "Title"),
    "given_name": QT_TRANSLATE_NOOP("errors", "Given name"),
    "birth_date": QT_TRANSLATE_NOOP("errors", "Birth date"),
    "position": QT_TRANSLATE_NOOP("errors", "Position"),
    "company": QT_TRANSLATE_NOOP("errors", "Company"),
    "department": QT_TRANSLATE_NOOP("errors", "Department"),
    "email": QT_TRANSLATE_NOOP("errors", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("errors", "Phone"),
    "address": QT_TRANSLATE_NOOP("errors", "Address"),
    "owner": QT_TRANSLATE_NOOP("errors", "Owner"),
    "payment_terms": QT_TRANSLATE_NOOP("errors", "Payment terms"),
}
COMPANY_FIELDS: dict[str, str] = {
    "legal_form": QT_TRANSLATE_NOOP("errors", "Legal form"),
    "website": QT_TRANSLATE_NOOP("errors", "Website"),
    "vat_id": QT_TRANSLATE_NOOP("errors", "VAT id"),
    "email": QT_TRANSLATE_NOOP("errors", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("errors", "Phone"),
    "address": QT_TRANSLATE_NOOP("errors", "Address"),
    "owner": QT_TRANSLATE_NOOP("errors", "Owner"),
    "payment_terms": QT_TRANSLATE_NOOP("errors", "Payment terms"),
    "priority": QT_TRANSLATE_NOOP("errors", "Priority"),
    "customer_since": QT_TRANSLATE_NOOP("errors", "Customer since"),
}


# ---------------------------------------------------------------- required fields


def required_fields(session: Session, kind: str) -> list[str]:
    """The fields a new or edited person/company must have (none by default)."""
    key, allowed = _required(kind)
    raw = st.get_raw(session, key)
    return [str(f) for f in raw if str(f) in allowed] if isinstance(raw, list) else []


def set_required_fields(session: Session, kind: str, names: list[str]) -> None:
    key, allowed = _required(kind)
    cleaned: list[str] = []
    for name in names:
        name = name.strip()
        if not name:
            continue
        if name not in allowed:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "“{name}” is not a field that can be required (possible: {fields})."
                ),
                field="required",
                name=name,
                fields=", ".join(allowed),
            )
        if name not in cleaned:
            cleaned.append(name)
    st.set_raw(session, key, cleaned)


def _required(kind: str) -> tuple[str, dict[str, str]]:
    if kind == "person":
        return REQUIRED_PERSON, PERSON_FIELDS
    if kind == "company":
        return REQUIRED_COMPANY, COMPANY_FIELDS
    raise ValueError(f"no required fields for {kind!r}")


def missing_required(session: Session, kind: str, present: Mapping[str, Any]) -> list[str]:
    """The required fields that ``present`` (field name → value) leaves empty."""
    return [f for f in required_fields(session, kind) if _empty(present.get(f))]


def check_required(session: Session, kind: str, present: Mapping[str, Any]) -> None:
    """Raise a :class:`ValidationError` naming the first required field left empty."""
    missing = missing_required(session, kind, present)
    if missing:
        labels = PERSON_FIELDS if kind == "person" else COMPANY_FIELDS
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "“{label}” must be filled in (a rule of this address book)."
            ),
            field=missing[0],
            label=labels[missing[0]],
        )


# the field a form shows for a required field (where the message is placed)
_FORM_FIELD = {
    "email": "emails",
    "phone": "phones",
    "address": "addresses",
    "company": "company_id",
    "department": "department_id",
}


def required_errors(
    session: Session, kind: str, present: Mapping[str, Any]
) -> list[ValidationError]:
    """One error per required field ``present`` leaves empty, each placed at its
    field in the form."""
    labels = PERSON_FIELDS if kind == "person" else COMPANY_FIELDS
    return [
        ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "“{label}” must be filled in (a rule of this address book)."
            ),
            field=_FORM_FIELD.get(name, name),
            label=labels[name],
        )
        for name in missing_required(session, kind, present)
    ]


def _empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, set, dict)):
        return not any(
            not _empty(v) for v in (value.values() if isinstance(value, dict) else value)
        )
    return False


# ---------------------------------------------------------------- the list of rules


@dataclass(frozen=True)
class Rule:
    name: str  # what the CLI and the undo entry call it
    key: str  # the settings row
    label: str  # English; the window translates
    get: Callable[[Session], Any]  # → JSON form
    put: Callable[[Session, Any], None]  # JSON form → checked and stored


def _stages_json(session: Session) -> Any:
    return [{"name": s.name, "probability": s.probability} for s in st.pipeline_stages(session)]


def _stages_put(session: Session, value: Any) -> None:
    if not isinstance(value, list):
        raise _shape("pipeline-stages", '[{"name": "Kontakt", "probability": 10}, …]')
    stages: list[st.StageSpec] = []
    for item in value:
        if isinstance(item, dict) and "name" in item:
            stages.append(st.StageSpec(str(item["name"]), _int(item.get("probability", 0))))
        elif isinstance(item, str):  # "Angebot 50" or "Angebot:50"
            name, _, pct = item.replace(":", " ").rpartition(" ")
            stages.append(st.StageSpec(name.strip() or pct, _int(pct) if name else 0))
        else:
            raise _shape("pipeline-stages", '[{"name": "Kontakt", "probability": 10}, …]')
    st.set_pipeline_stages(session, stages)


def _quote_json(session: Session) -> Any:
    q = st.quote_stages(session)
    return {
        "reminder_days": list(q.reminder_days),
        "lost_after_days": q.lost_after_days,
        "lost_reason": q.lost_reason,
    }


def _quote_put(session: Session, value: Any) -> None:
    if not isinstance(value, dict):
        raise _shape("quote-stages", '{"reminder_days": [7, 14], "lost_after_days": 30}')
    base = st.quote_stages(session)
    days = value.get("reminder_days", list(base.reminder_days))
    if not isinstance(days, list):
        raise _shape("quote-stages", '{"reminder_days": [7, 14], "lost_after_days": 30}')
    st.set_quote_stages(
        session,
        st.QuoteStages(
            reminder_days=tuple(_int(d) for d in days),
            lost_after_days=_int(value.get("lost_after_days", base.lost_after_days)),
            lost_reason=str(value.get("lost_reason", base.lost_reason)),
        ),
    )


def _priority_json(session: Session) -> Any:
    p = st.priority_criteria(session)
    return {
        "months": p.months,
        "a_revenue": _money_text(p.a_revenue),
        "b_revenue": _money_text(p.b_revenue),
        "a_orders": p.a_orders,
        "b_orders": p.b_orders,
        "stale_after_days": p.stale_after_days,
    }


def _priority_put(session: Session, value: Any) -> None:
    if not isinstance(value, dict):
        raise _shape("priority-criteria", '{"a_revenue": "20000", "b_revenue": "5000", …}')
    b = st.priority_criteria(session)
    st.set_priority_criteria(
        session,
        st.PriorityCriteria(
            months=_int(value.get("months", b.months)),
            a_revenue=_money(value.get("a_revenue", b.a_revenue)),
            b_revenue=_money(value.get("b_revenue", b.b_revenue)),
            a_orders=_int(value.get("a_orders", b.a_orders)),
            b_orders=_int(value.get("b_orders", b.b_orders)),
            stale_after_days=_int(value.get("stale_after_days", b.stale_after_days)),
        ),
    )


def _defaults_json(session: Session) -> Any:
    d = st.opportunity_defaults(session)
    return {
        "enabled": d.enabled,
        "value": _money_text(d.value),
        "probability": d.probability,
        "months_to_close": d.months_to_close,
        "title": d.title,
    }


def _defaults_put(session: Session, value: Any) -> None:
    if not isinstance(value, dict):
        raise _shape("new-customer-opportunity", '{"enabled": true, "value": "5000", …}')
    b = st.opportunity_defaults(session)
    enabled = value.get("enabled", b.enabled)
    if not isinstance(enabled, bool):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“enabled” is true or false."), field="enabled"
        )
    title = str(value.get("title", b.title)).strip()
    if not title:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The title must be filled in."), field="title"
        )
    try:
        title.format(company="X")
    except (KeyError, IndexError, ValueError) as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The title “{title}” is not valid: only {{company}} may be used."
            ),
            field="title",
            title=title,
        ) from exc
    st.set_opportunity_defaults(
        session,
        st.OpportunityDefaults(
            enabled=enabled,
            value=_money(value.get("value", b.value)),
            probability=_int(value.get("probability", b.probability)),
            months_to_close=_int(value.get("months_to_close", b.months_to_close)),
            title=title,
        ),
    )


def _reasons_put(session: Session, value: Any) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _shape("loss-reasons", '["Preis zu hoch", "Kein Bedarf mehr", …]')
    st.set_loss_reasons(session, value)


def _scheme_put(setter: Callable[[Session, str], None]) -> Callable[[Session, Any], None]:
    def put(session: Session, value: Any) -> None:
        if not isinstance(value, str):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "A number scheme is a text such as T-{{year}}-{{seq:05d}}."
                )
            )
        setter(session, value)

    return put


def _required_put(kind: str) -> Callable[[Session, Any], None]:
    def put(session: Session, value: Any) -> None:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _shape(f"required-{kind}-fields", '["email", "phone"]')
        set_required_fields(session, kind, value)

    return put


RULES: dict[str, Rule] = {
    r.name: r
    for r in (
        Rule(
            "pipeline-stages",
            st.PIPELINE_STAGES,
            "Pipeline stages and their probabilities",
            _stages_json,
            _stages_put,
        ),
        Rule("loss-reasons", st.LOSS_REASONS, "Loss reasons", st.loss_reasons, _reasons_put),
        Rule("quote-stages", st.QUOTE_STAGES, "Quote follow-up", _quote_json, _quote_put),
        Rule(
            "priority-criteria",
            st.PRIORITY_CRITERIA,
            "Priority A/B/C criteria",
            _priority_json,
            _priority_put,
        ),
        Rule(
            "new-customer-opportunity",
            st.OPPORTUNITY_DEFAULTS,
            "Opportunity for a new customer",
            _defaults_json,
            _defaults_put,
        ),
        Rule(
            "required-person-fields",
            REQUIRED_PERSON,
            "Required fields of a person",
            lambda s: required_fields(s, "person"),
            _required_put("person"),
        ),
        Rule(
            "required-company-fields",
            REQUIRED_COMPANY,
            "Required fields of a company",
            lambda s: required_fields(s, "company"),
            _required_put("company"),
        ),
        Rule(
            "ticket-scheme",
            st.TICKET_SCHEME,
            "Ticket numbers",
            st.ticket_scheme,
            _scheme_put(st.set_ticket_scheme),
        ),
        Rule(
            "order-scheme",
            st.ORDER_SCHEME,
            "Order numbers",
            st.order_scheme,
            _scheme_put(st.set_order_scheme),
        ),
    )
}


def rule(name: str) -> Rule:
    try:
        return RULES[name]
    except KeyError:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no rule “{name}” (rules: {names})."),
            name=name,
            names=", ".join(RULES),
        ) from None


def show(session: Session) -> dict[str, Any]:
    """Every rule's current value (JSON form), the defaults included."""
    return {name: r.get(session) for name, r in RULES.items()}


def parse_value(name: str, text: str) -> Any:
    """What the CLI was given: JSON, or for a scheme the plain text, for a list a
    ``;``-separated line ("Preis zu hoch; Kein Budget", "Kontakt 10; Angebot 50")."""
    rule(name)
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        pass
    if name.endswith("-scheme"):
        return text
    if name in ("loss-reasons", "pipeline-stages") or name.startswith("required-"):
        return [part.strip() for part in text.split(";") if part.strip()]
    raise ValidationError(
        QT_TRANSLATE_NOOP("errors", "The value for “{name}” is not valid JSON: {value}"),
        field=name,
        value=text,
    )


@dataclass(frozen=True)
class RuleChange:
    name: str
    before: Any  # JSON form
    after: Any
    undo_id: int | None  # None: the value was the same
    changes: Changes


def set_rule(session: Session, name: str, value: Any, clock: Clock) -> RuleChange:
    """Check and store one rule; records the undo entry. Raises ValidationError."""
    return set_rules(session, {name: value}, clock)[0]


def set_rules(session: Session, values: Mapping[str, Any], clock: Clock) -> list[RuleChange]:
    """Check and store several rules (the rules page's save) as one undo entry; raises
    the first ValidationError (the caller's transaction then stores nothing)."""
    with session.begin_nested():  # all or none, whatever the caller does with the error
        items, shown = _put_all(session, values)
    entry = _record(session, items, clock)
    changed = {i.name for i in items}
    return [
        RuleChange(
            name,
            before,
            after,
            entry if name in changed else None,
            Changes(settings=True) if name in changed else Changes(),
        )
        for name, before, after in shown
    ]


def _put_all(
    session: Session, values: Mapping[str, Any]
) -> tuple[list[RuleItem], list[tuple[str, Any, Any]]]:
    items: list[RuleItem] = []
    shown: list[tuple[str, Any, Any]] = []
    for name, value in values.items():
        r = rule(name)
        before_raw = _raw(session, r.key)
        before = r.get(session)
        r.put(session, value)
        after = r.get(session)
        shown.append((name, before, after))
        if after == before:  # the same rule (a default stays a default)
            _store_raw(session, r.key, before_raw)
            continue
        items.append(RuleItem(name, before_raw, _raw(session, r.key)))
    return items, shown


def reset_rule(session: Session, name: str, clock: Clock) -> RuleChange:
    """Back to the built-in default (undoable)."""
    r = rule(name)
    before_raw = _raw(session, r.key)
    before = r.get(session)
    if before_raw is None:
        return RuleChange(name, before, before, None, Changes())
    _store_raw(session, r.key, None)
    entry = _record(session, [RuleItem(name, before_raw, None)], clock)
    return RuleChange(name, before, r.get(session), entry, Changes(settings=True))


def _record(session: Session, items: list[RuleItem], clock: Clock) -> int | None:
    if not items:
        return None
    labels = ", ".join(rule(i.name).label for i in items)
    return undo.record(
        session,
        action="rule",
        label=f"Change rules: {labels}" if len(items) > 1 else f"Change rule: {labels}",
        payload=RulePayload(tuple(items)),
        clock=clock,
    )


def _raw(session: Session, key: str) -> Any:
    row = session.get(Setting, key)
    return None if row is None else row.value


def _store_raw(session: Session, key: str, value: Any) -> None:
    if value is None:
        row = session.get(Setting, key)
        if row is not None:
            session.delete(row)
            session.flush()
        return
    st.set_raw(session, key, value)


# ---------------------------------------------------------------- undo


@dataclass(frozen=True)
class RuleItem:
    name: str
    before: Any  # the stored value (None: the default)
    after: Any


@dataclass(frozen=True)
class RulePayload:
    items: tuple[RuleItem, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rules": [{"name": i.name, "before": i.before, "after": i.after} for i in self.items]
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RulePayload:
        items = []
        for raw in data["rules"]:
            name = str(raw["name"])
            rule(name)
            items.append(RuleItem(name, raw.get("before"), raw.get("after")))
        return cls(tuple(items))

    @property
    def names(self) -> list[str]:
        return [i.name for i in self.items]


def _undo_rule(session: Session, p: RulePayload, clock: Clock) -> Changes:
    problem = _check_rule(session, p)
    if problem is not None:
        raise ConflictError(problem)
    for item in p.items:
        _store_raw(session, rule(item.name).key, item.before)
    return Changes(settings=True)


def _redo_rule(session: Session, p: RulePayload, clock: Clock) -> Changes:
    for item in p.items:
        _store_raw(session, rule(item.name).key, item.after)
    return Changes(settings=True)


def _check_rule(session: Session, p: RulePayload) -> str | None:
    if any(_raw(session, rule(i.name).key) != i.after for i in p.items):
        return QT_TRANSLATE_NOOP(
            "errors", "The rule was changed again since; undo the later change first."
        )
    return None


undo.register(
    "rule", parse=RulePayload.from_dict, undo=_undo_rule, redo=_redo_rule, check=_check_rule
)


# ---------------------------------------------------------------- value helpers


def _int(value: Any) -> int:
    if isinstance(value, bool):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not a whole number."), value=str(value)
        )
    try:
        return int(str(value).strip())
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not a whole number."), value=str(value)
        ) from None


def _money(value: Any) -> decimal.Decimal:
    try:
        amount = decimal.Decimal(str(value).replace(" ", "").replace(",", "."))
    except decimal.InvalidOperation:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not an amount."), value=str(value)
        ) from None
    if not amount.is_finite():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not an amount."), value=str(value)
        )
    return amount


def _money_text(amount: decimal.Decimal) -> str:
    """An amount in the JSON form: always two decimals ("20000.00")."""
    return format(amount.quantize(decimal.Decimal("0.01")), "f")


def _shape(name: str, example: str) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP(
            "errors", "The value for “{name}” has the wrong form; expected e.g. {example}"
        ),
        field=name,
        name=name,
        example=example,
    )
