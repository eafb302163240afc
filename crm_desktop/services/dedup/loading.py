"""Loading the records to compare (one query per table, streamed)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.data.models import Address, Company, Email, Person, Phone
from crm_desktop.services.dedup.companies import (
    CompanyRec,
    make_company_rec,
)
from crm_desktop.services.dedup.people import (
    PersonRec,
    make_person_rec,
)

# ---------------------------------------------------------------- loading (one query per table)


def _contacts(
    session: Session, owner_col: str, ids: Sequence[int] | None
) -> tuple[
    dict[int, list[str]],
    dict[int, list[str]],
    dict[int, list[tuple[str, str, str]]],
]:
    emails: dict[int, list[str]] = defaultdict(list)
    phones: dict[int, list[str]] = defaultdict(list)
    addresses: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    e_owner = getattr(Email, owner_col)
    p_owner = getattr(Phone, owner_col)
    a_owner = getattr(Address, owner_col)
    eq = select(e_owner, Email.address).where(e_owner.is_not(None))
    pq = select(p_owner, Phone.number).where(p_owner.is_not(None))
    aq = select(a_owner, Address.postcode, Address.street, Address.city).where(a_owner.is_not(None))
    if ids is not None:
        eq, pq, aq = (
            eq.where(e_owner.in_(ids)),
            pq.where(p_owner.in_(ids)),
            aq.where(a_owner.in_(ids)),
        )
    for owner, address in session.execute(eq):
        emails[owner].append(address)
    for owner, number in session.execute(pq):
        phones[owner].append(number)
    for owner, postcode, street, city in session.execute(aq):
        addresses[owner].append((postcode, street, city))
    return emails, phones, addresses


_YIELD_ROWS = 2000  # rows fetched at a time by the streaming loader


class _ByOwner:
    """The rows of a query ordered by owner id (its first column), handed out owner by
    owner in ascending order of the owners asked for; owners never asked for (deleted
    people) are skipped."""

    def __init__(self, rows: Iterable[Sequence[Any]]) -> None:
        self._groups = itertools.groupby(rows, key=lambda row: row[0])
        self._next = next(self._groups, None)

    def take(self, owner: int) -> list[Sequence[Any]]:
        while self._next is not None and self._next[0] < owner:
            self._next = next(self._groups, None)
        if self._next is None or self._next[0] != owner:
            return []
        found = list(self._next[1])
        self._next = next(self._groups, None)
        return found


def load_people(session: Session, ids: Sequence[int] | None = None) -> list[PersonRec]:
    """Every live person (or those in ``ids``) as scoring records, one query per table.

    The four queries are read side by side in the order of the person ids, a few
    thousand rows at a time: neither the rows nor the contacts of all people are ever
    held in memory at once, only the records built from them."""
    q = select(
        Person.id,
        Person.given_name,
        Person.family_name,
        Person.title,
        Person.salutation,
        Person.birth_date,
        Person.company_id,
    ).where(Person.deleted_at.is_(None), Person.anonymized_at.is_(None))
    eq = select(Email.person_id, Email.address).where(Email.person_id.is_not(None))
    pq = select(Phone.person_id, Phone.number).where(Phone.person_id.is_not(None))
    aq = select(Address.person_id, Address.postcode, Address.street, Address.city).where(
        Address.person_id.is_not(None)
    )
    if ids is not None:
        q = q.where(Person.id.in_(ids))
        eq = eq.where(Email.person_id.in_(ids))
        pq = pq.where(Phone.person_id.in_(ids))
        aq = aq.where(Address.person_id.in_(ids))

    def stream(stmt: Any, owner: Any) -> Iterable[Sequence[Any]]:
        return session.execute(stmt.order_by(owner).execution_options(yield_per=_YIELD_ROWS))

    emails = _ByOwner(stream(eq, Email.person_id))
    phones = _ByOwner(stream(pq, Phone.person_id))
    addresses = _ByOwner(stream(aq, Address.person_id))
    # one object per distinct birth date, company id, full name and postcode, city and
    # address tuple: the database hands out new ones for every row, and many people
    # share them
    births: dict[dt.date | None, dt.date | None] = {}
    companies: dict[int | None, int | None] = {}
    displays: dict[str, str] = {}
    places: dict[tuple[Any, ...], Any] = {}
    out: list[PersonRec] = []
    for pid, given, family, title, salutation, birth, company_id in stream(q, Person.id):
        display = " ".join(x for x in (title or "", given or "", family or "") if x)
        rec = make_person_rec(
            pid,
            given,
            family,
            title=title,
            salutation=salutation,
            birth_date=births.setdefault(birth, birth),
            company_id=companies.setdefault(company_id, company_id),
            emails=[row[1] for row in emails.take(pid)],
            phones=[row[1] for row in phones.take(pid)],
            addresses=[(pc, street, city) for _o, pc, street, city in addresses.take(pid)],
            display=displays.setdefault(display, display),
        )
        if rec.postcodes or rec.cities:
            rec.addresses = places.setdefault(rec.addresses, rec.addresses)
            rec.postcodes = places.setdefault(rec.postcodes, rec.postcodes)
            rec.cities = places.setdefault(rec.cities, rec.cities)
        out.append(rec)
    return out


def load_companies(session: Session, ids: Sequence[int] | None = None) -> list[CompanyRec]:
    q = select(
        Company.id,
        Company.name,
        Company.legal_form,
        Company.parent_id,
        Company.vat_id,
        Company.website,
    ).where(Company.deleted_at.is_(None))
    if ids is not None:
        q = q.where(Company.id.in_(ids))
    rows = session.execute(q.order_by(Company.id)).all()
    emails, phones, addresses = _contacts(session, "company_id", ids)
    return [
        make_company_rec(
            cid,
            name,
            legal_form=legal,
            parent_id=parent,
            vat_id=vat,
            website=web,
            emails=emails.get(cid, ()),
            phones=phones.get(cid, ()),
            addresses=addresses.get(cid, ()),
        )
        for cid, name, legal, parent, vat, web in rows
    ]
