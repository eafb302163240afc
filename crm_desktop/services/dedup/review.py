"""The two records of a pair, as the review window shows them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from crm_desktop.data.models import Company, Department, Person

# ---------------------------------------------------------------- the review window's pair

# the fields of a person or company that name another record, and the model they name
REFERENCE_FIELDS: dict[str, type[Company] | type[Department] | type[Person]] = {
    "company_id": Company,
    "parent_id": Company,
    "department_id": Department,
    "reports_to_id": Person,
}


@dataclass
class PersonPair:
    """Both people of a pair (for the side-by-side comparison, in the caller's
    session) and the names of the records their reference fields point to."""

    a: Person
    b: Person
    names: dict[tuple[str, int], str]


@dataclass
class CompanyPair:
    a: Company
    b: Company
    names: dict[tuple[str, int], str]


def _reference_names(session: Session, *records: Person | Company) -> dict[tuple[str, int], str]:
    names: dict[tuple[str, int], str] = {}
    for record in records:
        for key, model in REFERENCE_FIELDS.items():
            value = getattr(record, key, None)
            if not isinstance(value, int) or (key, value) in names:
                continue
            target = session.get(model, value)
            if isinstance(target, Person):
                names[(key, value)] = target.full_name
            elif isinstance(target, (Company, Department)):
                names[(key, value)] = target.name
    return names


def person_pair(session: Session, a_id: int, b_id: int) -> PersonPair | None:
    """The two people of a pair, None when one of them is gone."""
    a, b = session.get(Person, a_id), session.get(Person, b_id)
    if a is None or b is None:
        return None
    return PersonPair(a, b, _reference_names(session, a, b))


def company_pair(session: Session, a_id: int, b_id: int) -> CompanyPair | None:
    """The two companies of a pair, None when one of them is gone."""
    a, b = session.get(Company, a_id), session.get(Company, b_id)
    if a is None or b is None:
        return None
    return CompanyPair(a, b, _reference_names(session, a, b))
