"""Search-as-you-type choices for pickers (person, company) straight from SQL.

The dialogs never load every person or company into a list: with 100,000 people that
took seconds. Instead a picker asks for the first :data:`LIMIT` records whose name
contains every typed word (any case), ordered by name, and looks single records up by id.

All queries use the (family_name, given_name) and name indexes for the ordering and stop
after ``limit`` rows, so a short prefix answers at once and a rare word scans one table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.data.models import Company, Email, Person
from crm_desktop.services import search, textmatch
from crm_desktop.services.tree import sort_key

LIMIT = 50


@dataclass(frozen=True, slots=True)
class PersonChoice:
    """A person as a picker shows it: "Dr. Anna Weiß – Müller GmbH"."""

    id: int
    name: str
    company_id: int | None
    company_name: str

    @property
    def label(self) -> str:
        return f"{self.name} – {self.company_name}" if self.company_name else self.name


@dataclass(frozen=True, slots=True)
class CompanyChoice:
    id: int
    label: str


def _words(text: str) -> list[str]:
    return [w for w in text.replace(",", " ").split() if w and w not in {"–", "-"}][:6]


def _contains(columns: list[Any], word: str) -> ColumnElement[bool]:
    """``word`` inside any of ``columns`` (case, umlauts and their spellings ignored)."""
    return textmatch.contains_any(columns, word)


def _company_label(name: str, legal_form: str | None) -> str:
    if not legal_form or legal_form.lower() in name.lower():  # "Müller GmbH" says GmbH
        return name
    return f"{name} {legal_form}"


def _person_name(title: str | None, given: str, family: str, nickname: str | None) -> str:
    name = " ".join(p for p in (title or "", given or "", family or "") if p).strip()
    return name or (nickname or "")


def _people_query() -> tuple[Any, Any]:
    employer = aliased(Company)
    query = (
        select(
            Person.id,
            Person.title,
            Person.given_name,
            Person.family_name,
            Person.nickname,
            Person.company_id,
            employer.name,
        )
        .outerjoin(employer, employer.id == Person.company_id)
        .where(Person.deleted_at.is_(None), Person.anonymized_at.is_(None))
    )
    return query, employer


def _person_choice(row: Any) -> PersonChoice:
    pid, title, given, family, nickname, cid, cname = row
    name = _person_name(title, given, family, nickname) or f"#{pid}"
    return PersonChoice(int(pid), name, int(cid) if cid is not None else None, cname or "")


def people(
    session: Session,
    text: str = "",
    *,
    company_id: int | None = None,
    exclude_id: int | None = None,
    limit: int = LIMIT,
) -> list[PersonChoice]:
    """Live people whose name (or company name) contains every word of ``text``.

    ``company_id`` keeps the people of one company; ``exclude_id`` leaves one person out
    (nobody reports to themselves). Ordered by family and given name.
    """
    query, employer = _people_query()
    if company_id is not None:
        query = query.where(Person.company_id == company_id)
    if exclude_id is not None:
        query = query.where(Person.id != exclude_id)
    columns = [Person.given_name, Person.family_name, Person.nickname, employer.name]
    words = _words(text)
    if words and company_id is None:
        # everyone: the search index answers in milliseconds, best matches first
        ranked = _found_people(session, text, limit + 1)
        rows = session.execute(query.where(Person.id.in_(ranked))).all()
        by_id = {int(row[0]): _person_choice(row) for row in rows}
        return [by_id[pid] for pid in ranked if pid in by_id][:limit]
    if words:  # one company's people: few, a scan is quick and finds any part of a name
        query = query.where(and_(*(_contains(columns, w) for w in words)))
    # German order (Böhm beside Bode), answered from the index of migration 0003
    query = query.order_by(sort_key(Person.family_name), sort_key(Person.given_name), Person.id)
    query = query.limit(limit)
    return [_person_choice(row) for row in session.execute(query).all()]


def _found_people(session: Session, text: str, limit: int) -> list[int]:
    """Ids of people the global search finds for ``text`` (names, company, e-mail; prefix
    and typo tolerant), best first. The vocabulary it keeps is warmed up at start; scanning 100,000 names with LIKE took a third of a
    second for a word nobody has: too slow for every key press."""
    return [hit.ref_id for hit in search.search(session, text, limit=limit, kinds=("person",))]


def person(session: Session, person_id: int | None) -> PersonChoice | None:
    """One person as a choice, None when unknown or deleted."""
    if person_id is None:
        return None
    query, _employer = _people_query()
    row = session.execute(query.where(Person.id == person_id)).first()
    return _person_choice(row) if row is not None else None


def companies(
    session: Session,
    text: str = "",
    *,
    exclude_id: int | None = None,
    limit: int = LIMIT,
) -> list[CompanyChoice]:
    """Live companies whose name contains every word of ``text``, by name."""
    query = select(Company.id, Company.name, Company.legal_form).where(Company.deleted_at.is_(None))
    if exclude_id is not None:
        query = query.where(Company.id != exclude_id)
    words = _words(text)
    if words:
        query = query.where(
            and_(*(_contains([Company.name, Company.legal_form], w) for w in words))
        )
    query = query.order_by(sort_key(Company.name), Company.id).limit(limit)
    return [
        CompanyChoice(int(cid), _company_label(name, form))
        for cid, name, form in session.execute(query).all()
    ]


def company(session: Session, company_id: int | None) -> CompanyChoice | None:
    """One company as a choice, None when unknown or deleted."""
    if company_id is None:
        return None
    row = session.execute(
        select(Company.id, Company.name, Company.legal_form).where(
            Company.id == company_id, Company.deleted_at.is_(None)
        )
    ).first()
    return CompanyChoice(int(row[0]), _company_label(row[1], row[2])) if row else None


def people_with_email(
    session: Session, text: str = "", *, limit: int = LIMIT
) -> list[tuple[PersonChoice, str]]:
    """(person, e-mail address) pairs whose name, company or address contains every word."""
    query, _employer = _people_query()
    query = query.add_columns(Email.address).join(Email, Email.person_id == Person.id)
    words = _words(text)
    if not words:
        query = query.order_by(
            sort_key(Person.family_name), sort_key(Person.given_name), Person.id, Email.id
        )
        rows = session.execute(query.limit(limit)).all()
        return [(_person_choice(row[:7]), str(row[7])) for row in rows]
    ranked = _found_people(session, text, limit)
    typed = text.strip().lower()
    # an address being typed: addresses are stored in lower case, so a range is a prefix
    by_address = (Email.address >= typed) & (Email.address < typed + "\uffff")
    rows = list(
        session.execute(
            query.where(Person.id.in_(ranked) | by_address).order_by(Email.id).limit(limit * 4)
        ).all()
    )
    order = {pid: pos for pos, pid in enumerate(ranked)}
    rows.sort(
        key=lambda row: (
            not str(row[7]).startswith(typed),  # the address being typed comes first
            order.get(int(row[0]), len(order)),
            str(row[7]),
        )
    )
    return [(_person_choice(row[:7]), str(row[7])) for row in rows[:limit]]


def first_email(session: Session, person_id: int) -> str | None:
    """The person's first e-mail address (the one entered first)."""
    address = session.execute(
        select(Email.address).where(Email.person_id == person_id).order_by(Email.id).limit(1)
    ).scalar()
    return str(address) if address is not None else None


__all__ = [
    "LIMIT",
    "CompanyChoice",
    "PersonChoice",
    "companies",
    "company",
    "first_email",
    "people",
    "people_with_email",
    "person",
]
