"""Campaigns: select people, export them for a mail merge, log the campaign on each.

People who withdrew their marketing consent are never exported; the result says how
many were left out for that reason. By default only people with a recorded opt-in are
taken (``require_opt_in``, the strict reading of the GDPR for e-mail marketing); the
user may switch that off for a campaign (a letter to existing customers) and the result
says how many were left out without it. A company selects its whole group: every
branch and sub-branch below it. A selection can be saved under a name as a segment and
run again later (:func:`save_segment`, :func:`load_segment`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from crm_desktop.clock import Clock
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Address,
    AddressKind,
    Campaign,
    CampaignSegment,
    Company,
    CompanyStatus,
    Direction,
    Person,
    Priority,
    Tag,
    campaign_members,
    person_tags,
)
from crm_desktop.domain import cardguard
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import NotFoundError, ValidationError
from crm_desktop.interop import csvsafe


@dataclass
class Selection:
    tags: list[str] = field(default_factory=list)
    statuses: list[CompanyStatus] = field(default_factory=list)
    company_ids: list[int] = field(default_factory=list)
    priorities: list[Priority] = field(default_factory=list)
    postcode_from: str | None = None
    postcode_to: str | None = None
    last_contact_before: dt.datetime | None = None  # not contacted since
    last_contact_after: dt.datetime | None = None  # contacted since
    require_opt_in: bool = True
    with_email_only: bool = False
    # custom/profile field name → the value it must have (case and umlauts ignored)
    fields: dict[str, str] = field(default_factory=dict)
    # only these people (None: no restriction); keep it short (≤ 900), chunk above that
    person_ids: list[int] | None = None

    # -- saved as a segment (JSON: dates ISO, enums by value; person_ids never saved)

    def to_dict(self) -> dict[str, object]:
        def moment(value: dt.datetime | None) -> str | None:
            return value.isoformat() if value is not None else None

        return {
            "tags": list(self.tags),
            "statuses": [s.value for s in self.statuses],
            "company_ids": list(self.company_ids),
            "priorities": [p.value for p in self.priorities],
            "postcode_from": self.postcode_from,
            "postcode_to": self.postcode_to,
            "last_contact_before": moment(self.last_contact_before),
            "last_contact_after": moment(self.last_contact_after),
            "require_opt_in": self.require_opt_in,
            "with_email_only": self.with_email_only,
            "fields": dict(self.fields),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Selection:
        def moment(value: object) -> dt.datetime | None:
            if not value:
                return None
            parsed = dt.datetime.fromisoformat(str(value))
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)

        def texts(key: str) -> list[str]:
            raw = data.get(key) or []
            return [str(v) for v in raw] if isinstance(raw, list) else []

        return cls(
            tags=texts("tags"),
            statuses=[CompanyStatus(v) for v in texts("statuses")],
            company_ids=[int(v) for v in texts("company_ids")],
            priorities=[Priority(v) for v in texts("priorities")],
            postcode_from=data.get("postcode_from") or None,
            postcode_to=data.get("postcode_to") or None,
            last_contact_before=moment(data.get("last_contact_before")),
            last_contact_after=moment(data.get("last_contact_after")),
            require_opt_in=bool(data.get("require_opt_in", True)),
            with_email_only=bool(data.get("with_email_only", False)),
            fields={str(k): str(v) for k, v in dict(data.get("fields") or {}).items()},
        )


@dataclass
class SelectionResult:
    person_ids: list[int]
    excluded_withdrawn: int
    excluded_no_opt_in: int


def company_group(company_ids: list[int]) -> Any:
    """A SELECT of the companies and every company below them, at any depth (a
    recursive query: parent company → regional branches → their branches)."""
    top = select(Company.id.label("id")).where(Company.id.in_(company_ids))
    tree = top.cte("company_group", recursive=True)
    below = select(Company.id).join(tree, Company.parent_id == tree.c.id)
    tree = tree.union(below)
    return select(tree.c.id)


def _base_conditions(sel: Selection) -> list[object]:
    cond: list[object] = [Person.deleted_at.is_(None), Person.anonymized_at.is_(None)]
    if sel.person_ids is not None:
        cond.append(Person.id.in_(sel.person_ids))
    if sel.tags:
        tagged = (
            select(person_tags.c.person_id)
            .join(Tag, Tag.id == person_tags.c.tag_id)
            .where(Tag.name.in_(sel.tags))
        )
        cond.append(Person.id.in_(tagged))
    if sel.statuses:
        cond.append(
            Person.company_id.in_(select(Company.id).where(Company.status.in_(sel.statuses)))
        )
    if sel.company_ids:
        cond.append(Person.company_id.in_(company_group(sel.company_ids)))
    if sel.priorities:
        cond.append(
            or_(
                Person.priority.in_(sel.priorities),
                Person.company_id.in_(
                    select(Company.id).where(Company.priority.in_(sel.priorities))
                ),
            )
        )
    if sel.postcode_from or sel.postcode_to:
        pc = [Address.person_id == Person.id]
        if sel.postcode_from:
            pc.append(Address.postcode >= sel.postcode_from)
        if sel.postcode_to:
            pc.append(Address.postcode <= sel.postcode_to)
        company_pc = [Address.company_id == Person.company_id]
        if sel.postcode_from:
            company_pc.append(Address.postcode >= sel.postcode_from)
        if sel.postcode_to:
            company_pc.append(Address.postcode <= sel.postcode_to)
        cond.append(or_(exists().where(and_(*pc)), exists().where(and_(*company_pc))))
    if sel.last_contact_before or sel.last_contact_after:
        last = (
            select(func.max(Activity.occurred_at))
            .where(Activity.person_id == Person.id, Activity.deleted_at.is_(None))
            .scalar_subquery()
        )
        if sel.last_contact_before:
            cond.append(or_(last.is_(None), last < sel.last_contact_before))
        if sel.last_contact_after:
            cond.append(last >= sel.last_contact_after)
    if sel.with_email_only:
        from crm_desktop.data.models import Email

        cond.append(exists().where(Email.person_id == Person.id))
    for name, value in sel.fields.items():
        from crm_desktop.services.customfields import value_condition

        cond.append(value_condition(name, value))
    return cond


def select_people(session: Session, sel: Selection) -> SelectionResult:
    cond = _base_conditions(sel)
    withdrawn = session.scalar(
        select(func.count())
        .select_from(Person)
        .where(*cond, Person.consent_withdrawn_at.is_not(None))  # type: ignore[arg-type]
    )
    keep = [*cond, Person.consent_withdrawn_at.is_(None)]
    no_opt_in = 0
    if sel.require_opt_in:
        no_opt_in = int(
            session.scalar(
                select(func.count())
                .select_from(Person)
                .where(*keep, Person.consent_marketing.is_(False))  # type: ignore[arg-type]
            )
            or 0
        )
        keep.append(Person.consent_marketing.is_(True))
    ids = list(
        session.execute(
            select(Person.id).where(*keep).order_by(Person.family_name, Person.given_name)  # type: ignore[arg-type]
        ).scalars()
    )
    return SelectionResult(ids, int(withdrawn or 0), no_opt_in)


MERGE_COLUMNS = [
    "salutation",
    "title",
    "given_name",
    "family_name",
    "company",
    "position",
    "street",
    "postcode",
    "city",
    "country",
    "email",
    "phone",
    "letter_salutation",
]


def _letter_salutation(p: Person) -> str:
    name = " ".join(x for x in (p.title or "", p.family_name) if x)
    if (p.salutation or "").lower() in {"herr", "mr", "mr."}:
        return f"Sehr geehrter Herr {name},"
    if (p.salutation or "").lower() in {"frau", "mrs", "ms", "mrs.", "ms."}:
        return f"Sehr geehrte Frau {name},"
    return f"Guten Tag {p.given_name} {p.family_name},".replace("  ", " ")


def _postal(p: Person) -> Address | None:
    for kinds in (
        (AddressKind.MAIN, AddressKind.HOME),
        (AddressKind.BILLING, AddressKind.DELIVERY, AddressKind.OTHER),
    ):
        for a in p.addresses:
            if a.kind in kinds:
                return a
    if p.company is not None:
        for a in p.company.addresses:
            if a.kind == AddressKind.MAIN:
                return a
        if p.company.addresses:
            return p.company.addresses[0]
    return None


def _load(session: Session, ids: list[int]) -> list[Person]:
    people: list[Person] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        people += list(
            session.execute(
                select(Person)
                .where(Person.id.in_(chunk))
                .options(
                    selectinload(Person.addresses),
                    selectinload(Person.emails),
                    selectinload(Person.phones),
                    selectinload(Person.company).selectinload(Company.addresses),
                )
            ).scalars()
        )
    order = {pid: i for i, pid in enumerate(ids)}
    people.sort(key=lambda p: order[p.id])
    return people


def export_mail_merge(session: Session, ids: list[int], out: Path) -> int:
    """CSV for a mail merge (Word/LibreOffice serial letter): UTF-8 with BOM, semicolons."""
    people = _load(session, ids)
    with out.open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csvsafe.writer(fh, delimiter=";")
        writer.writerow(MERGE_COLUMNS)
        for p in people:
            addr = _postal(p)
            writer.writerow(
                [
                    p.salutation or "",
                    p.title or "",
                    p.given_name,
                    p.family_name,
                    p.company.name if p.company else "",
                    p.position or "",
                    addr.street if addr else "",
                    addr.postcode if addr else "",
                    addr.city if addr else "",
                    addr.country_text if addr else "",
                    p.emails[0].address if p.emails else "",
                    p.phones[0].number if p.phones else "",
                    _letter_salutation(p),
                ]
            )
    return len(people)


def export_vcards(session: Session, ids: list[int], out: Path) -> int:
    """vCard 3.0 of the selection (read by Outlook, Apple and Google alike), written by
    the one vCard writer: stable UIDs, lines folded at 75 octets, country names."""
    from crm_desktop.services.vcard_export import export_vcards as write_vcards

    people = _load(session, ids)
    out.write_text(write_vcards(people), encoding="utf-8", newline="")
    return len(people)


def create_campaign(
    session: Session,
    name: str,
    ids: list[int],
    clock: Clock,
    *,
    description: str = "",
    criteria: dict[str, object] | None = None,
    owner: str | None = None,
) -> Campaign:
    """Record the campaign and log it as an activity (kind letter) on each person."""
    if not name.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A campaign needs a name."), field="name")
    cardguard.guard_all({"name": name, "description": description})
    campaign = Campaign(name=name.strip(), description=description, criteria=criteria or {})
    session.add(campaign)
    session.flush()
    now = clock.now()
    company_of = (
        dict(session.execute(select(Person.id, Person.company_id).where(Person.id.in_(ids))).all())
        if len(ids) < 30000
        else {}
    )
    rows = [{"campaign_id": campaign.id, "person_id": pid} for pid in ids]
    if rows:
        session.execute(campaign_members.insert(), rows)
    for pid in ids:
        session.add(
            Activity(
                kind=ActivityKind.LETTER,
                direction=Direction.OUTBOUND,
                channel="campaign",
                occurred_at=now,
                subject=campaign.name,
                text=description or campaign.name,
                person_id=pid,
                company_id=company_of.get(pid),
                campaign_id=campaign.id,
                owner=owner,
            )
        )
    session.flush()
    return campaign


# ---------------------------------------------------------------- saved segments


@dataclass(frozen=True)
class Segment:
    id: int
    name: str
    selection: Selection
    updated_at: dt.datetime


def _segment(row: CampaignSegment) -> Segment:
    moment = row.updated_at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return Segment(int(row.id), row.name, Selection.from_dict(dict(row.selection or {})), moment)


def save_segment(session: Session, name: str, sel: Selection, clock: Clock) -> Segment:
    """Save ``sel`` under ``name``; a segment of that name is replaced."""
    name = name.strip()
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A segment needs a name."), field="name")
    cardguard.guard_all({"name": name})
    row = session.scalar(select(CampaignSegment).where(CampaignSegment.name == name))
    if row is None:
        row = CampaignSegment(name=name)
        session.add(row)
    row.selection = sel.to_dict()
    row.updated_at = clock.now()
    session.flush()
    return _segment(row)


def segments(session: Session) -> list[Segment]:
    rows = session.scalars(select(CampaignSegment).order_by(func.lower(CampaignSegment.name)))
    return [_segment(r) for r in rows]


def load_segment(session: Session, name: str) -> Segment:
    row = session.scalar(select(CampaignSegment).where(CampaignSegment.name == name.strip()))
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no saved selection “{name}”."), name=name
        )
    return _segment(row)


def delete_segment(session: Session, name: str) -> None:
    row = session.scalar(select(CampaignSegment).where(CampaignSegment.name == name.strip()))
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no saved selection “{name}”."), name=name
        )
    session.delete(row)
    session.flush()
