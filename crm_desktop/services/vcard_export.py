"""vCard export of stored people: the person record as the neutral
:class:`~crm_desktop.interop.records.ContactRecord` that :mod:`crm_desktop.interop.vcard`
writes (interop knows files, not the tables).

Every card has a UID (CardDAV requires one). A person imported with a UID keeps it;
a person made in the app has none stored, and gets one **derived** on export, not
stored: ``urn:uuid:`` + a name-based UUID (version 5) of the person's id and creation
time (:func:`derived_uid`). It is the same on every export of the same store, so a
server sees the same card again; the importer knows it too (a re-imported export
matches the person it came from, see ``importer.matching._Matching.load_stored``).

Countries are written as their English name (``Germany``, not ``DE``) in the ADR
country field, which is a name in RFC 6350; a country typed but not recognised is
written as typed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

from crm_desktop.data.models import Person
from crm_desktop.domain.countries import english_name
from crm_desktop.interop.records import AddressRecord, ContactRecord
from crm_desktop.interop.vcard import DEFAULT_VERSION, export_records

__all__ = ["derived_uid", "export_vcards", "person_uid", "record_from_person"]

_UID_NAMESPACE = uuid.UUID("5b0f3c52-4d0e-4a8e-9a51-8f3c2b7d1e64")  # crm-desktop people


def derived_uid(person_id: int | None, created_at: dt.datetime | None) -> str:
    """The UID the export gives a person that has none stored (see the module doc)."""
    created = created_at.replace(tzinfo=None).isoformat() if created_at is not None else ""
    return f"urn:uuid:{uuid.uuid5(_UID_NAMESPACE, f'person/{person_id}/{created}')}"


def person_uid(person: Person) -> str:
    """The person's vCard UID: the stored one, else :func:`derived_uid`."""
    return person.vcard_uid or derived_uid(person.id, person.created_at)


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
                country=english_name(a.country) if a.country else (a.country_as_typed or ""),
            )
            for a in person.addresses
        ],
        website=prof.get("website", ""),
        notes=person.notes or "",
        tags=[t.name for t in person.tags],
        vcard_uid=person_uid(person),
        photo=person.photo,
        source=f"person {person.id}",
    )
    return rec


def export_vcards(people: Iterable[Person], version: str = DEFAULT_VERSION) -> str:
    """A vCard 3.0 (default) or 4.0 file (text) of stored people."""
    return export_records((record_from_person(p) for p in people), version)
