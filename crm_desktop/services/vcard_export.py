"""vCard export of stored people: the person record as the neutral
:class:`~crm_desktop.interop.records.ContactRecord` that :mod:`crm_desktop.interop.vcard`
writes (interop knows files, not the tables)."""

from __future__ import annotations

from collections.abc import Iterable

from crm_desktop.data.models import Person
from crm_desktop.interop.records import AddressRecord, ContactRecord
from crm_desktop.interop.vcard import export_records

__all__ = ["export_vcards", "record_from_person"]


def record_from_person(person: Person) -> ContactRecord:
    """The neutral record of a stored person (for export)."""
    prof = person.profile_fields or {}
    rec = ContactRecord(
        given_name=person.given_name,
        family_name=person.family_name,
        additional_names=prof.get("additional_names", ""),
        salutation=person.salutation or "",
        title=person.title or "",
        name_suffix=prof.get("name_suffix", ""),
        nickname=person.nickname or "",
        formatted_name=person.full_name,
        company=person.company.name if person.company is not None else "",
        department=person.department.name if person.department is not None else "",
        position=person.position or "",
        occupation=person.occupation or "",
        birth_date=person.birth_date,
        phones=[(p.kind, p.number) for p in person.phones],
        emails=[(e.kind, e.address) for e in person.emails],
        addresses=[
            AddressRecord(
                kind=a.kind,
                street=a.street,
                extra=a.extra or "",
                postcode=a.postcode,
                city=a.city,
                region=a.region or "",
                country=a.country_text,
            )
            for a in person.addresses
        ],
        website=prof.get("website", ""),
        notes=person.notes or "",
        tags=[t.name for t in person.tags],
        vcard_uid=person.vcard_uid or "",
        photo=person.photo,
        source=f"person {person.id}",
    )
    return rec


def export_vcards(people: Iterable[Person], version: str = "4.0") -> str:
    """A vCard 4.0 or 3.0 file (text) of stored people."""
    return export_records((record_from_person(p) for p in people), version)
