"""Saving a person or a company from its form: one use case per save (issue #16).

The form collects what was typed into a :class:`PersonEdit` / :class:`CompanyEdit`;
:func:`save_person` / :func:`save_company` create the record or update it together
with its phone numbers, e-mail addresses, addresses, bank accounts, tags (and a
person's consent) in the caller's unit of work, and write the undo entry of the edit.
Every field problem of every step is collected and raised at once
(:class:`MultipleErrors`), so the form shows them all; the caller rolls back.

The undo label is the ui's (it is translated): it passes ``edit_label(fields, name)``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.models import CompanyStatus, Person
from crm_desktop.errors import MultipleErrors, ValidationError
from crm_desktop.services import contacts, customfields, lookups, rules
from crm_desktop.services import undo as undo_registry
from crm_desktop.services import validation as v
from crm_desktop.services.changes import Changes
from crm_desktop.services.contacts import (
    AddressInput,
    BankInput,
    CompanyInput,
    EmailInput,
    PersonInput,
    PhoneInput,
)

EditLabel = Callable[[list[str], str], str]
"""``(changed field names, record name) -> undo label`` ("Change phone number of …")."""


def _plain_label(names: list[str], name: str) -> str:
    return f"Edit {name}"


@dataclass
class PersonEdit:
    """What the person form holds: the person's own fields as ``update_person`` takes
    them (``values``), the lists, the tags and the consent checkbox."""

    values: dict[str, Any]
    phones: list[PhoneInput] = field(default_factory=list)
    emails: list[EmailInput] = field(default_factory=list)
    addresses: list[AddressInput] = field(default_factory=list)
    bank_accounts: list[BankInput] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    consent_marketing: bool = False
    consent_source: str | None = None

    def as_input(self) -> PersonInput:
        return PersonInput(
            **self.values,
            consent_marketing=self.consent_marketing,
            consent_source=self.consent_source,
            phones=self.phones,
            emails=self.emails,
            addresses=self.addresses,
            bank_accounts=self.bank_accounts,
            tags=self.tags,
        )


@dataclass
class CompanyEdit:
    values: dict[str, Any]
    phones: list[PhoneInput] = field(default_factory=list)
    emails: list[EmailInput] = field(default_factory=list)
    addresses: list[AddressInput] = field(default_factory=list)
    bank_accounts: list[BankInput] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    def as_input(self) -> CompanyInput:
        return CompanyInput(
            **self.values,
            phones=self.phones,
            emails=self.emails,
            addresses=self.addresses,
            bank_accounts=self.bank_accounts,
            tags=self.tags,
        )


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What one save did: the record, whether it is new, the fields the edit changed
    (empty for a new record), the label of the undo entry written (None when nothing
    changed or the record is new) and the change record to publish."""

    record_id: int
    created: bool
    changed_fields: tuple[str, ...]
    undo_label: str | None
    changes: Changes


class _Steps:
    """Runs the steps of a save and keeps every field problem (like the form did)."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except MultipleErrors as exc:
            self.errors.extend(exc.errors)
        except ValidationError as exc:
            self.errors.append(exc)
        return None

    def raise_if_any(self) -> None:
        if self.errors:
            raise self.errors[0] if len(self.errors) == 1 else MultipleErrors(self.errors)


def _set_lists(
    steps: _Steps,
    session: Session,
    owner: Any,
    edit: PersonEdit | CompanyEdit,
    region: str,
) -> None:
    steps.run(contacts.set_phones, session, owner, edit.phones, region=region)
    steps.run(contacts.set_emails, session, owner, edit.emails)
    steps.run(contacts.set_addresses, session, owner, edit.addresses)
    steps.run(contacts.set_bank_accounts, session, owner, edit.bank_accounts)
    contacts.set_tags(session, owner, edit.tags)


def _record_undo(
    session: Session,
    kind: str,
    rid: int,
    before: dict[str, Any],
    name: str,
    label: EditLabel,
    clock: Clock,
) -> tuple[tuple[str, ...], str | None]:
    after = undo_registry.snapshot(session, kind, rid)
    names = undo_registry.changed_fields(before, after)
    if not names:
        return (), None
    text = label(names, name)
    undo_registry.record_edit(session, kind, rid, before, after, text, clock)
    return tuple(names), text


def _person_present(edit: PersonEdit) -> dict[str, Any]:
    """What the required-field rule looks at in a person form."""
    v_ = edit.values
    return {
        "salutation": v_.get("salutation"),
        "title": v_.get("title"),
        "given_name": v_.get("given_name"),
        "birth_date": v_.get("birth_date"),
        "position": v_.get("position"),
        "company": v_.get("company_id"),
        "department": v_.get("department_id"),
        "email": [e.address for e in edit.emails],
        "phone": [p.number for p in edit.phones],
        "address": [f"{a.street} {a.postcode} {a.city}" for a in edit.addresses],
        "owner": v_.get("owner"),
        "payment_terms": v_.get("payment_terms"),
    }


def _company_present(edit: CompanyEdit) -> dict[str, Any]:
    v_ = edit.values
    return {
        "legal_form": v_.get("legal_form"),
        "website": v_.get("website"),
        "vat_id": v_.get("vat_id"),
        "email": [e.address for e in edit.emails],
        "phone": [p.number for p in edit.phones],
        "address": [f"{a.street} {a.postcode} {a.city}" for a in edit.addresses],
        "owner": v_.get("owner"),
        "payment_terms": v_.get("payment_terms"),
        "priority": v_.get("priority"),
        "customer_since": v_.get("customer_since"),
    }


def save_person(
    session: Session,
    person_id: int | None,
    edit: PersonEdit,
    *,
    expected_version: int | None = None,
    previous_consent: bool = False,
    region: str = v.DEFAULT_REGION,
    clock: Clock | None = None,
    edit_label: EditLabel = _plain_label,
) -> SaveResult:
    """Create the person (``person_id`` None) or update every part of it.

    An update checks ``expected_version`` (:class:`ConcurrentEditError` when a colleague
    saved since), records the consent only when the checkbox differs from
    ``previous_consent`` and writes the undo entry of the edit."""
    clock = clock or SystemClock()
    steps = _Steps()
    steps.errors.extend(rules.required_errors(session, "person", _person_present(edit)))
    steps.errors.extend(customfields.value_errors(session, edit.values.get("profile_fields")))
    if person_id is None:
        person = steps.run(
            contacts.create_person, session, edit.as_input(), clock=clock, region=region
        )
        steps.raise_if_any()
        assert person is not None
        return SaveResult(
            person.id, True, (), None, Changes.of("person", person.id, structure=True)
        )
    before = undo_registry.snapshot(session, "person", person_id)
    steps.run(
        contacts.update_person,
        session,
        person_id,
        dict(edit.values),
        clock=clock,
        expected_version=expected_version,
    )
    person = contacts.get_person(session, person_id)
    _set_lists(steps, session, person, edit, region)
    if edit.consent_marketing != previous_consent:
        steps.run(
            contacts.set_consent,
            session,
            person_id,
            edit.consent_marketing,
            source=edit.consent_source,
            clock=clock,
        )
    steps.raise_if_any()
    person = contacts.get_person(session, person_id)
    name = f"{person.given_name or ''} {person.family_name or ''}".strip()
    names, label = _record_undo(session, "person", person_id, before, name, edit_label, clock)
    return SaveResult(person_id, False, names, label, Changes.of("person", person_id))


def save_company(
    session: Session,
    company_id: int | None,
    edit: CompanyEdit,
    *,
    expected_version: int | None = None,
    region: str = v.DEFAULT_REGION,
    clock: Clock | None = None,
    edit_label: EditLabel = _plain_label,
) -> SaveResult:
    """Create the company (``company_id`` None) or update every part of it (with the
    version check and the undo entry, like :func:`save_person`)."""
    clock = clock or SystemClock()
    steps = _Steps()
    steps.errors.extend(rules.required_errors(session, "company", _company_present(edit)))
    if company_id is None:
        company = steps.run(contacts.create_company, session, edit.as_input(), region=region)
        steps.raise_if_any()
        assert company is not None
        changes = Changes.of("company", company.id, structure=True)
        if company.status == CompanyStatus.CUSTOMER:  # created as a customer: the same rule
            made = contacts.became_customer(session, [company.id], clock=clock)
            changes = changes | Changes.of("opportunity", *made, structure=True)
        return SaveResult(company.id, True, (), None, changes)
    before = undo_registry.snapshot(session, "company", company_id)
    steps.run(
        contacts.update_company,
        session,
        company_id,
        dict(edit.values),
        clock=clock,
        expected_version=expected_version,
    )
    company = contacts.get_company(session, company_id)
    _set_lists(steps, session, company, edit, region)
    steps.raise_if_any()
    names, label = _record_undo(
        session, "company", company_id, before, company.name, edit_label, clock
    )
    return SaveResult(company_id, False, names, label, Changes.of("company", company_id))


# ---------------------------------------------------------------- duplicate check


def candidate_id(candidate: Any) -> int | None:
    """The person id in whatever a duplicate check returns (id, Person, dataclass, dict,
    tuple)."""
    if isinstance(candidate, bool):
        return None
    if isinstance(candidate, int):
        return candidate
    if isinstance(candidate, Person):
        return candidate.id
    if isinstance(candidate, dict):
        for key in ("person_id", "id", "existing_id"):
            if isinstance(candidate.get(key), int):
                return int(candidate[key])
        return None
    if isinstance(candidate, tuple) and candidate:
        return candidate_id(candidate[0])
    for attr in ("person_id", "existing_id", "id"):
        value = getattr(candidate, attr, None)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    person = getattr(candidate, "person", None)
    return person.id if isinstance(person, Person) else None


DuplicateCheck = Callable[..., Iterable[Any] | None]


def possible_duplicates(
    session: Session,
    given: str,
    family: str,
    *,
    birth_date: dt.date | None = None,
    emails: Iterable[str] = (),
    phones: Iterable[str] = (),
    limit: int = 5,
    check: DuplicateCheck | None = None,
) -> list[lookups.PersonCard]:
    """The live people a new person with this name, birth date, e-mails and phones may
    duplicate, best first (``check`` defaults to :func:`dedup.check_new_person`)."""
    if check is None:
        from crm_desktop.services.dedup import check_new_person

        check = check_new_person
    found = check(
        session,
        given,
        family,
        birth_date=birth_date,
        emails=tuple(emails),
        phones=tuple(phones),
        limit=limit,
    )
    ids: list[int] = []
    for cand in found or []:
        pid = candidate_id(cand)
        if pid is not None and pid not in ids:
            ids.append(pid)
    return lookups.person_cards(session, ids)


__all__ = [
    "CompanyEdit",
    "EditLabel",
    "PersonEdit",
    "SaveResult",
    "candidate_id",
    "possible_duplicates",
    "save_company",
    "save_person",
]
