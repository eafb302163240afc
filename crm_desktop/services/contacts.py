"""Companies, departments and people: create, update, delete (to trash), restore.

All functions take an open session (the caller owns the unit of work, usually
``with store.session() as s``) and validate before they write anything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.models import (
    Address,
    AddressKind,
    AuditEvent,
    BankAccount,
    Company,
    CompanyStatus,
    Department,
    Email,
    EmailKind,
    Person,
    Phone,
    PhoneKind,
    Priority,
    PriorityChange,
    Tag,
)
from crm_desktop.domain import cardguard
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.domain.kinds import ActivityKind
from crm_desktop.errors import ConflictError, MultipleErrors, NotFoundError, ValidationError
from crm_desktop.services import validation as v
from crm_desktop.services import versioning
from crm_desktop.services.changes import Changes

# ---------------------------------------------------------------- inputs


@dataclass
class PhoneInput:
    number: str
    kind: PhoneKind = PhoneKind.WORK
    label: str | None = None


@dataclass
class EmailInput:
    address: str
    kind: EmailKind = EmailKind.WORK


@dataclass
class AddressInput:
    street: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "DE"
    kind: AddressKind = AddressKind.MAIN
    extra: str | None = None
    region: str | None = None


@dataclass
class BankInput:
    iban: str
    bic: str | None = None
    holder: str = ""
    bank_name: str | None = None


@dataclass
class CompanyInput:
    name: str
    legal_form: str | None = None
    parent_id: int | None = None
    status: CompanyStatus = CompanyStatus.PROSPECT
    status_reason: str | None = None
    customer_since: dt.date | None = None
    priority: Priority | None = None
    priority_locked: bool = False  # kept by hand: the automatic A/B/C run leaves it
    website: str | None = None
    vat_id: str | None = None
    register_court: str | None = None
    register_number: str | None = None
    managing_directors: str | None = None
    payment_terms: str | None = None
    owner: str | None = None
    notes: str = ""
    phones: list[PhoneInput] = field(default_factory=list)
    emails: list[EmailInput] = field(default_factory=list)
    addresses: list[AddressInput] = field(default_factory=list)
    bank_accounts: list[BankInput] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


@dataclass
class PersonInput:
    given_name: str = ""
    family_name: str = ""
    salutation: str | None = None
    title: str | None = None
    nickname: str | None = None
    birth_date: dt.date | None = None
    position: str | None = None
    company_id: int | None = None
    department_id: int | None = None
    reports_to_id: int | None = None
    occupation: str | None = None
    marital_status: str | None = None
    hobbies: str | None = None
    profile_fields: dict[str, str] = field(default_factory=dict)
    consent_marketing: bool = False
    consent_at: dt.datetime | None = None
    consent_source: str | None = None
    contact_interval_days: int | None = None
    contact_interval_kind: ActivityKind | None = None  # None: any kind of contact counts
    priority: Priority | None = None
    priority_locked: bool = False  # kept by hand: the automatic A/B/C run leaves it
    payment_terms: str | None = None
    owner: str | None = None
    notes: str = ""
    vcard_uid: str | None = None
    phones: list[PhoneInput] = field(default_factory=list)
    emails: list[EmailInput] = field(default_factory=list)
    addresses: list[AddressInput] = field(default_factory=list)
    bank_accounts: list[BankInput] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- validation helpers


class _Collector:
    """Collects every field error so the UI can show them all inline at once."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def run(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ValidationError as exc:
            self.errors.append(exc)
            return None

    def raise_if_any(self) -> None:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise MultipleErrors(self.errors)


def _phones(c: _Collector, items: list[PhoneInput], region: str) -> list[Phone]:
    out = []
    for i, p in enumerate(items):
        # a card number typed as a phone number gets the card message (never echoed)
        before = len(c.errors)
        c.run(cardguard.guard, p.number, f"phones.{i}")
        c.run(cardguard.guard, p.label, f"phones.{i}.label")
        if len(c.errors) > before:
            continue
        number = c.run(v.normalize_phone, p.number, region, field=f"phones.{i}")
        if number:
            out.append(Phone(number=number, kind=p.kind, label=p.label))
    return out


def _emails(c: _Collector, items: list[EmailInput]) -> list[Email]:
    out = []
    for i, e in enumerate(items):
        before = len(c.errors)
        c.run(cardguard.guard, e.address, f"emails.{i}")
        if len(c.errors) > before:
            continue
        addr = c.run(v.normalize_email, e.address, field=f"emails.{i}")
        if addr:
            out.append(Email(address=addr, kind=e.kind))
    return out


def _addresses(c: _Collector, items: list[AddressInput]) -> list[Address]:
    out = []
    for i, a in enumerate(items):
        country, as_typed = v.resolve_country(a.country)
        before = len(c.errors)
        c.run(v.required, a.street, f"addresses.{i}.street", "Street")
        c.run(v.required, a.city, f"addresses.{i}.city", "City")
        c.run(v.required, a.postcode, f"addresses.{i}.postcode", "Postcode")
        postcode = c.run(v.normalize_postcode, a.postcode, country, field=f"addresses.{i}.postcode")
        c.run(
            cardguard.guard_all,
            {"street": a.street, "extra": a.extra, "city": a.city, "region": a.region},
        )
        if len(c.errors) == before:
            out.append(
                Address(
                    kind=a.kind,
                    street=a.street.strip(),
                    extra=(a.extra or "").strip() or None,
                    postcode=postcode or "",
                    city=a.city.strip(),
                    region=a.region,
                    country=country,
                    country_as_typed=as_typed[:120] if as_typed else None,
                )
            )
    return out


def _banks(c: _Collector, items: list[BankInput]) -> list[BankAccount]:
    out = []
    for i, b in enumerate(items):
        # a card number typed into the IBAN field gets the card message, not "bad IBAN";
        # a mistyped IBAN (two letters, check digits) gets the IBAN message
        before = len(c.errors)
        if not cardguard.looks_like_iban(b.iban):
            c.run(cardguard.guard, b.iban, f"bank_accounts.{i}.iban")
            if len(c.errors) > before:
                continue
        iban = c.run(v.normalize_iban, b.iban, field=f"bank_accounts.{i}.iban")
        bic = c.run(v.normalize_bic, b.bic, field=f"bank_accounts.{i}.bic") if b.bic else None
        c.run(cardguard.guard, b.holder, f"bank_accounts.{i}.holder")
        c.run(cardguard.guard, b.bank_name, f"bank_accounts.{i}.bank_name")
        if iban:
            out.append(
                BankAccount(iban=iban, bic=bic, holder=b.holder.strip(), bank_name=b.bank_name)
            )
    return out


def get_tags(session: Session, names: list[str]) -> list[Tag]:
    tags = []
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        cardguard.guard(name, "tags")
        tag = session.execute(select(Tag).where(Tag.name == name)).scalar_one_or_none()
        if tag is None:
            tag = Tag(name=name)
            session.add(tag)
        tags.append(tag)
    return tags


def audit(session: Session, event: str, entity: str, entity_id: int | None, **details: Any) -> None:
    session.add(AuditEvent(event=event, entity=entity, entity_id=entity_id, details=details))


# ---------------------------------------------------------------- companies


def _company_text_fields(data: CompanyInput) -> dict[str, str | None]:
    return {
        "name": data.name,
        "notes": data.notes,
        "legal_form": data.legal_form,
        "payment_terms": data.payment_terms,
        "status_reason": data.status_reason,
        "managing_directors": data.managing_directors,
    }


def create_company(
    session: Session, data: CompanyInput, *, region: str = v.DEFAULT_REGION
) -> Company:
    c = _Collector()
    name = c.run(v.required, data.name, "name", "Company name")
    c.run(cardguard.guard_all, _company_text_fields(data))
    vat = c.run(v.normalize_vat_id, data.vat_id) if data.vat_id else None
    website = c.run(v.normalize_website, data.website)
    if data.parent_id is not None and session.get(Company, data.parent_id) is None:
        c.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP("errors", "The parent company does not exist."), field="parent_id"
            )
        )
    phones = _phones(c, data.phones, region)
    emails = _emails(c, data.emails)
    addresses = _addresses(c, data.addresses)
    banks = _banks(c, data.bank_accounts)
    c.raise_if_any()
    company = Company(
        name=name,
        legal_form=data.legal_form,
        parent_id=data.parent_id,
        status=data.status,
        status_reason=data.status_reason,
        customer_since=data.customer_since,
        priority=data.priority,
        priority_locked=data.priority_locked,
        website=website,
        vat_id=vat,
        register_court=data.register_court,
        register_number=data.register_number,
        managing_directors=data.managing_directors,
        payment_terms=data.payment_terms,
        owner=data.owner,
        notes=data.notes or "",
        phones=phones,
        emails=emails,
        addresses=addresses,
        bank_accounts=banks,
        tags=get_tags(session, data.tags),
    )
    session.add(company)
    session.flush()
    if data.priority is not None:
        company.priority_history.append(
            PriorityChange(old=None, new=data.priority, reason="created")
        )
    audit(session, "created", "company", company.id)
    return company


def get_company(session: Session, company_id: int) -> Company:
    company = session.get(Company, company_id)
    if company is None or company.deleted_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Company {id} does not exist."), id=company_id
        )
    return company


COMPANY_FIELDS = {
    "name",
    "legal_form",
    "parent_id",
    "status",
    "status_reason",
    "customer_since",
    "priority",
    "priority_locked",
    "website",
    "vat_id",
    "register_court",
    "register_number",
    "managing_directors",
    "payment_terms",
    "owner",
    "notes",
}


def update_company(
    session: Session,
    company_id: int,
    changes: dict[str, Any],
    *,
    reason: str = "edited",
    clock: Clock | None = None,
    expected_version: int | None = None,
) -> Company:
    """Change scalar fields of a company; ``changes`` maps field name to new value.

    ``expected_version`` is the version the editing form loaded: when someone saved
    the company since, :class:`ConcurrentEditError` is raised and nothing changes.
    A company that becomes a customer here gets the new-customer opportunity (see
    :func:`became_customer`)."""
    company = get_company(session, company_id)
    versioning.check(session, "company", company, expected_version)
    was_customer = company.status == CompanyStatus.CUSTOMER
    unknown = set(changes) - COMPANY_FIELDS
    if unknown:
        raise ValueError(f"unknown company fields: {sorted(unknown)}")
    c = _Collector()
    if "name" in changes:
        changes["name"] = c.run(v.required, changes["name"], "name", "Company name")
    c.run(cardguard.guard_all, {k: changes[k] for k in changes if isinstance(changes[k], str)})
    if changes.get("vat_id"):
        changes["vat_id"] = c.run(v.normalize_vat_id, changes["vat_id"])
    if "website" in changes:
        changes["website"] = c.run(v.normalize_website, changes["website"])
    if changes.get("parent_id") is not None:
        _check_no_cycle(c, session, company_id, changes["parent_id"])
    c.raise_if_any()
    if "priority" in changes and changes["priority"] != company.priority:
        if reason == "edited" and changes.get("priority_locked", company.priority_locked):
            reason = "manual, kept"
        company.priority_history.append(
            PriorityChange(
                old=company.priority,
                new=changes["priority"],
                reason=reason,
                changed_at=(clock or SystemClock()).now(),
            )
        )
    for key, value in changes.items():
        setattr(company, key, value)
    company.updated_at = (clock or SystemClock()).now()  # a save is a change: version + 1
    versioning.flush(session, "company", company)
    if not was_customer and company.status == CompanyStatus.CUSTOMER:
        became_customer(session, [company.id], clock=clock)
    return company


NEW_CUSTOMER_SOURCE = "new customer"


def became_customer(
    session: Session, company_ids: list[int], *, clock: Clock | None = None
) -> list[int]:
    """Hook for companies that just became customers: when the setting "new-customer
    opportunity" is enabled, each gets one opportunity with the configured default
    estimates — never a second one (not while one is open, and not when an automatic
    one was already made before). Returns the ids of the opportunities created."""
    if not company_ids:
        return []
    from crm_desktop.data.models import Opportunity
    from crm_desktop.services import settings as cfg

    if not cfg.opportunity_defaults(session).enabled:
        return []
    from crm_desktop.services.pipeline import auto_opportunity_for_new_customer

    clock = clock or SystemClock()
    made_before = set(
        session.execute(
            select(Opportunity.company_id).where(
                Opportunity.company_id.in_(company_ids),
                Opportunity.source == NEW_CUSTOMER_SOURCE,
                Opportunity.deleted_at.is_(None),
            )
        ).scalars()
    )
    created: list[int] = []
    for cid in company_ids:
        if cid in made_before:
            continue
        opp = auto_opportunity_for_new_customer(session, cid, clock)
        if opp is not None:
            created.append(opp.id)
    return created


def _check_no_cycle(c: _Collector, session: Session, company_id: int, parent_id: int) -> None:
    seen = {company_id}
    current: int | None = parent_id
    while current is not None:
        if current in seen:
            c.errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors", "A company cannot be its own parent or branch of its branch."
                    ),
                    field="parent_id",
                )
            )
            return
        seen.add(current)
        parent = session.get(Company, current)
        if parent is None:
            c.errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The parent company does not exist."),
                    field="parent_id",
                )
            )
            return
        current = parent.parent_id


def add_department(session: Session, company_id: int, name: str) -> Department:
    get_company(session, company_id)
    clean = v.required(name, "name", "Department name")
    cardguard.guard(clean, "name")
    exists = session.execute(
        select(Department).where(Department.company_id == company_id, Department.name == clean)
    ).scalar_one_or_none()
    if exists is not None:
        raise ConflictError(
            QT_TRANSLATE_NOOP("errors", "The department “{name}” already exists."), name=clean
        )
    dept = Department(company_id=company_id, name=clean)
    session.add(dept)
    session.flush()
    return dept


# ---------------------------------------------------------------- people


def _person_text_fields(data: PersonInput) -> dict[str, str | None]:
    fields: dict[str, str | None] = {
        "given_name": data.given_name,
        "family_name": data.family_name,
        "notes": data.notes,
        "position": data.position,
        "occupation": data.occupation,
        "hobbies": data.hobbies,
        "payment_terms": data.payment_terms,
        "nickname": data.nickname,
    }
    for key, value in data.profile_fields.items():
        fields[f"profile.{key}"] = value
    return fields


def create_person(
    session: Session,
    data: PersonInput,
    *,
    clock: Clock | None = None,
    region: str = v.DEFAULT_REGION,
    allow_incomplete: bool = False,
) -> Person:
    """Create a person. ``allow_incomplete`` (imports) flags a missing name for review
    instead of refusing it."""
    clock = clock or SystemClock()
    c = _Collector()
    review: list[str] = []
    if not (data.given_name.strip() or data.family_name.strip()):
        if allow_incomplete:
            review.append("no name")
        else:
            c.errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "A person needs a given or a family name."),
                    field="family_name",
                )
            )
    c.run(cardguard.guard_all, _person_text_fields(data))
    if data.birth_date is not None:
        c.run(v.check_birth_date, data.birth_date, clock.now().date())
    if data.contact_interval_days is not None and not 1 <= data.contact_interval_days <= 3650:
        c.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "The contact interval must be between 1 and 3650 days."
                ),
                field="contact_interval_days",
            )
        )
    _check_links(c, session, data.company_id, data.department_id, data.reports_to_id, None)
    phones = _phones(c, data.phones, region)
    emails = _emails(c, data.emails)
    addresses = _addresses(c, data.addresses)
    banks = _banks(c, data.bank_accounts)
    c.raise_if_any()
    person = Person(
        salutation=data.salutation,
        title=data.title,
        given_name=data.given_name.strip(),
        family_name=data.family_name.strip(),
        nickname=data.nickname,
        birth_date=data.birth_date,
        position=data.position,
        company_id=data.company_id,
        department_id=data.department_id,
        reports_to_id=data.reports_to_id,
        occupation=data.occupation,
        marital_status=data.marital_status,
        hobbies=data.hobbies,
        profile_fields=dict(data.profile_fields),
        consent_marketing=data.consent_marketing,
        consent_at=data.consent_at or (clock.now() if data.consent_marketing else None),
        consent_source=data.consent_source,
        contact_interval_days=data.contact_interval_days,
        contact_interval_kind=data.contact_interval_kind,
        priority=data.priority,
        priority_locked=data.priority_locked,
        payment_terms=data.payment_terms,
        owner=data.owner,
        notes=data.notes or "",
        vcard_uid=data.vcard_uid,
        phones=phones,
        emails=emails,
        addresses=addresses,
        bank_accounts=banks,
        tags=get_tags(session, data.tags),
        needs_review=bool(review),
        review_reason=", ".join(review) or None,
    )
    session.add(person)
    session.flush()
    audit(session, "created", "person", person.id)
    return person


def _check_links(
    c: _Collector,
    session: Session,
    company_id: int | None,
    department_id: int | None,
    reports_to_id: int | None,
    person_id: int | None,
) -> None:
    if company_id is not None:
        comp = session.get(Company, company_id)
        if comp is None or comp.deleted_at is not None:
            c.errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The company does not exist."), field="company_id"
                )
            )
    if department_id is not None:
        dept = session.get(Department, department_id)
        if dept is None:
            c.errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The department does not exist."),
                    field="department_id",
                )
            )
        elif company_id is not None and dept.company_id != company_id:
            c.errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The department belongs to another company."),
                    field="department_id",
                )
            )
    if reports_to_id is not None:
        if person_id is not None and reports_to_id == person_id:
            c.errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "A person cannot report to themselves."),
                    field="reports_to_id",
                )
            )
            return
        boss = session.get(Person, reports_to_id)
        if boss is None or boss.deleted_at is not None:
            c.errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The supervisor does not exist."),
                    field="reports_to_id",
                )
            )
            return
        # no cycles in the reporting line
        seen = {person_id} if person_id is not None else set()
        current: Person | None = boss
        while current is not None:
            if current.id in seen:
                c.errors.append(
                    ValidationError(
                        QT_TRANSLATE_NOOP(
                            "errors",
                            "This would make a reporting loop (A reports to B reports to A).",
                        ),
                        field="reports_to_id",
                    )
                )
                return
            seen.add(current.id)
            current = current.reports_to


def get_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.deleted_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Person {id} does not exist."), id=person_id
        )
    return person


PERSON_FIELDS = {
    "salutation",
    "title",
    "given_name",
    "family_name",
    "nickname",
    "birth_date",
    "position",
    "company_id",
    "department_id",
    "reports_to_id",
    "occupation",
    "marital_status",
    "hobbies",
    "profile_fields",
    "contact_interval_days",
    "contact_interval_kind",
    "priority",
    "priority_locked",
    "payment_terms",
    "owner",
    "notes",
    "needs_review",
    "review_reason",
}


def update_person(
    session: Session,
    person_id: int,
    changes: dict[str, Any],
    *,
    clock: Clock | None = None,
    expected_version: int | None = None,
) -> Person:
    """Change scalar fields of a person. ``expected_version`` is the version the
    editing form loaded: when someone saved the person since,
    :class:`ConcurrentEditError` is raised and nothing changes."""
    clock = clock or SystemClock()
    person = get_person(session, person_id)
    versioning.check(session, "person", person, expected_version)
    unknown = set(changes) - PERSON_FIELDS
    if unknown:
        raise ValueError(f"unknown person fields: {sorted(unknown)}")
    c = _Collector()
    texts = {k: val for k, val in changes.items() if isinstance(val, str)}
    for key, value in (changes.get("profile_fields") or {}).items():
        texts[f"profile.{key}"] = value
    c.run(cardguard.guard_all, texts)
    given = changes.get("given_name", person.given_name) or ""
    family = changes.get("family_name", person.family_name) or ""
    if ("given_name" in changes or "family_name" in changes) and not (
        given.strip() or family.strip()
    ):
        c.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP("errors", "A person needs a given or a family name."),
                field="family_name",
            )
        )
    if changes.get("birth_date") is not None:
        c.run(v.check_birth_date, changes["birth_date"], clock.now().date())
    interval = changes.get("contact_interval_days")
    if interval is not None and not 1 <= interval <= 3650:
        c.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "The contact interval must be between 1 and 3650 days."
                ),
                field="contact_interval_days",
            )
        )
    company_id = changes.get("company_id", person.company_id)
    department_id = changes.get("department_id", person.department_id)
    if "company_id" in changes and "department_id" not in changes and person.department_id:
        dept = session.get(Department, person.department_id)
        if dept is not None and dept.company_id != company_id:
            department_id = None
            changes["department_id"] = None
    if any(k in changes for k in ("company_id", "department_id", "reports_to_id")):
        _check_links(c, session, company_id, department_id, changes.get("reports_to_id"), person.id)
    c.raise_if_any()
    if "priority" in changes and changes["priority"] != person.priority:
        kept = changes.get("priority_locked", person.priority_locked)
        person.priority_history.append(
            PriorityChange(
                old=person.priority,
                new=changes["priority"],
                reason="manual, kept" if kept else "edited",
                changed_at=clock.now(),
            )
        )
    for key, value in changes.items():
        if isinstance(value, str) and key in {"given_name", "family_name"}:
            value = value.strip()
        setattr(person, key, value)
    renamed = "given_name" in changes or "family_name" in changes
    if renamed and person.needs_review and person.review_reason == "no name":
        person.needs_review = False
        person.review_reason = None
    person.updated_at = clock.now()  # a save is a change: version + 1, who and when
    versioning.flush(session, "person", person)
    return person


def set_phones(
    session: Session,
    owner: Person | Company,
    items: list[PhoneInput],
    region: str = v.DEFAULT_REGION,
) -> None:
    c = _Collector()
    phones = _phones(c, items, region)
    c.raise_if_any()
    owner.phones = phones
    session.flush()


def set_emails(session: Session, owner: Person | Company, items: list[EmailInput]) -> None:
    c = _Collector()
    emails = _emails(c, items)
    c.raise_if_any()
    owner.emails = emails
    session.flush()


def set_addresses(session: Session, owner: Person | Company, items: list[AddressInput]) -> None:
    c = _Collector()
    addresses = _addresses(c, items)
    c.raise_if_any()
    owner.addresses = addresses
    session.flush()


def set_bank_accounts(session: Session, owner: Person | Company, items: list[BankInput]) -> None:
    c = _Collector()
    banks = _banks(c, items)
    c.raise_if_any()
    owner.bank_accounts = banks
    session.flush()


def set_tags(session: Session, owner: Person | Company, names: list[str]) -> None:
    owner.tags = get_tags(session, names)
    session.flush()


def set_consent(
    session: Session,
    person_id: int,
    given: bool,
    *,
    source: str | None = None,
    clock: Clock | None = None,
) -> Person:
    """Record an opt-in (with date and source) or its withdrawal."""
    clock = clock or SystemClock()
    person = get_person(session, person_id)
    now = clock.now()
    if given:
        person.consent_marketing = True
        person.consent_at = now
        person.consent_source = source
        person.consent_withdrawn_at = None
    else:
        person.consent_marketing = False
        person.consent_withdrawn_at = now
    audit(session, "consent-given" if given else "consent-withdrawn", "person", person.id)
    session.flush()
    return person


# ---------------------------------------------------------------- delete, trash, restore


def delete_person(session: Session, person_id: int, *, clock: Clock | None = None) -> None:
    """Move a person to the trash. Activities and tickets stay; restore brings it back."""
    clock = clock or SystemClock()
    person = get_person(session, person_id)
    person.deleted_at = clock.now()
    audit(session, "deleted", "person", person.id)
    session.flush()


def delete_company(session: Session, company_id: int, *, clock: Clock | None = None) -> list[int]:
    """Move a company, its branches and their people to the trash; returns the person ids."""
    clock = clock or SystemClock()
    company = get_company(session, company_id)
    now = clock.now()
    people: list[int] = []
    stack = [company]
    while stack:
        comp = stack.pop()
        comp.deleted_at = now
        audit(session, "deleted", "company", comp.id)
        for person in comp.people:
            if person.deleted_at is None:
                person.deleted_at = now
                people.append(person.id)
        stack.extend(b for b in comp.branches if b.deleted_at is None)
    session.flush()
    return people


def restore_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Person {id} does not exist."), id=person_id
        )
    person.deleted_at = None
    if person.company is not None and person.company.deleted_at is not None:
        person.company.deleted_at = None
    audit(session, "restored", "person", person.id)
    session.flush()
    return person


def restore_company(
    session: Session, company_id: int, deleted_at: dt.datetime | None = None
) -> Company:
    """Restore a company; with ``deleted_at`` also everything trashed with it."""
    company = session.get(Company, company_id)
    if company is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Company {id} does not exist."), id=company_id
        )
    stamp = deleted_at or company.deleted_at
    stack = [company]
    while stack:
        comp = stack.pop()
        if comp.deleted_at is None or comp.deleted_at != stamp:
            continue
        comp.deleted_at = None
        for person in comp.people:
            if person.deleted_at == stamp:
                person.deleted_at = None
        stack.extend(comp.branches)
    audit(session, "restored", "company", company.id)
    session.flush()
    return company


def purge_trash(session: Session) -> int:
    """Empty the trash: deleted people, companies and orders are removed for good; the
    people's activities stay (unlinked) so statistics keep their history."""
    from crm_desktop.data.models import Activity

    people = list(session.execute(select(Person).where(Person.deleted_at.is_not(None))).scalars())
    companies = list(
        session.execute(select(Company).where(Company.deleted_at.is_not(None))).scalars()
    )
    ids = [p.id for p in people]
    if ids:
        session.execute(
            update(Person).where(Person.reports_to_id.in_(ids)).values(reports_to_id=None)
        )
        session.execute(update(Activity).where(Activity.person_id.in_(ids)).values(person_id=None))
    for person in people:
        audit(session, "purged", "person", person.id)
        session.delete(person)
    for comp in companies:
        audit(session, "purged", "company", comp.id)
        session.delete(comp)
    from crm_desktop.data.models import Order

    orders = list(session.execute(select(Order).where(Order.deleted_at.is_not(None))).scalars())
    for order in orders:
        audit(session, "purged", "order", order.id)
        session.delete(order)  # with its lines
    session.flush()
    return len(people) + len(companies) + len(orders)


def counts(session: Session) -> dict[str, int]:
    people = session.scalar(
        select(func.count()).select_from(Person).where(Person.deleted_at.is_(None))
    )
    companies = session.scalar(
        select(func.count()).select_from(Company).where(Company.deleted_at.is_(None))
    )
    return {"people": int(people or 0), "companies": int(companies or 0)}


# ---------------------------------------------------------------- undoable new department

DEPARTMENT_HAS_PEOPLE = QT_TRANSLATE_NOOP(
    "errors", "The department “{name}” has people now; it stays as it is. Nothing was changed."
)


@dataclass(frozen=True)
class DepartmentPayload:
    id: int
    company_id: int
    name: str

    @property
    def kind(self) -> str:
        return "department"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "company_id": self.company_id, "name": self.name}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DepartmentPayload:
        ref, company = data["id"], data["company_id"]
        if not isinstance(ref, int) or not isinstance(company, int):
            raise ValueError(QT_TRANSLATE_NOOP("errors", "the department's ids are not numbers"))
        return cls(ref, company, str(data["name"]))


def create_department(session: Session, company_id: int, name: str, clock: Clock) -> Department:
    """:func:`add_department` as one undoable change (the undo removes it while nobody
    is in it)."""
    from crm_desktop.services import undo

    dept = add_department(session, company_id, name)
    undo.record(
        session,
        action="department-create",
        label=f"New department “{dept.name}”",
        payload=DepartmentPayload(dept.id, dept.company_id, dept.name),
        clock=clock,
    )
    return dept


def _department_changes(p: DepartmentPayload) -> Changes:
    return Changes.of("department", p.id, structure=True) | Changes.of("company", p.company_id)


def _undo_department(session: Session, p: DepartmentPayload, clock: Clock) -> Changes:
    from crm_desktop.services import undo

    dept = session.get(Department, p.id)
    if dept is None or dept.company_id != p.company_id:
        raise ConflictError(undo.ROW_GONE)
    if dept.name != p.name:
        raise ConflictError(undo.EDIT_OVERTAKEN)
    if session.scalar(select(func.count()).where(Person.department_id == p.id)):
        raise ConflictError(DEPARTMENT_HAS_PEOPLE, name=p.name)
    session.delete(dept)
    session.flush()
    return _department_changes(p)


def _redo_department(session: Session, p: DepartmentPayload, clock: Clock) -> Changes:
    company = session.get(Company, p.company_id)
    taken = session.scalar(
        select(func.count()).where(
            (Department.id == p.id)
            | ((Department.company_id == p.company_id) & (Department.name == p.name))
        )
    )
    if company is None or company.deleted_at is not None or taken:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "This change cannot be done again."))
    session.add(Department(id=p.id, company_id=p.company_id, name=p.name))
    session.flush()
    return _department_changes(p)


def _check_department(session: Session, p: DepartmentPayload) -> str | None:
    dept = session.get(Department, p.id)
    if dept is None or dept.company_id != p.company_id:
        return f"department {p.id} is gone"
    return None


def register_undo() -> None:
    """Called by :mod:`crm_desktop.services.undo` when it is imported."""
    from crm_desktop.services import undo

    undo.FINAL_REFUSALS.add(DEPARTMENT_HAS_PEOPLE)
    undo.register(
        "department-create",
        parse=DepartmentPayload.from_dict,
        undo=_undo_department,
        redo=_redo_department,
        check=_check_department,
    )
