"""Export the data: everything as JSON, people/companies/activities as CSV, people as vCard.

Trashed records (``deleted_at`` set) are left out everywhere. CSV files are UTF-8 with
a BOM and ``;`` between fields (what Excel in German-speaking countries opens
directly); our own CSV import reads them back.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, undefer

from crm_desktop.clock import to_local
from crm_desktop.data.models import (
    Activity,
    Company,
    EmailKind,
    Opportunity,
    Order,
    Person,
    PhoneKind,
    Project,
    Ticket,
)
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import CrmError
from crm_desktop.interop import csvsafe
from crm_desktop.interop.records import has_year
from crm_desktop.services import customfields
from crm_desktop.services.vcard_export import export_vcards, person_uid

Entity = Literal["people", "companies", "activities"]
CSV_DELIMITER = ";"


def _num(value: decimal.Decimal | None) -> float | int | None:
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _birthday(value: dt.date | None) -> str | None:
    if value is None:
        return None
    return value.isoformat() if has_year(value) else value.strftime("--%m-%d")


def _people(session: Session, *, photos: bool = False) -> list[Person]:
    query = select(Person).where(Person.deleted_at.is_(None)).order_by(Person.id)
    if photos:
        query = query.options(undefer(Person.photo))
    return list(
        session.execute(
            query.options(
                selectinload(Person.emails),
                selectinload(Person.phones),
                selectinload(Person.addresses),
                selectinload(Person.tags),
                selectinload(Person.company),
                selectinload(Person.department),
            )
        ).scalars()
    )


def _companies(session: Session) -> list[Company]:
    return list(
        session.execute(
            select(Company)
            .where(Company.deleted_at.is_(None))
            .order_by(Company.id)
            .options(
                selectinload(Company.emails),
                selectinload(Company.phones),
                selectinload(Company.addresses),
                selectinload(Company.tags),
            )
        ).scalars()
    )


def _activities(session: Session) -> list[Activity]:
    return list(
        session.execute(
            select(Activity)
            .where(Activity.deleted_at.is_(None))
            .order_by(Activity.occurred_at, Activity.id)
            .options(selectinload(Activity.ticket))
        ).scalars()
    )


def person_dict(p: Person, defined: Sequence[str] = ()) -> dict[str, Any]:
    """A person as the JSON export writes it; ``defined`` names the custom fields
    (their values go to ``custom_fields``, by field name)."""
    prof = p.profile_fields or {}
    return {
        "id": p.id,
        "full_name": p.full_name,
        "given_name": p.given_name,
        "family_name": p.family_name,
        "salutation": p.salutation,
        "title": p.title,
        "company": p.company.name if p.company is not None else None,
        "company_id": p.company_id,
        "department": p.department.name if p.department is not None else None,
        "reports_to_id": p.reports_to_id,
        "position": p.position,
        "emails": [{"kind": e.kind.value, "address": e.address} for e in p.emails],
        "phones": [{"kind": ph.kind.value, "number": ph.number} for ph in p.phones],
        "addresses": [
            {
                "kind": a.kind.value,
                "street": a.street,
                "extra": a.extra,
                "postcode": a.postcode,
                "city": a.city,
                "country": a.country_text,
            }
            for a in p.addresses
        ],
        "birth_date": _birthday(p.birth_date),
        "notes": p.notes,
        "tags": [t.name for t in p.tags],
        "needs_review": p.needs_review,
        "custom_fields": {name: prof[name] for name in defined if prof.get(name)},
    }


def company_dict(c: Company) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "legal_form": c.legal_form,
        "parent_id": c.parent_id,
        "status": c.status.value,
        "priority": c.priority.value if c.priority is not None else None,
        "website": c.website,
        "vat_id": c.vat_id,
        "emails": [{"kind": e.kind.value, "address": e.address} for e in c.emails],
        "phones": [{"kind": ph.kind.value, "number": ph.number} for ph in c.phones],
        "addresses": [
            {
                "kind": a.kind.value,
                "street": a.street,
                "extra": a.extra,
                "postcode": a.postcode,
                "city": a.city,
                "country": a.country_text,
            }
            for a in c.addresses
        ],
        "notes": c.notes,
        "tags": [t.name for t in c.tags],
    }


def activity_dict(a: Activity) -> dict[str, Any]:
    return {
        "id": a.id,
        "kind": a.kind.value,
        "direction": a.direction.value,
        "occurred_at": _iso(a.occurred_at),
        "person_id": a.person_id,
        "company_id": a.company_id,
        "subject": a.subject,
        "text": a.text,
        "ticket": a.ticket.number if a.ticket is not None else None,
        "project_id": a.project_id,
        "opportunity_id": a.opportunity_id,
    }


def export_json(session: Session) -> dict[str, Any]:
    """Everything that is not in the trash, as JSON-ready data."""
    tickets = session.execute(
        select(Ticket).where(Ticket.deleted_at.is_(None)).order_by(Ticket.id)
    ).scalars()
    projects = session.execute(
        select(Project).where(Project.deleted_at.is_(None)).order_by(Project.id)
    ).scalars()
    opportunities = session.execute(
        select(Opportunity)
        .where(Opportunity.deleted_at.is_(None))
        .order_by(Opportunity.id)
        .options(selectinload(Opportunity.stage), selectinload(Opportunity.loss_reason))
    ).scalars()
    orders = session.execute(
        select(Order)
        .where(Order.deleted_at.is_(None))
        .order_by(Order.order_date, Order.id)
        .options(selectinload(Order.lines))
    ).scalars()
    defs = customfields.list_fields(session)
    return {
        "companies": [company_dict(c) for c in _companies(session)],
        "custom_fields": [f.to_json() for f in defs],
        "people": [person_dict(p, [f.name for f in defs]) for p in _people(session)],
        "activities": [activity_dict(a) for a in _activities(session)],
        "tickets": [
            {
                "id": t.id,
                "number": t.number,
                "title": t.title,
                "status": t.status.value,
                "person_id": t.person_id,
                "company_id": t.company_id,
                "opened_at": _iso(t.opened_at),
                "closed_at": _iso(t.closed_at),
            }
            for t in tickets
        ],
        "projects": [
            {
                "id": pr.id,
                "name": pr.name,
                "status": pr.status.value,
                "company_id": pr.company_id,
                "start_date": pr.start_date.isoformat() if pr.start_date else None,
                "end_date": pr.end_date.isoformat() if pr.end_date else None,
            }
            for pr in projects
        ],
        "opportunities": [
            {
                "id": o.id,
                "title": o.title,
                "company_id": o.company_id,
                "person_id": o.person_id,
                "stage": o.stage.name if o.stage is not None else None,
                "value": _num(o.value),
                "currency": o.currency,
                "status": o.status.value,
                "loss_reason": o.loss_reason.name if o.loss_reason is not None else None,
                "expected_close": o.expected_close.isoformat() if o.expected_close else None,
            }
            for o in opportunities
        ],
        "orders": [
            {
                "id": od.id,
                "number": od.number,
                "company_id": od.company_id,
                "person_id": od.person_id,
                "order_date": od.order_date.isoformat(),
                "status": od.status,
                "currency": od.currency,
                "total_net": _num(od.total_net),
                "lines": [
                    {
                        "description": ln.description,
                        "quantity": _num(ln.quantity),
                        "unit_price": _num(ln.unit_price),
                    }
                    for ln in od.lines
                ],
            }
            for od in orders
        ],
    }


# ---------------------------------------------------------------- CSV


PEOPLE_COLUMNS = [
    "ID",
    "Salutation",
    "Title",
    "Given name",
    "Family name",
    "Company",
    "Department",
    "Position",
    "E-mail",
    "E-mail 2",
    "Phone",
    "Mobile",
    "Fax",
    "Street",
    "Address extra",
    "Postcode",
    "City",
    "Country",
    "Birthday",
    "Tags",
    "Notes",
]
COMPANY_COLUMNS = [
    "ID",
    "Company",
    "Legal form",
    "Status",
    "Priority",
    "Website",
    "VAT ID",
    "E-mail",
    "Phone",
    "Street",
    "Postcode",
    "City",
    "Country",
    "Tags",
    "Notes",
]
ACTIVITY_COLUMNS = [
    "ID",
    "Kind",
    "Direction",
    "Date",
    "Person ID",
    "Company ID",
    "Subject",
    "Text",
    "Ticket",
]


def _people_rows(session: Session) -> list[list[str]]:
    rows = []
    for p in _people(session):
        emails = [e.address for e in p.emails]
        phones = {k: [ph.number for ph in p.phones if ph.kind == k] for k in PhoneKind}
        voice = phones[PhoneKind.WORK] + phones[PhoneKind.HOME] + phones[PhoneKind.OTHER]
        a = p.addresses[0] if p.addresses else None
        rows.append(
            [
                str(p.id),
                p.salutation or "",
                p.title or "",
                p.given_name,
                p.family_name,
                p.company.name if p.company is not None else "",
                p.department.name if p.department is not None else "",
                p.position or "",
                emails[0] if emails else "",
                emails[1] if len(emails) > 1 else "",
                voice[0] if voice else "",
                phones[PhoneKind.MOBILE][0] if phones[PhoneKind.MOBILE] else "",
                phones[PhoneKind.FAX][0] if phones[PhoneKind.FAX] else "",
                a.street if a else "",
                (a.extra or "") if a else "",
                a.postcode if a else "",
                a.city if a else "",
                a.country_text if a else "",
                _birthday(p.birth_date) or "",
                ", ".join(t.name for t in p.tags),
                p.notes or "",
            ]
        )
    return rows


def _company_rows(session: Session) -> list[list[str]]:
    rows = []
    for c in _companies(session):
        a = c.addresses[0] if c.addresses else None
        work = [e.address for e in c.emails if e.kind in (EmailKind.WORK, EmailKind.OTHER)]
        emails = work or [e.address for e in c.emails]
        rows.append(
            [
                str(c.id),
                c.name,
                c.legal_form or "",
                c.status.value,
                c.priority.value if c.priority is not None else "",
                c.website or "",
                c.vat_id or "",
                emails[0] if emails else "",
                c.phones[0].number if c.phones else "",
                a.street if a else "",
                a.postcode if a else "",
                a.city if a else "",
                a.country_text if a else "",
                ", ".join(t.name for t in c.tags),
                c.notes or "",
            ]
        )
    return rows


def _activity_rows(session: Session) -> list[list[str]]:
    return [
        [
            str(a.id),
            a.kind.value,
            a.direction.value,
            to_local(a.occurred_at).isoformat(timespec="minutes"),
            str(a.person_id or ""),
            str(a.company_id or ""),
            a.subject,
            a.text,
            a.ticket.number if a.ticket is not None else "",
        ]
        for a in _activities(session)
    ]


FULL_PEOPLE_COLUMNS = [
    "ID",
    "Salutation",
    "Title",
    "Given name",
    "Additional names",
    "Family name",
    "Name suffix",
    "Nickname",
    "Company",
    "Department",
    "Position",
    "Occupation",
    "Birthday",
    "Website",
    "Tags",
    "Notes",
    "UID",
]
_ADDRESS_PARTS = ("street", "extra", "postcode", "city", "region", "country")


def _full_people(session: Session) -> tuple[list[str], list[list[str]]]:
    """The lossless layout: every e-mail, phone and address in numbered columns
    (``E-mail 1 kind``, ``E-mail 1``, ``Phone 1 kind``, ``Phone 1``, ``Address 1 kind``,
    ``Address 1 street`` … ``Address 1 country``), as many as the person with the most
    has (at least one group of each); the CSV import reads it back without loss."""
    people = _people(session)
    n_mail = max([1, *(len(p.emails) for p in people)])
    n_phone = max([1, *(len(p.phones) for p in people)])
    n_adr = max([1, *(len(p.addresses) for p in people)])
    header = list(FULL_PEOPLE_COLUMNS)
    for i in range(1, n_mail + 1):
        header += [f"E-mail {i} kind", f"E-mail {i}"]
    for i in range(1, n_phone + 1):
        header += [f"Phone {i} kind", f"Phone {i}"]
    for i in range(1, n_adr + 1):
        header += [f"Address {i} kind", *(f"Address {i} {part}" for part in _ADDRESS_PARTS)]
    rows = []
    for p in people:
        prof = p.profile_fields or {}
        row = [
            str(p.id),
            p.salutation or "",
            p.title or "",
            p.given_name,
            prof.get("additional_names", ""),
            p.family_name,
            prof.get("name_suffix", ""),
            p.nickname or "",
            p.company.name if p.company is not None else "",
            p.department.name if p.department is not None else "",
            p.position or "",
            p.occupation or "",
            _birthday(p.birth_date) or "",
            prof.get("website", ""),
            ", ".join(t.name for t in p.tags),
            p.notes or "",
            person_uid(p),
        ]
        for i in range(n_mail):
            e = p.emails[i] if i < len(p.emails) else None
            row += [e.kind.value, e.address] if e else ["", ""]
        for i in range(n_phone):
            ph = p.phones[i] if i < len(p.phones) else None
            row += [ph.kind.value, ph.number] if ph else ["", ""]
        for i in range(n_adr):
            a = p.addresses[i] if i < len(p.addresses) else None
            if a is None:
                row += [""] * (1 + len(_ADDRESS_PARTS))
                continue
            row += [
                a.kind.value,
                a.street,
                a.extra or "",
                a.postcode,
                a.city,
                a.region or "",
                a.country_text,
            ]
        rows.append(row)
    return header, rows


LAYOUTS = ("standard", "full")


def export_csv(
    session: Session, entity: Entity | str, out_path: str | Path, layout: str = "standard"
) -> int:
    """Write people, companies or activities as CSV; returns the number of rows.

    ``layout="full"`` (people only) writes every e-mail, phone and address (see
    :func:`_full_people`); the standard layout keeps one of each kind, as before."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}: standard or full")
    if entity == "people" and layout == "full":
        header, rows = _full_people(session)
    elif entity == "people":
        header, rows = PEOPLE_COLUMNS, _people_rows(session)
    elif entity == "companies":
        header, rows = COMPANY_COLUMNS, _company_rows(session)
    elif entity == "activities":
        header, rows = ACTIVITY_COLUMNS, _activity_rows(session)
    else:
        raise ValueError(f"unknown entity {entity!r}: people, companies or activities")
    _write(Path(out_path), lambda fh: _csv_write(fh, header, rows))
    return len(rows)


def _csv_write(fh: Any, header: list[str], rows: list[list[str]]) -> None:
    writer = csvsafe.writer(fh, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)


def _write(path: Path, fill: Callable[[Any], object], encoding: str = "utf-8-sig") -> None:
    """Write to a temp file beside ``path`` and rename: no half-written exports."""
    tmp = path.with_name(path.name + ".part")
    try:
        with tmp.open("w", encoding=encoding, newline="") as fh:
            fill(fh)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CrmError(
            QT_TRANSLATE_NOOP("errors", "The file {path} cannot be written: {detail}"),
            path=str(path),
            detail=exc.strerror or str(exc),
        ) from exc


# ---------------------------------------------------------------- vCard


def export_vcard(
    session: Session,
    out_path: str | Path,
    version: str = "3.0",
    person_ids: Sequence[int] | None = None,
) -> int:
    """Write people (all, or ``person_ids``) as vCard 3.0 (default) or 4.0; returns
    the count."""
    if version not in {"3.0", "4.0"}:
        raise ValueError(f"unsupported vCard version {version!r}")
    people = _people(session, photos=True)
    if person_ids is not None:
        wanted = set(person_ids)
        people = [p for p in people if p.id in wanted]
    text = export_vcards(people, version)
    _write(Path(out_path), lambda fh: fh.write(text), encoding="utf-8")
    return len(people)
