"""The people list's queries (no Qt): filter conditions, counts, pages of rows.

:class:`crm_desktop.ui.people_list.PeopleModel` calls these; the text filter matches by
the rules of :mod:`crm_desktop.services.textmatch` (case, umlauts and their spellings
ignored, ``%`` and ``_`` literal), like the pickers, the tree filter and the search.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, exists, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from crm_desktop.data.models import (
    Address,
    Company,
    Email,
    Person,
    Phone,
    Priority,
    Tag,
    person_tags,
)
from crm_desktop.services import customfields, textmatch
from crm_desktop.services.tree import sort_key


@dataclass(frozen=True)
class PeopleFilter:
    """What the list shows: a text (words, all must match), a tag, an import batch."""

    text: str = ""
    tag: str | None = None
    batch_id: int | None = None  # the "last import" set
    # "Feld = Wert" typed in the filter line: custom/profile field → value
    fields: Mapping[str, str] = field(default_factory=dict, hash=False)

    @property
    def is_empty(self) -> bool:
        return not self.text.strip() and not self.tag and self.batch_id is None and not self.fields

    @classmethod
    def typed(cls, line: str, tag: str | None = None, batch_id: int | None = None) -> PeopleFilter:
        """The filter of what was typed: ``Branche = Bau; Müller`` is the field term
        and the words (see :func:`customfields.split_terms`)."""
        text, terms = customfields.split_terms(line)
        return cls(text=text, tag=tag, batch_id=batch_id, fields=terms)


@dataclass
class PersonRow:
    id: int
    name: str
    company: str
    position: str
    email: str
    phone: str
    city: str
    tags: list[str]
    priority: Priority | None
    consent: bool
    withdrawn_at: dt.datetime | None


def conditions(f: PeopleFilter) -> list[ColumnElement[bool]]:
    """SQL conditions on :class:`Person` for a filter (live people only)."""
    cond: list[ColumnElement[bool]] = [Person.deleted_at.is_(None)]
    for word in textmatch.words(f.text):
        cond.append(
            or_(
                textmatch.contains_any(
                    [Person.given_name, Person.family_name, Person.position], word
                ),
                Person.company_id.in_(
                    select(Company.id).where(textmatch.contains(Company.name, word))
                ),
                exists().where(
                    Email.person_id == Person.id, textmatch.contains(Email.address, word)
                ),
                exists().where(
                    Address.person_id == Person.id, textmatch.contains(Address.city, word)
                ),
            )
        )
    if f.tag:
        cond.append(
            Person.id.in_(
                select(person_tags.c.person_id)
                .join(Tag, Tag.id == person_tags.c.tag_id)
                .where(Tag.name == f.tag)
            )
        )
    if f.batch_id is not None:
        cond.append(Person.import_batch_id == f.batch_id)
    for name, value in f.fields.items():
        cond.append(customfields.value_condition(name, value))
    return cond


# German order (Böhm beside Bode), answered from the index of migration 0003
_ORDER = (sort_key(Person.family_name), sort_key(Person.given_name), Person.id)


def count_people(session: Session, f: PeopleFilter) -> int:
    return int(session.scalar(select(func.count()).select_from(Person).where(*conditions(f))) or 0)


def matching_ids(session: Session, f: PeopleFilter) -> list[int]:
    """Every id of the filter, in list order (the "whole filter selected" state)."""
    return list(
        session.execute(select(Person.id).where(*conditions(f)).order_by(*_ORDER)).scalars()
    )


def _first_of(
    session: Session,
    owner: InstrumentedAttribute[int | None],
    value: InstrumentedAttribute[str],
    order: InstrumentedAttribute[int],
    owner_ids: Collection[int],
    *,
    skip_empty: bool = False,
) -> dict[int, str]:
    """The first ``value`` per owner (in ``order``), for the given owners."""
    first: dict[int, str] = {}
    if not owner_ids:
        return first
    cond = [owner.in_(owner_ids)] + ([value != ""] if skip_empty else [])
    for oid, text in session.execute(select(owner, value).where(*cond).order_by(order)):
        if oid is not None:
            first.setdefault(oid, text)
    return first


def fetch_rows(session: Session, f: PeopleFilter, offset: int, limit: int) -> list[PersonRow]:
    """One page of the list; e-mail, phone, city and tags come in one query each."""
    rows = session.execute(
        select(
            Person.id,
            Person.title,
            Person.given_name,
            Person.family_name,
            Person.nickname,
            Person.position,
            Person.priority,
            Person.consent_marketing,
            Person.consent_withdrawn_at,
            Person.company_id,
            Company.name,
        )
        .outerjoin(Company, Company.id == Person.company_id)
        .where(*conditions(f))
        .order_by(*_ORDER)
        .offset(offset)
        .limit(limit)
    ).all()
    ids = [r[0] for r in rows]
    if not ids:
        return []
    emails = _first_of(session, Email.person_id, Email.address, Email.id, ids)
    phones = _first_of(session, Phone.person_id, Phone.number, Phone.id, ids)
    cities = _first_of(session, Address.person_id, Address.city, Address.id, ids, skip_empty=True)
    company_ids = {r[9] for r in rows if r[9] is not None}
    company_cities = _first_of(
        session, Address.company_id, Address.city, Address.id, company_ids, skip_empty=True
    )
    tags: dict[int, list[str]] = {}
    for pid, name in session.execute(
        select(person_tags.c.person_id, Tag.name)
        .join(Tag, Tag.id == person_tags.c.tag_id)
        .where(person_tags.c.person_id.in_(ids))
        .order_by(Tag.name)
    ):
        tags.setdefault(pid, []).append(name)
    out: list[PersonRow] = []
    for (
        pid,
        title,
        given,
        family,
        nickname,
        position,
        priority,
        consent,
        withdrawn,
        company_id,
        company,
    ) in rows:
        first = " ".join(x for x in (title or "", given) if x)
        name = ", ".join(x for x in (family, first) if x) or (nickname or "")
        out.append(
            PersonRow(
                id=pid,
                name=name,
                company=company or "",
                position=position or "",
                email=emails.get(pid, ""),
                phone=phones.get(pid, ""),
                city=cities.get(pid) or company_cities.get(company_id or -1, ""),
                tags=tags.get(pid, []),
                priority=priority,
                consent=bool(consent),
                withdrawn_at=withdrawn,
            )
        )
    return out


def tag_names(session: Session) -> list[str]:
    return list(session.execute(select(Tag.name).order_by(Tag.name)).scalars())


def owners(session: Session) -> list[str]:
    names = session.execute(
        select(Person.owner).where(Person.owner.is_not(None)).distinct().limit(200)
    ).scalars()
    return sorted({n for n in names if n})
