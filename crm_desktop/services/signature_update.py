"""Update a stored person or company from a pasted signature or imprint (issue #17).

:func:`find_matches` asks the duplicate finder which stored people
(:func:`crm_desktop.services.dedup.check_new_person`: name, e-mail, phone) and
companies (name, VAT id, website, e-mail domain, phone, scored by
:func:`crm_desktop.services.dedup.score_companies`) the pasted contact may be.
:func:`differences` lists, field by field, what the paste would change in one of them
(stored → pasted; an empty pasted value never blanks a stored one; a phone number or an
e-mail address that is not stored yet is added, the others stay). :func:`apply_update`
applies only the chosen differences through :func:`editing.save_person` /
:func:`editing.save_company`, so the update is one undoable edit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from crm_desktop.clock import Clock
from crm_desktop.data.models import Company, Email, Person, Phone
from crm_desktop.errors import ValidationError
from crm_desktop.services import contacts, editing
from crm_desktop.services import validation as v
from crm_desktop.services.contacts import AddressInput, BankInput, EmailInput, PhoneInput
from crm_desktop.services.dedup import ENTRY_MIN_SCORE, check_new_person
from crm_desktop.services.dedup.companies import make_company_rec, score_companies
from crm_desktop.services.dedup.keys import website_domain
from crm_desktop.services.dedup.loading import load_companies

Kind = Literal["person", "company"]

PERSON_FIELDS = ("salutation", "title", "given_name", "family_name", "position")
COMPANY_FIELDS = (
    "name",
    "legal_form",
    "website",
    "vat_id",
    "register_court",
    "register_number",
    "managing_directors",
)
_FREEMAIL = {"gmail.com", "gmx.de", "web.de", "t-online.de", "outlook.com", "yahoo.com"}


@dataclass
class PastedContact:
    """What the signature form holds (after the user's corrections)."""

    company: dict[str, str] = field(default_factory=dict)  # COMPANY_FIELDS
    company_phones: list[PhoneInput] = field(default_factory=list)
    company_emails: list[EmailInput] = field(default_factory=list)
    address: AddressInput | None = None
    person: dict[str, str] = field(default_factory=dict)  # PERSON_FIELDS
    phones: list[PhoneInput] = field(default_factory=list)
    emails: list[EmailInput] = field(default_factory=list)


@dataclass(frozen=True)
class Match:
    kind: Kind
    id: int
    name: str
    score: int
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Difference:
    """One change the paste proposes: ``field`` is the record's field ("position",
    "phones", "emails", "address"), ``stored`` and ``pasted`` are shown side by side,
    ``value`` is what is applied (a text, a PhoneInput, an EmailInput, an AddressInput)."""

    key: str
    field: str
    stored: str
    pasted: str
    value: Any


def phone_region_for(country: str | None, default: str) -> str:
    """The region a pasted number without country code belongs to: the country of the
    pasted address ("(415) 555-0123" with a US address), else ``default``."""
    import phonenumbers

    code = v.country_code(country or "", default="")
    return code if code in phonenumbers.SUPPORTED_REGIONS else default


def _e164(numbers: Iterable[str], region: str) -> list[str]:
    out: list[str] = []
    for raw in numbers:
        try:
            out.append(v.normalize_phone(raw, region))
        except ValidationError:
            continue
    return out


def _domains(emails: Iterable[str]) -> set[str]:
    out = set()
    for e in emails:
        if "@" in e:
            d = e.rsplit("@", 1)[1].strip().lower()
            if d and d not in _FREEMAIL:
                out.add(d)
    return out


def find_matches(
    session: Session, pasted: PastedContact, *, region: str = v.DEFAULT_REGION, limit: int = 5
) -> list[Match]:
    """Stored people and companies the pasted contact may be, people first, best first."""
    out: list[Match] = []
    given = pasted.person.get("given_name", "").strip()
    family = pasted.person.get("family_name", "").strip()
    person_mails = [e.address for e in pasted.emails]
    person_phones = [p.number for p in pasted.phones]
    if family or person_mails or person_phones:
        for cand in check_new_person(
            session,
            given,
            family,
            emails=person_mails,
            phones=person_phones,
            limit=limit,
            region=region,
        ):
            out.append(
                Match("person", cand.person_id, cand.full_name, cand.score, tuple(cand.reasons))
            )
    out.extend(_company_matches(session, pasted, region=region, limit=limit))
    return out


def _company_matches(
    session: Session, pasted: PastedContact, *, region: str, limit: int
) -> list[Match]:
    c = pasted.company
    name = c.get("name", "").strip()
    legal = c.get("legal_form", "").strip()
    mails = [e.address.lower() for e in pasted.company_emails + pasted.emails]
    phones = _e164([p.number for p in pasted.company_phones + pasted.phones], region)
    vat = ""
    if c.get("vat_id"):
        try:
            vat = v.normalize_vat_id(c["vat_id"])
        except ValidationError:
            vat = ""
    domain = website_domain(c.get("website"))
    conds: list[Any] = []
    if name:
        names = {name.lower(), f"{name} {legal}".strip().lower()}
        conds.append(func.lower(Company.name).in_(sorted(names)))
        first = name.split()[0]
        if len(first) >= 4:
            conds.append(func.lower(Company.name).like(first.lower() + "%"))
    if vat:
        conds.append(Company.vat_id == vat)
    if domain:
        conds.append(func.lower(Company.website).like(f"%{domain}%"))
    ids: set[int] = set()
    live = Company.deleted_at.is_(None)
    if conds:
        ids.update(session.scalars(select(Company.id).where(or_(*conds), live).limit(500)))
    domains = _domains(mails) | ({domain} if domain else set())
    if domains:
        ids.update(
            cid
            for cid in session.scalars(
                select(Email.company_id).where(
                    or_(*(Email.address.like(f"%@{d}") for d in sorted(domains)))
                )
            )
            if cid is not None
        )
        ids.update(
            cid
            for cid in session.scalars(
                select(Person.company_id)
                .join(Email, Email.person_id == Person.id)
                .where(or_(*(Email.address.like(f"%@{d}") for d in sorted(domains))))
            )
            if cid is not None
        )
    if phones:
        ids.update(
            cid
            for cid in session.scalars(select(Phone.company_id).where(Phone.number.in_(phones)))
            if cid is not None
        )
    if not ids:
        return []
    addresses: list[tuple[str, str, str]] = []
    if pasted.address is not None:
        a = pasted.address
        addresses.append((a.postcode, a.street, a.city))
    new = make_company_rec(
        0,
        name,
        legal_form=legal or None,
        vat_id=vat or None,
        website=c.get("website") or None,
        emails=mails,
        phones=phones,
        addresses=addresses,
    )
    found = []
    for rec in load_companies(session, sorted(ids)):
        score, reasons = score_companies(new, rec)
        if score >= ENTRY_MIN_SCORE:
            found.append(Match("company", rec.id, rec.display, score, tuple(reasons)))
    found.sort(key=lambda m: (-m.score, m.id))
    return found[:limit]


# ---------------------------------------------------------------- differences


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _same_scalar(key: str, stored: str, pasted: str) -> bool:
    if key == "vat_id":
        try:
            return v.normalize_vat_id(pasted) == stored
        except ValidationError:
            return False
    if key == "website":
        return website_domain(stored) == website_domain(pasted)
    return stored.casefold() == pasted.casefold()


def _address_text(street: str, postcode: str, city: str, country: str) -> str:
    place = f"{postcode} {city}".strip()
    parts = [p for p in (street, place) if p]
    text = ", ".join(parts)
    return f"{text} ({country})" if text and country else text


def differences(
    session: Session,
    kind: Kind,
    record_id: int,
    pasted: PastedContact,
    *,
    region: str = v.DEFAULT_REGION,
) -> list[Difference]:
    """What the paste would change in the stored record, in form order."""
    obj: Person | Company = (
        contacts.get_person(session, record_id)
        if kind == "person"
        else contacts.get_company(session, record_id)
    )
    values = pasted.person if kind == "person" else pasted.company
    names = PERSON_FIELDS if kind == "person" else COMPANY_FIELDS
    out: list[Difference] = []
    for key in names:
        new = _text(values.get(key))
        old = _text(getattr(obj, key))
        if new and not _same_scalar(key, old, new):
            out.append(Difference(key, key, old, new, new))
    stored_phones = [p.number for p in obj.phones]
    phones = pasted.phones if kind == "person" else pasted.company_phones
    for item in phones:
        e164 = _e164([item.number], region)
        number = e164[0] if e164 else item.number
        if number not in stored_phones:
            shown = ", ".join(v.format_phone(n, region) for n in stored_phones)
            out.append(
                Difference(
                    f"phones:{number}",
                    "phones",
                    shown,
                    item.number,
                    PhoneInput(number, item.kind, item.label),
                )
            )
            stored_phones.append(number)
    stored_mails = [e.address for e in obj.emails]
    mails = pasted.emails if kind == "person" else pasted.company_emails
    for mail in mails:
        address = mail.address.strip()
        if address and address.lower() not in {m.lower() for m in stored_mails}:
            out.append(
                Difference(
                    f"emails:{address.lower()}",
                    "emails",
                    ", ".join(stored_mails),
                    address,
                    EmailInput(address, mail.kind),
                )
            )
            stored_mails.append(address)
    a = pasted.address
    if a is not None and (kind == "company" or not pasted.company.get("name")):
        first = obj.addresses[0] if obj.addresses else None
        old_text = (
            _address_text(first.street, first.postcode, first.city, first.country)
            if first is not None
            else ""
        )
        new_text = _address_text(a.street, a.postcode, a.city, a.country)
        same = first is not None and all(
            _text(getattr(first, k)).casefold() == _text(getattr(a, k)).casefold()
            for k in ("street", "postcode", "city")
        )
        if new_text and not same:
            out.append(Difference("address", "address", old_text, new_text, a))
    return out


def _lists(obj: Person | Company) -> dict[str, Any]:
    return {
        "phones": [PhoneInput(p.number, p.kind, p.label) for p in obj.phones],
        "emails": [EmailInput(e.address, e.kind) for e in obj.emails],
        "addresses": [
            AddressInput(
                street=a.street,
                postcode=a.postcode,
                city=a.city,
                country=a.country or (a.country_as_typed or ""),
                kind=a.kind,
                extra=a.extra,
                region=a.region,
            )
            for a in obj.addresses
        ],
        "bank_accounts": [
            BankInput(b.iban, b.bic, b.holder, b.bank_name) for b in obj.bank_accounts
        ],
        "tags": sorted(t.name for t in obj.tags),
    }


def apply_update(
    session: Session,
    kind: Kind,
    record_id: int,
    chosen: Sequence[Difference],
    *,
    clock: Clock,
    region: str = v.DEFAULT_REGION,
    edit_label: editing.EditLabel | None = None,
) -> editing.SaveResult:
    """Apply the chosen differences as one edit of the record (one undo entry)."""
    obj: Person | Company = (
        contacts.get_person(session, record_id)
        if kind == "person"
        else contacts.get_company(session, record_id)
    )
    values: dict[str, Any] = {}
    lists = _lists(obj)
    for diff in chosen:
        if diff.field in ("phones", "emails"):
            lists[diff.field].append(diff.value)
        elif diff.field == "address":
            addresses = lists["addresses"]
            new = diff.value
            if addresses:
                old = addresses[0]
                addresses[0] = AddressInput(
                    street=new.street,
                    postcode=new.postcode,
                    city=new.city,
                    country=new.country or old.country,
                    kind=old.kind,
                    extra=old.extra,
                    region=old.region,
                )
            else:
                addresses.append(new)
        else:
            values[diff.field] = diff.value
    label: dict[str, Any] = {} if edit_label is None else {"edit_label": edit_label}
    if isinstance(obj, Person):
        return editing.save_person(
            session,
            record_id,
            editing.PersonEdit(
                values=values,
                consent_marketing=bool(obj.consent_marketing),
                consent_source=obj.consent_source,
                **lists,
            ),
            previous_consent=bool(obj.consent_marketing),
            region=region,
            clock=clock,
            **label,
        )
    return editing.save_company(
        session,
        record_id,
        editing.CompanyEdit(values=values, **lists),
        region=region,
        clock=clock,
        **label,
    )


__all__ = [
    "Difference",
    "Match",
    "PastedContact",
    "apply_update",
    "differences",
    "find_matches",
    "phone_region_for",
]
